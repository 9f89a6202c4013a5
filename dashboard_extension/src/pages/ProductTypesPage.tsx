import { Box, Text } from "@saleor/macaw-ui";
import { useProductTypes } from "../api/catalog";
import { Badge, Card, Notice } from "../components/ui";
import { useI18n } from "../i18n";
import { Link, paths } from "../router";

export function ProductTypesPage() {
  const { t, tx } = useI18n();
  const { types, error } = useProductTypes();
  return (
    <Card title={t("productTypes")}>
      {error && <Notice tone="critical">{error}</Notice>}
      {!types && !error && <Text color="default2">{t("loading")}</Text>}
      <Box display="flex" flexDirection="column">
        {(types ?? []).map((type) => (
          <Link key={type.id} to={paths.productType(type.id)} className="oo-card-link" data-testid="product-type-link">
            <Box display="flex" justifyContent="space-between" alignItems="center" paddingY={3} borderBottomStyle="solid" borderBottomWidth={1} borderColor="default1">
              <Text fontWeight="medium">{type.name}</Text>
              <Box display="flex" gap={2} alignItems="center">
                <Text size={2} color="default2">
                  {type.specFields.length} · {t("specFields")}
                </Text>
                <Badge tone={type.mode === "MADE_TO_ORDER" ? "info" : "default"}>{tx("mode", type.mode)}</Badge>
              </Box>
            </Box>
          </Link>
        ))}
      </Box>
    </Card>
  );
}
