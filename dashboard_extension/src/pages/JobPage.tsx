// One job: every spec as the buyer gave it, the timeline, notes, the payment
// schedule, and the actions. Every change names the version it was made on; a
// CONFLICT (someone else changed the job) is shown and the job reloaded.
import { Box, Button, Text, Textarea } from "@saleor/macaw-ui";
import { ReactNode, useCallback, useState } from "react";
import { OpenOrderError, request } from "../api/client";
import {
  PRODUCTION_JOB,
  PRODUCTION_JOB_ADVANCE,
  PRODUCTION_JOB_HOLD,
  PRODUCTION_JOB_RESUME,
  PRODUCTION_JOB_UPDATE,
} from "../api/operations";
import type { ProductionJobQuery } from "../api/generated";
import type { JobMutationResult } from "../api/types";
import { useStaffChoices } from "../api/staff";
import { useQuery } from "../api/useQuery";
import { isLate, LateBadge, PaymentBadge, personName, SpecValue } from "../components/jobs";
import { DesignApprovalPanel } from "../components/DesignApprovalPanel";
import { type PaymentSchedule, PaymentSchedulePanel, type PaymentScheduleState } from "../components/PaymentSchedulePanel";
import { Badge, Card, Input, NativeSelect, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

type Feedback = { tone: "critical" | "success"; text: string; conflict?: boolean } | null;

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="oo-row">
      <Text size={2} color="default2">
        {label}
      </Text>
      <Box className="oo-wrap">{children}</Box>
    </div>
  );
}

export function JobPage({ id }: { id: string }) {
  const { t, tx, formatDate, formatDateTime } = useI18n();
  const { data, error, loading, reload, setData } = useQuery<ProductionJobQuery>(PRODUCTION_JOB, { id });
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const [backStage, setBackStage] = useState("");
  const [backNote, setBackNote] = useState("");
  const [holdReason, setHoldReason] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [assignee, setAssignee] = useState("");
  const [notes, setNotes] = useState("");
  const [paymentState, setPaymentState] = useState<PaymentScheduleState | null>(null);
  const staff = useStaffChoices();
  const job = data?.productionJob ?? null;

  const onSchedule = useCallback((schedule: PaymentSchedule | null) => setPaymentState(schedule?.state ?? null), []);

  // Form fields follow the job as (re)loaded: they start again from each new
  // job or version of it (set while rendering, so no render shows the old
  // values), and are otherwise left as being edited.
  const [formFor, setFormFor] = useState<string | null>(null);
  const jobKey = job ? `${job.id}@${job.version}` : null;
  if (job && jobKey !== formFor) {
    setFormFor(jobKey);
    setDueDate(job.promisedDate ?? "");
    setAssignee(job.assignee?.id ?? "");
    setNotes(job.notes ?? "");
    const position = job.stages.findIndex((s) => s.code === job.currentStage);
    setBackStage(position > 0 ? job.stages[position - 1].code : "");
  }

  if (loading && !job) return <Text color="default2">{t("loading")}</Text>;
  if (error && !job)
    return (
      <Notice tone="critical">
        {error} <Button size="small" variant="secondary" onClick={() => void reload()}>{t("retry")}</Button>
      </Notice>
    );
  if (!job) return <Text>{t("notFound")}</Text>;

  const position = job.stages.findIndex((s) => s.code === job.currentStage);
  const next = position >= 0 && position < job.stages.length - 1 ? job.stages[position + 1] : null;
  const earlier = job.stages.slice(0, Math.max(position, 0));
  const late = isLate(job);
  const stageLabel = (code: string | null) => job.stages.find((s) => s.code === code)?.label ?? code ?? "";
  // Staff confirm an order by advancing its jobs to CONFIRMED (or, for a type
  // without that stage, to the second stage), as the server counts it.
  const confirmStage = job.stages.find((s) => s.code === "CONFIRMED") ?? job.stages[1] ?? null;
  const advanceConfirms = paymentState === "AWAITING_CONFIRMATION" && !!confirmStage && next?.code === confirmStage.code;

  /** Runs a job mutation; a CONFLICT reloads the job and says so plainly. */
  const act = async (key: string, query: string, variables: Record<string, unknown>, after?: () => void) => {
    setBusy(true);
    setFeedback(null);
    try {
      const result = await request<Record<string, JobMutationResult>>(query, { id: job.id, version: job.version, ...variables });
      const { job: changed, openOrderErrors } = result[key];
      if (openOrderErrors.length) {
        if (openOrderErrors.some((e: OpenOrderError) => e.code === "CONFLICT")) {
          setFeedback({ tone: "critical", text: t("conflict"), conflict: true });
          await reload();
        } else {
          setFeedback({
            tone: "critical",
            text: `${t("errorPrefix")}: ${openOrderErrors.map((e) => e.message ?? e.code).join("; ")}`,
          });
        }
        return;
      }
      if (changed) setData({ productionJob: changed });
      setFeedback({ tone: "success", text: t("saved") });
      after?.();
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={4} data-testid="job-page" data-version={job.version} className="oo-job-page">
      <Link to={paths.board()} style={{ textDecoration: "none" }}>
        <Text size={2} color="default2">
          ← {t("backToBoard")}
        </Text>
      </Link>
      <Box display="flex" alignItems="center" gap={3} flexWrap="wrap">
        <Text as="h1" size={8} fontWeight="bold">
          {t("orderNumber", { number: job.order.number ?? "" })} · {job.productName}
        </Text>
        <Badge tone="info" data-testid="current-stage">
          {job.currentStageLabel}
        </Badge>
        {late && <LateBadge />}
        {job.status === "ON_HOLD" && <Badge tone="warning">{t("onHold")}</Badge>}
        {job.status === "CANCELLED" && <Badge tone="critical">{t("cancelled")}</Badge>}
        <PaymentBadge status={job.order.paymentStatus} />
      </Box>
      {feedback && (
        <Notice tone={feedback.tone} data-testid={feedback.conflict ? "conflict-notice" : "feedback"}>
          {feedback.text}
        </Notice>
      )}

      <div className="oo-job-grid">
        <Box display="flex" flexDirection="column" gap={4} minWidth={0}>
          <Card title={t("specs")} data-testid="specs">
            <Row label={t("product")}>
              <Text>
                {job.productName}
                {job.variantName && job.variantName !== job.productName ? ` · ${job.variantName}` : ""} · {t("quantity", { quantity: job.quantity })}
              </Text>
            </Row>
            <Row label={t("customer")}>
              <Text>{job.order.userEmail ?? ""}</Text>
            </Row>
            {job.preOrderBatch && (
              <Row label={t("batch")}>
                <Link to={paths.batches()} data-testid="job-batch" data-status={job.preOrderBatch.status}>
                  <Text>
                    {job.preOrderBatch.name} · {tx("batchStatus", job.preOrderBatch.status)}
                  </Text>
                </Link>
              </Row>
            )}
            {job.specs.length === 0 && <Text color="default2">{t("noSpecs")}</Text>}
            {job.specs.map((spec) => (
              <Row key={spec.code} label={spec.label}>
                <Box data-testid={`spec-${spec.code}`}>
                  <SpecValue spec={spec} />
                </Box>
              </Row>
            ))}
          </Card>

          {job.approvalStage && (
            <DesignApprovalPanel
              jobId={job.id}
              approvalStage={job.approvalStage}
              stageLabel={stageLabel(job.approvalStage)}
              canSend={
                job.status !== "CANCELLED" &&
                position <= job.stages.findIndex((s) => s.code === job.approvalStage)
              }
              proofs={job.designProofs}
              orderNumber={job.order.number}
              onSent={(changed) => setData({ productionJob: changed })}
            />
          )}

          <PaymentSchedulePanel
            orderId={job.order.id}
            onRecorded={() => void reload()}
            onSchedule={onSchedule}
            refreshKey={job.version}
            confirmStage={confirmStage?.label ?? null}
            orderNumber={job.order.number}
          />

          <Card title={t("timeline")} data-testid="timeline">
            <Box as="ol" display="flex" flexDirection="column" gap={2} margin={0} paddingLeft={5}>
              {[...job.events].reverse().map((event) => (
                <li key={event.id}>
                  <Text size={2} fontWeight="medium">
                    {tx("event", event.type)}
                    {event.fromStage || event.toStage
                      ? `: ${event.fromStage ? stageLabel(event.fromStage) + " → " : ""}${stageLabel(event.toStage)}`
                      : ""}
                  </Text>{" "}
                  <Text size={1} color="default2">
                    {formatDateTime(event.date)}
                    {event.user ? ` · ${t("by", { who: personName(event.user) })}` : ""}
                  </Text>
                  {event.note && (
                    <Text as="p" size={2} className="oo-pre" margin={0}>
                      {event.note}
                    </Text>
                  )}
                </li>
              ))}
            </Box>
          </Card>
        </Box>

        <Box display="flex" flexDirection="column" gap={4} minWidth={0} id="job-actions" aria-label={t("actions")} as="section">
          <Card title={t("stage")}>
            <Box display="flex" flexDirection="column" gap={2}>
              {advanceConfirms && next && (
                <Notice tone="info" data-testid="advance-confirms">
                  {t("advanceConfirms", { stage: next.label })}
                </Notice>
              )}
              {/* On a phone this bar sits at the bottom of the screen, under the thumb. */}
              <div className="oo-primary-action" data-testid="primary-action">
                {next ? (
                  <Button
                    disabled={busy || job.status !== "ACTIVE"}
                    onClick={() => void act("productionJobAdvance", PRODUCTION_JOB_ADVANCE, { toStage: next.code })}
                    data-testid="advance"
                  >
                    {t("advanceTo", { stage: next.label })}
                  </Button>
                ) : (
                  <Text color="default2">{t("atLastStage")}</Text>
                )}
                <a href="#job-actions" className="oo-to-actions">
                  {t("toActions")}
                </a>
              </div>
              {earlier.length > 0 && (
                <Box display="flex" flexDirection="column" gap={2} paddingTop={2}>
                  <NativeSelect
                    label={t("moveBackTo")}
                    name="backStage"
                    value={backStage}
                    onChange={setBackStage}
                    options={earlier.map((s) => ({ value: s.code, label: s.label }))}
                  />
                  <Input label={t("reworkNote")} name="backNote" value={backNote} onChange={(e) => setBackNote(e.target.value)} />
                  <Button
                    variant="secondary"
                    disabled={busy || !backNote.trim() || job.status !== "ACTIVE"}
                    onClick={() =>
                      void act("productionJobAdvance", PRODUCTION_JOB_ADVANCE, { toStage: backStage, note: backNote }, () => setBackNote(""))
                    }
                  >
                    {t("moveBack")}
                  </Button>
                </Box>
              )}
            </Box>
          </Card>

          <Card title={job.status === "ON_HOLD" ? t("onHold") : t("hold")}>
            {job.status === "ON_HOLD" ? (
              <Box display="flex" flexDirection="column" gap={2}>
                {job.holdReason && <Text className="oo-pre">{job.holdReason}</Text>}
                <Button disabled={busy} onClick={() => void act("productionJobResume", PRODUCTION_JOB_RESUME, {})}>
                  {t("resume")}
                </Button>
              </Box>
            ) : (
              <Box display="flex" flexDirection="column" gap={2}>
                <Input label={t("holdReason")} name="holdReason" value={holdReason} onChange={(e) => setHoldReason(e.target.value)} />
                <Button
                  variant="secondary"
                  disabled={busy || !holdReason.trim() || job.status !== "ACTIVE"}
                  onClick={() => void act("productionJobHold", PRODUCTION_JOB_HOLD, { reason: holdReason }, () => setHoldReason(""))}
                >
                  {t("hold")}
                </Button>
              </Box>
            )}
          </Card>

          <Card title={t("promisedDate")}>
            <Text size={2} color={late ? "critical1" : "default2"}>
              {job.promisedDate ? formatDate(job.promisedDate) : t("noPromisedDate")}
            </Text>
            <Input label={t("promisedDate")} type="date" name="dueDate" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
            <Button
              variant="secondary"
              disabled={busy || !dueDate || dueDate === job.promisedDate}
              onClick={() => void act("productionJobUpdate", PRODUCTION_JOB_UPDATE, { input: { dueDate } })}
            >
              {t("changeDate")}
            </Button>
          </Card>

          <Card title={t("assignee")}>
            <NativeSelect
              label={t("assign")}
              name="assignee"
              value={assignee}
              onChange={setAssignee}
              options={[
                { value: "", label: t("unassigned") },
                ...(job.assignee && !staff.some((s) => s.id === job.assignee?.id)
                  ? [{ value: job.assignee.id ?? "", label: personName(job.assignee) }]
                  : []),
                ...staff.map((user) => ({ value: user.id ?? "", label: personName(user) })),
              ]}
            />
            <Button
              variant="secondary"
              disabled={busy || assignee === (job.assignee?.id ?? "")}
              onClick={() => void act("productionJobUpdate", PRODUCTION_JOB_UPDATE, { input: { assignee: assignee || null } })}
            >
              {t("assign")}
            </Button>
          </Card>

          <Card title={t("notes")}>
            <Textarea name="notes" aria-label={t("notes")} value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} />
            <Button
              variant="secondary"
              disabled={busy || notes === (job.notes ?? "")}
              onClick={() => void act("productionJobUpdate", PRODUCTION_JOB_UPDATE, { input: { note: notes } })}
            >
              {t("saveNote")}
            </Button>
          </Card>
        </Box>
      </div>
    </Box>
  );
}
