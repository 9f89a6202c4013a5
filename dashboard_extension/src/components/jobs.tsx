// How a job's facts are shown wherever it appears: specs, late badge, payment.
import { Box, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { downloadPrivateFile } from "../api/files";
import type { JobCard, Spec } from "../api/types";
import { useI18n } from "../i18n";
import { Badge } from "./ui";

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** What showing a spec needs: the API's spec, `values` and `displayValues`
 * optional (a preview has none). */
export type ShownSpec = Pick<Spec, "code" | "label" | "type" | "value"> & Partial<Pick<Spec, "values" | "displayValues">>;

/** Today in the shop's calendar as YYYY-MM-DD (the browser's local date). */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day after this week (next Monday): "due this week" is before it. */
export function endOfWeekExclusive(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7; // Mon=1..Sun=7
  return addDays(iso, 8 - weekday);
}

export function isLate(job: Pick<JobCard, "isOverdue" | "promisedDate" | "isLastStage" | "status">, today = todayIso()) {
  if (job.status === "CANCELLED" || job.isLastStage) return false;
  return job.isOverdue || (!!job.promisedDate && job.promisedDate < today);
}

/** A spec value as the API gives it: text, with MULTI_CHOICE values as a list. */
export function parseSpecValue(spec: ShownSpec): unknown {
  if (spec.type === "MULTI_CHOICE" && spec.values) return spec.values;
  if (spec.value === null) return null;
  if (["MULTI_CHOICE", "NUMBER", "BOOLEAN"].includes(spec.type)) {
    try {
      return JSON.parse(spec.value);
    } catch {
      return spec.value;
    }
  }
  return spec.value;
}

/** The words and formats a spec's text is written with (the board's language). */
export type SpecWords = {
  yes: string;
  no: string;
  formatDate?: (iso: string) => string;
  formatNumber?: (value: number) => string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CHOICE_TYPES = ["CHOICE", "MULTI_CHOICE"];

/** A spec as staff read it: a choice by its label (the server's
 * `displayValues`, the raw value when it has no label), a date and a number
 * as the language writes them, yes/no in words. */
export function specText(spec: ShownSpec, words: SpecWords): string {
  if (CHOICE_TYPES.includes(spec.type) && spec.displayValues?.length) return spec.displayValues.join(", ");
  const value = parseSpecValue(spec);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (spec.type === "BOOLEAN" && (value === "true" || value === "false")) return value === "true" ? words.yes : words.no;
  if (spec.type === "DATE" && typeof value === "string" && ISO_DATE.test(value) && words.formatDate) return words.formatDate(value);
  if (spec.type === "NUMBER" && typeof value === "number" && words.formatNumber) return words.formatNumber(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function downloadSpecFile(uploadId: string) {
  return downloadPrivateFile(`/openorder/spec-files/${encodeURIComponent(uploadId)}/`, uploadId);
}

/** One spec exactly as the buyer gave it. Always text nodes: never HTML. */
export function SpecValue({ spec, compact = false }: { spec: ShownSpec; compact?: boolean }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [error, setError] = useState<string | null>(null);
  if (spec.value === null || spec.value === "") return <Text color="default2">—</Text>;
  if (spec.type === "COLOR" && HEX_COLOUR.test(spec.value)) {
    return (
      <Text data-spec-type="COLOR">
        <span className="oo-swatch" style={{ backgroundColor: spec.value }} aria-hidden="true" />
        {spec.value}
      </Text>
    );
  }
  if (spec.type === "FILE") {
    if (compact) return <Text>📎</Text>;
    return (
      <Box display="flex" gap={2} alignItems="center">
        <button
          type="button"
          className="oo-linkbutton"
          onClick={() => downloadSpecFile(spec.value!).catch((e) => setError((e as Error).message))}
        >
          {t("download")}
        </button>
        {error && <Text color="critical1">{error}</Text>}
      </Box>
    );
  }
  return (
    <Text className={compact ? "oo-spec-compact" : "oo-pre"} data-spec-type={spec.type}>
      {specText(spec, { yes: t("yes"), no: t("no"), formatDate, formatNumber })}
    </Text>
  );
}

export function LateBadge() {
  const { t } = useI18n();
  return (
    <Badge tone="critical" data-testid="late-badge">
      {t("late")}
    </Badge>
  );
}

/** What Saleor says was charged (order.paymentStatus, PaymentChargeStatusEnum).
 * An authorised "pay later" payment is NOT_CHARGED: not paid, whatever was
 * promised; Saleor reports no payment at all as NOT_CHARGED too. */
export function paymentStatusOf(status: string | null | undefined): string {
  return status || "NOT_CHARGED";
}

const PAYMENT_TONE: Record<string, "default" | "critical" | "warning" | "success" | "info"> = {
  NOT_CHARGED: "default",
  PARTIALLY_CHARGED: "warning",
  FULLY_CHARGED: "success",
  PARTIALLY_REFUNDED: "default",
  FULLY_REFUNDED: "default",
};

export function PaymentBadge({ status }: { status: string | null | undefined }) {
  const { tx } = useI18n();
  const shown = paymentStatusOf(status);
  return (
    <Badge tone={PAYMENT_TONE[shown] ?? "default"} data-testid="payment-status" data-status={shown}>
      {tx("paymentStatus", shown)}
    </Badge>
  );
}

export function personName(user: { email: string; firstName?: string; lastName?: string } | null | undefined) {
  if (!user) return "";
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return name || user.email;
}
