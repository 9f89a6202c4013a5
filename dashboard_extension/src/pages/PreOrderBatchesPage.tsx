// Pre-order (PO) batches: how far each is towards its minimum and when it
// closes, and closing one early. A close is final and, short of the minimum,
// cancels and refunds every order in the batch, so it asks first and says
// which of the two will happen.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { request } from "../api/client";
import { PRE_ORDER_BATCH_CLOSE, PRE_ORDER_BATCHES } from "../api/operations";
import type {
  PreOrderBatchCloseMutation,
  PreOrderBatchFieldsFragment,
  PreOrderBatchesQuery,
  PreOrderBatchStatusEnum,
} from "../api/generated";
import { useQuery } from "../api/useQuery";
import { Badge, Card, NativeSelect, Notice, ListItem } from "../components/ui";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";

export type Batch = PreOrderBatchFieldsFragment;

export const BATCHES_PAGE_SIZE = 50;

const TONE: Record<PreOrderBatchStatusEnum, "info" | "success" | "critical"> = {
  OPEN: "info",
  PRODUCING: "success",
  CANCELLED: "critical",
};

const SHOWN: Record<string, PreOrderBatchStatusEnum[] | null> = {
  OPEN: ["OPEN"],
  CLOSED: ["PRODUCING", "CANCELLED"],
  ALL: null,
};

function BatchItem({ given }: { given: Batch }) {
  const { t, tx, formatDateTime, formatDate } = useI18n();
  const [batch, setBatch] = useState(given);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // A refusal is the server's words; a success is ours, shown in the
  // board's current language.
  const [feedback, setFeedback] = useState<{ tone: "critical" | "success"; text?: string; key?: MessageKey } | null>(null);
  if (given.version > batch.version) setBatch(given);
  const { progress } = batch;
  const scope = batch.product?.name ?? batch.productType?.name ?? "";

  const close = async () => {
    setBusy(true);
    setFeedback(null);
    try {
      const result = (await request<PreOrderBatchCloseMutation>(PRE_ORDER_BATCH_CLOSE, { id: batch.id, version: batch.version }))
        .preOrderBatchClose;
      const errors = result?.openOrderErrors ?? [];
      if (errors.length) {
        setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${errors.map((e) => e.message ?? e.code).join("; ")}` });
        return;
      }
      if (result?.preOrderBatch) setBatch(result.preOrderBatch);
      setFeedback({ tone: "success", key: result?.preOrderBatch?.status === "PRODUCING" ? "batchClosedProducing" : "batchClosedCancelled" });
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <ListItem
      data-testid="batch"
      data-batch-id={batch.id}
      data-status={batch.status}
    >
      <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
        <Text as="h3" size={5} fontWeight="bold">
          {batch.name}
        </Text>
        <Badge tone={TONE[batch.status]} data-testid="batch-status">
          {tx("batchStatus", batch.status)}
        </Badge>
      </Box>
      {scope && <Text size={2} color="default2">{scope}</Text>}
      <Box display="flex" flexDirection="column" gap={1}>
        <Text size={3} data-testid="batch-progress">
          {t("batchProgress", { ordered: progress.ordered, minimum: progress.minimum, percent: progress.percent })}
        </Text>
        <div
          className="oo-progress"
          role="progressbar"
          aria-label={t("batchProgressLabel", { name: batch.name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
        >
          <div className={progress.reached ? "oo-progress-bar oo-progress-reached" : "oo-progress-bar"} style={{ width: `${progress.percent}%` }} />
        </div>
        {!progress.reached && batch.status === "OPEN" && (
          <Text size={2}>{t("batchRemaining", { remaining: progress.remaining })}</Text>
        )}
      </Box>
      <Text size={2}>
        {batch.status === "OPEN"
          ? t("batchCloses", { when: formatDateTime(batch.closesAt, { zone: true }) })
          : t("batchClosedAt", { when: formatDateTime(batch.closedAt ?? batch.closesAt, { zone: true }) })}
      </Text>
      {batch.status !== "CANCELLED" && <Text size={2}>{t("batchProductionStarts", { date: formatDate(batch.productionStartsOn) })}</Text>}
      {batch.status === "OPEN" &&
        (confirming ? (
          <Box display="flex" flexDirection="column" gap={2} data-testid="batch-confirm" role="alert">
            <Text size={2} fontWeight="medium">
              {progress.reached ? t("batchCloseProduces") : t("batchCloseCancels", { ordered: progress.ordered })}
            </Text>
            <Box display="flex" gap={2} flexWrap="wrap">
              <Button variant={progress.reached ? "primary" : "error"} disabled={busy} onClick={() => void close()}>
                {t("batchCloseConfirm")}
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                {t("cancelAction")}
              </Button>
            </Box>
          </Box>
        ) : (
          <Box>
            <Button variant="secondary" onClick={() => setConfirming(true)} data-testid="batch-close">
              {t("batchCloseNow")}
            </Button>
          </Box>
        ))}
      {feedback && (
        <Notice tone={feedback.tone} data-testid="batch-feedback">
          {feedback.key ? t(feedback.key) : feedback.text}
        </Notice>
      )}
    </ListItem>
  );
}

export function PreOrderBatchesPage() {
  const { t } = useI18n();
  const [shown, setShown] = useState("OPEN");
  const { data, error, loading, reload } = useQuery<PreOrderBatchesQuery>(PRE_ORDER_BATCHES, {
    first: BATCHES_PAGE_SIZE,
    status: SHOWN[shown],
  });
  const batches = data?.preOrderBatches?.edges.map((edge) => edge.node) ?? [];
  return (
    <Card
      title={t("batches")}
      data-testid="batches-page"
      aria-busy={loading}
      actions={
        <Button variant="tertiary" size="small" onClick={() => void reload()}>
          {t("reload")}
        </Button>
      }
    >
      <Box __maxWidth="320px">
        <NativeSelect
          label={t("batchesShown")}
          name="batchStatus"
          value={shown}
          onChange={setShown}
          options={Object.keys(SHOWN).map((key) => ({ value: key, label: t(`batchesShown_${key}` as "batchesShown_OPEN") }))}
        />
      </Box>
      {error && <Notice tone="critical">{error}</Notice>}
      {!data && !error && <Text color="default2">{t("loading")}</Text>}
      {data && batches.length === 0 && <Text color="default2">{t("noBatches")}</Text>}
      <Box as="ul" display="flex" flexDirection="column" gap={3} className="oo-plain-list" __maxWidth="760px">
        {batches.map((batch) => (
          <BatchItem key={batch.id} given={batch} />
        ))}
      </Box>
    </Card>
  );
}
