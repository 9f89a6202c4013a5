import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { BuyerFormPreview } from "./BuyerFormPreview";
import { draftToInput, draftToPreview, emptyDraft, type FieldDraft, parseChoices, SpecFieldEditor } from "./SpecFieldEditor";

describe("spec field drafts", () => {
  it("reads choices as value|label|price lines", () => {
    expect(parseChoices("S\nXL|Extra large|5000\n\n")).toEqual([
      { value: "S", label: "S", priceAmount: null },
      { value: "XL", label: "Extra large", priceAmount: "5000" },
    ]);
  });

  it("sends only what the type uses, emptied values as null", () => {
    const draft: FieldDraft = { ...emptyDraft(), code: " print ", label: "Print", type: "TEXT", maxLength: "40", minValue: "3", choices: "a" };
    const input = draftToInput(draft);
    expect(input).toMatchObject({ code: "print", type: "TEXT", maxLength: 40, minLength: null, pattern: null });
    expect(input).not.toHaveProperty("minValue");
    expect(input).not.toHaveProperty("choices");
    expect(draftToInput({ ...draft, type: "CHOICE" }).choices).toEqual([{ value: "a", label: "a", priceAmount: null }]);
  });
});

function EditorWithPreview() {
  const [draft, setDraft] = useState<FieldDraft>(emptyDraft());
  return (
    <>
      <SpecFieldEditor draft={draft} onChange={setDraft} onSave={() => undefined} onCancel={() => undefined} busy={false} otherCodes={[]} />
      <BuyerFormPreview fields={[draftToPreview(draft, "IDR")]} />
    </>
  );
}

describe("live preview", () => {
  it("shows the buyer's form as the field is typed", () => {
    renderWithProviders(<EditorWithPreview />);
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "wrap" } });
    fireEvent.change(screen.getByLabelText("Label"), { target: { value: "Gift wrap <b>" } });
    fireEvent.change(screen.getByLabelText("Type"), { target: { value: "CHOICE" } });
    fireEvent.change(screen.getByLabelText("Choices (one per line: value|label|price)"), { target: { value: "no|None\npaper|Paper|5000" } });
    const preview = screen.getByTestId("preview-field-wrap");
    expect(preview.textContent).toContain("Gift wrap <b>");
    expect(preview.querySelector("b")).toBeNull();
    expect([...preview.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Select…", "None", "Paper (+IDR\u00a05,000)"]);
  });

  it("names the field types and the price hints in Indonesian", () => {
    renderWithProviders(<EditorWithPreview />, { language: "id" });
    const type = screen.getByLabelText("Tipe") as HTMLSelectElement;
    expect([...type.options].map((o) => o.textContent)).toEqual([
      "Teks", "Teks panjang", "Angka", "Pilihan", "Pilihan ganda", "Ya / tidak", "Tanggal", "Warna", "Berkas",
    ]);
    expect(type.value).toBe("TEXT");
    fireEvent.change(screen.getByLabelText("Kode"), { target: { value: "print" } });
    fireEvent.change(screen.getByLabelText("Label"), { target: { value: "Tulisan" } });
    fireEvent.change(screen.getByLabelText("Harga per karakter"), { target: { value: "500" } });
    fireEvent.change(screen.getByLabelText("Harga per unit"), { target: { value: "2000" } });
    const preview = screen.getByTestId("preview-field-print");
    expect(preview.textContent).toContain("Tulisan (+Rp\u00a02.000) (+Rp\u00a0500 / karakter)");
    expect(preview.textContent).not.toMatch(/char\b/);
    fireEvent.change(type, { target: { value: "FILE" } });
    expect(screen.getByLabelText("Ukuran berkas maksimum (byte)")).toBeTruthy();
    expect(screen.getByLabelText("Hanya tampil jika kolom")).toBeTruthy();
  });

  it("shows a conditional field only when its condition holds", () => {
    const money = { amount: 0, currency: "IDR" };
    const base = {
      helpText: "", required: false, minLength: null, maxLength: null, minValue: null, maxValue: null,
      earliestDateDays: null, allowedFileTypes: [], pricePerUnit: money, pricePerCharacter: money,
      visibleWhenField: null, visibleWhenValue: null,
    };
    renderWithProviders(
      <BuyerFormPreview
        fields={[
          { ...base, code: "candles", label: "Candles", type: "BOOLEAN", choices: [] },
          { ...base, code: "number", label: "Candle number", type: "NUMBER", choices: [], visibleWhenField: "candles", visibleWhenValue: "true" },
        ]}
      />,
    );
    expect(screen.queryByText("Candle number")).toBeNull();
    fireEvent.click(screen.getByLabelText("Candles"));
    expect(screen.getByText("Candle number")).toBeTruthy();
  });
});
