// The page runs under its Content-Security-Policy (README, "Content-Security-Policy"): the
// server sends it with every response, and nothing on the page violates it. The fixture records
// every `securitypolicyviolation` event in every test and fails the test on any, so a violation
// fails the whole suite; this test says so by name, and checks the header.

import { drawn, expect, test } from "./fixtures.mjs";

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'";

test("CSP: every response carries the policy, and the page loads, draws and trains under it",
  async ({ page }) => {
    const responses = [];
    page.on("response", (response) => responses.push(response));
    const main = await page.goto("./");
    expect(main.headers()["content-security-policy"], "the page's Content-Security-Policy header").toBe(POLICY);
    await drawn(page);
    // Exercise what the page does after load too: a redraw, the lab's charts while it trains.
    await page.locator("#lab-play").click();
    await expect.poll(() => page.evaluate(() => window.reluExplorer.labSteps())).toBeGreaterThan(0);
    await page.locator("#lab-play").click();
    await expect(page.locator("#lab")).toHaveAttribute("data-running", "false");
    const without = responses.filter((r) => r.headers()["content-security-policy"] !== POLICY).map((r) => r.url());
    expect(without, "responses without the policy").toEqual([]);
    expect(responses.length, "responses seen").toBeGreaterThan(3);
    // Zero securitypolicyviolation events: checked by the fixture when this test ends.
  });
