import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Job } from "../api/types";
import type { PaymentSchedule } from "../components/PaymentSchedulePanel";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { JobPage } from "./JobPage";

const stages = [
  { code: "RECEIVED", label: "Received" },
  { code: "CONFIRMED", label: "Design confirmed" },
  { code: "IN_PRODUCTION", label: "Printing" },
];

function job(patch: Partial<Job> = {}): Job {
  return {
    id: "UHJvZHVjdGlvbkpvYjox", version: 1, quantity: 1, productName: "Kaos", variantName: "Kaos",
    currentStage: "RECEIVED", currentStageLabel: "Received", isLastStage: false, status: "ACTIVE",
    promisedDate: null, isOverdue: false, specs: [], assignee: null,
    order: { id: "T3JkZXI6Nw==", number: "7", userEmail: "pembeli@openorder.test", paymentStatus: "NOT_CHARGED" },
    stages, holdReason: null, notes: "", createdAt: "2026-12-01T00:00:00Z", stageChangedAt: "2026-12-01T00:00:00Z", events: [],
    approvalStage: null, designProofs: [], preOrderBatch: null,
    ...patch,
  };
}

const money = { amount: 0, currency: "IDR" };
const waiting: PaymentSchedule = {
  state: "AWAITING_CONFIRMATION", deadline: "2026-12-03T12:00:00+00:00",
  summary: "Nothing to pay now. Waiting for the shop to confirm the order by 3 Dec 2026, 19:00.",
  currency: "IDR", total: { amount: 85000, currency: "IDR" }, outstanding: { amount: 85000, currency: "IDR" }, cancellationRule: null,
  installments: [{ kind: "BALANCE", status: "PENDING", dueTrigger: "ON_READY", dueDays: null, dueDate: null, amount: { amount: 85000, currency: "IDR" }, paidAmount: money, paidAt: null }],
  paymentProofs: [],
};

describe("a job whose order waits for confirmation", () => {
  it("says that advancing confirms it, and reloads the schedule once advanced", async () => {
    let current = job();
    let schedule = waiting;
    const sent = mockGraphQL({
      ProductionJob: () => ({ productionJob: current }),
      OrderPaymentSchedule: () => ({ orderPaymentSchedule: schedule }),
      StaffUsers: () => ({ staffUsers: { edges: [] } }),
      ProductionJobAdvance: () => {
        current = job({ version: 2, currentStage: "CONFIRMED", currentStageLabel: "Design confirmed" });
        schedule = { ...waiting, state: "BALANCE_PENDING", deadline: null, summary: "The balance of Rp 85,000 is due when the order is ready." };
        return { productionJobAdvance: { job: current, openOrderErrors: [] } };
      },
    });
    renderWithProviders(<JobPage id="UHJvZHVjdGlvbkpvYjox" />);
    const notice = await screen.findByTestId("advance-confirms");
    expect(notice.textContent).toBe("This order is waiting for your confirmation: advancing its jobs to “Design confirmed” confirms it.");
    expect(screen.getByTestId("payment-deadline").textContent).toContain("advance the order's jobs to “Design confirmed”");

    fireEvent.click(screen.getByTestId("advance"));
    await screen.findByText("The balance of Rp 85,000 is due when the order is ready.");
    expect(screen.queryByTestId("advance-confirms")).toBeNull();
    expect(screen.queryByTestId("extend-deadline")).toBeNull();
    await waitFor(() => expect(sent.filter((r) => r.operation === "OrderPaymentSchedule")).toHaveLength(2));
  });
});

describe("a job in a PO batch, with design approval", () => {
  it("names its batch and shows the design approval card with its rounds", async () => {
    mockGraphQL({
      ProductionJob: () => ({
        productionJob: job({
          currentStage: "CONFIRMED",
          currentStageLabel: "Design confirmed",
          preOrderBatch: { id: "UHJlT3JkZXJCYXRjaDox", name: "PO Kaos Batch 1", status: "OPEN" },
          approvalStage: "CONFIRMED",
          designProofs: [
            {
              id: "RGVzaWduUHJvb2Y6MQ==", version: 1, stage: "CONFIRMED", stageLabel: "Design confirmed", status: "PENDING",
              note: "", comment: null, fileName: "mockup.png", contentType: "image/png", url: "/openorder/design-proofs/x/",
              createdAt: "2026-12-01T03:00:00+00:00", answeredAt: null,
            },
          ],
        }),
      }),
      OrderPaymentSchedule: () => ({ orderPaymentSchedule: waiting }),
      StaffUsers: () => ({ staffUsers: { edges: [] } }),
    });
    renderWithProviders(<JobPage id="UHJvZHVjdGlvbkpvYjox" />);
    const batch = await screen.findByTestId("job-batch");
    expect(batch.textContent).toBe("PO Kaos Batch 1 · Open");
    expect(batch.getAttribute("href")).toMatch(/\/batches$/);
    const approval = screen.getByTestId("design-approval");
    expect(approval.getAttribute("data-approved")).toBe("false");
    expect(screen.getAllByTestId("design-proof")).toHaveLength(1);
    // At the approval stage a new round can still be sent.
    expect(screen.getByTestId("send-design-proof")).toBeTruthy();
  });
});
