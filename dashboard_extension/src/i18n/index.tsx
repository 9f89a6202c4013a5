import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setApiLanguage } from "../api/client";
import { en, id, MessageKey } from "./messages";

export type Language = "en" | "id";
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, id };
const STORAGE_KEY = "openorder.dashboard.language";
const ZERO_DECIMAL = new Set(["IDR", "JPY", "KRW", "VND"]);

/** The browser's language decides, unless staff picked one with the switch. */
export function initialLanguage(): Language {
  try {
    const chosen = window.localStorage.getItem(STORAGE_KEY);
    if (chosen === "en" || chosen === "id") return chosen;
  } catch {
    /* no storage */
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = (tag || "").toLowerCase().split("-")[0];
    if (base === "id" || base === "in") return "id";
    if (base === "en") return "en";
  }
  return "en";
}

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>) {
  let text = CATALOGS[language][key] ?? en[key] ?? key;
  if (params) {
    for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** A key built at run time (e.g. an enum value); falls back to the raw value. */
  tx: (prefix: string, value: string) => string;
  formatDate: (iso: string | null | undefined) => string;
  /** A moment in the browser's time zone; `zone` names it (e.g. "WIB"). */
  formatDateTime: (iso: string | null | undefined, options?: { zone?: boolean }) => string;
  formatMoney: (amount: number | string | null | undefined, currency: string) => string;
  /** A number as the language writes it ("1,5" in Indonesian). */
  formatNumber: (value: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(fixed ?? initialLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* no storage */
    }
  }, []);
  // The page says which language it is in (screen readers, hyphenation,
  // the browser's own date and number inputs), from the first render on.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    // Before any child's first request: the server answers in this language.
    setApiLanguage(language);
    const locale = language === "id" ? "id-ID" : "en-GB";
    return {
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      tx: (prefix, raw) => {
        const key = `${prefix}_${raw}` as MessageKey;
        return key in en ? translate(language, key) : raw;
      },
      formatDate: (iso) => {
        if (!iso) return "";
        const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
        return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale, {
          day: "numeric",
          month: "short",
          year: "numeric",
          timeZone: "UTC",
        });
      },
      formatDateTime: (iso, { zone = false } = {}) => {
        if (!iso) return "";
        const date = new Date(iso);
        if (Number.isNaN(date.getTime())) return iso;
        return zone
          ? date.toLocaleString(locale, {
              day: "numeric",
              month: "short",
              year: "numeric",
              hour: "2-digit",
              minute: "2-digit",
              timeZoneName: "short",
            })
          : date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
      },
      formatMoney: (amount, currency) => {
        if (amount === null || amount === undefined || amount === "") return "";
        try {
          // Rupiah and the like are priced in whole units in the shop.
          const whole = ZERO_DECIMAL.has(currency) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
          return new Intl.NumberFormat(locale, { style: "currency", currency, ...whole }).format(Number(amount));
        } catch {
          return `${amount} ${currency}`;
        }
      },
      formatNumber: (number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(number),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
