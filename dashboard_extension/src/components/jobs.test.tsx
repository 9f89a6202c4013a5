import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { endOfWeekExclusive, isLate, PaymentBadge, SpecValue, specText } from "./jobs";

const INJECTION = "<img src=x onerror=alert(1)>";

describe("SpecValue", () => {
  it("shows markup typed by a buyer as its characters, never as elements", () => {
    const { container } = renderWithProviders(<SpecValue spec={{ code: "message", label: "Message", type: "TEXT", value: INJECTION }} />);
    expect(screen.getByText(INJECTION)).toBeTruthy();
    expect(container.querySelector("img")).toBeNull();
    expect(container.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("shows a colour as a swatch with its code", () => {
    const { container } = renderWithProviders(<SpecValue spec={{ code: "color", label: "Colour", type: "COLOR", value: "#1b2a4a" }} />);
    const swatch = container.querySelector(".oo-swatch") as HTMLElement;
    expect(swatch.style.backgroundColor).toBe("rgb(27, 42, 74)");
    expect(screen.getByText("#1b2a4a")).toBeTruthy();
  });

  it("does not put a colour that is not #rrggbb into a style", () => {
    const value = "red;background:url(x)";
    const { container } = renderWithProviders(<SpecValue spec={{ code: "color", label: "Colour", type: "COLOR", value }} />);
    expect(container.querySelector(".oo-swatch")).toBeNull();
    expect(screen.getByText(value)).toBeTruthy();
  });

  it("offers a file for download instead of showing its ID", () => {
    renderWithProviders(<SpecValue spec={{ code: "design", label: "Design", type: "FILE", value: "2f1c0b52-5a55-4c6e-9a43-1f0a3e0e6d11" }} />);
    expect(screen.getByRole("button", { name: "Download" })).toBeTruthy();
    expect(screen.queryByText(/2f1c0b52/)).toBeNull();
  });

  it("shows lists, booleans and numbers as the API sends them (JSON)", () => {
    const en = { yes: "Yes", no: "No" };
    expect(specText({ code: "f", label: "F", type: "MULTI_CHOICE", value: '["mawar","lili"]' }, en)).toBe("mawar, lili");
    expect(specText({ code: "c", label: "C", type: "BOOLEAN", value: "true" }, en)).toBe("Yes");
    expect(specText({ code: "c", label: "C", type: "BOOLEAN", value: "false" }, { yes: "Ya", no: "Tidak" })).toBe("Tidak");
    expect(specText({ code: "n", label: "N", type: "NUMBER", value: "17" }, en)).toBe("17");
  });

  it("shows a choice by its label, not its raw value", () => {
    const flavour = { code: "flavour", label: "Rasa", type: "CHOICE", value: "red_velvet", values: ["red_velvet"], displayValue: "Red velvet", displayValues: ["Red velvet"] };
    renderWithProviders(<SpecValue spec={flavour} />, { language: "id" });
    expect(screen.getByText("Red velvet")).toBeTruthy();
    expect(screen.queryByText(/red_velvet/)).toBeNull();
    const flowers = { code: "flowers", label: "Bunga", type: "MULTI_CHOICE", value: "mawar,lili", values: ["mawar", "lili"], displayValue: "Mawar, Lili", displayValues: ["Mawar", "Lili"] };
    expect(specText(flowers, { yes: "Ya", no: "Tidak" })).toBe("Mawar, Lili");
  });

  it("writes dates and numbers as the board's language does", () => {
    const date = { code: "date_wanted", label: "Tanggal", type: "DATE", value: "2026-12-24" };
    const number = { code: "candle_number", label: "Angka", type: "NUMBER", value: "1234.5" };
    const { unmount } = renderWithProviders(<SpecValue spec={date} />, { language: "id" });
    expect(screen.getByText("24 Des 2026")).toBeTruthy();
    unmount();
    renderWithProviders(<SpecValue spec={date} />, { language: "en" });
    expect(screen.getByText("24 Dec 2026")).toBeTruthy();
    renderWithProviders(<SpecValue spec={number} />, { language: "id" });
    expect(screen.getByText("1.234,5")).toBeTruthy();
  });
});

describe("dates", () => {
  it("is late when past the promised date and not at the last stage", () => {
    const job = { isOverdue: false, promisedDate: "2026-11-20", isLastStage: false, status: "ACTIVE" as const };
    expect(isLate(job, "2026-11-21")).toBe(true);
    expect(isLate(job, "2026-11-20")).toBe(false);
    expect(isLate({ ...job, isLastStage: true }, "2026-11-21")).toBe(false);
    expect(isLate({ ...job, status: "CANCELLED" }, "2026-11-21")).toBe(false);
    expect(isLate({ ...job, promisedDate: null, isOverdue: true }, "2026-11-21")).toBe(true);
  });

  it("ends the week on Sunday: due this week is before next Monday", () => {
    expect(endOfWeekExclusive("2026-11-25")).toBe("2026-11-30"); // a Wednesday
    expect(endOfWeekExclusive("2026-11-29")).toBe("2026-11-30"); // a Sunday
    expect(endOfWeekExclusive("2026-11-30")).toBe("2026-12-07"); // a Monday
  });
});

describe("payment badge", () => {
  it("says what Saleor charged: nothing charged is not paid", () => {
    renderWithProviders(<PaymentBadge status="NOT_CHARGED" />);
    expect(screen.getByTestId("payment-status").textContent).toBe("Not paid");
  });

  it("reads no status as not paid (Saleor's own default), in Indonesian too", () => {
    renderWithProviders(<PaymentBadge status={null} />, { language: "id" });
    const badge = screen.getByTestId("payment-status");
    expect(badge.textContent).toBe("Belum dibayar");
    expect(badge.getAttribute("data-status")).toBe("NOT_CHARGED");
  });

  it("names each of Saleor 2.10's charge statuses", () => {
    const shown = ["NOT_CHARGED", "PARTIALLY_CHARGED", "FULLY_CHARGED", "PARTIALLY_REFUNDED", "FULLY_REFUNDED"].map((status) => {
      const { unmount } = renderWithProviders(<PaymentBadge status={status} />);
      const text = screen.getByTestId("payment-status").textContent;
      unmount();
      return text;
    });
    expect(shown).toEqual(["Not paid", "Partly paid", "Paid", "Partly refunded", "Refunded"]);
  });
});
