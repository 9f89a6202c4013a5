import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SettingsNode } from "../api/catalog";
import { mockGraphQL } from "../test/graphql";
import { renderWithProviders } from "../test/render";
import { ProductTypeSettingsPage, settingsDraft, settingsInput } from "./ProductTypeSettingsPage";

const TYPE_ID = "UHJvZHVjdFR5cGU6Mg==";

function cake(patch: Partial<SettingsNode> = {}): SettingsNode {
  return {
    productType: { id: TYPE_ID, name: "Kue ulang tahun" },
    mode: "MADE_TO_ORDER",
    leadTimeDays: 3,
    dailyCapacity: 10,
    workingDays: ["MONDAY", "TUESDAY"],
    stages: [
      { code: "RECEIVED", label: "Received" },
      { code: "CONFIRMED", label: "Confirmed" },
      { code: "BAKING", label: "Baking" },
      { code: "READY", label: "Ready" },
    ],
    notifyStages: ["CONFIRMED", "READY"],
    freeCancellationStage: "CONFIRMED",
    approvalStage: null,
    deposit: { type: "PERCENT", percent: 50, amount: null },
    balance: { due: "ON_READY", days: null },
    schemaVersion: 1,
    specFields: [],
    ...patch,
  };
}

const checkboxes = () =>
  screen.getAllByTestId("stage-row").map((row) => within(row).getByLabelText("E-mail the buyer at this stage") as HTMLInputElement);

describe("e-mails per stage", () => {
  it("sends exactly the ticked stages, following a stage whose code is edited", () => {
    const draft = settingsDraft({ ...cake(), id: TYPE_ID, name: "Kue" } as never);
    expect(draft.stages.map((s) => s.notify)).toEqual([false, true, false, true]);
    draft.stages[2] = { ...draft.stages[2], code: " OVEN ", notify: true };
    expect(settingsInput(draft).notifyStages).toEqual(["CONFIRMED", "OVEN", "READY"]);
    draft.stages.forEach((s) => (s.notify = false));
    expect(settingsInput(draft).notifyStages).toEqual([]);
  });

  it("shows a checkbox per stage and saves it with the rest of the settings", async () => {
    const sent = mockGraphQL({
      MadeToOrderProductTypes: () => ({
        madeToOrderProductTypes: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: cake() }] },
      }),
      ProductTypeMadeToOrderUpdate: (variables) => ({
        productTypeMadeToOrderUpdate: {
          madeToOrderSettings: cake({ notifyStages: (variables.input as { notifyStages: string[] }).notifyStages }),
          openOrderErrors: [],
        },
      }),
    });
    renderWithProviders(<ProductTypeSettingsPage id={TYPE_ID} />);
    await screen.findByTestId("settings-page");
    expect(checkboxes().map((box) => box.checked)).toEqual([false, true, false, true]);

    fireEvent.click(checkboxes()[2]); // Baking: on
    fireEvent.click(checkboxes()[3]); // Ready: off
    expect(checkboxes().map((box) => box.checked)).toEqual([false, true, true, false]);
    fireEvent.click(screen.getByTestId("save-settings"));
    await screen.findByText("Saved.");

    const update = sent.find((r) => r.operation === "ProductTypeMadeToOrderUpdate");
    expect(update?.variables).toMatchObject({
      productTypeId: TYPE_ID,
      input: { notifyStages: ["CONFIRMED", "BAKING"], stages: cake().stages, leadTimeDays: 3 },
    });
    await waitFor(() => expect(checkboxes().map((box) => box.checked)).toEqual([false, true, true, false]));
  });

  it("asks in Indonesian, and a new stage notifies like the ones after the first", async () => {
    mockGraphQL({
      MadeToOrderProductTypes: () => ({
        madeToOrderProductTypes: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: cake() }] },
      }),
    });
    renderWithProviders(<ProductTypeSettingsPage id={TYPE_ID} />, { language: "id" });
    await screen.findByTestId("settings-page");
    expect(screen.getAllByLabelText("Kirim e-mail ke pembeli di tahap ini")).toHaveLength(4);
    fireEvent.click(screen.getByRole("button", { name: "Tambah tahap" }));
    const rows = screen.getAllByTestId("stage-row");
    expect((within(rows[4]).getByLabelText("Kirim e-mail ke pembeli di tahap ini") as HTMLInputElement).checked).toBe(true);
  });

  it("names each spec field's type in the board's language", async () => {
    const money = { amount: 0, currency: "IDR" };
    const field = (id: string, code: string, type: string) => ({
      id, code, label: code, helpText: null, type, required: false, position: 0, minLength: null, maxLength: null,
      pattern: null, minValue: null, maxValue: null, earliestDateDays: null, maxFileSize: null, allowedFileTypes: [],
      choices: [], pricePerUnit: money, pricePerCharacter: money, visibleWhenField: null, visibleWhenValue: null,
    });
    const specFields = [field("f1", "flavour", "CHOICE"), field("f2", "message", "TEXT"), field("f3", "date_wanted", "DATE")];
    mockGraphQL({
      MadeToOrderProductTypes: () => ({
        madeToOrderProductTypes: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: cake({ specFields } as never) }] },
      }),
    });
    renderWithProviders(<ProductTypeSettingsPage id={TYPE_ID} />, { language: "id" });
    await screen.findByTestId("settings-page");
    expect(screen.getAllByTestId("spec-field-type").map((cell) => cell.textContent)).toEqual(["Pilihan", "Teks", "Tanggal"]);
    expect(screen.queryByText("CHOICE")).toBeNull();
  });
});
