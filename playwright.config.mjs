// End-to-end tests of the built page (tests/e2e/*.spec.mjs), run by `cargo xtask test`, which
// builds www/, serves it (with the page's Content-Security-Policy) on an ephemeral port, and
// runs `playwright test` with E2E_BASE_URL set to that server.
//
// To run one spec yourself: `cargo xtask serve --port 8000` in one shell, then
// `E2E_BASE_URL=http://127.0.0.1:8000/ npx playwright test tests/e2e/lab.spec.mjs` in another
// (add `-g "divergence"` for one test). Traces of failed tests are kept under target/e2e/;
// open one with `npx playwright show-trace target/e2e/<test>/trace.zip`.
//
// The browser is Debian's Chromium (/usr/bin/chromium; CHROMIUM overrides it). Never run
// `npx playwright install`: Playwright's own browser downloads fail on these machines.

import { defineConfig } from "@playwright/test";

import { CHROMIUM, CHROMIUM_ARGS, DESKTOP } from "./tests/e2e/browser.mjs";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  outputDir: "target/e2e",
  fullyParallel: true,
  // Two cores, shared with the build: more workers only slow every test down.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: the machine is shared, and every wait is on a condition, so a healthy test ends
  // as soon as the page gets there.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // `list` prints each test as it ends and the failures at the end; summary.mjs closes with
  // one line of counts.
  reporter: [["list"], ["./tests/e2e/summary.mjs"]],
  // The fuzz run measures frame times, so it runs alone, after everything else.
  projects: [
    { name: "page", testIgnore: "fuzz.spec.mjs" },
    { name: "fuzz", testMatch: "fuzz.spec.mjs", dependencies: ["page"] },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL || "http://127.0.0.1:8000/",
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    ...DESKTOP,
    trace: "retain-on-failure",
  },
});
