import { describe, expect, it } from "vitest";
import { boardColumns, chooseProductType, columnFilter, initialOrder, initialSearch, typeOfStages, withoutOrder } from "./BoardPage";

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
  it("filters by the order an embedding dashboard opened it from, by Saleor's Order ID", () => {
    // Saleor 3's Order IDs are UUIDs: the ID itself is the filter, on both hosts.
    const saleor3 = btoa("Order:0b1e0c8e-2f6f-4c1a-9d3e-4a1b2c3d4e5f");
    expect(initialOrder(`?orderId=${encodeURIComponent(saleor3)}&id=app`)).toBe(saleor3);
    expect(initialOrder(`?orderId=${btoa("Order:42")}`)).toBe(btoa("Order:42"));
    expect(initialOrder("?search=42")).toBe("");
    const none = { search: "", productType: "", assignee: "", lateOnly: false, dueThisWeek: false };
    expect(columnFilter({ ...none, order: saleor3 }, "READY", "2026-11-25")).toEqual({
      stages: ["READY"],
      status: ["ACTIVE", "ON_HOLD"],
      orders: [saleor3],
    });
    // The order is no search: ?orderId= never turns into one.
    expect(initialSearch(`?orderId=${btoa("Order:42")}`)).toBe("");
  });

  it("keeps ?search=", () => {
    expect(initialSearch("?search=rina@example.id")).toBe("rina@example.id");
    expect(initialSearch("")).toBe("");
  });

  it("clears the order from the URL and keeps the rest", () => {
    expect(withoutOrder({ pathname: "/dashboard-extension/", search: "?orderId=T3JkZXI6MQ%3D%3D&search=x", hash: "" })).toBe("/dashboard-extension/?search=x");
    expect(withoutOrder({ pathname: "/dashboard-extension/", search: "?orderId=abc", hash: "#column-READY" })).toBe("/dashboard-extension/#column-READY");
  });

  it("shows the board of the type whose stages the order's jobs have", () => {
    const stages = kue.stages.map(({ code }) => ({ code }));
    expect(typeOfStages([tas, kaos, kue], stages, "a")).toBe("b");
    // Two types with the same stages: the one shown stays.
    const kue2 = { ...kue, id: "d" };
    expect(typeOfStages([kaos, kue, kue2], stages, "d")).toBe("d");
    expect(typeOfStages([kaos], stages, "a")).toBeNull();
  });
});
