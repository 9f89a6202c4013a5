// The production board: a column per stage, a card per job, paged per column
// (never loading every job), with filters and search.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { request } from "../api/client";
import { ORDER_JOBS, PRODUCTION_JOBS } from "../api/operations";
import type { OrderJobsQuery, ProductionJobsQuery } from "../api/generated";
import { useQuery } from "../api/useQuery";
import type { JobCard, Stage } from "../api/types";
import { useProductTypes, type ProductTypeSettings } from "../api/catalog";
import { useStaffChoices } from "../api/staff";
import { endOfWeekExclusive, isLate, LateBadge, PaymentBadge, personName, SpecValue, todayIso } from "../components/jobs";
import { Badge, Input, NativeSelect, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

export const PAGE_SIZE = 20;
const KEY_SPECS = 3;

export type BoardFilters = {
  search: string;
  /** Saleor's Order ID: only this order's jobs ("" for every order). */
  order?: string;
  productType: string;
  assignee: string;
  lateOnly: boolean;
  dueThisWeek: boolean;
};

const TYPE_KEY = "openorder.board.productType";

/** The product type the board shows: the one chosen last time (remembered in
 * this browser) while it is still made to order, else the first one. */
export function chooseProductType(types: Pick<ProductTypeSettings, "id" | "mode">[], remembered: string | null): string {
  const madeToOrder = types.filter((type) => type.mode === "MADE_TO_ORDER");
  return madeToOrder.find((type) => type.id === remembered)?.id ?? madeToOrder[0]?.id ?? "";
}

export function rememberedProductType(): string | null {
  try {
    return window.localStorage.getItem(TYPE_KEY);
  } catch {
    return null;
  }
}

function rememberProductType(id: string) {
  try {
    window.localStorage.setItem(TYPE_KEY, id);
  } catch {
    /* no storage */
  }
}

/** The columns: the stages of one product type, in its order (a konveksi
 * never sees a bakery's columns). */
export function boardColumns(types: Pick<ProductTypeSettings, "id" | "stages">[], productType: string): Stage[] {
  return types.find((type) => type.id === productType)?.stages.map((stage) => ({ ...stage })) ?? [];
}

/** The API filter for one column. */
export function columnFilter(filters: BoardFilters, stage: string, today = todayIso()) {
  const filter: Record<string, unknown> = { stages: [stage], status: ["ACTIVE", "ON_HOLD"] };
  if (filters.order) filter.orders = [filters.order];
  if (filters.search.trim()) filter.search = filters.search.trim();
  if (filters.productType) filter.productTypes = [filters.productType];
  if (filters.assignee) filter.assignees = [filters.assignee];
  if (filters.lateOnly) filter.dueBefore = today;
  else if (filters.dueThisWeek) filter.dueBefore = endOfWeekExclusive(today);
  return filter;
}

/** `?search=`: what the board searches for when it opens. */
export function initialSearch(search: string): string {
  return new URLSearchParams(search).get("search") ?? "";
}

/** `?orderId=`: the order an embedding dashboard opened the board from
 * (Saleor's Order ID, on Saleor 2.10 and 3 alike); the board shows only its
 * jobs until the filter is cleared. */
export function initialOrder(search: string): string {
  return new URLSearchParams(search).get("orderId") ?? "";
}

/** The product type whose board an order's jobs are on: the one shown when
 * its stages are the jobs' (the same codes, in order), else the first
 * made-to-order type with those stages. */
export function typeOfStages(
  types: Pick<ProductTypeSettings, "id" | "mode" | "stages">[],
  stages: { code: string }[],
  shown: string,
): string | null {
  const codes = stages.map((stage) => stage.code).join(",");
  if (!codes) return null;
  const matching = types.filter(
    (type) => type.mode === "MADE_TO_ORDER" && type.stages.map((stage) => stage.code).join(",") === codes,
  );
  return matching.find((type) => type.id === shown)?.id ?? matching[0]?.id ?? null;
}

/** The URL without `?orderId=` (the order filter cleared), the rest kept. */
export function withoutOrder(location: { pathname: string; search: string; hash: string }): string {
  const params = new URLSearchParams(location.search);
  params.delete("orderId");
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
}

/** The order filter, shown and cleared like a filter: "Order #N" once the
 * order's jobs are loaded. */
function OrderFilter({ number, onClear }: { number: string | null; onClear: () => void }) {
  const { t } = useI18n();
  const label = number ? t("orderNumber", { number }) : t("thisOrder");
  return (
    <div className="oo-order-filter" role="group" aria-label={t("orderFilter")} data-testid="order-filter" data-order={number ?? ""}>
      <Text size={2} fontWeight="medium" data-testid="order-filter-label">
        {label}
      </Text>
      <button type="button" className="oo-chip-clear" onClick={onClear} aria-label={`${t("clearOrderFilter")} (${label})`} data-testid="clear-order-filter">
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

function JobCardView({ job }: { job: JobCard }) {
  const { t, formatDate, language } = useI18n();
  const late = isLate(job);
  return (
    <Link to={paths.job(job.id)} className="oo-card-link" data-testid="job-card" data-job-id={job.id} data-order={job.order.number ?? ""}>
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
        className="oo-job-card"
      >
        <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
          <Text fontWeight="bold" size={3}>
            {t("orderNumber", { number: job.order.number ?? "" })}
          </Text>
          <Box display="flex" gap={1} flexWrap="wrap">
            {late && <LateBadge />}
            {job.status === "ON_HOLD" && <Badge tone="warning">{t("onHold")}</Badge>}
          </Box>
        </Box>
        <Text size={2} className="oo-wrap">
          {job.productName}
          {job.variantName && job.variantName !== job.productName ? ` · ${job.variantName}` : ""} · {t("quantity", { quantity: job.quantity })}
        </Text>
        {job.specs.slice(0, KEY_SPECS).map((spec) => (
          <div key={spec.code} className="oo-card-spec" data-testid="card-spec" data-code={spec.code}>
            <Text size={1} color="default2" className="oo-card-spec-label">
              {spec.label}:
            </Text>
            <SpecValue spec={spec} compact />
          </div>
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

/** One stage's jobs, a page at a time. A page asked for under filters that
 * have changed since is cancelled: its jobs never join the new filter's. */
function Column({ stage, filters }: { stage: Stage; filters: BoardFilters }) {
  const { t } = useI18n();
  const [jobs, setJobs] = useState<JobCard[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<AbortController | null>(null);
  const filter = useMemo(() => columnFilter(filters, stage.code), [filters, stage.code]);

  const load = useCallback(async (after: string | null, append: boolean) => {
    pending.current?.abort();
    const mine = new AbortController();
    pending.current = mine;
    setLoading(true);
    setError(null);
    try {
      const data = await request<ProductionJobsQuery>(
        PRODUCTION_JOBS,
        { first: PAGE_SIZE, after, filter, sortBy: { field: "PROMISED_DATE", direction: "ASC" } },
        { signal: mine.signal },
      );
      if (mine.signal.aborted) return;
      const page = data.productionJobs ?? { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
      const nodes = page.edges.map((e) => e.node);
      setJobs((previous) => (append ? [...previous, ...nodes] : nodes));
      setTotal(page.totalCount);
      setCursor(page.pageInfo.endCursor);
      setHasMore(page.pageInfo.hasNextPage);
    } catch (e) {
      if (!mine.signal.aborted) setError((e as Error).message);
    } finally {
      if (!mine.signal.aborted) setLoading(false);
    }
  }, [filter]);

  // A new filter (and so a new `load`) starts the column again.
  useEffect(() => {
    setJobs([]);
    setHasMore(false);
    void load(null, false);
    return () => pending.current?.abort();
  }, [load]);

  const headingId = `stage-${stage.code}`;
  return (
    <Box
      as="section"
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage={stage.code}
      aria-busy={loading}
      backgroundColor="default2"
      borderRadius={4}
      padding={2}
      display="flex"
      flexDirection="column"
      gap={2}
      className="oo-column"
    >
      <Box display="flex" justifyContent="space-between" alignItems="center" paddingX={1} paddingY={1} gap={2}>
        <Text as="h2" fontWeight="bold" size={3} margin={0} id={headingId}>
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
        <Button variant="secondary" className="oo-thumb" onClick={() => void load(cursor, true)} data-testid="load-more">
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
  const [chosenType, setChosenType] = useState<string | null>(rememberedProductType);
  const [picked, setPicked] = useState(false);
  const [filters, setFilters] = useState<Omit<BoardFilters, "productType">>(() => ({
    search: searchInput,
    order: initialOrder(window.location.search),
    assignee: "",
    lateOnly: false,
    dueThisWeek: false,
  }));
  const staff = useStaffChoices();
  // The filtered order's number (and stages, for its product type's board).
  const orderJobs = useQuery<OrderJobsQuery>(ORDER_JOBS, { orders: [filters.order], first: 1 }, { skip: !filters.order });
  const orderJob = filters.order ? orderJobs.data?.productionJobs?.edges[0]?.node ?? null : null;
  const clearOrder = () => {
    setFilters((f) => ({ ...f, order: "" }));
    window.history.replaceState(null, "", withoutOrder(window.location));
  };

  // Search as staff type, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.search === searchInput ? f : { ...f, search: searchInput })), 300);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const madeToOrder = (types ?? []).filter((type) => type.mode === "MADE_TO_ORDER");
  const usual = chooseProductType(types ?? [], chosenType);
  // Opened for an order: its jobs' board, until staff pick another type.
  const productType = (orderJob && !picked && typeOfStages(types ?? [], orderJob.stages, usual)) || usual;
  const columns = useMemo(() => boardColumns(types ?? [], productType), [types, productType]);
  const shown = useMemo<BoardFilters>(() => ({ ...filters, productType }), [filters, productType]);
  const chooseType = (id: string) => {
    setPicked(true);
    setChosenType(id);
    rememberProductType(id);
  };

  return (
    <Box display="flex" flexDirection="column" gap={4}>
      <div className="oo-filters" data-testid="board-filters">
        <div className="oo-filter-type">
          <NativeSelect
            label={t("productType")}
            name="productType"
            value={productType}
            onChange={chooseType}
            options={madeToOrder.map((type) => ({ value: type.id, label: type.name }))}
          />
        </div>
        <div className="oo-filter-search">
          <Input
            label={t("search")}
            type="text"
            name="search"
            value={searchInput}
            onChange={(e) => setSearchInput(e.target.value)}
          />
        </div>
        <NativeSelect
          label={t("assignee")}
          name="assignee"
          value={filters.assignee}
          onChange={(assignee) => setFilters((f) => ({ ...f, assignee }))}
          options={[{ value: "", label: t("allAssignees") }, ...staff.map((user) => ({ value: user.id ?? "", label: personName(user) }))]}
        />
        <label className="oo-check">
          <input
            type="checkbox"
            name="lateOnly"
            checked={filters.lateOnly}
            onChange={(e) => setFilters((f) => ({ ...f, lateOnly: e.target.checked }))}
          />
          <Text size={3}>{t("lateOnly")}</Text>
        </label>
        <label className="oo-check">
          <input
            type="checkbox"
            name="dueThisWeek"
            checked={filters.dueThisWeek}
            onChange={(e) => setFilters((f) => ({ ...f, dueThisWeek: e.target.checked }))}
          />
          <Text size={3}>{t("dueThisWeek")}</Text>
        </label>
      </div>
      {filters.order && <OrderFilter number={orderJob?.order.number ?? null} onClear={clearOrder} />}
      {error && <Notice tone="critical">{error}</Notice>}
      {!types && !error && <Text color="default2">{t("loading")}</Text>}
      {types && madeToOrder.length === 0 && <Notice tone="info">{t("noMadeToOrderTypes")}</Notice>}
      {columns.length > 0 && (
        <nav className="oo-stage-nav" aria-label={t("boardStages")}>
          {columns.map((stage) => (
            <a key={stage.code} href={`#column-${stage.code}`}>
              {stage.label}
            </a>
          ))}
        </nav>
      )}
      <div className="oo-board" data-testid="board" data-product-type={productType} data-search={shown.search.trim()} data-order-filter={filters.order ?? ""} style={{ ["--oo-columns" as string]: columns.length || 1 }}>
        {columns.map((stage) => (
          <div key={`${productType}:${filters.assignee}:${stage.code}`} id={`column-${stage.code}`} className="oo-column-slot">
            <Column stage={stage} filters={shown} />
          </div>
        ))}
      </div>
    </Box>
  );
}
