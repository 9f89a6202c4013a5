// The transfer proofs waiting for staff, oldest first: the cashier's queue.
// Each shows its receipt and takes an accept or a reject in place; the
// order's jobs are a tap away.
import { Box, Button, Text } from "@saleor/macaw-ui";
import { PENDING_PAYMENT_PROOFS } from "../api/operations";
import type { PendingPaymentProofsQuery } from "../api/generated";
import { useQuery } from "../api/useQuery";
import { PaymentProofItem } from "../components/PaymentProofs";
import { Card, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

export const PROOFS_PAGE_SIZE = 50;

export function PaymentProofsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery<PendingPaymentProofsQuery>(PENDING_PAYMENT_PROOFS, {
    first: PROOFS_PAGE_SIZE,
  });
  const edges = data?.paymentProofs?.edges ?? [];
  return (
    <Card
      title={t("paymentProofsToCheck")}
      data-testid="proofs-page"
      aria-busy={loading}
      actions={
        <Button variant="tertiary" size="small" onClick={() => void reload()}>
          {t("reload")}
        </Button>
      }
    >
      {error && <Notice tone="critical">{error}</Notice>}
      {!data && !error && <Text color="default2">{t("loading")}</Text>}
      {data && edges.length === 0 && (
        <Text color="default2" data-testid="no-proofs">
          {t("noPaymentProofs")}
        </Text>
      )}
      <Box as="ul" display="flex" flexDirection="column" gap={4} className="oo-plain-list" __maxWidth="760px">
        {edges.map(({ node }) => (
          <Box as="li" key={node.id} display="flex" flexDirection="column" gap={2}>
            {node.order && (
              <Link to={paths.orderJobs(node.order.id)} data-testid="proof-order">
                <Text fontWeight="medium">
                  {t("openOrderJobs", { number: node.order.number ?? "" })}
                  {node.order.userEmail ? ` · ${node.order.userEmail}` : ""}
                </Text>
              </Link>
            )}
            <Box as="ul" className="oo-plain-list">
              <PaymentProofItem proof={node} orderNumber={node.order?.number} />
            </Box>
          </Box>
        ))}
      </Box>
    </Card>
  );
}
