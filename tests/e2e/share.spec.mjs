// Sharing (site/share.js): each embeddable part's Embed button opens a dialog whose <iframe>
// code shows that part alone in the page's current state and language, copies it and previews
// it; "Copy link" copies a link that opens the same state. Both languages, from the keyboard.
// Waits are on what the page reports (data-drawn, the statuses' data-result, stateHash()),
// never on prose; the code and the links are compared key by key.

import { DRAWN_TIMEOUT_MS } from "./browser.mjs";
import { axeViolations, expect, idle, open, test } from "./fixtures.mjs";

/** A state away from every default that the parts show (graph, lab, born-dead, torch). */
const STATE = "x=-2.5&xmin=-4&xmax=4&leaky=1&slope=0.2&act=leaky&width=8&bw=5&tx=1%2C-2%2C3";
const LANGS = ["en", "zh-CN"];

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** A hash's `key=value` pairs, without the keys in `drop`. */
const pairs = (hash, drop = []) =>
  hash.replace(/^#/, "").split("&").filter((p) => p && !drop.includes(p.split("=", 1)[0]));

/** The page's URL without its hash. */
const pageUrl = (page) => page.url().split("#")[0];

/** What the dialog's code holds: its elements' tags, and the iframe's attributes. */
const snippet = (page) => page.locator("#share-code").evaluate((code) => {
  const doc = new DOMParser().parseFromString(code.value, "text/html");
  const frame = doc.querySelector("iframe");
  return {
    tags: [...doc.body.querySelectorAll("*")].map((el) => el.localName),
    src: frame?.getAttribute("src"),
    title: frame?.getAttribute("title"),
    height: Number(frame?.getAttribute("height")),
    width: frame?.getAttribute("width"),
  };
});

test("every embeddable part has an Embed button of its own, by its heading", async ({ page }) => {
  await open(page);
  const parts = await page.evaluate(() => [...document.querySelectorAll("[data-embeddable]")].map((part) => {
    const button = document.getElementById(`embed-${part.id}`);
    return {
      id: part.id,
      own: button?.closest("[data-embeddable]") === part,
      opens: button?.dataset.share,
      byHeading: button?.parentElement.matches(".section-head:has(> :is(h2, h4))") ?? false,
    };
  }));
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) expect(part, `#${part.id}`).toEqual({ id: part.id, own: true, opens: "embed", byHeading: true });
});

for (const lang of LANGS) {
  test(`${lang}: a screen reader tells the Embed buttons apart: each is named by its part's heading`, async ({ page }) => {
    await open(page, `#lang=${lang}`);
    const buttons = await page.evaluate(() => [...document.querySelectorAll("[data-embeddable]")].map((part) => {
      const button = document.getElementById(`embed-${part.id}`);
      const heading = button.parentElement.querySelector(":is(h2, h4)");
      // The text in the language shown (innerText reads nothing in a part not yet rendered).
      const shown = (el) => el.querySelector(`span[lang="${document.documentElement.lang}"]`).textContent.trim();
      return { id: button.id, own: shown(button), heading: shown(heading) };
    }));
    for (const { id, own, heading } of buttons) {
      expect(own, id).not.toBe("");
      expect(heading, id).not.toBe("");
      // The name the browser computes for assistive technology, in the language shown.
      await expect(page.locator(`#${id}`)).toHaveAccessibleName(`${own} ${heading}`);
    }
    expect(new Set(buttons.map((b) => b.heading)).size).toBe(buttons.length);
  });

  test(`${lang}: each part's Embed dialog writes, copies and previews its frame in the current state`, async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, `#${STATE}&lang=${lang}`);
    await idle(page);
    const state = await page.evaluate(() => window.reluExplorer.stateHash());
    const ids = await page.evaluate(() => [...document.querySelectorAll("[data-embeddable]")].map((el) => el.id));
    const dialog = page.locator("#share-dialog");
    for (const id of ids) {
      const button = page.locator(`#embed-${id}`);
      await button.focus();
      await page.keyboard.press("Enter");
      await expect(dialog, `#embed-${id} opens the dialog`).toHaveAttribute("open", "");
      await expect(page.locator("#share-copy"), "the dialog starts on its copy button").toBeFocused();
      await expect(page.locator("#share-file-note"), "a served page's code works anywhere").toBeHidden();

      const code = await snippet(page);
      expect(code.tags, `${id}: the code is one iframe`).toEqual(["iframe"]);
      expect(code.title, `${id}: the frame has a title`).toBeTruthy();
      expect(code.height, `${id}: a height`).toBeGreaterThan(200);
      expect(code.width).toBe("100%");
      const [base, hash] = code.src.split("#");
      expect(base, `${id}: the page's own link`).toBe(pageUrl(page));
      const params = new URLSearchParams(hash);
      expect(params.getAll("embed"), `${id}: embed=`).toEqual([id]);
      expect(params.getAll("lang"), `${id}: lang=`).toEqual([lang]);
      expect(pairs(hash, ["embed", "lang"]), `${id}: the state`).toEqual(pairs(state, ["embed", "lang"]));

      // The preview shows the code's link: that part alone, drawn, in this language and state.
      expect(await page.locator("#share-preview").evaluate((f) => [f.src, f.title])).toEqual([code.src, code.title]);
      const frame = page.frameLocator("#share-preview");
      await expect(frame.locator("html"), `${id}: the preview draws`)
        .toHaveAttribute("data-drawn", "true", { timeout: DRAWN_TIMEOUT_MS });
      await expect(frame.locator("html")).toHaveAttribute("lang", lang);
      await expect(frame.locator("html")).toHaveAttribute("data-embed", id);
      await expect(frame.locator(`#${id}`)).toBeVisible();
      await expect(frame.locator("h1")).toBeHidden();
      await expect(frame.locator(`#embed-${id}`), "no Embed button in a frame").toBeHidden();
      const inFrame = await page.frame({ url: code.src }).evaluate(() => window.reluExplorer.stateHash());
      expect(pairs(inFrame, ["embed", "lang"]), `${id}: the preview's state`).toEqual(pairs(state, ["embed", "lang"]));

      // Copy, from the keyboard: the clipboard holds the code.
      await page.keyboard.press("Enter");
      await expect(page.locator("#share-status"), `${id}: copied`).toHaveAttribute("data-result", "done");
      await expect(page.locator("#share-status [data-says=done]")).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await page.locator("#share-code").inputValue());

      // Escape closes it; focus goes back to the button, and the preview stops.
      await page.keyboard.press("Escape");
      await expect(dialog).not.toHaveAttribute("open", /.*/);
      await expect(button).toBeFocused();
      expect(await page.locator("#share-preview").evaluate((f) => f.src)).toBe("about:blank");
    }
  });

  test(`${lang}: Copy link copies a link that opens the same state`, async ({ page, context }) => {
    await open(page, `#${STATE}&lang=${lang}`);
    await idle(page);
    const state = await page.evaluate(() => window.reluExplorer.stateHash());
    await page.locator("#copy-link").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#copy-link-status")).toHaveAttribute("data-result", "done");
    await expect(page.locator("#copy-link-status [data-says=done]")).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${pageUrl(page)}#${state}`);
    const other = await context.newPage();
    await open(other, link.slice(pageUrl(page).length));
    expect(await other.evaluate(() => window.reluExplorer.stateHash())).toBe(state);
    await expect(other.locator("html")).toHaveAttribute("lang", lang);
  });

  test(`${lang}: the open dialog passes axe-core`, async ({ page }) => {
    await open(page, `#lang=${lang}`);
    await page.locator("#embed-graph").click();
    await expect(page.frameLocator("#share-preview").locator("html"))
      .toHaveAttribute("data-drawn", "true", { timeout: DRAWN_TIMEOUT_MS });
    const violations = await axeViolations(page, "#share-dialog");
    expect(violations).toEqual([]);
  });
}

test("where the clipboard refuses, the code is selected and the dialog says to copy it by hand", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
    document.execCommand = () => false;
  });
  await open(page, `#${STATE}`);
  await page.locator("#embed-lab").click();
  await page.locator("#share-copy").click();
  await expect(page.locator("#share-status")).toHaveAttribute("data-result", "failed");
  await expect(page.locator("#share-status [data-says=failed]")).toBeVisible();
  await expect(page.locator("#share-status [data-says=done]")).toBeHidden();
  await expect(page.locator("#share-code")).toBeFocused();
  const selected = await page.locator("#share-code").evaluate((t) => [t.selectionStart, t.selectionEnd, t.value.length]);
  expect(selected).toEqual([0, selected[2], selected[2]]);
  await page.locator("#share-close").click();
  await expect(page.locator("#share-dialog")).not.toHaveAttribute("open", /.*/);
  await expect(page.locator("#embed-lab")).toBeFocused();

  await page.locator("#copy-link").click();
  await expect(page.locator("#copy-link-status")).toHaveAttribute("data-result", "failed");
  await expect(page.locator("#copy-link-status [data-says=failed]")).toBeVisible();
});

test("the sharing tools are neither in a frame's part nor on paper, and load only when used", async ({ page }) => {
  const scripts = [];
  page.on("request", (req) => scripts.push(new URL(req.url()).pathname));
  await open(page);
  expect(scripts, "share.js waits for a first click").not.toContain("/share.js");
  await page.emulateMedia({ media: "print" });
  for (const id of ["copy-link", "embed-graph", "embed-lab"]) await expect(page.locator(`#${id}`)).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await open(page, "#embed=lab");
  await expect(page.locator("#lab")).toBeVisible();
  await expect(page.locator("#embed-lab")).toBeHidden();
  await expect(page.locator("#copy-link")).toBeHidden();
});
