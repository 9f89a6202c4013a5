import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { JobCard } from "../api/types";
import { mockGraphQL, type SentRequest } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { BoardPage, PAGE_SIZE } from "./BoardPage";

const KAOS = "UHJvZHVjdFR5cGU6MQ==";
const KUE = "UHJvZHVjdFR5cGU6Mg==";

function settings(id: string, name: string, stages: [string, string][], mode = "MADE_TO_ORDER") {
  return {
    productType: { id, name },
    mode,
    leadTimeDays: 3,
    dailyCapacity: null,
    workingDays: ["MONDAY"],
    stages: stages.map(([code, label]) => ({ code, label })),
    notifyStages: [],
    freeCancellationStage: null,
    approvalStage: null,
    deposit: { type: "NONE", percent: null, amount: null },
    balance: { due: "ON_READY", days: null },
    schemaVersion: 1,
    specFields: [],
  };
}

const TYPES = [
  settings("UHJvZHVjdFR5cGU6Mw==", "Tas kanvas", [["RECEIVED", "Diterima"], ["PACKED", "Dikemas"]], "READY_STOCK"),
  settings(KAOS, "Kaos sablon", [["RECEIVED", "Diterima"], ["CONFIRMED", "Desain disetujui"], ["PRINTING", "Sablon"], ["READY", "Siap kirim"]]),
  settings(KUE, "Kue ulang tahun", [["RECEIVED", "Diterima"], ["BAKING", "Dipanggang"], ["DECORATING", "Dihias"], ["READY", "Siap"]]),
];

function card(order: number, stage: string): JobCard {
  return {
    id: `job-${order}`, version: 1, quantity: 1, productName: "Kaos", variantName: "Kaos", currentStage: stage,
    currentStageLabel: stage, isLastStage: false, status: "ACTIVE", promisedDate: "2030-01-10", isOverdue: false,
    specs: [], assignee: null, order: { id: `o${order}`, number: String(order), userEmail: "b@x.id", paymentStatus: "NOT_CHARGED" },
  };
}

function page(nodes: JobCard[], hasNextPage = false) {
  return {
    productionJobs: {
      totalCount: nodes.length + (hasNextPage ? 1 : 0),
      pageInfo: { hasNextPage, endCursor: hasNextPage ? "cursor-1" : null },
      edges: nodes.map((node) => ({ node })),
    },
  };
}

type Filter = { stages: string[]; productTypes?: string[]; dueBefore?: string };
const filterOf = (call: SentRequest) => call.variables.filter as Filter;
const columnsShown = () => screen.getAllByTestId("board-column").map((column) => column.getAttribute("data-stage"));

describe("the board shows one product type at a time", () => {
  it("shows the first made-to-order type's stages, asks only for its jobs, and remembers the type chosen", async () => {
    const sent = mockGraphQL({
      MadeToOrderProductTypes: () => ({ madeToOrderProductTypes: { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: null }, edges: TYPES.map((node) => ({ node })) } }),
      StaffUsers: () => ({ staffUsers: { edges: [] } }),
      ProductionJobs: () => page([]),
    });
    const first = renderWithProviders(<BoardPage />, { language: "id" });
    await waitFor(() => expect(columnsShown()).toEqual(["RECEIVED", "CONFIRMED", "PRINTING", "READY"]));
    const select = screen.getByLabelText("Jenis produk") as HTMLSelectElement;
    // Only made-to-order types are offered, and no "all types".
    expect([...select.options].map((o) => o.textContent)).toEqual(["Kaos sablon", "Kue ulang tahun"]);
    await waitFor(() => expect(sent.filter((r) => r.operation === "ProductionJobs")).toHaveLength(4));
    expect(new Set(sent.filter((r) => r.operation === "ProductionJobs").map((r) => filterOf(r).productTypes?.join()))).toEqual(new Set([KAOS]));

    fireEvent.change(select, { target: { value: KUE } });
    await waitFor(() => expect(columnsShown()).toEqual(["RECEIVED", "BAKING", "DECORATING", "READY"]));
    expect(screen.queryByText("Sablon")).toBeNull();
    await waitFor(() => expect(sent.filter((r) => r.operation === "ProductionJobs" && filterOf(r).productTypes?.[0] === KUE)).toHaveLength(4));
    first.unmount();

    // Opened again (the next shift, the same browser): the bakery's board.
    renderWithProviders(<BoardPage />, { language: "id" });
    await waitFor(() => expect(columnsShown()).toEqual(["RECEIVED", "BAKING", "DECORATING", "READY"]));
    expect((screen.getByLabelText("Jenis produk") as HTMLSelectElement).value).toBe(KUE);
  });
});

describe("load more", () => {
  it("is cancelled when a filter changes: the old filter's jobs are never appended", async () => {
    window.localStorage.setItem("openorder.board.productType", KAOS);
    const firstPage = Array.from({ length: PAGE_SIZE }, (_, i) => card(100 + i, "RECEIVED"));
    let releaseMore: (value: unknown) => void = () => undefined;
    const sent = mockGraphQL({
      MadeToOrderProductTypes: () => ({ madeToOrderProductTypes: { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: null }, edges: TYPES.map((node) => ({ node })) } }),
      StaffUsers: () => ({ staffUsers: { edges: [] } }),
      ProductionJobs: (variables) => {
        const filter = variables.filter as Filter;
        if (filter.stages[0] !== "RECEIVED") return page([]);
        if (filter.dueBefore) return page([card(7, "RECEIVED")]); // late only
        if (variables.after) return new Promise((resolve) => (releaseMore = resolve)).then(() => page([card(999, "RECEIVED")]));
        return page(firstPage, true);
      },
    });
    renderWithProviders(<BoardPage />);
    const column = await screen.findByRole("region", { name: "Diterima" });
    await within(column).findByText("Order #100");
    fireEvent.click(within(column).getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(sent.some((r) => r.operation === "ProductionJobs" && r.variables.after === "cursor-1")).toBe(true));
    const more = sent.find((r) => r.variables.after === "cursor-1")!;

    // While the next page is on its way, staff tick "late only".
    fireEvent.click(screen.getByLabelText("Late only"));
    await within(column).findByText("Order #7");
    expect(more.signal?.aborted).toBe(true);
    releaseMore(undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(column).queryByText("Order #999")).toBeNull();
    expect(within(column).queryByText("Order #100")).toBeNull();
    expect(within(column).getAllByTestId("job-card")).toHaveLength(1);
  });
});

describe("the board opened for an order (?orderId=)", () => {
  it("shows only that order's jobs, as a filter that says which order and clears", async () => {
    const orderId = btoa("Order:0b1e0c8e-2f6f-4c1a-9d3e-4a1b2c3d4e5f");
    window.history.replaceState(null, "", `/dashboard-extension/?orderId=${encodeURIComponent(orderId)}&id=app`);
    const sent = mockGraphQL({
      MadeToOrderProductTypes: () => ({ madeToOrderProductTypes: { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: null }, edges: TYPES.map((node) => ({ node })) } }),
      StaffUsers: () => ({ staffUsers: { edges: [] } }),
      OrderJobs: () => ({
        productionJobs: {
          totalCount: 1,
          edges: [{ node: { ...card(77, "BAKING"), holdReason: null, stages: TYPES[2].stages, order: { id: orderId, number: "77", paymentStatus: "NOT_CHARGED" } } }],
        },
      }),
      ProductionJobs: (variables) => {
        const filter = variables.filter as Filter & { orders?: string[] };
        return page(filter.orders?.[0] === orderId && filter.stages[0] === "BAKING" ? [card(77, "BAKING")] : filter.orders ? [] : [card(5, filter.stages[0])]);
      },
    });
    renderWithProviders(<BoardPage />, { language: "id" });
    // The order's jobs are cakes: the bakery's board, though kaos comes first.
    await waitFor(() => expect(columnsShown()).toEqual(["RECEIVED", "BAKING", "DECORATING", "READY"]));
    const chip = await screen.findByRole("group", { name: "Filter pesanan" });
    await within(chip).findByText("Pesanan #77");
    await screen.findByText("Pesanan #77", { selector: "[data-testid=job-card] *" });
    const jobs = sent.filter((r) => r.operation === "ProductionJobs");
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((r) => (filterOf(r) as { orders?: string[] }).orders?.[0] === orderId)).toBe(true);
    expect(jobs.every((r) => !("search" in filterOf(r)))).toBe(true);

    fireEvent.click(within(chip).getByRole("button", { name: "Tampilkan semua pesanan (Pesanan #77)" }));
    await waitFor(() => expect(screen.queryByTestId("order-filter")).toBeNull());
    await screen.findAllByText("Pesanan #5");
    expect(window.location.search).toBe("?id=app");
    const last = sent.filter((r) => r.operation === "ProductionJobs").slice(-4);
    expect(last.every((r) => !("orders" in filterOf(r)))).toBe(true);
    window.history.replaceState(null, "", "/");
  });
});
