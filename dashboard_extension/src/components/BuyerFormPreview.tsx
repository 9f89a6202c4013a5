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

export function BuyerFormPreview({ fields }: { fields: PreviewField[] }) {
  const { t, formatMoney } = useI18n();
  const plus = (money: { amount: number; currency: string }) => t("priceHint", { price: formatMoney(money.amount, money.currency) });
  const [values, setValues] = useState<Record<string, string | string[] | boolean>>({});
  const set = (code: string, value: string | string[] | boolean) => setValues((v) => ({ ...v, [code]: value }));
  const today = todayIso();

  return (
    <Box as="form" className="oo-preview" display="flex" flexDirection="column" gap={4} data-testid="buyer-form-preview" onSubmit={(e) => e.preventDefault()}>
      <Text size={2} color="default2">
        {t("previewNote")}
      </Text>
      {fields.filter((field) => isVisible(field, values)).map((field) => {
        const id = `preview-${field.code}`;
        const value = values[field.code];
        const price = (field.pricePerUnit?.amount ?? 0) > 0 ? ` ${plus(field.pricePerUnit)}` : "";
        const perChar =
          (field.pricePerCharacter?.amount ?? 0) > 0
            ? ` ${t("pricePerCharacterHint", { price: formatMoney(field.pricePerCharacter.amount, field.pricePerCharacter.currency) })}`
            : "";
        let control;
        switch (field.type) {
          case "LONG_TEXT":
            control = (
              <textarea id={id} rows={3} minLength={field.minLength ?? undefined} maxLength={field.maxLength ?? undefined}
                required={field.required} value={(value as string) ?? ""} onChange={(e) => set(field.code, e.target.value)} />
            );
            break;
          case "NUMBER":
            control = (
              <input id={id} type="number" min={field.minValue ?? undefined} max={field.maxValue ?? undefined}
                required={field.required} value={(value as string) ?? ""} onChange={(e) => set(field.code, e.target.value)} />
            );
            break;
          case "CHOICE":
            control = (
              <select id={id} className="oo-select" required={field.required} value={(value as string) ?? ""} onChange={(e) => set(field.code, e.target.value)}>
                <option value="">{t("select")}</option>
                {field.choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                    {choice.price.amount > 0 ? ` ${plus(choice.price)}` : ""}
                  </option>
                ))}
              </select>
            );
            break;
          case "MULTI_CHOICE":
            control = (
              <Box display="flex" flexDirection="column" gap={1} id={id}>
                {field.choices.map((choice) => {
                  const chosen = Array.isArray(value) ? value : [];
                  return (
                    <label key={choice.value}>
                      <input
                        type="checkbox"
                        checked={chosen.includes(choice.value)}
                        onChange={(e) =>
                          set(field.code, e.target.checked ? [...chosen, choice.value] : chosen.filter((c) => c !== choice.value))
                        }
                      />{" "}
                      {choice.label}
                      {choice.price.amount > 0 ? ` ${plus(choice.price)}` : ""}
                    </label>
                  );
                })}
              </Box>
            );
            break;
          case "BOOLEAN":
            control = <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(field.code, e.target.checked)} />;
            break;
          case "DATE":
            control = (
              <input id={id} type="date" required={field.required} min={addDays(today, field.earliestDateDays ?? 0)}
                value={(value as string) ?? ""} onChange={(e) => set(field.code, e.target.value)} />
            );
            break;
          case "COLOR":
            control = <input id={id} type="color" value={(value as string) || "#000000"} onChange={(e) => set(field.code, e.target.value)} />;
            break;
          case "FILE":
            control = <input id={id} type="file" accept={field.allowedFileTypes.join(",") || undefined} required={field.required} />;
            break;
          default:
            control = (
              <input id={id} type="text" minLength={field.minLength ?? undefined} maxLength={field.maxLength ?? undefined}
                required={field.required} value={(value as string) ?? ""} onChange={(e) => set(field.code, e.target.value)} />
            );
        }
        return (
          <Box key={field.code} display="flex" flexDirection="column" gap={1} data-testid={`preview-field-${field.code}`}>
            <Text as="span" size={3} fontWeight="medium">
              <label htmlFor={id}>
                {field.label}
                {field.required ? " *" : ""}
                {price}
                {perChar}
              </label>
            </Text>
            {/* A new control when the type changes (a text input never turns into a file input). */}
            <Fragment key={field.type}>{control}</Fragment>
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
