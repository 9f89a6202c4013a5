// Editing one spec field: a draft of strings (what the inputs hold), turned
// into the API's CustomSpecFieldInput on save.
import { Box, Button, Text, Textarea } from "@saleor/macaw-ui";
import type { SpecField } from "../api/catalog";
import type { SpecFieldTypeEnum } from "../api/generated";
import { useI18n } from "../i18n";
import type { PreviewField } from "./BuyerFormPreview";
import { Input, NativeSelect } from "./ui";

export const FIELD_TYPES: SpecFieldTypeEnum[] = ["TEXT", "LONG_TEXT", "NUMBER", "CHOICE", "MULTI_CHOICE", "BOOLEAN", "DATE", "COLOR", "FILE"];

export type FieldDraft = {
  id: string | null;
  code: string;
  label: string;
  helpText: string;
  type: SpecFieldTypeEnum;
  required: boolean;
  minLength: string;
  maxLength: string;
  pattern: string;
  minValue: string;
  maxValue: string;
  choices: string;
  earliestDateDays: string;
  maxFileSize: string;
  allowedFileTypes: string;
  pricePerUnit: string;
  pricePerCharacter: string;
  visibleWhenField: string;
  visibleWhenValue: string;
};

const str = (value: number | string | null | undefined) => (value === null || value === undefined ? "" : String(value));

export function emptyDraft(): FieldDraft {
  return {
    id: null, code: "", label: "", helpText: "", type: "TEXT", required: false, minLength: "", maxLength: "",
    pattern: "", minValue: "", maxValue: "", choices: "", earliestDateDays: "", maxFileSize: "",
    allowedFileTypes: "", pricePerUnit: "", pricePerCharacter: "", visibleWhenField: "", visibleWhenValue: "",
  };
}

export function draftFromField(field: SpecField): FieldDraft {
  return {
    id: field.id,
    code: field.code,
    label: field.label,
    helpText: field.helpText ?? "",
    type: field.type,
    required: field.required,
    minLength: str(field.minLength),
    maxLength: str(field.maxLength),
    pattern: field.pattern ?? "",
    minValue: str(field.minValue),
    maxValue: str(field.maxValue),
    choices: field.choices.map((c) => [c.value, c.label, c.price.amount ? String(c.price.amount) : ""].join("|").replace(/\|+$/, "")).join("\n"),
    earliestDateDays: str(field.earliestDateDays),
    maxFileSize: str(field.maxFileSize),
    allowedFileTypes: field.allowedFileTypes.join(", "),
    pricePerUnit: field.pricePerUnit.amount ? String(field.pricePerUnit.amount) : "",
    pricePerCharacter: field.pricePerCharacter.amount ? String(field.pricePerCharacter.amount) : "",
    visibleWhenField: field.visibleWhenField ?? "",
    visibleWhenValue: field.visibleWhenValue ?? "",
  };
}

export function parseChoices(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value, label, price] = line.split("|").map((part) => part.trim());
      return { value, label: label || value, priceAmount: price || null };
    });
}

const isText = (type: string) => type === "TEXT" || type === "LONG_TEXT";
const isChoice = (type: string) => type === "CHOICE" || type === "MULTI_CHOICE";

/** The API input: what applies to the field's type; emptied values as null so
 * an update clears them. The server validates everything. */
export function draftToInput(draft: FieldDraft): Record<string, unknown> {
  const int = (v: string) => (v.trim() === "" ? null : Number(v));
  const dec = (v: string) => (v.trim() === "" ? null : v.trim());
  const input: Record<string, unknown> = {
    code: draft.code.trim(),
    label: draft.label,
    helpText: draft.helpText,
    type: draft.type,
    required: draft.required,
    pricePerUnit: dec(draft.pricePerUnit) ?? "0",
    visibleWhenField: draft.visibleWhenField || null,
    visibleWhenValue: draft.visibleWhenField ? draft.visibleWhenValue : null,
  };
  if (isText(draft.type)) {
    Object.assign(input, {
      minLength: int(draft.minLength),
      maxLength: int(draft.maxLength),
      pattern: draft.pattern || null,
      pricePerCharacter: dec(draft.pricePerCharacter) ?? "0",
    });
  }
  if (draft.type === "NUMBER") Object.assign(input, { minValue: dec(draft.minValue), maxValue: dec(draft.maxValue) });
  if (isChoice(draft.type)) input.choices = parseChoices(draft.choices);
  if (draft.type === "DATE") input.earliestDateDays = int(draft.earliestDateDays);
  if (draft.type === "FILE") {
    input.maxFileSize = int(draft.maxFileSize);
    input.allowedFileTypes = draft.allowedFileTypes.split(",").map((s) => s.trim()).filter(Boolean);
  }
  return input;
}

/** The draft as the preview shows it. */
export function draftToPreview(draft: FieldDraft, currency: string): PreviewField {
  const num = (v: string) => (v.trim() === "" || isNaN(Number(v)) ? null : Number(v));
  return {
    code: draft.code || "new_field",
    label: draft.label || draft.code || "…",
    helpText: draft.helpText,
    type: draft.type,
    required: draft.required,
    minLength: num(draft.minLength),
    maxLength: num(draft.maxLength),
    minValue: num(draft.minValue),
    maxValue: num(draft.maxValue),
    earliestDateDays: num(draft.earliestDateDays),
    allowedFileTypes: draft.allowedFileTypes.split(",").map((s) => s.trim()).filter(Boolean),
    choices: parseChoices(draft.choices).map((c) => ({ value: c.value, label: c.label, price: { amount: Number(c.priceAmount || 0), currency } })),
    pricePerUnit: { amount: Number(draft.pricePerUnit || 0), currency },
    pricePerCharacter: { amount: Number(draft.pricePerCharacter || 0), currency },
    visibleWhenField: draft.visibleWhenField || null,
    visibleWhenValue: draft.visibleWhenValue || null,
  };
}

export function SpecFieldEditor({
  draft,
  onChange,
  onSave,
  onCancel,
  busy,
  otherCodes,
}: {
  draft: FieldDraft;
  onChange: (draft: FieldDraft) => void;
  onSave: () => void;
  onCancel: () => void;
  busy: boolean;
  otherCodes: string[];
}) {
  const { t, tx } = useI18n();
  const set = (patch: Partial<FieldDraft>) => onChange({ ...draft, ...patch });
  const text = (key: keyof FieldDraft, label: string, type: "text" | "number" = "text") => (
    <Input label={label} name={`field-${key}`} type={type} value={draft[key] as string} onChange={(e) => set({ [key]: e.target.value } as Partial<FieldDraft>)} />
  );
  return (
    <Box display="flex" flexDirection="column" gap={3} data-testid="spec-field-editor" padding={4} borderStyle="solid" borderWidth={1} borderColor="default1" borderRadius={3}>
      <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={3}>
        {text("code", t("fieldCode"))}
        {text("label", t("fieldLabel"))}
        <NativeSelect label={t("fieldType")} name="field-type" value={draft.type} onChange={(type) => set({ type: type as SpecFieldTypeEnum })}
          options={FIELD_TYPES.map((type) => ({ value: type, label: tx("fieldType", type) }))} />
        <label>
          <Box display="flex" gap={1} alignItems="center" paddingTop={6}>
            <input type="checkbox" name="field-required" checked={draft.required} onChange={(e) => set({ required: e.target.checked })} />
            <Text size={3}>{t("required")}</Text>
          </Box>
        </label>
      </Box>
      {text("helpText", t("fieldHelpText"))}
      {isText(draft.type) && (
        <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={3}>
          {text("minLength", t("minLength"), "number")}
          {text("maxLength", t("maxLength"), "number")}
          {text("pattern", t("pattern"))}
          {text("pricePerCharacter", t("pricePerCharacter"), "number")}
        </Box>
      )}
      {draft.type === "NUMBER" && (
        <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={3}>
          {text("minValue", t("minValue"), "number")}
          {text("maxValue", t("maxValue"), "number")}
        </Box>
      )}
      {isChoice(draft.type) && (
        <Textarea label={t("choices")} name="field-choices" rows={4} value={draft.choices} onChange={(e) => set({ choices: e.target.value })} />
      )}
      {draft.type === "DATE" && text("earliestDateDays", t("earliestDays"), "number")}
      {draft.type === "FILE" && (
        <Box display="grid" __gridTemplateColumns="1fr 1fr" gap={3}>
          {text("maxFileSize", t("maxFileSize"), "number")}
          {text("allowedFileTypes", t("allowedFileTypes"))}
        </Box>
      )}
      <Box display="grid" __gridTemplateColumns="1fr 1fr 1fr" gap={3}>
        {text("pricePerUnit", t("pricePerUnit"), "number")}
        <NativeSelect label={t("visibleWhenField")} name="field-visibleWhenField" value={draft.visibleWhenField}
          onChange={(visibleWhenField) => set({ visibleWhenField })}
          options={[{ value: "", label: "—" }, ...otherCodes.map((code) => ({ value: code, label: code }))]} />
        {draft.visibleWhenField ? text("visibleWhenValue", t("visibleWhenValue")) : <span />}
      </Box>
      <Box display="flex" gap={2}>
        <Button onClick={onSave} disabled={busy} data-testid="save-field">
          {t("saveField")}
        </Button>
        <Button variant="tertiary" onClick={onCancel} disabled={busy}>
          {t("cancel")}
        </Button>
      </Box>
    </Box>
  );
}
