// End-to-end scenarios: the built board in headless Chromium against a real
// server. Run by tests/test_dashboard_e2e.py, which arranges the data, passes
// it in E2E_INPUT (JSON) and checks the outcome through GraphQL reads:
//   BASE_URL=http://127.0.0.1:8000 E2E_INPUT='{...}' node e2e/run.mjs <scenario>
// Prints one JSON line with what the browser saw; exits non-zero on failure.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { launch } from "./browser.mjs";

const axeSource = createRequire(import.meta.url)("axe-core").source;

const BASE_URL = (process.env.BASE_URL || "http://127.0.0.1:8000").replace(/\/$/, "");
const APP = `${BASE_URL}/dashboard-extension/`;
const INPUT = JSON.parse(process.env.E2E_INPUT || "{}");
const SHOTS = process.env.E2E_SCREENSHOTS || "";
const TIMEOUT = 20000;

async function screenshot(page, name, { fullPage = false } = {}) {
  if (!SHOTS) return null;
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** A signed-in page in a fresh browser (its own profile: its own session),
 * whose language is `locale` (the board follows it). */
async function signedIn({ locale } = {}) {
  const browser = await launch({ locale });
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
  await page.locator('input[name="email"]').fill(INPUT.email);
  await page.locator('input[name="password"]').fill(INPUT.password);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId("board").waitFor();
  return { browser, page, problems, dialogs };
}

/** The board of one product type (by name), as a floor worker picks it. */
async function showType(page, name) {
  if (!name) return;
  const select = page.locator('select[name="productType"]');
  await select.waitFor();
  await page.waitForFunction((wanted) => {
    const options = [...document.querySelectorAll('select[name="productType"] option')];
    return options.some((option) => option.textContent === wanted);
  }, name);
  await select.selectOption({ label: name });
}

/** axe-core's check of the page as it stands: the violations that are
 * "serious" or "critical" (rule, impact, what to fix, where). */
async function accessibility(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({
        target: n.target.join(" "),
        html: n.html.slice(0, 160),
        why: (n.failureSummary || "").slice(0, 240),
      })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** How the page fits the window: nothing wider than the screen, and no
 * text squeezed to a letter or two per line. */
async function fit(page, root) {
  return page.evaluate((selector) => {
    const scope = document.querySelector(selector) || document.body;
    const squeezed = [];
    for (const el of scope.querySelectorAll("*")) {
      if (el.children.length) continue; // text-only elements: their box is their text's
      const own = el.textContent.trim();
      if (own.length < 4) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      // The lines the text takes: one box per line of the text's range.
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const lines = Math.max(1, tops.size);
      // Squeezed: a few letters per line over several lines (or no room at all).
      if (box.width < 16 || (lines >= 3 && own.length / lines < 5))
        squeezed.push({ text: own.slice(0, 40), width: Math.round(box.width), height: Math.round(box.height) });
    }
    return {
      viewport: window.innerWidth,
      pageWidth: document.documentElement.scrollWidth,
      lang: document.documentElement.lang,
      squeezed: squeezed.slice(0, 10),
    };
  }, root);
}

/** A laptop's screenshot shows the whole page; a phone's, the screen. */
async function shoot(page, name) {
  return screenshot(page, name, { fullPage: page.viewportSize().width >= 1024 });
}

function card(page, orderNumber) {
  return page.locator(`[data-testid="job-card"][data-order="${orderNumber}"]`);
}

/** Search the board and wait until every column shows the search's jobs
 * (the search is debounced, then each column reloads). */
async function search(page, text) {
  await page.locator('input[name="search"]').fill(text);
  await page.locator(`[data-testid="board"][data-search="${text}"]`).waitFor();
  // Every column has said it is done (aria-busy="false"), not merely
  // stopped saying it is busy.
  await page.waitForFunction(() => {
    const columns = [...document.querySelectorAll('[data-testid="board-column"]')];
    return columns.length > 0 && columns.every((c) => c.getAttribute("aria-busy") === "false");
  });
}

async function openJob(page, orderNumber) {
  await card(page, orderNumber).first().click();
  await page.getByTestId("job-page").waitFor();
}

const scenarios = {
  // The buyer opens the chat order's link on a phone (Indonesian, as the
  // chat was), reads it, and confirms; then reads it on a laptop in English.
  async chatOrderBuyerPage() {
    const browser = await launch({ locale: "id-ID" });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(INPUT.buyerUrl);
      const draft = {
        lang: await page.evaluate(() => document.documentElement.lang),
        total: await page.getByTestId("total").textContent(),
        deposit: await page.getByTestId("deposit").textContent(),
        button: await page.locator('form button[type="submit"]').textContent(),
        fit: await fit(page, "main"),
        violations: await accessibility(page),
      };
      await screenshot(page, "chat-orders-buyer-390-id", { fullPage: true });
      await page.locator('form button[type="submit"]').click();
      await page.getByTestId("order-number").waitFor();
      const confirmed = {
        orderNumber: await page.getByTestId("order-number").textContent(),
        summary: await page.getByTestId("payment-summary").textContent(),
        confirmButtons: await page.locator('input[name="expected_total"]').count(),
        receiptForm: await page.locator('input[name="receipt"]').count(),
        fit: await fit(page, "main"),
        violations: await accessibility(page),
      };
      await screenshot(page, "chat-orders-buyer-confirmed-390-id", { fullPage: true });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${INPUT.buyerUrl}?lang=en`);
      const english = {
        lang: await page.evaluate(() => document.documentElement.lang),
        status: (await page.locator(".status p").first().textContent()).trim(),
        violations: await accessibility(page),
      };
      await screenshot(page, "chat-orders-buyer-confirmed-1440-en", { fullPage: true });
      return { draft, confirmed, english, problems };
    } catch (error) {
      await screenshot(page, "failure-chat-buyer").catch(() => null);
      throw error;
    } finally {
      await browser.close();
    }
  },

  /** Find the late job on the board, open it, advance it. */
  async advanceLateJob() {
    const { browser, page, problems } = await signedIn();
    try {
      await showType(page, INPUT.productType);
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
        await showType(page, INPUT.productType);
        await search(page, String(INPUT.order));
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
      await showType(page, INPUT.productType);
      await search(page, INPUT.customerEmail);
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

  /** An order waiting for its deposit: the card says it is not paid, the job
   * page says what the order waits for and until when; a deadline in the past
   * is refused beside the form, the one offered (a day later) is taken; in
   * Indonesian the server's summary is Indonesian; on a phone the panel fits. */
  async paymentDeadline() {
    const { browser, page, problems } = await signedIn();
    const schedule = page.getByTestId("payment-schedule");
    const read = async () => ({
      state: await schedule.getByTestId("payment-state").getAttribute("data-state"),
      badge: (await schedule.getByTestId("payment-state").textContent()).trim(),
      summary: (await schedule.getByTestId("payment-summary-text").textContent()).trim(),
      deadline: await schedule.getByTestId("payment-deadline").getAttribute("data-deadline"),
      deadlineText: (await schedule.getByTestId("payment-deadline").textContent()).trim(),
    });
    try {
      await showType(page, INPUT.productType);
      await search(page, String(INPUT.order));
      const jobCard = card(page, INPUT.order).first();
      await jobCard.waitFor();
      const cardPayment = (await jobCard.getByTestId("payment-status").textContent()).trim();
      await openJob(page, INPUT.order);
      await schedule.getByTestId("payment-summary").waitFor();
      const before = await read();
      const input = schedule.getByLabel("New deadline");
      const offered = await input.inputValue();

      // Refused: a deadline in the past; the error shows beside the form.
      await input.fill("2020-01-01T10:00");
      await schedule.getByRole("button", { name: "Extend deadline" }).click();
      const refusal = schedule.getByTestId("deadline-feedback");
      await refusal.filter({ hasText: "Could not save" }).waitFor();
      const refused = (await refusal.textContent()).trim();
      assert.equal((await read()).deadline, before.deadline, "a refused extension changed the deadline shown");

      // Taken: the day after, as offered; the schedule is reloaded.
      await input.fill(offered);
      await schedule.getByRole("button", { name: "Extend deadline" }).click();
      await refusal.filter({ hasText: "Deadline extended." }).waitFor();
      await page.waitForFunction(
        (old) => {
          const shown = document.querySelector('[data-testid="payment-deadline"]');
          return shown && shown.getAttribute("data-deadline") !== old;
        },
        before.deadline,
      );
      const after = await read();
      const desktopShot = await screenshot(page, "payment-deadline");

      // The board in Indonesian asks the server for its words in Indonesian.
      await page.getByRole("button", { name: "ID", exact: true }).click();
      await schedule.getByTestId("payment-state").filter({ hasText: "Menunggu DP" }).waitFor();
      await page.waitForFunction(
        (english) => {
          const text = document.querySelector('[data-testid="payment-summary-text"]');
          return text && text.textContent.trim() !== english;
        },
        after.summary,
      );
      const indonesian = await read();

      // A phone: nothing of the panel reaches past the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await schedule.scrollIntoViewIfNeeded();
      const phone = await page.evaluate(() => {
        const panel = document.querySelector('[data-testid="payment-schedule"]');
        const box = panel.getBoundingClientRect();
        const inside = [...panel.querySelectorAll("*")].filter((el) => !el.closest(".oo-scroll-x") || el.classList.contains("oo-scroll-x"));
        const widest = Math.max(...inside.map((el) => el.getBoundingClientRect().right));
        const table = panel.querySelector(".oo-scroll-x");
        return {
          tableScroll: table.scrollWidth,
          tableClient: table.clientWidth,
          viewport: window.innerWidth,
          left: box.left,
          right: box.right,
          widestRight: widest,
          panelScroll: panel.scrollWidth,
          panelClient: panel.clientWidth,
          pageScroll: document.documentElement.scrollWidth,
        };
      });
      const phoneShot = SHOTS ? join(SHOTS, "payment-phone.png") : null;
      if (phoneShot) await schedule.screenshot({ path: phoneShot });
      assert.deepEqual(problems, []);
      return {
        card: cardPayment,
        before,
        offered,
        refused,
        after,
        indonesian,
        phone,
        screenshots: [desktopShot, phoneShot].filter(Boolean),
      };
    } finally {
      await browser.close();
    }
  },

  /** The cashier's queue of transfer proofs, from the header's link: each
   * receipt shown in place, one rejected with a reason and one accepted; on a
   * laptop and a phone, in English and Indonesian, nothing wider than the
   * screen and no serious accessibility violations. */
  async paymentProofs() {
    const { browser, page, problems } = await signedIn();
    const item = (id) => page.locator(`[data-testid="payment-proof"][data-proof-id="${id}"]`);
    const shots = [];
    try {
      await page.getByTestId("nav-proofs").click();
      await page.getByTestId("proofs-page").waitFor();
      await item(INPUT.rejectId).waitFor();
      await item(INPUT.acceptId).waitFor();
      const listed = await page.locator('[data-testid="proofs-page"] [data-testid="payment-proof"]').count();
      await page.locator('[data-testid="pending-proof-count"]').waitFor();
      const countBefore = await page.getByTestId("pending-proof-count").getAttribute("data-count");
      const orderLink = (await page.getByTestId("proof-order").first().textContent()).trim();

      // The receipt, read with the staff token, shown in place.
      await item(INPUT.acceptId).getByTestId("show-receipt").click();
      const image = item(INPUT.acceptId).getByTestId("receipt-image");
      await image.waitFor();
      await page.waitForFunction(
        (id) => {
          const img = document.querySelector(`[data-proof-id="${id}"] [data-testid="receipt-image"]`);
          return img && img.complete && img.naturalWidth > 0;
        },
        INPUT.acceptId,
      );
      const receipt = await image.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight, alt: img.alt }));
      const laptopViolations = await accessibility(page);
      shots.push(await screenshot(page, "proofs-1440-en", { fullPage: true }));

      // Rejected with a reason: the buyer is told it.
      const rejected = item(INPUT.rejectId);
      await rejected.getByLabel("Why (the buyer is told)").fill(INPUT.reason);
      await rejected.getByRole("button", { name: "Reject" }).click();
      const rejectFeedback = (await rejected.getByTestId("proof-feedback").textContent()).trim();
      await page.locator(`[data-proof-id="${INPUT.rejectId}"][data-status="REJECTED"]`).waitFor();

      // Accepted: the money is recorded.
      const accepted = item(INPUT.acceptId);
      await accepted.getByRole("button", { name: "Money arrived: accept" }).click();
      const acceptFeedback = (await accepted.getByTestId("proof-feedback").textContent()).trim();
      await page.locator(`[data-proof-id="${INPUT.acceptId}"][data-status="ACCEPTED"]`).waitFor();

      // A phone, in both languages: back to the list from the header (the
      // one still waiting, and the header's count says so).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator("header nav a").first().click();
      await page.getByTestId("board").waitFor();
      await page.getByTestId("nav-proofs").click();
      await item(INPUT.pendingId).waitFor();
      await page.locator('[data-testid="pending-proof-count"][data-count="1"]').waitFor();
      const countAfter = await page.getByTestId("pending-proof-count").getAttribute("data-count");
      const phone = { en: await fit(page, '[data-testid="proofs-page"]') };
      shots.push(await screenshot(page, "proofs-390-en"));
      await page.getByRole("button", { name: "ID", exact: true }).click();
      await item(INPUT.pendingId).getByTestId("proof-status").filter({ hasText: "Perlu dicek" }).waitFor();
      const indonesian = {
        title: (await page.locator('[data-testid="proofs-page"] h2').first().textContent()).trim(),
        accept: (await item(INPUT.pendingId).getByRole("button", { name: "Dana masuk: terima" }).count()) === 1,
      };
      phone.id = await fit(page, '[data-testid="proofs-page"]');
      const phoneViolations = await accessibility(page);
      shots.push(await screenshot(page, "proofs-390-id"));
      assert.deepEqual(problems, []);
      return {
        listed,
        counts: [countBefore, countAfter],
        orderLink,
        receipt,
        rejectFeedback,
        acceptFeedback,
        phone,
        indonesian,
        violations: [...laptopViolations, ...phoneViolations],
        screenshots: shots.filter(Boolean),
      };
    } finally {
      await browser.close();
    }
  },

  /** Design approval on a job's page: round 1 with the buyer's request for
   * changes, round 2 sent from the page (a real file), production refused
   * until the buyer approves; on a laptop and a phone, in English and
   * Indonesian, nothing wider than the screen, no serious accessibility
   * violations. */
  async designApproval() {
    const { browser, page, problems } = await signedIn();
    const panel = page.getByTestId("design-approval");
    const shots = [];
    try {
      await showType(page, INPUT.productType);
      await search(page, String(INPUT.order));
      await card(page, INPUT.order).first().waitFor();
      await openJob(page, INPUT.order);
      await panel.waitFor();
      const first = panel.locator('[data-testid="design-proof"][data-version="1"]');
      const comment = (await first.getByTestId("buyer-comment").textContent()).trim();
      // Round 1 as the buyer saw it, read with the staff token.
      await first.getByTestId("show-design").click();
      await page.waitForFunction(() => {
        const img = document.querySelector('[data-version="1"] [data-testid="design-image"]');
        return img && img.complete && img.naturalWidth > 0;
      });

      // Round 2 from the page: a real file through the file input.
      await panel.locator('input[name="designProofFile"]').setInputFiles(INPUT.filePath);
      await panel.getByLabel("Note to the buyer").fill(INPUT.note);
      await panel.getByRole("button", { name: "Send a new round" }).click();
      await panel.getByTestId("design-feedback").filter({ hasText: "Sent: the buyer is e-mailed to approve it." }).waitFor();
      await panel.locator('[data-testid="design-proof"][data-version="2"][data-status="PENDING"]').waitFor();
      const state = (await panel.getByTestId("approval-state").textContent()).trim();

      // Production waits for the buyer: the server's refusal, on the page.
      await page.getByTestId("advance").click();
      const refusal = page.getByTestId("feedback");
      await refusal.filter({ hasText: "has not approved the design" }).waitFor();
      const refused = (await refusal.textContent()).trim();
      const laptopViolations = await accessibility(page);
      shots.push(await screenshot(page, "design-1440-en", { fullPage: true }));

      await page.setViewportSize({ width: 390, height: 844 });
      await panel.scrollIntoViewIfNeeded();
      // The whole job page must fit a phone, its payment table too.
      const phone = { en: await fit(page, "#root") };
      shots.push(await screenshot(page, "design-390-en"));
      await page.getByRole("button", { name: "ID", exact: true }).click();
      await panel.getByTestId("approval-state").filter({ hasText: "Menunggu ACC pembeli" }).waitFor();
      const indonesian = {
        title: (await panel.locator("h2").first().textContent()).trim(),
        round: (await panel.locator('[data-version="2"]').textContent()).includes("Revisi ke-2"),
      };
      phone.id = await fit(page, "#root");
      const phoneViolations = await accessibility(page);
      await panel.scrollIntoViewIfNeeded();
      shots.push(await screenshot(page, "design-390-id"));
      assert.deepEqual(problems, []);
      return {
        comment,
        state,
        refused,
        phone,
        indonesian,
        violations: [...laptopViolations, ...phoneViolations],
        screenshots: shots.filter(Boolean),
      };
    } finally {
      await browser.close();
    }
  },

  /** PO batches from the header's link: each batch's progress; one closed
   * early with its minimum reached (production starts), one short of it
   * (its orders cancelled), each after saying so and asking; on a laptop and
   * a phone, in English and Indonesian. */
  async preOrderBatches() {
    const { browser, page, problems } = await signedIn();
    const item = (id) => page.locator(`[data-testid="batch"][data-batch-id="${id}"]`);
    const shots = [];
    try {
      await page.getByTestId("nav-batches").click();
      await page.getByTestId("batches-page").waitFor();
      await item(INPUT.reachedId).waitFor();
      await item(INPUT.shortId).waitFor();
      const progress = {
        reached: (await item(INPUT.reachedId).getByTestId("batch-progress").textContent()).trim(),
        short: (await item(INPUT.shortId).getByTestId("batch-progress").textContent()).trim(),
      };
      const laptopViolations = await accessibility(page);
      shots.push(await screenshot(page, "batches-1440-en", { fullPage: true }));

      const confirms = {};
      for (const [key, id] of [["reached", INPUT.reachedId], ["short", INPUT.shortId]]) {
        await item(id).getByTestId("batch-close").click();
        confirms[key] = (await item(id).getByTestId("batch-confirm").textContent()).trim();
        await item(id).getByRole("button", { name: "Close the batch" }).click();
        await page.locator(`[data-testid="batch"][data-batch-id="${id}"]:not([data-status="OPEN"])`).waitFor();
      }
      const feedback = {
        reached: (await item(INPUT.reachedId).getByTestId("batch-feedback").textContent()).trim(),
        short: (await item(INPUT.shortId).getByTestId("batch-feedback").textContent()).trim(),
      };

      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByLabel("Show").selectOption("ALL");
      await page.locator('[data-testid="batch"][data-status="CANCELLED"]').waitFor();
      const phone = { en: await fit(page, '[data-testid="batches-page"]') };
      shots.push(await screenshot(page, "batches-390-en"));
      await page.getByRole("button", { name: "ID", exact: true }).click();
      await item(INPUT.reachedId).getByTestId("batch-status").filter({ hasText: "Ditutup: diproduksi" }).waitFor();
      phone.id = await fit(page, '[data-testid="batches-page"]');
      const phoneViolations = await accessibility(page);
      shots.push(await screenshot(page, "batches-390-id"));
      assert.deepEqual(problems, []);
      return {
        progress,
        confirms,
        feedback,
        phone,
        violations: [...laptopViolations, ...phoneViolations],
        screenshots: shots.filter(Boolean),
      };
    } finally {
      await browser.close();
    }
  },

  /** A spec value that is markup shows as its characters and runs nothing. */
  async injectionShownAsText() {
    const { browser, page, problems, dialogs } = await signedIn();
    try {
      await showType(page, INPUT.productType);
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

/** The board on the production floor, in each language, on a laptop
 * (1440 px) and a phone (390 px): one product type's stages, Indonesian
 * wherever the board writes, nothing wider than the screen, the job's main
 * action under the thumb, and no serious accessibility violations on the
 * board, the job page and the settings page. Screenshots of each. */
async function floorIn(language) {
  const locale = language === "id" ? "id-ID" : "en-US";
  const { browser, page, problems } = await signedIn({ locale });
  const seen = { language, screenshots: [] };
  const shot = async (name) => {
    const path = await shoot(page, `${name}-${page.viewportSize().width}-${language}`);
    if (path) seen.screenshots.push(path);
  };
  const laptop = () => page.setViewportSize({ width: 1440, height: 900 });
  const phone = () => page.setViewportSize({ width: 390, height: 844 });
  try {
    // ---- the board
    await showType(page, INPUT.productTypeName);
    const jobCard = card(page, INPUT.order).first();
    await jobCard.waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="board-column"]')].some((c) => c.textContent.includes("…")));
    const columns = async () =>
      page.evaluate(() => {
        const board = document.querySelector('[data-testid="board"]');
        return {
          board: { scrollWidth: board.scrollWidth, clientWidth: board.clientWidth },
          columns: [...board.querySelectorAll('[data-testid="board-column"]')].map((c) => {
            const box = c.getBoundingClientRect();
            return { stage: c.getAttribute("data-stage"), left: box.left, right: box.right, top: box.top, width: box.width };
          }),
        };
      });
    seen.board = {
      laptop: { ...(await columns()), fit: await fit(page, '[data-testid="board"]') },
      cardSpecs: await jobCard.getByTestId("card-spec").allTextContents(),
      promised: (await jobCard.getByTestId("promised-date").textContent()).trim(),
      productTypeOptions: await page.locator('select[name="productType"] option').allTextContents(),
      axe: { laptop: await accessibility(page) },
    };
    await shot("board");
    await phone();
    await jobCard.scrollIntoViewIfNeeded();
    seen.board.phone = { ...(await columns()), fit: await fit(page, "#root") };
    const loadMore = page.getByTestId("load-more");
    seen.board.phone.loadMore = (await loadMore.count()) ? await loadMore.first().boundingBox() : null;
    seen.board.axe.phone = await accessibility(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("board");

    // ---- the job page
    await laptop();
    await jobCard.click();
    await page.getByTestId("job-page").waitFor();
    const specs = {};
    for (const code of INPUT.specCodes) specs[code] = (await page.getByTestId(`spec-${code}`).textContent()).trim();
    seen.job = { specs, lang: await page.evaluate(() => document.documentElement.lang), axe: { laptop: await accessibility(page) } };
    seen.job.timeline = (await page.getByTestId("timeline").textContent()).trim();
    await shot("job");
    await phone();
    await page.evaluate(() => window.scrollTo(0, 0));
    const thumb = async () =>
      page.evaluate(() => {
        const button = document.querySelector('[data-testid="advance"]');
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return {
          viewportHeight: window.innerHeight,
          top: box.top,
          bottom: box.bottom,
          left: box.left,
          right: box.right,
          height: box.height,
          reachable: !!hit && button.contains(hit),
        };
      });
    seen.job.phone = { fit: await fit(page, "#root"), atTop: await thumb() };
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    seen.job.phone.atBottom = await thumb();
    seen.job.axe.phone = await accessibility(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("job");

    // ---- the settings page
    await laptop();
    await page.locator("header nav a").nth(1).click();
    await page.getByTestId("product-type-link").filter({ hasText: INPUT.settingsTypeName }).click();
    await page.getByTestId("settings-page").waitFor();
    await page.getByTestId("buyer-form-preview").waitFor();
    seen.settings = {
      fieldTypes: await page.getByTestId("spec-field-type").allTextContents(),
      preview: (await page.getByTestId("buyer-form-preview").textContent()).trim(),
      axe: { laptop: await accessibility(page) },
    };
    await shot("settings");
    await phone();
    seen.settings.phone = { fit: await fit(page, "#root") };
    seen.settings.axe.phone = await accessibility(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("settings");
    seen.lang = await page.evaluate(() => document.documentElement.lang);
    seen.problems = problems;
    return seen;
  } catch (error) {
    await shoot(page, `failure-${language}`).catch(() => null);
    throw error;
  } finally {
    await browser.close();
  }
}

scenarios.floor = async () => ({ en: await floorIn("en"), id: await floorIn("id") });

/** A spec field of the chat order form, filled as staff would: a choice
 * picked, anything else typed (a colour as #rrggbb). */
async function fillSpec(page, code, value) {
  const field = page.getByTestId(`chat-spec-${code}`);
  const control = field.locator('select, textarea, input:not([type="color"]):not([type="checkbox"])').first();
  if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
  else await control.fill(value);
}

/** A chat order taken from the header's link: a made-to-order product with
 * its specs and the buyer's WhatsApp number; a number that is none refused
 * beside its field; then the buyer link and the WhatsApp link to send. On a
 * laptop and a phone, in English and Indonesian, nothing wider than the
 * screen and no serious accessibility violations. */
scenarios.chatOrderCreate = async () => {
  const { browser, page, problems } = await signedIn();
  const shots = [];
  try {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(BASE_URL).origin }).catch(() => null);
    await page.getByTestId("nav-chat-orders").click();
    await page.getByTestId("chat-orders-page").waitFor();
    await page.getByTestId("new-chat-order").click();
    const form = page.getByTestId("chat-order-form");
    await form.waitFor();
    const productOptions = await form.getByLabel("Product", { exact: true }).locator("option").allTextContents();
    await form.getByLabel("Product", { exact: true }).selectOption({ label: INPUT.productName });
    await form.getByLabel("Quantity", { exact: true }).fill(String(INPUT.quantity));
    for (const [code, value] of Object.entries(INPUT.specs)) await fillSpec(page, code, value);
    const fileNote = (await page.getByTestId(`chat-spec-${INPUT.fileField}`).textContent()).trim();
    await form.getByLabel("Name", { exact: true }).fill(INPUT.name);
    await form.getByLabel("Note to the buyer (shown on their page)").fill(INPUT.note);

    // A number that is no phone number: the server's words beside the field.
    const phone = form.getByLabel("WhatsApp number", { exact: true });
    await phone.fill("halo kak");
    await form.getByRole("button", { name: "Create the buyer link" }).click();
    await page.locator('input[name="customerPhone"][aria-invalid="true"]').waitFor();
    const refusedId = (await phone.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
    const refused = (await page.locator(`[id="${refusedId}"]`).textContent()).trim();
    const summary = (await page.getByTestId("chat-form-errors").textContent()).trim();
    const formViolations = await accessibility(page);
    shots.push(await screenshot(page, "chat-orders-form-1440-en", { fullPage: true }));
    await page.setViewportSize({ width: 390, height: 844 });
    const formPhone = await fit(page, '[data-testid="new-chat-order-page"]');
    formViolations.push(...(await accessibility(page)));
    await phone.scrollIntoViewIfNeeded();
    shots.push(await screenshot(page, "chat-orders-form-390-en"));
    await page.setViewportSize({ width: 1440, height: 900 });

    // Taken: the buyer link and the buyer's WhatsApp chat with the message.
    await phone.fill(INPUT.phone);
    await form.getByRole("button", { name: "Create the buyer link" }).click();
    const created = page.getByTestId("chat-order-created");
    await created.waitFor();
    const whatsapp = created.getByRole("link", { name: /Open WhatsApp/ });
    const seen = {
      id: await created.getAttribute("data-draft-id"),
      status: (await created.getByTestId("chat-order-status").textContent()).trim(),
      buyerUrl: await created.getByTestId("chat-buyer-link").getAttribute("href"),
      whatsapp: {
        href: await whatsapp.getAttribute("href"),
        target: await whatsapp.getAttribute("target"),
        rel: await whatsapp.getAttribute("rel"),
      },
      message: await created.getByTestId("chat-share-message").textContent(),
      lines: await created.getByTestId("chat-order-line").allTextContents(),
      total: (await created.getByTestId("chat-order-total").textContent()).trim(),
      deposit: (await created.getByTestId("chat-order-deposit").textContent()).trim(),
      promised: (await created.getByTestId("chat-order-promised").textContent()).trim(),
      customer: (await created.getByTestId("chat-order-customer").textContent()).trim(),
    };
    await created.getByRole("button", { name: "Copy link" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-buyer-link-feedback"]')?.textContent.trim());
    const copied = (await created.getByTestId("copy-buyer-link-feedback").textContent()).trim();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    const violations = await accessibility(page);
    shots.push(await screenshot(page, "chat-orders-new-1440-en", { fullPage: true }));

    await page.setViewportSize({ width: 390, height: 844 });
    const phoneFit = { en: await fit(page, '[data-testid="new-chat-order-page"]') };
    violations.push(...(await accessibility(page)));
    await page.evaluate(() => window.scrollTo(0, 0));
    shots.push(await screenshot(page, "chat-orders-new-390-en"));
    await page.getByRole("button", { name: "ID", exact: true }).click();
    await created.getByTestId("chat-order-status").filter({ hasText: "Draf" }).waitFor();
    const indonesian = {
      title: (await page.locator('[data-testid="new-chat-order-page"] h2').first().textContent()).trim(),
      whatsapp: (await created.getByRole("link", { name: /Buka WhatsApp/ }).count()) === 1,
      copy: (await created.getByRole("button", { name: "Salin link" }).count()) === 1,
    };
    phoneFit.id = await fit(page, '[data-testid="new-chat-order-page"]');
    violations.push(...(await accessibility(page)));
    shots.push(await screenshot(page, "chat-orders-new-390-id"));
    await page.setViewportSize({ width: 1440, height: 900 });
    shots.push(await screenshot(page, "chat-orders-new-1440-id", { fullPage: true }));
    assert.deepEqual(problems, []);
    return {
      productOptions,
      fileNote,
      refused,
      summary,
      formPhone,
      created: seen,
      copied,
      clipboard,
      phone: phoneFit,
      indonesian,
      violations: [...formViolations, ...violations],
      screenshots: shots.filter(Boolean),
    };
  } catch (error) {
    await screenshot(page, "failure-chat-order-create", { fullPage: true }).catch(() => null);
    throw error;
  } finally {
    await browser.close();
  }
};

/** The chat orders after the buyer confirmed one (the page reloaded): it is
 * Confirmed, with its order's jobs a tap away; another, still a draft, is
 * cancelled after asking. On a laptop and a phone, in English and
 * Indonesian. */
scenarios.chatOrdersConfirmed = async () => {
  const { browser, page, problems } = await signedIn();
  const item = (id) => page.locator(`[data-testid="chat-order"][data-draft-id="${id}"]`);
  const shots = [];
  try {
    await page.getByTestId("nav-chat-orders").click();
    await page.getByTestId("chat-orders-page").waitFor();
    // A reload keeps the page (the server serves the app for its route).
    await page.reload();
    await page.getByTestId("chat-orders-page").waitFor();
    const confirmed = item(INPUT.confirmedId);
    await page.locator(`[data-testid="chat-order"][data-draft-id="${INPUT.confirmedId}"][data-status="CONFIRMED"]`).waitFor();
    const seen = {
      url: new URL(page.url()).pathname,
      status: (await confirmed.getByTestId("chat-order-status").textContent()).trim(),
      jobsLink: (await confirmed.getByTestId("chat-order-jobs").textContent()).trim(),
      shareShown: await confirmed.getByTestId("chat-share").count(),
      order: await page.locator('[data-testid="chat-order"]').evaluateAll((items) => items.map((el) => el.getAttribute("data-draft-id"))),
    };

    // Another one, called off: asked first.
    const other = item(INPUT.cancelId);
    await other.getByTestId("chat-cancel").click();
    const confirmText = (await other.getByTestId("chat-cancel-confirm").textContent()).trim();
    const violations = await accessibility(page);
    shots.push(await screenshot(page, "chat-orders-1440-en", { fullPage: true }));
    await other.getByRole("button", { name: "Yes, cancel the order" }).click();
    await page.locator(`[data-testid="chat-order"][data-draft-id="${INPUT.cancelId}"][data-status="CANCELLED"]`).waitFor();
    const cancelled = {
      status: (await other.getByTestId("chat-order-status").textContent()).trim(),
      feedback: (await other.getByTestId("chat-feedback").textContent()).trim(),
    };
    violations.push(...(await accessibility(page)));

    await page.setViewportSize({ width: 390, height: 844 });
    const phone = { en: await fit(page, '[data-testid="chat-orders-page"]') };
    violations.push(...(await accessibility(page)));
    await page.evaluate(() => window.scrollTo(0, 0));
    shots.push(await screenshot(page, "chat-orders-390-en"));
    await page.getByRole("button", { name: "ID", exact: true }).click();
    await confirmed.getByTestId("chat-order-status").filter({ hasText: "Dikonfirmasi" }).waitFor();
    const indonesian = {
      title: (await page.locator('[data-testid="chat-orders-page"] h2').first().textContent()).trim(),
      status: (await confirmed.getByTestId("chat-order-status").textContent()).trim(),
      jobsLink: (await confirmed.getByTestId("chat-order-jobs").textContent()).trim(),
      nav: (await page.getByTestId("nav-chat-orders").textContent()).trim(),
    };
    phone.id = await fit(page, '[data-testid="chat-orders-page"]');
    violations.push(...(await accessibility(page)));
    shots.push(await screenshot(page, "chat-orders-390-id"));
    await page.setViewportSize({ width: 1440, height: 900 });
    shots.push(await screenshot(page, "chat-orders-1440-id", { fullPage: true }));

    // The order's jobs, on the board.
    await confirmed.getByTestId("chat-order-jobs").click();
    await page.getByTestId("board").waitFor();
    await card(page, INPUT.orderNumber).first().waitFor();
    const jobs = await card(page, INPUT.orderNumber).count();
    assert.deepEqual(problems, []);
    return {
      confirmed: seen,
      confirmText,
      cancelled,
      phone,
      indonesian,
      jobs,
      violations,
      screenshots: shots.filter(Boolean),
    };
  } catch (error) {
    await screenshot(page, "failure-chat-orders", { fullPage: true }).catch(() => null);
    throw error;
  } finally {
    await browser.close();
  }
};

/** Until every chart is drawn at the size it is shown at: after a resize an
 * SVG is first scaled to its new box, then redrawn for it (Recharts measures
 * its container). */
async function chartsSettled(page) {
  await page.waitForFunction(() => {
    const svgs = [...document.querySelectorAll("svg.recharts-surface")];
    return svgs.length > 0 && svgs.every((svg) => Math.abs(Number(svg.getAttribute("width")) - svg.getBoundingClientRect().width) < 1);
  });
}

/** What reaches past `width` (the page's overflow, named). */
async function wider(page, width) {
  return page.evaluate((limit) => {
    const found = [];
    // Inside a box that clips (e.g. a screen reader's table) and stays within.
    const clipped = (el) => {
      for (let up = el.parentElement; up; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== "visible" && up.getBoundingClientRect().right <= limit + 0.5) return true;
      return false;
    };
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.right > limit + 0.5 && box.width > 0 && !clipped(el))
        found.push({ tag: el.tagName.toLowerCase(), className: String(el.getAttribute("class") || "").slice(0, 60), right: Math.round(box.right) });
    }
    return found.slice(0, 10);
  }, width);
}

/** The open-order backlog (issue 16) on a laptop and a phone, in English and
 * Indonesian: the summary figures, the charts (each an SVG with a name), the
 * jobs at risk (the late one's link opens its job), the CSV export, a product
 * type and the forecast's weeks as filters. */
scenarios.backlog = async () => {
  const { browser, page, problems } = await signedIn();
  const shots = [];
  const violations = [];
  const root = '[data-testid="backlog-page"]';
  const CHARTS = ["stages", "aging", "due", "cash"];
  // Charts drawn at once (no animation), as for anyone who asks for less motion.
  await page.emulateMedia({ reducedMotion: "reduce" });
  const ready = async () => {
    await page.locator(`${root}[data-state="ready"]`).waitFor();
    await page.locator('[data-testid="backlog-chart-cash"] svg.recharts-surface').waitFor();
    await chartsSettled(page);
  };
  const figures = () =>
    page.locator('[data-testid^="backlog-figure-"]').evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [
          item.getAttribute("data-testid").replace("backlog-figure-", ""),
          { value: Number(item.getAttribute("data-value")), text: item.querySelector("dd").textContent, label: item.querySelector("dt").textContent },
        ]),
      ),
    );
  const charts = async () => {
    const found = {};
    for (const key of CHARTS) {
      const chart = page.getByTestId(`backlog-chart-${key}`);
      const svg = chart.locator("svg.recharts-surface");
      const title = (await svg.locator(":scope > title").textContent()).trim();
      found[key] = {
        svgs: await svg.count(),
        title,
        desc: (await svg.locator(":scope > desc").textContent()).trim(),
        // Found by its role and name, as a screen reader finds it.
        named: await page.getByRole("application", { name: title, exact: true }).count(),
        bars: await chart.locator(".recharts-bar-rectangle").count(),
        tableRows: await chart.locator("table tbody tr").count(),
        box: await svg.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return { left: Math.round(box.left), right: Math.round(box.right), width: Math.round(box.width), height: Math.round(box.height) };
        }),
      };
    }
    return found;
  };
  const risks = () =>
    page.getByTestId("backlog-risk").evaluateAll((items) =>
      items.map((item) => ({
        jobId: item.getAttribute("data-job-id"),
        risk: item.getAttribute("data-risk"),
        order: item.getAttribute("data-order"),
        link: item.querySelector('[data-testid="backlog-risk-link"]').textContent,
        href: item.querySelector('[data-testid="backlog-risk-link"]').getAttribute("href"),
        badge: item.querySelector('[data-testid="backlog-risk-badge"]').textContent,
        due: item.querySelector('[data-testid="backlog-risk-due"]').textContent,
      })),
    );
  try {
    await page.getByTestId("nav-backlog").click();
    await ready();
    // A reload keeps the page (the server serves the app for its route).
    await page.reload();
    await ready();
    const english = {
      url: new URL(page.url()).pathname,
      nav: (await page.getByTestId("nav-backlog").textContent()).trim(),
      current: await page.getByTestId("nav-backlog").getAttribute("aria-current"),
      title: (await page.locator(`${root} h2`).first().textContent()).trim(),
      today: await page.getByTestId("backlog-today").getAttribute("data-today"),
      figures: await figures(),
      charts: await charts(),
      risks: await risks(),
      overdue: await page.getByTestId("backlog-overdue").evaluate((el) => ({ value: Number(el.getAttribute("data-value")), text: el.textContent })),
    };
    violations.push(...(await accessibility(page)));
    shots.push(await screenshot(page, "backlog-1440-en", { fullPage: true }));

    // The CSV, as the browser downloads it.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("backlog-export").click()]);
    const csv = { name: download.suggestedFilename(), text: readFileSync(await download.path(), "utf8") };
    const exported = (await page.getByTestId("backlog-exported").textContent()).trim();

    await page.setViewportSize({ width: 390, height: 844 });
    await chartsSettled(page);
    const phone = { en: await fit(page, root), charts: await charts(), wide: await wider(page, 390) };
    violations.push(...(await accessibility(page)));
    await page.evaluate(() => window.scrollTo(0, 0));
    shots.push(await screenshot(page, "backlog-390-en", { fullPage: true }));

    await page.getByRole("button", { name: "ID", exact: true }).click();
    await page.locator(`${root} h2`).filter({ hasText: "Backlog pesanan terbuka" }).waitFor();
    const indonesian = {
      nav: (await page.getByTestId("nav-backlog").textContent()).trim(),
      title: (await page.locator(`${root} h2`).first().textContent()).trim(),
      export: (await page.getByTestId("backlog-export").textContent()).trim(),
      figures: await figures(),
      risks: await risks(),
      charts: await charts(),
    };
    phone.id = await fit(page, root);
    violations.push(...(await accessibility(page)));
    shots.push(await screenshot(page, "backlog-390-id", { fullPage: true }));
    await page.setViewportSize({ width: 1440, height: 900 });
    await chartsSettled(page);
    const laptop = { id: await fit(page, root) };
    violations.push(...(await accessibility(page)));
    shots.push(await screenshot(page, "backlog-1440-id", { fullPage: true }));
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.locator(`${root} h2`).filter({ hasText: "Open-order backlog" }).waitFor();

    // One product type, and eight weeks of forecast.
    await page.getByLabel("Product type").selectOption({ label: INPUT.productTypeName });
    await page.getByLabel("Weeks of forecast").selectOption("8");
    await page.waitForFunction(
      (selector) => {
        const el = document.querySelector(selector);
        const variables = JSON.parse(el.getAttribute("data-variables"));
        return el.getAttribute("data-state") === "ready" && variables.productType && variables.weeks === 8;
      },
      root,
    );
    await ready();
    const filtered = {
      variables: JSON.parse(await page.locator(root).getAttribute("data-variables")),
      figures: await figures(),
      weeks: await page.locator('[data-testid="backlog-chart-cash"] table tbody tr').count(),
      risks: await risks(),
    };

    // The late job's link opens its page.
    await page.locator(`[data-testid="backlog-risk"][data-job-id="${INPUT.lateJobId}"] [data-testid="backlog-risk-link"]`).click();
    await page.getByTestId("job-page").waitFor();
    const job = { url: new URL(page.url()).pathname, text: (await page.getByTestId("job-page").textContent()).slice(0, 400) };
    assert.deepEqual(problems, []);
    return { english, csv, exported, phone, laptop, indonesian, filtered, job, violations, screenshots: shots.filter(Boolean) };
  } catch (error) {
    await screenshot(page, "failure-backlog", { fullPage: true }).catch(() => null);
    throw error;
  } finally {
    await browser.close();
  }
};

/** @saleor/app-sdk's own DashboardEventFactory, bundled for a browser page
 * (the global SaleorAppSdk). */
async function dashboardEventFactory() {
  const result = await build({
    stdin: { contents: 'export { DashboardEventFactory } from "@saleor/app-sdk/app-bridge";', resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "SaleorAppSdk",
    platform: "browser",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** The Saleor dashboard's part, on an origin of its own (another port): an
 * order page that mounts the widget in an iframe at the URL Saleor 3's
 * dashboard builds, sends the handshake with the staff token once the frame
 * is loaded and again when the app says it is ready (as the dashboard does),
 * answers every action, sizes the frame to each widgetResize and records
 * what the app posted. */
async function dashboardHost(widgetUrl, token) {
  const factory = await dashboardEventFactory();
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order (a dashboard stand-in)</title>
<style>body { margin: 0; font-family: system-ui; } aside { width: 100%; } iframe { border: 0; width: 100%; height: 120px; display: block; }</style>
</head><body><main><h1>Order</h1><aside><iframe id="widget" title="Made to order" src="${widgetUrl}"></iframe></aside></main>
<script src="/app-sdk.js"></script>
<script>
  const Factory = SaleorAppSdk.DashboardEventFactory;
  const frame = document.getElementById("widget");
  const appOrigin = new URL(frame.src).origin;
  const token = ${JSON.stringify(token)};
  window.received = [];
  const post = (event) => frame.contentWindow.postMessage(event, appOrigin);
  frame.addEventListener("load", () => post(Factory.createHandshakeEvent(token)));
  window.addEventListener("message", (event) => {
    if (event.origin !== appOrigin || !event.data || !event.data.type) return;
    const { type, payload } = event.data;
    window.received.push({ type, payload });
    if (type === "notifyReady") post(Factory.createHandshakeEvent(token));
    if (type === "widgetResize") frame.style.height = payload.height + "px";
    if (payload && payload.actionId) post(Factory.createDispatchResponseEvent(payload.actionId, true));
  });
</script></body></html>`;
  const server = createServer((request, response) => {
    if (request.url === "/app-sdk.js") {
      response.writeHead(200, { "Content-Type": "text/javascript" });
      response.end(factory);
    } else {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(html);
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  assert.notEqual(new URL(url).origin, new URL(BASE_URL).origin);
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The order page's widget embedded in a dashboard (Saleor 3's
 * ORDER_DETAILS_WIDGETS): signed in by the handshake alone, the order's jobs
 * and no other's, its height reported to the dashboard, no serious
 * accessibility violation, fitting a 390 and a 300 px sidebar. */
scenarios.widgetEmbedded = async () => {
  const params = new URLSearchParams({
    domain: new URL(BASE_URL).host,
    saleorApiUrl: `${BASE_URL}/graphql/`,
    id: "app",
    theme: "light",
    orderId: INPUT.orderId,
  });
  const host = await dashboardHost(`${APP}order?${params}`, INPUT.token);
  const browser = await launch();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  // In every frame, from its first moment: did a sign-in form ever show?
  await browser.context.addInitScript(() => {
    window.__signInForms = 0;
    new MutationObserver(() => {
      if (document.querySelector('input[type="password"]')) window.__signInForms += 1;
    }).observe(document, { childList: true, subtree: true });
  });
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(host.url);
    const widget = page.frameLocator("#widget");
    await widget.getByTestId("widget-jobs").waitFor();
    await widget.getByRole("heading", { level: 1, name: new RegExp(`#${INPUT.order}$`) }).waitFor();
    const frame = page.frames().find((f) => f.url().startsWith(`${APP}order`));
    assert.ok(frame, "the widget's frame is not there");
    const jobs = await frame.evaluate(() =>
      [...document.querySelectorAll('[data-testid="widget-job"]')].map((item) => ({
        id: item.getAttribute("data-job-id"),
        order: item.getAttribute("data-order"),
        status: item.getAttribute("data-status"),
        href: item.querySelector("a").getAttribute("href"),
        target: item.querySelector("a").getAttribute("target"),
        stage: item.querySelector('[data-testid="widget-stage"]').textContent.trim(),
        progress: item.querySelector('[data-testid="widget-stage-position"]')?.textContent.trim() ?? null,
        payment: item.querySelector('[data-testid="payment-status"]').textContent.trim(),
        promised: item.querySelector('[data-testid="widget-promised"]').textContent.trim(),
      })),
    );
    // The dashboard was told the widget's height, and sized the frame to it.
    const contentHeight = async () => frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="order-widget"]').getBoundingClientRect().height));
    const resizes = async () => (await page.evaluate(() => window.received)).filter((m) => m.type === "widgetResize").map((m) => m.payload.height);
    const waitForHeight = async () => {
      const wanted = await contentHeight();
      await page.waitForFunction((h) => window.received.some((m) => m.type === "widgetResize" && m.payload.height === h), wanted);
      return wanted;
    };
    const height390 = await waitForHeight();
    const frameHeight = await page.evaluate(() => document.getElementById("widget").getBoundingClientRect().height);
    const fit390 = await fit(frame, '[data-testid="order-widget"]');
    const axe = await accessibility(frame);
    const shot = await screenshot(page, "widget-390-en", { fullPage: true });
    // A narrower sidebar: the content wraps, grows, and says so again.
    await page.evaluate(() => (document.querySelector("aside").style.width = "300px"));
    await page.waitForFunction(() => document.getElementById("widget").getBoundingClientRect().width === 300);
    const height300 = await waitForHeight();
    const fit300 = await fit(frame, '[data-testid="order-widget"]');
    const received = await page.evaluate(() => window.received.map((m) => m.type));
    const signInForms = await frame.evaluate(() => window.__signInForms);
    assert.deepEqual(problems, []);
    return {
      jobs,
      resizes: await resizes(),
      height390,
      height300,
      frameHeight,
      fit390,
      fit300,
      axe,
      received,
      signInForms,
      signInShown: await frame.locator('input[type="password"]').count(),
      screenshots: [shot].filter(Boolean),
    };
  } catch (error) {
    await screenshot(page, "failure-widget").catch(() => null);
    throw error;
  } finally {
    await browser.close();
    await host.close();
  }
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
