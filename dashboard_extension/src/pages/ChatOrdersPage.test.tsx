import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SettingsNode, SpecField } from "../api/catalog";
import type { ChatOrder } from "../components/ChatOrders";
import { specInputs } from "../components/ChatOrderForm";
import { mockGraphQL } from "../test/graphql";
import { parseRoute, paths } from "../router";
import { renderWithProviders } from "../test/render";
import { ChatOrdersPage } from "./ChatOrdersPage";
import { NewChatOrderPage } from "./NewChatOrderPage";

const TYPE_ID = "UHJvZHVjdFR5cGU6MQ==";
const PRODUCT_ID = "UHJvZHVjdDox";
const VARIANT_ID = "UHJvZHVjdFZhcmlhbnQ6MQ==";
const BUYER_URL = "http://shop.test/openorder/chat-orders/6f1c1f5e-1111-4000-8000-000000000000/";
const MESSAGE = "Halo Sari,\nberikut pesanan Anda di Toko Open Order. Total: Rp 184.000. Silakan cek dan konfirmasi di sini: " + BUYER_URL;
const SHARE_URL = "https://wa.me/6281234567890?text=" + encodeURIComponent(MESSAGE);

const idr = (amount: number) => ({ amount, currency: "IDR" });

function field(patch: Partial<SpecField>): SpecField {
  return {
    id: `Q3VzdG9tU3BlY0ZpZWxkOi${patch.code}`, code: "x", label: "X", helpText: "", type: "TEXT", required: false, position: 0,
    minLength: null, maxLength: null, pattern: null, minValue: null, maxValue: null, earliestDateDays: null,
    maxFileSize: null, allowedFileTypes: [], choices: [], pricePerUnit: idr(0), pricePerCharacter: idr(0),
    visibleWhenField: null, visibleWhenValue: null,
    ...patch,
  };
}

const TSHIRT_FIELDS: SpecField[] = [
  field({
    code: "size", label: "Size", type: "CHOICE", required: true,
    choices: [{ value: "M", label: "M", price: idr(0) }, { value: "XL", label: "XL", price: idr(5000) }],
  }),
  field({ code: "color", label: "Colour", type: "COLOR", required: true }),
  field({ code: "print_text", label: "Print text", type: "TEXT", pricePerCharacter: idr(500) }),
  field({ code: "design_file", label: "Design", type: "FILE", allowedFileTypes: ["image/png"] }),
];

function settings(): SettingsNode {
  return {
    productType: { id: TYPE_ID, name: "Kaos custom (konveksi)" }, mode: "MADE_TO_ORDER", leadTimeDays: 5, dailyCapacity: null,
    workingDays: ["MONDAY"], stages: [{ code: "RECEIVED", label: "Received" }], notifyStages: [], freeCancellationStage: null,
    approvalStage: null, deposit: { type: "PERCENT", percent: 50, amount: null }, balance: { due: "ON_READY", days: null },
    schemaVersion: 1, specFields: TSHIRT_FIELDS,
  };
}

function chatOrder(patch: Partial<ChatOrder> = {}): ChatOrder {
  return {
    id: "TWFkZVRvT3JkZXJEcmFmdDox", status: "DRAFT", source: "WHATSAPP", customerName: "Sari", customerPhone: "6281234567890",
    customerEmail: "", languageCode: "id", note: "", buyerUrl: BUYER_URL, shareUrl: SHARE_URL, shareMessage: MESSAGE,
    lines: [
      {
        productName: "Kaos Sablon Custom", variantName: "", quantity: 2, promisedDate: "2026-12-10",
        unitPrice: idr(92000), totalPrice: idr(184000),
        specs: [
          { code: "size", label: "Size", type: "CHOICE", value: "XL", values: null },
          { code: "color", label: "Colour", type: "COLOR", value: "#1b2a4a", values: null },
          { code: "print_text", label: "Print text", type: "TEXT", value: "HALO", values: null },
        ],
      },
    ],
    total: idr(184000), deposit: idr(92000), balance: idr(92000), balanceDue: "ON_READY", promisedDate: "2026-12-10",
    problems: [], orderNumber: null, order: null,
    createdAt: "2026-12-01T09:00:00+00:00", confirmedAt: null, cancelledAt: null,
    ...patch,
  };
}

const list = (...orders: ChatOrder[]) => ({
  madeToOrderDrafts: { totalCount: orders.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: orders.map((node) => ({ node })) },
});

const catalog = {
  MadeToOrderProductTypes: () => ({
    madeToOrderProductTypes: {
      totalCount: 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [
        { node: settings() },
        { node: { ...settings(), productType: { id: "UHJvZHVjdFR5cGU6OQ==", name: "Ready stock" }, mode: "READY_STOCK", specFields: [] } },
      ],
    },
  }),
  ChatOrderProducts: () => ({
    products: {
      edges: [
        {
          node: { id: PRODUCT_ID, name: "Kaos Sablon Custom", productType: { id: TYPE_ID }, variants: [{ id: VARIANT_ID, name: "", sku: "KAOS-CUSTOM" }] },
        },
      ],
    },
  }),
};

afterEach(() => vi.restoreAllMocks());

describe("the chat orders list", () => {
  it("shows each order's status, buyer and total, and a draft's links to send", async () => {
    const sent = mockGraphQL({
      ChatOrders: () =>
        list(
          chatOrder(),
          chatOrder({
            id: "TWFkZVRvT3JkZXJEcmFmdDoy", status: "CONFIRMED", customerName: "Budi", orderNumber: "42",
            order: { id: "T3JkZXI6NDI=" }, confirmedAt: "2026-12-02T10:00:00+00:00",
          }),
          chatOrder({ id: "TWFkZVRvT3JkZXJEcmFmdDoz", status: "CANCELLED", customerName: "Ani", cancelledAt: "2026-12-03T10:00:00+00:00" }),
        ),
    });
    renderWithProviders(<ChatOrdersPage />);
    const [draft, confirmed, cancelled] = await screen.findAllByTestId("chat-order");
    expect(sent[0].variables).toEqual({ first: 20, status: null });
    expect(within(draft).getByTestId("chat-order-status").textContent).toBe("Draft");
    expect(within(confirmed).getByTestId("chat-order-status").textContent).toBe("Confirmed");
    expect(within(cancelled).getByTestId("chat-order-status").textContent).toBe("Cancelled");
    expect(within(draft).getByRole("heading", { name: "Sari" })).toBeTruthy();
    expect(within(draft).getByTestId("chat-order-customer").textContent).toBe("WhatsApp · +6281234567890");
    expect(within(draft).getByTestId("chat-order-total").textContent).toMatch(/184[.,]000/);
    expect(within(draft).getByTestId("chat-order-line").textContent).toContain("2 × Kaos Sablon Custom");
    expect(within(draft).getByTestId("chat-order-line").textContent).toContain("Size: XL · Colour: #1b2a4a · Print text: HALO");

    // A draft: the buyer link, and the buyer's WhatsApp chat in a new tab.
    const whatsapp = within(draft).getByRole("link", { name: /Open WhatsApp/ });
    expect(whatsapp.getAttribute("href")).toBe(SHARE_URL);
    expect(whatsapp.getAttribute("target")).toBe("_blank");
    expect(whatsapp.getAttribute("rel")).toContain("noopener");
    expect(document.getElementById(whatsapp.getAttribute("aria-describedby")!)?.textContent).toBe("(opens in a new tab)");
    expect(within(draft).getByTestId("chat-buyer-link").getAttribute("href")).toBe(BUYER_URL);
    expect(within(draft).getByRole("button", { name: "Cancel this order" })).toBeTruthy();

    // Confirmed: its jobs on the board; nothing to send or cancel any more.
    const jobs = within(confirmed).getByRole("link", { name: "Order #42's jobs" });
    expect(jobs.getAttribute("href")).toBe("/dashboard-extension/?orderId=T3JkZXI6NDI%3D");
    expect(within(confirmed).queryByTestId("chat-share")).toBeNull();
    expect(within(confirmed).queryByTestId("chat-cancel")).toBeNull();
    expect(within(cancelled).queryByTestId("chat-share")).toBeNull();
  });

  it("copies the buyer link", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", Object.assign(Object.create(navigator), { clipboard: { writeText } }));
    mockGraphQL({ ChatOrders: () => list(chatOrder()) });
    renderWithProviders(<ChatOrdersPage />);
    const item = await screen.findByTestId("chat-order");
    fireEvent.click(within(item).getByRole("button", { name: "Copy link" }));
    expect(await within(item).findByText("Link copied.")).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(BUYER_URL);
  });

  it("asks before cancelling a draft, then shows it cancelled", async () => {
    const sent = mockGraphQL({
      ChatOrders: () => list(chatOrder()),
      ChatOrderCancel: () => ({
        madeToOrderDraftCancel: { madeToOrderDraft: chatOrder({ status: "CANCELLED", cancelledAt: "2026-12-02T08:00:00+00:00" }), openOrderErrors: [] },
      }),
    });
    renderWithProviders(<ChatOrdersPage />);
    const item = await screen.findByTestId("chat-order");
    fireEvent.click(within(item).getByTestId("chat-cancel"));
    const confirm = within(item).getByTestId("chat-cancel-confirm");
    expect(confirm.textContent).toContain("the buyer link says the shop cancelled the order");
    expect(sent.some((r) => r.operation === "ChatOrderCancel")).toBe(false);
    // Kept: nothing is sent.
    fireEvent.click(within(confirm).getByRole("button", { name: "Keep it" }));
    expect(within(item).queryByTestId("chat-cancel-confirm")).toBeNull();
    fireEvent.click(within(item).getByTestId("chat-cancel"));
    fireEvent.click(within(item).getByRole("button", { name: "Yes, cancel the order" }));
    expect((await within(item).findByTestId("chat-feedback")).textContent).toBe("Cancelled: the buyer link says so.");
    expect(sent.find((r) => r.operation === "ChatOrderCancel")?.variables).toEqual({ id: "TWFkZVRvT3JkZXJEcmFmdDox" });
    await waitFor(() => expect(item.getAttribute("data-status")).toBe("CANCELLED"));
    expect(within(item).queryByTestId("chat-share")).toBeNull();
  });

  it("filters by status, in Indonesian", async () => {
    const sent = mockGraphQL({
      ChatOrders: (variables) =>
        list(...(variables.status ? [chatOrder({ status: "CONFIRMED", orderNumber: "42", order: { id: "T3JkZXI6NDI=" } })] : [])),
    });
    renderWithProviders(<ChatOrdersPage />, { language: "id" });
    expect(await screen.findByText("Tidak ada pesanan chat di sini.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Tampilkan"), { target: { value: "CONFIRMED" } });
    await waitFor(() => expect(sent[sent.length - 1].variables).toEqual({ first: 20, status: ["CONFIRMED"] }));
    expect((await screen.findByTestId("chat-order-status")).textContent).toBe("Dikonfirmasi");
    expect(screen.getByRole("link", { name: "Pekerjaan pesanan #42" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Pesanan chat baru" })).toBeTruthy();
  });
});

describe("a line's specs as sent", () => {
  it("leaves out empty, hidden and file fields; sends lists and yes/no as the API takes them", () => {
    const fields = [
      field({ code: "text", type: "TEXT" }),
      field({ code: "empty", type: "TEXT" }),
      field({ code: "flowers", type: "MULTI_CHOICE" }),
      field({ code: "candles", type: "BOOLEAN" }),
      field({ code: "candle_number", type: "NUMBER", visibleWhenField: "candles", visibleWhenValue: "true" }),
      field({ code: "file", type: "FILE" }),
    ];
    expect(specInputs(fields, { text: " HALO ", empty: "", flowers: ["rose", "lily"], candle_number: "17", file: "x" })).toEqual([
      { code: "text", value: "HALO" },
      { code: "flowers", values: ["rose", "lily"] },
      { code: "candles", value: "false" },
    ]);
    expect(specInputs(fields, { candles: true, candle_number: "17" })).toEqual([
      { code: "candles", value: "true" },
      { code: "candle_number", value: "17" },
    ]);
  });
});

describe("a new chat order", () => {
  const fill = async () => {
    fireEvent.change(await screen.findByLabelText("Product"), { target: { value: PRODUCT_ID } });
    fireEvent.change(screen.getByLabelText("Quantity"), { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText(/^Size \*/), { target: { value: "XL" } });
    fireEvent.change(screen.getByLabelText(/^Colour \*/), { target: { value: "#1B2A4A" } });
    fireEvent.change(screen.getByLabelText(/^Print text/), { target: { value: "HALO" } });
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Sari" } });
    fireEvent.change(screen.getByLabelText("WhatsApp number"), { target: { value: "0812 3456 7890" } });
  };

  it("shows the server's errors beside their fields, then the buyer link once created", async () => {
    let calls = 0;
    const sent = mockGraphQL({
      ...catalog,
      ChatOrderCreate: () => {
        calls += 1;
        if (calls === 1)
          return {
            madeToOrderDraftCreate: {
              madeToOrderDraft: null,
              openOrderErrors: [
                { field: "lines.0.specs.size", code: "INVALID_CHOICE", message: "Size: choose one of M, XL." },
                { field: "customer.phone", code: "INVALID", message: "Not a phone number." },
                { field: "lines.0.somethingElse", code: "INVALID", message: "Something else is wrong." },
              ],
            },
          };
        return { madeToOrderDraftCreate: { madeToOrderDraft: chatOrder(), openOrderErrors: [] } };
      },
    });
    renderWithProviders(<NewChatOrderPage />);
    await fill();
    // Files come in the chat: no file input.
    expect(screen.getByTestId("chat-spec-design_file").textContent).toContain("Files are sent in the chat");
    expect(document.querySelector('input[type="file"]')).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Create the buyer link" }));

    const size = screen.getByLabelText(/^Size \*/);
    await waitFor(() => expect(size.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(size.getAttribute("aria-describedby")!)?.textContent).toBe("Size: choose one of M, XL.");
    const phone = screen.getByLabelText("WhatsApp number");
    expect(phone.getAttribute("aria-invalid")).toBe("true");
    expect(phone.getAttribute("aria-describedby")).toContain("-error");
    expect(within(screen.getByTestId("chat-spec-size")).getByTestId("field-error").textContent).toBe("Size: choose one of M, XL.");
    // An error the form has no field for is said on top.
    expect(screen.getByTestId("chat-form-errors").textContent).toContain("Something else is wrong.");

    const create = sent.find((r) => r.operation === "ChatOrderCreate");
    expect(create?.variables).toEqual({
      input: {
        lines: [
          {
            variantId: VARIANT_ID,
            quantity: 2,
            specs: [
              { code: "size", value: "XL" },
              { code: "color", value: "#1B2A4A" },
              { code: "print_text", value: "HALO" },
            ],
          },
        ],
        customer: { name: "Sari", phone: "0812 3456 7890", email: "" },
        source: "WHATSAPP",
        languageCode: "id",
        note: "",
      },
    });

    fireEvent.change(phone, { target: { value: "0812 3456 7890" } });
    fireEvent.click(screen.getByRole("button", { name: "Create the buyer link" }));
    const created = await screen.findByTestId("chat-order-created");
    expect(within(created).getByTestId("chat-buyer-link").getAttribute("href")).toBe(BUYER_URL);
    const whatsapp = within(created).getByRole("link", { name: /Open WhatsApp/ });
    expect(whatsapp.getAttribute("href")).toContain("wa.me/6281234567890");
    expect(whatsapp.getAttribute("target")).toBe("_blank");
    expect(within(created).getByTestId("chat-share-message").textContent).toBe(MESSAGE);
    expect(within(created).getByTestId("chat-order-deposit").textContent).toMatch(/92[.,]000/);
    expect(within(created).getByRole("button", { name: "Copy link" })).toBeTruthy();

    // Another order starts from an empty form.
    fireEvent.click(within(created).getByRole("button", { name: "Take another order" }));
    expect(((await screen.findByLabelText("Name")) as HTMLInputElement).value).toBe("");
  });

  it("takes several lines, says which has no product, and speaks Indonesian", async () => {
    const sent = mockGraphQL(catalog);
    renderWithProviders(<NewChatOrderPage />, { language: "id" });
    fireEvent.change(await screen.findByLabelText("Produk"), { target: { value: PRODUCT_ID } });
    fireEvent.click(screen.getByRole("button", { name: "Tambah baris" }));
    const lines = screen.getAllByTestId("chat-line");
    expect(lines).toHaveLength(2);
    expect(screen.getByRole("group", { name: "Baris 2" })).toBe(lines[1]);
    fireEvent.click(screen.getByRole("button", { name: "Buat link pembeli" }));
    expect(await within(lines[1]).findByText("Pilih produk untuk baris ini.")).toBeTruthy();
    expect(within(lines[0]).queryByText("Pilih produk untuk baris ini.")).toBeNull();
    expect(sent.some((r) => r.operation === "ChatOrderCreate")).toBe(false);
    // The ready-stock type's products are not asked for.
    expect(sent.find((r) => r.operation === "ChatOrderProducts")?.variables).toEqual({ productTypes: [TYPE_ID], first: 100 });
    fireEvent.click(within(lines[1]).getByRole("button", { name: "Hapus baris 2" }));
    expect(screen.getAllByTestId("chat-line")).toHaveLength(1);
    expect(screen.getByLabelText("Nomor WhatsApp")).toBeTruthy();
    expect((screen.getByLabelText("Bahasa pembeli") as HTMLSelectElement).value).toBe("id");
  });
});

describe("chat orders' routes", () => {
  it("has a page for the list and one for a new order", () => {
    expect(paths.chatOrders()).toBe("/dashboard-extension/chat-orders");
    expect(parseRoute(paths.chatOrders())).toEqual({ name: "chatOrders" });
    expect(parseRoute(paths.newChatOrder())).toEqual({ name: "newChatOrder" });
    expect(parseRoute("/dashboard-extension/chat-orders/other")).toEqual({ name: "notFound" });
  });
});
