// Buyers' transfer proofs (bukti transfer): the receipt, what the buyer says
// they sent, and, while it waits, staff's two answers: the money arrived
// (accept: the payment is recorded) or it did not (reject, with a reason the
// buyer is told). Nothing counts as paid before an accept.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { request } from "../api/client";
import { PAYMENT_PROOF_ACCEPT, PAYMENT_PROOF_REJECT } from "../api/operations";
import type {
  PaymentProofAcceptMutation,
  PaymentProofFieldsFragment,
  PaymentProofRejectMutation,
  PaymentProofStatus,
} from "../api/generated";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { PrivateFileView } from "./PrivateFile";
import { Badge, Input, Notice, ListItem } from "./ui";

export type PaymentProof = PaymentProofFieldsFragment;

const STATUS_TONE: Record<PaymentProofStatus, "warning" | "success" | "critical"> = {
  PENDING: "warning",
  ACCEPTED: "success",
  REJECTED: "critical",
};

export function PaymentProofItem({
  proof: given,
  orderNumber,
  onDecided,
}: {
  proof: PaymentProof;
  orderNumber?: string | null;
  /** Told the proof as decided, after the server took the decision. */
  onDecided?: (proof: PaymentProof) => void;
}) {
  const { t, tx, formatMoney, formatDateTime } = useI18n();
  // The decision as the server answered it, until the list is reloaded.
  const [decided, setDecided] = useState<PaymentProof | null>(null);
  const proof = decided && decided.id === given.id ? decided : given;
  const [amount, setAmount] = useState(String(given.amount.amount));
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  // A refusal is the server's words; a success is ours, shown in the
  // board's current language.
  const [feedback, setFeedback] = useState<{ tone: "critical" | "success"; text?: string; key?: MessageKey } | null>(null);

  const decide = async (accept: boolean) => {
    setBusy(true);
    setFeedback(null);
    try {
      const result = accept
        ? (await request<PaymentProofAcceptMutation>(PAYMENT_PROOF_ACCEPT, { id: proof.id, amount })).paymentProofAccept
        : (await request<PaymentProofRejectMutation>(PAYMENT_PROOF_REJECT, { id: proof.id, reason })).paymentProofReject;
      const errors = result?.openOrderErrors ?? [];
      if (errors.length) {
        setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${errors.map((e) => e.message ?? e.code).join("; ")}` });
        return;
      }
      setFeedback({ tone: "success", key: accept ? "proofAccepted" : "proofRejected" });
      if (result?.paymentProof) {
        setDecided(result.paymentProof);
        onDecided?.(result.paymentProof);
      }
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const pending = proof.status === "PENDING";
  return (
    <ListItem
      data-testid="payment-proof"
      data-status={proof.status}
      data-proof-id={proof.id}
    >
      <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
        <Text size={4} fontWeight="bold" data-testid="proof-amount">
          {formatMoney(proof.amount.amount, proof.amount.currency)}
        </Text>
        <Badge tone={STATUS_TONE[proof.status]} data-testid="proof-status">
          {tx("proofStatus", proof.status)}
        </Badge>
      </Box>
      <Text size={2}>
        {t("proofFor", { installment: tx("installment", proof.installment) })} ·{" "}
        {t("proofSent", { when: formatDateTime(proof.createdAt) })}
      </Text>
      {proof.reference && (
        <Text size={2} className="oo-pre">
          {t("proofReference")}: {proof.reference}
        </Text>
      )}
      {proof.note && (
        <Text size={2} className="oo-pre">
          {t("proofNote")}: {proof.note}
        </Text>
      )}
      {proof.rejectionReason && (
        <Text size={2} className="oo-pre" data-testid="proof-reason">
          {proof.rejectionReason}
        </Text>
      )}
      <PrivateFileView
        url={proof.url}
        fileName={proof.fileName}
        contentType={proof.contentType}
        alt={orderNumber ? t("receiptOf", { number: orderNumber }) : proof.fileName}
        kind="receipt"
        testId="receipt-image"
        showTestId="show-receipt"
      />
      {pending && (
        <Box display="flex" flexDirection="column" gap={2} data-testid="proof-decision">
          <Text size={2} color="default2">
            {t("proofNothingCounts")}
          </Text>
          <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
            <Box __minWidth="0" __flex="1 1 160px">
              <Input
                label={t("amountReceived")}
                type="number"
                name="proofAmount"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </Box>
            <Button disabled={busy || !amount} onClick={() => void decide(true)}>
              {t("acceptProof")}
            </Button>
          </Box>
          <Box display="flex" gap={2} alignItems="flex-end" flexWrap="wrap">
            <Box __minWidth="0" __flex="1 1 200px">
              <Input label={t("rejectReason")} name="proofReason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </Box>
            <Button variant="secondary" disabled={busy || !reason.trim()} onClick={() => void decide(false)}>
              {t("rejectProof")}
            </Button>
          </Box>
        </Box>
      )}
      {feedback && (
        <Notice tone={feedback.tone} data-testid="proof-feedback">
          {feedback.key ? t(feedback.key) : feedback.text}
        </Notice>
      )}
    </ListItem>
  );
}

export function PaymentProofList({
  proofs,
  orderNumber,
  onDecided,
}: {
  proofs: PaymentProof[];
  orderNumber?: string | null;
  onDecided?: (proof: PaymentProof) => void;
}) {
  const { t } = useI18n();
  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="payment-proofs">
      <Text as="h3" size={4} fontWeight="bold">
        {t("paymentProofs")}
      </Text>
      <Box as="ul" display="flex" flexDirection="column" gap={2} className="oo-plain-list">
        {proofs.map((proof) => (
          <PaymentProofItem key={proof.id} proof={proof} orderNumber={orderNumber} onDecided={onDecided} />
        ))}
      </Box>
    </Box>
  );
}
