// The order's payment schedule: first where the order stands (the server's
// one-sentence summary, its state and the deadline before it is cancelled
// automatically, with a way to extend that deadline), then the installments
// (deposit, balance), the buyer's transfer proofs to accept or reject, and
// recording money received.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";
import { request } from "../api/client";
import { ORDER_PAYMENT_DEADLINE_EXTEND, ORDER_PAYMENT_RECORD, ORDER_PAYMENT_SCHEDULE } from "../api/operations";
import { useQuery } from "../api/useQuery";
import type {
  OrderPaymentDeadlineExtendMutation,
  OrderPaymentRecordMutation,
  OrderPaymentScheduleQuery,
  PaymentScheduleFieldsFragment,
  PaymentScheduleState,
} from "../api/generated";
import { useI18n } from "../i18n";
import { PaymentProofList } from "./PaymentProofs";
import { Badge, Card, Input, Notice } from "./ui";

type Tone = "default" | "critical" | "warning" | "success" | "info";

export type { PaymentScheduleState };
/** Where the order stands (`state`); `deadline`: when it is cancelled
 * automatically unless the deposit is paid (AWAITING_DEPOSIT) or staff
 * confirm it (AWAITING_CONFIRMATION); `summary`: one sentence saying so, in
 * the board's language. */
export type PaymentSchedule = PaymentScheduleFieldsFragment;
export type Installment = PaymentSchedule["installments"][number];

/** How loud each state is: the ones waiting on someone before a deadline, and
 * an overdue balance, stand out. */
export const STATE_TONE: Record<PaymentScheduleState, Tone> = {
  AWAITING_DEPOSIT: "warning",
  AWAITING_CONFIRMATION: "warning",
  BALANCE_PENDING: "info",
  BALANCE_DUE: "warning",
  BALANCE_OVERDUE: "critical",
  PAID: "success",
  CANCELLED: "default",
  LAPSED: "critical",
};

const BACKGROUND = { default: "default2", critical: "critical1", warning: "warning1", success: "success1", info: "info1" } as const;

function newKey() {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** A moment as a `datetime-local` input's value, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** A `datetime-local` value (the browser's time zone) as an ISO 8601 moment. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value); // no offset: local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The extension offered first: a day after the current deadline. */
export function defaultExtension(deadline: string): string {
  return toLocalInput(new Date(new Date(deadline).getTime() + 24 * 3600 * 1000).toISOString());
}

function errorText(prefix: string, errors: { message?: string | null; code: string }[]) {
  return `${prefix}: ${errors.map((e) => e.message ?? e.code).join("; ")}`;
}

export function PaymentSchedulePanel({
  orderId,
  onRecorded,
  onSchedule,
  refreshKey,
  confirmStage,
  orderNumber,
}: {
  orderId: string;
  /** The order's number, as staff say it (the receipt's description). */
  orderNumber?: string | null;
  onRecorded?: () => void;
  /** Told the schedule each time it is (re)loaded; keep it stable (useCallback). */
  onSchedule?: (schedule: PaymentSchedule | null) => void;
  /** A change (e.g. the job's version) reloads the schedule. */
  refreshKey?: string | number;
  /** The label of the stage whose advance confirms the order. */
  confirmStage?: string | null;
}) {
  const { t, tx, language, formatMoney, formatDate, formatDateTime } = useI18n();
  // The summary is written by the server in the request's language: a switch
  // of language asks again.
  const { data, error, reload, setData } = useQuery<OrderPaymentScheduleQuery>(
    ORDER_PAYMENT_SCHEDULE,
    { orderId },
    { refreshKey: `${language}:${refreshKey ?? ""}` },
  );
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  // One key per payment being entered: a retried submission records it once.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [feedback, setFeedback] = useState<{ tone: "critical" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [newDeadline, setNewDeadline] = useState("");
  // A refusal is the server's words; a success is ours, shown in the board's
  // current language.
  const [deadlineFeedback, setDeadlineFeedback] = useState<{ tone: "critical" | "success"; text?: string } | null>(null);
  const schedule = data?.orderPaymentSchedule ?? null;
  const deadline = schedule?.deadline ?? null;

  useEffect(() => {
    if (data) onSchedule?.(schedule);
  }, [data, schedule, onSchedule]);

  // The extension form starts a day after the deadline as (re)loaded (set
  // while rendering, so the form never shows an empty or stale default).
  const [extensionFor, setExtensionFor] = useState<string | null>(null);
  if (deadline !== extensionFor) {
    setExtensionFor(deadline);
    setNewDeadline(deadline ? defaultExtension(deadline) : "");
  }

  const record = async () => {
    setBusy(true);
    setFeedback(null);
    try {
      const result = await request<OrderPaymentRecordMutation>(ORDER_PAYMENT_RECORD, {
        orderId,
        amount,
        reference,
        idempotencyKey,
      });
      const errors = result.orderPaymentRecord?.openOrderErrors ?? [];
      if (errors.length) {
        setFeedback({ tone: "critical", text: errorText(t("errorPrefix"), errors) });
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

  const extend = async () => {
    const moment = fromLocalInput(newDeadline);
    if (!moment) return;
    setBusy(true);
    setDeadlineFeedback(null);
    try {
      const result = await request<OrderPaymentDeadlineExtendMutation>(ORDER_PAYMENT_DEADLINE_EXTEND, { orderId, deadline: moment });
      const { paymentSchedule = null, openOrderErrors = [] } = result.orderPaymentDeadlineExtend ?? {};
      if (openOrderErrors.length) {
        setDeadlineFeedback({ tone: "critical", text: errorText(t("errorPrefix"), openOrderErrors) });
        return;
      }
      if (paymentSchedule) setData({ orderPaymentSchedule: paymentSchedule });
      setDeadlineFeedback({ tone: "success" });
      await reload();
    } catch (e) {
      setDeadlineFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const outstanding = schedule?.outstanding.amount ?? 0;
  const tone: Tone = schedule ? STATE_TONE[schedule.state] ?? "default" : "default";
  const when = deadline ? formatDateTime(deadline, { zone: true }) : "";

  return (
    <Card
      title={t("paymentSchedule")}
      data-testid="payment-schedule"
      actions={
        schedule && (
          <Badge tone={tone} data-testid="payment-state" data-state={schedule.state}>
            {tx("paymentState", schedule.state)}
          </Badge>
        )
      }
    >
      {error && <Notice tone="critical">{error}</Notice>}
      {!error && !schedule && data && <Text color="default2">{t("noSchedule")}</Text>}
      {schedule && (
        <>
          <Box
            backgroundColor={BACKGROUND[tone]}
            borderRadius={3}
            padding={3}
            display="flex"
            flexDirection="column"
            gap={1}
            role="status"
            data-testid="payment-summary"
            data-state={schedule.state}
            data-tone={tone}
          >
            <Text size={4} fontWeight="bold" className="oo-pre" data-testid="payment-summary-text">
              {schedule.summary}
            </Text>
            {deadline && (
              <Text size={2} data-testid="payment-deadline" data-deadline={deadline}>
                {schedule.state === "AWAITING_DEPOSIT"
                  ? t("deadlineDeposit", { deadline: when })
                  : schedule.state === "AWAITING_CONFIRMATION"
                    ? confirmStage
                      ? t("deadlineConfirmation", { deadline: when, stage: confirmStage })
                      : t("deadlineConfirmationNoStage", { deadline: when })
                    : `${t("deadline")}: ${when}`}
              </Text>
            )}
          </Box>

          {deadline && (
            <Box display="flex" flexDirection="column" gap={2} data-testid="extend-deadline">
              <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
                <Box __minWidth="0" __flex="0 1 280px">
                  <Input
                    label={t("newDeadline")}
                    type="datetime-local"
                    name="newDeadline"
                    value={newDeadline}
                    onChange={(e) => setNewDeadline(e.target.value)}
                  />
                </Box>
                <Button variant="secondary" disabled={busy || !fromLocalInput(newDeadline)} onClick={() => void extend()}>
                  {t("extendDeadline")}
                </Button>
              </Box>
            </Box>
          )}
          {deadlineFeedback && (
            <Notice tone={deadlineFeedback.tone} data-testid="deadline-feedback">
              {deadlineFeedback.text ?? t("deadlineExtended")}
            </Notice>
          )}

          {/* On a phone the table scrolls sideways: a region the keyboard reaches. */}
          <div className="oo-scroll-x" tabIndex={0} role="region" aria-label={t("paymentSchedule")}>
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
                  <tr key={i.kind} data-testid="installment" data-kind={i.kind} data-status={i.status}>
                    <td>{tx("installment", i.kind)}</td>
                    <td className="oo-nowrap">{formatMoney(i.amount.amount, i.amount.currency)}</td>
                    <td className="oo-nowrap">{formatMoney(i.paidAmount.amount, i.paidAmount.currency)}</td>
                    <td className={i.dueDate ? "oo-nowrap" : undefined}>
                      {i.dueDate ? formatDate(i.dueDate) : tx("dueTrigger", i.dueTrigger)}
                    </td>
                    <td>
                      <Badge tone={i.status === "PAID" ? "success" : i.status === "OVERDUE" ? "critical" : i.status === "DUE" ? "warning" : "default"}>
                        {tx("installmentStatus", i.status)}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {schedule.paymentProofs.length > 0 && (
            <PaymentProofList
              proofs={schedule.paymentProofs}
              orderNumber={orderNumber}
              onDecided={() => {
                void reload();
                onRecorded?.();
              }}
            />
          )}
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
