// The production board: a column per stage, a card per job, paged per column
// (never loading every job), with filters and search.
import { Box, Button, Input, Text } from "@saleor/macaw-ui";
import { useEffect, useMemo, useState } from "react";
import { request } from "../api/client";
import { PRODUCTION_JOBS } from "../api/operations";
import type { Connection, JobCard, Stage } from "../api/types";
import { useProductTypes, type ProductTypeSettings } from "../api/catalog";
import { useStaffChoices } from "../api/staff";
import { endOfWeekExclusive, isLate, LateBadge, PaymentBadge, personName, SpecValue, todayIso } from "../components/jobs";
import { Badge, NativeSelect, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

export const PAGE_SIZE = 20;
const KEY_SPECS = 3;

export type BoardFilters = {
  search: string;
  productType: string;
  assignee: string;
  lateOnly: boolean;
  dueThisWeek: boolean;
};

/** The columns: the stages of the chosen type, or of every made-to-order type
 * merged in order (a stage shared by several types is one column). */
export function boardColumns(types: Pick<ProductTypeSettings, "id" | "mode" | "stages">[], productType: string): Stage[] {
  const chosen = types.filter((type) => (productType ? type.id === productType : type.mode === "MADE_TO_ORDER"));
  const columns: Stage[] = [];
  for (const type of chosen) {
    let insertAt = 0;
    for (const stage of type.stages) {
      const found = columns.findIndex((column) => column.code === stage.code);
      if (found >= 0) insertAt = found + 1;
      else columns.splice(insertAt++, 0, { ...stage });
    }
  }
  return columns;
}

/** The API filter for one column. */
export function columnFilter(filters: BoardFilters, stage: string, today = todayIso()) {
  const filter: Record<string, unknown> = { stages: [stage], status: ["ACTIVE", "ON_HOLD"] };
  if (filters.search.trim()) filter.search = filters.search.trim();
  if (filters.productType) filter.productTypes = [filters.productType];
  if (filters.assignee) filter.assignees = [filters.assignee];
  if (filters.lateOnly) filter.dueBefore = today;
  else if (filters.dueThisWeek) filter.dueBefore = endOfWeekExclusive(today);
  return filter;
}

/** `?search=`, or the order an embedding dashboard opened the board from
 * (`?orderId=` a global ID; in Saleor 2.10 an order's number is its key). */
export function initialSearch(search: string): string {
  const params = new URLSearchParams(search);
  const given = params.get("search");
  if (given) return given;
  const orderId = params.get("orderId");
  if (!orderId) return "";
  try {
    const [type, pk] = atob(orderId).split(":");
    return type === "Order" && /^\d+$/.test(pk) ? pk : "";
  } catch {
    return "";
  }
}

type JobsData = { productionJobs: Connection<JobCard> };

function JobCardView({ job }: { job: JobCard }) {
  const { t, formatDate, language } = useI18n();
  const late = isLate(job);
  return (
    <Link to={paths.job(job.id)} className="oo-card-link" data-testid="job-card" data-job-id={job.id}>
      <Box
        backgroundColor="default1"
        borderColor={late ? "critical1" : "default1"}
        borderStyle="solid"
        borderWidth={1}
        borderRadius={3}
        padding={3}
        display="flex"
        flexDirection="column"
        gap={1.5}
      >
        <Box display="flex" justifyContent="space-between" alignItems="center" gap={2}>
          <Text fontWeight="bold" size={3}>
            {t("orderNumber", { number: job.order.number ?? "" })}
          </Text>
          <Box display="flex" gap={1}>
            {late && <LateBadge />}
            {job.status === "ON_HOLD" && <Badge tone="warning">{t("onHold")}</Badge>}
          </Box>
        </Box>
        <Text size={2}>
          {job.productName}
          {job.variantName && job.variantName !== job.productName ? ` · ${job.variantName}` : ""} · {t("quantity", { quantity: job.quantity })}
        </Text>
        {job.specs.slice(0, KEY_SPECS).map((spec) => (
          <Box key={spec.code} display="flex" gap={1} alignItems="center" overflow="hidden">
            <Text size={1} color="default2" whiteSpace="nowrap">
              {spec.label}:
            </Text>
            <SpecValue spec={spec} compact />
          </Box>
        ))}
        <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
          <Text size={1} color={late ? "critical1" : "default2"} data-testid="promised-date">
            {job.promisedDate ? t("promised", { date: formatDate(job.promisedDate) }) : t("noPromisedDate")}
          </Text>
          <PaymentBadge status={job.order.paymentStatus} />
        </Box>
        {job.assignee && (
          <Text size={1} color="default2" lang={language}>
            {t("assignee")}: {personName(job.assignee)}
          </Text>
        )}
      </Box>
    </Link>
  );
}

function Column({ stage, filters }: { stage: Stage; filters: BoardFilters }) {
  const { t } = useI18n();
  const [jobs, setJobs] = useState<JobCard[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const filter = useMemo(() => columnFilter(filters, stage.code), [filters, stage.code]);

  const load = async (after: string | null, append: boolean, cancelled: () => boolean = () => false) => {
    setLoading(true);
    setError(null);
    try {
      const data = await request<JobsData>(PRODUCTION_JOBS, {
        first: PAGE_SIZE,
        after,
        filter,
        sortBy: { field: "PROMISED_DATE", direction: "ASC" },
      });
      if (cancelled()) return;
      const page = data.productionJobs;
      setJobs((previous) => (append ? [...previous, ...page.edges.map((e) => e.node)] : page.edges.map((e) => e.node)));
      setTotal(page.totalCount);
      setCursor(page.pageInfo.endCursor);
      setHasMore(page.pageInfo.hasNextPage);
    } catch (e) {
      if (!cancelled()) setError((e as Error).message);
    } finally {
      if (!cancelled()) setLoading(false);
    }
  };

  useEffect(() => {
    let stop = false;
    void load(null, false, () => stop);
    return () => {
      stop = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);

  return (
    <Box
      as="section"
      aria-label={stage.label}
      data-testid="board-column"
      data-stage={stage.code}
      backgroundColor="default2"
      borderRadius={4}
      padding={2}
      display="flex"
      flexDirection="column"
      gap={2}
    >
      <Box display="flex" justifyContent="space-between" alignItems="center" paddingX={1} paddingY={1}>
        <Text fontWeight="bold" size={3}>
          {stage.label}
        </Text>
        <Text size={2} color="default2" data-testid="column-count">
          {total ?? ""}
        </Text>
      </Box>
      {error && <Notice tone="critical">{error}</Notice>}
      {jobs.map((job) => (
        <JobCardView key={job.id} job={job} />
      ))}
      {!loading && !error && jobs.length === 0 && (
        <Text size={2} color="default2" paddingX={1}>
          {t("noJobs")}
        </Text>
      )}
      {loading && (
        <Text size={2} color="default2" paddingX={1}>
          {t("loading")}
        </Text>
      )}
      {hasMore && !loading && (
        <Button variant="secondary" size="small" onClick={() => void load(cursor, true)}>
          {t("loadMore")}
        </Button>
      )}
    </Box>
  );
}

export function BoardPage() {
  const { t } = useI18n();
  const { types, error } = useProductTypes();
  const [searchInput, setSearchInput] = useState(() => initialSearch(window.location.search));
  const [filters, setFilters] = useState<BoardFilters>({
    search: searchInput,
    productType: "",
    assignee: "",
    lateOnly: false,
    dueThisWeek: false,
  });
  const staff = useStaffChoices();

  // Search as staff type, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.search === searchInput ? f : { ...f, search: searchInput })), 300);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const madeToOrder = (types ?? []).filter((type) => type.mode === "MADE_TO_ORDER");
  const columns = useMemo(() => boardColumns(types ?? [], filters.productType), [types, filters.productType]);

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <Box display="flex" gap={4} alignItems="flex-end" flexWrap="wrap">
        <Box __width="320px">
          <Input
            label={t("search")}
            type="text"
            name="search"
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
          />
        </Box>
        <NativeSelect
          label={t("productType")}
          name="productType"
          value={filters.productType}
          onChange={(productType) => setFilters((f) => ({ ...f, productType }))}
          options={[{ value: "", label: t("allProductTypes") }, ...madeToOrder.map((type) => ({ value: type.id, label: type.name }))]}
        />
        <NativeSelect
          label={t("assignee")}
          name="assignee"
          value={filters.assignee}
          onChange={(assignee) => setFilters((f) => ({ ...f, assignee }))}
          options={[{ value: "", label: t("allAssignees") }, ...staff.map((user) => ({ value: user.id ?? "", label: personName(user) }))]}
        />
        <label>
          <Box display="flex" gap={1} alignItems="center" paddingBottom={2}>
            <input
              type="checkbox"
              name="lateOnly"
              checked={filters.lateOnly}
              onChange={(e) => setFilters((f) => ({ ...f, lateOnly: e.target.checked }))}
            />
            <Text size={3}>{t("lateOnly")}</Text>
          </Box>
        </label>
        <label>
          <Box display="flex" gap={1} alignItems="center" paddingBottom={2}>
            <input
              type="checkbox"
              name="dueThisWeek"
              checked={filters.dueThisWeek}
              onChange={(e) => setFilters((f) => ({ ...f, dueThisWeek: e.target.checked }))}
            />
            <Text size={3}>{t("dueThisWeek")}</Text>
          </Box>
        </label>
      </Box>
      {error && <Notice tone="critical">{error}</Notice>}
      {!types && !error && <Text color="default2">{t("loading")}</Text>}
      <div className="oo-board" data-testid="board">
        {columns.map((stage) => (
          <Column key={`${filters.productType}:${filters.assignee}:${stage.code}`} stage={stage} filters={filters} />
        ))}
      </div>
    </Box>
  );
}
