// Embedding: `embed=<section>` shows one section alone (for a course page's <iframe>), and
// `hide=<control>,…` hides controls with their labels and readouts. Every section the page
// marks embeddable is checked, so a new one is covered without a change here.

import { expect, graphHash, nextFrame, open, problemKeys, test } from "./fixtures.mjs";

/** What the page shows: each embeddable section's id with whether it is laid out, whether the
 * page header's title is, and the canvases on screen that are blank. */
const shown = (page) => page.evaluate(() => {
  const visible = (el) => el.getClientRects().length > 0;
  return {
    sections: Object.fromEntries([...document.querySelectorAll("[data-embeddable]")].map((el) => [el.id, visible(el)])),
    title: visible(document.querySelector("h1")),
    blank: window.__relu.blankCanvases().filter((id) => visible(document.getElementById(id))),
  };
});

test("every embeddable section can be shown alone, drawn, with what it holds and nothing else", async ({ page }) => {
  await open(page);
  const sections = await page.evaluate(() => [...document.querySelectorAll("[data-embeddable]")].map((el) => ({
    id: el.id,
    within: [...document.querySelectorAll("[data-embeddable]")].filter((o) => o !== el && o.contains(el)).map((o) => o.id),
    holds: [...el.querySelectorAll("[data-embeddable]")].map((o) => o.id),
  })));
  expect(sections.map((s) => s.id)).toEqual(
    ["formula", "graph", "strengths", "gradient-depth", "speed", "sparsity", "relu-sum", "weaknesses", "walkthrough", "lab", "born-dead",
      "zero-centred", "growth", "torch"]);
  for (const { id, within, holds } of sections) {
    await open(page, `#embed=${id}`);
    const now = await shown(page);
    expect(now.title, `embed=${id}: the page's header is hidden`).toBe(false);
    expect(now.blank, `embed=${id}: blank canvases on screen`).toEqual([]);
    for (const [other, visible] of Object.entries(now.sections)) {
      const expected = other === id || within.includes(other) || holds.includes(other);
      expect(visible, `embed=${id}: #${other} ${expected ? "shown" : "hidden"}`).toBe(expected);
    }
    expect(await problemKeys(page), `embed=${id}`).toEqual([]);
  }
});

test("an embedded graph with its range fixed: hide= hides the range sliders and their group, x still moves", async ({ page }) => {
  await open(page, "#embed=graph&hide=x-min,x-max&lang=zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const visible = (selector) => page.locator(selector).evaluate((el) => el.getClientRects().length > 0);
  for (const hidden of ["#x-min", "#x-max", "label[for=x-min]", "#x-max-out", "fieldset:has(#x-min)"]) {
    expect(await visible(hidden), `${hidden} hidden`).toBe(false);
  }
  for (const kept of ["#x-value", "label[for=x-value]", "#show-leaky", "#graph-canvas"]) {
    expect(await visible(kept), `${kept} shown`).toBe(true);
  }
  const before = await graphHash(page);
  await page.locator("#x-value").focus();
  await page.keyboard.press("ArrowRight");
  await nextFrame(page);
  await expect.poll(() => graphHash(page), { message: "the graph follows x" }).not.toBe(before);
});

test("hiding a chart's export buttons takes their row away too", async ({ page }) => {
  await open(page, "#embed=graph&hide=export-graph-png,export-graph-csv");
  const rows = page.locator("#graph .exports");
  await expect(rows).toHaveCount(1);
  expect(await rows.evaluate((el) => el.getClientRects().length), "the emptied row").toBe(0);
  await open(page, "#embed=graph&hide=export-graph-png");
  expect(await rows.evaluate((el) => el.getClientRects().length), "a row with a button left").toBeGreaterThan(0);
});

test("a bad embed= or hide= is refused with a message, and the whole page shows", async ({ page }) => {
  await open(page, "#embed=nope&hide=x-min,knob");
  expect(await problemKeys(page)).toEqual(expect.arrayContaining(["embed", "hide"]));
  await expect(page.locator("#page-message")).not.toHaveText("");
  const html = page.locator("html");
  await expect(html).not.toHaveAttribute("data-embed", /.*/);
  await expect(html).not.toHaveAttribute("data-hide", /.*/);
  const now = await shown(page);
  expect(now.title).toBe(true);
  expect(Object.values(now.sections).every(Boolean), JSON.stringify(now.sections)).toBe(true);
  expect(await page.locator("#x-min").evaluate((el) => el.getClientRects().length > 0)).toBe(true);
});

test("an embedded section shows the message about a refused value beside it", async ({ page }) => {
  await open(page, "#embed=torch&width=0");
  expect(await problemKeys(page)).toEqual(["width"]);
  await expect(page.locator("#page-message")).toBeVisible();
  expect((await shown(page)).sections.torch).toBe(true);
});

test("a new link changes what is embedded and hidden, and an empty embed= shows the whole page", async ({ page }) => {
  await open(page, "#embed=graph");
  await page.evaluate(() => { location.hash = "embed=lab&hide=lab-seed"; });
  await expect(page.locator("html")).toHaveAttribute("data-embed", "lab");
  await expect(page.locator("html")).toHaveAttribute("data-hide", "lab-seed");
  await expect.poll(async () => (await shown(page)).blank, { message: "the lab draws when it is shown" }).toEqual([]);
  const now = await shown(page);
  expect([now.sections.lab, now.sections.graph]).toEqual([true, false]);
  expect(await page.locator("#lab-seed").evaluate((el) => el.getClientRects().length > 0)).toBe(false);
  await page.evaluate(() => { location.hash = "embed="; });
  await expect(page.locator("html")).not.toHaveAttribute("data-embed", /.*/);
  await expect.poll(async () => (await shown(page)).title).toBe(true);
  await expect.poll(async () => (await shown(page)).blank, { message: "every canvas drawn on the whole page" }).toEqual([]);
});
