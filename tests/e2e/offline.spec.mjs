// The offline files `cargo xtask dist` writes (cargo xtask test runs it before these tests):
// the single file opened from disk with every request but its own refused, and the SCORM 1.2
// package's launch page inside a host page whose `API` is scorm-again's SCORM 1.2 run-time.

import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { unzipSync } from "fflate";

import { manifestErrors } from "../../xtask/scorm_schema.mjs";
import { canvasProblems, canvasReport, drawn, expect, problemKeys, test } from "./fixtures.mjs";

const root = new URL("../../", import.meta.url);
const SINGLE_FILE = fileURLToPath(new URL("dist/relu-explorer.html", root));
const SCORM_ZIP = fileURLToPath(new URL("dist/relu-explorer-scorm12.zip", root));
const FILE_URL = pathToFileURL(SINGLE_FILE).href;
/** Each one-language file's URL. */
const ONE_LANGUAGE = Object.fromEntries(["en", "zh-CN"].map((lang) =>
  [lang, pathToFileURL(fileURLToPath(new URL(`dist/relu-explorer_${lang}.html`, root))).href]));

/** Opens the single file (or the file at `url`) with `hash`, as a new document, drawn. */
async function openFile(page, hash = "", url = FILE_URL) {
  if (page.url() !== "about:blank") await page.goto("about:blank");
  await page.goto(url + hash, { waitUntil: "commit" });
  await drawn(page);
}

const stateHash = (page) => page.evaluate(() => window.reluExplorer.stateHash());

test.describe("the single file, from disk", () => {
  test.use({ onlyFile: FILE_URL });

  test("draws every canvas, requests nothing and switches language", async ({ page }) => {
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await openFile(page);
    expect(canvasProblems(await canvasReport(page))).toEqual([]);
    expect(requests, "the only request is for the file itself").toEqual([FILE_URL]);
    await page.locator("#lang-zh-CN").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.locator("#graph h2 span[lang='zh-CN']")).toBeVisible();
    await expect.poll(() => stateHash(page)).toContain("lang=zh-CN");
    expect(canvasProblems(await canvasReport(page))).toEqual([]);
    // The lab trains: the module runs, not only draws.
    await page.locator("#lab-play").click();
    await expect.poll(() => page.locator("#lab").evaluate((el) => Number(el.dataset.steps))).toBeGreaterThan(0);
    expect(requests).toEqual([FILE_URL]);
  });

  test("embed= and lang= work in it", async ({ page }) => {
    await openFile(page, "#embed=graph&lang=zh-CN&x=-2.5");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.locator("#graph")).toBeVisible();
    await expect(page.locator("h1")).toBeHidden();
    await expect(page.locator("#lab")).toBeHidden();
    expect(canvasProblems(await canvasReport(page)).filter((p) => p.startsWith("graph"))).toEqual([]);
    expect(await problemKeys(page)).toEqual([]);
    expect(await stateHash(page)).toContain("x=-2.5");
  });

  test("its sharing and export tools work from the file: the Embed preview, a PNG, a CSV", async ({ page }) => {
    const requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await openFile(page, "#x=-1");
    await page.locator("#embed-graph").click();
    const preview = page.frameLocator("#share-preview");
    await expect(preview.locator("html")).toHaveAttribute("data-drawn", "true", { timeout: 20_000 });
    await expect(preview.locator("html")).toHaveAttribute("data-embed", "graph");
    // Its code names this file, which no course page can frame: the dialog says so.
    await expect(page.locator("#share-file-note")).toBeVisible();
    await page.keyboard.press("Escape");
    for (const id of ["export-graph-png", "export-graph-csv"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
      expect((await readFile(await download.path())).length, `${id} saved something`).toBeGreaterThan(100);
    }
    // The file, and the preview's copy of it: nothing else.
    expect(requests.filter((url) => !url.startsWith("blob:")).map((url) => url.split("#")[0]))
      .toEqual([FILE_URL, FILE_URL]);
  });

  test("a link's state is the same in the single file and on the hosted page, both ways", async ({ page, browser, baseURL }) => {
    const link = "#x=1.75&lang=zh-CN&theme=dark&embed=torch&hide=x-min";
    await openFile(page, link);
    const inFile = await stateHash(page);
    expect(inFile).toContain("embed=torch");
    // The hosted page, in a context of its own: this one lets nothing but the file load.
    const hosted = await browser.newContext();
    try {
      const other = await hosted.newPage();
      await other.goto(new URL(`#${inFile}`, baseURL).href, { waitUntil: "commit" });
      await drawn(other);
      const onServer = await stateHash(other);
      expect(onServer).toBe(inFile);
      await openFile(page, `#${onServer}`);
      expect(await stateHash(page)).toBe(inFile);
    } finally {
      await hosted.close();
    }
  });
});

for (const [lang, url] of Object.entries(ONE_LANGUAGE)) {
  const other = lang === "en" ? "zh-CN" : "en";
  test.describe(`the ${lang} file, from disk`, () => {
    // A browser that prefers the other language still gets the file's.
    test.use({ onlyFile: url, locale: other });

    test("holds its language alone, smaller, and refuses the other with a message", async ({ page }) => {
      const [one, both] = await Promise.all([readFile(fileURLToPath(url)), readFile(SINGLE_FILE)]);
      expect(one.length, "smaller than the file with both languages").toBeLessThan(both.length);
      await openFile(page, "#x=3", url);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      expect(await page.locator(`span[lang='${other}']`).count(), `no ${other} prose`).toBe(0);
      await expect(page.locator(`#graph h2 span[lang='${lang}']`)).toBeVisible();
      await expect(page.locator(`#lang-${other}`), "no switch to a language it lacks").toBeHidden();
      expect(canvasProblems(await canvasReport(page))).toEqual([]);
      expect(await problemKeys(page)).toEqual([]);
      // A link in the other language: refused, said, and the rest of it followed.
      await openFile(page, `#lang=${other}&x=-4`, url);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      expect(await problemKeys(page)).toEqual(["lang"]);
      await expect(page.locator("#page-message")).toBeVisible();
      expect(await page.locator("#page-message").textContent()).toContain(`relu-explorer_${other}.html`);
      expect(await stateHash(page)).toBe("x=-4");
      // And in a link that changes in place.
      await page.evaluate((to) => { location.hash = `lang=${to}&x=1`; }, other);
      await expect.poll(() => stateHash(page)).toBe("x=1");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
    });
  });
}

/** The package's files by name. */
const scormFiles = async () => unzipSync(await readFile(SCORM_ZIP));

test("the SCORM package's manifest is at its root and valid against the SCORM 1.2 schemas", async () => {
  const files = await scormFiles();
  const manifest = new TextDecoder().decode(files["imsmanifest.xml"]);
  expect(await manifestErrors(manifest)).toEqual([]);
  expect(manifest).toContain('adlcp:scormtype="sco"');
  // Every file the manifest names is in the zip.
  for (const [, href] of manifest.matchAll(/<file href="([^"]+)"/g)) expect(Object.keys(files)).toContain(href);
  expect(manifest.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
});

test.describe("the SCORM package in an LMS", () => {
  // The LMS: a host page on an origin of its own (served by the test), holding scorm-again's
  // SCORM 1.2 run-time as `window.API`, with the package unzipped under /sco/.
  const LMS = "http://lms.test/";
  test.use({ baseURL: LMS });

  /** Serves the host page, scorm-again and the package; opens the host with `language` as the
   * learner's preference; returns the page and the run-time's calls as the host saw them. */
  async function launch(page, language, hash = "") {
    const files = await scormFiles();
    const runtime = await readFile(new URL("node_modules/scorm-again/dist/scorm12.min.js", root));
    await page.route(`${LMS}**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/") {
        return route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><title>LMS</title><script src="/scorm12.js"></script><script>
            window.calls = [];
            window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
            API.cmi.student_preference.language = ${JSON.stringify(language)};
            for (const name of ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"]) {
              API.on(name, (element, value) => calls.push([name, element ?? null, value ?? null]));
            }
          </script><iframe id="sco" src="/sco/index.html${hash}" style="width:1000px;height:700px"></iframe>`,
        });
      }
      if (path === "/scorm12.js") return route.fulfill({ contentType: "text/javascript", body: runtime });
      const file = files[path.replace(/^\/sco\//, "")];
      return file
        ? route.fulfill({ contentType: path.endsWith(".html") ? "text/html" : "application/xml", body: Buffer.from(file) })
        : route.fulfill({ status: 404, body: "" });
    });
    await page.goto(LMS);
    const sco = page.frameLocator("#sco");
    await expect(sco.locator("html")).toHaveAttribute("data-drawn", "true", { timeout: 20_000 });
    return sco;
  }

  const calls = (page) => page.evaluate(() => window.calls.map(([name, element]) => [name, element]));

  for (const [preference, lang] of [["zh-CN", "zh-CN"], ["en-GB", "en"]]) {
    test(`initialises, shows the learner's language (${preference}) and finishes on leaving`, async ({ page }) => {
      const sco = await launch(page, preference);
      await expect(sco.locator("html")).toHaveAttribute("lang", lang);
      expect(await calls(page)).toEqual([
        ["LMSInitialize", null],
        ["LMSGetValue", "cmi.student_preference.language"],
      ]);
      // The learner leaves: the LMS takes the frame away.
      await page.evaluate(() => document.getElementById("sco").remove());
      const after = await page.evaluate(() => window.calls);
      expect(after.map(([name, element]) => [name, element])).toEqual([
        ["LMSInitialize", null],
        ["LMSGetValue", "cmi.student_preference.language"],
        ["LMSSetValue", "cmi.core.lesson_status"],
        ["LMSSetValue", "cmi.core.session_time"],
        ["LMSCommit", null],
        ["LMSFinish", null],
      ]);
      expect(await page.evaluate(() => [API.cmi.core.lesson_status, API.isTerminated()])).toEqual(["completed", true]);
    });
  }

  test("a link's language wins over the learner's preference", async ({ page }) => {
    const sco = await launch(page, "zh-CN", "#lang=en");
    await expect(sco.locator("html")).toHaveAttribute("lang", "en");
    expect(await calls(page)).toEqual([["LMSInitialize", null]]);
  });

  test("works without an LMS", async ({ page }) => {
    // No API anywhere: the launch page opened on its own.
    const files = await scormFiles();
    await page.route(`${LMS}**`, (route) => route.fulfill({ contentType: "text/html", body: Buffer.from(files["index.html"]) }));
    await page.goto(`${LMS}index.html#lang=zh-CN`);
    await drawn(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    expect(canvasProblems(await canvasReport(page))).toEqual([]);
  });
});
