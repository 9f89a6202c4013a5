// A product type's made-to-order settings and its spec fields, with a live
// preview of the form a buyer will see.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useMemo, useState } from "react";
import { fromNode, useProductTypes, type ProductTypeSettings, type SettingsNode } from "../api/catalog";
import { OpenOrderError, request } from "../api/client";
import {
  CUSTOM_SPEC_FIELD_CREATE,
  CUSTOM_SPEC_FIELD_DELETE,
  CUSTOM_SPEC_FIELD_REORDER,
  CUSTOM_SPEC_FIELD_UPDATE,
  PRODUCT_TYPE_MADE_TO_ORDER_UPDATE,
} from "../api/operations";
import type { ProductTypeMadeToOrderUpdateMutation } from "../api/generated";
import type { Stage } from "../api/types";
import { BuyerFormPreview } from "../components/BuyerFormPreview";
import { draftFromField, draftToInput, draftToPreview, emptyDraft, FieldDraft, SpecFieldEditor } from "../components/SpecFieldEditor";
import { Badge, Card, Input, NativeSelect, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
/** The answer of every settings and spec field mutation. */
type SettingsResult = NonNullable<ProductTypeMadeToOrderUpdateMutation["productTypeMadeToOrderUpdate"]>;
type Feedback = { tone: "critical" | "success"; text: string } | null;

/** A stage as edited: its code may change, its e-mail setting follows the row. */
export type StageDraft = Stage & { notify: boolean };

export type SettingsDraft = {
  mode: string;
  leadTimeDays: string;
  dailyCapacity: string;
  workingDays: string[];
  stages: StageDraft[];
  depositType: string;
  depositValue: string;
  balanceDue: string;
  balanceDueDays: string;
  freeCancellationStage: string;
  approvalStage: string;
};

export function settingsDraft(type: ProductTypeSettings): SettingsDraft {
  return {
    mode: type.mode,
    leadTimeDays: String(type.leadTimeDays),
    dailyCapacity: type.dailyCapacity === null ? "" : String(type.dailyCapacity),
    workingDays: type.workingDays,
    stages: type.stages.map((s) => ({ code: s.code, label: s.label, notify: (type.notifyStages ?? []).includes(s.code) })),
    depositType: type.deposit.type,
    depositValue:
      type.deposit.type === "PERCENT" ? String(type.deposit.percent ?? "") : type.deposit.type === "FIXED" ? String(type.deposit.amount?.amount ?? "") : "",
    balanceDue: type.balance.due,
    balanceDueDays: type.balance.days === null ? "" : String(type.balance.days),
    freeCancellationStage: type.freeCancellationStage ?? "",
    approvalStage: type.approvalStage ?? "",
  };
}

export function settingsInput(draft: SettingsDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    mode: draft.mode,
    leadTimeDays: Number(draft.leadTimeDays),
    dailyCapacity: draft.dailyCapacity.trim() === "" ? null : Number(draft.dailyCapacity),
    workingDays: draft.workingDays,
    stages: draft.stages.map((s) => ({ code: s.code.trim(), label: s.label })),
    // Only the ticked stages e-mail the buyer.
    notifyStages: draft.stages.filter((s) => s.notify && s.code.trim()).map((s) => s.code.trim()),
    depositType: draft.depositType,
    balanceDue: draft.balanceDue,
    freeCancellationStage: draft.freeCancellationStage || null,
    approvalStage: draft.approvalStage,
  };
  if (draft.depositType === "PERCENT" || draft.depositType === "FIXED") input.depositValue = draft.depositValue || "0";
  if (draft.balanceDue === "DAYS_AFTER_ORDER") input.balanceDueDays = draft.balanceDueDays === "" ? null : Number(draft.balanceDueDays);
  return input;
}

function errorText(prefix: string, errors: OpenOrderError[]) {
  return `${prefix}: ${errors.map((e) => (e.field ? `${e.field}: ` : "") + (e.message ?? e.code)).join("; ")}`;
}

export function ProductTypeSettingsPage({ id }: { id: string }) {
  const { t, tx } = useI18n();
  const { types, error, setTypes } = useProductTypes();
  const type = types?.find((candidate) => candidate.id === id) ?? null;
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [fieldDraft, setFieldDraft] = useState<FieldDraft | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  // The form starts from the type as loaded, and again when another type is
  // opened (set while rendering, so no render shows the old draft); a saved
  // field or saved settings leave the draft being edited as it is.
  const [draftFor, setDraftFor] = useState<string | null>(null);
  if (type && type.id !== draftFor) {
    setDraftFor(type.id);
    setDraft(settingsDraft(type));
  }

  const currency = type?.specFields[0]?.pricePerUnit.currency ?? "IDR";
  const previewFields = useMemo(() => {
    if (!type) return [];
    const fields = type.specFields.map((field) =>
      fieldDraft && fieldDraft.id === field.id ? draftToPreview(fieldDraft, currency) : field,
    );
    if (fieldDraft && !fieldDraft.id) fields.push(draftToPreview(fieldDraft, currency));
    return fields;
  }, [type, fieldDraft, currency]);

  if (error) return <Notice tone="critical">{error}</Notice>;
  if (!types) return <Text color="default2">{t("loading")}</Text>;
  if (!type || !draft) return <Text>{t("notFound")}</Text>;

  const applied = (node: SettingsNode) => {
    const updated = fromNode(node);
    setTypes((all) => (all ?? []).map((candidate) => (candidate.id === updated.id ? updated : candidate)));
    return updated;
  };

  const mutate = async (key: string, query: string, variables: Record<string, unknown>, after?: () => void) => {
    setBusy(true);
    setFeedback(null);
    try {
      const data = await request<Record<string, SettingsResult>>(query, variables);
      const result = data[key];
      if (result.openOrderErrors.length) {
        setFeedback({ tone: "critical", text: errorText(t("errorPrefix"), result.openOrderErrors) });
        return;
      }
      if (result.madeToOrderSettings) applied(result.madeToOrderSettings);
      setFeedback({ tone: "success", text: t("saved") });
      after?.();
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const saveSettings = () =>
    mutate("productTypeMadeToOrderUpdate", PRODUCT_TYPE_MADE_TO_ORDER_UPDATE, { productTypeId: type.id, input: settingsInput(draft) }, () => undefined);

  const saveField = () => {
    if (!fieldDraft) return;
    const input = draftToInput(fieldDraft);
    if (fieldDraft.id) void mutate("customSpecFieldUpdate", CUSTOM_SPEC_FIELD_UPDATE, { id: fieldDraft.id, input }, () => setFieldDraft(null));
    else void mutate("customSpecFieldCreate", CUSTOM_SPEC_FIELD_CREATE, { productTypeId: type.id, input }, () => setFieldDraft(null));
  };

  const setStage = (index: number, patch: Partial<StageDraft>) =>
    setDraft({ ...draft, stages: draft.stages.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)) });

  return (
    <Box display="flex" flexDirection="column" gap={4} data-testid="settings-page">
      <Link to={paths.settings()} style={{ textDecoration: "none" }}>
        <Text size={2} color="default2">
          ← {t("productTypes")}
        </Text>
      </Link>
      <Box display="flex" gap={3} alignItems="center">
        <Text as="h1" size={8} fontWeight="bold">
          {type.name}
        </Text>
        <Badge tone={type.mode === "MADE_TO_ORDER" ? "info" : "default"}>{tx("mode", type.mode)}</Badge>
      </Box>
      {feedback && (
        <Notice tone={feedback.tone} data-testid="feedback">
          {feedback.text}
        </Notice>
      )}
      <div className="oo-settings-grid">
        <Box display="flex" flexDirection="column" gap={4} minWidth={0}>
          <Card title={t("madeToOrderSettings")}>
            <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={3}>
              <NativeSelect label={t("mode")} name="mode" value={draft.mode} onChange={(mode) => setDraft({ ...draft, mode })}
                options={["READY_STOCK", "MADE_TO_ORDER"].map((mode) => ({ value: mode, label: tx("mode", mode) }))} />
              <Input label={t("leadTimeDays")} type="number" name="leadTimeDays" value={draft.leadTimeDays}
                onChange={(e) => setDraft({ ...draft, leadTimeDays: e.target.value })} />
              <Input label={t("dailyCapacity")} type="number" name="dailyCapacity" value={draft.dailyCapacity}
                onChange={(e) => setDraft({ ...draft, dailyCapacity: e.target.value })} />
              <NativeSelect label={t("freeCancellationStage")} name="freeCancellationStage" value={draft.freeCancellationStage}
                onChange={(freeCancellationStage) => setDraft({ ...draft, freeCancellationStage })}
                options={[{ value: "", label: "—" }, ...draft.stages.filter((s) => s.code).map((s) => ({ value: s.code, label: s.label || s.code }))]} />
              <NativeSelect label={t("approvalStage")} name="approvalStage" value={draft.approvalStage}
                onChange={(approvalStage) => setDraft({ ...draft, approvalStage })}
                options={[{ value: "", label: t("noApproval") }, ...draft.stages.filter((s) => s.code).map((s) => ({ value: s.code, label: s.label || s.code }))]} />
            </Box>
            <Box display="flex" flexDirection="column" gap={1}>
              <Text size={2} color="default2">{t("workingDays")}</Text>
              <Box display="flex" gap={3} flexWrap="wrap">
                {WEEKDAYS.map((day) => (
                  <label key={day}>
                    <input type="checkbox" name={`workingDay-${day}`} checked={draft.workingDays.includes(day)}
                      onChange={(e) =>
                        setDraft({
                          ...draft,
                          workingDays: e.target.checked
                            ? WEEKDAYS.filter((d) => d === day || draft.workingDays.includes(d))
                            : draft.workingDays.filter((d) => d !== day),
                        })
                      } />{" "}
                    {tx("weekday", day)}
                  </label>
                ))}
              </Box>
            </Box>
            <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={3}>
              <NativeSelect label={t("depositType")} name="depositType" value={draft.depositType}
                onChange={(depositType) => setDraft({ ...draft, depositType })}
                options={["NONE", "PERCENT", "FIXED", "FULL"].map((v) => ({ value: v, label: tx("deposit", v) }))} />
              {draft.depositType === "PERCENT" || draft.depositType === "FIXED" ? (
                <Input label={t("depositValue") + (draft.depositType === "PERCENT" ? " (%)" : "")} type="number" name="depositValue"
                  value={draft.depositValue} onChange={(e) => setDraft({ ...draft, depositValue: e.target.value })} />
              ) : <span />}
              <NativeSelect label={t("balanceDue")} name="balanceDue" value={draft.balanceDue}
                onChange={(balanceDue) => setDraft({ ...draft, balanceDue })}
                options={["ON_READY", "ON_DELIVERY", "DAYS_AFTER_ORDER"].map((v) => ({ value: v, label: tx("balance", v) }))} />
              {draft.balanceDue === "DAYS_AFTER_ORDER" ? (
                <Input label={t("balanceDueDays")} type="number" name="balanceDueDays" value={draft.balanceDueDays}
                  onChange={(e) => setDraft({ ...draft, balanceDueDays: e.target.value })} />
              ) : <span />}
            </Box>
            <Box display="flex" flexDirection="column" gap={2}>
              <Text size={2} color="default2">{t("stages")}</Text>
              <Text size={1} color="default2">{t("notifyStagesHint")}</Text>
              {draft.stages.map((stage, index) => (
                <Box key={index} display="flex" flexDirection="column" gap={1} data-testid="stage-row" data-code={stage.code}>
                  <Box display="grid" __gridTemplateColumns="1fr 2fr auto" gap={2} alignItems="flex-end">
                    <Input label={t("stageCode")} name={`stage-code-${index}`} value={stage.code} onChange={(e) => setStage(index, { code: e.target.value })} />
                    <Input label={t("stageLabel")} name={`stage-label-${index}`} value={stage.label} onChange={(e) => setStage(index, { label: e.target.value })} />
                    <Button variant="tertiary" size="small" onClick={() => setDraft({ ...draft, stages: draft.stages.filter((_, i) => i !== index) })}>
                      {t("remove")}
                    </Button>
                  </Box>
                  <label>
                    <Box as="span" display="flex" gap={1} alignItems="center">
                      <input
                        type="checkbox"
                        name={`stage-notify-${index}`}
                        checked={stage.notify}
                        onChange={(e) => setStage(index, { notify: e.target.checked })}
                      />
                      <Text size={2}>{t("notifyStage")}</Text>
                    </Box>
                  </label>
                </Box>
              ))}
              <Box>
                <Button
                  variant="secondary"
                  size="small"
                  // Like the server's default: every stage after the first notifies.
                  onClick={() => setDraft({ ...draft, stages: [...draft.stages, { code: "", label: "", notify: draft.stages.length > 0 }] })}
                >
                  {t("addStage")}
                </Button>
              </Box>
            </Box>
            <Box>
              <Button onClick={() => void saveSettings()} disabled={busy} data-testid="save-settings">
                {t("saveSettings")}
              </Button>
            </Box>
          </Card>

          <Card
            title={t("specFields")}
            actions={
              !fieldDraft && (
                <Button variant="secondary" size="small" onClick={() => setFieldDraft(emptyDraft())} data-testid="add-field">
                  {t("addField")}
                </Button>
              )
            }
          >
            <div className="oo-scroll-x">
            <table className="oo-table" data-testid="spec-fields">
              <thead>
                <tr>
                  <th>{t("fieldCode")}</th>
                  <th>{t("fieldLabel")}</th>
                  <th>{t("fieldType")}</th>
                  <th>{t("required")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {type.specFields.map((field, index) => (
                  <tr key={field.id} data-testid="spec-field-row" data-code={field.code}>
                    <td><code>{field.code}</code></td>
                    <td>{field.label}</td>
                    <td data-testid="spec-field-type" data-type={field.type}>{tx("fieldType", field.type)}</td>
                    <td>{field.required ? t("yes") : t("no")}</td>
                    <td>
                      <Box display="flex" gap={1} justifyContent="flex-end">
                        <Button size="small" variant="tertiary" aria-label={`${t("moveUp")} ${field.code}`} disabled={busy || index === 0}
                          onClick={() => void mutate("customSpecFieldReorder", CUSTOM_SPEC_FIELD_REORDER, { productTypeId: type.id, moves: [{ id: field.id, sortOrder: -1 }] })}>
                          ↑
                        </Button>
                        <Button size="small" variant="tertiary" aria-label={`${t("moveDown")} ${field.code}`} disabled={busy || index === type.specFields.length - 1}
                          onClick={() => void mutate("customSpecFieldReorder", CUSTOM_SPEC_FIELD_REORDER, { productTypeId: type.id, moves: [{ id: field.id, sortOrder: 1 }] })}>
                          ↓
                        </Button>
                        <Button size="small" variant="secondary" disabled={busy} onClick={() => setFieldDraft(draftFromField(field))}>
                          {t("editField")}
                        </Button>
                        <Button size="small" variant="error" aria-label={`${t("deleteField")} ${field.code}`} disabled={busy}
                          onClick={() => {
                            if (window.confirm(`${t("deleteField")} “${field.label}”?`))
                              void mutate("customSpecFieldDelete", CUSTOM_SPEC_FIELD_DELETE, { id: field.id }, () => setFieldDraft(null));
                          }}>
                          {t("deleteField")}
                        </Button>
                      </Box>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
            {fieldDraft && (
              <SpecFieldEditor
                draft={fieldDraft}
                onChange={setFieldDraft}
                onSave={saveField}
                onCancel={() => setFieldDraft(null)}
                busy={busy}
                otherCodes={type.specFields.filter((f) => f.id !== fieldDraft.id).map((f) => f.code)}
              />
            )}
          </Card>
        </Box>
        <Card title={t("preview")}>
          <BuyerFormPreview fields={previewFields} />
        </Card>
      </div>
    </Box>
  );
}
