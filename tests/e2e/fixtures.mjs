// The end-to-end tests' fixtures and helpers.
//
// `test` is Playwright's, with a browser context that watches every page opened in it (the
// `page` fixture and any page a test opens itself) for what must never happen on a healthy
// page, and fails the test at teardown if any did:
//   - a console error or warning, an uncaught exception, a dialog (alert, confirm, prompt);
//   - a request that failed or got HTTP 400 or more;
//   - a request to another origin (aborted, too: the page must work offline);
//   - a `securitypolicyviolation` event (the server sends the page's Content-Security-Policy).
// Every page also gets tests/e2e/in_page.js, which defines `window.__relu` (canvas hashes,
// blank detection, frame waits).
//
// Waits are on what the page reports, never on a clock: `<html data-drawn>` (first complete
// render), `<html data-frames>` (renders so far), animation frames, `#lab`'s data-
// attributes, `window.reluExplorer` (labSteps(), stateHash()).

import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";

import { DRAWN_TIMEOUT_MS } from "./browser.mjs";

export { expect };

/** The in-page helpers, injected into every page. */
export const IN_PAGE = fileURLToPath(new URL("./in_page.js", import.meta.url));

/** In every page, before its scripts: reports each CSP violation to the test. */
function reportViolations() {
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__reluViolation({
      directive: event.effectiveDirective || event.violatedDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      sample: event.sample,
    });
  });
}

export const test = base.extend({
  // The one file a test of the offline single file opens (its file:// URL, without a hash):
  // then only that file may load, not even the served page.
  onlyFile: [undefined, { option: true }],
  context: async ({ context, baseURL, onlyFile }, use) => {
    const origin = new URL(baseURL).origin;
    /** Whether `url` (a URL) is the page's own: on the server, or the single file. */
    const own = (url) => (onlyFile ? `${url.origin === "null" ? url.protocol + "//" : url.origin}${url.pathname}` === onlyFile
      : url.origin === origin);
    /** Each problem once, with how many times it happened. */
    const problems = new Map();
    const problem = (what) => problems.set(what, (problems.get(what) ?? 0) + 1);

    await context.exposeBinding("__reluViolation", ({ page }, v) =>
      problem(`Content-Security-Policy violation on ${page.url().slice(0, 80)}: ${v.directive} ` +
        `blocked ${v.blocked || "(inline)"} at ${v.source}${v.sample ? ` (${JSON.stringify(v.sample)})` : ""}`));
    await context.addInitScript({ path: IN_PAGE });
    await context.addInitScript(reportViolations);
    // Never let a request out (each is recorded below); data: and blob: URLs are not routed.
    await context.route((url) => !own(url), (route) => route.abort("blockedbyclient"));

    const watch = (page) => {
      page.on("console", (msg) => {
        if (msg.type() === "error" || msg.type() === "warning") {
          const at = msg.location()?.url ? ` at ${msg.location().url}:${msg.location().lineNumber}` : "";
          problem(`console ${msg.type()}: ${msg.text().slice(0, 500)}${at}`);
        }
      });
      page.on("pageerror", (err) => problem(`uncaught exception: ${err.message}`));
      page.on("dialog", (dialog) => {
        problem(`a ${dialog.type()} dialog: ${JSON.stringify(dialog.message())}`);
        dialog.dismiss().catch(() => {});
      });
      page.on("requestfailed", (req) => {
        problem(`request failed: ${req.url().slice(0, 200)} (${req.failure()?.errorText})`);
      });
      page.on("response", (res) => {
        if (res.status() >= 400) problem(`HTTP ${res.status()} for ${res.url().slice(0, 200)}`);
      });
      page.on("request", (req) => {
        const url = new URL(req.url());
        if (!["data:", "blob:"].includes(url.protocol) && !own(url)) {
          problem(`request to ${onlyFile ? "anything but the file" : "another origin"}: ${req.url().slice(0, 200)}`);
        }
      });
    };
    context.pages().forEach(watch);
    context.on("page", watch);

    await use(context);

    const list = [...problems].map(([what, count]) => (count > 1 ? `${what} (${count} times)` : what));
    if (list.length) {
      throw new Error(`${list.length} problem(s) on the page:\n  ${list.join("\n  ")}`);
    }
  },
});

// ---------------------------------------------------------------------------------------------
// Waiting on what the page reports.

/** Loads the page with `hash` (such as "#x=1", or "" for none) in `page`, as a new document
 * whatever `page` showed before, and waits until it has drawn every canvas once. */
export async function open(page, hash = "", timeout = DRAWN_TIMEOUT_MS) {
  // A page already showing the explorer would only follow the new hash, in the same document,
  // whose data-drawn is already set: a test would read the page before it had followed.
  if (page.url() !== "about:blank") await page.goto("about:blank");
  // Not waiting for the load event: data-drawn is what says the page is ready, and a page that
  // hangs should fail on that, with that message.
  await page.goto(hash || "./", { waitUntil: "commit" });
  await drawn(page, timeout);
  return page;
}

/** Opens a new page of `context` with `hash`, drawn. */
export async function openNew(context, hash = "", timeout = DRAWN_TIMEOUT_MS) {
  return open(await context.newPage(), hash, timeout);
}

/** Waits until `<html data-drawn="true">`: the page's first complete render. A page that never
 * gets there fails with what it had done: how far it loaded, which of its files arrived, and
 * whether its module ran. */
export async function drawn(page, timeout = DRAWN_TIMEOUT_MS) {
  try {
    await expect(page.locator("html"), "the page never set data-drawn: it did not finish loading")
      .toHaveAttribute("data-drawn", "true", { timeout });
  } catch (error) {
    error.message += `\n\nWhere the page was:\n${await loadReport(page)}`;
    throw error;
  }
}

/** Milliseconds the load report may take: a hung renderer answers nothing. */
const REPORT_TIMEOUT_MS = 3_000;

/** What a page that did not finish loading had done, as text for a failure message. */
async function loadReport(page) {
  const report = page.evaluate(() => ({
    readyState: document.readyState,
    html: [...document.documentElement.attributes].map((a) => `${a.name}="${a.value}"`).join(" "),
    mounted: typeof window.reluExplorer,
    navigation: performance.getEntriesByType("navigation").map((e) => Math.round(e.responseEnd)),
    // Only the files that have arrived: one still loading is missing from the list.
    files: performance.getEntriesByType("resource").map((e) =>
      `${new URL(e.name).pathname.slice(0, 60)}: started ${Math.round(e.startTime)} ms, ` +
      `done ${Math.round(e.responseEnd)} ms, status ${e.responseStatus}`),
    now: Math.round(performance.now()),
  }));
  const timer = new Promise((resolve) => setTimeout(resolve, REPORT_TIMEOUT_MS, "(the page did not answer)"));
  try {
    const got = await Promise.race([report, timer]);
    return typeof got === "string" ? got : JSON.stringify(got, null, 2);
  } catch (error) {
    return `(no report: ${error.message})`;
  }
}

/** Resolves at the next animation frame: a render the page scheduled for an event that has
 * been handled is done by then. */
export function nextFrame(page) {
  return page.evaluate(() => window.__relu.nextFrame());
}

/** Resolves after `count` animation frames. */
export function afterFrames(page, count) {
  return page.evaluate((n) => window.__relu.afterFrames(n), count);
}

/** Waits until no render is pending (two animation frames without one). Never resolves while
 * the lab trains; bounded by the test's timeout. */
export function idle(page) {
  return page.evaluate(() => window.__relu.idle());
}

/** Waits until the page has written its state to the URL hash (it does so 250 ms after the
 * last change): `location.hash` is `#` + `reluExplorer.stateHash()`. */
export async function hashWritten(page, timeout = 5_000) {
  await expect.poll(() => page.evaluate(() => {
    const want = window.reluExplorer.stateHash();
    return location.hash.replace(/^#/, "") === want ? "written" : `${location.hash} (want #${want})`;
  }), { message: "location.hash never caught up with the page's state", timeout }).toBe("written");
}

/** Waits until nothing is pending: renders done and the URL hash written. */
export async function settled(page) {
  await idle(page);
  await hashWritten(page);
}

// ---------------------------------------------------------------------------------------------
// Reading the page.

/** Every canvas's `id:WxH:hash`. */
export const canvasHashes = (page) => page.evaluate(() => window.__relu.canvasHashes());

/** The graph canvas's pixel hash. */
export const graphHash = (page) =>
  page.evaluate(() => window.__relu.canvasHash(document.getElementById("graph-canvas")));

/** Each canvas's backing store, CSS size, DPR and blankness. */
export const canvasReport = (page) => page.evaluate(() => window.__relu.canvasReport());

/** What is wrong with a canvas report: blank canvases, and backing stores that are not CSS
 * size × devicePixelRatio (within 1.5 px). Empty when every canvas is right. */
export function canvasProblems(report) {
  if (report.length === 0) return ["the page has no canvas"];
  const bad = [];
  for (const c of report) {
    if (c.blank) bad.push(`${c.id} is blank (one colour, or no backing store)`);
    const wantW = c.cssWidth * c.dpr;
    const wantH = c.cssHeight * c.dpr;
    if (Math.abs(c.width - wantW) > 1.5 || Math.abs(c.height - wantH) > 1.5) {
      bad.push(`${c.id} backing store ${c.width}x${c.height}, want CSS ${c.cssWidth}x${c.cssHeight} × ${c.dpr} = ${wantW}x${wantH}`);
    }
  }
  return bad;
}

/** An element's trimmed text. */
/** The URL-hash keys `#page-message` says were refused (its data-problems), for tests that must
 * not read the translated message. */
export const problemKeys = (page) => page.locator("#page-message").evaluate((el) =>
  (el.dataset.problems ?? "").split(",").filter(Boolean));

export const textOf = (page, id) => page.locator(`#${id}`).evaluate((el) => el.textContent.trim());

/** An input's value. */
export const valueOf = (page, id) => page.locator(`#${id}`).inputValue();

// ---------------------------------------------------------------------------------------------
// Accessibility.

/** The WCAG 2.2 A and AA violations axe-core finds in `page` (within `include`, a selector, when
 * given), one line each: rule, help, how many nodes and the first three. Empty when none. */
export async function axeViolations(page, include) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.map((v) =>
    `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}
