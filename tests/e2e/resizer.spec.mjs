// The example course page (embed-example.html): three sections in frames, each sized to its
// content by H5P's own h5p-resizer.js through the H5P resizer protocol (site/resizer.js).

import { expect, test } from "./fixtures.mjs";

/** Each frame of the example page: its id, its height, and the height of what it shows. A
 * frame whose page has just started to load has a document without even an <html> yet. */
const frames = (page) => page.evaluate(() => [...document.querySelectorAll("iframe")].map((frame) => ({
  id: frame.id,
  height: Math.round(frame.getBoundingClientRect().height),
  content: frame.contentDocument?.body ? Math.round(frame.contentDocument.body.scrollHeight) : null,
  drawn: frame.contentDocument?.documentElement?.dataset.drawn === "true",
  sized: frame.contentDocument?.documentElement?.dataset.sized ?? null,
  messages: [...(frame.contentDocument?.querySelectorAll(".message") ?? [])].map((m) => m.textContent).filter(Boolean),
})));

/** Whether the frame `id` is as tall as what it shows (to the pixel). */
const fits = async (page, id) => {
  const frame = (await frames(page)).find((f) => f.id === id);
  return Math.abs(frame.height - frame.content) <= 1;
};

test("the example course page frames three sections, each as tall as what it shows", async ({ page }) => {
  await page.goto("embed-example.html");
  const ids = await page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.id));
  expect(ids).toEqual(["frame-graph", "frame-lab", "frame-torch"]);
  for (const id of ids) {
    // The frames load lazily, as a teacher's page should: each when it comes near the screen.
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await frames(page)).find((f) => f.id === id), { message: `${id} drawn and sized` })
      .toMatchObject({ drawn: true, sized: "host", messages: [] });
    await expect.poll(() => fits(page, id), { message: `${id} is as tall as its content` }).toBe(true);
  }
  const graph = page.frameLocator("#frame-graph");
  await expect(graph.locator("#x-min")).toBeHidden();
  await expect(graph.locator("#x-value")).toBeVisible();
  await expect(page.frameLocator("#frame-lab").locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("a frame follows its content: showing more rows makes it taller", async ({ page }) => {
  await page.goto("embed-example.html");
  await expect.poll(async () => (await frames(page))[0], { message: "the graph frame drawn and sized" })
    .toMatchObject({ drawn: true, sized: "host" });
  await expect.poll(() => fits(page, "frame-graph")).toBe(true);
  const before = (await frames(page))[0].height;
  // The overlays add rows to the readout table and so lengthen the section.
  const graph = page.frameLocator("#frame-graph");
  for (const id of ["show-leaky", "show-sigmoid", "show-tanh"]) await graph.locator(`#${id}`).check();
  await expect.poll(async () => (await frames(page))[0].height, { message: "the frame grew" }).toBeGreaterThan(before);
  await expect.poll(() => fits(page, "frame-graph"), { message: "the grown frame fits" }).toBe(true);
});
