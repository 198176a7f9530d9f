// The three example pages (examples/, served at www/examples/), as a course author and their
// learners use them: the quiz judges answers with the API and teaches at the kink, the gradient
// table follows what is typed and refuses typos keeping the last good table, and the training
// page trains, draws and pauses. Each passes axe-core in both languages. Checks read data-
// attributes, numbers and code, never the translated prose.

import { axeViolations, expect, test } from "./fixtures.mjs";

/** Opens an example page once its module has run (it sets a data- attribute on <main>). */
async function openExample(page, name, hash = "") {
  await page.goto(`examples/${name}.html${hash}`);
}

test("the examples' index links to the three pages and the reference", async ({ page }) => {
  await page.goto("examples/");
  for (const name of ["quiz", "gradients", "training"]) {
    await expect(page.locator(`a#link-${name}`)).toHaveAttribute("href", `${name}.html`);
  }
  await expect(page.locator('a[href="../api.html"]')).toHaveCount(1);
  await page.goto("api.html");
  await expect(page.locator('a[href="examples/"]')).toHaveCount(1);
});

test("quiz: a right answer scores, a wrong one shows PyTorch's, a typo is refused", async ({ page }) => {
  await openExample(page, "quiz");
  const quiz = page.locator("#quiz");
  await expect(quiz).toHaveAttribute("data-question", "0");
  const answer = async (y, grad) => {
    await page.fill("#answer-y", y);
    await page.fill("#answer-grad", grad);
    await page.keyboard.press("Enter");
  };
  const question = async () => ({
    x: Number(await page.locator("#x").textContent()),
    g: Number(await page.locator("#grad-output").textContent()),
  });
  // Question 1: x > 0, so y = x and x.grad = gradOutput.
  let { x, g } = await question();
  expect(x).toBeGreaterThan(0);
  await answer("abc", "1");
  await expect(page.locator("#verdict")).toHaveAttribute("data-verdict", "invalid");
  await expect(page.locator("#answer-y")).toHaveAttribute("aria-invalid", "true");
  await expect(quiz).toHaveAttribute("data-asked", "0");
  await answer(String(x), String(g));
  await expect(page.locator("#verdict")).toHaveAttribute("data-verdict", "right");
  await expect(quiz).toHaveAttribute("data-score", "1");
  // Question 2: x < 0; a learner who passes the gradient through is wrong.
  await page.click("#next");
  await expect(quiz).toHaveAttribute("data-question", "1");
  ({ x, g } = await question());
  expect(x).toBeLessThan(0);
  await answer("0", String(g));
  await expect(page.locator("#verdict")).toHaveAttribute("data-verdict", "wrong");
  await expect(page.locator("#right-grad")).toHaveText("0");
  await expect(page.locator('[data-says="why-negative"]')).toBeVisible();
  await expect(quiz).toHaveAttribute("data-asked", "2");
  await expect(quiz).toHaveAttribute("data-score", "1");
  // Question 3: x = 0, PyTorch's gradient is 0; a comma decimal point is read as one.
  await page.click("#next");
  ({ x, g } = await question());
  expect(x).toBe(0);
  await answer("0", "0,0");
  await expect(page.locator("#verdict")).toHaveAttribute("data-verdict", "right");
  await expect(page.locator('[data-says="why-zero"]')).toBeVisible();
});

test("gradient table: follows the tensor typed, for each function, and keeps the last good table", async ({ page }) => {
  await openExample(page, "gradients");
  const table = page.locator("#gradients");
  await expect(table).toHaveAttribute("data-rows", "5");
  const rows = () => page.locator("#table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  // The defaults, by hand: relu keeps x > 0 and its gradient is 1 there, 0 elsewhere (0 at 0).
  expect(await rows()).toEqual([
    ["0", "-2", "0", "1", "0"],
    ["1", "-0.5", "0", "1", "0"],
    ["2", "0", "0", "1", "0"],
    ["3", "0.5", "0.5", "1", "1"],
    ["4", "2", "2", "1", "1"],
  ]);
  await page.fill("#x-input", "-1 nan -inf 3");
  await page.fill("#grad-input", "2, 2, 2, 2");
  await expect(table).toHaveAttribute("data-rows", "4");
  // NaN passes the gradient through (NaN <= 0 is false), as PyTorch's threshold_backward does.
  expect(await rows()).toEqual([
    ["0", "-1", "0", "2", "0"],
    ["1", "NaN", "NaN", "2", "2"],
    ["2", "-Infinity", "0", "2", "0"],
    ["3", "3", "3", "2", "2"],
  ]);
  await page.selectOption("#function", "leakyRelu");
  await expect(page.locator("#table tbody tr").first()).toContainText("-0.01");
  expect((await rows())[0]).toEqual(["0", "-1", "-0.01", "2", "0.02"]);
  await page.selectOption("#function", "sigmoid");
  await page.fill("#grad-input", "1");
  await page.fill("#x-input", "0 2");
  // sigmoid(2) and its gradient in float32, in the fewest digits that read back as them.
  expect(await rows()).toEqual([["0", "0", "0.5", "1", "0.25"], ["1", "2", "0.8807971", "1", "0.104993574"]]);
  await page.fill("#x-input", "0");
  expect(await rows()).toEqual([["0", "0", "0.5", "1", "0.25"]]);
  // Typos: each is named, and the table stays as it was.
  await page.fill("#x-input", "1, 2x, 3");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "not-a-number");
  await expect(page.locator("#bad-item")).toHaveText("2x");
  await expect(page.locator("#x-input")).toHaveAttribute("aria-invalid", "true");
  expect(await rows()).toEqual([["0", "0", "0.5", "1", "0.25"]]);
  await page.fill("#grad-input", "1, 2");
  await page.fill("#x-input", "1, 2, 3");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "lengths");
  await expect(page.locator("#x-count")).toHaveText("3");
  await expect(page.locator("#grad-count")).toHaveText("2");
  await page.fill("#x-input", "");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "empty");
  await page.fill("#x-input", Array(1001).fill("1").join(","));
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "too-many");
  expect(await rows()).toEqual([["0", "0", "0.5", "1", "0.25"]]);
  await page.fill("#x-input", "3");
  await page.fill("#grad-input", "1");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "");
  await expect(page.locator("#problem")).toBeHidden();
});

test("training: trains and draws, pauses, starts again, refuses a bad rate and reports divergence", async ({ page }) => {
  await openExample(page, "training");
  const training = page.locator("#training");
  await expect(page.locator("#loss-chart")).toHaveAttribute("data-drawn-steps", "0");
  const steps = async () => Number(await training.getAttribute("data-steps"));
  await page.click("#run");
  await expect(training).toHaveAttribute("data-running", "true");
  await expect.poll(steps, { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
  await page.click("#run");
  await expect(training).toHaveAttribute("data-running", "false");
  const paused = await steps();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await steps(), "a paused network takes no step").toBe(paused);
  await expect(page.locator("#loss-chart")).toHaveAttribute("data-drawn-steps", String(paused));
  await expect(page.locator("#fit-chart")).toHaveAttribute("data-drawn-steps", String(paused));
  // |x| with ReLU: the loss falls by far more than 10× in 300 steps (seed 1, rate 0.05).
  const first = await page.evaluate(async () => {
    const { default: init, Mlp } = await import("../pkg/relu_explorer.js");
    await init();
    const net = new Mlp(new Uint32Array([1, 8, 1]), "relu");
    net.initialize("he", 1);
    const x = Float32Array.from({ length: 24 }, (_, i) => -2 + (4 * i) / 23);
    return net.trainStep(x, x.map(Math.abs), 0.05);
  });
  expect(Number(await training.getAttribute("data-loss"))).toBeLessThan(first / 10);
  // The canvases show something: more than one colour in each.
  for (const id of ["loss-chart", "fit-chart"]) {
    const colours = await page.locator(`#${id}`).evaluate((canvas) => {
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(data.slice(i, i + 4).join());
      return seen.size;
    });
    expect(colours, `${id} is drawn`).toBeGreaterThan(2);
  }
  await page.click("#reset");
  await expect(training).toHaveAttribute("data-steps", "0");
  // A bad learning rate is refused and the last good one kept; a huge one diverges, and says so.
  await page.fill("#rate", "-1");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "rate");
  await page.fill("#rate", "2");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "");
  await page.fill("#seed", "1.5");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "seed");
  await expect(page.locator("#seed")).toHaveAttribute("aria-invalid", "true");
  await page.fill("#seed", "1");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "");
  await page.selectOption("#target", "sine");
  await page.click("#run");
  await expect(page.locator("#problem")).toHaveAttribute("data-problem", "diverged", { timeout: 30_000 });
  await expect(training).toHaveAttribute("data-running", "false");
});

for (const name of ["index", "quiz", "gradients", "training"]) {
  for (const lang of ["en", "zh-CN"]) {
    test(`axe-core: the ${name} example (${lang})`, async ({ page }) => {
      await page.goto(`examples/${name === "index" ? "" : `${name}.html`}#lang=${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    });
  }
}
