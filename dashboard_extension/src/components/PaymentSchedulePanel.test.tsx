import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { defaultExtension, fromLocalInput, PaymentSchedulePanel, type PaymentSchedule, toLocalInput } from "./PaymentSchedulePanel";

// The shop's time zone, so that local date-times read the same on any machine.
beforeAll(() => {
  vi.stubEnv("TZ", "Asia/Jakarta");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const DEADLINE = "2026-12-02T12:30:00+00:00"; // 19:30 in Jakarta
const idr = (amount: number) => ({ amount, currency: "IDR" });

function schedule(patch: Partial<PaymentSchedule> = {}): PaymentSchedule {
  return {
    state: "AWAITING_DEPOSIT",
    deadline: DEADLINE,
    summary: "Waiting for the deposit: Rp 125,000, to be paid by 2 Dec 2026, 19:30, or the order is cancelled.",
    currency: "IDR",
    total: idr(250000),
    outstanding: idr(250000),
    cancellationRule: null,
    installments: [
      { kind: "DEPOSIT", status: "DUE", dueTrigger: "AT_CHECKOUT", dueDays: null, dueDate: "2026-12-02", amount: idr(125000), paidAmount: idr(0), paidAt: null },
      { kind: "BALANCE", status: "PENDING", dueTrigger: "ON_READY", dueDays: null, dueDate: null, amount: idr(125000), paidAmount: idr(0), paidAt: null },
    ],
    paymentProofs: [],
    ...patch,
  };
}

describe("local date-times", () => {
  it("turns a deadline into the datetime-local value a day later, and back", () => {
    expect(toLocalInput(DEADLINE)).toBe("2026-12-02T19:30");
    expect(defaultExtension(DEADLINE)).toBe("2026-12-03T19:30");
    expect(fromLocalInput("2026-12-03T19:30")).toBe("2026-12-03T12:30:00.000Z");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("not a date")).toBeNull();
  });
});

describe("payment schedule panel", () => {
  it("leads with the summary and its state, before the installments", async () => {
    mockGraphQL({ OrderPaymentSchedule: () => ({ orderPaymentSchedule: schedule() }) });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />);
    const summary = await screen.findByTestId("payment-summary");
    expect(summary.textContent).toContain("Waiting for the deposit: Rp 125,000, to be paid by 2 Dec 2026, 19:30, or the order is cancelled.");
    expect(summary.getAttribute("data-tone")).toBe("warning");
    expect(screen.getByTestId("payment-state").textContent).toBe("Waiting for the deposit");
    // The deadline as a local date-time, with what happens at it.
    expect(screen.getByTestId("payment-deadline").textContent).toBe(
      "Cancelled automatically at 2 Dec 2026, 19:30 GMT+7 unless the deposit is paid.",
    );
    const table = screen.getByRole("table");
    expect(summary.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const deposit = within(table).getAllByTestId("installment")[0];
    expect(deposit.getAttribute("data-status")).toBe("DUE");
    expect(within(deposit).getByText("Due")).toBeTruthy();
  });

  it("asks the server in the board's language and shows its words in Indonesian", async () => {
    const sent = mockGraphQL({
      OrderPaymentSchedule: () => ({
        orderPaymentSchedule: schedule({ summary: "Menunggu DP: Rp 125.000 paling lambat 2 Des 2026 19.30." }),
      }),
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />, { language: "id" });
    await screen.findByText("Menunggu DP: Rp 125.000 paling lambat 2 Des 2026 19.30.");
    expect(sent[0].headers["Accept-Language"]).toBe("id");
    expect(screen.getByTestId("payment-state").textContent).toBe("Menunggu DP");
    expect(screen.getByTestId("payment-deadline").textContent).toBe("Dibatalkan otomatis pada 2 Des 2026, 19.30 WIB jika DP belum dibayar.");
    expect(screen.getByRole("button", { name: "Perpanjang batas waktu" })).toBeTruthy();
    expect(screen.getByText("DP")).toBeTruthy(); // the deposit installment
  });

  it("says what to do when the order waits for staff to confirm it", async () => {
    mockGraphQL({
      OrderPaymentSchedule: () => ({
        orderPaymentSchedule: schedule({ state: "AWAITING_CONFIRMATION", summary: "Nothing to pay now. Waiting for the shop to confirm the order by 2 Dec 2026, 19:30." }),
      }),
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" confirmStage="Design confirmed" />);
    const next = await screen.findByTestId("payment-deadline");
    expect(next.textContent).toBe(
      "Cancelled automatically at 2 Dec 2026, 19:30 GMT+7 unless you confirm it: advance the order's jobs to “Design confirmed”.",
    );
    expect(screen.getByTestId("payment-state").textContent).toBe("Waiting for your confirmation");
  });

  it("marks an overdue balance as critical and offers no deadline to extend without one", async () => {
    mockGraphQL({
      OrderPaymentSchedule: () => ({
        orderPaymentSchedule: schedule({ state: "BALANCE_OVERDUE", deadline: null, summary: "The balance of Rp 125,000 was due on 1 Dec 2026." }),
      }),
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />);
    const summary = await screen.findByTestId("payment-summary");
    expect(summary.getAttribute("data-tone")).toBe("critical");
    expect(screen.getByTestId("payment-state").textContent).toBe("Balance overdue");
    expect(screen.queryByTestId("extend-deadline")).toBeNull();
    expect(screen.queryByTestId("payment-deadline")).toBeNull();
  });

  it("extends the deadline by a day by default, then reloads the schedule", async () => {
    const later = "2026-12-03T12:30:00+00:00";
    let current = schedule();
    const sent = mockGraphQL({
      OrderPaymentSchedule: () => ({ orderPaymentSchedule: current }),
      OrderPaymentDeadlineExtend: (variables) => {
        current = schedule({ deadline: later, summary: "Waiting for the deposit: Rp 125,000 by 3 Dec 2026, 19:30." });
        expect(variables).toEqual({ orderId: "T3JkZXI6MQ==", deadline: "2026-12-03T12:30:00.000Z" });
        return { orderPaymentDeadlineExtend: { paymentSchedule: current, openOrderErrors: [] } };
      },
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />);
    const input = (await screen.findByLabelText("New deadline")) as HTMLInputElement;
    expect(input.value).toBe("2026-12-03T19:30");
    fireEvent.click(screen.getByRole("button", { name: "Extend deadline" }));
    expect((await screen.findByTestId("deadline-feedback")).textContent).toBe("Deadline extended.");
    await waitFor(() => expect(sent.filter((r) => r.operation === "OrderPaymentSchedule")).toHaveLength(2));
    expect(screen.getByTestId("payment-summary").textContent).toContain("by 3 Dec 2026, 19:30.");
    expect(screen.getByTestId("payment-deadline").textContent).toContain("3 Dec 2026, 19:30 GMT+7");
    // The form now offers a day after the new deadline.
    expect((screen.getByLabelText("New deadline") as HTMLInputElement).value).toBe("2026-12-04T19:30");
  });

  it("shows a refused extension beside the form and keeps the deadline", async () => {
    const sent = mockGraphQL({
      OrderPaymentSchedule: () => ({ orderPaymentSchedule: schedule() }),
      OrderPaymentDeadlineExtend: () => ({
        orderPaymentDeadlineExtend: {
          paymentSchedule: null,
          openOrderErrors: [{ field: "deadline", code: "INVALID", message: "The new deadline is in the past." }],
        },
      }),
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />);
    const input = await screen.findByLabelText("New deadline");
    fireEvent.change(input, { target: { value: "2020-01-01T10:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Extend deadline" }));
    const feedback = await screen.findByTestId("deadline-feedback");
    expect(feedback.textContent).toBe("Could not save: The new deadline is in the past.");
    expect(feedback.getAttribute("role")).toBe("alert");
    expect(sent.find((r) => r.operation === "OrderPaymentDeadlineExtend")?.variables.deadline).toBe("2020-01-01T03:00:00.000Z");
    expect(sent.filter((r) => r.operation === "OrderPaymentSchedule")).toHaveLength(1);
    expect(screen.getByTestId("payment-deadline").textContent).toContain("2 Dec 2026, 19:30 GMT+7");
  });
});
