// The sum-of-ReLUs builder in the real page: units added and removed by button, a kink dragged
// with the mouse and moved with the keys, the error they leave (read from data-value, never from
// prose), the prediction judged right, wrong and unanswered, the link read, refused and written
// back, and the builder embedded alone, in both languages.

import { test, expect, open, settled, problemKeys, valueOf } from "./fixtures.mjs";

/** The fit's mean squared error, as the page reports it. */
const mse = (page) => page.locator("#relusum-mse").evaluate((el) => Number(el.dataset.value));

/** How many units the builder has, as the page reports it. */
const units = (page) => page.locator("#relusum-units").evaluate((el) => Number(el.dataset.value));

/** The page's state as its link writes it. */
const stateHash = (page) => page.evaluate(() => window.reluExplorer.stateHash());

/** Where on the screen the chart draws x = `kink`: from the plot's ends the page reports on the
 * canvas (`data-plot-x`, CSS pixels from its left edge), halfway down the canvas. */
async function screenAt(page, kink) {
  const canvas = page.locator("#relusum-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const [left, right] = (await canvas.getAttribute("data-plot-x")).split(",").map(Number);
  return { x: box.x + left + ((kink + 2) / 4) * (right - left), y: box.y + box.height / 2 };
}

test("adding and removing a unit changes the error and the link", async ({ page }) => {
  await open(page, "#rtarget=abs&rkinks=0r");
  const one = await mse(page);
  expect(one).toBeGreaterThan(0.01);
  await page.locator("#relusum-add-left").click();
  await expect.poll(() => units(page)).toBe(2);
  // The new unit goes into the widest gap, [−2, 0]: at −1, on to the left.
  await expect.poll(() => stateHash(page)).toBe("rtarget=abs&rkinks=0r,-1l");
  const two = await mse(page);
  expect(two).toBeLessThan(one);
  await page.locator("#relusum-add-right").click();
  await expect.poll(() => stateHash(page)).toBe("rtarget=abs&rkinks=0r,-1l,1r");
  // Remove takes the selected unit, the one just added.
  await page.locator("#relusum-remove").click();
  await page.locator("#relusum-remove").click();
  await expect.poll(() => units(page)).toBe(1);
  expect(await mse(page)).toBe(one);
  await page.locator("#relusum-remove").click();
  await expect.poll(() => units(page)).toBe(0);
  await expect(page.locator("#relusum-remove")).toBeDisabled();
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#rtarget=abs&rkinks=");
  // The coefficient table has a row per unit.
  await page.locator("#relusum-add-right").click();
  await expect(page.locator("#relusum-rows tr")).toHaveCount(1);
});

test("a full builder cannot add more", async ({ page }) => {
  await open(page, `#rkinks=${Array(12).fill("0.5r").join(",")}`);
  await expect(page.locator("#relusum-add-right")).toBeDisabled();
  await expect(page.locator("#relusum-add-left")).toBeDisabled();
  await expect(page.locator("#relusum-rows tr")).toHaveCount(12);
});

test("dragging a kink with the mouse onto the other at 0 draws |x| exactly", async ({ page }) => {
  await open(page, "#rtarget=abs&rkinks=0r,-1l");
  const before = await mse(page);
  expect(before).toBeGreaterThan(0.01);
  const from = await screenAt(page, -1);
  const to = await screenAt(page, 0);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 5; step += 1) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 5, from.y);
  }
  await page.mouse.up();
  // relu(x) + relu(−x) = |x|; a pixel's rounding leaves the kink within 0.02 of 0.
  await expect.poll(() => mse(page)).toBeLessThan(1e-4);
  const kinks = (await stateHash(page)).match(/rkinks=0r,(-?[\d.]+)l$/);
  expect(kinks, await stateHash(page)).not.toBeNull();
  expect(Math.abs(Number(kinks[1]))).toBeLessThanOrEqual(0.02);
  // Letting go says where the unit landed, for a screen reader.
  await expect(page.locator("#relusum-status")).not.toBeEmpty();
});

test("a press away from every kink moves nothing", async ({ page }) => {
  await open(page, "#rtarget=abs&rkinks=0r,-1l");
  const away = await screenAt(page, 1.5);
  await page.mouse.move(away.x, away.y);
  await page.mouse.down();
  await page.mouse.move(away.x - 40, away.y);
  await page.mouse.up();
  await settled(page);
  expect(await stateHash(page)).toBe("rtarget=abs&rkinks=0r,-1l");
});

for (const lang of ["en", "zh-CN"]) {
  test(`${lang}: the keys pick a kink, move it (Shift for small steps) and remove it`, async ({ page }) => {
    await open(page, `#lang=${lang}&rtarget=abs&rkinks=0r,-1l`);
    await page.locator("#relusum-canvas").focus();
    // ↓ from no selection picks the last unit, the one at −1; ten steps right bring it to 0.
    await page.keyboard.press("ArrowDown");
    for (let i = 0; i < 10; i += 1) await page.keyboard.press("ArrowRight");
    await expect.poll(() => stateHash(page)).toBe(`rtarget=abs&rkinks=0r,0l&lang=${lang}`);
    expect(await mse(page)).toBeLessThan(1e-9);
    await page.keyboard.press("Shift+ArrowLeft");
    await expect.poll(() => stateHash(page)).toBe(`rtarget=abs&rkinks=0r,-0.01l&lang=${lang}`);
    await expect(page.locator("#relusum-status")).not.toBeEmpty();
    // ↑ goes round to the first unit; End takes it to the right end; Delete removes it.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await expect.poll(() => stateHash(page)).toBe(`rtarget=abs&rkinks=2r,-0.01l&lang=${lang}`);
    await page.keyboard.press("Delete");
    await expect.poll(() => stateHash(page)).toBe(`rtarget=abs&rkinks=-0.01l&lang=${lang}`);
    // The page did not scroll away on the arrows: the canvas keeps the focus.
    expect(await page.evaluate(() => document.activeElement.id)).toBe("relusum-canvas");
  });

  test(`${lang}: the prediction is judged wrong, right and unanswered, and shows the triangle drawn by three units`, async ({ page }) => {
    await open(page, `#lang=${lang}&rtarget=sine&rkinks=1l`);
    const verdict = page.locator("#relusum-verdict");
    await page.locator("#relusum-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "missing");
    await page.locator("#relusum-guess-two").check();
    await page.locator("#relusum-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "wrong");
    await expect(verdict).not.toBeEmpty();
    // The question's case: the triangle, a unit at each of its kinks, drawn exactly.
    expect(await valueOf(page, "relusum-target")).toBe("hat");
    await expect.poll(() => stateHash(page)).toBe(`rkinks=-1r,0r,1r&lang=${lang}`);
    expect(await mse(page)).toBeLessThan(1e-9);
    await page.locator("#relusum-guess-three").check();
    await expect(verdict).toHaveAttribute("data-verdict", "");
    await page.locator("#relusum-check").click();
    await expect(verdict).toHaveAttribute("data-verdict", "right");
  });
}

test("the link sets the builder, and the page writes it back", async ({ page }) => {
  const hash = "rtarget=sine&rkinks=0.5r,-1l,1.25r";
  await open(page, `#${hash}`);
  expect(await valueOf(page, "relusum-target")).toBe("sine");
  expect(await units(page)).toBe(3);
  await expect(page.locator("#relusum-rows tr")).toHaveCount(3);
  expect(await stateHash(page)).toBe(hash);
  await page.locator("#relusum-target").selectOption("abs");
  await settled(page);
  expect(await page.evaluate(() => location.hash)).toBe("#rtarget=abs&rkinks=0.5r,-1l,1.25r");
});

test("bad values in the link are refused by key, keeping the defaults", async ({ page }) => {
  for (const bad of ["rkinks=0.5r,abc", "rkinks=3r", "rkinks=0.5", `rkinks=${Array(13).fill("1r").join(",")}`]) {
    await open(page, `#${bad}&rtarget=circle`);
    expect((await problemKeys(page)).sort(), bad).toEqual(["rkinks", "rtarget"]);
    expect(await valueOf(page, "relusum-target")).toBe("hat");
    expect(await units(page)).toBe(1);
    expect(await stateHash(page)).toBe("");
  }
});

test("embedded alone, the builder is drawn and works", async ({ page }) => {
  await open(page, "#embed=relu-sum&rtarget=abs");
  await expect(page.locator("#relu-sum")).toBeVisible();
  await expect(page.locator("#graph")).toBeHidden();
  await expect.poll(() => page.locator("#relusum-canvas").getAttribute("data-draws")).not.toBeNull();
  await page.locator("#relusum-add-left").click();
  await expect.poll(() => units(page)).toBe(2);
});
