// Chat orders, newest first: the orders staff took in WhatsApp or Instagram
// chats. A draft waits for the buyer to confirm it on the buyer link (its
// link can be copied or sent again, or the order called off, after asking);
// a confirmed one is a placed order whose jobs are a tap away.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";
import { request } from "../api/client";
import { CHAT_ORDER_CANCEL, CHAT_ORDERS } from "../api/operations";
import type { ChatOrderCancelMutation, ChatOrdersQuery, MadeToOrderDraftStatus } from "../api/generated";
import { useQuery } from "../api/useQuery";
import { type ChatOrder, ChatOrderCustomer, ChatOrderFacts, ChatOrderProblems, ChatStatusBadge, ShareActions } from "../components/ChatOrders";
import { Card, ListItem, NativeSelect, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { Link, paths } from "../router";

export const CHAT_ORDERS_PAGE_SIZE = 20;

export const CHAT_SHOWN: Record<string, MadeToOrderDraftStatus[] | null> = {
  ALL: null,
  DRAFT: ["DRAFT"],
  CONFIRMED: ["CONFIRMED"],
  CANCELLED: ["CANCELLED"],
};

function ChatOrderItem({ given }: { given: ChatOrder }) {
  const { t, formatDateTime } = useI18n();
  const [order, setOrder] = useState(given);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ tone: "critical" | "success"; text?: string; key?: MessageKey } | null>(null);
  // The list was reloaded: the server's state of the order wins.
  const [seen, setSeen] = useState(given);
  if (given !== seen) {
    setSeen(given);
    setOrder(given);
  }

  const cancel = async () => {
    setBusy(true);
    setFeedback(null);
    try {
      const result = (await request<ChatOrderCancelMutation>(CHAT_ORDER_CANCEL, { id: order.id })).madeToOrderDraftCancel;
      const errors = result?.openOrderErrors ?? [];
      if (errors.length) {
        setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${errors.map((e) => e.message ?? e.code).join("; ")}` });
        return;
      }
      if (result?.madeToOrderDraft) setOrder(result.madeToOrderDraft);
      setFeedback({ tone: "success", key: "chatCancelled" });
    } catch (e) {
      setFeedback({ tone: "critical", text: `${t("errorPrefix")}: ${(e as Error).message}` });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const when =
    order.status === "CONFIRMED"
      ? t("chatConfirmedAt", { when: formatDateTime(order.confirmedAt) })
      : order.status === "CANCELLED"
        ? t("chatCancelledAt", { when: formatDateTime(order.cancelledAt) })
        : t("chatCreatedAt", { when: formatDateTime(order.createdAt) });

  return (
    <ListItem data-testid="chat-order" data-draft-id={order.id} data-status={order.status}>
      <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
        <Text as="h3" size={5} fontWeight="bold" className="oo-wrap">
          {order.customerName || (order.customerPhone ? `+${order.customerPhone}` : t("chatNoName"))}
        </Text>
        <ChatStatusBadge status={order.status} />
      </Box>
      <ChatOrderCustomer order={order} />
      <Text size={2}>{when}</Text>
      <ChatOrderFacts order={order} />
      <ChatOrderProblems order={order} />
      {order.status === "CONFIRMED" &&
        (order.order ? (
          <Link to={paths.orderJobs(order.order.id)} className="oo-text-link" data-testid="chat-order-jobs">
            <Text fontWeight="medium">{t("openOrderJobs", { number: order.orderNumber ?? "" })}</Text>
          </Link>
        ) : (
          order.orderNumber && <Text fontWeight="medium">{t("orderNumber", { number: order.orderNumber })}</Text>
        ))}
      {order.status === "DRAFT" && <ShareActions order={order} />}
      {order.status === "DRAFT" &&
        (confirming ? (
          <Box display="flex" flexDirection="column" gap={2} data-testid="chat-cancel-confirm" role="alert">
            <Text size={2} fontWeight="medium">
              {t("chatCancelWarning")}
            </Text>
            <Box display="flex" gap={2} flexWrap="wrap">
              <Button variant="error" disabled={busy} onClick={() => void cancel()}>
                {t("chatCancelConfirm")}
              </Button>
              <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
                {t("chatKeep")}
              </Button>
            </Box>
          </Box>
        ) : (
          <Box>
            <Button variant="tertiary" onClick={() => setConfirming(true)} data-testid="chat-cancel">
              {t("chatCancel")}
            </Button>
          </Box>
        ))}
      {feedback && (
        <Notice tone={feedback.tone} data-testid="chat-feedback">
          {feedback.key ? t(feedback.key) : feedback.text}
        </Notice>
      )}
    </ListItem>
  );
}

export function ChatOrdersPage() {
  const { t } = useI18n();
  const [shown, setShown] = useState("ALL");
  const [pages, setPages] = useState(1);
  const { data, error, loading, reload } = useQuery<ChatOrdersQuery>(CHAT_ORDERS, {
    first: CHAT_ORDERS_PAGE_SIZE * pages,
    status: CHAT_SHOWN[shown],
  });
  const connection = data?.madeToOrderDrafts;
  const orders = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <Card
      title={t("chatOrders")}
      data-testid="chat-orders-page"
      aria-busy={loading}
      actions={
        <Box display="flex" gap={2} alignItems="center" flexWrap="wrap">
          <Button variant="tertiary" size="small" onClick={() => void reload()}>
            {t("reload")}
          </Button>
          <Link to={paths.newChatOrder()} className="oo-action-link oo-action-primary" data-testid="new-chat-order">
            {t("newChatOrder")}
          </Link>
        </Box>
      }
    >
      <Text size={2} color="default2">
        {t("chatOrdersIntro")}
      </Text>
      <Box __maxWidth="320px">
        <NativeSelect
          label={t("chatShown")}
          name="chatStatus"
          value={shown}
          onChange={(value) => {
            setShown(value);
            setPages(1);
          }}
          options={Object.keys(CHAT_SHOWN).map((key) => ({ value: key, label: t(`chatShown_${key}` as MessageKey) }))}
        />
      </Box>
      {error && <Notice tone="critical">{error}</Notice>}
      {!data && !error && <Text color="default2">{t("loading")}</Text>}
      {data && orders.length === 0 && (
        <Text color="default2" data-testid="no-chat-orders">
          {t("noChatOrders")}
        </Text>
      )}
      <Box as="ul" display="flex" flexDirection="column" gap={3} className="oo-plain-list" __maxWidth="760px">
        {orders.map((order) => (
          <ChatOrderItem key={order.id} given={order} />
        ))}
      </Box>
      {connection?.pageInfo.hasNextPage && (
        <Box>
          <Button variant="secondary" disabled={loading} onClick={() => setPages((n) => n + 1)} data-testid="load-more-chat-orders">
            {t("loadMore")}
          </Button>
        </Box>
      )}
    </Card>
  );
}
