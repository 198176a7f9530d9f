// The exports: every chart's PNG and the CSVs, as a person gets them, by keyboard. Every
// canvas has its own export button, named in both languages and reachable with Tab; a PNG is
// the canvas's picture at its backing size; the CSVs have their headers and rows, and the
// graph's numbers are exactly what the module's relu gives.
//
// The checks read the downloaded files and the page's data- attributes and module, never the
// page's prose, which is translated.

import { readFile } from "node:fs/promises";

import { expect, idle, open, test } from "./fixtures.mjs";

/** The export buttons by id, with the file each saves and, for a PNG, its canvas. */
const PNG_EXPORTS = {
  "export-graph-png": ["relu-explorer-graph.png", "graph-canvas"],
  "export-depth-png": ["relu-explorer-gradient-depth.png", "depth-canvas"],
  "export-growth-png": ["relu-explorer-no-upper-limit.png", "growth-canvas"],
  "export-zigzag-png": ["relu-explorer-not-zero-centred.png", "zigzag-canvas"],
  "export-relusum-png": ["relu-explorer-sum-of-relus.png", "relusum-canvas"],
  "export-speed-png": ["relu-explorer-speed.png", "speed-canvas"],
  "export-sparsity-png": ["relu-explorer-sparsity.png", "sparsity-canvas"],
  "export-lab-fit": ["relu-explorer-lab-fit.png", "lab-fit"],
  "export-lab-units": ["relu-explorer-lab-units.png", "lab-units"],
  "export-lab-dead": ["relu-explorer-lab-dead.png", "lab-dead-chart"],
  "export-lab-loss": ["relu-explorer-lab-loss.png", "lab-loss-chart"],
};
const CSV_EXPORTS = {
  "export-graph-csv": "relu-explorer-graph.csv",
  "export-lab-csv": "relu-explorer-lab-history.csv",
};

/** Presses Enter on the button `id` (focused as Tab would) and returns the file it saves. */
async function download(page, id) {
  await page.locator(`#${id}`).focus();
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  return file;
}

/** The downloaded file's bytes. */
async function bytes(file) {
  const failure = await file.failure();
  expect(failure, `${file.suggestedFilename()} downloaded`).toBeNull();
  return readFile(await file.path());
}

/** A CSV's rows of cells (the files end with a newline and quote nothing). */
function parseCsv(text) {
  expect(text.endsWith("\n"), "the CSV ends with a newline").toBe(true);
  return text.slice(0, -1).split("\n").map((line) => line.split(","));
}

test("every canvas has its own export button, and the buttons are reached with Tab", async ({ page }) => {
  await open(page);
  const exports = await page.evaluate(() => [...document.querySelectorAll("canvas")].map((canvas) => ({
    canvas: canvas.id,
    buttons: [...document.querySelectorAll("button[data-export]")]
      .filter((b) => b.dataset.canvas === canvas.id).map((b) => b.id),
  })));
  expect(exports.map((e) => e.canvas).sort()).toEqual(Object.values(PNG_EXPORTS).map(([, c]) => c).sort());
  for (const { canvas, buttons } of exports) {
    expect(buttons, `#${canvas}'s export buttons`).toHaveLength(1);
    expect(PNG_EXPORTS[buttons[0]]?.[1], `#${buttons[0]} saves #${canvas}`).toBe(canvas);
  }
  const all = await page.locator("button[data-export]").evaluateAll((buttons) => buttons.map((b) => b.id));
  expect(all.sort()).toEqual([...Object.keys(PNG_EXPORTS), ...Object.keys(CSV_EXPORTS)].sort());

  // Tab from the top of the page through every focusable element (bounded by their count).
  const focusable = await page.evaluate(() =>
    document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]").length);
  await page.locator("body").focus();
  const reached = new Set();
  for (let i = 0; i < focusable + 5 && reached.size < all.length; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement?.dataset.export ? document.activeElement.id : null);
    if (id) reached.add(id);
  }
  expect([...reached].sort()).toEqual(all.sort());
});

test("the export buttons are named in both languages, differently for each chart", async ({ page }) => {
  const names = {};
  for (const lang of ["en", "zh-CN"]) {
    await open(page, `#lang=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const ids = [...Object.keys(PNG_EXPORTS), ...Object.keys(CSV_EXPORTS)];
    names[lang] = {};
    for (const id of ids) {
      const button = page.getByRole("button", { name: await page.locator(`#${id}`).innerText(), exact: true });
      await expect(button, `#${id} in ${lang} is the one button of its name`).toHaveCount(1);
      await expect(button).toHaveId(id);
      names[lang][id] = await page.locator(`#${id}`).innerText();
      expect(names[lang][id].trim(), `#${id} has a name in ${lang}`).not.toBe("");
    }
  }
  for (const id of Object.keys(names.en)) {
    expect(names["zh-CN"][id], `#${id} is translated`).not.toBe(names.en[id]);
  }
});

for (const [id, [name, canvas]] of Object.entries(PNG_EXPORTS)) {
  test(`#${id} saves #${canvas} as a PNG of its backing size and pixels`, async ({ page }) => {
    // The lab has taken a few steps, so that its history charts show lines.
    await open(page);
    if (canvas.startsWith("lab-")) {
      for (let step = 1; step <= 3; step++) {
        await page.locator("#lab-step").click();
        await expect(page.locator("#lab")).toHaveAttribute("data-steps", String(step));
      }
    }
    await idle(page);
    const file = await download(page, id);
    expect(file.suggestedFilename()).toBe(name);
    const png = await bytes(file);
    expect([...png.subarray(0, 8)], "a PNG signature").toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Decoded in the page, and compared with the canvas pixel by pixel.
    const got = await page.evaluate(async ({ base64, canvas }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([data], { type: "image/png" }));
      const source = document.getElementById(canvas);
      const [saved, shown] = [window.__relu.pixels(image), window.__relu.pixels(source)];
      let same = 0;
      for (let i = 0; i < saved.length; i++) if (saved[i] === shown[i]) same++;
      return {
        size: [image.width, image.height],
        canvas: [source.width, source.height],
        css: [source.clientWidth, source.clientHeight],
        colours: new Set(saved).size,
        same: same / saved.length,
      };
    }, { base64: png.toString("base64"), canvas });
    expect(got.size, "the backing store's size").toEqual(got.canvas);
    // The test screen is HiDPI (devicePixelRatio 2): the picture is twice the CSS size.
    expect(got.size[0]).toBeGreaterThanOrEqual(got.css[0] * 2 - 2);
    expect(got.colours, "not blank").toBeGreaterThan(10);
    expect(got.same, "the picture is the canvas's").toBeGreaterThan(0.999);
  });
}

test("the graph's CSV holds its samples at the current range: x, and relu exactly", async ({ page }) => {
  await open(page, "#xmin=-3&xmax=2&sigmoid=1");
  await idle(page);
  const file = await download(page, "export-graph-csv");
  expect(file.suggestedFilename()).toBe("relu-explorer-graph.csv");
  const text = (await bytes(file)).toString("utf8");
  expect(text, "the module's own CSV").toBe(await page.evaluate(() => window.reluExplorer.graphCsv()));
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(["x", "relu", "relu_derivative", "sigmoid", "sigmoid_derivative"]);
  // 1000 evenly spaced samples, and x = 0, where the kink is (not on this grid).
  expect(rows).toHaveLength(1 + 1000 + 1);
  const data = rows.slice(1);
  expect(data[0][0]).toBe("-3");
  expect(data.at(-1)[0]).toBe("2");
  expect(data.every((row) => row.length === 5)).toBe(true);
  // Every value against the module's relu and reluBackward, bit for bit.
  const mismatches = await page.evaluate(async (data) => {
    const { relu, reluBackward } = await import(`./${window.reluExplorerPackage ?? "pkg"}/relu_explorer.js`);
    const xs = Float32Array.from(data, (row) => Number(row[0]));
    const y = relu(xs);
    const dy = reluBackward(xs, new Float32Array(xs.length).fill(1));
    const bad = [];
    data.forEach((row, i) => {
      if (i > 0 && !(xs[i] > xs[i - 1])) bad.push(`x ${row[0]} after ${data[i - 1][0]}`);
      if (!Object.is(Math.fround(Number(row[1])), y[i])) bad.push(`relu(${row[0]}) = ${row[1]}, module ${y[i]}`);
      if (!Object.is(Math.fround(Number(row[2])), dy[i])) bad.push(`relu'(${row[0]}) = ${row[2]}, module ${dy[i]}`);
    });
    return bad;
  }, data);
  expect(mismatches).toEqual([]);
  const at = (x) => data.find((row) => row[0] === x);
  expect(at("0")?.slice(1, 3), "PyTorch's derivative at 0").toEqual(["0", "0"]);
  expect(at("2")?.slice(1, 3)).toEqual(["2", "1"]);
  expect(at("-3")?.slice(1, 3)).toEqual(["0", "0"]);
});

test("the lab's CSV holds its training history, a row per recorded step", async ({ page }) => {
  await open(page, "#depth=2");
  for (let step = 1; step <= 3; step++) {
    await page.locator("#lab-step").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#lab")).toHaveAttribute("data-steps", String(step));
  }
  const file = await download(page, "export-lab-csv");
  expect(file.suggestedFilename()).toBe("relu-explorer-lab-history.csv");
  const text = (await bytes(file)).toString("utf8");
  expect(text).toBe(await page.evaluate(() => window.reluExplorer.labCsv()));
  const rows = parseCsv(text);
  expect(rows[0]).toEqual(["step", "loss", "dead_share_layer_1", "dead_share_layer_2"]);
  // The losses before steps 0, 1 and 2; a census at the start and after each step.
  expect(rows.slice(1).map((row) => row[0])).toEqual(["0", "1", "2", "3"]);
  expect(rows[4][1], "no loss for the step not taken").toBe("");
  // The latest loss as the page reports it (the same shortest f32 text).
  expect(rows[3][1]).toBe(await page.locator("#lab").getAttribute("data-loss"));
  for (const row of rows.slice(1)) {
    for (const cell of row.slice(2)) {
      const share = Number(cell);
      expect(share >= 0 && share <= 1, `a dead share: ${cell}`).toBe(true);
    }
  }
});

test("hide= takes export buttons away, as it does any control", async ({ page }) => {
  await open(page, "#hide=export-graph-png,export-lab-csv");
  await expect(page.locator("#export-graph-png")).toBeHidden();
  await expect(page.locator("#export-lab-csv")).toBeHidden();
  await expect(page.locator("#export-graph-csv")).toBeVisible();
  await expect(page.locator("#export-lab-fit")).toBeVisible();
});
