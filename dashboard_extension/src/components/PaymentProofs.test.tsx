import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import type { PaymentSchedule } from "./PaymentSchedulePanel";
import { PaymentSchedulePanel } from "./PaymentSchedulePanel";
import type { PaymentProof } from "./PaymentProofs";

const idr = (amount: number) => ({ amount, currency: "IDR" });

function proof(patch: Partial<PaymentProof> = {}): PaymentProof {
  return {
    id: "UGF5bWVudFByb29mOjE=", status: "PENDING", installment: "DEPOSIT", reference: "BCA 0042", note: "DP ya kak",
    fileName: "bukti.png", contentType: "image/png", size: 1200, url: "/openorder/payment-proofs/x/",
    rejectionReason: null, createdAt: "2026-12-01T03:00:00+00:00", decidedAt: null, amount: idr(125000),
    ...patch,
  };
}

function schedule(proofs: PaymentProof[], depositStatus = "DUE"): PaymentSchedule {
  return {
    state: depositStatus === "PAID" ? "BALANCE_PENDING" : "AWAITING_DEPOSIT", deadline: null, summary: "…", currency: "IDR",
    total: idr(250000), outstanding: idr(depositStatus === "PAID" ? 125000 : 250000), cancellationRule: null,
    installments: [
      { kind: "DEPOSIT", status: depositStatus as "DUE", dueTrigger: "AT_CHECKOUT", dueDays: null, dueDate: null, amount: idr(125000), paidAmount: idr(depositStatus === "PAID" ? 125000 : 0), paidAt: null },
    ],
    paymentProofs: proofs,
  };
}

describe("transfer proofs on the payment panel", () => {
  it("accepts a proof with the amount that arrived, then reloads the schedule", async () => {
    let current = schedule([proof()]);
    const sent = mockGraphQL({
      OrderPaymentSchedule: () => ({ orderPaymentSchedule: current }),
      PaymentProofAccept: (variables) => {
        const accepted = proof({ status: "ACCEPTED", amount: idr(Number(variables.amount)), decidedAt: "2026-12-01T04:00:00+00:00" });
        current = schedule([accepted], "PAID");
        return { paymentProofAccept: { paymentProof: accepted, openOrderErrors: [] } };
      },
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" orderNumber="7" />);
    const item = await screen.findByTestId("payment-proof");
    expect(item.getAttribute("data-status")).toBe("PENDING");
    expect(within(item).getByTestId("proof-status").textContent).toBe("To check");
    expect(within(item).getByText("Nothing counts as paid until you accept it.")).toBeTruthy();
    const amount = within(item).getByLabelText("Amount received") as HTMLInputElement;
    expect(amount.value).toBe("125000");
    fireEvent.change(amount, { target: { value: "120000" } });
    fireEvent.click(within(item).getByRole("button", { name: "Money arrived: accept" }));
    expect((await screen.findByTestId("proof-feedback")).textContent).toBe("Accepted: the payment is recorded.");
    expect(sent.find((r) => r.operation === "PaymentProofAccept")?.variables).toEqual({ id: "UGF5bWVudFByb29mOjE=", amount: "120000" });
    await waitFor(() => expect(screen.getByTestId("payment-proof").getAttribute("data-status")).toBe("ACCEPTED"));
    expect(sent.filter((r) => r.operation === "OrderPaymentSchedule")).toHaveLength(2);
    expect(screen.queryByTestId("proof-decision")).toBeNull();
  });

  it("rejects only with a reason, and shows a refusal beside the proof", async () => {
    const sent = mockGraphQL({
      OrderPaymentSchedule: () => ({ orderPaymentSchedule: schedule([proof()]) }),
      PaymentProofReject: () => ({
        paymentProofReject: { paymentProof: null, openOrderErrors: [{ field: "id", code: "INVALID_TRANSITION", message: "This transfer proof was accepted." }] },
      }),
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />, { language: "id" });
    const item = await screen.findByTestId("payment-proof");
    const reject = within(item).getByRole("button", { name: "Tolak" }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    fireEvent.change(within(item).getByLabelText("Alasan (dikirim ke pembeli)"), { target: { value: "Belum masuk." } });
    fireEvent.click(reject);
    const feedback = await screen.findByTestId("proof-feedback");
    expect(feedback.textContent).toContain("This transfer proof was accepted.");
    expect(sent.find((r) => r.operation === "PaymentProofReject")?.variables).toEqual({ id: "UGF5bWVudFByb29mOjE=", reason: "Belum masuk." });
  });

  it("shows a decided proof's reason and no actions", async () => {
    mockGraphQL({
      OrderPaymentSchedule: () => ({
        orderPaymentSchedule: schedule([proof({ status: "REJECTED", rejectionReason: "Nominal tidak cocok.", decidedAt: "2026-12-01T04:00:00+00:00" })]),
      }),
    });
    renderWithProviders(<PaymentSchedulePanel orderId="T3JkZXI6MQ==" />);
    const item = await screen.findByTestId("payment-proof");
    expect(within(item).getByTestId("proof-reason").textContent).toBe("Nominal tidak cocok.");
    expect(within(item).getByTestId("proof-status").textContent).toBe("Rejected");
    expect(within(item).queryByRole("button", { name: "Money arrived: accept" })).toBeNull();
  });
});
