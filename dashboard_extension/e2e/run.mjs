// End-to-end scenarios: the built board in headless Chromium against a real
// server. Run by tests/test_dashboard_e2e.py, which arranges the data, passes
// it in E2E_INPUT (JSON) and checks the outcome through GraphQL reads:
//   BASE_URL=http://127.0.0.1:8000 E2E_INPUT='{...}' node e2e/run.mjs <scenario>
// Prints one JSON line with what the browser saw; exits non-zero on failure.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./browser.mjs";

const BASE_URL = (process.env.BASE_URL || "http://127.0.0.1:8000").replace(/\/$/, "");
const APP = `${BASE_URL}/dashboard-extension/`;
const INPUT = JSON.parse(process.env.E2E_INPUT || "{}");
const SHOTS = process.env.E2E_SCREENSHOTS || "";
const TIMEOUT = 20000;

async function screenshot(page, name) {
  if (!SHOTS) return null;
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** A signed-in page in a fresh browser (its own profile: its own session). */
async function signedIn() {
  const browser = await launch();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  const dialogs = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(APP);
  await page.getByLabel("E-mail").fill(INPUT.email);
  await page.getByLabel("Password").fill(INPUT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Board" }).waitFor();
  return { browser, page, problems, dialogs };
}

function card(page, orderNumber) {
  return page.getByTestId("job-card").filter({ hasText: `Order #${orderNumber}` });
}

async function openJob(page, orderNumber) {
  await card(page, orderNumber).first().click();
  await page.getByTestId("job-page").waitFor();
}

const scenarios = {
  /** Find the late job on the board, open it, advance it. */
  async advanceLateJob() {
    const { browser, page, problems } = await signedIn();
    try {
      await card(page, INPUT.lateOrder).first().waitFor();
      const boardShot = await screenshot(page, "board");
      await page.getByLabel("Late only").check();
      // Only late jobs remain, the late one among them, with its badge.
      await page.waitForFunction(
        (number) => {
          const cards = [...document.querySelectorAll('[data-testid="job-card"]')];
          return cards.length > 0 && cards.every((c) => c.querySelector('[data-testid="late-badge"]')) &&
            cards.some((c) => c.textContent.includes(`Order #${number}`));
        },
        INPUT.lateOrder,
      );
      const lateCards = await page.getByTestId("job-card").allTextContents();
      assert.ok(!lateCards.some((text) => text.includes(`Order #${INPUT.onTimeOrder}`)), "an on-time job is listed as late");
      await openJob(page, INPUT.lateOrder);
      const before = (await page.getByTestId("current-stage").textContent()).trim();
      const advance = page.getByTestId("advance");
      const label = (await advance.textContent()).trim();
      await advance.click();
      const next = label.replace(/^Advance to /, "");
      await page.getByTestId("current-stage").filter({ hasText: next }).waitFor();
      await page.getByText("Saved.").waitFor();
      const jobShot = await screenshot(page, "job");
      assert.deepEqual(problems, []);
      return { before, after: next, screenshots: [boardShot, jobShot].filter(Boolean) };
    } finally {
      await browser.close();
    }
  },

  /** Two staff members on the same job: the second change is refused and
   * the second page shows the first one's change. */
  async conflict() {
    const first = await signedIn();
    const second = await signedIn();
    try {
      for (const { page } of [first, second]) {
        await page.locator('input[name="search"]').fill(String(INPUT.order));
        await card(page, INPUT.order).first().waitFor();
        await openJob(page, INPUT.order);
      }
      const secondLabel = (await second.page.getByTestId("advance").textContent()).trim();
      await first.page.getByTestId("advance").click();
      await first.page.getByText("Saved.").waitFor();
      const firstStage = (await first.page.getByTestId("current-stage").textContent()).trim();
      // The second page still shows the old version and tries the same move.
      await second.page.getByTestId("advance").click();
      const notice = second.page.getByTestId("conflict-notice");
      await notice.waitFor();
      // Reloaded: it now shows the first staff member's change.
      await second.page.getByTestId("current-stage").filter({ hasText: firstStage }).waitFor();
      const secondVersion = await second.page.getByTestId("job-page").getAttribute("data-version");
      const firstVersion = await first.page.getByTestId("job-page").getAttribute("data-version");
      assert.equal(secondVersion, firstVersion);
      assert.deepEqual([...first.problems, ...second.problems], []);
      return {
        secondButtonBefore: secondLabel,
        firstStage,
        notice: (await notice.textContent()).trim(),
        version: Number(secondVersion),
      };
    } finally {
      await first.browser.close();
      await second.browser.close();
    }
  },

  /** The settings editor adds a spec field; the preview shows it as typed. */
  async createSpecField() {
    const { browser, page, problems } = await signedIn();
    try {
      await page.getByRole("link", { name: "Product types" }).click();
      await page.getByTestId("product-type-link").filter({ hasText: INPUT.productTypeName }).click();
      await page.getByTestId("settings-page").waitFor();
      await page.getByTestId("add-field").click();
      const editor = page.getByTestId("spec-field-editor");
      await editor.getByLabel("Code", { exact: true }).fill(INPUT.field.code);
      await editor.getByLabel("Label", { exact: true }).fill(INPUT.field.label);
      await editor.getByLabel("Type", { exact: true }).selectOption(INPUT.field.type);
      await editor.getByLabel("Choices (one per line: value|label|price)").fill(INPUT.field.choices.join("\n"));
      await editor.getByLabel("Required", { exact: true }).check();
      // Live preview, before anything is saved.
      const preview = page.getByTestId(`preview-field-${INPUT.field.code}`);
      await preview.getByText(`${INPUT.field.label} *`).waitFor();
      const previewOptions = await preview.locator("option").allTextContents();
      const shot = await screenshot(page, "settings");
      await page.getByTestId("save-field").click();
      await page.getByText("Saved.").waitFor();
      await page.locator(`[data-testid="spec-field-row"][data-code="${INPUT.field.code}"]`).waitFor();
      assert.deepEqual(problems, []);
      return { previewOptions, screenshots: [shot].filter(Boolean) };
    } finally {
      await browser.close();
    }
  },

  /** A day's work on one job from its page: record the deposit, hold and
   * resume, a new promised date, an assignee, a note, advance and rework. */
  async jobActions() {
    const { browser, page, problems } = await signedIn();
    // Every change the server applies bumps the job's version, shown on the page.
    const version = async () => Number(await page.getByTestId("job-page").getAttribute("data-version"));
    let expected = 0;
    const saved = async () => {
      expected += 1;
      await page.locator(`[data-testid="job-page"][data-version="${expected}"]`).waitFor();
      await page.getByTestId("feedback").filter({ hasText: "Saved." }).waitFor();
    };
    try {
      await page.locator('input[name="search"]').fill(INPUT.customerEmail);
      await card(page, INPUT.order).first().waitFor();
      await openJob(page, INPUT.order);
      expected = await version();

      const schedule = page.getByTestId("payment-schedule");
      await schedule.getByText("Outstanding").waitFor();
      await schedule.getByLabel("Amount").fill(String(INPUT.amount));
      await schedule.getByLabel("Reference").fill("BCA transfer 0815");
      await schedule.getByRole("button", { name: "Record a payment" }).click();
      await schedule.getByText("Payment recorded.").waitFor();
      await page.getByTestId("payment-status").filter({ hasText: "Partly paid" }).waitFor();

      await page.getByLabel("Reason for the hold").fill("Waiting for the buyer's logo");
      await page.getByRole("button", { name: "Hold", exact: true }).click();
      await saved();
      await page.getByText("On hold").first().waitFor();
      await page.getByRole("button", { name: "Resume" }).click();
      await saved();

      await page.locator('input[name="dueDate"]').fill(INPUT.newDate);
      await page.getByRole("button", { name: "Change date" }).click();
      await saved();

      await page.getByLabel("Assign", { exact: true }).selectOption({ label: INPUT.assignee });
      await page.getByRole("button", { name: "Assign", exact: true }).click();
      await saved();

      await page.locator('textarea[name="notes"]').fill("Use the navy ink.");
      await page.getByRole("button", { name: "Save note" }).click();
      await saved();

      await page.getByTestId("advance").click();
      await saved();
      await page.getByLabel("Why (required)").fill("Logo was blurry");
      await page.getByRole("button", { name: "Move back" }).click();
      await saved();
      const stage = (await page.getByTestId("current-stage").textContent()).trim();
      const timeline = await page.getByTestId("timeline").textContent();
      const shot = await screenshot(page, "job-actions");
      assert.deepEqual(problems, []);
      return { stage, timeline, screenshots: [shot].filter(Boolean) };
    } finally {
      await browser.close();
    }
  },

  /** A spec value that is markup shows as its characters and runs nothing. */
  async injectionShownAsText() {
    const { browser, page, problems, dialogs } = await signedIn();
    try {
      await card(page, INPUT.order).first().waitFor();
      await openJob(page, INPUT.order);
      const spec = page.getByTestId(`spec-${INPUT.specCode}`);
      await spec.getByText(INPUT.value, { exact: true }).waitFor();
      const text = (await spec.textContent()).trim();
      const images = await page.locator('[data-testid="job-page"] img').count();
      // Give an injected onerror handler time to fire, were there one.
      await page.waitForTimeout(500);
      assert.equal(images, 0, "the spec value became an element");
      assert.deepEqual(dialogs, [], "a dialog was opened by injected script");
      assert.deepEqual(problems, []);
      return { text, images, dialogs };
    } finally {
      await browser.close();
    }
  },
};

const name = process.argv[2];
if (!scenarios[name]) {
  console.error(`unknown scenario ${name}; one of: ${Object.keys(scenarios).join(", ")}`);
  process.exit(2);
}
try {
  const result = await scenarios[name]();
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error.stack || String(error));
  process.exit(1);
}
