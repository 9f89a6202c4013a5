// Taking an order from a chat: the form, then what to send the buyer (the
// buyer link, or the buyer's WhatsApp chat with the message typed in).
import { Box, Button, Text } from "@saleor/macaw-ui";
import { useEffect, useRef, useState } from "react";
import { ChatOrderForm } from "../components/ChatOrderForm";
import { type ChatOrder, ChatOrderCustomer, ChatOrderFacts, ChatOrderProblems, ChatStatusBadge, ShareActions } from "../components/ChatOrders";
import { Card, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

function Created({ order, onAnother }: { order: ChatOrder; onAnother: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the eyes (and a screen reader) go once the form is gone.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Box display="flex" flexDirection="column" gap={3} data-testid="chat-order-created" data-draft-id={order.id} data-status={order.status}>
      <Notice tone="success">{t("chatCreated")}</Notice>
      <Box display="flex" justifyContent="space-between" alignItems="center" gap={2} flexWrap="wrap">
        <Text as="h3" size={5} fontWeight="bold" className="oo-wrap oo-focus-target" ref={heading} tabIndex={-1}>
          {order.customerName || (order.customerPhone ? `+${order.customerPhone}` : t("chatNoName"))}
        </Text>
        <ChatStatusBadge status={order.status} />
      </Box>
      <ChatOrderCustomer order={order} />
      <ChatOrderFacts order={order} />
      <ChatOrderProblems order={order} />
      <ShareActions order={order} messageOpen />
      <Box display="flex" gap={3} alignItems="center" flexWrap="wrap">
        <Button variant="secondary" onClick={onAnother} data-testid="take-another">
          {t("takeAnother")}
        </Button>
        <Link to={paths.chatOrders()} className="oo-text-link" data-testid="back-to-chat-orders">
          <Text>{t("backToChatOrders")}</Text>
        </Link>
      </Box>
    </Box>
  );
}

export function NewChatOrderPage() {
  const { t } = useI18n();
  const [created, setCreated] = useState<ChatOrder | null>(null);
  // A new form (empty) for every order taken.
  const [generation, setGeneration] = useState(0);
  return (
    <Card
      title={t("newChatOrder")}
      data-testid="new-chat-order-page"
      actions={
        <Link to={paths.chatOrders()} className="oo-text-link">
          <Text size={2}>{t("backToChatOrders")}</Text>
        </Link>
      }
    >
      <Box __maxWidth="760px" display="flex" flexDirection="column" gap={3}>
        {created ? (
          <Created
            order={created}
            onAnother={() => {
              setCreated(null);
              setGeneration((n) => n + 1);
            }}
          />
        ) : (
          <>
            <Text size={2} color="default2">
              {t("chatFormIntro")}
            </Text>
            <ChatOrderForm key={generation} onCreated={setCreated} />
          </>
        )}
      </Box>
    </Card>
  );
}
