// Both languages, accessibility, phones and print: the language switch, the browser's
// language, the string tests, axe-core in both languages and themes, the graph's keyboard,
// the lab's live region, and 360 px screens. Nothing here reads prose: languages are told
// apart by `<html lang>` and by which `<span lang>` is shown.

import { axeViolations, canvasProblems, canvasReport, expect, nextFrame, open, test, valueOf } from "./fixtures.mjs";

const LANGS = ["en", "zh-CN"];
const THEMES = ["light", "dark"];
/** What XSS_PREFIX in src/text.rs puts before every string under `stringTest=xss`. */
const XSS_PREFIX = "<img src=x onerror=alert(1)><b>";

/** The page's `<html lang>`, data-theme and each canvas's draw count. */
const pageState = (page) => page.evaluate(() => ({
  lang: document.documentElement.lang,
  theme: document.documentElement.dataset.theme ?? null,
  draws: [...document.querySelectorAll("canvas")].map((c) => Number(c.dataset.draws ?? 0)),
  title: document.title,
}));

/** Elements wider than the viewport, or reaching past its right edge. */
const overflowing = (page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || getComputedStyle(el).position === "absolute") continue;
    // Inside a scroll box of its own (a table, a formula) is fine.
    const scroller = el.parentElement?.closest(".table-scroll, math[display='block'], pre");
    if (scroller) continue;
    if (rect.right > width + 1) wide.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} right=${Math.round(rect.right)}`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10) };
});

test("the language switch changes the page in place; <html lang>, the title, every chart and the link follow", async ({ page }) => {
  await open(page);
  await page.evaluate(() => { window.__notReloaded = true; });
  const before = await pageState(page);
  expect(before.lang).toBe("en");
  await page.locator("#lang-zh-CN").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator("#lang-zh-CN")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("#lang-en")).toHaveAttribute("aria-pressed", "false");
  // Every canvas redrawn (its words changed).
  await expect.poll(async () => {
    const now = await pageState(page);
    return now.draws.every((n, i) => n > before.draws[i]);
  }, { message: "every canvas redrawn after the switch" }).toBe(true);
  const after = await pageState(page);
  expect(after.title, "the title is translated").not.toBe(before.title);
  expect(await page.evaluate(() => window.__notReloaded), "no reload").toBe(true);
  // The Chinese spans show, the English ones do not.
  await expect(page.locator("#graph h2 span[lang='zh-CN']")).toBeVisible();
  await expect(page.locator("#graph h2 span[lang='en']")).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.reluExplorer.stateHash())).toContain("lang=zh-CN");
  expect(canvasProblems(await canvasReport(page))).toEqual([]);
  // And back.
  await page.locator("#lang-en").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await pageState(page)).title).toBe(before.title);
});

/** In the page: clicks the switch to `to` (drawn at the click), waits one frame, sends
 * `beforeprint` if `print`, and reports the parts then held in another language, the languages
 * their shown spans are in, and the languages of the shown spans on the screen. */
const switchAndLook = (page, to, print = false) => page.evaluate(async ({ to, print }) => {
  document.getElementById(`lang-${to}`).click();
  await window.__relu.nextFrame();
  if (print) window.dispatchEvent(new Event("beforeprint"));
  const shown = (root) => [...root.querySelectorAll("span[lang]")].filter((s) => s.getClientRects().length > 0);
  const onScreen = shown(document).filter((s) => {
    const r = s.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  return {
    behind: document.documentElement.dataset.partsBehind ?? null,
    held: [...document.querySelectorAll("[data-lang-part][lang]")].map((part) => ({
      lang: part.lang,
      shown: [...new Set(shown(part).map((s) => s.lang))],
    })),
    onScreen: [...new Set(onScreen.map((s) => s.lang))],
  };
}, { to, print });

test("a switch changes the screen in its frame, and the parts far from it a frame at a time after", async ({ page }) => {
  await open(page);
  // Loaded: the prose deferred at load is laid out (it too counts in data-parts-behind).
  await expect(page.locator("html")).not.toHaveAttribute("data-parts-behind", /.*/);
  const now = await switchAndLook(page, "zh-CN");
  expect(now.onScreen, "what is on screen switched in the switch's frame").toEqual(["zh-CN"]);
  expect(now.held.length, "parts far below the screen are held for a few frames").toBeGreaterThan(0);
  expect(Number(now.behind)).toBe(now.held.length);
  for (const part of now.held) expect(part, "a held part shows its own language only").toEqual({ lang: "en", shown: ["en"] });
  // Then they catch up, and the whole page is in Chinese.
  await expect(page.locator("html")).not.toHaveAttribute("data-parts-behind", /.*/);
  const settled = await page.evaluate(() => ({
    held: document.querySelectorAll("[data-lang-part][lang]").length,
    shown: [...new Set([...document.querySelectorAll("span[lang]")].filter((s) => s.getClientRects().length > 0).map((s) => s.lang))],
  }));
  expect(settled).toEqual({ held: 0, shown: ["zh-CN"] });
  // A held part scrolled into view catches up.
  const back = await switchAndLook(page, "en");
  expect(back.held.length).toBeGreaterThan(0);
  await page.locator("footer").scrollIntoViewIfNeeded();
  await expect(page.locator("footer")).not.toHaveAttribute("lang", /.*/);
  // Printing right after a switch prints every part in the new language.
  const printed = await switchAndLook(page, "zh-CN", true);
  expect(printed.behind).toBe(null);
  expect(printed.held).toEqual([]);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
});

test("a switch is drawn whole at its click: every chart before the next frame; a second switch in that frame waits for it", async ({ page }) => {
  await open(page);
  const seen = await page.evaluate(() => {
    const canvases = [...document.querySelectorAll("canvas")];
    const draws = () => canvases.map((c) => Number(c.dataset.draws ?? 0));
    const before = draws();
    document.getElementById("lang-zh-CN").click();
    const lang = document.documentElement.lang;
    const afterFirst = draws();
    document.getElementById("theme-dark").click();
    return { before, lang, afterFirst, afterSecond: draws(), theme: document.documentElement.dataset.theme ?? null };
  });
  expect(seen.lang).toBe("zh-CN");
  expect(seen.before.length).toBeGreaterThan(10);
  seen.afterFirst.forEach((n, k) => expect(n, `canvas ${k} redrawn in the click's task`).toBeGreaterThan(seen.before[k]));
  expect(seen.afterSecond, "the second switch draws nothing before the next frame").toEqual(seen.afterFirst);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => page.evaluate((counts) =>
    [...document.querySelectorAll("canvas")].every((c, k) => Number(c.dataset.draws ?? 0) > counts[k]), seen.afterSecond),
  { message: "the second switch's charts follow in the next frames" }).toBe(true);
});

test("a theme switch recolours the screen in its frame, and the parts far from it a frame at a time after", async ({ page }) => {
  /** Each part's text colour, whether it is on screen and the scheme it is held in, and the page's colour. */
  const look = () => page.evaluate(() => ({
    page: getComputedStyle(document.body).color,
    behind: document.documentElement.dataset.partsBehind ?? null,
    parts: [...document.querySelectorAll("[data-lang-part]")].map((part) => {
      const r = part.getBoundingClientRect();
      return { colour: getComputedStyle(part).color, onScreen: r.bottom > 0 && r.top < innerHeight, held: part.dataset.scheme ?? null };
    }),
  }));
  const settle = () => expect(page.locator("html")).not.toHaveAttribute("data-parts-behind", /.*/);
  await open(page, "#theme=dark");
  await settle();
  const dark = await look();
  await open(page, "#theme=light");
  await settle();
  const light = await look();
  expect(dark.page, "the schemes differ").not.toBe(light.page);

  await page.evaluate(async () => {
    document.getElementById("theme-dark").click();
    await window.__relu.nextFrame();
  });
  const now = await look();
  expect(now.page).toBe(dark.page);
  const held = now.parts.filter((part) => part.held);
  expect(held.length, "parts far below the screen keep their colours for a few frames").toBeGreaterThan(0);
  expect(Number(now.behind)).toBe(held.length);
  now.parts.forEach((part, i) => {
    if (part.onScreen) expect(part, `part ${i}, on screen, is recoloured in the switch's frame`).toEqual({ ...dark.parts[i], onScreen: true });
    if (part.held) expect(part, `part ${i}, held, shows the light scheme whole`).toEqual({ ...light.parts[i], onScreen: false, held: "light" });
  });
  await settle();
  expect((await look()).parts, "every part as on a page opened dark").toEqual(dark.parts.map((part) => ({ ...part, onScreen: part.onScreen })));
});

test("a link with lang=zh-CN opens in Chinese before the module runs; a bad lang is refused", async ({ page }) => {
  await open(page, "#lang=zh-CN");
  expect((await pageState(page)).lang).toBe("zh-CN");
  await expect(page.locator("#page-message")).toHaveAttribute("data-problems", "");
  const fresh = await page.context().newPage();
  await open(fresh, "#lang=fr&x=2");
  page = fresh;
  expect((await pageState(page)).lang, "the browser's language stays").toBe("en");
  await expect(page.locator("#page-message")).toHaveAttribute("data-problems", "lang");
  expect(await valueOf(page, "x-value"), "the rest of the link still applies").toBe("2");
});

test.describe("a Chinese browser", () => {
  test.use({ locale: "zh-CN" });
  test("gets the page in Chinese without asking", async ({ page }) => {
    await open(page);
    expect((await pageState(page)).lang).toBe("zh-CN");
    await expect(page.locator("#lang-zh-CN")).toHaveAttribute("aria-pressed", "true");
    // The link says nothing until the reader chooses.
    expect(await page.evaluate(() => window.reluExplorer.stateHash())).not.toContain("lang=");
  });
});

test("the theme switch sets data-theme, redraws the charts and is kept in the link", async ({ page }) => {
  await open(page);
  const before = await pageState(page);
  await page.locator("#theme-dark").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("#theme-dark")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await pageState(page)).draws.every((n, i) => n > before.draws[i])).toBe(true);
  await expect.poll(() => page.evaluate(() => window.reluExplorer.stateHash())).toContain("theme=dark");
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.locator("#theme-auto").click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).not.toBe(background);
});

for (const lang of LANGS) {
  test(`stringTest=xss (${lang}): markup in every string is shown as text, never parsed`, async ({ page }) => {
    // The fixture fails the test on any dialog: the prefix's onerror would call alert().
    await open(page, `#lang=${lang}&stringTest=xss`);
    const found = await page.evaluate((prefix) => ({
      images: document.querySelectorAll("img").length,
      bold: document.querySelectorAll("b").length,
      shown: document.body.textContent.split(prefix).length - 1,
      title: document.title.startsWith(prefix),
      label: document.getElementById("lab-fit").getAttribute("aria-label")?.startsWith(prefix),
    }), XSS_PREFIX);
    expect(found.images, "no <img> parsed from a string").toBe(0);
    expect(found.bold, "no <b> parsed from a string").toBe(0);
    expect(found.shown, "the prefix shows as text").toBeGreaterThan(100);
    expect(found.title, "program text (the title) carries it").toBe(true);
    await page.locator("#lab-step").click();
    await expect.poll(() => page.evaluate((prefix) =>
      document.getElementById("lab-fit").getAttribute("aria-label")?.startsWith(prefix), XSS_PREFIX)).toBe(true);
    expect(canvasProblems(await canvasReport(page))).toEqual([]);
  });

  test(`stringTest=long (${lang}): doubled strings break no layout, at 360 px and at 1280 px`, async ({ page }) => {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, `#lang=${lang}&stringTest=long`);
      const layout = await overflowing(page);
      expect(layout.wide, `nothing past the right edge at ${width} px`).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      expect(canvasProblems(await canvasReport(page))).toEqual([]);
    }
  });

  test.describe(`a phone (${lang})`, () => {
  test.use({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
  test(`at 360×800 nothing is wider than the screen, and a finger moves x`, async ({ page }, info) => {
    await open(page, `#lang=${lang}`);
    const layout = await overflowing(page);
    await page.screenshot({ path: info.outputPath(`phone-${lang}.png`), fullPage: true });
    expect(layout.wide).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(360);
    // A finger on the graph moves x.
    await page.locator("#graph-canvas").scrollIntoViewIfNeeded();
    const box = await page.locator("#graph-canvas").boundingBox();
    const start = await valueOf(page, "x-value");
    await page.touchscreen.tap(box.x + box.width * 0.2, box.y + box.height / 2);
    await nextFrame(page);
    expect(await valueOf(page, "x-value")).not.toBe(start);
  });
  });

  for (const theme of THEMES) {
    test(`axe-core (${lang}, ${theme}): no WCAG 2.2 A or AA violation`, async ({ page }) => {
      await open(page, `#lang=${lang}&theme=${theme}`);
      // Content-visibility skips layout of far sections; axe measures colours, so lay them out.
      await page.evaluate(() => document.querySelectorAll("*").forEach((el) => {
        if (getComputedStyle(el).contentVisibility === "auto") el.style.contentVisibility = "visible";
      }));
      await nextFrame(page);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    });
  }
}

test("keyboard: the focused graph moves x with the arrow keys, Page Up/Down, Home and End", async ({ page }) => {
  await open(page);
  const canvas = page.locator("#graph-canvas");
  await canvas.focus();
  const x = async () => Number(await valueOf(page, "x-value"));
  const start = await x();
  await page.keyboard.press("ArrowRight");
  await expect.poll(x).toBeCloseTo(start + 0.05, 10);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(x).toBeCloseTo(start - 0.05, 10);
  await page.keyboard.press("PageUp");
  await expect.poll(x).toBeCloseTo(start + 1.95, 10);
  await page.keyboard.press("End");
  await expect.poll(x).toBe(10);
  await page.keyboard.press("Home");
  await expect.poll(x).toBe(-10);
  // The page did not scroll on those keys.
  await expect(canvas).toBeFocused();
});

test("the lab: Play keeps its name, aria-pressed says it runs; only the result is announced", async ({ page }) => {
  await open(page);
  const play = page.locator("#lab-play");
  const name = await play.evaluate((el) => el.textContent);
  expect(await page.locator("#lab-status").getAttribute("role")).toBe(null);
  expect(await page.locator("#lab-status").getAttribute("aria-live")).toBe(null);
  await expect(page.locator("#lab-announce")).toHaveAttribute("role", "status");
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "true");
  expect(await play.evaluate((el) => el.textContent), "one name").toBe(name);
  // While it runs the status changes every frame; the live region does not.
  const announced = await page.locator("#lab-announce").textContent();
  await page.waitForFunction(() => Number(document.getElementById("lab").dataset.steps) > 200);
  const status = await page.locator("#lab-status").textContent();
  expect(await page.locator("#lab-announce").textContent()).toBe(announced);
  expect(status).not.toBe(announced);
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => [await page.locator("#lab-announce").textContent(), await page.locator("#lab-status").textContent()])
    .toEqual([await page.locator("#lab-status").textContent(), await page.locator("#lab-status").textContent()]);
  // The born-dead survey's live output is busy while its count grows, and done after.
  await expect(page.locator("#born-mc")).toHaveAttribute("aria-busy", "false");
  // The learning rate slider's position is a logarithm; a screen reader hears the rate.
  await expect(page.locator("#lab-lr")).toHaveAttribute("aria-valuetext", "0.05");
});

test("text skipped by content-visibility is still in innerText, and printing lays out every section", async ({ page }) => {
  await open(page);
  // The prose far down the page is laid out a block a frame after the first drawing.
  await expect(page.locator("html")).not.toHaveAttribute("data-parts-behind", /.*/);
  const deferred = await page.evaluate(() => document.querySelectorAll("[data-deferred]").length);
  expect(deferred, "no block is still deferred").toBe(0);
  const lengths = await page.evaluate(() =>
    ["formula", "graph", "strengths", "weaknesses", "torch"].map((id) => document.getElementById(id).innerText.length));
  for (const length of lengths) expect(length).toBeGreaterThan(200);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    skipped: [...document.querySelectorAll("section, article, div")]
      .filter((el) => getComputedStyle(el).contentVisibility !== "visible").map((el) => el.id || el.className),
    controls: [...document.querySelectorAll("input, select, button")]
      .filter((el) => el.getClientRects().length > 0).map((el) => el.id),
    canvases: [...document.querySelectorAll("canvas")].filter((el) => el.getClientRects().length === 0).map((el) => el.id),
  }));
  expect(printed.skipped, "nothing skipped in print").toEqual([]);
  // Charts are drawn light for paper, whatever the theme, and as before afterwards.
  await open(page, "#theme=dark");
  const corner = () => page.evaluate(() => window.__relu.cornerReds());
  const dark = await corner();
  expect(dark.every((red) => red < 100), `dark charts on screen: ${dark}`).toBe(true);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const paper = await corner();
  expect(paper.every((red) => red > 200), `light charts on paper: ${paper}`).toBe(true);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  expect(await corner()).toEqual(dark);
  expect(printed.controls, "no controls in print").toEqual([]);
  expect(printed.canvases, "every chart in print").toEqual([]);
});
