// A chat order as staff see it wherever it appears (the list, the form's
// answer): what was ordered and for how much, and, while it waits for the
// buyer, the buyer link to send: copied, or opened in WhatsApp with the
// message typed in.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useId, useState } from "react";
import type { ChatOrderFieldsFragment, MadeToOrderDraftStatus } from "../api/generated";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { specText } from "./jobs";
import { Badge } from "./ui";

export type ChatOrder = ChatOrderFieldsFragment;

export const CHAT_STATUS_TONE: Record<MadeToOrderDraftStatus, "info" | "success" | "critical"> = {
  DRAFT: "info",
  CONFIRMED: "success",
  CANCELLED: "critical",
};

export function ChatStatusBadge({ status }: { status: MadeToOrderDraftStatus }) {
  const { tx } = useI18n();
  return (
    <Badge tone={CHAT_STATUS_TONE[status]} data-testid="chat-order-status">
      {tx("chatStatus", status)}
    </Badge>
  );
}

/** Puts `text` on the clipboard: the Clipboard API, else the old way (a
 * selected text area), for a page the browser does not let write to it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* not allowed: the old way below */
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** A button that copies `text` and says whether it did. */
function CopyButton({ text, label, done, testId }: { text: string; label: MessageKey; done: MessageKey; testId: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState<"copied" | "failed" | null>(null);
  return (
    <Box display="flex" alignItems="center" gap={2} flexWrap="wrap">
      <Button
        type="button"
        variant="secondary"
        className="oo-thumb-button"
        data-testid={testId}
        onClick={() => void copyText(text).then((ok) => setResult(ok ? "copied" : "failed"))}
      >
        {t(label)}
      </Button>
      <span role="status" data-testid={`${testId}-feedback`}>
        {result && (
          <Text size={2} color={result === "copied" ? "default1" : "critical1"}>
            {result === "copied" ? t(done) : t("copyFailed")}
          </Text>
        )}
      </span>
    </Box>
  );
}

/** What staff send the buyer: the buyer link (copy it), the wa.me link (the
 * buyer's chat with the message typed in) and the message itself. */
export function ShareActions({ order, messageOpen = false }: { order: ChatOrder; messageOpen?: boolean }) {
  const { t } = useI18n();
  // Said of both links by screen readers (a hidden element still describes).
  const newTab = useId();
  const message = (
    <Text as="p" size={2} className="oo-pre oo-message" data-testid="chat-share-message">
      {order.shareMessage}
    </Text>
  );
  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="chat-share">
      <Box display="flex" flexDirection="column" gap={1}>
        <Text size={2} color="default2">
          {t("buyerLink")}
        </Text>
        <a href={order.buyerUrl} target="_blank" rel="noopener noreferrer" className="oo-wrap" aria-describedby={newTab} data-testid="chat-buyer-link">
          <Text size={2}>{order.buyerUrl}</Text>
        </a>
        <span id={newTab} hidden>
          {t("opensInNewTab")}
        </span>
      </Box>
      <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
        <a
          href={order.shareUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="oo-action-link oo-whatsapp"
          aria-describedby={newTab}
          data-testid="open-whatsapp"
        >
          {t("openWhatsApp")}
        </a>
        <CopyButton text={order.buyerUrl} label="copyLink" done="linkCopied" testId="copy-buyer-link" />
      </Box>
      {messageOpen ? (
        <Box display="flex" flexDirection="column" gap={1}>
          <Text size={2} color="default2">
            {t("shareMessage")}
          </Text>
          {message}
          <CopyButton text={order.shareMessage} label="copyMessage" done="messageCopied" testId="copy-message" />
        </Box>
      ) : (
        <details className="oo-details">
          <summary>
            <Text size={2}>{t("shareMessage")}</Text>
          </summary>
          <Box display="flex" flexDirection="column" gap={2} paddingTop={2}>
            {message}
            <CopyButton text={order.shareMessage} label="copyMessage" done="messageCopied" testId="copy-message" />
          </Box>
        </details>
      )}
    </Box>
  );
}

/** The lines, the money and the ready date of a chat order. */
export function ChatOrderFacts({ order }: { order: ChatOrder }) {
  const { t, formatMoney, formatDate, formatNumber } = useI18n();
  const money = (value: { amount: number; currency: string } | null | undefined) => (value ? formatMoney(value.amount, value.currency) : "");
  const words = { yes: t("yes"), no: t("no"), formatDate, formatNumber };
  return (
    <Box display="flex" flexDirection="column" gap={2}>
      {order.lines.length > 0 && (
        <Box as="ul" display="flex" flexDirection="column" gap={1} className="oo-plain-list" data-testid="chat-order-lines">
          {order.lines.map((line, index) => {
            const specs = line.specs
              .map((spec) => ({ label: spec.label, text: specText(spec, words) }))
              .filter((spec) => spec.text);
            return (
              <Box as="li" key={index} display="flex" flexDirection="column" className="oo-wrap" data-testid="chat-order-line">
                <Text size={3} fontWeight="medium">
                  {t("chatLineSummary", {
                    quantity: line.quantity,
                    product: line.variantName && line.variantName !== line.productName ? `${line.productName} (${line.variantName})` : line.productName,
                  })}{" "}
                  · {money(line.totalPrice)}
                </Text>
                {specs.length > 0 && (
                  <Text size={2} color="default2">
                    {specs.map((spec) => `${spec.label}: ${spec.text}`).join(" · ")}
                  </Text>
                )}
              </Box>
            );
          })}
        </Box>
      )}
      {order.total && (
        <Box as="dl" className="oo-facts" data-testid="chat-order-money">
          <div>
            <dt>{t("chatTotal")}</dt>
            <dd data-testid="chat-order-total">{money(order.total)}</dd>
          </div>
          {order.deposit && Number(order.deposit.amount) > 0 && (
            <div>
              <dt>{t("deposit")}</dt>
              <dd data-testid="chat-order-deposit">{money(order.deposit)}</dd>
            </div>
          )}
          {order.balance && Number(order.balance.amount) > 0 && (
            <div>
              <dt>{t("chatBalance")}</dt>
              <dd>{money(order.balance)}</dd>
            </div>
          )}
          {order.promisedDate && (
            <div>
              <dt>{t("chatReadyBy")}</dt>
              <dd data-testid="chat-order-promised">{formatDate(order.promisedDate)}</dd>
            </div>
          )}
        </Box>
      )}
      {order.note && (
        <Text size={2} className="oo-pre">
          {t("chatNoteShown")}: {order.note}
        </Text>
      )}
    </Box>
  );
}

/** Who the order is for and where it was taken. */
export function ChatOrderCustomer({ order }: { order: ChatOrder }) {
  const { tx } = useI18n();
  const parts = [tx("chatSource", order.source), order.customerPhone ? `+${order.customerPhone}` : "", order.customerEmail].filter(Boolean);
  return (
    <Text size={2} color="default2" className="oo-wrap" data-testid="chat-order-customer">
      {parts.join(" · ")}
    </Text>
  );
}

/** Why the buyer cannot confirm the order as it stands (the server's words). */
export function ChatOrderProblems({ order }: { order: ChatOrder }) {
  const { t } = useI18n();
  if (order.status !== "DRAFT" || order.problems.length === 0) return null;
  return (
    <Box role="alert" backgroundColor="critical1" padding={3} borderRadius={3} data-testid="chat-order-problems">
      <Text size={3} fontWeight="medium">
        {t("chatProblems")}
      </Text>
      <Box as="ul" margin={0} paddingLeft={4}>
        {order.problems.map((problem, index) => (
          <li key={index}>
            <Text size={2}>{problem.message ?? problem.code}</Text>
          </li>
        ))}
      </Box>
    </Box>
  );
}
