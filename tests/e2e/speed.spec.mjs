// The speed experiment in the real page: a run over a small array times every kernel in
// WebAssembly and in JS (results finite and ordered as they must be, never checked against a
// clock), Cancel stops a large run and frees it, the prediction is judged against the run's own
// ratio in both languages, and the array size comes from the link and goes back into it.
// Numbers are read from the table's data-value attributes, states from data-state and
// data-verdict, never from prose.

import { test, expect, open, settled, canvasHashes, problemKeys, valueOf } from "./fixtures.mjs";

const KERNELS = ["relu", "relu-fb", "sigmoid", "sigmoid-fb", "tanh", "tanh-fb"];

/** Every number of the speed table, by output id (absent: null). */
const table = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll("#speed-table output")]
    .map((o) => [o.id, o.dataset.value === undefined ? null : Number(o.dataset.value)])));

const status = (page) => page.locator("#speed-status");

/** Runs the measurement at the link's size and waits for its end. */
async function measure(page) {
  await page.locator("#speed-run").click();
  await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  return table(page);
}

/** The right answer for the run's sigmoid ÷ ReLU ratio, as the core's thresholds judge it. */
const answerFor = (cells) => {
  const ratio = cells["speed-wasm-sigmoid"] / cells["speed-wasm-relu"];
  return ratio < 2 ? "under2" : ratio < 10 ? "2to10" : "over10";
};

test("a run over 4K elements times every kernel in both engines, and the copy", async ({ page }) => {
  await open(page, "#speedn=4K");
  const chart = async () => (await canvasHashes(page)).find((e) => e.startsWith("speed-canvas:"));
  const before = await chart();
  expect(Object.values(await table(page)).every((v) => v === null), "empty before a run").toBe(true);
  const cells = await measure(page);
  for (const [id, value] of Object.entries(cells)) {
    expect(Number.isFinite(value) && value > 0, `${id} = ${value}`).toBe(true);
  }
  for (const key of KERNELS) {
    const ratio = cells[`speed-js-${key}`] / cells[`speed-wasm-${key}`];
    expect(cells[`speed-ratio-${key}`]).toBeCloseTo(ratio, 6);
    expect(cells[`speed-copy-ratio-${key}`]).toBeCloseTo(cells[`speed-wasm-${key}`] / cells["speed-copy"], 6);
  }
  // An exponential per element costs more than one comparison per four, whatever the device.
  expect(cells["speed-wasm-sigmoid"]).toBeGreaterThan(cells["speed-wasm-relu"]);
  expect(cells["speed-wasm-tanh"]).toBeGreaterThan(cells["speed-wasm-relu"]);
  expect(Number(await status(page).getAttribute("data-total-ms"))).toBeGreaterThan(0);
  await expect(page.locator("#speed-progress")).toHaveAttribute("value", "100");
  expect(await chart()).not.toBe(before);
  await expect(page.locator("#speed-canvas")).toHaveAttribute("aria-label", /4K/);
  await expect(page.locator("#speed-run")).toBeEnabled();
  await expect(page.locator("#speed-cancel")).toBeDisabled();
});

test("Cancel stops a run over 16M elements, frees it, and shows no numbers", async ({ page }) => {
  await open(page, "#speedn=16M");
  await page.locator("#speed-run").click();
  await expect(status(page)).toHaveAttribute("data-state", "running");
  await expect(page.locator("#speed-run")).toBeDisabled();
  await expect(page.locator("#speed-size")).toBeDisabled();
  await page.locator("#speed-cancel").click();
  await expect(status(page)).toHaveAttribute("data-state", "cancelled");
  await expect(page.locator("#speed-cancel")).toBeDisabled();
  await expect(page.locator("#speed-run")).toBeEnabled();
  await expect(page.locator("#speed-size")).toBeEnabled();
  expect(Object.values(await table(page)).every((v) => v === null)).toBe(true);
  await expect(page.locator("#speed-message")).toBeEmpty();
});

for (const lang of ["en", "zh-CN"]) {
  test(`${lang}: the speed prediction is judged by the run's own ratio, right and wrong`, async ({ page }) => {
    await open(page, `#lang=${lang}&speedn=4K`);
    const verdict = page.locator("#speed-verdict");
    await page.locator("#speed-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "missing");
    // Checking with no run yet measures first, then judges.
    await page.locator("#speed-guess-under2").check();
    await expect(verdict).toHaveAttribute("data-verdict", "");
    await page.locator("#speed-check").click();
    await expect(verdict).not.toHaveAttribute("data-verdict", "");
    await expect(status(page)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
    const cells = await table(page);
    const right = answerFor(cells);
    await expect(verdict).toHaveAttribute("data-verdict", right === "under2" ? "right" : "wrong");
    await expect(verdict).not.toBeEmpty();
    // With a run at this size, Check judges at once, against the same numbers.
    const total = await status(page).getAttribute("data-total-ms");
    const wrong = ["under2", "2to10", "over10"].find((choice) => choice !== right);
    await page.locator(`#speed-guess-${wrong}`).check();
    await page.locator("#speed-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "wrong");
    await page.locator(`#speed-guess-${right}`).check();
    await page.locator("#speed-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "right");
    expect(await status(page).getAttribute("data-total-ms"), "no second run").toBe(total);
    expect(await table(page)).toEqual(cells);
  });
}

test("the array size comes from the link, goes back into it, and a bad one is refused by key", async ({ page }) => {
  await open(page, "#speedn=2M");
  expect(await problemKeys(page)).toEqual(["speedn"]);
  expect(await valueOf(page, "speed-size")).toBe("1M");
  await page.locator("#speed-size").selectOption("64K");
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#speedn=64K");
  await open(page, "#speedn=16K");
  expect(await valueOf(page, "speed-size")).toBe("16K");
  expect(await problemKeys(page)).toEqual([]);
});
