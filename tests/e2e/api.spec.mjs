// The JS API reference (api.html), as a course author reads it: every export the module has is
// documented there with an example, every example runs in the page and prints exactly what its
// `// →` comments say it prints, Run runs it again, the page speaks both languages and passes
// axe-core, and the explorer links to it.
//
// The checks compare code with code (the module's exports with the entries' ids, an example's
// `// →` lines with what it printed), never the page's prose, which is translated.

import { axeViolations, expect, test } from "./fixtures.mjs";

/** The module's exports that are not the API a course author scripts: wasm-bindgen's loaders
 * (documented in the page's "Loading" section) and the explorer's own mount. */
const NOT_API = ["default", "initSync", "mount", "Explorer"];

/** Opens the reference with `hash` and waits until every example has run once. */
async function openReference(page, hash = "") {
  await page.goto(`api.html${hash}`);
  const examples = await page.locator(".api-example").count();
  expect(examples, "the reference has examples").toBeGreaterThan(10);
  await expect(page.locator("html")).toHaveAttribute("data-examples-run", String(examples), { timeout: 30_000 });
  return examples;
}

/** What an example's code says it prints: its `// → ` lines, in order. */
const promised = (code) => code.split("\n").filter((l) => l.startsWith("// → ")).map((l) => l.slice(5));

test("every export of the module has an entry, and every method of Mlp a signature", async ({ page }) => {
  await openReference(page);
  const api = await page.evaluate(async () => {
    const module = await import("./pkg/relu_explorer.js");
    const methods = Object.getOwnPropertyNames(module.Mlp.prototype)
      .filter((name) => name !== "constructor" && !name.startsWith("__"));
    return { exports: Object.keys(module), methods };
  });
  const functions = api.exports.filter((name) => !NOT_API.includes(name));
  expect(functions).toContain("relu");
  expect(functions).toContain("Mlp");
  for (const name of functions) {
    await expect(page.locator(`article#${name} .api-example`), `${name} has an entry with an example`).toHaveCount(1);
  }
  const signatures = await page.locator("#mlp h3 code, #mlp > p code, #Mlp .api-example code").allTextContents();
  for (const method of api.methods) {
    expect(signatures.some((s) => s.includes(`net.${method}`)), `Mlp's ${method} is documented`).toBe(true);
  }
});

test("every example runs and prints what its comments say", async ({ page }) => {
  const count = await openReference(page);
  for (const example of await page.locator(".api-example").all()) {
    const id = await example.getAttribute("id");
    await expect(example, `${id} finished`).toHaveAttribute("data-state", "done");
    const code = await example.locator("pre code").textContent();
    const printed = (await example.locator("output").textContent()).trimEnd().split("\n");
    expect(promised(code).length, `${id} says what it prints`).toBeGreaterThan(0);
    expect(printed, `${id} printed what its // → lines say`).toEqual(promised(code));
  }
  expect(count).toBe(14);
});

test("the page shows each example's file exactly as it is served", async ({ page, request }) => {
  await openReference(page);
  for (const example of await page.locator(".api-example").all()) {
    const src = await example.getAttribute("data-src");
    const served = await (await request.get(`api/${src}`)).text();
    expect(await example.locator("pre code").textContent()).toBe(served.replace(/\n$/, ""));
  }
});

test("Run runs an example again, and a keyboard reaches it", async ({ page }) => {
  const count = await openReference(page);
  const example = page.locator("#example-trainStep");
  const before = await example.locator("output").textContent();
  await example.locator("button[data-run]").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-examples-run", String(count + 1));
  await expect(example).toHaveAttribute("data-state", "done");
  expect(await example.locator("output").textContent(), "the same seed trains the same").toBe(before);
});

test("a worker that cannot start fails each example with the reason, and the page goes on", async ({ page }) => {
  await page.route("**/api/run.js", (route) =>
    route.fulfill({ contentType: "text/javascript", body: "throw new Error(\"the worker is broken\");" }));
  const count = await openReference(page);
  const states = await page.locator(".api-example").evaluateAll((all) => all.map((e) => e.dataset.state));
  expect(states).toEqual(Array(count).fill("failed"));
  await expect(page.locator("#example-relu output")).toContainText("the worker is broken");
});

test("the language buttons switch the page, and a link picks its language", async ({ page }) => {
  await openReference(page, "#lang=zh-CN");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator('button[data-lang="zh-CN"]')).toHaveAttribute("aria-pressed", "true");
  const heading = page.locator("#relu-heading");
  await page.locator('button[data-lang="en"]').click();
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page.locator('button[data-lang="en"]')).toHaveAttribute("aria-pressed", "true");
  expect(new URL(page.url()).hash).toBe("#lang=en");
  // Each language's text is there and only the page's own shows.
  const shown = (lang) => page.locator(`#relu > p > span[lang="${lang}"]`).isVisible();
  expect([await shown("en"), await shown("zh-CN")]).toEqual([true, false]);
  await expect(heading).toBeVisible();
});

for (const lang of ["en", "zh-CN"]) {
  for (const scheme of ["light", "dark"]) {
    test(`axe-core (${lang}, ${scheme}): no WCAG 2.2 A or AA violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openReference(page, `#lang=${lang}`);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
    });
  }
}

test("on a phone the reference fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openReference(page, "#lang=zh-CN");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no sideways scrolling of the page").toBeLessThanOrEqual(0);
});

test("the explorer links to the reference", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator('footer a[href="api.html"]')).toHaveCount(1);
});
