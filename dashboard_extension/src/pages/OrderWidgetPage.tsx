// The order page's widget (Saleor 3's ORDER_DETAILS_WIDGETS, at /order?orderId=):
// the order's made-to-order jobs in a narrow sidebar, each linking to its
// page on the board. Embedded, it tells the dashboard how tall it is.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { RefObject, useEffect, useRef } from "react";
import type { OrderJobsQuery } from "../api/generated";
import { ORDER_JOBS } from "../api/operations";
import { useQuery } from "../api/useQuery";
import { onAppBridge, reportWidgetHeight } from "../auth/appBridge";
import { session } from "../auth/session";
import { isLate, LateBadge, PaymentBadge } from "../components/jobs";
import { Badge, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { paths } from "../router";

export const WIDGET_JOBS = 20;

const STATUS_TONE: Record<string, "default" | "warning" | "info"> = { ACTIVE: "info", ON_HOLD: "warning", CANCELLED: "default" };

export type OrderJob = NonNullable<OrderJobsQuery["productionJobs"]>["edges"][number]["node"];

/** Reports `root`'s height to the dashboard (app-sdk's WidgetResize) once the
 * bridge is there and whenever the height changes. */
export function useWidgetHeight(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last = 0;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height > 0 && height !== last && reportWidgetHeight(height)) last = height;
    };
    const stop = onAppBridge(() => {
      last = 0;
      report();
    });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(report);
    observer?.observe(element);
    return () => {
      stop();
      observer?.disconnect();
    };
  }, [root]);
}

function StageProgress({ job }: { job: OrderJob }) {
  const position = job.stages.findIndex((stage) => stage.code === job.currentStage) + 1;
  const count = job.stages.length;
  if (position < 1 || count < 1) return null;
  // A picture of the "Stage 2 of 4" written beside it: hidden from screen readers.
  return (
    <div className="oo-progress" aria-hidden="true" data-testid="stage-progress" data-position={position} data-count={count}>
      {job.stages.map((stage, index) => (
        <span key={stage.code} className={index < position ? "oo-progress-done" : undefined} />
      ))}
    </div>
  );
}

function WidgetJob({ job }: { job: OrderJob }) {
  const { t, formatDate } = useI18n();
  const late = isLate(job);
  const position = job.stages.findIndex((stage) => stage.code === job.currentStage) + 1;
  const embedded = session.isEmbedded;
  return (
    <li className="oo-widget-job" data-testid="widget-job" data-job-id={job.id} data-order={job.order.number ?? ""} data-status={job.status}>
      <a
        href={paths.job(job.id)}
        className="oo-widget-link"
        data-testid="widget-job-link"
        {...(embedded ? { target: "_blank", rel: "noopener" } : {})}
      >
        <Text size={3} fontWeight="bold" className="oo-wrap">
          {job.productName}
          {job.variantName && job.variantName !== job.productName ? ` · ${job.variantName}` : ""}
        </Text>
        <Text size={1} color="default2">
          {" "}
          · {t("quantity", { quantity: job.quantity })}
          {embedded ? ` ${t("opensInNewTab")}` : ""}
        </Text>
      </a>
      <Box display="flex" alignItems="center" gap={2} flexWrap="wrap">
        <Text size={2} data-testid="widget-stage">
          {job.currentStageLabel}
        </Text>
        {position > 0 && (
          <Text size={1} color="default2" data-testid="widget-stage-position">
            ({t("stageProgress", { position, count: job.stages.length })})
          </Text>
        )}
      </Box>
      <StageProgress job={job} />
      <Box display="flex" gap={1} flexWrap="wrap" alignItems="center">
        <Badge tone={STATUS_TONE[job.status] ?? "default"} data-testid="widget-status" data-status={job.status}>
          {job.status === "ON_HOLD" ? t("onHold") : job.status === "CANCELLED" ? t("cancelled") : t("active")}
        </Badge>
        {late && <LateBadge />}
        <PaymentBadge status={job.order.paymentStatus} />
      </Box>
      {job.status === "ON_HOLD" && job.holdReason && (
        <Text size={1} color="default2" className="oo-wrap">
          {job.holdReason}
        </Text>
      )}
      <Text size={1} color={late ? "critical1" : "default2"} data-testid="widget-promised">
        {job.promisedDate ? t("promised", { date: formatDate(job.promisedDate) }) : t("noPromisedDate")}
      </Text>
    </li>
  );
}

export function OrderWidgetPage({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  const { data, error, loading, reload } = useQuery<OrderJobsQuery>(
    ORDER_JOBS,
    { orders: [orderId], first: WIDGET_JOBS },
    { skip: !orderId },
  );
  useWidgetHeight(root);
  const page = data?.productionJobs;
  const jobs = page?.edges.map((edge) => edge.node) ?? [];
  const number = jobs[0]?.order.number;
  const more = (page?.totalCount ?? 0) - jobs.length;
  return (
    <div ref={root} className="oo-widget" data-testid="order-widget" aria-busy={loading}>
      <Box as="main" display="flex" flexDirection="column" gap={3} padding={3}>
        <Text as="h1" size={4} fontWeight="bold" margin={0}>
          {t("widgetTitle")}
          {number ? ` · ${t("orderNumber", { number })}` : ""}
        </Text>
        {!orderId && <Notice tone="info">{t("widgetNoOrder")}</Notice>}
        {error && (
          <Box display="flex" flexDirection="column" gap={2} data-testid="widget-error">
            <Notice tone="critical">{t("widgetError", { error })}</Notice>
            <Button variant="secondary" size="small" onClick={() => void reload()}>
              {t("retry")}
            </Button>
          </Box>
        )}
        {orderId && loading && !data && (
          <Text size={2} color="default2">
            {t("loading")}
          </Text>
        )}
        {data && !error && jobs.length === 0 && (
          <Text size={2} color="default2" data-testid="widget-empty">
            {t("widgetEmpty")}
          </Text>
        )}
        {jobs.length > 0 && (
          <ul className="oo-widget-jobs" data-testid="widget-jobs">
            {jobs.map((job) => (
              <WidgetJob key={job.id} job={job} />
            ))}
          </ul>
        )}
        {more > 0 && (
          <a href={`${paths.board()}?orderId=${encodeURIComponent(orderId)}`} target={session.isEmbedded ? "_blank" : undefined} rel="noopener">
            <Text size={2}>{t("widgetMore", { count: more })}</Text>
          </a>
        )}
      </Box>
    </div>
  );
}
