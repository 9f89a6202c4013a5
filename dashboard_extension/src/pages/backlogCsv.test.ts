import { describe, expect, it } from "vitest";
import { translate } from "../i18n";
import { sampleBacklog } from "../test/backlog";
import { backlogCsv, backlogFileName, csvCell, csvNumber, toCsv } from "./backlogCsv";

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("en", key, params);

/** The CSV's rows as a spreadsheet reads them (quoted fields unquoted). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

function section(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((row) => row.length === 1 && row[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((row, index) => index > start && row.length === 1 && row[0] === "");
  return rows.slice(start + 1, end === -1 ? undefined : end);
}

describe("the backlog's CSV", () => {
  it("writes numbers as plain decimals", () => {
    expect(csvNumber(926000)).toBe("926000");
    expect(csvNumber(1234567.5)).toBe("1234567.5");
    expect(csvNumber(0.1 + 0.2)).toBe("0.3");
    expect(csvNumber(-1)).toBe("-1");
    expect(csvNumber(-0)).toBe("0");
    expect(csvNumber(1e21 / 1e10)).toBe("100000000000");
    expect(csvNumber(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks, and never writes a formula", () => {
    expect(csvCell("Kaos polos")).toBe("Kaos polos");
    expect(csvCell("Kaos, merah")).toBe('"Kaos, merah"');
    expect(csvCell('Kaos "Sablon"')).toBe('"Kaos ""Sablon"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+62 812")).toBe("'+62 812");
    expect(csvCell("@home")).toBe("'@home");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(null)).toBe("");
    expect(toCsv([["a", 1], [], ["b,c"]])).toBe('a,1\r\n\r\n"b,c"\r\n');
  });

  it("names the file by the shop's date", () => {
    expect(backlogFileName({ today: "2026-12-02" })).toBe("backlog-2026-12-02.csv");
  });

  it("has a section for each part of the backlog, with the API's figures", () => {
    const text = backlogCsv(sampleBacklog(), {
      t,
      productType: "Kaos custom (konveksi)",
      ageLabel: (code) => translate("en", `backlogAge_${code}` as never),
      dueLabel: (code) => translate("en", `backlogDue_${code}` as never),
      riskLabel: (risk) => translate("en", `backlogRisk_${risk}` as never),
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).not.toMatch(/(IDR|Rp)\s?\d/);
    const rows = parse(text);
    expect(rows.slice(0, 4)).toEqual([
      ["Open-order backlog"],
      ["Date", "2026-12-02"],
      ["Currency", "IDR"],
      ["Product type", "Kaos custom (konveksi)"],
    ]);
    expect(section(rows, "Summary")).toEqual([
      ["Open orders", "Units", "Value", "Order totals", "Paid", "Outstanding"],
      ["4", "5", "926000", "926000", "446000", "480000"],
    ]);
    expect(section(rows, "Value by stage")).toEqual([
      ["Code", "Label", "Orders", "Units", "Value"],
      ["RECEIVED", "Received", "3", "4", "526000"],
      ["READY", "Ready", "1", "1", "400000"],
    ]);
    expect(section(rows, "Age of open orders")[1]).toEqual(["0_3", "0–3 days", "4", "5", "926000"]);
    expect(section(rows, "Due dates").map((row) => row[1])).toEqual([
      "Label", "Late", "0–2 days", "3–7 days", "8–14 days", "15+ days", "No date",
    ]);
    expect(section(rows, "Jobs at risk")).toEqual([
      ["Risk", "Order", "Product", "Stage", "Promised date", "Days left", "Quantity", "Value", "Job ID"],
      ["Late", "4", 'Kaos "Sablon", merah', "Received", "2026-12-01", "-1", "1", "92000", "UHJvZHVjdGlvbkpvYjo0"],
      ["Due soon", "2", "'=HYPERLINK(\"http://x\")", "Received", "2026-12-04", "2", "1", "250000", "UHJvZHVjdGlvbkpvYjoy"],
    ]);
    expect(section(rows, "Cash forecast by week")).toEqual([
      ["Week starting", "Deposits", "Balances when ready", "Balances on delivery", "Balances days after the order", "Total"],
      ["2026-11-30", "192000", "46000", "150000", "0", "388000"],
      ["2026-12-07", "0", "92000", "0", "0", "92000"],
      ["Overdue", "", "", "", "", "0"],
      ["Later", "", "", "", "", "0"],
      ["No date yet", "", "", "", "", "0"],
      ["Owed in all", "", "", "", "", "480000"],
    ]);
  });

  it("says every product type and the placing dates, in Indonesian when asked", () => {
    const rows = parse(
      backlogCsv(sampleBacklog({ atRisk: [] }), {
        t: (key, params) => translate("id", key, params),
        placedFrom: "2026-11-01",
        placedTo: "2026-11-30",
      }),
    );
    expect(rows.slice(0, 6)).toEqual([
      ["Backlog pesanan terbuka"],
      ["Tanggal", "2026-12-02"],
      ["Mata uang", "IDR"],
      ["Jenis produk", "Semua jenis produk"],
      ["Dipesan sejak", "2026-11-01"],
      ["Dipesan sampai", "2026-11-30"],
    ]);
    expect(section(rows, "Pekerjaan berisiko")).toHaveLength(1);
  });
});
