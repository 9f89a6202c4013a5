// The open-order backlog (issue 16): the orders accepted and not yet
// delivered, for the owner. Summary figures first; then charts to look at
// rather than read (value by stage, ages, due dates, the cash expected week
// by week), each with its figures in a table for screen readers; the jobs at
// risk, each a link to its page; and a CSV export for the owner's
// spreadsheet. Filtered by product type, the placing date, the forecast's
// weeks and how soon a job at an early stage is at risk.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import { Bar, BarChart, type BarShapeProps, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis } from "recharts";
import type { OpenOrderBacklogQuery } from "../api/generated";
import { OPEN_ORDER_BACKLOG } from "../api/operations";
import { useProductTypes } from "../api/catalog";
import { useQuery } from "../api/useQuery";
import { Badge, Card, NativeSelect, Notice } from "../components/ui";
import { type Language, useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { Link, paths } from "../router";
import { type Backlog, backlogCsv, backlogFileName, downloadCsv } from "./backlogCsv";

export const WEEK_CHOICES = [4, 6, 8, 12];
export const DUE_WITHIN_CHOICES = [1, 2, 3, 5, 7, 14];

export type BacklogFilters = {
  productType: string;
  placedFrom: string;
  placedTo: string;
  weeks: number;
  dueWithinDays: number;
};

export const DEFAULT_FILTERS: BacklogFilters = { productType: "", placedFrom: "", placedTo: "", weeks: 6, dueWithinDays: 3 };

/** The query's variables: an unset filter is left out (the server's default). */
export function backlogVariables(filters: BacklogFilters) {
  return {
    productType: filters.productType || null,
    placedFrom: filters.placedFrom || null,
    placedTo: filters.placedTo || null,
    weeks: filters.weeks,
    dueWithinDays: filters.dueWithinDays,
  };
}

// The board's colours: its ink (#1f2937), the progress bars' blue and green,
// the header count's amber and the deep red of its critical buttons; each at
// least 3:1 against the white cards.
export const COLOURS = {
  ink: "#1f2937",
  blue: "#2563eb",
  navy: "#1e40af",
  green: "#15803d",
  amber: "#b45309",
  orange: "#c2410c",
  red: "#cc2500",
  grey: "#6b7280",
  grid: "#e5e7eb",
  text: "#5f6161",
};

const AGE_COLOURS: Record<string, string> = {
  "0_3": COLOURS.blue,
  "4_7": COLOURS.navy,
  "8_14": COLOURS.amber,
  "15_30": COLOURS.orange,
  "31_PLUS": COLOURS.red,
};
const DUE_COLOURS: Record<string, string> = {
  LATE: COLOURS.red,
  "0_2": COLOURS.amber,
  "3_7": COLOURS.blue,
  "8_14": COLOURS.blue,
  "15_PLUS": COLOURS.navy,
  NO_DATE: COLOURS.grey,
};

/** The cash forecast's parts, stacked in this order (bottom first). */
const CASH_PARTS = [
  { key: "deposits", label: "backlogDeposits", colour: COLOURS.ink },
  { key: "onReady", label: "backlogOnReady", colour: COLOURS.blue },
  { key: "onDelivery", label: "backlogOnDelivery", colour: COLOURS.green },
  { key: "daysAfter", label: "backlogDaysAfter", colour: COLOURS.amber },
] as const satisfies readonly { key: string; label: MessageKey; colour: string }[];

type CashRow = {
  key: string;
  label: string;
  title: string;
  deposits: number;
  onReady: number;
  onDelivery: number;
  daysAfter: number;
  overdue: number;
  total: number;
};

/** The forecast as the chart's bars: the overdue money first (a bar of its
 * own, in red), then a bar per week. */
export function cashRows(
  forecast: Backlog["cashForecast"],
  words: { overdue: string; week: (iso: string) => string; weekTitle: (iso: string) => string },
): CashRow[] {
  const rows: CashRow[] = [];
  if (forecast.overdue.amount > 0)
    rows.push({
      key: "overdue",
      label: words.overdue,
      title: words.overdue,
      deposits: 0,
      onReady: 0,
      onDelivery: 0,
      daysAfter: 0,
      overdue: forecast.overdue.amount,
      total: forecast.overdue.amount,
    });
  for (const week of forecast.weeks)
    rows.push({
      key: week.weekStart,
      label: words.week(week.weekStart),
      title: words.weekTitle(week.weekStart),
      deposits: week.deposits.amount,
      onReady: week.balancesOnReady.amount,
      onDelivery: week.balancesOnDelivery.amount,
      daysAfter: week.balancesDaysAfterOrder.amount,
      overdue: 0,
      total: week.total.amount,
    });
  return rows;
}

function locale(language: Language) {
  return language === "id" ? "id-ID" : "en-GB";
}

/** "1 Dec" / "1 Des": a week's Monday on a chart's axis. */
export function shortDate(iso: string, language: Language) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale(language), { day: "numeric", month: "short", timeZone: "UTC" });
}

/** An axis's amounts, short: "926K" / "926 rb". */
function compact(value: number, language: Language) {
  return new Intl.NumberFormat(locale(language), { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** Whether the screen is a phone's (the board's own breakpoint). */
function useNarrow(query = "(max-width: 767px)") {
  const [narrow, setNarrow] = useState(() => typeof window !== "undefined" && !!window.matchMedia?.(query).matches);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener("change", update);
    return () => list.removeEventListener("change", update);
  }, [query]);
  return narrow;
}

/** What a job at risk has left: "2 days left", "Due today", "1 day late". */
export function daysLeftText(t: (key: MessageKey, params?: Record<string, string | number>) => string, days: number) {
  if (days < -1) return t("backlogDaysLate", { count: -days });
  if (days === -1) return t("backlogDayLate");
  if (days === 0) return t("backlogDueToday");
  if (days === 1) return t("backlogDayLeft");
  return t("backlogDaysLeft", { count: days });
}

const AXIS_TICK = { fill: COLOURS.text, fontSize: 12 };

/** A chart with its name (the SVG's <title>, what a screen reader says), a
 * one-sentence summary (its <desc>) and its figures in a table only screen
 * readers see. */
function ChartFigure({
  testId,
  title,
  summary,
  table,
  children,
}: {
  testId: string;
  title: string;
  summary: string;
  table: { head: string[]; rows: (string | number)[][] };
  children: (props: { title: string; desc: string }) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="oo-chart" data-testid={testId} data-summary={summary}>
      {children({ title, desc: summary })}
      {/* Its own box clipped to a pixel (a table grows to its content). */}
      <div className="oo-sr-only">
        <table>
          <caption>{t("backlogChartTable", { title })}</caption>
          <thead>
            <tr>
              {table.head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) =>
                  column === 0 ? (
                    <th key={column} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={column}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Legend({ items }: { items: { label: string; colour: string }[] }) {
  return (
    <ul className="oo-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <span className="oo-swatch" style={{ background: item.colour }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

function Figures({ backlog }: { backlog: Backlog }) {
  const { t, formatMoney, formatNumber } = useI18n();
  const money = (amount: number) => formatMoney(amount, backlog.currency);
  const figures: { key: string; label: string; text: string; value: number; tone?: string }[] = [
    { key: "orders", label: t("backlogOrders"), text: formatNumber(backlog.orders), value: backlog.orders },
    { key: "units", label: t("backlogUnits"), text: formatNumber(backlog.units), value: backlog.units },
    { key: "value", label: t("backlogValue"), text: money(backlog.value.amount), value: backlog.value.amount },
    { key: "total", label: t("backlogTotal"), text: money(backlog.total.amount), value: backlog.total.amount },
    { key: "paid", label: t("paid"), text: money(backlog.paid.amount), value: backlog.paid.amount },
    { key: "outstanding", label: t("outstanding"), text: money(backlog.outstanding.amount), value: backlog.outstanding.amount },
  ];
  return (
    <dl className="oo-figures" data-testid="backlog-summary">
      {figures.map((figure) => (
        <div key={figure.key} className="oo-figure" data-testid={`backlog-figure-${figure.key}`} data-value={figure.value}>
          <dt>{figure.label}</dt>
          <dd>{figure.text}</dd>
        </div>
      ))}
    </dl>
  );
}

function StagesChart({ backlog }: { backlog: Backlog }) {
  const { t, formatMoney, formatNumber, language } = useI18n();
  const money = (amount: number) => formatMoney(amount, backlog.currency);
  const data = backlog.stages.map((stage) => ({
    code: stage.code,
    label: stage.label || stage.code,
    value: stage.value.amount,
    orders: stage.orders,
    units: stage.units,
  }));
  const title = t("backlogByStage");
  const summary = data.map((stage) => `${stage.label} ${money(stage.value)}`).join("; ");
  return (
    <ChartFigure
      testId="backlog-chart-stages"
      title={title}
      summary={summary}
      table={{
        head: [t("stage"), t("csvOrders"), t("backlogUnits"), t("backlogValue")],
        rows: data.map((stage) => [stage.label, formatNumber(stage.orders), formatNumber(stage.units), money(stage.value)]),
      }}
    >
      {(a11y) => (
        <BarChart
          {...a11y}
          responsive
          style={{ width: "100%", height: Math.max(120, 40 * data.length + 40) }}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
          <XAxis type="number" tick={AXIS_TICK} tickFormatter={(value: number) => compact(value, language)} stroke={COLOURS.grid} />
          <YAxis
            type="category"
            dataKey="label"
            width={104}
            tick={AXIS_TICK}
            stroke={COLOURS.grid}
            interval={0}
            // A long stage name, shortened on the axis (whole in the tooltip and the table).
            tickFormatter={(label: string) => (label.length > 16 ? `${label.slice(0, 15)}…` : label)}
          />
          <Tooltip
            cursor={{ fill: "rgba(31, 41, 55, 0.06)" }}
            formatter={(value) => [money(Number(value)), t("backlogValue")]}
          />
          <Bar dataKey="value" name={t("backlogValue")} fill={COLOURS.blue} radius={[0, 4, 4, 0]} maxBarSize={28} />
        </BarChart>
      )}
    </ChartFigure>
  );
}

function BucketChart({
  backlog,
  slices,
  testId,
  title,
  label,
  colours,
}: {
  backlog: Backlog;
  slices: Backlog["aging"];
  testId: string;
  title: string;
  label: (code: string) => string;
  colours: Record<string, string>;
}) {
  const { t, formatMoney, formatNumber } = useI18n();
  const money = (amount: number) => formatMoney(amount, backlog.currency);
  const data = slices.map((slice) => ({
    code: slice.code,
    label: label(slice.code),
    orders: slice.orders,
    units: slice.units,
    value: slice.value.amount,
  }));
  const summary = data.map((slice) => `${slice.label}: ${formatNumber(slice.orders)}`).join("; ");
  return (
    <ChartFigure
      testId={testId}
      title={title}
      summary={`${t("csvOrders")}: ${summary}`}
      table={{
        head: [title, t("csvOrders"), t("backlogUnits"), t("backlogValue")],
        rows: data.map((slice) => [slice.label, formatNumber(slice.orders), formatNumber(slice.units), money(slice.value)]),
      }}
    >
      {(a11y) => (
        <BarChart
          {...a11y}
          responsive
          style={{ width: "100%", height: 36 * data.length + 40 }}
          data={data}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke={COLOURS.grid} />
          <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} stroke={COLOURS.grid} />
          <YAxis type="category" dataKey="label" width={84} tick={AXIS_TICK} stroke={COLOURS.grid} interval={0} />
          <Tooltip
            cursor={{ fill: "rgba(31, 41, 55, 0.06)" }}
            formatter={(value, _name, item) => [
              `${formatNumber(Number(value))} · ${money((item.payload as { value: number }).value)}`,
              t("csvOrders"),
            ]}
          />
          <Bar
            dataKey="orders"
            name={t("csvOrders")}
            radius={[0, 4, 4, 0]}
            maxBarSize={24}
            // Each bucket in its own colour (older, later: warmer).
            shape={(bar: BarShapeProps) => <Rectangle {...bar} fill={colours[data[bar.index]?.code] ?? COLOURS.blue} />}
          />
        </BarChart>
      )}
    </ChartFigure>
  );
}

function CashChart({ backlog }: { backlog: Backlog }) {
  const { t, formatMoney, formatDate, language } = useI18n();
  const narrow = useNarrow();
  const money = (amount: number) => formatMoney(amount, backlog.currency);
  const forecast = backlog.cashForecast;
  const rows = cashRows(forecast, {
    overdue: t("backlogOverdue"),
    week: (iso) => shortDate(iso, language),
    weekTitle: (iso) => t("backlogWeekOf", { date: formatDate(iso) }),
  });
  const title = t("backlogCash");
  const parts = CASH_PARTS.map((part) => ({ ...part, name: t(part.label) }));
  const summary = rows.map((row) => `${row.title} ${money(row.total)}`).join("; ");
  const overdue = forecast.overdue.amount > 0;
  const legend = [
    ...(overdue ? [{ label: t("backlogOverdue"), colour: COLOURS.red }] : []),
    ...parts.map((part) => ({ label: part.name, colour: part.colour })),
  ];
  return (
    <>
      {overdue && (
        <p className="oo-overdue" data-testid="backlog-overdue" data-value={forecast.overdue.amount}>
          {t("backlogOverdueNote", { amount: money(forecast.overdue.amount) })}
        </p>
      )}
      <ChartFigure
        testId="backlog-chart-cash"
        title={title}
        summary={summary}
        table={{
          head: [t("backlogWeek"), t("backlogOverdue"), ...parts.map((part) => part.name), t("csvForecastTotal")],
          rows: rows.map((row) => [
            row.title,
            money(row.overdue),
            ...parts.map((part) => money(row[part.key])),
            money(row.total),
          ]),
        }}
      >
        {(a11y) => (
          <BarChart {...a11y} responsive style={{ width: "100%", height: 280 }} data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={COLOURS.grid} />
            {/* On a phone every week keeps its label, slanted to fit. */}
            <XAxis
              dataKey="label"
              tick={AXIS_TICK}
              stroke={COLOURS.grid}
              {...(narrow ? { angle: -40, textAnchor: "end", height: 56, interval: 0 } : {})}
            />
            <YAxis tick={AXIS_TICK} tickFormatter={(value: number) => compact(value, language)} stroke={COLOURS.grid} width={52} />
            <Tooltip
              cursor={{ fill: "rgba(31, 41, 55, 0.06)" }}
              labelFormatter={(_label, payload) => (payload?.[0]?.payload as CashRow | undefined)?.title ?? ""}
              formatter={(value, name) => [money(Number(value)), name]}
            />
            {overdue && <Bar dataKey="overdue" stackId="cash" name={t("backlogOverdue")} fill={COLOURS.red} maxBarSize={48} />}
            {parts.map((part) => (
              <Bar key={part.key} dataKey={part.key} stackId="cash" name={part.name} fill={part.colour} maxBarSize={48} />
            ))}
          </BarChart>
        )}
      </ChartFigure>
      <Legend items={legend} />
      <dl className="oo-facts" data-testid="backlog-cash-totals">
        {[
          ["later", t("backlogLater"), forecast.later.amount],
          ["unscheduled", t("backlogUnscheduled"), forecast.unscheduled.amount],
          ["total", t("backlogOwed"), forecast.total.amount],
        ].map(([key, label, amount]) => (
          <div key={key} data-testid={`backlog-cash-${key}`} data-value={amount}>
            <dt>{label}</dt>
            <dd>{money(Number(amount))}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function AtRisk({ backlog, dueWithinDays }: { backlog: Backlog; dueWithinDays: number }) {
  const { t, tx, formatDate, formatMoney, formatNumber } = useI18n();
  return (
    <>
      <Text size={2} color="default2">
        {t("backlogAtRiskHint", { days: dueWithinDays })}
      </Text>
      {backlog.atRisk.length === 0 ? (
        <Text color="default2" data-testid="backlog-no-risk">
          {t("backlogNoRisk")}
        </Text>
      ) : (
        <ul className="oo-plain-list oo-risk-list">
          {backlog.atRisk.map((job) => (
            <li key={job.jobId} className="oo-risk" data-testid="backlog-risk" data-job-id={job.jobId} data-risk={job.risk} data-order={job.orderNumber}>
              <Box display="flex" justifyContent="space-between" alignItems="flex-start" gap={2}>
                <Link to={paths.job(job.jobId)} className="oo-text-link oo-wrap" data-testid="backlog-risk-link">
                  <Text fontWeight="medium">{t("backlogJobLink", { number: job.orderNumber, product: job.productName })}</Text>
                </Link>
                <Badge tone={job.risk === "LATE" ? "critical" : "warning"} className="oo-nowrap" data-testid="backlog-risk-badge">
                  {tx("backlogRisk", job.risk)}
                </Badge>
              </Box>
              <Text size={2} className="oo-wrap">
                {`${t("quantity", { quantity: formatNumber(job.quantity) })} · ${job.stageLabel || job.stage} · ${formatMoney(job.value.amount, job.value.currency)}`}
              </Text>
              <Text size={2} color={job.daysLeft < 0 ? "critical1" : "default2"} data-testid="backlog-risk-due">
                {`${t("promised", { date: formatDate(job.promisedDate) })} · ${daysLeftText(t, job.daysLeft)}`}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DateFilter({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <Box display="flex" flexDirection="column" gap={1}>
      <Text as="span" size={2} color="default2">
        <label htmlFor={id}>{label}</label>
      </Text>
      <input id={id} type="date" name={name} className="oo-input" value={value} onChange={(event) => onChange(event.target.value)} />
    </Box>
  );
}

export function BacklogPage() {
  const { t, tx, formatDate } = useI18n();
  const { types } = useProductTypes();
  const [filters, setFilters] = useState<BacklogFilters>(DEFAULT_FILTERS);
  const [exported, setExported] = useState<string | null>(null);
  const variables = useMemo(() => backlogVariables(filters), [filters]);
  const { data, error, loading, reload } = useQuery<OpenOrderBacklogQuery>(OPEN_ORDER_BACKLOG, variables);
  const backlog = data?.openOrderBacklog ?? null;
  const madeToOrder = (types ?? []).filter((type) => type.mode === "MADE_TO_ORDER");
  const typeName = madeToOrder.find((type) => type.id === filters.productType)?.name ?? "";
  const set = (patch: Partial<BacklogFilters>) => {
    setExported(null);
    setFilters((f) => ({ ...f, ...patch }));
  };

  const exportCsv = () => {
    if (!backlog) return;
    const text = backlogCsv(backlog, {
      t,
      productType: typeName,
      placedFrom: filters.placedFrom,
      placedTo: filters.placedTo,
      ageLabel: (code) => tx("backlogAge", code),
      dueLabel: (code) => tx("backlogDue", code),
      riskLabel: (risk) => tx("backlogRisk", risk),
    });
    const file = backlogFileName(backlog);
    downloadCsv(text, file);
    setExported(file);
  };

  return (
    <Box
      display="flex"
      flexDirection="column"
      gap={4}
      data-testid="backlog-page"
      data-state={loading ? "loading" : backlog ? "ready" : "empty"}
      data-variables={JSON.stringify(variables)}
      aria-busy={loading}
    >
      <Card
        title={t("backlogTitle")}
        actions={
          <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
            <Button variant="tertiary" size="small" onClick={() => void reload()}>
              {t("reload")}
            </Button>
            <Button variant="primary" size="small" disabled={!backlog || loading} onClick={exportCsv} data-testid="backlog-export" className="oo-thumb-button">
              {t("backlogExport")}
            </Button>
          </Box>
        }
      >
        <Text size={2} color="default2">
          {t("backlogIntro")}
        </Text>
        <div className="oo-backlog-filters" role="group" aria-label={t("backlogFilters")}>
          <div className="oo-backlog-type">
            <NativeSelect
              label={t("productType")}
              name="productType"
              value={filters.productType}
              onChange={(productType) => set({ productType })}
              options={[{ value: "", label: t("backlogAllTypes") }, ...madeToOrder.map((type) => ({ value: type.id, label: type.name }))]}
            />
          </div>
          <NativeSelect
            label={t("backlogWeeks")}
            name="weeks"
            value={String(filters.weeks)}
            onChange={(weeks) => set({ weeks: Number(weeks) })}
            options={WEEK_CHOICES.map((weeks) => ({ value: String(weeks), label: t("backlogWeeksOption", { count: weeks }) }))}
          />
          <NativeSelect
            label={t("backlogDueWithin")}
            name="dueWithinDays"
            value={String(filters.dueWithinDays)}
            onChange={(days) => set({ dueWithinDays: Number(days) })}
            options={DUE_WITHIN_CHOICES.map((days) => ({
              value: String(days),
              label: days === 1 ? t("backlogDayOption") : t("backlogDaysOption", { count: days }),
            }))}
          />
          <DateFilter label={t("backlogPlacedFrom")} name="placedFrom" value={filters.placedFrom} onChange={(placedFrom) => set({ placedFrom })} />
          <DateFilter label={t("backlogPlacedTo")} name="placedTo" value={filters.placedTo} onChange={(placedTo) => set({ placedTo })} />
        </div>
        {error && <Notice tone="critical">{error}</Notice>}
        {exported && (
          <Notice tone="success" data-testid="backlog-exported">
            {t("backlogExported", { file: exported })}
          </Notice>
        )}
        {!backlog && !error && <Text color="default2">{t("loading")}</Text>}
        {backlog && (
          <>
            <Text size={2} color="default2" data-testid="backlog-today" data-today={backlog.today}>
              {t("backlogAsOf", { date: formatDate(backlog.today) })}
            </Text>
            <Figures backlog={backlog} />
            {backlog.orders === 0 && (
              <Text color="default2" data-testid="backlog-empty">
                {t("backlogEmpty")}
              </Text>
            )}
          </>
        )}
      </Card>
      {backlog && backlog.orders > 0 && (
        <>
          <div className="oo-backlog-grid">
            <Card title={t("backlogByStage")}>
              <StagesChart backlog={backlog} />
            </Card>
            <Card title={t("backlogAtRisk")} data-testid="backlog-at-risk">
              <AtRisk backlog={backlog} dueWithinDays={filters.dueWithinDays} />
            </Card>
            <Card title={t("backlogAging")}>
              <Text size={2} color="default2">
                {t("backlogAgingHint")}
              </Text>
              <BucketChart
                backlog={backlog}
                slices={backlog.aging}
                testId="backlog-chart-aging"
                title={t("backlogAging")}
                label={(code) => tx("backlogAge", code)}
                colours={AGE_COLOURS}
              />
            </Card>
            <Card title={t("backlogDue")}>
              <Text size={2} color="default2">
                {t("backlogDueHint")}
              </Text>
              <BucketChart
                backlog={backlog}
                slices={backlog.dueIn}
                testId="backlog-chart-due"
                title={t("backlogDue")}
                label={(code) => tx("backlogDue", code)}
                colours={DUE_COLOURS}
              />
            </Card>
          </div>
          <Card title={t("backlogCash")}>
            <Text size={2} color="default2">
              {t("backlogCashHint")}
            </Text>
            <CashChart backlog={backlog} />
          </Card>
        </>
      )}
    </Box>
  );
}
