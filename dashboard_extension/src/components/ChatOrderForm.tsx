// The order staff take down in a WhatsApp or Instagram chat: one or more
// made-to-order lines with the specs agreed in the chat, who it is for and
// the language of the buyer's page. The server checks it as a checkout is
// checked and answers with typed errors (`lines.0.specs.size`,
// `customer.phone`), each shown beside its field.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { ReactNode, useId, useMemo, useRef, useState } from "react";
import { useProductTypes, type ProductTypeSettings } from "../api/catalog";
import { OpenOrderError, request } from "../api/client";
import { CHAT_ORDER_CREATE, CHAT_ORDER_PRODUCTS } from "../api/operations";
import type {
  ChatOrderCreateMutation,
  ChatOrderProductsQuery,
  MadeToOrderDraftCreateInput,
  MadeToOrderDraftSource,
  SpecValueInput,
} from "../api/generated";
import { useQuery } from "../api/useQuery";
import { useI18n } from "../i18n";
import { isVisible, type PreviewField, SpecControl, type SpecValues, useSpecLabel } from "./BuyerFormPreview";
import type { ChatOrder } from "./ChatOrders";
import { Notice } from "./ui";

export const CHAT_PRODUCTS_LIMIT = 100;
export const CHAT_SOURCES: MadeToOrderDraftSource[] = ["WHATSAPP", "INSTAGRAM", "OTHER"];
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export type ChatProduct = {
  id: string;
  name: string;
  productTypeId: string;
  variants: { id: string; name: string; sku: string }[];
};

export type LineDraft = { key: number; productId: string; variantId: string; quantity: string; values: SpecValues };

export type CustomerDraft = { name: string; phone: string; email: string };

/** A line's specs as the API takes them: the fields shown (a field hidden by
 * another's value is not sent), empty ones left out, a FILE field never (the
 * buyer sends files in the chat). */
export function specInputs(fields: PreviewField[], values: SpecValues): SpecValueInput[] {
  const specs: SpecValueInput[] = [];
  for (const field of fields) {
    if (field.type === "FILE" || !isVisible(field, values)) continue;
    const value = values[field.code];
    if (field.type === "MULTI_CHOICE") {
      if (Array.isArray(value) && value.length) specs.push({ code: field.code, values: value });
    } else if (field.type === "BOOLEAN") {
      specs.push({ code: field.code, value: String(value === true) });
    } else if (typeof value === "string" && value.trim() !== "") {
      specs.push({ code: field.code, value: value.trim() });
    }
  }
  return specs;
}

/** The mutation's input from what the form holds. */
export function draftInput({
  lines,
  fieldsOf,
  customer,
  source,
  languageCode,
  note,
}: {
  lines: LineDraft[];
  fieldsOf: (line: LineDraft) => PreviewField[];
  customer: CustomerDraft;
  source: MadeToOrderDraftSource;
  languageCode: string;
  note: string;
}): MadeToOrderDraftCreateInput {
  return {
    lines: lines.map((line) => {
      const quantity = Number.parseInt(line.quantity, 10);
      return { variantId: line.variantId, quantity: Number.isNaN(quantity) ? 0 : quantity, specs: specInputs(fieldsOf(line), line.values) };
    }),
    customer: { name: customer.name.trim(), phone: customer.phone.trim(), email: customer.email.trim() },
    source,
    languageCode,
    note: note.trim(),
  };
}

/** The errors by the field path they name; those without one under "". */
export function errorsByField(errors: OpenOrderError[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const key = error.field ?? "";
    byField.set(key, [...(byField.get(key) ?? []), error.message ?? error.code]);
  }
  return byField;
}

/** Made-to-order products with their variants, and their types' settings. */
function useChatCatalog() {
  const { types, error: typesError } = useProductTypes();
  const madeToOrder = useMemo(() => (types ?? []).filter((type) => type.mode === "MADE_TO_ORDER"), [types]);
  const ids = madeToOrder.map((type) => type.id);
  const { data, error } = useQuery<ChatOrderProductsQuery>(
    CHAT_ORDER_PRODUCTS,
    { productTypes: ids, first: CHAT_PRODUCTS_LIMIT },
    { skip: ids.length === 0 },
  );
  const products: ChatProduct[] = useMemo(
    () =>
      (data?.products?.edges ?? []).map(({ node }) => ({
        id: node.id,
        name: node.name,
        productTypeId: node.productType.id,
        variants: (node.variants ?? []).filter((variant) => variant !== null),
      })),
    [data],
  );
  const typeOf = useMemo(() => new Map<string, ProductTypeSettings>(madeToOrder.map((type) => [type.id, type])), [madeToOrder]);
  const loading = types === null || (ids.length > 0 && data === null && !error);
  return { products, typeOf, loading, noTypes: types !== null && ids.length === 0, error: typesError ?? error };
}

/** A label, a control and what is wrong with it (its id in aria-describedby). */
function FormField({
  id,
  label,
  error,
  hint,
  children,
  testId,
}: {
  id: string;
  label: ReactNode;
  error?: string[];
  hint?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Box display="flex" flexDirection="column" gap={1} className="oo-form-field" data-testid={testId}>
      <Text as="span" size={2} fontWeight="medium">
        <label htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
      </Text>
      {children}
      {hint && (
        <Text size={1} color="default2" id={`${id}-hint`}>
          {hint}
        </Text>
      )}
      {error && error.length > 0 && (
        <Text size={2} color="critical1" id={`${id}-error`} data-testid="field-error">
          {error.join(" ")}
        </Text>
      )}
    </Box>
  );
}

/** What a control's aria-describedby and aria-invalid say. */
function described(id: string, error?: string[], hint?: boolean) {
  const ids = [hint ? `${id}-hint` : "", error?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error?.length ? true : undefined };
}

let nextKey = 1;
const newLine = (): LineDraft => ({ key: nextKey++, productId: "", variantId: "", quantity: "1", values: {} });

function LineEditor({
  line,
  index,
  count,
  products,
  fields,
  errors,
  onChange,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  count: number;
  products: ChatProduct[];
  fields: PreviewField[];
  errors: Map<string, string[]>;
  onChange: (line: LineDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const labelOf = useSpecLabel();
  const base = `${useId()}-line`;
  const prefix = `lines.${index}`;
  const product = products.find((p) => p.id === line.productId);
  const variants = product?.variants ?? [];
  const chooseProduct = (productId: string) => {
    const chosen = products.find((p) => p.id === productId);
    // A product of another type asks for other specs: start them afresh.
    const sameType = chosen && product && chosen.productTypeId === product.productTypeId;
    onChange({
      ...line,
      productId,
      variantId: chosen?.variants.length === 1 ? chosen.variants[0].id : "",
      values: sameType ? line.values : {},
    });
  };
  const setValue = (code: string, value: string | string[] | boolean) => onChange({ ...line, values: { ...line.values, [code]: value } });
  const number = index + 1;
  const lineErrors = errors.get(prefix);
  const productError = errors.get(`${prefix}.variantId`);
  const quantityError = errors.get(`${prefix}.quantity`);

  return (
    <Box
      as="fieldset"
      className="oo-fieldset"
      display="flex"
      flexDirection="column"
      gap={3}
      data-testid="chat-line"
      data-line={index}
    >
      <legend>
        <Text size={4} fontWeight="bold">
          {t("chatLine", { number })}
        </Text>
      </legend>
      {lineErrors && <Notice tone="critical">{lineErrors.join(" ")}</Notice>}
      <Box className="oo-form-grid">
        <FormField id={`${base}-product`} label={t("product")} error={productError}>
          <select
            id={`${base}-product`}
            name={`line-${index}-product`}
            className="oo-select oo-input"
            value={line.productId}
            onChange={(e) => chooseProduct(e.target.value)}
            {...described(`${base}-product`, productError)}
          >
            <option value="">{t("chatChooseProduct")}</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </FormField>
        {variants.length > 1 && (
          <FormField id={`${base}-variant`} label={t("chatVariant")}>
            <select
              id={`${base}-variant`}
              name={`line-${index}-variant`}
              className="oo-select oo-input"
              value={line.variantId}
              onChange={(e) => onChange({ ...line, variantId: e.target.value })}
            >
              <option value="">{t("select")}</option>
              {variants.map((variant) => (
                <option key={variant.id} value={variant.id}>
                  {variant.name || variant.sku}
                </option>
              ))}
            </select>
          </FormField>
        )}
        <FormField id={`${base}-quantity`} label={t("chatQuantity")} error={quantityError}>
          <input
            id={`${base}-quantity`}
            name={`line-${index}-quantity`}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            className="oo-input"
            value={line.quantity}
            onChange={(e) => onChange({ ...line, quantity: e.target.value })}
            {...described(`${base}-quantity`, quantityError)}
          />
        </FormField>
      </Box>
      {product && fields.length > 0 && (
        <Box className="oo-form-grid" data-testid="chat-line-specs">
          {fields
            .filter((field) => isVisible(field, line.values))
            .map((field) => {
              const id = `${base}-spec-${field.code}`;
              const error = errors.get(`${prefix}.specs.${field.code}`);
              const testId = `chat-spec-${field.code}`;
              if (field.type === "FILE")
                return (
                  <Box key={field.code} display="flex" flexDirection="column" gap={1} data-testid={testId}>
                    <Text size={2} fontWeight="medium">
                      {field.label}
                    </Text>
                    <Text size={2} color="default2">
                      {t("chatFileInChat")}
                    </Text>
                    {error && (
                      <Text size={2} color="critical1" data-testid="field-error">
                        {error.join(" ")}
                      </Text>
                    )}
                  </Box>
                );
              const value = line.values[field.code];
              if (field.type === "COLOR")
                return (
                  <FormField key={field.code} id={id} label={labelOf(field)} error={error} hint={t("colourHint")} testId={testId}>
                    <Box display="flex" gap={2} alignItems="center">
                      <input
                        id={id}
                        type="text"
                        className="oo-input"
                        placeholder="#1B2A4A"
                        value={(value as string) ?? ""}
                        onChange={(e) => setValue(field.code, e.target.value)}
                        {...described(id, error, true)}
                      />
                      <input
                        type="color"
                        className="oo-colour"
                        aria-label={t("colourPick", { label: field.label })}
                        value={typeof value === "string" && HEX_COLOUR.test(value) ? value.toLowerCase() : "#000000"}
                        onChange={(e) => setValue(field.code, e.target.value.toUpperCase())}
                      />
                    </Box>
                  </FormField>
                );
              return (
                <FormField key={field.code} id={id} label={labelOf(field)} error={error} hint={field.helpText || undefined} testId={testId}>
                  <SpecControl
                    field={field}
                    id={id}
                    value={value}
                    className="oo-input"
                    onChange={(next) => setValue(field.code, next)}
                    describedBy={described(id, error, !!field.helpText)["aria-describedby"]}
                    invalid={!!error?.length}
                  />
                </FormField>
              );
            })}
        </Box>
      )}
      {count > 1 && (
        <Box>
          <Button type="button" variant="tertiary" onClick={onRemove} data-testid="remove-line">
            {t("removeLine", { number })}
          </Button>
        </Box>
      )}
    </Box>
  );
}

export function ChatOrderForm({ onCreated }: { onCreated: (order: ChatOrder) => void }) {
  const { t } = useI18n();
  const base = useId();
  const { products, typeOf, loading, noTypes, error: catalogError } = useChatCatalog();
  const [lines, setLines] = useState<LineDraft[]>(() => [newLine()]);
  const [customer, setCustomer] = useState<CustomerDraft>({ name: "", phone: "", email: "" });
  const [source, setSource] = useState<MadeToOrderDraftSource>("WHATSAPP");
  const [languageCode, setLanguageCode] = useState("id");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<OpenOrderError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const fieldsOf = (line: LineDraft): PreviewField[] => {
    const product = products.find((p) => p.id === line.productId);
    return (product && typeOf.get(product.productTypeId)?.specFields) || [];
  };
  const byField = errorsByField(errors);
  // The paths the form shows beside a field; any other error goes on top.
  const shown = new Set(["customer.name", "customer.phone", "customer.email", "languageCode", "note", "source"]);
  lines.forEach((line, index) => {
    for (const suffix of ["", ".variantId", ".quantity"]) shown.add(`lines.${index}${suffix}`);
    for (const field of fieldsOf(line)) if (isVisible(field, line.values)) shown.add(`lines.${index}.specs.${field.code}`);
  });
  const general = errors.filter((error) => !shown.has(error.field ?? ""));

  const setLine = (index: number, line: LineDraft) => setLines((all) => all.map((l, i) => (i === index ? line : l)));

  const submit = async () => {
    setFailure(null);
    // A line without a product cannot be sent: say so beside it.
    const missing: OpenOrderError[] = lines
      .map((line, index) => (line.variantId ? null : { field: `lines.${index}.variantId`, code: "REQUIRED" as const, message: t("chatChooseProductFirst") }))
      .filter((error) => error !== null);
    if (missing.length) {
      setErrors(missing);
      summary.current?.focus();
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      const input = draftInput({ lines, fieldsOf, customer, source, languageCode, note });
      const result = (await request<ChatOrderCreateMutation>(CHAT_ORDER_CREATE, { input })).madeToOrderDraftCreate;
      const refused = result?.openOrderErrors ?? [];
      if (refused.length || !result?.madeToOrderDraft) {
        setErrors(refused);
        summary.current?.focus();
        return;
      }
      onCreated(result.madeToOrderDraft);
    } catch (e) {
      setFailure((e as Error).message);
      summary.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (catalogError) return <Notice tone="critical">{catalogError}</Notice>;
  if (loading) return <Text color="default2">{t("loading")}</Text>;
  if (noTypes || products.length === 0) return <Notice tone="info">{t("chatNoProducts")}</Notice>;

  const name = `${base}-name`;
  const phone = `${base}-phone`;
  const email = `${base}-email`;
  const noteId = `${base}-note`;
  const sourceId = `${base}-source`;
  const languageId = `${base}-language`;
  return (
    <Box
      as="form"
      display="flex"
      flexDirection="column"
      gap={5}
      noValidate
      data-testid="chat-order-form"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div ref={summary} tabIndex={-1} className="oo-focus-target">
        {(errors.length > 0 || failure) && (
          <Notice tone="critical" data-testid="chat-form-errors">
            {failure ? `${t("errorPrefix")}: ${failure}` : t("chatFormErrors")}
            {general.length > 0 && (
              <Box as="ul" margin={0} paddingLeft={4}>
                {general.map((error, index) => (
                  <li key={index}>{error.message ?? error.code}</li>
                ))}
              </Box>
            )}
          </Notice>
        )}
      </div>
      <Box display="flex" flexDirection="column" gap={3}>
        <Text as="h3" size={5} fontWeight="bold">
          {t("chatLines")}
        </Text>
        {lines.map((line, index) => (
          <LineEditor
            key={line.key}
            line={line}
            index={index}
            count={lines.length}
            products={products}
            fields={fieldsOf(line)}
            errors={byField}
            onChange={(next) => setLine(index, next)}
            onRemove={() => {
              setLines((all) => all.filter((l) => l.key !== line.key));
              setErrors([]);
            }}
          />
        ))}
        <Box>
          <Button type="button" variant="secondary" onClick={() => setLines((all) => [...all, newLine()])} data-testid="add-line">
            {t("addLine")}
          </Button>
        </Box>
      </Box>

      <Box as="fieldset" className="oo-fieldset" display="flex" flexDirection="column" gap={3}>
        <legend>
          <Text size={4} fontWeight="bold">
            {t("chatBuyer")}
          </Text>
        </legend>
        <Box className="oo-form-grid">
          <FormField id={name} label={t("customerName")} error={byField.get("customer.name")}>
            <input
              id={name}
              name="customerName"
              className="oo-input"
              autoComplete="off"
              value={customer.name}
              onChange={(e) => setCustomer({ ...customer, name: e.target.value })}
              {...described(name, byField.get("customer.name"))}
            />
          </FormField>
          <FormField id={phone} label={t("customerPhone")} error={byField.get("customer.phone")} hint={t("customerPhoneHint")}>
            <input
              id={phone}
              name="customerPhone"
              type="tel"
              inputMode="tel"
              className="oo-input"
              autoComplete="off"
              value={customer.phone}
              onChange={(e) => setCustomer({ ...customer, phone: e.target.value })}
              {...described(phone, byField.get("customer.phone"), true)}
            />
          </FormField>
          <FormField id={email} label={t("customerEmail")} error={byField.get("customer.email")}>
            <input
              id={email}
              name="customerEmail"
              type="email"
              className="oo-input"
              autoComplete="off"
              value={customer.email}
              onChange={(e) => setCustomer({ ...customer, email: e.target.value })}
              {...described(email, byField.get("customer.email"))}
            />
          </FormField>
        </Box>
        <Box className="oo-form-grid">
          <FormField id={sourceId} label={t("chatSourceLabel")}>
            <select
              id={sourceId}
              name="source"
              className="oo-select oo-input"
              value={source}
              onChange={(e) => setSource(e.target.value as MadeToOrderDraftSource)}
            >
              {CHAT_SOURCES.map((value) => (
                <option key={value} value={value}>
                  {t(`chatSource_${value}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={languageId} label={t("chatLanguage")} error={byField.get("languageCode")}>
            <select
              id={languageId}
              name="languageCode"
              className="oo-select oo-input"
              value={languageCode}
              onChange={(e) => setLanguageCode(e.target.value)}
              {...described(languageId, byField.get("languageCode"))}
            >
              <option value="id">{t("chatLanguage_id")}</option>
              <option value="en">{t("chatLanguage_en")}</option>
            </select>
          </FormField>
        </Box>
        <FormField id={noteId} label={t("chatNote")} error={byField.get("note")}>
          <textarea
            id={noteId}
            name="note"
            rows={3}
            maxLength={1000}
            className="oo-input"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            {...described(noteId, byField.get("note"))}
          />
        </FormField>
      </Box>
      <Box display="flex" gap={3} alignItems="center" flexWrap="wrap">
        <Button type="submit" disabled={busy} className="oo-thumb-button" data-testid="create-chat-order">
          {busy ? t("chatCreating") : t("createChatOrder")}
        </Button>
        <Text size={2} color="default2">
          {t("chatNothingHeld", { language: t(`chatLanguage_${languageCode === "en" ? "en" : "id"}`) })}
        </Text>
      </Box>
    </Box>
  );
}
