import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppBridge } from "@saleor/app-sdk/app-bridge";
import { setAppBridge } from "../auth/appBridge";
import { parseRoute, paths } from "../router";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { OrderWidgetPage, type OrderJob } from "./OrderWidgetPage";

const ORDER = btoa("Order:0b1e0c8e-2f6f-4c1a-9d3e-4a1b2c3d4e5f");
const STAGES = [
  { code: "RECEIVED", label: "Received" },
  { code: "CONFIRMED", label: "Design confirmed" },
  { code: "PRINTING", label: "Printing" },
  { code: "READY", label: "Ready to ship" },
];

function job(overrides: Partial<OrderJob> = {}): OrderJob {
  return {
    id: "UHJvZHVjdGlvbkpvYjox",
    productName: "Kaos custom",
    variantName: "XL",
    quantity: 2,
    currentStage: "CONFIRMED",
    currentStageLabel: "Design confirmed",
    isLastStage: false,
    status: "ACTIVE",
    holdReason: null,
    promisedDate: "2099-01-10",
    isOverdue: false,
    stages: STAGES,
    order: { id: ORDER, number: "42", paymentStatus: "PARTIALLY_CHARGED" },
    ...overrides,
  };
}

const answer = (nodes: OrderJob[]) => () => ({ productionJobs: { totalCount: nodes.length, edges: nodes.map((node) => ({ node })) } });

afterEach(() => {
  setAppBridge(null, null);
  vi.restoreAllMocks();
});

describe("the widget's route", () => {
  it("is /order under the base path, with Saleor's Order ID in ?orderId=", () => {
    const url = `/dashboard-extension/order?orderId=${encodeURIComponent(ORDER)}&id=app&theme=light`;
    expect(parseRoute(url.split("?")[0], "?" + url.split("?")[1])).toEqual({ name: "order", orderId: ORDER });
    expect(paths.order(ORDER)).toBe(`/dashboard-extension/order?orderId=${encodeURIComponent(ORDER)}`);
  });
});

describe("the order page's widget", () => {
  it("asks for the order's jobs by its Order ID and shows each one's stage, status, date, payment and link", async () => {
    const sent = mockGraphQL({
      OrderJobs: answer([
        job(),
        job({ id: "job-2", productName: "Kue", variantName: "Kue", currentStage: "RECEIVED", currentStageLabel: "Received", status: "ON_HOLD", holdReason: "Waiting for the logo", promisedDate: "2020-01-01", isOverdue: true }),
      ]),
    });
    renderWithProviders(<OrderWidgetPage orderId={ORDER} />);
    const items = await screen.findAllByTestId("widget-job");
    expect(sent.map((r) => [r.operation, r.variables])).toEqual([["OrderJobs", { orders: [ORDER], first: 20 }]]);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Made to order · Order #42");

    const first = within(items[0]);
    expect(first.getByRole("link").getAttribute("href")).toBe("/dashboard-extension/jobs/UHJvZHVjdGlvbkpvYjox");
    expect(first.getByRole("link").textContent).toContain("Kaos custom · XL");
    expect(first.getByTestId("widget-stage").textContent).toBe("Design confirmed");
    expect(first.getByTestId("widget-stage-position").textContent).toBe("(Stage 2 of 4)");
    expect(first.getByTestId("stage-progress").querySelectorAll(".oo-progress-done")).toHaveLength(2);
    expect(first.getByTestId("widget-status").textContent).toBe("In production");
    expect(first.getByTestId("payment-status").textContent).toBe("Partly paid");
    expect(first.getByTestId("widget-promised").textContent).toBe("Promised 10 Jan 2099");
    expect(first.queryByTestId("late-badge")).toBeNull();

    const second = within(items[1]);
    expect(second.getByTestId("widget-status").textContent).toBe("On hold");
    expect(second.getByText("Waiting for the logo")).toBeTruthy();
    expect(second.getByTestId("late-badge")).toBeTruthy();
    expect(second.getByTestId("widget-stage-position").textContent).toBe("(Stage 1 of 4)");
  });

  it("says so when the order has no made-to-order lines, in Indonesian too", async () => {
    mockGraphQL({ OrderJobs: answer([]) });
    renderWithProviders(<OrderWidgetPage orderId={ORDER} />, { language: "id" });
    expect((await screen.findByTestId("widget-empty")).textContent).toBe("Pesanan ini tidak punya barang yang dibuat sesuai pesanan.");
    expect(screen.queryByTestId("widget-job")).toBeNull();
  });

  it("shows an error it can try again from", async () => {
    let fail = true;
    mockGraphQL({
      OrderJobs: () => {
        if (fail) throw new Error("You do not have permission to perform this action");
        return answer([job()])();
      },
    });
    renderWithProviders(<OrderWidgetPage orderId={ORDER} />);
    const error = await screen.findByTestId("widget-error");
    expect(within(error).getByRole("alert").textContent).toContain("You do not have permission");
    fail = false;
    fireEvent.click(within(error).getByRole("button", { name: "Try again" }));
    await screen.findByTestId("widget-job");
    expect(screen.queryByTestId("widget-error")).toBeNull();
  });

  it("reports its height to the dashboard with WidgetResize, on load and when it changes", async () => {
    let height = 180;
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(() => ({ height }) as DOMRect);
    const observers: (() => void)[] = [];
    vi.stubGlobal(
      "ResizeObserver",
      class {
        constructor(callback: () => void) {
          observers.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    const dispatch = vi.fn(() => Promise.resolve());
    const WidgetResize = (payload: { height: number }) => ({ type: "widgetResize", payload: { ...payload, actionId: "x" } });
    setAppBridge({ dispatch } as unknown as AppBridge, { actions: { WidgetResize } } as never);
    mockGraphQL({ OrderJobs: answer([job()]) });
    renderWithProviders(<OrderWidgetPage orderId={ORDER} />);
    await screen.findByTestId("widget-job");
    expect(dispatch).toHaveBeenCalledWith({ type: "widgetResize", payload: { height: 180, actionId: "x" } });

    height = 312.4;
    act(() => observers.forEach((callback) => callback()));
    await waitFor(() => expect(dispatch).toHaveBeenLastCalledWith({ type: "widgetResize", payload: { height: 313, actionId: "x" } }));
    // An unchanged height is not sent again.
    const calls = dispatch.mock.calls.length;
    act(() => observers.forEach((callback) => callback()));
    expect(dispatch.mock.calls.length).toBe(calls);
  });
});
