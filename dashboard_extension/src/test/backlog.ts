// A backlog as the server answers it (tests/api/test_backlog_api.py's orders).
import type { Backlog } from "../pages/backlogCsv";

const money = (amount: number) => ({ amount, currency: "IDR" });

export function sampleBacklog(patch: Partial<Backlog> = {}): Backlog {
  return {
    today: "2026-12-02",
    currency: "IDR",
    orders: 4,
    units: 5,
    value: money(926000),
    total: money(926000),
    paid: money(446000),
    outstanding: money(480000),
    stages: [
      { code: "RECEIVED", label: "Received", orders: 3, units: 4, value: money(526000) },
      { code: "READY", label: "Ready", orders: 1, units: 1, value: money(400000) },
    ],
    aging: [
      { code: "0_3", label: "0_3", orders: 4, units: 5, value: money(926000) },
      { code: "4_7", label: "4_7", orders: 0, units: 0, value: money(0) },
      { code: "8_14", label: "8_14", orders: 0, units: 0, value: money(0) },
      { code: "15_30", label: "15_30", orders: 0, units: 0, value: money(0) },
      { code: "31_PLUS", label: "31_PLUS", orders: 0, units: 0, value: money(0) },
    ],
    dueIn: [
      { code: "LATE", label: "LATE", orders: 1, units: 1, value: money(92000) },
      { code: "0_2", label: "0_2", orders: 2, units: 2, value: money(650000) },
      { code: "3_7", label: "3_7", orders: 0, units: 0, value: money(0) },
      { code: "8_14", label: "8_14", orders: 1, units: 2, value: money(184000) },
      { code: "15_PLUS", label: "15_PLUS", orders: 0, units: 0, value: money(0) },
      { code: "NO_DATE", label: "NO_DATE", orders: 0, units: 0, value: money(0) },
    ],
    atRisk: [
      {
        jobId: "UHJvZHVjdGlvbkpvYjo0",
        orderNumber: "4",
        productName: 'Kaos "Sablon", merah',
        stage: "RECEIVED",
        stageLabel: "Received",
        promisedDate: "2026-12-01",
        daysLeft: -1,
        risk: "LATE",
        quantity: 1,
        value: money(92000),
      },
      {
        jobId: "UHJvZHVjdGlvbkpvYjoy",
        orderNumber: "2",
        productName: "=HYPERLINK(\"http://x\")",
        stage: "RECEIVED",
        stageLabel: "Received",
        promisedDate: "2026-12-04",
        daysLeft: 2,
        risk: "DUE_SOON",
        quantity: 1,
        value: money(250000),
      },
    ],
    cashForecast: {
      overdue: money(0),
      later: money(0),
      unscheduled: money(0),
      total: money(480000),
      weeks: [
        {
          weekStart: "2026-11-30",
          deposits: money(192000),
          balancesOnReady: money(46000),
          balancesOnDelivery: money(150000),
          balancesDaysAfterOrder: money(0),
          total: money(388000),
        },
        {
          weekStart: "2026-12-07",
          deposits: money(0),
          balancesOnReady: money(92000),
          balancesOnDelivery: money(0),
          balancesDaysAfterOrder: money(0),
          total: money(92000),
        },
      ],
    },
    ...patch,
  };
}
