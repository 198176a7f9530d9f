// The dead-neuron lab on the real built page: its elements and JS handle, the presets, the
// high-learning-rate story (units die and the strip greys exactly those), the keyboard,
// divergence and its reset, the lab's URL hash (good values set the controls and round-trip;
// bad ones are refused with a message), and the born-dead calculator's hash.
//
// The lab's numbers are read from the data- attributes it writes on `#lab` (data-steps,
// data-loss, data-dead, data-units, data-running, data-diverged) and from
// `window.reluExplorer`, never from its status sentence, which is translated.

import {
  afterFrames,
  expect,
  hashWritten,
  nextFrame,
  open,
  openNew,
  test,
} from "./fixtures.mjs";

/** Lab controls and their ids: every one is labelled; all but the selects and the seed have an
 * <output>. */
const LAB_CONTROLS = [
  "lab-activation", "lab-slope", "lab-lr", "lab-init", "lab-bias", "lab-width", "lab-depth",
  "lab-task", "lab-points", "lab-seed", "lab-steps",
];
const WITHOUT_OUTPUT = ["lab-activation", "lab-init", "lab-task", "lab-seed"];
const PRESETS = ["healthy", "high-lr", "negative-bias", "leaky-rescue", "narrow-deep"];
const CANVASES = ["lab-fit", "lab-units", "lab-dead-chart", "lab-loss-chart"];

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
/** The born-dead calculator's keys. */
const BORN_HASH = "#bw=8&bd=2&binit=xavier&bbias=0.5";
/** Animation frames a preset must keep training for without diverging (what 400 ms at 60 fps
 * gave before). */
const PRESET_FRAMES = 24;
/** Animation frames after a pause in which no training step may happen. */
const PAUSED_FRAMES = 20;

/** In the page: everything the lab shows at one instant (read in one go, so it is coherent). */
function labView() {
  const byId = (id) => document.getElementById(id);
  const data = byId("lab")?.dataset ?? {};
  const layers = [...document.querySelectorAll("#lab-strip > .strip-layer")].map((layer) => ({
    label: layer.querySelector(".strip-label")?.textContent.trim() ?? null,
    units: layer.querySelectorAll("ol > li.unit").length,
    dead: layer.querySelectorAll("ol > li.unit.dead").length,
    leak: layer.querySelectorAll("ol > li.unit.leak").length,
  }));
  return {
    data: {
      steps: data.steps === undefined ? null : Number(data.steps),
      loss: data.loss === undefined || data.loss === "" ? null : Number(data.loss),
      rawLoss: data.loss ?? null,
      dead: data.dead === undefined ? null : Number(data.dead),
      units: data.units === undefined ? null : Number(data.units),
      running: data.running ?? null,
      diverged: data.diverged ?? null,
    },
    status: byId("lab-status")?.textContent.trim() ?? "",
    message: byId("lab-message")?.textContent.trim() ?? "",
    pageMessage: byId("page-message")?.textContent.trim() ?? "",
    problems: byId("page-message")?.dataset.problems ?? null,
    note: byId("lab-preset-note")?.textContent.trim() ?? "",
    pressed: byId("lab-play")?.getAttribute("aria-pressed") === "true",
    playDisabled: !!byId("lab-play")?.disabled,
    steps: window.reluExplorer?.labSteps?.(),
    layers,
    stripUnits: document.querySelectorAll("#lab-strip li.unit").length,
    stripDead: document.querySelectorAll("#lab-strip li.unit.dead").length,
    stripLeak: document.querySelectorAll("#lab-strip li.unit.leak").length,
    canvases: Object.fromEntries(["lab-fit", "lab-units", "lab-dead-chart", "lab-loss-chart"]
      .map((id) => [id, window.__relu.canvasHash(byId(id))])),
    blank: ["lab-fit", "lab-units", "lab-dead-chart", "lab-loss-chart"].filter((id) => window.__relu.isBlank(byId(id))),
    values: Object.fromEntries(["lab-activation", "lab-slope", "lab-lr", "lab-init", "lab-bias", "lab-width",
      "lab-depth", "lab-task", "lab-points", "lab-seed", "lab-steps"].map((id) => [id, byId(id)?.value])),
    slopeDisabled: !!byId("lab-slope")?.disabled,
    hash: location.hash,
  };
}

const view = (page) => page.evaluate(labView);
const lab = (page) => page.locator("#lab");

/** Brings the lab's buttons to the top of the viewport, its charts below them on screen. */
async function showLab(page) {
  await page.locator("#lab-play").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await nextFrame(page);
}

/** Waits until the lab is running (or paused, with `running` false): `#lab-play`'s
 * aria-pressed and `#lab`'s data-running agree. */
async function waitRunning(page, running, timeout = 5_000) {
  const want = running ? "true" : "false";
  await expect(page.locator("#lab-play"), `#lab-play aria-pressed=${want}`).toHaveAttribute("aria-pressed", want, { timeout });
  await expect(lab(page), `#lab data-running=${want}`).toHaveAttribute("data-running", want, { timeout });
}

/** Waits until `#lab` reports at least `count` steps. */
async function waitSteps(page, count, timeout = 10_000) {
  await expect.poll(async () => Number(await lab(page).getAttribute("data-steps")), {
    message: `#lab data-steps never reached ${count}`, timeout,
  }).toBeGreaterThanOrEqual(count);
}

/** The numbers in a text, which are the same in every language the page speaks. */
const numbersIn = (text) => (text.match(/\d+/g) ?? []).map(Number);

test("lab: its elements, labelled controls with outputs, presets and JS handle are there", async ({ page }) => {
  await open(page);
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
    // The status line changes every frame, so it is not live; #lab-announce says the result.
    if (document.getElementById("lab-announce")?.getAttribute("role") !== "status") gone.push('#lab-announce[role="status"]');
    if (document.getElementById("lab-message")?.getAttribute("role") !== "alert") gone.push('#lab-message[role="alert"]');
    for (const id of canvases) if (document.getElementById(id)?.tagName !== "CANVAS") gone.push(`canvas#${id}`);
    for (const id of controls) {
      const el = document.getElementById(id);
      if (!el) {
        gone.push(`#${id}`);
        continue;
      }
      if (![...(el.labels ?? [])].some((label) => label.textContent.trim())) gone.push(`a <label> for #${id}`);
      if (!withoutOutput.includes(id) && !document.querySelector(`output[for~="${id}"]`)) gone.push(`output[for="${id}"]`);
    }
    const api = window.reluExplorer;
    if (typeof api?.labFrameTimes !== "function") gone.push("window.reluExplorer.labFrameTimes()");
    if (typeof api?.labSteps !== "function") gone.push("window.reluExplorer.labSteps()");
    return gone;
  }, { controls: LAB_CONTROLS, withoutOutput: WITHOUT_OUTPUT, presets: PRESETS, canvases: CANVASES });
  expect(missing, "missing").toEqual([]);

  const v = await view(page);
  const width = Number(v.values["lab-width"]);
  const depth = Number(v.values["lab-depth"]);
  expect(v.data, "#lab's data- attributes at load").toEqual({
    steps: 0, loss: null, rawLoss: "", dead: v.stripDead, units: width * depth, running: "false", diverged: "false",
  });
  expect(v.status, "#lab-status at load").not.toBe("");
  expect(v.layers.length, "#lab-strip's .strip-layer, one per hidden layer").toBe(depth);
  for (const layer of v.layers) {
    expect(layer.units, `each .strip-layer has ${width} li.unit`).toBe(width);
    expect(layer.label, "each .strip-layer has a .strip-label").toBeTruthy();
  }
  expect(v.stripLeak, "with ReLU no unit is marked as in the leak").toBe(0);
  expect(v.slopeDisabled, "#lab-slope is disabled exactly while the activation is ReLU")
    .toBe(v.values["lab-activation"] === "relu");
  expect(v.steps, "labSteps() before any training").toBe(0);
  expect(v.message, "#lab-message at load").toBe("");
});

test("lab: labSteps() counts the steps and labFrameTimes() the lab's frames while it plays", async ({ page }) => {
  await open(page);
  await showLab(page);
  await page.locator("#lab-play").click();
  await waitRunning(page, true);
  await expect.poll(() => page.evaluate(() => window.reluExplorer.labFrameTimes().length > 0 && window.reluExplorer.labSteps() > 0),
    { message: "labSteps() and labFrameTimes() stayed empty while playing" }).toBe(true);
  const first = await page.evaluate(() => {
    const times = window.reluExplorer.labFrameTimes();
    return { steps: window.reluExplorer.labSteps(), isF64: times instanceof Float64Array, times: Array.from(times) };
  });
  await expect.poll(() => page.evaluate(() => window.reluExplorer.labSteps()), { message: "labSteps() while playing" })
    .toBeGreaterThan(first.steps);
  await page.locator("#lab-play").click();
  await waitRunning(page, false);
  await nextFrame(page);
  const paused = await view(page);
  await afterFrames(page, PAUSED_FRAMES);
  const later = await view(page);
  expect(first.isF64, "labFrameTimes() returns a Float64Array").toBe(true);
  expect(first.times.length, "labFrameTimes() holds 1..240 frames").toBeGreaterThan(0);
  expect(first.times.length, "labFrameTimes() holds 1..240 frames").toBeLessThanOrEqual(240);
  expect(first.times.every((t) => Number.isFinite(t) && t >= 0), "every frame time is a finite number ≥ 0").toBe(true);
  expect(paused.data.steps, "paused, #lab data-steps equals labSteps()").toBe(paused.steps);
  expect(paused.steps, "steps taken").toBeGreaterThan(first.steps);
  expect({ steps: later.steps, status: later.status, data: later.data }, "the lab kept training after pause")
    .toEqual({ steps: paused.steps, status: paused.status, data: paused.data });
});

for (const key of PRESETS) {
  test(`lab: preset ${key} loads its settings and starts training at once`, async ({ page }) => {
    await open(page);
    const defaults = (await view(page)).values;
    await showLab(page);
    await page.locator(`#preset-${key}`).click();
    await waitRunning(page, true);
    await waitSteps(page, 1);
    // A preset tells its story by training: still running some frames on, not stopped by
    // divergence.
    await afterFrames(page, PRESET_FRAMES);
    const v = await view(page);
    await page.locator("#lab-play").click();
    await waitRunning(page, false);
    expect(v.message, `#lab-message ${PRESET_FRAMES} frames after the click`).toBe("");
    expect(v.data.diverged, "data-diverged").toBe("false");
    expect(v.pressed && v.data.running === "true", `running ${PRESET_FRAMES} frames after the click`).toBe(true);
    expect(v.data.steps, "steps").toBeGreaterThan(0);
    expect(v.steps, "labSteps()").toBe(v.data.steps);
    const lr = 10 ** Number(v.values["lab-lr"]);
    const story = {
      healthy: v.values["lab-init"] === "he" && v.values["lab-activation"] === "relu",
      "high-lr": lr > 10 ** Number(defaults["lab-lr"]),
      "negative-bias": Number(v.values["lab-bias"]) < 0,
      "leaky-rescue": v.values["lab-activation"] === "leaky" && !v.slopeDisabled && Number(v.values["lab-slope"]) > 0,
      "narrow-deep": Number(v.values["lab-depth"]) > 1 && Number(v.values["lab-width"]) < Number(defaults["lab-width"]),
    }[key];
    expect(story, `its settings tell its story: ${JSON.stringify(v.values)}`).toBe(true);
    const [width, depth] = [Number(v.values["lab-width"]), Number(v.values["lab-depth"])];
    expect(v.layers.length, "the strip has one row per hidden layer").toBe(depth);
    expect(v.data.units, "data-units is width × depth").toBe(width * depth);
    expect(v.stripUnits, "the strip shows width × depth units").toBe(width * depth);
    expect(v.note, "#lab-preset-note").not.toBe("");
  });
}

test("lab: every preset has a note of its own", async ({ page }) => {
  await open(page);
  await showLab(page);
  const notes = [];
  for (const key of PRESETS) {
    await page.locator(`#preset-${key}`).click();
    // The note is written by a complete render (a render that runs out of its frame's time
    // leaves the lab for the next, and counts only once it is done) that starts after the
    // click: counted from before it, a running lab's frame drawn while the click was still
    // on its way would do, with the previous preset's note.
    const after = await page.evaluate(() => window.__relu.frames());
    await page.waitForFunction((n) => window.__relu.frames() > n, after);
    notes.push(await page.locator("#lab-preset-note").textContent());
  }
  await page.locator("#lab-play").click();
  await waitRunning(page, false);
  expect(new Set(notes).size, `the presets share notes: ${notes.map((n) => JSON.stringify(n)).join(", ")}`).toBe(PRESETS.length);
});

test("lab: a healthy run learns (the loss falls to half)", async ({ page }) => {
  await open(page);
  await showLab(page);
  await page.locator("#preset-healthy").click();
  await waitRunning(page, true);
  await waitSteps(page, 5);
  const early = (await view(page)).data;
  expect(Number.isFinite(early.loss), `data-loss at step ${early.steps} is ${early.rawLoss}`).toBe(true);
  await expect.poll(async () => (await view(page)).data.loss, {
    message: `the loss never fell to half of ${early.loss} (step ${early.steps})`, timeout: 20_000,
  }).toBeLessThan(early.loss / 2);
  const late = (await view(page)).data;
  await page.locator("#lab-play").click();
  expect(late.steps, "steps").toBeGreaterThan(early.steps);
  expect(late.diverged, "data-diverged").toBe("false");
});

test("lab: the high-learning-rate preset kills units, and the strip greys exactly those", async ({ page }) => {
  await open(page);
  await showLab(page);
  const before = await view(page);
  await page.locator("#preset-high-lr").click();
  await waitRunning(page, true);
  await expect.poll(async () => (await view(page)).data.dead, {
    message: "no unit died (#lab data-dead stayed 0)", timeout: 20_000,
  }).toBeGreaterThan(0);
  // Pause so that the status and the strip are read at rest, then read both at once.
  await page.locator("#lab-play").click();
  await waitRunning(page, false);
  await nextFrame(page);
  const after = await view(page);
  // Its story is units that die while the network trains on, not a run that blows up.
  expect(after.message, "#lab-message").toBe("");
  expect(after.data.diverged, "data-diverged").toBe("false");
  expect(after.stripDead, "units the strip greys (li.unit.dead) against #lab data-dead").toBe(after.data.dead);
  expect(after.stripLeak, "with ReLU no unit is marked as in the leak").toBe(0);
  expect(after.data.steps, "steps").toBeGreaterThan(0);
  expect(after.data.dead, "dead units").toBeGreaterThan(0);
  expect(Number.isFinite(after.data.loss), `data-loss is ${after.data.rawLoss}`).toBe(true);
  expect(after.status, "#lab-status shows a non-number").not.toMatch(/NaN|inf/);
  expect(after.stripUnits, "the strip's units against data-units").toBe(after.data.units);
  // Each layer's label counts what its row greys: its numbers include the row's dead count and
  // its size (whatever the words around them).
  for (const [index, layer] of after.layers.entries()) {
    const numbers = numbersIn(layer.label ?? "");
    const want = [index + 1, layer.dead, layer.units];
    const missingNumbers = want.filter((n) => {
      const at = numbers.indexOf(n);
      if (at < 0) return true;
      numbers.splice(at, 1);
      return false;
    });
    expect(missingNumbers, `strip label ${JSON.stringify(layer.label)} must give layer ${index + 1}, ${layer.dead} dead, ${layer.units} units`).toEqual([]);
  }
  expect(after.canvases["lab-dead-chart"], "#lab-dead-chart did not change from before training")
    .not.toBe(before.canvases["lab-dead-chart"]);
  expect(after.blank, "blank after training").toEqual([]);
});

test("lab: keyboard: Space on #lab-play plays and pauses; Enter on #lab-step takes one step", async ({ page }) => {
  await open(page);
  await showLab(page);
  await page.locator("#lab-play").focus();
  await page.keyboard.press("Space");
  await waitRunning(page, true);
  await waitSteps(page, 1);
  await page.keyboard.press("Space");
  await waitRunning(page, false);
  await nextFrame(page);
  const played = await view(page);
  expect(played.data.steps, "Space played steps").toBeGreaterThan(0);
  await page.locator("#lab-step").focus();
  await page.keyboard.press("Enter");
  await expect(lab(page), "Enter on #lab-step takes one step").toHaveAttribute("data-steps", String(played.data.steps + 1));
  await afterFrames(page, 2);
  const after = await view(page);
  expect(after.data.steps, "steps after one Enter on #lab-step").toBe(played.data.steps + 1);
  expect(after.pressed || after.data.running === "true", "#lab-step left the lab running").toBe(false);
  expect(after.steps, "labSteps() against data-steps").toBe(after.data.steps);
  expect(await page.evaluate(() => document.activeElement?.id), "focus after Enter").toBe("lab-step");
});

test(`lab: divergence (${DIVERGING}) pauses, says so, shows no NaN, and Reset restores step 0`, async ({ page }) => {
  await open(page, DIVERGING);
  await showLab(page);
  await page.locator("#lab-play").click();
  await expect(lab(page), "#lab data-diverged").toHaveAttribute("data-diverged", "true", { timeout: 10_000 });
  await nextFrame(page);
  const diverged = await view(page);
  await afterFrames(page, PAUSED_FRAMES);
  const later = await view(page);
  expect(diverged.message, "#lab-message says that training diverged").not.toBe("");
  expect(diverged.playDisabled, "#lab-play is disabled after divergence").toBe(true);
  expect(diverged.pressed, "#lab-play aria-pressed after divergence").toBe(false);
  expect(diverged.data.running, "data-running after divergence").toBe("false");
  expect(diverged.status, "#lab-status shows a non-number").not.toMatch(/NaN|inf/);
  expect(later.steps, "training went on after divergence").toBe(diverged.steps);
  expect(diverged.blank, "blank after divergence").toEqual([]);

  await page.locator("#lab-reset").click();
  await expect(lab(page), "data-steps after Reset").toHaveAttribute("data-steps", "0");
  await nextFrame(page);
  const reset = await view(page);
  expect(reset.steps, "labSteps() after Reset").toBe(0);
  expect(reset.data.diverged, "data-diverged after Reset").toBe("false");
  expect(reset.data.loss, "data-loss after Reset").toBe(null);
  expect(!reset.pressed && !reset.playDisabled, "after Reset #lab-play must be enabled and not pressed").toBe(true);
  expect(reset.message, "#lab-message after Reset").toBe("");
  expect({ lr: reset.values["lab-lr"], width: reset.values["lab-width"] }, "Reset changed the settings")
    .toEqual({ lr: diverged.values["lab-lr"], width: diverged.values["lab-width"] });
});

test(`lab: the URL hash sets every lab control: ${LAB_HASH}`, async ({ page }) => {
  await open(page, LAB_HASH);
  const v = await view(page);
  for (const [id, want] of Object.entries(LAB_HASH_VALUES)) {
    const got = v.values[id];
    expect(got === want || Math.abs(Number(got) - Number(want)) <= 1e-9, `#${id} is ${JSON.stringify(got)}, want ${want}`).toBe(true);
  }
  expect(v.data.units, "data-units for 8 × 2").toBe(16);
  expect(v.layers.length, "strip layers").toBe(2);
  expect(v.slopeDisabled, "#lab-slope disabled with Leaky ReLU").toBe(false);
  expect(v.pageMessage, "#page-message").toBe("");
  expect(v.problems, "#page-message data-problems").toBe("");
});

test("lab: changed lab controls round-trip through the URL hash into a new page", async ({ page, context }) => {
  await open(page);
  await page.locator("#lab-task").selectOption("zigzag");
  await page.locator("#lab-init").selectOption("uniform");
  for (const [id, key] of [["lab-width", "ArrowLeft"], ["lab-bias", "ArrowLeft"], ["lab-lr", "ArrowRight"],
    ["lab-points", "ArrowRight"], ["lab-steps", "ArrowRight"], ["lab-depth", "ArrowRight"]]) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press(key);
  }
  await page.locator("#lab-seed").fill("42");
  await page.keyboard.press("Tab");
  await nextFrame(page);
  await hashWritten(page);
  const { hash, values: want } = await view(page);
  expect(hash, "location.hash").toMatch(/seed=42/);
  expect(hash, "location.hash").toMatch(/task=zigzag/);
  const second = await openNew(context, hash);
  const got = (await view(second)).values;
  for (const id of LAB_CONTROLS) expect(got[id], `#${id} in a new page from ${hash}`).toBe(want[id]);
});

test(`born dead: the URL hash sets the calculator and a change round-trips: ${BORN_HASH}`, async ({ page, context }) => {
  await open(page, BORN_HASH);
  const v = await page.evaluate(() => Object.fromEntries(
    ["born-width", "born-depth", "born-init", "born-bias", "born-width-out", "born-bias-out"].map((id) => {
      const el = document.getElementById(id);
      return [id, el.tagName === "OUTPUT" ? el.textContent : el.value];
    }).concat([["message", document.getElementById("page-message").textContent]])));
  expect(v).toEqual({
    "born-width": "8", "born-depth": "2", "born-init": "xavier", "born-bias": "0.5", "born-width-out": "8", "born-bias-out": "0.5", message: "",
  });
  await page.locator("#born-width").focus();
  await page.keyboard.press("ArrowRight");
  await hashWritten(page);
  const hash = await page.evaluate(() => location.hash);
  expect(hash, "location.hash after ArrowRight on #born-width").toMatch(/(^#|&)bw=9(&|$)/);
  const again = await openNew(context, hash);
  expect(await again.locator("#born-width").inputValue(), `#born-width in a new page from ${hash}`).toBe("9");
});

test(`lab: bad values in the URL hash (${BAD_HASH}) are refused with a message and the defaults kept`, async ({ page, context }) => {
  const defaults = (await view(await open(page))).values;
  const bad = await openNew(context, BAD_HASH);
  const v = await view(bad);
  expect(v.pageMessage, "#page-message").not.toBe("");
  expect((v.problems ?? "").split(",").sort(), "#page-message data-problems").toEqual(["depth", "lr", "width"]);
  for (const id of ["lab-width", "lab-lr", "lab-depth"]) {
    expect(v.values[id], `#${id} keeps its default`).toBe(defaults[id]);
  }
  expect(v.data.units, "data-units for the default width × depth")
    .toBe(Number(defaults["lab-width"]) * Number(defaults["lab-depth"]));
});

test("lab: the fit chart counts its kinks: one at 0 with biases at 0, one per live unit with biases at −1, more once trained", async ({ page }) => {
  const fit = page.locator("#lab-fit");
  const kinks = async () => ({
    all: Number(await fit.getAttribute("data-kinks")),
    first: Number(await fit.getAttribute("data-first-kinks")),
  });
  // Biases at 0: every first-layer unit switches at x = −0/w = 0, one bend.
  await open(page);
  await showLab(page);
  await expect(fit).toHaveAttribute("data-kinks", "1");
  await expect(fit).toHaveAttribute("data-first-kinks", "1");

  // Biases at −1: a unit is alive on [−1, 1] exactly when its kink 1/w is inside, so the
  // kinks count the live units (dead ones add none).
  await open(page, "#bias=-1");
  await showLab(page);
  await expect(lab(page)).toHaveAttribute("data-steps", "0");
  const units = Number(await lab(page).getAttribute("data-units"));
  const dead = Number(await lab(page).getAttribute("data-dead"));
  expect(dead, "biases at −1 leave some units dead at the start").toBeGreaterThan(0);
  await expect.poll(kinks).toEqual({ all: units - dead, first: units - dead });

  // Trained a little and paused again, the healthy net's units have spread their kinks.
  await open(page);
  await showLab(page);
  await page.locator("#lab-play").click();
  await waitRunning(page, true);
  await waitSteps(page, 200);
  await page.locator("#lab-play").click();
  await waitRunning(page, false);
  await expect.poll(async () => (await kinks()).all, { message: "kinks after training" }).toBeGreaterThan(1);
  const after = await kinks();
  expect(after.first, "one hidden layer: every kink is a first-layer unit's").toBe(after.all);
});
