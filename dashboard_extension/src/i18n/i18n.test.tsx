import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SignInPage } from "../pages/SignInPage";
import { ThemeProvider } from "@saleor/macaw-ui";
import { render } from "@testing-library/react";
import { I18nProvider, initialLanguage, translate } from ".";
import { en, id } from "./messages";

function browserLanguages(languages: string[]) {
  vi.spyOn(navigator, "languages", "get").mockReturnValue(languages);
}

afterEach(() => vi.restoreAllMocks());

describe("language", () => {
  it("follows the browser: Indonesian for id, English otherwise", () => {
    browserLanguages(["id-ID", "en"]);
    expect(initialLanguage()).toBe("id");
    browserLanguages(["de-DE", "en-US"]);
    expect(initialLanguage()).toBe("en");
    browserLanguages(["fr"]);
    expect(initialLanguage()).toBe("en");
  });

  it("keeps the language staff switched to", () => {
    browserLanguages(["en-US"]);
    window.localStorage.setItem("openorder.dashboard.language", "id");
    expect(initialLanguage()).toBe("id");
  });

  it("has every message in both languages", () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(id)) expect(text, key).not.toBe("");
  });

  it("fills in parameters", () => {
    expect(translate("id", "orderNumber", { number: 7 })).toBe("Pesanan #7");
  });

  it("says the page's language in <html lang>, from the start and after a switch", () => {
    document.documentElement.lang = "en";
    browserLanguages(["id-ID", "en"]);
    render(
      <ThemeProvider>
        <I18nProvider>
          <SignInPage />
        </I18nProvider>
      </ThemeProvider>,
    );
    expect(document.documentElement.lang).toBe("id");
    fireEvent.click(screen.getByRole("button", { name: "EN" }));
    expect(document.documentElement.lang).toBe("en");
  });

  it("switches the page's language with the switch", () => {
    browserLanguages(["en-GB"]);
    render(
      <ThemeProvider>
        <I18nProvider>
          <SignInPage />
        </I18nProvider>
      </ThemeProvider>,
    );
    expect(screen.getByText("Sign in to the production board")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "ID" }));
    expect(screen.getByText("Masuk ke papan produksi")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Masuk" })).toBeTruthy();
    expect(window.localStorage.getItem("openorder.dashboard.language")).toBe("id");
  });
});
