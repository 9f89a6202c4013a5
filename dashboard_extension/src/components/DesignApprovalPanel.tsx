// Design approval (ACC desain): the rounds of proofs sent to the buyer for
// the job's approval stage, with the buyer's answers, and a form to send a
// new round while the job has not passed that stage. The job cannot pass it
// until the buyer approves the latest round.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { upload } from "../api/client";
import { PRODUCTION_PROOF_UPLOAD } from "../api/operations";
import type { DesignProofFieldsFragment, DesignProofStatusEnum as DesignProofStatus, ProductionProofUploadMutation } from "../api/generated";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { PrivateFileView } from "./PrivateFile";
import { Badge, Card, Input, Notice, ListItem } from "./ui";

export type DesignProof = DesignProofFieldsFragment;
type UploadedJob = NonNullable<NonNullable<ProductionProofUploadMutation["productionProofUpload"]>["job"]>;

const TONE: Record<DesignProofStatus, "warning" | "success" | "critical" | "default"> = {
  PENDING: "warning",
  APPROVED: "success",
  CHANGES_REQUESTED: "critical",
  SUPERSEDED: "default",
};

export function DesignApprovalPanel({
  jobId,
  approvalStage,
  stageLabel,
  canSend,
  proofs,
  orderNumber,
  onSent,
}: {
  jobId: string;
  approvalStage: string;
  stageLabel: string;
  /** The job has not passed the approval stage: a new round may be sent. */
  canSend: boolean;
  proofs: DesignProof[];
  orderNumber?: string | null;
  /** Told the job as the server returned it after a proof was sent. */
  onSent: (job: UploadedJob) => void;
}) {
  const { t, tx, formatDateTime } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  // A refusal is the server's words; a success is ours, in the board's language.
  const [feedback, setFeedback] = useState<{ tone: "critical" | "success"; text?: string; key?: MessageKey } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const latest = [...proofs].reverse().find((p) => p.stage === approvalStage && p.status !== "SUPERSEDED") ?? null;
  const approved = latest?.status === "APPROVED";

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setFeedback(null);
    try {
      const result = (await upload<ProductionProofUploadMutation>(PRODUCTION_PROOF_UPLOAD, { jobId, note }, "file", file))
        .productionProofUpload;
      const errors = result?.openOrderErrors ?? [];
      if (errors.length) {
        setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${errors.map((e) => e.message ?? e.code).join("; ")}` });
        return;
      }
      setFeedback({ tone: "success", key: "proofSentToBuyer" });
      setFile(null);
      setNote("");
      setInputKey((k) => k + 1);
      if (result?.job) onSent(result.job);
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t("designApproval")}
      data-testid="design-approval"
      data-approved={approved ? "true" : "false"}
      actions={
        <Badge tone={approved ? "success" : "warning"} data-testid="approval-state">
          {approved ? t("designApproved") : t("designWaits", { stage: stageLabel })}
        </Badge>
      }
    >
      {proofs.length === 0 && <Text color="default2">{t("noDesignProofs")}</Text>}
      <Box as="ol" display="flex" flexDirection="column" gap={2} className="oo-plain-list">
        {[...proofs].reverse().map((proof) => (
          <ListItem
            key={proof.id}
            data-testid="design-proof"
            data-status={proof.status}
            data-version={proof.version}
          >
            <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
              <Text fontWeight="bold">{t("designRound", { version: proof.version })}</Text>
              <Badge tone={TONE[proof.status]}>{tx("designStatus", proof.status)}</Badge>
            </Box>
            <Text size={2}>{t("proofSent", { when: formatDateTime(proof.createdAt) })}</Text>
            {proof.note && (
              <Text size={2} className="oo-pre">
                {t("designNote")}: {proof.note}
              </Text>
            )}
            {proof.comment && (
              <Text size={2} className="oo-pre" data-testid="buyer-comment">
                {t("buyerComment")}: {proof.comment}
              </Text>
            )}
            <PrivateFileView
              url={proof.url}
              fileName={proof.fileName}
              contentType={proof.contentType}
              alt={t("designProofOf", { number: orderNumber ?? "", version: proof.version })}
              kind="design"
              testId="design-image"
              showTestId="show-design"
            />
          </ListItem>
        ))}
      </Box>
      {canSend ? (
        <Box display="flex" flexDirection="column" gap={2} data-testid="send-design-proof">
          <label className="oo-file">
            <Text size={2}>{t("designFile")}</Text>
            <input
              key={inputKey}
              type="file"
              name="designProofFile"
              accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
          <Input label={t("designNoteToBuyer")} name="designProofNote" value={note} onChange={(e) => setNote(e.target.value)} />
          <Box>
            <Button disabled={busy || !file} onClick={() => void send()}>
              {latest ? t("sendNewRound") : t("sendProof")}
            </Button>
          </Box>
        </Box>
      ) : (
        !approved && <Text color="default2">{t("designPastStage")}</Text>
      )}
      {feedback && (
        <Notice tone={feedback.tone} data-testid="design-feedback">
          {feedback.key ? t(feedback.key) : feedback.text}
        </Notice>
      )}
    </Card>
  );
}
