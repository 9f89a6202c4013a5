import "@saleor/macaw-ui/style";
import "./styles.css";
import { ThemeProvider } from "@saleor/macaw-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { connectAppBridge } from "./auth/appBridge";
import { I18nProvider } from "./i18n";

void connectAppBridge();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ThemeProvider defaultTheme="defaultLight">
      <I18nProvider>
        <App />
      </I18nProvider>
    </ThemeProvider>
  </StrictMode>,
);
