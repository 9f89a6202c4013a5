import { Box, Button, Text } from "@saleor/macaw-ui";
import { FormEvent, useState } from "react";
import { signIn } from "../auth/signIn";
import { LanguageSwitch } from "../App";
import { Input, Notice } from "../components/ui";
import { useI18n } from "../i18n";

export function SignInPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(email, password);
      if (result === "failed") setError(t("signInFailed"));
      else if (result === "notStaff") setError(t("notStaff"));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box __minHeight="100vh" display="flex" alignItems="center" justifyContent="center" backgroundColor="default2">
      <Box
        as="form"
        onSubmit={submit}
        backgroundColor="default1"
        padding={8}
        borderRadius={4}
        borderStyle="solid"
        borderWidth={1}
        borderColor="default1"
        display="flex"
        flexDirection="column"
        gap={4}
        __width="380px"
      >
        <Box display="flex" justifyContent="space-between" alignItems="center">
          <Text as="h1" size={7} fontWeight="bold">
            {t("appTitle")}
          </Text>
          <LanguageSwitch />
        </Box>
        <Text color="default2">{t("signInTitle")}</Text>
        {error && <Notice tone="critical">{error}</Notice>}
        <Input label={t("email")} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <Input
          label={t("password")}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <Button type="submit" disabled={busy} size="large">
          {t("signIn")}
        </Button>
      </Box>
    </Box>
  );
}
