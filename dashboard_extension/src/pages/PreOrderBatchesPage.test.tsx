import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { type Batch, PreOrderBatchesPage } from "./PreOrderBatchesPage";

function batch(patch: Partial<Batch> = {}): Batch {
  return {
    id: "UHJlT3JkZXJCYXRjaDox", name: "PO Kaos Batch 1", status: "OPEN",
    opensAt: "2026-12-01T00:00:00+00:00", closesAt: "2026-12-08T12:00:00+00:00", minimumQuantity: 10,
    isTakingOrders: true, productionStartsOn: "2026-12-09", closedAt: null, version: 1,
    progress: { ordered: 3, minimum: 10, remaining: 7, reached: false, percent: 30, secondsLeft: 3600 },
    productType: { id: "UHJvZHVjdFR5cGU6MQ==", name: "Kaos custom (konveksi)" }, product: null,
    ...patch,
  };
}

describe("PO batches", () => {
  it("shows progress and asks before a close that cancels the batch's orders", async () => {
    const sent = mockGraphQL({
      PreOrderBatches: () => ({ preOrderBatches: { totalCount: 1, edges: [{ node: batch() }] } }),
      PreOrderBatchClose: () => ({
        preOrderBatchClose: {
          preOrderBatch: batch({ status: "CANCELLED", version: 2, closedAt: "2026-12-06T12:00:00+00:00", isTakingOrders: false }),
          openOrderErrors: [],
        },
      }),
    });
    renderWithProviders(<PreOrderBatchesPage />);
    const item = await screen.findByTestId("batch");
    expect(within(item).getByTestId("batch-progress").textContent).toBe("3 of 10 ordered (30%)");
    expect(within(item).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("30");
    expect(sent[0].variables).toEqual({ first: 50, status: ["OPEN"] });
    fireEvent.click(within(item).getByTestId("batch-close"));
    const confirm = within(item).getByTestId("batch-confirm");
    expect(confirm.textContent).toContain("cancels every order in this batch (3 ordered)");
    expect(sent.some((r) => r.operation === "PreOrderBatchClose")).toBe(false);
    fireEvent.click(within(confirm).getByRole("button", { name: "Close the batch" }));
    expect((await within(item).findByTestId("batch-feedback")).textContent).toBe("Closed: its orders are cancelled and refunded.");
    expect(sent.find((r) => r.operation === "PreOrderBatchClose")?.variables).toEqual({ id: "UHJlT3JkZXJCYXRjaDox", version: 1 });
    await waitFor(() => expect(screen.getByTestId("batch").getAttribute("data-status")).toBe("CANCELLED"));
    expect(within(screen.getByTestId("batch")).queryByTestId("batch-close")).toBeNull();
  });

  it("lists closed batches in Indonesian when asked", async () => {
    const sent = mockGraphQL({
      PreOrderBatches: (variables) => ({
        preOrderBatches: {
          totalCount: 1,
          edges: variables.status ? [{ node: batch({ status: "PRODUCING", closedAt: "2026-12-06T12:00:00+00:00", progress: { ordered: 12, minimum: 10, remaining: 0, reached: true, percent: 100, secondsLeft: 0 } }) }] : [],
        },
      }),
    });
    renderWithProviders(<PreOrderBatchesPage />, { language: "id" });
    await screen.findByTestId("batch");
    fireEvent.change(screen.getByLabelText("Tampilkan"), { target: { value: "CLOSED" } });
    await waitFor(() => expect(sent[sent.length - 1]?.variables).toEqual({ first: 50, status: ["PRODUCING", "CANCELLED"] }));
    expect((await screen.findByTestId("batch-status")).textContent).toBe("Ditutup: diproduksi");
    expect(screen.getByTestId("batch-progress").textContent).toBe("12 dari 10 pcs dipesan (100%)");
  });
});
