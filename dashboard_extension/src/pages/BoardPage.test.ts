import { describe, expect, it } from "vitest";
import { boardColumns, chooseProductType, columnFilter, initialSearch } from "./BoardPage";

const kaos = {
  id: "a",
  mode: "MADE_TO_ORDER" as const,
  stages: [
    { code: "RECEIVED", label: "Received" },
    { code: "CONFIRMED", label: "Design confirmed" },
    { code: "IN_PRODUCTION", label: "Printing" },
    { code: "READY", label: "Ready to ship" },
  ],
};
const kue = {
  id: "b",
  mode: "MADE_TO_ORDER" as const,
  stages: [
    { code: "RECEIVED", label: "Received" },
    { code: "CONFIRMED", label: "Confirmed" },
    { code: "BAKING", label: "Baking" },
    { code: "READY", label: "Ready" },
  ],
};
const tas = { id: "c", mode: "READY_STOCK" as const, stages: [{ code: "RECEIVED", label: "Received" }, { code: "PACKED", label: "Packed" }] };

describe("board columns", () => {
  it("shows exactly the chosen type's stages, never another type's", () => {
    expect(boardColumns([kaos, kue], "b").map((s) => s.label)).toEqual(["Received", "Confirmed", "Baking", "Ready"]);
    expect(boardColumns([kaos, kue], "a").map((s) => s.code)).toEqual(["RECEIVED", "CONFIRMED", "IN_PRODUCTION", "READY"]);
    expect(boardColumns([kaos, kue], "")).toEqual([]);
  });

  it("shows the type chosen last time, else the first made-to-order type", () => {
    expect(chooseProductType([tas, kaos, kue], "b")).toBe("b");
    expect(chooseProductType([tas, kaos, kue], null)).toBe("a");
    // Remembered, but no longer made to order (or gone): the first one.
    expect(chooseProductType([tas, kaos, kue], "c")).toBe("a");
    expect(chooseProductType([tas, kaos, kue], "zzz")).toBe("a");
    expect(chooseProductType([tas], "c")).toBe("");
  });
});

describe("column filter", () => {
  const none = { search: "", productType: "", assignee: "", lateOnly: false, dueThisWeek: false };

  it("asks for one stage of active and held jobs", () => {
    expect(columnFilter(none, "BAKING", "2026-11-25")).toEqual({ stages: ["BAKING"], status: ["ACTIVE", "ON_HOLD"] });
  });

  it("turns the filters into the API's", () => {
    expect(columnFilter({ search: " 42 ", productType: "b", assignee: "u", lateOnly: true, dueThisWeek: false }, "READY", "2026-11-25")).toEqual({
      stages: ["READY"],
      status: ["ACTIVE", "ON_HOLD"],
      search: "42",
      productTypes: ["b"],
      assignees: ["u"],
      dueBefore: "2026-11-25",
    });
    expect(columnFilter({ ...none, dueThisWeek: true }, "READY", "2026-11-25").dueBefore).toBe("2026-11-30");
  });
});

describe("opening the board", () => {
  it("searches for the order an embedding dashboard opened it from", () => {
    expect(initialSearch(`?orderId=${btoa("Order:42")}`)).toBe("42");
    expect(initialSearch(`?orderId=${btoa("Product:42")}`)).toBe("");
    expect(initialSearch("?orderId=%%%")).toBe("");
    expect(initialSearch("?search=rina@example.id")).toBe("rina@example.id");
  });
});
