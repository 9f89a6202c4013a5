import { Box, Button, Text } from "@saleor/macaw-ui";
import { lazy, Suspense, useEffect, useState } from "react";
import { session } from "./auth/session";
import { Language, useI18n } from "./i18n";
import { BoardPage } from "./pages/BoardPage";
import { ChatOrdersPage } from "./pages/ChatOrdersPage";
import { JobPage } from "./pages/JobPage";
import { NewChatOrderPage } from "./pages/NewChatOrderPage";
import { OrderWidgetPage } from "./pages/OrderWidgetPage";
import { PaymentProofsPage } from "./pages/PaymentProofsPage";
import { PreOrderBatchesPage } from "./pages/PreOrderBatchesPage";
import { ProductTypeSettingsPage } from "./pages/ProductTypeSettingsPage";
import { ProductTypesPage } from "./pages/ProductTypesPage";
import { SignInPage } from "./pages/SignInPage";
import { Link, paths, Route, useRoute } from "./router";
import { PENDING_PAYMENT_PROOF_COUNT } from "./api/operations";
import type { PendingPaymentProofCountQuery } from "./api/generated";
import { useQuery } from "./api/useQuery";

// The backlog's charts (Recharts) load with the page, not with the board.
const BacklogPage = lazy(() => import("./pages/BacklogPage").then((module) => ({ default: module.BacklogPage })));

const read = () => ({ token: session.current, awaitingDashboard: session.isAwaitingDashboard });

/** The session's token, and whether a dashboard is about to hand one over. */
export function useToken() {
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () =>
      setState((previous) => {
        const next = read();
        return next.token === previous.token && next.awaitingDashboard === previous.awaitingDashboard ? previous : next;
      });
    const unsubscribe = session.subscribe(update);
    update();
    const stop = session.keepFresh();
    return () => {
      unsubscribe();
      stop();
    };
  }, []);
  return state;
}

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Box display="flex" gap={1} alignItems="center" role="group" aria-label={t("language")}>
      {(["en", "id"] as Language[]).map((code) => (
        <Button
          key={code}
          size="small"
          variant={language === code ? "secondary" : "tertiary"}
          aria-pressed={language === code}
          onClick={() => setLanguage(code)}
        >
          {code.toUpperCase()}
        </Button>
      ))}
    </Box>
  );
}

/** The transfer proofs waiting for staff, beside the header's link (asked
 * again on every page change, so a decision shows on the next page). */
function PendingProofCount({ refreshKey }: { refreshKey: Route }) {
  const { t } = useI18n();
  const { data } = useQuery<PendingPaymentProofCountQuery>(PENDING_PAYMENT_PROOF_COUNT, {}, { refreshKey: JSON.stringify(refreshKey) });
  const count = data?.paymentProofs?.totalCount ?? 0;
  if (!count) return null;
  return (
    <span className="oo-count" data-testid="pending-proof-count" data-count={count}>
      <span aria-hidden="true">{count}</span>
      <span className="oo-sr-only">{t("proofsWaiting", { count })}</span>
    </span>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case "board":
      return <BoardPage />;
    case "job":
      return <JobPage id={route.id} />;
    case "proofs":
      return <PaymentProofsPage />;
    case "batches":
      return <PreOrderBatchesPage />;
    case "chatOrders":
      return <ChatOrdersPage />;
    case "newChatOrder":
      return <NewChatOrderPage />;
    case "backlog":
      return (
        <Suspense fallback={<Text color="default2">{t("loading")}</Text>}>
          <BacklogPage />
        </Suspense>
      );
    case "settings":
      return <ProductTypesPage />;
    case "productType":
      return <ProductTypeSettingsPage id={route.id} />;
    default:
      return <Text>{t("notFound")}</Text>;
  }
}

export function App() {
  const { token, awaitingDashboard } = useToken();
  const route = useRoute();
  const { t } = useI18n();
  if (!token && awaitingDashboard)
    return (
      <Box padding={4} role="status" data-testid="connecting">
        <Text color="default2">{t("connectingDashboard")}</Text>
      </Box>
    );
  if (!token) return <SignInPage />;
  // The order page's widget: a sidebar of its own, without the board's header.
  if (route.name === "order") return <OrderWidgetPage orderId={route.orderId} />;
  const active =
    route.name === "settings" || route.name === "productType"
      ? "settings"
      : route.name === "chatOrders" || route.name === "newChatOrder"
        ? "chatOrders"
        : route.name === "proofs" || route.name === "batches" || route.name === "backlog"
          ? route.name
          : "board";
  return (
    <Box __minHeight="100vh" backgroundColor="default2" display="flex" flexDirection="column">
      <Box
        as="header"
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        paddingX={6}
        paddingY={3}
        className="oo-header"
        backgroundColor="default1"
        borderBottomStyle="solid"
        borderBottomWidth={1}
        borderColor="default1"
        gap={4}
        flexWrap="wrap"
      >
        <Box display="flex" alignItems="center" gap={6} flexWrap="wrap">
          <Text size={6} fontWeight="bold">
            {t("appTitle")}
          </Text>
          <Box as="nav" display="flex" gap={4} flexWrap="wrap">
            <Link to={paths.board()} aria-current={active === "board" ? "page" : undefined} style={{ textDecoration: "none" }}>
              <Text fontWeight={active === "board" ? "bold" : "regular"} color={active === "board" ? "default1" : "default2"}>
                {t("board")}
              </Text>
            </Link>
            <Link to={paths.settings()} aria-current={active === "settings" ? "page" : undefined} style={{ textDecoration: "none" }}>
              <Text fontWeight={active === "settings" ? "bold" : "regular"} color={active === "settings" ? "default1" : "default2"}>
                {t("settings")}
              </Text>
            </Link>
            <Link to={paths.proofs()} aria-current={active === "proofs" ? "page" : undefined} style={{ textDecoration: "none" }} data-testid="nav-proofs">
              <Text fontWeight={active === "proofs" ? "bold" : "regular"} color={active === "proofs" ? "default1" : "default2"}>
                {t("paymentProofs")}
              </Text>
              <PendingProofCount refreshKey={route} />
            </Link>
            <Link to={paths.batches()} aria-current={active === "batches" ? "page" : undefined} style={{ textDecoration: "none" }} data-testid="nav-batches">
              <Text fontWeight={active === "batches" ? "bold" : "regular"} color={active === "batches" ? "default1" : "default2"}>
                {t("batches")}
              </Text>
            </Link>
            <Link to={paths.chatOrders()} aria-current={active === "chatOrders" ? "page" : undefined} style={{ textDecoration: "none" }} data-testid="nav-chat-orders">
              <Text fontWeight={active === "chatOrders" ? "bold" : "regular"} color={active === "chatOrders" ? "default1" : "default2"}>
                {t("chatOrders")}
              </Text>
            </Link>
            <Link to={paths.backlog()} aria-current={active === "backlog" ? "page" : undefined} style={{ textDecoration: "none" }} data-testid="nav-backlog">
              <Text fontWeight={active === "backlog" ? "bold" : "regular"} color={active === "backlog" ? "default1" : "default2"}>
                {t("backlog")}
              </Text>
            </Link>
          </Box>
        </Box>
        <Box display="flex" alignItems="center" gap={4} flexWrap="wrap">
          <LanguageSwitch />
          {session.email && (
            <Text size={2} color="default2">
              {session.email}
            </Text>
          )}
          {!session.isEmbedded && (
            <Button variant="tertiary" size="small" onClick={() => session.signOut()}>
              {t("signOut")}
            </Button>
          )}
        </Box>
      </Box>
      <Box as="main" padding={6} flexGrow="1" className="oo-main">
        <Page route={route} />
      </Box>
    </Box>
  );
}
