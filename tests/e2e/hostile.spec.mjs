// Hostile links: URL hashes a person could be sent (or a teacher could mistype), each loaded in
// a fresh page. Whatever the hash, the page must finish loading (data-drawn), draw every
// canvas, say which keys it refused (`#page-message` non-empty, its data-problems naming them)
// or, for values it rightly accepts, say nothing; and it must still respond: ArrowRight on the
// x slider changes the graph's pixels. The fixture fails a test on any console error, page
// error, dialog (an injected `alert`) or CSP violation.

import { DRAWN_TIMEOUT_MS } from "./browser.mjs";
import { expect, graphHash, nextFrame, open, problemKeys, test } from "./fixtures.mjs";

/** How long a hostile page may take to draw before the test gives up on it (a page that hangs
 * never does). */
const HOSTILE_DRAWN_MS = Math.min(DRAWN_TIMEOUT_MS, 15_000);

const XSS = "<img src=x onerror=alert(1)>";

/**
 * Each case: `hash`; `name` (for the title, when the hash is too long to be one); `refused`,
 * keys that data-problems must name (all of them, or with `anyOf`, at least one: a range whose
 * two ends are both bad may be reported by its first); `accepted` for links the page rightly
 * takes (then it must show no message); `check`, more to assert; `tag`, for a case that waits on
 * work elsewhere.
 */
const CASES = [
  // A span of one subnormal: once, the axis-tick loop never ended. State refuses a range
  // narrower than its minimum span.
  { hash: "#xmin=0&xmax=1e-320", refused: ["xmin", "xmax"] },
  { hash: "#xmin=-1e308&xmax=1e308", refused: ["xmin", "xmax"], anyOf: true },
  { hash: "#x=NaN", refused: ["x"] },
  { hash: "#x=inf", refused: ["x"] },
  // −0 and a subnormal are slopes in [0, 1]: accepted, and drawn (the overlay is on).
  { hash: "#slope=-0&leaky=1", accepted: true },
  { hash: "#slope=1e-320&leaky=1", accepted: true },
  { hash: "#xmax=%ZZ", refused: ["xmax"] },
  { hash: "#xmin=%", refused: ["xmin"] },
  { name: "#x=<a 100 000-character number>", hash: `#x=${"9".repeat(100_000)}`, refused: ["x"] },
  { hash: "#width=99999999999999999999", refused: ["width"] },
  { hash: "#n=1e9", refused: ["n"] },
  { hash: "#spf=1e9", refused: ["spf"] },
  { hash: "#seed=-1", refused: ["seed"] },
  { hash: "#lr=1e-320", refused: ["lr"] },
  { hash: "#bw=1e9&bd=-1", refused: ["bw", "bd"] },
  // The last value of a repeated key wins; a bad last value is refused and an earlier good
  // one kept.
  { hash: "#x=1&x=2&x=abc", refused: ["x"], check: async (page) => {
    expect(Number(await page.locator("#x-value").inputValue()), "x keeps the last good value").toBe(2);
  } },
  { hash: "#x=1&x=2", accepted: true, check: async (page) => {
    expect(Number(await page.locator("#x-value").inputValue()), "the last value of a repeated key").toBe(2);
  } },
  {
    // Markup in a text value is text: the torch panel shows it in its field and refuses it as
    // a tensor; no element is created from it (and no alert runs: the fixture fails on dialogs).
    hash: `#tx=${XSS}`, accepted: true, check: async (page) => {
      expect(await page.locator("#torch-x").inputValue(), "#torch-x shows the value as text").toBe(XSS);
      await expect(page.locator("#torch-message"), "#torch-message refuses it").not.toHaveText("");
      expect(await page.evaluate(() => document.querySelectorAll("img, [onerror]").length), "elements made from the link").toBe(0);
    },
  },
  {
    // Longer than the torch panel takes (200 000 characters): refused, the example kept.
    name: "#tx=<100 000 numbers>",
    hash: `#tx=${Array.from({ length: 100_000 }, (_, i) => String(i % 7 - 3)).join(",")}`,
    refused: ["tx"],
  },
  {
    // Within its limits but past PyTorch's threshold of 1000: printed summarised, as PyTorch
    // prints it, with the first and last three values.
    name: "#tx=<5000 numbers>&tg=<5000 ones>",
    hash: `#tx=${Array.from({ length: 5000 }, (_, i) => String(i % 7 - 3)).join(",")}&tg=${Array(5000).fill("1").join(",")}`,
    accepted: true,
    check: async (page) => {
      await expect(page.locator("#torch-y")).toHaveText("tensor([0., 0., 0.,  ..., 3., 0., 0.], grad_fn=<ReluBackward0>)");
      await expect(page.locator("#torch-message")).toHaveText("");
    },
  },
  { hash: "#%00=%FF%FE", accepted: true },
];

// A page that hangs also hangs Playwright's wait for data-drawn (its renderer answers nothing),
// so the test's own timeout is the bound that holds: short, as a healthy case takes seconds.
test.describe.configure({ timeout: 40_000 });

for (const c of CASES) {
  const title = `hostile link ${c.name ?? c.hash}: the page loads, draws, ${c.accepted ? "accepts it" : `refuses ${c.refused.join(c.anyOf ? " or " : " and ")}`} and still responds`;
  test(title, { tag: c.tag ? [c.tag] : [] }, async ({ page }) => {
    await open(page, c.hash, HOSTILE_DRAWN_MS);
    expect(await page.evaluate(() => window.__relu.blankCanvases()), "blank canvases").toEqual([]);

    const keys = await problemKeys(page);
    if (c.accepted) {
      expect(keys, "#page-message data-problems").toEqual([]);
      await expect(page.locator("#page-message"), "#page-message").toHaveText("");
    } else {
      await expect(page.locator("#page-message"), "#page-message").not.toHaveText("");
      if (c.anyOf) {
        expect(c.refused.filter((key) => keys.includes(key)), `data-problems ${JSON.stringify(keys)} names one of ${c.refused}`)
          .not.toEqual([]);
      } else {
        expect(keys, "#page-message data-problems").toEqual(expect.arrayContaining(c.refused));
      }
    }
    if (c.check) await c.check(page);

    const slider = page.locator("#x-value");
    const before = await graphHash(page);
    const atMax = await slider.evaluate((el) => Number(el.value) >= Number(el.max));
    await slider.focus();
    await page.keyboard.press(atMax ? "ArrowLeft" : "ArrowRight");
    await nextFrame(page);
    await expect.poll(() => graphHash(page), { message: "the graph did not change after a key on the x slider" })
      .not.toBe(before);
  });
}
