// The order's payment schedule (deposit, balance) and recording money received.
import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { request, type OpenOrderError } from "../api/client";
import { ORDER_PAYMENT_RECORD, ORDER_PAYMENT_SCHEDULE } from "../api/operations";
import { useQuery } from "../api/useQuery";
import { useI18n } from "../i18n";
import { Badge, Card, Notice } from "./ui";

type Money = { amount: number; currency: string };
export type Installment = {
  kind: string;
  status: string;
  dueTrigger: string;
  dueDays: number | null;
  dueDate: string | null;
  amount: Money;
  paidAmount: Money;
  paidAt: string | null;
};
export type PaymentSchedule = {
  currency: string;
  total: Money;
  outstanding: Money;
  cancellationRule: string | null;
  installments: Installment[];
};

function newKey() {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function PaymentSchedulePanel({ orderId, onRecorded }: { orderId: string; onRecorded?: () => void }) {
  const { t, tx, formatMoney, formatDate } = useI18n();
  const { data, error, reload } = useQuery<{ orderPaymentSchedule: PaymentSchedule | null }>(ORDER_PAYMENT_SCHEDULE, { orderId });
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  // One key per payment being entered: a retried submission records it once.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [feedback, setFeedback] = useState<{ tone: "critical" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const schedule = data?.orderPaymentSchedule ?? null;

  const record = async () => {
    setBusy(true);
    setFeedback(null);
    try {
      const result = await request<{ orderPaymentRecord: { openOrderErrors: OpenOrderError[] } }>(ORDER_PAYMENT_RECORD, {
        orderId,
        amount,
        reference,
        idempotencyKey,
      });
      const errors = result.orderPaymentRecord.openOrderErrors;
      if (errors.length) {
        setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${errors.map((e) => e.message ?? e.code).join("; ")}` });
        return;
      }
      setFeedback({ tone: "success", text: t("paymentRecorded") });
      setAmount("");
      setReference("");
      setIdempotencyKey(newKey());
      await reload();
      onRecorded?.();
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const outstanding = schedule?.outstanding.amount ?? 0;

  return (
    <Card title={t("paymentSchedule")} data-testid="payment-schedule">
      {error && <Notice tone="critical">{error}</Notice>}
      {!error && !schedule && data && <Text color="default2">{t("noSchedule")}</Text>}
      {schedule && (
        <>
          <table className="oo-table">
            <thead>
              <tr>
                <th>{t("installment")}</th>
                <th>{t("amount")}</th>
                <th>{t("paid")}</th>
                <th>{t("due")}</th>
                <th>{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {schedule.installments.map((i) => (
                <tr key={i.kind}>
                  <td>{tx("installment", i.kind)}</td>
                  <td>{formatMoney(i.amount.amount, i.amount.currency)}</td>
                  <td>{formatMoney(i.paidAmount.amount, i.paidAmount.currency)}</td>
                  <td>{i.dueDate ? formatDate(i.dueDate) : tx("dueTrigger", i.dueTrigger)}</td>
                  <td>
                    <Badge tone={i.status === "PAID" ? "success" : i.status === "OVERDUE" ? "critical" : i.status === "DUE" ? "warning" : "default"}>
                      {tx("installmentStatus", i.status)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Text size={2}>
            {t("outstanding")}: <strong>{formatMoney(outstanding, schedule.currency)}</strong>
          </Text>
          {outstanding > 0 && (
            <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
              <Input label={t("amount")} type="number" name="paymentAmount" value={amount} onChange={(e) => setAmount(e.target.value)} />
              <Input label={t("reference")} name="paymentReference" value={reference} onChange={(e) => setReference(e.target.value)} />
              <Button disabled={busy || !amount || !reference.trim()} onClick={() => void record()}>
                {t("recordPayment")}
              </Button>
            </Box>
          )}
        </>
      )}
      {feedback && <Notice tone={feedback.tone}>{feedback.text}</Notice>}
    </Card>
  );
}
