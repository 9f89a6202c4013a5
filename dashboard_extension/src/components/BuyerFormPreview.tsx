// The form a buyer will see for a product type's spec fields, rendered live
// from the fields being edited. It is a preview: it sends nothing.
import { Box, Text } from "@saleor/macaw-ui";
import { Fragment, useState } from "react";
import type { SpecField } from "../api/catalog";
import { addDays, todayIso } from "./jobs";
import { useI18n } from "../i18n";

export type PreviewField = Pick<
  SpecField,
  | "code"
  | "label"
  | "helpText"
  | "type"
  | "required"
  | "minLength"
  | "maxLength"
  | "minValue"
  | "maxValue"
  | "earliestDateDays"
  | "allowedFileTypes"
  | "choices"
  | "pricePerUnit"
  | "pricePerCharacter"
  | "visibleWhenField"
  | "visibleWhenValue"
>;

export function isVisible(field: PreviewField, values: Record<string, string | string[] | boolean>) {
  if (!field.visibleWhenField) return true;
  const other = values[field.visibleWhenField];
  if (Array.isArray(other)) return other.includes(field.visibleWhenValue ?? "");
  if (typeof other === "boolean") return String(other) === (field.visibleWhenValue ?? "");
  return (other ?? "") === (field.visibleWhenValue ?? "");
}

export type SpecValues = Record<string, string | string[] | boolean>;
type SpecInputValue = string | string[] | boolean | undefined;

/** The words beside a field's label: required, and what it adds to the price. */
export function useSpecLabel() {
  const { t, formatMoney } = useI18n();
  return (field: PreviewField) => {
    const plus = (money: { amount: number; currency: string }) => t("priceHint", { price: formatMoney(money.amount, money.currency) });
    const price = (field.pricePerUnit?.amount ?? 0) > 0 ? ` ${plus(field.pricePerUnit)}` : "";
    const perChar =
      (field.pricePerCharacter?.amount ?? 0) > 0
        ? ` ${t("pricePerCharacterHint", { price: formatMoney(field.pricePerCharacter.amount, field.pricePerCharacter.currency) })}`
        : "";
    return `${field.label}${field.required ? " *" : ""}${price}${perChar}`;
  };
}

/** One spec field's control as the buyer's form has it, by the field's type
 * (`id` is the one its label points at). The chat order form uses it too. */
export function SpecControl({
  field,
  id,
  value,
  onChange,
  describedBy,
  invalid,
  className,
}: {
  field: PreviewField;
  id: string;
  value: SpecInputValue;
  onChange: (value: string | string[] | boolean) => void;
  /** The id of the text that explains the field (its error). */
  describedBy?: string;
  invalid?: boolean;
  className?: string;
}) {
  const { t, formatMoney } = useI18n();
  const plus = (money: { amount: number; currency: string }) => t("priceHint", { price: formatMoney(money.amount, money.currency) });
  const aria = { "aria-describedby": describedBy, "aria-invalid": invalid || undefined };
  const today = todayIso();
  switch (field.type) {
    case "LONG_TEXT":
      return (
        <textarea id={id} rows={3} minLength={field.minLength ?? undefined} maxLength={field.maxLength ?? undefined} className={className}
          required={field.required} value={(value as string) ?? ""} onChange={(e) => onChange(e.target.value)} {...aria} />
      );
    case "NUMBER":
      return (
        <input id={id} type="number" min={field.minValue ?? undefined} max={field.maxValue ?? undefined} className={className}
          required={field.required} value={(value as string) ?? ""} onChange={(e) => onChange(e.target.value)} {...aria} />
      );
    case "CHOICE":
      return (
        <select id={id} className="oo-select" required={field.required} value={(value as string) ?? ""} onChange={(e) => onChange(e.target.value)} {...aria}>
          <option value="">{t("select")}</option>
          {field.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
              {choice.price.amount > 0 ? ` ${plus(choice.price)}` : ""}
            </option>
          ))}
        </select>
      );
    case "MULTI_CHOICE":
      return (
        <Box display="flex" flexDirection="column" gap={1} id={id} role="group" aria-labelledby={`${id}-label`} {...aria}>
          {field.choices.map((choice) => {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <label key={choice.value}>
                <input
                  type="checkbox"
                  checked={chosen.includes(choice.value)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, choice.value] : chosen.filter((c) => c !== choice.value))}
                />{" "}
                {choice.label}
                {choice.price.amount > 0 ? ` ${plus(choice.price)}` : ""}
              </label>
            );
          })}
        </Box>
      );
    case "BOOLEAN":
      return <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} {...aria} />;
    case "DATE":
      return (
        <input id={id} type="date" required={field.required} min={addDays(today, field.earliestDateDays ?? 0)} className={className}
          value={(value as string) ?? ""} onChange={(e) => onChange(e.target.value)} {...aria} />
      );
    case "COLOR":
      return <input id={id} type="color" value={(value as string) || "#000000"} onChange={(e) => onChange(e.target.value)} {...aria} />;
    case "FILE":
      return <input id={id} type="file" accept={field.allowedFileTypes.join(",") || undefined} required={field.required} {...aria} />;
    default:
      return (
        <input id={id} type="text" minLength={field.minLength ?? undefined} maxLength={field.maxLength ?? undefined} className={className}
          required={field.required} value={(value as string) ?? ""} onChange={(e) => onChange(e.target.value)} {...aria} />
      );
  }
}

export function BuyerFormPreview({ fields }: { fields: PreviewField[] }) {
  const { t } = useI18n();
  const labelOf = useSpecLabel();
  const [values, setValues] = useState<SpecValues>({});
  const set = (code: string, value: string | string[] | boolean) => setValues((v) => ({ ...v, [code]: value }));

  return (
    <Box as="form" className="oo-preview" display="flex" flexDirection="column" gap={4} data-testid="buyer-form-preview" onSubmit={(e) => e.preventDefault()}>
      <Text size={2} color="default2">
        {t("previewNote")}
      </Text>
      {fields.filter((field) => isVisible(field, values)).map((field) => {
        const id = `preview-${field.code}`;
        return (
          <Box key={field.code} display="flex" flexDirection="column" gap={1} data-testid={`preview-field-${field.code}`}>
            <Text as="span" size={3} fontWeight="medium">
              <label htmlFor={id} id={`${id}-label`}>
                {labelOf(field)}
              </label>
            </Text>
            {/* A new control when the type changes (a text input never turns into a file input). */}
            <Fragment key={field.type}>
              <SpecControl field={field} id={id} value={values[field.code]} onChange={(value) => set(field.code, value)} />
            </Fragment>
            {field.helpText && (
              <Text size={1} color="default2">
                {field.helpText}
              </Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
