import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { translate } from "../i18n";
import { parseRoute, paths } from "../router";
import { sampleBacklog } from "../test/backlog";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { BacklogPage, cashRows, daysLeftText, DEFAULT_FILTERS, backlogVariables } from "./BacklogPage";
import type { Backlog } from "./backlogCsv";

const KAOS = "UHJvZHVjdFR5cGU6MQ==";
const TYPES = [
  { productType: { id: KAOS, name: "Kaos custom (konveksi)" }, mode: "MADE_TO_ORDER", stages: [] },
  { productType: { id: "UHJvZHVjdFR5cGU6Mg==", name: "Kue ulang tahun" }, mode: "MADE_TO_ORDER", stages: [] },
  { productType: { id: "UHJvZHVjdFR5cGU6Mw==", name: "Tas kanvas" }, mode: "READY_STOCK", stages: [] },
];

function server(backlog: (variables: Record<string, unknown>) => Backlog = () => sampleBacklog()) {
  return mockGraphQL({
    MadeToOrderProductTypes: () => ({
      madeToOrderProductTypes: { totalCount: TYPES.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: TYPES.map((node) => ({ node })) },
    }),
    OpenOrderBacklog: (variables) => ({ openOrderBacklog: backlog(variables) }),
  });
}

const figure = (key: string) => screen.getByTestId(`backlog-figure-${key}`);

afterEach(() => vi.restoreAllMocks());

describe("the backlog page", () => {
  it("shows the summary figures, the charts' figures and the jobs at risk", async () => {
    const sent = server();
    renderWithProviders(<BacklogPage />);
    await screen.findByTestId("backlog-summary");
    expect(sent.find((r) => r.operation === "OpenOrderBacklog")?.variables).toEqual({
      productType: null, placedFrom: null, placedTo: null, weeks: 6, dueWithinDays: 3,
    });
    expect(within(figure("orders")).getByRole("definition").textContent).toBe("4");
    expect(within(figure("units")).getByRole("definition").textContent).toBe("5");
    // Money as the rest of the board writes it (formatMoney: IDR in whole rupiah).
    expect(within(figure("value")).getByRole("definition").textContent).toBe("IDR\u00a0926,000");
    expect(within(figure("paid")).getByRole("definition").textContent).toBe("IDR\u00a0446,000");
    expect(within(figure("outstanding")).getByRole("definition").textContent).toBe("IDR\u00a0480,000");
    expect(figure("total").getAttribute("data-value")).toBe("926000");
    expect(screen.getByTestId("backlog-today").textContent).toBe("As of 2 Dec 2026");

    // Each chart's figures, in a table a screen reader reads.
    const stages = screen.getByTestId("backlog-chart-stages");
    expect(stages.getAttribute("data-summary")).toBe("Received IDR\u00a0526,000; Ready IDR\u00a0400,000");
    const stageTable = within(stages).getByRole("table", { name: "Value by stage: the chart's figures" });
    expect(within(stageTable).getAllByRole("row").map((row) => row.textContent)).toEqual([
      "StageOrdersUnitsValue",
      "Received34IDR\u00a0526,000",
      "Ready11IDR\u00a0400,000",
    ]);
    const due = within(screen.getByTestId("backlog-chart-due")).getByRole("table");
    expect(within(due).getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual([
      "Late", "0–2 days", "3–7 days", "8–14 days", "15+ days", "No date",
    ]);
    const cash = within(screen.getByTestId("backlog-chart-cash")).getByRole("table");
    expect(within(cash).getAllByRole("rowheader").map((cell) => cell.textContent)).toEqual(["Week of 30 Nov 2026", "Week of 7 Dec 2026"]);
    expect(screen.queryByTestId("backlog-overdue")).toBeNull();
    expect(screen.getByTestId("backlog-cash-total").getAttribute("data-value")).toBe("480000");

    // The jobs at risk, most urgent first, each a link to its job.
    const risks = screen.getAllByTestId("backlog-risk");
    expect(risks.map((item) => item.getAttribute("data-risk"))).toEqual(["LATE", "DUE_SOON"]);
    const link = within(risks[0]).getByRole("link");
    expect(link.textContent).toBe('Order #4: Kaos "Sablon", merah');
    expect(link.getAttribute("href")).toBe(paths.job("UHJvZHVjdGlvbkpvYjo0"));
    expect(within(risks[0]).getByTestId("backlog-risk-badge").textContent).toBe("Late");
    expect(within(risks[0]).getByTestId("backlog-risk-due").textContent).toBe("Promised 1 Dec 2026 · 1 day late");
    expect(within(risks[1]).getByTestId("backlog-risk-due").textContent).toBe("Promised 4 Dec 2026 · 2 days left");
  });

  it("asks again for the filters chosen: product type, weeks, due within, placing dates", async () => {
    const sent = server();
    renderWithProviders(<BacklogPage />);
    await screen.findByTestId("backlog-summary");
    const type = screen.getByLabelText("Product type") as HTMLSelectElement;
    await waitFor(() => expect(type.options.length).toBe(3));
    // Made-to-order types only, after "all of them".
    expect([...type.options].map((o) => o.textContent)).toEqual(["All product types", "Kaos custom (konveksi)", "Kue ulang tahun"]);
    fireEvent.change(type, { target: { value: KAOS } });
    fireEvent.change(screen.getByLabelText("Weeks of forecast"), { target: { value: "12" } });
    fireEvent.change(screen.getByLabelText("At risk when due within"), { target: { value: "7" } });
    fireEvent.change(screen.getByLabelText("Placed from"), { target: { value: "2026-11-01" } });
    await waitFor(() =>
      expect(sent.filter((r) => r.operation === "OpenOrderBacklog").pop()?.variables).toEqual({
        productType: KAOS, placedFrom: "2026-11-01", placedTo: null, weeks: 12, dueWithinDays: 7,
      }),
    );
    expect(screen.getByTestId("backlog-at-risk").textContent).toContain("jobs due within 7 days");
  });

  it("exports the backlog shown as a CSV file", async () => {
    server();
    const blobs: Blob[] = [];
    // jsdom has no object URLs: the ones the page makes are these.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return "blob:backlog";
      },
      revokeObjectURL: () => undefined,
    });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute("href") ?? "", download: this.download });
    });
    renderWithProviders(<BacklogPage />);
    await screen.findByTestId("backlog-summary");
    const type = screen.getByLabelText("Product type") as HTMLSelectElement;
    await waitFor(() => expect(type.options.length).toBe(3));
    fireEvent.change(type, { target: { value: KAOS } });
    await waitFor(() => expect(screen.getByTestId("backlog-page").getAttribute("data-state")).toBe("ready"));
    fireEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(clicked).toEqual([{ href: "blob:backlog", download: "backlog-2026-12-02.csv" }]);
    expect(blobs[0].type).toBe("text/csv;charset=utf-8");
    const bytes = new Uint8Array(
      await new Promise<ArrayBuffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.readAsArrayBuffer(blobs[0]);
      }),
    );
    // UTF-8 with a byte order mark (Excel reads the rupiah and dashes right).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines.slice(0, 4)).toEqual(["Open-order backlog", "Date,2026-12-02", "Currency,IDR", "Product type,Kaos custom (konveksi)"]);
    expect(lines).toContain("4,5,926000,926000,446000,480000");
    expect(lines).toContain('Late,4,"Kaos ""Sablon"", merah",Received,2026-12-01,-1,1,92000,UHJvZHVjdGlvbkpvYjo0');
    expect(screen.getByTestId("backlog-exported").textContent).toBe("Downloaded backlog-2026-12-02.csv.");
    // No link is left behind in the page.
    expect(document.querySelectorAll("a[download]")).toHaveLength(0);
  });

  it("shows overdue money clearly, in Indonesian", async () => {
    const backlog = sampleBacklog();
    server(() => ({ ...backlog, cashForecast: { ...backlog.cashForecast, overdue: { amount: 75000, currency: "IDR" } } }));
    renderWithProviders(<BacklogPage />, { language: "id" });
    const overdue = await screen.findByTestId("backlog-overdue");
    expect(overdue.textContent).toBe("Tunggakan Rp\u00a075.000: pelunasan yang melewati tanggal jatuh temponya.");
    const cash = within(screen.getByTestId("backlog-chart-cash")).getByRole("table");
    expect(within(cash).getAllByRole("rowheader")[0].textContent).toBe("Tunggakan");
    expect(screen.getByRole("heading", { name: "Backlog pesanan terbuka" })).toBeTruthy();
    expect(screen.getAllByTestId("backlog-risk-badge").map((b) => b.textContent)).toEqual(["Terlambat", "Segera jatuh tempo"]);
    expect(screen.getAllByTestId("backlog-risk-due")[0].textContent).toBe("Dijanjikan 1 Des 2026 · Terlambat 1 hari");
    expect(screen.getByRole("button", { name: "Unduh CSV" })).toBeTruthy();
  });

  it("says so when there is no open order", async () => {
    server(() =>
      sampleBacklog({
        orders: 0, units: 0, stages: [], atRisk: [],
        value: { amount: 0, currency: "IDR" }, total: { amount: 0, currency: "IDR" },
        paid: { amount: 0, currency: "IDR" }, outstanding: { amount: 0, currency: "IDR" },
      }),
    );
    renderWithProviders(<BacklogPage />);
    expect((await screen.findByTestId("backlog-empty")).textContent).toBe("No open orders here.");
    expect(screen.queryByTestId("backlog-chart-stages")).toBeNull();
  });

  it("has its own route", () => {
    expect(parseRoute(paths.backlog())).toEqual({ name: "backlog" });
    expect(parseRoute(`${paths.backlog()}/other`)).toEqual({ name: "notFound" });
  });
});

describe("the backlog's parts", () => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("en", key, params);

  it("says how many days a job has left", () => {
    expect([-3, -1, 0, 1, 5].map((days) => daysLeftText(t, days))).toEqual([
      "3 days late", "1 day late", "Due today", "1 day left", "5 days left",
    ]);
  });

  it("puts the overdue money first, as a bar of its own", () => {
    const forecast = { ...sampleBacklog().cashForecast, overdue: { amount: 5000, currency: "IDR" } };
    const rows = cashRows(forecast, { overdue: "Overdue", week: (iso) => iso, weekTitle: (iso) => `Week of ${iso}` });
    expect(rows.map((row) => [row.key, row.overdue, row.deposits, row.total])).toEqual([
      ["overdue", 5000, 0, 5000],
      ["2026-11-30", 0, 192000, 388000],
      ["2026-12-07", 0, 0, 92000],
    ]);
  });

  it("leaves unset filters to the server", () => {
    expect(backlogVariables(DEFAULT_FILTERS)).toEqual({ productType: null, placedFrom: null, placedTo: null, weeks: 6, dueWithinDays: 3 });
  });
});
