import { ThemeProvider } from "@saleor/macaw-ui";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nProvider, type Language } from "../i18n";

export function renderWithProviders(ui: ReactElement, { language = "en" as Language } = {}) {
  return render(
    <ThemeProvider>
      <I18nProvider language={language}>{ui}</I18nProvider>
    </ThemeProvider>,
  );
}
