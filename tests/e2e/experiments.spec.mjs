// The live experiments beside the strengths and weaknesses, in the real page: each opens with a
// question that is judged right and wrong, its controls change its chart and table, its
// settings come from the link (bad ones refused by key) and go back into it, in both languages.
// Verdicts are read from data-verdict and numbers from the table's outputs, never from prose.

import { test, expect, open, settled, canvasHashes, problemKeys, textOf, valueOf } from "./fixtures.mjs";

/** The gradient-through-depth chart's pixel hash. */
const depthChart = async (page) =>
  (await canvasHashes(page)).find((entry) => entry.startsWith("depth-canvas:"));

/** What the gradient-through-depth table says is left after the last layer, by activation. */
const leftAfter = (page) => page.evaluate(() => Object.fromEntries(
  ["relu", "leaky", "sigmoid", "tanh"].map((key) => [key, document.getElementById(`depth-left-${key}`).textContent])));

for (const lang of ["en", "zh-CN"]) {
  test.describe(`${lang}: gradient through depth`, () => {
    test("the prediction is judged right, then shows its case: ReLU keeps 1, sigmoid under 0.001", async ({ page }) => {
      await open(page, `#lang=${lang}&gdepth=37&gz=-2&gspread=1.5&gseed=9`);
      const before = await depthChart(page);
      await page.locator("#depth-guess-smaller").check();
      await page.locator("#depth-check").click();
      await expect(page.locator("#depth-verdict")).toHaveAttribute("data-verdict", "right");
      await expect(page.locator("#depth-verdict")).not.toBeEmpty();
      // The question's case: 10 layers at z = 0.5, no spread; the seed stays.
      expect([await valueOf(page, "grad-depth"), await valueOf(page, "grad-z"), await valueOf(page, "grad-spread")])
        .toEqual(["10", "0.5", "0"]);
      await settled(page);
      expect(await page.evaluate(() => window.reluExplorer.stateHash())).toBe(`gseed=9&lang=${lang}`);
      const left = await leftAfter(page);
      expect(left.relu).toBe("1");
      expect(left.leaky).toBe("1");
      // σ′(0.5)¹⁰ = 5.14 × 10⁻⁷, written with a superscript power of ten.
      expect(left.sigmoid).toBe("5.14 × 10⁻⁷");
      expect(await depthChart(page)).not.toBe(before);
    });

    test("a wrong prediction is judged wrong; a new answer hides the verdict; none chosen asks for one", async ({ page }) => {
      await open(page, `#lang=${lang}`);
      await page.locator("#depth-check").click();
      await expect(page.locator("#depth-verdict")).toHaveAttribute("data-verdict", "missing");
      await page.locator("#depth-guess-bigger").check();
      await expect(page.locator("#depth-verdict")).toHaveAttribute("data-verdict", "");
      await expect(page.locator("#depth-verdict")).toBeEmpty();
      await page.locator("#depth-check").click();
      await expect(page.locator("#depth-verdict")).toHaveAttribute("data-verdict", "wrong");
      await page.locator("#depth-guess-smaller").check();
      await page.locator("#depth-check").click();
      await expect(page.locator("#depth-verdict")).toHaveAttribute("data-verdict", "right");
    });
  });
}

test("gradient through depth: the sliders move the chart and the table, and the link keeps them", async ({ page }) => {
  await open(page);
  const start = { chart: await depthChart(page), left: await leftAfter(page) };
  // z below 0 cuts every ReLU path at layer 1 and puts Leaky ReLU in its leak.
  await page.locator("#grad-z").fill("-1");
  await expect.poll(() => leftAfter(page).then((l) => l.relu)).toBe("0");
  expect((await leftAfter(page)).leaky).toBe("1.00 × 10⁻²⁰");
  expect(await depthChart(page)).not.toBe(start.chart);
  await page.locator("#grad-depth").fill("3");
  await expect.poll(() => leftAfter(page).then((l) => l.leaky)).toBe("1.00 × 10⁻⁶");
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#gdepth=3&gz=-1");
  // The link opens the same experiment.
  await open(page, "#gdepth=3&gz=-1");
  expect(await valueOf(page, "grad-depth")).toBe("3");
  expect(await textOf(page, "grad-z-out")).toBe("-1");
  expect((await leftAfter(page)).leaky).toBe("1.00 × 10⁻⁶");
});

test("gradient through depth: with a spread, New random z values draws new z and keeps them in the link", async ({ page }) => {
  await open(page, "#gspread=2");
  const chart = await depthChart(page);
  await page.locator("#grad-redraw").click();
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#gspread=2&gseed=2");
  expect(await depthChart(page)).not.toBe(chart);
});

test("gradient through depth: values out of range in the link are refused by key, keeping the defaults", async ({ page }) => {
  await open(page, "#gdepth=0&gz=99&gspread=-1&gseed=-3");
  expect((await problemKeys(page)).sort()).toEqual(["gdepth", "gseed", "gspread", "gz"]);
  expect([await valueOf(page, "grad-depth"), await valueOf(page, "grad-z"), await valueOf(page, "grad-spread")])
    .toEqual(["10", "0.5", "0"]);
  expect((await leftAfter(page)).relu).toBe("1");
});

/** What the no-upper-limit table says the activations' RMS is after the last layer. */
const sizeAfter = (page) => page.evaluate(() => Object.fromEntries(
  ["relu", "leaky", "sigmoid", "tanh"].map((key) => [key, document.getElementById(`growth-size-${key}`).textContent])));

/** The no-upper-limit chart's pixel hash. */
const growthChart = async (page) =>
  (await canvasHashes(page)).find((entry) => entry.startsWith("growth-canvas:"));

for (const lang of ["en", "zh-CN"]) {
  test(`${lang}: no upper limit: the prediction is judged right and wrong, and shows 1.5²⁰ for ReLU`, async ({ page }) => {
    await open(page, `#lang=${lang}&udepth=5&uscale=0.75`);
    const before = await growthChart(page);
    await page.locator("#growth-guess-hundred").check();
    await page.locator("#growth-check").click();
    await expect(page.locator("#growth-verdict")).toHaveAttribute("data-verdict", "wrong");
    expect([await valueOf(page, "growth-depth"), await valueOf(page, "growth-scale")]).toEqual(["20", "1.5"]);
    // ReLU multiplies the RMS by the scale at every layer: 1.5²⁰ = 3325.26.
    await expect.poll(() => sizeAfter(page).then((s) => s.relu)).toBe("3325");
    expect(await growthChart(page)).not.toBe(before);
    await page.locator("#growth-guess-thousand").check();
    await expect(page.locator("#growth-verdict")).toHaveAttribute("data-verdict", "");
    await page.locator("#growth-check").click();
    await expect(page.locator("#growth-verdict")).toHaveAttribute("data-verdict", "right");
    await settled(page);
    expect(await page.evaluate(() => window.reluExplorer.stateHash())).toBe(`uscale=1.5&lang=${lang}`);
  });
}

test("no upper limit: at He's scale ReLU stays level, below it it shrinks; tanh and sigmoid stay bounded", async ({ page }) => {
  await open(page);
  const level = await sizeAfter(page);
  expect(level.relu).toBe("1");
  for (const bounded of [level.sigmoid, level.tanh]) expect(Number(bounded)).toBeLessThan(1);
  await page.locator("#growth-scale").fill("0.5");
  // 0.5²⁰ = 9.54 × 10⁻⁷.
  await expect.poll(() => sizeAfter(page).then((s) => s.relu)).toBe("9.54 × 10⁻⁷");
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#uscale=0.5");
});

test("no upper limit: values out of range in the link are refused by key, keeping the defaults", async ({ page }) => {
  await open(page, "#udepth=0&uscale=9");
  expect((await problemKeys(page)).sort()).toEqual(["udepth", "uscale"]);
  expect([await valueOf(page, "growth-depth"), await valueOf(page, "growth-scale")]).toEqual(["20", "1"]);
  expect((await sizeAfter(page)).relu).toBe("1");
});
