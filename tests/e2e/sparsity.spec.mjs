// The sparsity experiment in the real page: its question judged right, wrong and unanswered in
// both languages, its sliders and New draw moving the readouts and the chart, its settings from
// the link and back (bad ones refused by key, with a message), and alone in a frame.
// Numbers are read from the readouts' data-value attributes and verdicts from data-verdict,
// never from prose.

import { test, expect, open, settled, canvasHashes, problemKeys, textOf, valueOf } from "./fixtures.mjs";

/** Every readout of the sparsity table, by id, as its data-value (and the interval's top). */
const readouts = (page) => page.evaluate(() => {
  const value = (id) => Number(document.getElementById(id).dataset.value);
  return {
    share: value("sparsity-share"),
    low: value("sparsity-interval"),
    high: Number(document.getElementById("sparsity-interval").dataset.high),
    theory: value("sparsity-theory"),
    meanIn: value("sparsity-mean-in"),
    meanInTheory: value("sparsity-mean-in-theory"),
    meanOut: value("sparsity-mean-out-measured"),
    meanOutTheory: value("sparsity-mean-out-theory"),
  };
});

/** The sparsity chart's pixel hash. */
const chart = async (page) => (await canvasHashes(page)).find((entry) => entry.startsWith("sparsity-canvas:"));

/** The sliders' values: μ, σ, the sample count. */
const sliders = async (page) =>
  [await valueOf(page, "sparsity-mean"), await valueOf(page, "sparsity-std"), await valueOf(page, "sparsity-samples")];

/** Φ(z), for the theory values the page must show (Abramowitz and Stegun 7.1.26, to 1.5e-7). */
const phi = (z) => {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};

for (const lang of ["en", "zh-CN"]) {
  test(`${lang}: sparsity: the prediction is judged unanswered, wrong and right, and shows N(−1, 1)`, async ({ page }) => {
    await open(page, `#lang=${lang}&smu=1.5&ssd=2&sn=500&sseed=4`);
    const before = await chart(page);
    const verdict = page.locator("#sparsity-verdict");
    await page.locator("#sparsity-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "missing");
    await expect(verdict).not.toBeEmpty();
    // "About half" is the tempting answer: ReLU zeroes the negative half of a centred input.
    await page.locator("#sparsity-guess-half").check();
    await expect(verdict).toHaveAttribute("data-verdict", "");
    await expect(verdict).toBeEmpty();
    await page.locator("#sparsity-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "wrong");
    // The question's case is shown: μ = −1, σ = 1; the sample count and seed stay.
    expect(await sliders(page)).toEqual(["-1", "1", "500"]);
    await expect.poll(() => readouts(page).then((r) => r.theory)).toBeCloseTo(phi(1), 6);
    expect(await chart(page)).not.toBe(before);
    await page.locator("#sparsity-guess-over80").check();
    await page.locator("#sparsity-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "right");
    await page.locator("#sparsity-guess-under20").check();
    await page.locator("#sparsity-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "wrong");
    await settled(page);
    expect(await page.evaluate(() => window.reluExplorer.stateHash())).toBe(`smu=-1&sn=500&sseed=4&lang=${lang}`);
  });

  test(`${lang}: sparsity: every string of the experiment is filled in`, async ({ page }) => {
    await open(page, `#lang=${lang}&smu=-0.5`);
    await expect(page.locator("html")).not.toHaveAttribute("data-parts-behind", /.*/);
    const texts = await page.locator("#sparsity").evaluate((el) => ({
      text: el.innerText,
      alt: document.getElementById("sparsity-canvas").getAttribute("aria-label"),
      empty: [...el.querySelectorAll("output, label, legend, button, th, figcaption")]
        .filter((o) => o.textContent.trim() === "").map((o) => o.id || o.outerHTML.slice(0, 60)),
    }));
    expect(texts.empty).toEqual([]);
    // A template left unfilled would show its braces.
    for (const text of [texts.text, texts.alt]) expect(text).not.toMatch(/[{}]/);
    expect(texts.alt.length).toBeGreaterThan(40);
  });
}

test("sparsity: the sliders move the readouts and the chart, and the link keeps them", async ({ page }) => {
  await open(page);
  const start = { chart: await chart(page), r: await readouts(page) };
  expect(start.r.theory).toBe(0.5);
  expect(start.r.meanInTheory).toBe(0);
  // 10 000 draws: the measured share is within its interval, which holds the theory's.
  expect(start.r.low).toBeLessThan(start.r.share);
  expect(start.r.share).toBeLessThan(start.r.high);
  expect(start.r.low < 0.5 && 0.5 < start.r.high).toBe(true);
  // ReLU's mean output at N(0, 1) is φ(0) = 1/√(2π).
  expect(start.r.meanOutTheory).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);

  await page.locator("#sparsity-mean").fill("1");
  await expect.poll(() => readouts(page).then((r) => r.theory)).toBeCloseTo(phi(-1), 6);
  await page.locator("#sparsity-std").fill("0.5");
  // μ two σ above 0: Φ(−2).
  await expect.poll(() => readouts(page).then((r) => r.theory)).toBeCloseTo(phi(-2), 6);
  let r = await readouts(page);
  expect(r.meanInTheory).toBe(1);
  expect(Math.abs(r.meanIn - 1)).toBeLessThan(0.05);
  expect(r.meanOut).toBeGreaterThan(0);
  expect(Math.abs(r.meanOut - r.meanOutTheory)).toBeLessThan(0.05);
  expect(await chart(page)).not.toBe(start.chart);

  // More inputs, a narrower interval around the same theory.
  const width = r.high - r.low;
  await page.locator("#sparsity-samples").fill("100000");
  await expect.poll(() => readouts(page).then((n) => n.high - n.low)).toBeLessThan(width / 2);
  r = await readouts(page);
  expect(r.low <= r.theory && r.theory <= r.high).toBe(true);
  expect(await textOf(page, "sparsity-samples-out")).toBe("100000");

  // Far below 0 nearly everything is a zero, and the output's mean is still above 0.
  await page.locator("#sparsity-mean").fill("-3");
  await expect.poll(() => readouts(page).then((n) => n.theory)).toBeGreaterThan(0.999);
  expect((await readouts(page)).meanOutTheory).toBeGreaterThan(0);

  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#smu=-3&ssd=0.5&sn=100000");
  // The link opens the same experiment, with the same draw.
  const shown = await readouts(page);
  await open(page, "#smu=-3&ssd=0.5&sn=100000");
  expect(await sliders(page)).toEqual(["-3", "0.5", "100000"]);
  expect(await readouts(page)).toEqual(shown);
});

test("sparsity: New draw draws new inputs, keeps the theory and puts the seed in the link", async ({ page }) => {
  await open(page, "#sn=200");
  const first = { chart: await chart(page), r: await readouts(page) };
  await page.locator("#sparsity-redraw").click();
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#sn=200&sseed=2");
  const second = await readouts(page);
  expect(second.theory).toBe(first.r.theory);
  expect(second.meanIn).not.toBe(first.r.meanIn);
  expect(await chart(page)).not.toBe(first.chart);
  // Seed 2 from the link is that draw.
  await open(page, "#sn=200&sseed=2");
  expect(await readouts(page)).toEqual(second);
});

test("sparsity: values out of range in the link are refused by key, keeping the defaults", async ({ page }) => {
  await open(page, "#smu=9&ssd=0&sn=50.5&sseed=-1");
  expect((await problemKeys(page)).sort()).toEqual(["smu", "sn", "ssd", "sseed"]);
  await expect(page.locator("#page-message")).not.toBeEmpty();
  expect(await sliders(page)).toEqual(["0", "1", "10000"]);
  expect((await readouts(page)).theory).toBe(0.5);
  // A bad value in a later link keeps the others it gives.
  await page.evaluate(() => { location.hash = "#smu=-1&ssd=abc"; });
  await expect.poll(() => problemKeys(page)).toEqual(["ssd"]);
  expect(await sliders(page)).toEqual(["-1", "1", "10000"]);
});

test("sparsity: shown alone in a frame, drawn, with its readouts", async ({ page }) => {
  await open(page, "#embed=sparsity&smu=-1");
  const visible = (selector) => page.locator(selector).evaluate((el) => el.getClientRects().length > 0);
  for (const shown of ["#sparsity", "#sparsity-canvas", "#sparsity-mean", "#sparsity-check"]) {
    expect(await visible(shown), shown).toBe(true);
  }
  for (const hidden of ["#speed", "#gradient-depth", "#graph", "h1"]) {
    expect(await visible(hidden), hidden).toBe(false);
  }
  expect(await page.evaluate(() => window.__relu.blankCanvases())).not.toContain("sparsity-canvas");
  expect((await readouts(page)).theory).toBeCloseTo(phi(1), 6);
});
