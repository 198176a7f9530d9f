// Headless Chromium for the end-to-end tests (playwright.config.mjs takes its path, flags and
// viewport from here) and the benchmark (xtask/bench/bench.mjs, which also uses the helpers).
//
// Debian's Chromium (never a browser Playwright downloads). Without the background-networking
// flags Chromium keeps opening connections that this machine's closed network refuses.

import { chromium } from "playwright-core";

/** Debian's Chromium; CHROMIUM overrides it. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** Flags for running as root in a container without a GPU or network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The desktop viewport the tests and the benchmark use, on a HiDPI screen. */
export const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 };

/** How long the page may take to draw every canvas before a test or the benchmark gives up. */
export const DRAWN_TIMEOUT_MS = 20_000;

/** Launches headless Chromium, with `extraArgs` after the usual flags. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Resolves once the page says every canvas has been drawn once. */
export async function waitForDrawn(page) {
  await page.waitForFunction(() => document.documentElement.dataset.drawn === "true", null, {
    timeout: DRAWN_TIMEOUT_MS,
  });
}

/** Resolves after two animation frames, by when a change has been rendered. */
export async function twoFrames(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
