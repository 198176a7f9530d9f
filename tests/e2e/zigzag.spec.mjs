// The not-zero-centred experiment in the real page: its prediction is judged right, wrong and
// unanswered and then shows its case; the sliders and New examples change the table and the
// chart and go into the link; bad values in the link are refused by key; it embeds alone; in
// both languages. Numbers are read from the table's data-value attributes, never from prose.

import { test, expect, open, settled, canvasHashes, problemKeys, valueOf } from "./fixtures.mjs";

const RUNS = ["positive", "centred"];

/** The table's numbers by run: steps taken, distance to the minimum at the end, and the share
 * of steps that moved both weights the same way. */
const readouts = (page) => page.evaluate((runs) => Object.fromEntries(runs.map((run) => {
  const value = (what) => Number(document.getElementById(`zigzag-${what}-${run}`).dataset.value);
  return [run, { steps: value("steps"), distance: value("distance"), same: value("same") }];
})), RUNS);

/** The chart's pixel hash. */
const chart = async (page) =>
  (await canvasHashes(page)).find((entry) => entry.startsWith("zigzag-canvas:"));

for (const lang of ["en", "zh-CN"]) {
  test(`${lang}: not zero-centred: the prediction is judged unanswered, wrong and right, and shows rate 3`, async ({ page }) => {
    await open(page, `#lang=${lang}&zrate=0.5&zsteps=10&zseed=5`);
    const before = await chart(page);
    const verdict = page.locator("#zigzag-verdict");
    await page.locator("#zigzag-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "missing");
    await page.locator("#zigzag-guess-positive").check();
    await expect(verdict).toHaveAttribute("data-verdict", "");
    await page.locator("#zigzag-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "wrong");
    await expect(verdict).not.toBeEmpty();
    // The question's case: rate 3, 64 steps, the default examples (seed 1).
    expect([await valueOf(page, "zigzag-rate"), await valueOf(page, "zigzag-steps")]).toEqual(["3", "64"]);
    await expect.poll(() => readouts(page).then((r) => r.centred.steps)).toBe(64);
    const shown = await readouts(page);
    expect(shown.centred.distance).toBeLessThan(1e-4);
    expect(shown.positive.distance).toBeGreaterThan(1);
    expect(shown.positive.same).toBe(1);
    expect(await chart(page)).not.toBe(before);
    await page.locator("#zigzag-guess-centred").check();
    await page.locator("#zigzag-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "right");
    await settled(page);
    expect(await page.evaluate(() => window.reluExplorer.stateHash())).toBe(`zrate=3&lang=${lang}`);
  });
}

test("not zero-centred: every positive step moves both weights the same way; the controls change the table, the chart and the link", async ({ page }) => {
  await open(page);
  const start = { chart: await chart(page), readouts: await readouts(page) };
  for (const run of RUNS) {
    expect(start.readouts[run].steps).toBe(64);
    expect(start.readouts[run].distance).toBeLessThan(0.01);
  }
  expect(start.readouts.positive.same).toBe(1);
  expect(start.readouts.centred.same).toBeGreaterThan(0.2);
  expect(start.readouts.centred.same).toBeLessThan(0.8);

  await page.locator("#zigzag-steps").fill("10");
  await expect.poll(() => readouts(page).then((r) => r.positive.steps)).toBe(10);
  await expect.poll(() => chart(page)).not.toBe(start.chart);
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#zsteps=10");

  const slow = await readouts(page);
  await page.locator("#zigzag-rate").fill("2");
  await expect.poll(() => readouts(page).then((r) => r.centred.distance)).not.toBe(slow.centred.distance);
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#zrate=2&zsteps=10");

  const fast = await readouts(page);
  await page.locator("#zigzag-redraw").click();
  await expect.poll(() => readouts(page).then((r) => r.centred.distance)).not.toBe(fast.centred.distance);
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#zrate=2&zsteps=10&zseed=2");
  // The link brings the same run back.
  const shared = await readouts(page);
  await open(page, "#zrate=2&zsteps=10&zseed=2");
  expect(await readouts(page)).toEqual(shared);
});

test("not zero-centred: values out of range in the link are refused by key, with a message, keeping the defaults", async ({ page }) => {
  await open(page, "#zrate=9&zsteps=0&zseed=-1");
  expect((await problemKeys(page)).sort()).toEqual(["zrate", "zseed", "zsteps"]);
  expect([await valueOf(page, "zigzag-rate"), await valueOf(page, "zigzag-steps")]).toEqual(["1", "64"]);
  expect((await readouts(page)).positive.steps).toBe(64);
  await open(page, "#zrate=abc");
  expect(await problemKeys(page)).toEqual(["zrate"]);
  expect(await valueOf(page, "zigzag-rate")).toBe("1");
});

test("not zero-centred: embedded alone, it shows and draws, with its settings from the link", async ({ page }) => {
  await open(page, "#embed=zero-centred&zrate=2");
  await expect(page.locator("#zero-centred")).toBeVisible();
  await expect(page.locator("#growth")).toBeHidden();
  await expect(page.locator("#lab")).toBeHidden();
  expect(await valueOf(page, "zigzag-rate")).toBe("2");
  await expect.poll(() => readouts(page).then((r) => r.positive.steps)).toBe(64);
  expect(await chart(page)).toBeTruthy();
});
