// A buyer's or staff's private file (a transfer receipt, a design proof),
// read with the staff member's token: an image shown in place (compared on
// the same phone with the bank's app or the buyer's chat), a PDF opened.
import { Box, Button } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";
import { fetchPrivateFile } from "../api/files";
import { useI18n } from "../i18n";
import { Notice } from "./ui";

export function PrivateFileView({
  url,
  fileName,
  contentType,
  alt,
  kind,
  testId = "private-image",
  showTestId = "show-file",
}: {
  /** What it is, for the buttons' words. */
  kind: "receipt" | "design";
  url: string;
  fileName: string;
  contentType: string;
  alt: string;
  testId?: string;
  showTestId?: string;
}) {
  const { t } = useI18n();
  const words =
    kind === "receipt"
      ? { show: t("showReceipt"), hide: t("hideReceipt"), open: t("openReceipt") }
      : { show: t("showDesign"), hide: t("hideDesign"), open: t("openDesign") };
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isImage = contentType.startsWith("image/");
  useEffect(() => () => void (shown && URL.revokeObjectURL(shown)), [shown]);

  const show = async () => {
    setError(null);
    try {
      const { blob } = await fetchPrivateFile(url, fileName);
      const objectUrl = URL.createObjectURL(blob);
      if (isImage) setShown(objectUrl);
      else {
        window.open(objectUrl, "_blank", "noopener");
        setTimeout(() => URL.revokeObjectURL(objectUrl), 60000);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Box display="flex" flexDirection="column" gap={2}>
      <Box>
        {shown ? (
          <Button variant="tertiary" size="small" onClick={() => setShown(null)}>
            {words.hide}
          </Button>
        ) : (
          <Button variant="secondary" size="small" onClick={() => void show()} data-testid={showTestId}>
            {isImage ? words.show : words.open}
          </Button>
        )}
      </Box>
      {shown && <img src={shown} alt={alt} className="oo-receipt" data-testid={testId} />}
      {error && <Notice tone="critical">{`${t("errorPrefix")}: ${error}`}</Notice>}
    </Box>
  );
}
