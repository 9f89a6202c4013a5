// How a job's facts are shown wherever it appears: specs, late badge, payment.
import { Box, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { session } from "../auth/session";
import type { JobCard, Spec } from "../api/types";
import { useI18n } from "../i18n";
import { Badge } from "./ui";

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

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
export function parseSpecValue(spec: Spec): unknown {
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

export function specText(spec: Spec, yes: string, no: string): string {
  const value = parseSpecValue(spec);
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? yes : no;
  if (spec.type === "BOOLEAN" && (value === "true" || value === "false")) return value === "true" ? yes : no;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

async function downloadSpecFile(uploadId: string) {
  const token = await session.validToken();
  const response = await fetch(`/openorder/spec-files/${encodeURIComponent(uploadId)}/`, {
    headers: token ? { Authorization: `JWT ${token}` } : {},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : uploadId;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** One spec exactly as the buyer gave it. Always text nodes: never HTML. */
export function SpecValue({ spec, compact = false }: { spec: Spec; compact?: boolean }) {
  const { t } = useI18n();
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
    <Text className="oo-pre" ellipsis={compact ? true : undefined}>
      {specText(spec, t("yes"), t("no"))}
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

export function PaymentBadge({ status }: { status: string }) {
  const { tx } = useI18n();
  const tone = status === "FULLY_CHARGED" ? "success" : status === "PARTIALLY_CHARGED" ? "warning" : "default";
  return (
    <Badge tone={tone} data-testid="payment-status">
      {tx("paymentStatus", status)}
    </Badge>
  );
}

export function personName(user: { email: string; firstName?: string; lastName?: string } | null | undefined) {
  if (!user) return "";
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return name || user.email;
}
