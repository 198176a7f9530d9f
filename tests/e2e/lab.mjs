// End-to-end checks of the dead-neuron lab (issue 3), run by tests/e2e/page.mjs on the real
// built page: its elements and JS handle, the presets, the high-learning-rate story (units die
// and the strip greys exactly those), the keyboard, divergence and its reset, the lab's URL hash
// (good values set the controls and round-trip; bad ones are refused with a message).
//
// Each group opens its own page, so that a running network never disturbs another check.

import { twoFrames } from "./browser.mjs";

/** Lab controls and their ids: every one is labelled; all but the selects and the seed have an
 * <output>. */
export const LAB_CONTROLS = [
  "lab-activation", "lab-slope", "lab-lr", "lab-init", "lab-bias", "lab-width", "lab-depth",
  "lab-task", "lab-points", "lab-seed", "lab-steps",
];
const WITHOUT_OUTPUT = new Set(["lab-activation", "lab-init", "lab-task", "lab-seed"]);
const PRESETS = ["healthy", "high-lr", "negative-bias", "leaky-rescue", "narrow-deep"];
const CANVASES = ["lab-fit", "lab-units", "lab-dead-chart", "lab-loss-chart"];
/** Buttons the lab checks here one by one; the generic control check leaves them out. */
export const LAB_BUTTONS = [...PRESETS.map((key) => `preset-${key}`), "lab-play", "lab-step", "lab-reset"];

/** A configuration that diverges within a few frames: a learning rate of 3 on a deep, wide net
 * with large normal weights and a large positive bias. */
const DIVERGING = "#lr=3&init=normal&width=64&depth=3&bias=2";
/** The lab's URL hash keys, each with a value other than the default, and the control values
 * they must give (the learning rate is given as itself; its slider is log10 of it). */
const LAB_HASH = "#act=leaky&lslope=0.2&lr=0.01&init=xavier&bias=0.5&width=8&depth=2&task=abs&n=96&seed=7&spf=50";
const LAB_HASH_VALUES = {
  "lab-activation": "leaky", "lab-slope": "0.2", "lab-lr": "-2", "lab-init": "xavier", "lab-bias": "0.5",
  "lab-width": "8", "lab-depth": "2", "lab-task": "abs", "lab-points": "96", "lab-seed": "7", "lab-steps": "50",
};
const BAD_HASH = "#width=0&lr=abc&depth=9";
// The born-dead calculator's keys.
const BORN_HASH = "#bw=8&bd=2&binit=xavier&bbias=0.5";

// The status line; with Leaky ReLU the lab may word the count differently (its units below zero
// on every input still learn through the leak), so the words after the count are free there.
const STATUS_RUNNING = /^Step (\d+): loss (\S+); (\d+) of (\d+) hidden units? (.+)$/;
const STATUS_START = /^Step 0: (\d+) of (\d+) hidden units? (.+) before any training\.$/;
const RELU_TAIL = /^(?:is |are )?dead\.?$/;

/** The lab's status line as numbers: step, loss (null before training), dead and all units, and
 * whether it says "dead" (as it must with ReLU). */
function parseStatus(text) {
  const t = text.trim();
  let m = STATUS_START.exec(t);
  if (m) return { step: 0, loss: null, dead: Number(m[1]), units: Number(m[2]), saysDead: RELU_TAIL.test(m[3]), text: t };
  m = STATUS_RUNNING.exec(t);
  if (m) {
    return { step: Number(m[1]), loss: Number(m[2]), dead: Number(m[3]), units: Number(m[4]), saysDead: RELU_TAIL.test(m[5]), text: t };
  }
  throw new Error(`#lab-status says ${JSON.stringify(t)}, which is neither "Step N: loss L; D of U hidden units dead." nor "Step 0: D of U hidden units dead before any training."`);
}

/** In the page: everything the lab shows at one instant (read in one go, so it is coherent). */
function labView() {
  const byId = (id) => document.getElementById(id);
  const hashOf = (canvas) => {
    if (!canvas?.width || !canvas?.height) return "empty";
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const words = new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
    let hash = 0x811c9dc5;
    const colours = new Set();
    for (let i = 0; i < words.length; i++) {
      hash = Math.imul(hash ^ words[i], 16777619);
      if (colours.size < 2) colours.add(words[i]);
    }
    return `${(hash >>> 0).toString(16)}${colours.size < 2 ? " (blank)" : ""}`;
  };
  const layers = [...document.querySelectorAll("#lab-strip > .strip-layer")].map((layer) => ({
    label: layer.querySelector(".strip-label")?.textContent.trim() ?? null,
    units: layer.querySelectorAll("ol > li.unit").length,
    dead: layer.querySelectorAll("ol > li.unit.dead").length,
  }));
  return {
    status: byId("lab-status")?.textContent.trim() ?? "",
    message: byId("lab-message")?.textContent.trim() ?? "",
    pageMessage: byId("page-message")?.textContent.trim() ?? "",
    note: byId("lab-preset-note")?.textContent.trim() ?? "",
    running: byId("lab-play")?.getAttribute("aria-pressed") === "true",
    playDisabled: !!byId("lab-play")?.disabled,
    steps: window.reluExplorer?.labSteps?.(),
    layers,
    stripUnits: document.querySelectorAll("#lab-strip li.unit").length,
    stripDead: document.querySelectorAll("#lab-strip li.unit.dead").length,
    canvases: Object.fromEntries(["lab-fit", "lab-units", "lab-dead-chart", "lab-loss-chart"]
      .map((id) => [id, hashOf(byId(id))])),
    values: Object.fromEntries(["lab-activation", "lab-slope", "lab-lr", "lab-init", "lab-bias", "lab-width",
      "lab-depth", "lab-task", "lab-points", "lab-seed", "lab-steps"].map((id) => [id, byId(id)?.value])),
    slopeDisabled: !!byId("lab-slope")?.disabled,
    hash: location.hash,
  };
}

/** Brings the lab's buttons to the top of the viewport, its charts below them on screen. */
async function showLab(page) {
  await page.locator("#lab-play").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await twoFrames(page);
}

/** Waits until the lab is running (or paused, with `running` false). */
function waitRunning(page, running, timeout = 3_000) {
  return page.waitForFunction(
    (want) => (document.getElementById("lab-play")?.getAttribute("aria-pressed") === "true") === want,
    running, { timeout },
  ).catch(async () => {
    const v = await page.evaluate(labView);
    throw new Error(`#lab-play did not become aria-pressed=${running} within ${timeout} ms ` +
      `(status ${JSON.stringify(v.status)}, message ${JSON.stringify(v.message)})`);
  });
}

/**
 * The lab's checks. `env` gives page.mjs's harness: `check(name, body)`, `assert(cond, msg)`,
 * `open(context, label, hash)` (a drawn page that is watched for console errors), and the
 * desktop browser context.
 */
export async function labChecks({ check, assert, open, context }) {
  const view = (page) => page.evaluate(labView);
  const status = async (page) => parseStatus((await view(page)).status);
  let defaults = null;

  await check("lab: its elements, labelled controls with outputs, presets and JS handle are there", async () => {
    const page = await open(context, "lab elements");
    try {
      const missing = await page.evaluate(({ controls, withoutOutput, presets, canvases }) => {
        const gone = [];
        const lab = document.getElementById("lab");
        if (!lab) return ["#lab"];
        if (!lab.closest("section#weaknesses")) gone.push("#lab inside section#weaknesses");
        for (const key of presets) {
          const button = document.getElementById(`preset-${key}`);
          if (button?.dataset.preset !== key || button.tagName !== "BUTTON") gone.push(`button#preset-${key}[data-preset="${key}"]`);
        }
        for (const id of ["lab-play", "lab-step", "lab-reset"]) {
          if (document.getElementById(id)?.tagName !== "BUTTON") gone.push(`button#${id}`);
        }
        if (document.getElementById("lab-play")?.getAttribute("aria-pressed") !== "false") gone.push('#lab-play[aria-pressed="false"] at load');
        if (document.getElementById("lab-status")?.getAttribute("role") !== "status") gone.push('#lab-status[role="status"]');
        if (document.getElementById("lab-message")?.getAttribute("role") !== "alert") gone.push('#lab-message[role="alert"]');
        for (const id of canvases) if (document.getElementById(id)?.tagName !== "CANVAS") gone.push(`canvas#${id}`);
        for (const id of controls) {
          const el = document.getElementById(id);
          if (!el) { gone.push(`#${id}`); continue; }
          if (![...(el.labels ?? [])].some((label) => label.textContent.trim())) gone.push(`a <label> for #${id}`);
          if (!withoutOutput.includes(id) && !document.querySelector(`output[for~="${id}"]`)) gone.push(`output[for="${id}"]`);
        }
        const api = window.reluExplorer;
        if (typeof api?.labFrameTimes !== "function") gone.push("window.reluExplorer.labFrameTimes()");
        if (typeof api?.labSteps !== "function") gone.push("window.reluExplorer.labSteps()");
        return gone;
      }, { controls: LAB_CONTROLS, withoutOutput: [...WITHOUT_OUTPUT], presets: PRESETS, canvases: CANVASES });
      assert(missing.length === 0, `missing: ${missing.join(", ")}`);

      const v = await view(page);
      defaults = v.values;
      const s = parseStatus(v.status);
      assert(s.step === 0 && s.loss === null && s.saysDead,
        `at load #lab-status says ${JSON.stringify(v.status)}; want "Step 0: D of U hidden units dead before any training."`);
      const width = Number(v.values["lab-width"]);
      const depth = Number(v.values["lab-depth"]);
      assert(v.layers.length === depth, `#lab-strip has ${v.layers.length} .strip-layer, want one per hidden layer (${depth})`);
      assert(v.layers.every((l) => l.units === width && l.label),
        `each .strip-layer needs a .strip-label and ${width} li.unit: ${JSON.stringify(v.layers)}`);
      assert(s.units === width * depth, `the status counts ${s.units} hidden units, want ${width} × ${depth}`);
      assert(v.stripDead === s.dead, `the status says ${s.dead} dead, the strip greys ${v.stripDead}`);
      assert(v.slopeDisabled === (v.values["lab-activation"] === "relu"), "#lab-slope must be disabled exactly while the activation is ReLU");
      assert(v.steps === 0, `labSteps() is ${v.steps} before any training`);
      assert(v.message === "", `#lab-message says ${JSON.stringify(v.message)} at load`);
    } finally {
      await page.close();
    }
  });

  await check("lab: labSteps() counts the steps and labFrameTimes() the lab's frames while it plays", async () => {
    const page = await open(context, "lab handle");
    try {
      await showLab(page);
      await page.locator("#lab-play").click();
      await waitRunning(page, true);
      await page.waitForTimeout(1_000);
      const first = await page.evaluate(() => {
        const times = window.reluExplorer.labFrameTimes();
        return { steps: window.reluExplorer.labSteps(), isF64: times instanceof Float64Array, times: Array.from(times) };
      });
      await page.waitForTimeout(500);
      const steps = await page.evaluate(() => window.reluExplorer.labSteps());
      await page.locator("#lab-play").click();
      await waitRunning(page, false);
      const paused = await view(page);
      await page.waitForTimeout(300);
      const later = await view(page);
      assert(first.steps > 0 && steps > first.steps, `labSteps() went ${first.steps} → ${steps} while playing`);
      assert(first.isF64, "labFrameTimes() must return a Float64Array");
      assert(first.times.length > 0 && first.times.length <= 240, `labFrameTimes() holds ${first.times.length} frames (want 1..240)`);
      assert(first.times.every((t) => Number.isFinite(t) && t >= 0), "every frame time must be a finite number ≥ 0");
      const s = parseStatus(paused.status);
      assert(s.step === paused.steps, `paused, #lab-status says step ${s.step} and labSteps() ${paused.steps}`);
      assert(later.steps === paused.steps && later.status === paused.status, "the lab kept training after pause");
    } finally {
      await page.close();
    }
  });

  await check("lab: each preset loads its settings and starts training at once", async () => {
    const page = await open(context, "lab presets");
    try {
      await showLab(page);
      const wrong = [];
      const notes = new Set();
      for (const key of PRESETS) {
        await page.locator(`#preset-${key}`).click();
        await page.waitForTimeout(400);
        const v = await view(page);
        notes.add(v.note);
        // A preset tells its story by training: it must be running, not stopped by divergence.
        if (v.message) wrong.push(`${key}: #lab-message says ${JSON.stringify(v.message)} 400 ms after the click`);
        else if (!v.running) wrong.push(`${key}: not running 400 ms after the click (${v.status})`);
        const lr = 10 ** Number(v.values["lab-lr"]);
        const story = {
          healthy: v.values["lab-init"] === "he" && v.values["lab-activation"] === "relu",
          "high-lr": lr > 10 ** Number(defaults?.["lab-lr"] ?? -1.3),
          "negative-bias": Number(v.values["lab-bias"]) < 0,
          "leaky-rescue": v.values["lab-activation"] === "leaky" && !v.slopeDisabled && Number(v.values["lab-slope"]) > 0,
          "narrow-deep": Number(v.values["lab-depth"]) > 1 && Number(v.values["lab-width"]) < Number(defaults?.["lab-width"] ?? 16),
        }[key];
        if (!story) wrong.push(`${key}: its settings do not tell its story: ${JSON.stringify(v.values)}`);
        let s;
        try {
          s = parseStatus(v.status);
        } catch (err) {
          wrong.push(`${key}: ${err.message}`);
          continue;
        }
        if (!(s.step > 0) || !(v.steps > 0)) wrong.push(`${key}: no steps after 400 ms playing (${v.status})`);
        if (v.layers.length !== Number(v.values["lab-depth"]) || s.units !== Number(v.values["lab-width"]) * Number(v.values["lab-depth"])) {
          wrong.push(`${key}: the strip (${JSON.stringify(v.layers)}) or status (${v.status}) does not match width ${v.values["lab-width"]} × depth ${v.values["lab-depth"]}`);
        }
        if (!v.note) wrong.push(`${key}: #lab-preset-note is empty`);
      }
      if (notes.size < PRESETS.length) wrong.push(`the presets share notes: ${[...notes].map((n) => JSON.stringify(n)).join(", ")}`);
      await page.locator("#lab-play").click();
      assert(wrong.length === 0, wrong.join("; "));
    } finally {
      await page.close();
    }
  });

  await check("lab: a healthy run learns (the loss falls)", async () => {
    const page = await open(context, "lab healthy");
    try {
      await showLab(page);
      await page.locator("#preset-healthy").click();
      await waitRunning(page, true);
      await page.waitForFunction(() => window.reluExplorer.labSteps() >= 5, null, { timeout: 3_000 });
      const early = await status(page);
      await page.waitForTimeout(2_500);
      const late = await status(page);
      await page.locator("#lab-play").click();
      assert(late.step > early.step, `the step stayed ${early.step}`);
      assert(Number.isFinite(early.loss) && Number.isFinite(late.loss) && late.loss < early.loss / 2,
        `loss went ${early.loss} (step ${early.step}) → ${late.loss} (step ${late.step}); want it at least halved`);
    } finally {
      await page.close();
    }
  });

  await check("lab: the high-learning-rate preset kills units, and the strip greys exactly those", async () => {
    const page = await open(context, "lab high-lr");
    try {
      await showLab(page);
      const before = await view(page);
      await page.locator("#preset-high-lr").click();
      await page.waitForTimeout(3_500);
      const during = await view(page);
      // Pause so that the status and the strip are read at rest, then read both at once.
      if (during.running) {
        await page.locator("#lab-play").click();
        await waitRunning(page, false);
      }
      await twoFrames(page);
      const after = await view(page);
      const s = parseStatus(after.status);
      const problems = [];
      // Its story is units that die while the network trains on, not a run that blows up.
      if (after.message) problems.push(`#lab-message says ${JSON.stringify(after.message)}`);
      if (after.stripDead !== s.dead) problems.push(`the status says ${s.dead} dead, the strip greys ${after.stripDead} (li.unit.dead)`);
      assert(problems.length === 0, `${problems.join("; ")} (status ${JSON.stringify(after.status)})`);
      assert(s.step > 0, `no training step after 3.5 s: ${after.status}`);
      assert(s.saysDead, `with ReLU the status must say "dead": ${after.status}`);
      assert(!/nan|infinity/i.test(after.status), `the status shows a non-number: ${after.status}`);
      assert(s.dead > 0, `no unit died: #lab-status says ${JSON.stringify(after.status)}`);
      assert(after.stripUnits === s.units, `the strip has ${after.stripUnits} units, the status counts ${s.units}`);
      // Each layer's label counts what its row greys ("… d of u …").
      const labels = after.layers.filter((l) => {
        const m = /(\d+) of (\d+)/.exec(l.label ?? "");
        return !m || Number(m[1]) !== l.dead || Number(m[2]) !== l.units;
      });
      assert(labels.length === 0, `strip labels that do not count their row (dead of units): ${JSON.stringify(labels)}`);
      assert(after.canvases["lab-dead-chart"] !== before.canvases["lab-dead-chart"], "#lab-dead-chart did not change from before training");
      const blank = Object.entries(after.canvases).filter(([, h]) => h.endsWith("(blank)")).map(([id]) => `#${id}`);
      assert(blank.length === 0, `blank after training: ${blank.join(", ")}`);
    } finally {
      await page.close();
    }
  });

  await check("lab: keyboard: Space on #lab-play plays and pauses; Enter on #lab-step takes one step", async () => {
    const page = await open(context, "lab keyboard");
    try {
      await showLab(page);
      await page.locator("#lab-play").focus();
      await page.keyboard.press("Space");
      await waitRunning(page, true);
      await page.waitForTimeout(300);
      await page.keyboard.press("Space");
      await waitRunning(page, false);
      const running = await status(page);
      assert(running.step > 0, `Space played no step: ${running.text}`);
      await page.locator("#lab-step").focus();
      const before = await status(page);
      await page.keyboard.press("Enter");
      await twoFrames(page);
      await page.waitForFunction((step) => {
        const m = /^Step (\d+)/.exec(document.getElementById("lab-status").textContent.trim());
        return m && Number(m[1]) !== step;
      }, before.step, { timeout: 2_000 }).catch(() => {});
      const after = await view(page);
      const s = parseStatus(after.status);
      assert(s.step === before.step + 1, `Enter on #lab-step went from step ${before.step} to ${s.step}`);
      assert(!after.running, "#lab-step left the lab running");
      assert(after.steps === s.step, `labSteps() is ${after.steps}, the status says step ${s.step}`);
      assert(await page.evaluate(() => document.activeElement?.id) === "lab-step", "#lab-step lost focus");
    } finally {
      await page.close();
    }
  });

  await check(`lab: divergence (${DIVERGING}) pauses, says so, shows no NaN, and Reset restores step 0`, async () => {
    const page = await open(context, "lab divergence", DIVERGING);
    try {
      await showLab(page);
      await page.locator("#lab-play").click();
      await page.waitForFunction(() => document.getElementById("lab-message")?.textContent.trim() !== "", null, { timeout: 10_000 })
        .catch(() => {});
      await twoFrames(page);
      const diverged = await view(page);
      await page.waitForTimeout(300);
      const later = await view(page);
      assert(/diverg/i.test(diverged.message), `#lab-message says ${JSON.stringify(diverged.message)} (status ${JSON.stringify(diverged.status)}); want that training diverged`);
      assert(diverged.playDisabled, "#lab-play is not disabled after divergence");
      assert(!diverged.running, "#lab-play still aria-pressed=true after divergence");
      assert(!/nan|infinity|inf\b/i.test(diverged.status), `#lab-status shows ${JSON.stringify(diverged.status)}`);
      assert(later.steps === diverged.steps, `training went on after divergence: ${diverged.steps} → ${later.steps} steps`);
      const blank = Object.entries(diverged.canvases).filter(([, h]) => h.endsWith("(blank)")).map(([id]) => `#${id}`);
      assert(blank.length === 0, `blank after divergence: ${blank.join(", ")}`);

      await page.locator("#lab-reset").click();
      await twoFrames(page);
      const reset = await view(page);
      const s = parseStatus(reset.status);
      assert(s.step === 0 && reset.steps === 0, `after Reset: ${JSON.stringify(reset.status)}, labSteps() ${reset.steps}`);
      assert(!reset.running && !reset.playDisabled, "after Reset #lab-play must be enabled and not pressed");
      assert(reset.message === "", `#lab-message still says ${JSON.stringify(reset.message)} after Reset`);
      assert(reset.values["lab-lr"] === diverged.values["lab-lr"] && reset.values["lab-width"] === diverged.values["lab-width"],
        "Reset changed the settings");
    } finally {
      await page.close();
    }
  });

  await check(`lab: the URL hash sets every lab control: ${LAB_HASH}`, async () => {
    const page = await open(context, "lab hash", LAB_HASH);
    try {
      const v = await view(page);
      const wrong = Object.entries(LAB_HASH_VALUES)
        .filter(([id, want]) => Math.abs(Number(v.values[id]) - Number(want)) > 1e-9 && v.values[id] !== want)
        .map(([id, want]) => `#${id} is ${JSON.stringify(v.values[id])}, want ${want}`);
      const s = parseStatus(v.status);
      if (s.units !== 16) wrong.push(`the status counts ${s.units} units, want 8 × 2`);
      if (v.layers.length !== 2) wrong.push(`the strip has ${v.layers.length} layers, want 2`);
      if (v.slopeDisabled) wrong.push("#lab-slope is disabled with Leaky ReLU");
      if (v.pageMessage) wrong.push(`#page-message says ${JSON.stringify(v.pageMessage)}`);
      assert(wrong.length === 0, wrong.join("; "));
    } finally {
      await page.close();
    }
  });

  await check("lab: changed lab controls round-trip through the URL hash into a new page", async () => {
    const first = await open(context, "lab round-trip 1");
    let hash;
    let want;
    try {
      await first.locator("#lab-task").selectOption("zigzag");
      await first.locator("#lab-init").selectOption("uniform");
      for (const [id, key] of [["lab-width", "ArrowLeft"], ["lab-bias", "ArrowLeft"], ["lab-lr", "ArrowRight"],
        ["lab-points", "ArrowRight"], ["lab-steps", "ArrowRight"], ["lab-depth", "ArrowRight"]]) {
        await first.locator(`#${id}`).focus();
        await first.keyboard.press(key);
      }
      await first.locator("#lab-seed").fill("42");
      await first.keyboard.press("Tab");
      await twoFrames(first);
      await first.waitForFunction(() => /seed=42/.test(location.hash), null, { timeout: 2_000 }).catch(() => {});
      await first.waitForTimeout(400);
      ({ hash, values: want } = await view(first));
    } finally {
      await first.close();
    }
    assert(/seed=42/.test(hash) && /task=zigzag/.test(hash), `location.hash is ${JSON.stringify(hash)}`);
    const second = await open(context, "lab round-trip 2", hash);
    try {
      const got = (await view(second)).values;
      const wrong = LAB_CONTROLS.filter((id) => got[id] !== want[id]).map((id) => `#${id} is ${got[id]}, want ${want[id]}`);
      assert(wrong.length === 0, `${hash}: ${wrong.join("; ")}`);
    } finally {
      await second.close();
    }
  });

  await check(`born dead: the URL hash sets the calculator and a change round-trips: ${BORN_HASH}`, async () => {
    const page = await open(context, "born hash", BORN_HASH);
    let hash;
    try {
      const read = () => page.evaluate(() => Object.fromEntries(
        ["born-width", "born-depth", "born-init", "born-bias", "born-width-out", "born-bias-out"].map((id) => {
          const el = document.getElementById(id);
          return [id, el.tagName === "OUTPUT" ? el.textContent : el.value];
        }).concat([["message", document.getElementById("page-message").textContent]])));
      const v = await read();
      const want = { "born-width": "8", "born-depth": "2", "born-init": "xavier", "born-bias": "0.5", "born-width-out": "8", "born-bias-out": "0.5", message: "" };
      const wrong = Object.entries(want).filter(([id, w]) => v[id] !== w).map(([id, w]) => `#${id} is ${JSON.stringify(v[id])}, want ${JSON.stringify(w)}`);
      assert(wrong.length === 0, wrong.join("; "));
      await page.locator("#born-width").focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(() => location.hash.includes("bw=9"), null, { timeout: 3000 });
      hash = await page.evaluate(() => location.hash);
    } finally {
      await page.close();
    }
    const again = await open(context, "born hash again", hash);
    try {
      const width = await again.evaluate(() => document.getElementById("born-width").value);
      assert(width === "9", `a new page from ${hash} shows #born-width = ${width}, want 9`);
    } finally {
      await again.close();
    }
  });

  await check(`lab: bad values in the URL hash (${BAD_HASH}) are refused with a message and the defaults kept`, async () => {
    const page = await open(context, "lab bad hash", BAD_HASH);
    try {
      const v = await view(page);
      const wrong = [];
      if (!v.pageMessage) wrong.push("#page-message is empty");
      for (const id of ["lab-width", "lab-lr", "lab-depth"]) {
        if (defaults && v.values[id] !== defaults[id]) wrong.push(`#${id} is ${v.values[id]}, want the default ${defaults[id]}`);
      }
      for (const word of ["width", "depth"]) {
        if (!v.pageMessage.toLowerCase().includes(word)) wrong.push(`#page-message does not name ${word}: ${JSON.stringify(v.pageMessage)}`);
      }
      if (!/learning rate|\blr\b/i.test(v.pageMessage)) wrong.push(`#page-message does not name the learning rate: ${JSON.stringify(v.pageMessage)}`);
      const s = parseStatus(v.status);
      if (defaults && s.units !== Number(defaults["lab-width"]) * Number(defaults["lab-depth"])) {
        wrong.push(`the status counts ${s.units} units, want the defaults' ${defaults["lab-width"]} × ${defaults["lab-depth"]}`);
      }
      assert(wrong.length === 0, wrong.join("; "));
    } finally {
      await page.close();
    }
  });
}
