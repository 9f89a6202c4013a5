// The open-order backlog as CSV, for the owner's spreadsheet: a section per
// part of the page (summary, stages, ages, due dates, jobs at risk, the weekly
// cash forecast), each with its own header row and a blank line between
// them. Numbers are plain decimals ("926000", "12.5"): no currency symbol, no
// thousands separator, so every spreadsheet reads them as numbers. Pure: the
// page downloads what this returns.
import type { OpenOrderBacklogQuery } from "../api/generated";
import type { MessageKey } from "../i18n/messages";

export type Backlog = OpenOrderBacklogQuery["openOrderBacklog"];

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
type Cell = string | number | null | undefined;

/** A number as a plain decimal: no exponent, no grouping, at most six
 * decimals, trailing zeros dropped ("926000", "12.5", "-1"). */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  const fixed = value.toFixed(6).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
}

// A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or
// carriage return first): written as text, behind an apostrophe.
const FORMULA = /^[=+\-@\t\r]/;

/** One cell: numbers as plain decimals; text quoted when it holds a comma, a
 * quote or a line break (quotes doubled), and never a formula. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return csvNumber(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text (RFC 4180: CRLF between rows). */
export function toCsv(rows: Cell[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The export's file name: the shop's date of the figures. */
export function backlogFileName(backlog: Pick<Backlog, "today">): string {
  return `backlog-${backlog.today}.csv`;
}

export type BacklogCsvContext = {
  t: Translate;
  /** The product type shown ("" or absent: all of them). */
  productType?: string;
  placedFrom?: string;
  placedTo?: string;
  /** A bucket's words ("0–3 days"), in the same language as `t`. */
  ageLabel?: (code: string) => string;
  dueLabel?: (code: string) => string;
  riskLabel?: (risk: string) => string;
};

export function backlogCsv(backlog: Backlog, context: BacklogCsvContext): string {
  const { t } = context;
  const ageLabel = context.ageLabel ?? ((code: string) => code);
  const dueLabel = context.dueLabel ?? ((code: string) => code);
  const riskLabel = context.riskLabel ?? ((risk: string) => risk);
  const amount = (money: { amount: number }) => money.amount;
  const rows: Cell[][] = [];
  const blank = () => rows.push([]);

  rows.push([t("csvBacklog")]);
  rows.push([t("csvDate"), backlog.today]);
  rows.push([t("csvCurrency"), backlog.currency]);
  rows.push([t("productType"), context.productType || t("backlogAllTypes")]);
  if (context.placedFrom) rows.push([t("backlogPlacedFrom"), context.placedFrom]);
  if (context.placedTo) rows.push([t("backlogPlacedTo"), context.placedTo]);
  blank();

  rows.push([t("backlogSummary")]);
  rows.push([t("backlogOrders"), t("backlogUnits"), t("backlogValue"), t("backlogTotal"), t("paid"), t("outstanding")]);
  rows.push([
    backlog.orders,
    backlog.units,
    amount(backlog.value),
    amount(backlog.total),
    amount(backlog.paid),
    amount(backlog.outstanding),
  ]);
  blank();

  const slices = (title: MessageKey, list: Backlog["stages"], label: (slice: Backlog["stages"][number]) => string) => {
    rows.push([t(title)]);
    rows.push([t("csvCode"), t("csvLabel"), t("csvOrders"), t("backlogUnits"), t("backlogValue")]);
    for (const slice of list) rows.push([slice.code, label(slice), slice.orders, slice.units, amount(slice.value)]);
    blank();
  };
  slices("backlogByStage", backlog.stages, (slice) => slice.label || slice.code);
  slices("backlogAging", backlog.aging, (slice) => ageLabel(slice.code));
  slices("backlogDue", backlog.dueIn, (slice) => dueLabel(slice.code));

  rows.push([t("backlogAtRisk")]);
  rows.push([
    t("csvRisk"),
    t("csvOrder"),
    t("csvProduct"),
    t("stage"),
    t("csvPromisedDate"),
    t("csvDaysLeft"),
    t("csvQuantity"),
    t("backlogValue"),
    t("csvJobId"),
  ]);
  for (const job of backlog.atRisk)
    rows.push([
      riskLabel(job.risk),
      job.orderNumber,
      job.productName,
      job.stageLabel || job.stage,
      job.promisedDate,
      job.daysLeft,
      job.quantity,
      amount(job.value),
      job.jobId,
    ]);
  blank();

  const forecast = backlog.cashForecast;
  rows.push([t("backlogCash")]);
  rows.push([
    t("csvWeekStart"),
    t("backlogDeposits"),
    t("backlogOnReady"),
    t("backlogOnDelivery"),
    t("backlogDaysAfter"),
    t("csvForecastTotal"),
  ]);
  for (const week of forecast.weeks)
    rows.push([
      week.weekStart,
      amount(week.deposits),
      amount(week.balancesOnReady),
      amount(week.balancesOnDelivery),
      amount(week.balancesDaysAfterOrder),
      amount(week.total),
    ]);
  rows.push([t("backlogOverdue"), null, null, null, null, amount(forecast.overdue)]);
  rows.push([t("backlogLater"), null, null, null, null, amount(forecast.later)]);
  rows.push([t("backlogUnscheduled"), null, null, null, null, amount(forecast.unscheduled)]);
  rows.push([t("backlogOwed"), null, null, null, null, amount(forecast.total)]);
  return toCsv(rows);
}

/** Hands `text` to the browser as a download named `fileName` (with a byte
 * order mark, so that Excel reads it as UTF-8). */
export function downloadCsv(text: string, fileName: string) {
  const blob = new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has been handled: the download keeps its own copy.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
