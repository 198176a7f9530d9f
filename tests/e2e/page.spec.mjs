// The page as a person meets it: it loads cleanly, every canvas is drawn crisply, every control
// is labelled and does something, the keyboard and pointer work, bad input is refused visibly,
// the URL hash round-trips, and a phone-width screen does not scroll sideways. Every test gets
// a fresh page; the fixture fails it on any console error, page error, failed or foreign
// request or CSP violation (tests/e2e/fixtures.mjs).

import {
  canvasHashes,
  canvasProblems,
  canvasReport,
  expect,
  graphHash,
  hashWritten,
  idle,
  nextFrame,
  open,
  openNew,
  settled,
  test,
  textOf,
  valueOf,
} from "./fixtures.mjs";

/** Sections, elements and controls the page must have (ids). */
const SECTIONS = ["formula", "graph", "strengths", "weaknesses", "torch"];
const GRAPH_CONTROLS = ["x-min", "x-max", "x-value", "show-leaky", "show-sigmoid", "show-tanh", "leaky-slope"];
const ELEMENTS = [
  "page-message", "graph-canvas", ...GRAPH_CONTROLS, "graph-readout", "graph-message",
  "torch-x", "torch-grad", "torch-y", "torch-xgrad", "torch-message",
  "lab", "lab-status", "lab-message", "lab-strip",
];
/** The torch panel's defaults: the article's example. `print(y)` shows the grad_fn PyTorch
 * prints for a tensor that autograd recorded (x has requires_grad=True). */
const TORCH_DEFAULTS = {
  "torch-x": "-1.0, 0.0, 1.0, 2.0",
  "torch-grad": "1.0, 1.0, 1.0, 1.0",
  "torch-y": "tensor([0., 0., 1., 2.], grad_fn=<ReluBackward0>)",
  "torch-xgrad": "tensor([0., 0., 1., 1.])",
};
/** Entries the torch panel must refuse, with a message, keeping its last good result. */
const TORCH_BAD = [
  ["torch-x", "abc"],
  ["torch-x", ""],
  ["torch-x", "1.0, 2.0"],
  ["torch-x", "1e999"],
  ["torch-grad", "abc"],
  ["torch-grad", "1.0, 1.0"],
];

/** Every form control on the page, by id, with how it is operated, except the lab's buttons
 * and the export buttons, which have checks of their own (lab.spec.mjs, export.spec.mjs). A test below fails when the page gains or
 * loses a control, so that this list stays complete. */
const CONTROLS = {
  "x-value": "range", "x-min": "range", "x-max": "range",
  "show-leaky": "checkbox", "leaky-slope": "range", "show-sigmoid": "checkbox", "show-tanh": "checkbox",
  "neuron-back": "button", "neuron-next": "button", "neuron-reset": "button",
  "lab-activation": "select", "lab-slope": "range", "lab-lr": "range", "lab-init": "select",
  "lab-bias": "range", "lab-width": "range", "lab-depth": "range", "lab-task": "select",
  "lab-points": "range", "lab-seed": "number", "lab-steps": "range",
  "born-width": "range", "born-depth": "range", "born-init": "select", "born-bias": "range",
  "torch-x": "text", "torch-grad": "text",
  "grad-depth": "range", "grad-z": "range", "grad-spread": "range", "grad-redraw": "button",
  "depth-guess-bigger": "radio", "depth-guess-smaller": "radio", "depth-check": "button",
  "growth-depth": "range", "growth-scale": "range",
  "growth-guess-same": "radio", "growth-guess-hundred": "radio", "growth-guess-thousand": "radio", "growth-check": "button",
  "zigzag-rate": "range", "zigzag-steps": "range", "zigzag-redraw": "button",
  "zigzag-guess-positive": "radio", "zigzag-guess-centred": "radio", "zigzag-guess-same": "radio", "zigzag-check": "button",
  "speed-size": "select", "speed-run": "button",
  "speed-guess-under2": "radio", "speed-guess-2to10": "radio", "speed-guess-over10": "radio", "speed-check": "button",
  "sparsity-mean": "range", "sparsity-std": "range", "sparsity-samples": "range", "sparsity-redraw": "button",
  "sparsity-guess-under20": "radio", "sparsity-guess-half": "radio", "sparsity-guess-over80": "radio", "sparsity-check": "button",
  "relusum-target": "select", "relusum-add-right": "button", "relusum-add-left": "button", "relusum-remove": "button",
  "relusum-guess-one": "radio", "relusum-guess-two": "radio", "relusum-guess-three": "radio", "relusum-guess-never": "radio",
  "relusum-check": "button",
};
/** The speed experiment's Cancel, enabled only while a run measures (experiments.spec.mjs
 * checks it). */
const SPEED_BUTTONS = ["speed-cancel"];
/** The lab's buttons (lab.spec.mjs checks each). */
const LAB_BUTTONS = [
  "preset-healthy", "preset-high-lr", "preset-negative-bias", "preset-leaky-rescue", "preset-narrow-deep",
  "lab-play", "lab-step", "lab-reset",
];
/** The export buttons, each chart's PNG and the CSVs (export.spec.mjs checks each). */
const EXPORTS = [
  "export-graph-png", "export-depth-png", "export-growth-png", "export-zigzag-png", "export-speed-png", "export-sparsity-png", "export-relusum-png", "export-graph-csv", "export-lab-fit", "export-lab-units", "export-lab-dead",
  "export-lab-loss", "export-lab-csv",
];
/** The language and theme switches (i18n.spec.mjs checks each). */
const SWITCHES = ["lang-en", "lang-zh-CN", "theme-auto", "theme-light", "theme-dark"];
/** The sharing tools (share.spec.mjs checks each): Copy link, an Embed button per embeddable
 * part, and the Embed dialog's code, copy and close. They change no state. */
const SHARING = [
  "copy-link", "share-code", "share-copy", "share-close",
  ...["formula", "graph", "strengths", "gradient-depth", "speed", "sparsity", "relu-sum", "weaknesses", "walkthrough", "lab", "born-dead",
    "zero-centred", "growth", "torch"].map((id) => `embed-${id}`),
];
/** Valid replacements a person might type into each text field. */
const TEXT_EDITS = { "torch-x": "3.0, -2.0, 0.5, -0.25", "torch-grad": "0.5, 2.0, 1.0, 3.0" };
/** What a control needs before it shows an effect: a box checked, a select set, or a button
 * clicked first (the walk-through's Back and Start over do nothing before Next). */
const NEEDS = {
  "leaky-slope": { check: "show-leaky" },
  "lab-slope": { select: ["lab-activation", "leaky"] },
  "neuron-back": { click: "neuron-next" },
  "neuron-reset": { click: "neuron-next" },
  // A new answer hides the verdict of the last check.
  "depth-guess-bigger": { click: "depth-check" },
  "depth-guess-smaller": { click: "depth-check" },
  "growth-guess-same": { click: "growth-check" },
  "growth-guess-hundred": { click: "growth-check" },
  "growth-guess-thousand": { click: "growth-check" },
  "zigzag-guess-positive": { click: "zigzag-check" },
  "zigzag-guess-centred": { click: "zigzag-check" },
  "zigzag-guess-same": { click: "zigzag-check" },
  "speed-guess-under2": { click: "speed-check" },
  "speed-guess-2to10": { click: "speed-check" },
  "speed-guess-over10": { click: "speed-check" },
  "sparsity-guess-under20": { click: "sparsity-check" },
  "sparsity-guess-half": { click: "sparsity-check" },
  "sparsity-guess-over80": { click: "sparsity-check" },
  "relusum-guess-one": { click: "relusum-check" },
  "relusum-guess-two": { click: "relusum-check" },
  "relusum-guess-three": { click: "relusum-check" },
  "relusum-guess-never": { click: "relusum-check" },
};

/** The visible text state: readouts, messages, the lab's status and strip, the text of the
 * section holding `selector` (a walk-through's table, say), and the URL hash. */
function textState(selector) {
  const text = (sel) => document.querySelector(sel)?.textContent ?? null;
  const control = document.querySelector(selector);
  return {
    section: control?.closest("section")?.textContent ?? null,
    outputs: [...document.querySelectorAll("output")].map((o) => `${o.id}=${o.textContent}`),
    messages: ["#page-message", "#graph-message", "#torch-message", "#lab-message", "#lab-status"].map(text),
    strip: [...document.querySelectorAll("#lab-strip li")].map((li) => li.className).join(" "),
    hash: location.hash,
  };
}

/** Everything a control could visibly change: pixels, readouts, messages, the URL hash. */
const snapshot = async (page, selector) =>
  JSON.stringify({ canvases: await canvasHashes(page), ...(await page.evaluate(textState, selector)) });

/** Sets a text field as a person would (select all, type), leaves it with Tab, and lets the
 * page render. */
async function typeInto(page, id, value) {
  await page.locator(`#${id}`).fill(value);
  await page.keyboard.press("Tab");
  await nextFrame(page);
}

/** The graph controls' values (checkboxes as checked or not). */
function graphControlValues(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const el = document.getElementById(id);
    return [id, el?.type === "checkbox" ? el.checked : el?.value];
  })), GRAPH_CONTROLS);
}

/** Changes one control the way a person would; returns what was done. */
async function operate(page, id, kind) {
  const locator = page.locator(`#${id}`);
  switch (kind) {
    case "range": {
      const atMax = await locator.evaluate((el) => Number(el.value) >= Number(el.max || 100));
      const key = atMax ? "ArrowLeft" : "ArrowRight";
      await locator.focus();
      await page.keyboard.press(key);
      return `pressed ${key}`;
    }
    case "number": {
      // Typed, as a person enters a seed: the current value plus one, then Tab.
      const value = String(Number(await locator.inputValue()) + 1);
      await locator.fill(value);
      await page.keyboard.press("Tab");
      return `typed "${value}"`;
    }
    case "checkbox":
    case "button":
      await locator.click();
      return "clicked";
    case "radio":
      await locator.check();
      return "chose it";
    case "select": {
      const next = await locator.evaluate((el) => el.options[(el.selectedIndex + 1) % el.options.length].value);
      await locator.selectOption(next);
      return `selected ${next}`;
    }
    default: {
      const value = TEXT_EDITS[id] ?? "1";
      await locator.fill(value);
      await page.keyboard.press("Tab");
      return `typed "${value}"`;
    }
  }
}

/** Controls without an accessible name (label[for], wrapping label, aria-label, aria-labelledby). */
function unnamedControls() {
  const text = (node) => (node?.textContent ?? "").trim();
  return [...document.querySelectorAll("input, select, button, textarea")]
    .filter((el) => el.type !== "hidden")
    .filter((el) => {
      const labelledBy = (el.getAttribute("aria-labelledby") ?? "")
        .split(/\s+/).filter(Boolean).map((id) => text(document.getElementById(id))).join("");
      const names = [
        labelledBy,
        (el.getAttribute("aria-label") ?? "").trim(),
        [...(el.labels ?? [])].map(text).join(""),
        el.tagName === "BUTTON" ? text(el) : "",
        ["submit", "button", "reset"].includes(el.type) ? el.value : "",
      ];
      return !names.some((name) => name.length > 0);
    })
    .map((el) => (el.id ? `#${el.id}` : el.outerHTML.slice(0, 80)));
}

test("the page loads, draws every canvas and sets data-drawn", async ({ page }) => {
  await open(page);
  await expect(page.locator("html")).toHaveAttribute("data-frames", /^[1-9]\d*$/);
});

test("title, description, favicon, sections, elements and the JS API are there", async ({ page }) => {
  await open(page);
  const missing = await page.evaluate(({ sections, elements }) => {
    const gone = [...sections, ...elements].filter((id) => !document.getElementById(id)).map((id) => `#${id}`);
    if (!document.title.trim()) gone.push("<title>");
    if (!document.querySelector('meta[name="description"]')?.content?.trim()) gone.push('<meta name="description">');
    if (!document.querySelector('link[rel~="icon"]')) gone.push('<link rel="icon">');
    if (document.getElementById("graph-message")?.getAttribute("role") !== "status") gone.push('#graph-message[role="status"]');
    const api = window.reluExplorer;
    for (const name of ["redraw", "redrawGraph", "graphPolylines", "graphPixel", "labSteps", "labFrameTimes", "stateHash"]) {
      if (typeof api?.[name] !== "function") gone.push(`window.reluExplorer.${name}()`);
    }
    return gone;
  }, { sections: SECTIONS, elements: ELEMENTS });
  expect(missing, "missing").toEqual([]);
  // The icon is in the page (a PNG data URL): the browser fetches a linked icon again, and an
  // SVG one parses again, at every change of the URL hash, which the page writes as it changes.
  const icon = await page.evaluate(() => new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve({ href: image.src.slice(0, 22), width: image.naturalWidth });
    image.onerror = () => resolve(null);
    image.src = document.querySelector('link[rel~="icon"]').href;
  }));
  expect(icon, "the favicon is a PNG in the page that decodes").toEqual({ href: "data:image/png;base64,", width: 32 });
});

test("graphPolylines() gives the drawn polylines in backing-store pixels", async ({ page }) => {
  await open(page);
  const lines = await page.evaluate(() => {
    const canvas = document.getElementById("graph-canvas");
    return [...window.reluExplorer.graphPolylines()].map((line) => ({
      isF64: line instanceof Float64Array,
      points: line.length / 2,
      even: line.length % 2 === 0,
      inside: Array.from(line).every((v, i) =>
        Number.isFinite(v) && v >= -1 && v <= (i % 2 ? canvas.height : canvas.width) + 1),
    }));
  });
  expect(lines.length, "polylines: want ReLU and its derivative at least").toBeGreaterThanOrEqual(2);
  for (const line of lines) {
    expect(line.isF64 && line.even && line.points >= 2, "each must be a Float64Array [x0,y0,x1,y1,...]").toBe(true);
    expect(line.inside, "every point must be finite and inside the canvas").toBe(true);
  }
});

test("every canvas is drawn (not blank) with a backing store of CSS size × devicePixelRatio", async ({ page }) => {
  await open(page);
  expect(canvasProblems(await canvasReport(page))).toEqual([]);
});

test("every control has an accessible name", async ({ page }) => {
  await open(page);
  expect(await page.evaluate(unnamedControls), "controls without an accessible name").toEqual([]);
});

test("the torch panel shows the article's example by default", async ({ page }) => {
  await open(page);
  for (const [id, want] of Object.entries(TORCH_DEFAULTS)) {
    const tag = await page.locator(`#${id}`).evaluate((el) => el.tagName);
    const got = tag === "INPUT" || tag === "TEXTAREA" ? await valueOf(page, id) : await textOf(page, id);
    expect(got, `#${id}`).toBe(want);
  }
  expect(await textOf(page, "torch-message"), "#torch-message with valid input").toBe("");
});

for (const [id, bad] of TORCH_BAD) {
  test(`the torch panel refuses #${id} = ${JSON.stringify(bad)} with a message and keeps its result`, async ({ page }) => {
    await open(page);
    const before = [await textOf(page, "torch-y"), await textOf(page, "torch-xgrad")];
    await typeInto(page, id, bad);
    await expect(page.locator("#torch-message"), "#torch-message stayed empty").not.toHaveText("");
    expect([await textOf(page, "torch-y"), await textOf(page, "torch-xgrad")], "the outputs changed").toEqual(before);
    await typeInto(page, id, TORCH_DEFAULTS[id]);
    await expect(page.locator("#torch-message"), "#torch-message after a valid entry").toHaveText("");
  });
}

test("x min above x max is refused with a message and the graph kept", async ({ page, context }) => {
  await open(page);
  const [xmin, xmax] = [Number(await valueOf(page, "x-min")), Number(await valueOf(page, "x-max"))];
  const top = Number(await page.locator("#x-min").getAttribute("max"));
  if (top >= xmax) {
    const before = await graphHash(page);
    await page.locator("#x-min").focus();
    await page.keyboard.press("End");
    await nextFrame(page);
    await expect(page.locator("#graph-message"), `x min moved to ${top} ≥ x max ${xmax} but #graph-message is empty`)
      .not.toHaveText("");
    expect(await graphHash(page), "the graph was redrawn with the refused range").toBe(before);
    await page.locator("#x-min").fill(String(xmin));
    await nextFrame(page);
    await expect(page.locator("#graph-message"), "#graph-message after a valid range").toHaveText("");
  } else {
    // The sliders cannot cross; a shared URL still can ask for a crossed range.
    const crossed = await openNew(context, "#xmin=5&xmax=-5");
    await expect(crossed.locator("#graph-message"), "#xmin=5&xmax=-5 in the URL shows no #graph-message")
      .not.toHaveText("");
  }
});

test("keyboard: ArrowRight on the focused x slider changes the readout", async ({ page }) => {
  await open(page);
  const atMax = await page.locator("#x-value").evaluate((el) => Number(el.value) >= Number(el.max));
  const before = await textOf(page, "graph-readout");
  await page.locator("#x-value").focus();
  await page.keyboard.press(atMax ? "ArrowLeft" : "ArrowRight");
  await nextFrame(page);
  expect(await textOf(page, "graph-readout"), "#graph-readout").not.toBe(before);
});

test("pointer: clicking and dragging on the canvas moves x", async ({ page }) => {
  await open(page);
  await page.locator("#graph-canvas").scrollIntoViewIfNeeded();
  const box = await page.locator("#graph-canvas").boundingBox();
  const at = (fraction) => [box.x + box.width * fraction, box.y + box.height * 0.5];
  const x = async () => Number(await valueOf(page, "x-value"));
  const start = await x();
  await page.mouse.click(...at(0.3));
  await nextFrame(page);
  const left = await x();
  await page.mouse.click(...at(0.7));
  await nextFrame(page);
  const right = await x();
  await page.mouse.move(...at(0.35));
  await page.mouse.down();
  await page.mouse.move(...at(0.55), { steps: 8 });
  await page.mouse.up();
  await nextFrame(page);
  const dragged = await x();
  expect(left !== start || right !== start, `#x-value stayed ${start} after clicks on the canvas`).toBe(true);
  expect(left, "clicking left of right").toBeLessThan(right);
  expect(dragged, `dragging to 55% must land between ${left} and ${right}`).toBeGreaterThan(left);
  expect(dragged, `dragging to 55% must land between ${left} and ${right}`).toBeLessThan(right);
});

test("the list of controls checked below is every control on the page", async ({ page }) => {
  await open(page);
  const onPage = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, button, textarea")]
      .filter((el) => el.type !== "hidden")
      .map((el) => el.id || el.outerHTML.slice(0, 80)));
  expect(onPage.sort()).toEqual([...Object.keys(CONTROLS), ...LAB_BUTTONS, ...SPEED_BUTTONS, ...EXPORTS, ...SWITCHES, ...SHARING].sort());
});

for (const [id, kind] of Object.entries(CONTROLS)) {
  test(`#${id} (${kind}) changes what it controls`, async ({ page }) => {
    await open(page);
    const needs = NEEDS[id] ?? {};
    if (needs.check) await page.locator(`#${needs.check}`).check();
    if (needs.select) await page.locator(`#${needs.select[0]}`).selectOption(needs.select[1]);
    if (needs.click) await page.locator(`#${needs.click}`).click();
    await expect(page.locator(`#${id}`), "enabled (after what it needs)").toBeEnabled();
    await settled(page);
    const before = await snapshot(page, `#${id}`);
    const action = await operate(page, id, kind);
    await expect.poll(() => snapshot(page, `#${id}`), {
      message: `${action}: no canvas, readout, message or URL hash changed`,
    }).not.toBe(before);
  });
}

test("canvases follow a resize of their container (backing store = CSS size × DPR)", async ({ page }) => {
  await open(page);
  await page.setViewportSize({ width: 900, height: 900 });
  await expect.poll(async () => canvasProblems(await canvasReport(page))).toEqual([]);
});

test("the URL hash sets the controls: #x=2.5&xmin=-5&xmax=5", async ({ page }) => {
  await open(page, "#x=2.5&xmin=-5&xmax=5");
  const values = await graphControlValues(page);
  expect({ "x-value": Number(values["x-value"]), "x-min": Number(values["x-min"]), "x-max": Number(values["x-max"]) })
    .toEqual({ "x-value": 2.5, "x-min": -5, "x-max": 5 });
});

test("changed controls round-trip through the URL hash into a new page", async ({ page, context }) => {
  const start = "#x=2.5&xmin=-5&xmax=5";
  await open(page, start);
  await page.locator("#show-sigmoid").click();
  await page.locator("#x-value").focus();
  await page.keyboard.press("ArrowLeft");
  await hashWritten(page);
  const hash = await page.evaluate(() => location.hash);
  const want = await graphControlValues(page);
  expect(hash.length > 1 && hash !== start, `location.hash did not change: ${JSON.stringify(hash)}`).toBe(true);
  const second = await openNew(context, hash);
  expect(await graphControlValues(second), `a new page from ${hash}`).toEqual(want);
});

test.describe("at 375 px wide", () => {
  test.use({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });

  test("the page does not scroll sideways and its canvases fit", async ({ page }) => {
    await open(page);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, "scrollWidth").toBeLessThanOrEqual(innerWidth);
    expect(canvasProblems(await canvasReport(page))).toEqual([]);
  });
});

test("each view redraws alone: a walk-through click or a torch edit repaints no chart, a graph change only the graph", async ({ page }) => {
  await open(page);
  await idle(page);
  const draws = () => page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll("canvas")].map((c) => [c.id, Number(c.dataset.draws ?? 0)])));
  const frames = () => page.evaluate(() => Number(document.documentElement.dataset.frames));
  const start = await draws();
  expect(Object.values(start).every((n) => n >= 1), `every canvas drawn once: ${JSON.stringify(start)}`).toBe(true);

  // The walk-through: its stage changes, and no canvas is drawn again.
  const stage = await page.locator("#walkthrough").evaluate((el) => el.textContent);
  let before = await frames();
  await page.locator("#neuron-next").click();
  await expect.poll(frames).toBeGreaterThan(before);
  await idle(page);
  expect(await page.locator("#walkthrough").evaluate((el) => el.textContent), "the walk-through moved on").not.toBe(stage);
  expect(await draws(), "canvases drawn after a walk-through click").toEqual(start);

  // The torch panel: its result changes, and no canvas is drawn again.
  before = await frames();
  await page.locator("#torch-x").fill("3.0, -2.0, 0.5, -0.25");
  await page.keyboard.press("Tab");
  await expect.poll(frames).toBeGreaterThan(before);
  await idle(page);
  await expect(page.locator("#torch-y")).toHaveText("tensor([3.0000, 0.0000, 0.5000, 0.0000], grad_fn=<ReluBackward0>)");
  expect(await draws(), "canvases drawn after a torch edit").toEqual(start);

  // The graph: only its canvas is drawn again.
  await page.locator("#x-value").focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await draws())["graph-canvas"]).toBeGreaterThan(start["graph-canvas"]);
  await idle(page);
  const after = await draws();
  for (const [id, count] of Object.entries(start)) {
    if (id !== "graph-canvas") expect(after[id], `${id} drawn again after a graph change`).toBe(count);
  }
});
