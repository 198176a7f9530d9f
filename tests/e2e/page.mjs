// End-to-end test of the built page: `node tests/e2e/page.mjs <url>` (run by `cargo xtask test`,
// which serves www/ and passes its URL). Opens the real page in headless Chromium and checks
// what a person would: it loads cleanly, every canvas is drawn crisply, every control is labelled
// and does something, the keyboard and pointer work, bad input is refused visibly, the URL hash
// round-trips, and a phone-width screen does not scroll sideways; then the dead-neuron lab's own
// checks (tests/e2e/lab.mjs). Exits 1 listing each failure.

import { DESKTOP, launchChromium, twoFrames, waitForDrawn } from "./browser.mjs";
import { LAB_BUTTONS, labChecks } from "./lab.mjs";

const base = process.argv[2];
if (!base) {
  console.error("usage: node tests/e2e/page.mjs <url of the served www/>");
  process.exit(2);
}
const origin = new URL(base).origin;

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
/** Valid replacements a person might type into each text field. */
const TEXT_EDITS = { "torch-x": "3.0, -2.0, 0.5, -0.25", "torch-grad": "0.5, 2.0, 1.0, 3.0" };
/** Controls that only show an effect while another is checked. */
const NEEDS_CHECKED = { "leaky-slope": "show-leaky" };
/** Controls that are enabled only while a select has a given value: id → [select id, value]. */
const NEEDS_SELECTED = { "lab-slope": ["lab-activation", "leaky"] };
/** Buttons with checks of their own (tests/e2e/lab.mjs); the generic check leaves them out. */
const OWN_CHECKS = new Set(LAB_BUTTONS);

const passed = [];
const failures = [];
/** Console errors and warnings, page errors, failed, failing or foreign requests: each
 * problem once, with the pages (labels) it happened on. */
const problems = new Map();
function problem(label, what) {
  problems.set(what, [...(problems.get(what) ?? []), label]);
}

/** Runs one named check, recording whether it passed and why not. */
async function check(name, body) {
  try {
    await body();
    passed.push(name);
    console.log(`ok   ${name}`);
  } catch (err) {
    const message = String(err?.message ?? err).replaceAll("\n", "\n      ");
    failures.push(`${name}: ${message}`);
    console.log(`FAIL ${name}: ${message}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Records everything on `page` that must not happen on a healthy page. */
function watch(page, label) {
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") {
      const at = msg.location()?.url ? ` at ${msg.location().url}:${msg.location().lineNumber}` : "";
      problem(label, `console ${msg.type()}: ${msg.text()}${at}`);
    }
  });
  page.on("pageerror", (err) => problem(label, `uncaught exception: ${err.message}`));
  page.on("requestfailed", (req) =>
    problem(label, `request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on("response", (res) => {
    if (res.status() >= 400) problem(label, `HTTP ${res.status()} for ${res.url()}`);
  });
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) {
      problem(label, `request to another origin: ${req.url()}`);
    }
  });
}

/** Opens the page (with `hash`, if any) in a new tab of `context` and waits until it is drawn. */
async function open(context, label, hash = "") {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watch(page, label);
  // Recorded by watch(), and never let out: the page must work offline.
  await page.route((url) => url.origin !== origin, (route) => route.abort("blockedbyclient"));
  await page.goto(new URL(hash, base).href);
  await waitForDrawn(page);
  await page.waitForLoadState("networkidle");
  return page;
}

// In-page helpers, passed to page.evaluate (so each is self-contained).

/** Hash of a canvas's pixels, read from a copy so the page's own canvas sees no readback. */
function canvasHashes() {
  return [...document.querySelectorAll("canvas")].map((canvas) => {
    if (!canvas.width || !canvas.height) return `${canvas.id}:empty`;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const words = new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
    let hash = 0x811c9dc5;
    for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 16777619);
    return `${canvas.id}:${canvas.width}x${canvas.height}:${(hash >>> 0).toString(16)}`;
  });
}

/** The visible text state: readouts, messages, the lab's status and strip, the text of the
 * section holding `selector` (a walk-through's table, say), and the URL hash. */
function textState(selector) {
  const text = (selector) => document.querySelector(selector)?.textContent ?? null;
  let control = null;
  try {
    control = selector ? document.querySelector(selector) : null;
  } catch {
    // A Playwright-only selector (a control without an id): no section to read.
  }
  return {
    section: control?.closest("section")?.textContent ?? null,
    outputs: [...document.querySelectorAll("output")].map((o) => `${o.id}=${o.textContent}`),
    messages: ["#page-message", "#graph-message", "#torch-message", "#lab-message", "#lab-status"].map(text),
    strip: [...document.querySelectorAll("#lab-strip li")].map((li) => li.className).join(" "),
    hash: location.hash,
  };
}

/** Each canvas: its backing store, CSS content size, devicePixelRatio and whether it is blank. */
function canvasReport() {
  return [...document.querySelectorAll("canvas")].map((canvas) => {
    const style = getComputedStyle(canvas);
    const px = (name) => parseFloat(style[name]) || 0;
    const rect = canvas.getBoundingClientRect();
    const cssWidth = rect.width - px("borderLeftWidth") - px("borderRightWidth") - px("paddingLeft") - px("paddingRight");
    const cssHeight = rect.height - px("borderTopWidth") - px("borderBottomWidth") - px("paddingTop") - px("paddingBottom");
    let colours = 0;
    if (canvas.width && canvas.height) {
      const copy = document.createElement("canvas");
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext("2d", { willReadFrequently: true });
      ctx.drawImage(canvas, 0, 0);
      const words = new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
      const seen = new Set();
      for (let i = 0; i < words.length && seen.size < 2; i++) seen.add(words[i]);
      colours = seen.size;
    }
    return {
      id: canvas.id || "(canvas without id)",
      width: canvas.width, height: canvas.height, cssWidth, cssHeight,
      dpr: devicePixelRatio, colours,
    };
  });
}

/** Fails unless every canvas has more than one colour and a backing store of CSS size × DPR. */
function assertCanvases(report) {
  assert(report.length > 0, "the page has no canvas");
  const bad = [];
  for (const c of report) {
    if (c.colours < 2) bad.push(`${c.id} is blank (one colour)`);
    const wantW = c.cssWidth * c.dpr;
    const wantH = c.cssHeight * c.dpr;
    if (Math.abs(c.width - wantW) > 1.5 || Math.abs(c.height - wantH) > 1.5) {
      bad.push(`${c.id} backing store ${c.width}x${c.height}, want CSS ${c.cssWidth}x${c.cssHeight} × ${c.dpr} = ${wantW}x${wantH}`);
    }
  }
  assert(bad.length === 0, bad.join("; "));
}

/** Everything a control could visibly change: pixels, readouts, messages, the URL hash. */
const snapshot = async (page, selector) =>
  JSON.stringify({ canvases: await page.evaluate(canvasHashes), ...(await page.evaluate(textState, selector)) });
const graphHash = async (page) =>
  (await page.evaluate(canvasHashes)).find((h) => h.startsWith("graph-canvas:"));
const textOf = (page, id) => page.locator(`#${id}`).evaluate((el) => el.textContent.trim());
const valueOf = (page, id) => page.locator(`#${id}`).inputValue();

/** Waits until pending renders and the page's (possibly delayed) URL hash write are done. */
async function settle(page) {
  await twoFrames(page);
  for (let i = 0; i < 10; i++) {
    const hash = await page.evaluate(() => location.hash);
    await page.waitForTimeout(300);
    if (hash === (await page.evaluate(() => location.hash))) return;
  }
}

/** Sets a text field as a person would (select all, type), then leaves it with Tab. */
async function typeInto(page, id, value) {
  await page.locator(`#${id}`).fill(value);
  await page.keyboard.press("Tab");
  await twoFrames(page);
}

/** The graph controls' values (checkboxes as checked or not). */
function graphControlValues(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const el = document.getElementById(id);
    return [id, el?.type === "checkbox" ? el.checked : el?.value];
  })), GRAPH_CONTROLS);
}

/** Changes one control the way a person would; returns what was done. */
async function operate(page, control) {
  const locator = page.locator(control.selector);
  switch (control.kind) {
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
    case "radio":
      await locator.click();
      return "clicked";
    case "select": {
      const next = await locator.evaluate((el) => el.options[(el.selectedIndex + 1) % el.options.length].value);
      await locator.selectOption(next);
      return `selected ${next}`;
    }
    case "button":
      await locator.click();
      return "clicked";
    default: {
      const value = TEXT_EDITS[control.id] ?? "1";
      await locator.fill(value);
      await page.keyboard.press("Tab");
      return `typed "${value}"`;
    }
  }
}

/** Every form control on the page, with a selector that finds it and how to operate it. */
function listControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, select, button, textarea")]
      .map((el, index) => ({
        id: el.id,
        selector: el.id ? `#${CSS.escape(el.id)}` : `:is(input, select, button, textarea) >> nth=${index}`,
        kind: el.tagName === "INPUT" ? el.type : el.tagName.toLowerCase(),
      }))
      .filter((c) => c.kind !== "hidden"));
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
    .map((el) => el.id ? `#${el.id}` : el.outerHTML.slice(0, 80));
}

async function main() {
  const browser = await launchChromium();
  try {
    const desktop = await browser.newContext(DESKTOP);
    let page;
    await check("the page loads and sets data-drawn", async () => {
      page = await open(desktop, "desktop");
    });
    if (!page) return;

    await check("title, description, favicon, sections, elements and the JS API are there", async () => {
      const missing = await page.evaluate(({ sections, elements }) => {
        const gone = [...sections, ...elements].filter((id) => !document.getElementById(id)).map((id) => `#${id}`);
        if (!document.title.trim()) gone.push("<title>");
        if (!document.querySelector('meta[name="description"]')?.content?.trim()) gone.push('<meta name="description">');
        if (!document.querySelector('link[rel~="icon"]')) gone.push('<link rel="icon">');
        if (document.getElementById("graph-message")?.getAttribute("role") !== "status") gone.push('#graph-message[role="status"]');
        const api = window.reluExplorer;
        if (typeof api?.redraw !== "function") gone.push("window.reluExplorer.redraw()");
        if (typeof api?.graphPolylines !== "function") gone.push("window.reluExplorer.graphPolylines()");
        return gone;
      }, { sections: SECTIONS, elements: ELEMENTS });
      assert(missing.length === 0, `missing: ${missing.join(", ")}`);
      const icon = await page.evaluate(async () => {
        const response = await fetch(document.querySelector('link[rel~="icon"]').href);
        return response.status;
      });
      assert(icon === 200, `the favicon answers HTTP ${icon}`);
    });

    await check("graphPolylines() gives the drawn polylines in backing-store pixels", async () => {
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
      assert(lines.length >= 2, `${lines.length} polylines; want ReLU and its derivative at least`);
      assert(lines.every((l) => l.isF64 && l.even && l.points >= 2), "each must be a Float64Array [x0,y0,x1,y1,...]");
      assert(lines.every((l) => l.inside), "every point must be finite and inside the canvas");
    });

    await check("every canvas is drawn (not blank) with a backing store of CSS size × devicePixelRatio", async () => {
      assertCanvases(await page.evaluate(canvasReport));
    });

    await check("every control has an accessible name", async () => {
      const unnamed = await page.evaluate(unnamedControls);
      assert(unnamed.length === 0, `no accessible name: ${unnamed.join(", ")}`);
    });

    await check("the torch panel shows the article's example by default", async () => {
      const wrong = [];
      for (const [id, want] of Object.entries(TORCH_DEFAULTS)) {
        const tag = await page.locator(`#${id}`).evaluate((el) => el.tagName);
        const got = tag === "INPUT" || tag === "TEXTAREA" ? await valueOf(page, id) : await textOf(page, id);
        if (got !== want) wrong.push(`#${id} is ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
      const message = await textOf(page, "torch-message");
      if (message) wrong.push(`#torch-message says ${JSON.stringify(message)} with valid input`);
      assert(wrong.length === 0, wrong.join("; "));
    });

    for (const [id, bad] of TORCH_BAD) {
      await check(`the torch panel refuses #${id} = ${JSON.stringify(bad)} with a message and keeps its result`, async () => {
        const before = [await textOf(page, "torch-y"), await textOf(page, "torch-xgrad")];
        await typeInto(page, id, bad);
        const message = await textOf(page, "torch-message");
        const after = [await textOf(page, "torch-y"), await textOf(page, "torch-xgrad")];
        await typeInto(page, id, TORCH_DEFAULTS[id]);
        const cleared = await textOf(page, "torch-message");
        assert(message.length > 0, "#torch-message stayed empty");
        assert(after[0] === before[0] && after[1] === before[1],
          `outputs changed from ${before.join(" / ")} to ${after.join(" / ")}`);
        assert(cleared === "", `#torch-message still says ${JSON.stringify(cleared)} after a valid entry`);
      });
    }

    await check("x min above x max is refused with a message and the graph kept", async () => {
      const [xmin, xmax] = [Number(await valueOf(page, "x-min")), Number(await valueOf(page, "x-max"))];
      const top = Number(await page.locator("#x-min").getAttribute("max"));
      if (top >= xmax) {
        const before = await graphHash(page);
        await page.locator("#x-min").focus();
        await page.keyboard.press("End");
        await twoFrames(page);
        const message = await textOf(page, "graph-message");
        const after = await graphHash(page);
        await page.locator("#x-min").fill(String(xmin));
        await twoFrames(page);
        const cleared = await textOf(page, "graph-message");
        assert(message.length > 0, `x min moved to ${top} ≥ x max ${xmax} but #graph-message is empty`);
        assert(after === before, "the graph was redrawn with the refused range");
        assert(cleared === "", `#graph-message still says ${JSON.stringify(cleared)} after a valid range`);
      } else {
        // The sliders cannot cross; a shared URL still can ask for a crossed range.
        const crossed = await open(desktop, "crossed range", "#xmin=5&xmax=-5");
        const message = await textOf(crossed, "graph-message");
        await crossed.close();
        await page.locator("#x-min").fill(String(xmin));
        assert(message.length > 0, "#xmin=5&xmax=-5 in the URL shows no #graph-message");
      }
    });

    await check("keyboard: ArrowRight on the focused x slider changes the readout", async () => {
      const atMax = await page.locator("#x-value").evaluate((el) => Number(el.value) >= Number(el.max));
      const before = await textOf(page, "graph-readout");
      await page.locator("#x-value").focus();
      await page.keyboard.press(atMax ? "ArrowLeft" : "ArrowRight");
      await twoFrames(page);
      const after = await textOf(page, "graph-readout");
      assert(after !== before, `#graph-readout stayed ${JSON.stringify(before)}`);
    });

    await check("pointer: clicking and dragging on the canvas moves x", async () => {
      await page.locator("#graph-canvas").scrollIntoViewIfNeeded();
      const box = await page.locator("#graph-canvas").boundingBox();
      const at = (fraction) => [box.x + box.width * fraction, box.y + box.height * 0.5];
      const start = Number(await valueOf(page, "x-value"));
      await page.mouse.click(...at(0.3));
      await twoFrames(page);
      const left = Number(await valueOf(page, "x-value"));
      await page.mouse.click(...at(0.7));
      await twoFrames(page);
      const right = Number(await valueOf(page, "x-value"));
      await page.mouse.move(...at(0.35));
      await page.mouse.down();
      await page.mouse.move(...at(0.55), { steps: 8 });
      await page.mouse.up();
      await twoFrames(page);
      const dragged = Number(await valueOf(page, "x-value"));
      assert(left !== start || right !== start, `#x-value stayed ${start} after clicks on the canvas`);
      assert(left < right, `clicking left of right gave x = ${left}, then ${right}`);
      assert(dragged > left && dragged < right, `dragging to 55% gave x = ${dragged}, not between ${left} and ${right}`);
    });

    const controls = (await listControls(page)).filter((c) => !OWN_CHECKS.has(c.id));
    for (const control of controls) {
      const name = control.id ? `#${control.id}` : control.selector;
      // Enable what the control needs; if that fails, the check below says what is wrong.
      const disabled = await (async () => {
        const needs = NEEDS_CHECKED[control.id];
        const [select, option] = NEEDS_SELECTED[control.id] ?? [];
        if (needs && !(await page.locator(`#${needs}`).isChecked())) {
          await page.locator(`#${needs}`).click();
          await twoFrames(page);
        }
        if (select && (await page.locator(`#${select}`).inputValue()) !== option) {
          await page.locator(`#${select}`).selectOption(option);
          await twoFrames(page);
        }
        return page.locator(control.selector).isDisabled();
      })().catch(() => false);
      if (disabled) {
        console.log(`skip ${name} (${control.kind}): disabled`);
        continue;
      }
      await check(`${name} (${control.kind}) changes what it controls`, async () => {
        await settle(page);
        const before = await snapshot(page, control.selector);
        const action = await operate(page, control);
        await twoFrames(page);
        let after = await snapshot(page, control.selector);
        if (after === before) {
          // Perhaps only the URL hash changes, and the page writes it a little later.
          await settle(page);
          after = await snapshot(page, control.selector);
        }
        assert(after !== before, `${action}: no canvas, readout, message or URL hash changed`);
      });
    }

    await check("canvases follow a resize of their container (backing store = CSS size × DPR)", async () => {
      await page.setViewportSize({ width: 900, height: 900 });
      await page.waitForFunction(() => {
        return [...document.querySelectorAll("canvas")].every((c) => {
          const w = c.getBoundingClientRect().width;
          return Math.abs(c.width - w * devicePixelRatio) <= 1.5 || w === 0;
        });
      }, null, { timeout: 3_000 }).catch(() => {});
      await twoFrames(page);
      assertCanvases(await page.evaluate(canvasReport));
    });

    await check("the URL hash sets the controls: #x=2.5&xmin=-5&xmax=5", async () => {
      const shared = await open(desktop, "hash", "#x=2.5&xmin=-5&xmax=5");
      const values = await graphControlValues(shared);
      await shared.close();
      const wrong = Object.entries({ "x-value": 2.5, "x-min": -5, "x-max": 5 })
        .filter(([id, want]) => Number(values[id]) !== want)
        .map(([id, want]) => `#${id} is ${values[id]}, want ${want}`);
      assert(wrong.length === 0, wrong.join("; "));
    });

    await check("changed controls round-trip through the URL hash into a new page", async () => {
      const first = await open(desktop, "round-trip 1", "#x=2.5&xmin=-5&xmax=5");
      await first.locator("#show-sigmoid").click();
      await first.locator("#x-value").focus();
      await first.keyboard.press("ArrowLeft");
      await twoFrames(first);
      // The page may write the hash a little after the last change (it is not needed sooner).
      await first.waitForFunction((old) => location.hash !== old, "#x=2.5&xmin=-5&xmax=5", { timeout: 2_000 })
        .catch(() => {});
      const hash = await first.evaluate(() => location.hash);
      const want = await graphControlValues(first);
      await first.close();
      assert(hash.length > 1 && hash !== "#x=2.5&xmin=-5&xmax=5", `location.hash did not change: ${JSON.stringify(hash)}`);
      const second = await open(desktop, "round-trip 2", hash);
      const got = await graphControlValues(second);
      await second.close();
      const wrong = GRAPH_CONTROLS.filter((id) => String(got[id]) !== String(want[id]))
        .map((id) => `#${id} is ${got[id]}, want ${want[id]}`);
      assert(wrong.length === 0, `${hash}: ${wrong.join("; ")}`);
    });

    await page.close();

    await labChecks({ check, assert, open, context: desktop });
    await desktop.close();

    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    await check("at 375 px wide the page does not scroll sideways and its canvases fit", async () => {
      const narrow = await open(phone, "375px");
      const { scrollWidth, innerWidth } = await narrow.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
      }));
      const canvases = await narrow.evaluate(canvasReport);
      await narrow.close();
      assert(scrollWidth <= innerWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
      assertCanvases(canvases);
    });
    await phone.close();
  } finally {
    await check("no console error or warning, page error, failed, failing or foreign request", async () => {
      const list = [...problems].map(([what, pages]) => `${what} (on: ${[...new Set(pages)].join(", ")})`);
      assert(list.length === 0, `${list.length} problem(s):\n${list.join("\n")}`);
    });
    await browser.close();
  }
}

await main().catch((err) => failures.push(`the test itself crashed: ${err.stack ?? err}`));
console.log(`\npassed:\n${passed.map((p) => `  ${p}`).join("\n")}`);
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\ne2e: ${passed.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
