// Train a tiny network: Mlp [1, 8, 1] fits 24 points by gradient descent, 10 steps an animation
// frame, its loss and its curve drawn on plain canvases; built on the JS API alone. Any change
// of points, activation or seed starts a new network; the learning rate applies from the next
// step. A bad number is refused with a message, and the last good one kept.
// State for scripts and tests, on #training: data-steps, data-loss (the latest), data-dead
// (dead hidden units), data-running; each canvas's data-drawn-steps says which step it shows.

import init, { Mlp } from "../pkg/relu_explorer.js";

await init();

const SIZES = new Uint32Array([1, 8, 1]);
const STEPS_PER_FRAME = 10;
/** Training pauses here: by then every setting has shown what it does. */
const MAX_STEPS = 3000;
const POINTS = 24;
const TARGETS = {
  abs: (x) => Math.abs(x),
  sine: (x) => Math.sin(2 * x),
  step: (x) => (x > 0 ? 1 : 0),
};

const $ = (id) => document.getElementById(id);
const root = $("training");
const inputs = Float32Array.from({ length: POINTS }, (_, i) => -2 + (4 * i) / (POINTS - 1));
let targets = null;
let net = null;
let losses = [];
let rate = 0.05;
let seed = 1;
let running = false;

function problem(kind) {
  const box = $("problem");
  box.dataset.problem = kind;
  for (const part of box.querySelectorAll("[data-says]")) part.hidden = part.dataset.says !== kind;
  $("rate").setAttribute("aria-invalid", String(kind === "rate"));
  $("seed").setAttribute("aria-invalid", String(kind === "seed"));
}

/** A new network for the current points, activation and seed, untrained. */
function reset() {
  const activation = $("activation").value;
  net?.free();
  net = new Mlp(SIZES, activation);
  net.initialize(activation.endsWith("relu") ? "he" : "xavier", seed);
  targets = inputs.map(TARGETS[$("target").value]);
  losses = [];
  if ($("problem").dataset.problem === "diverged") problem("");
  report();
  draw();
}

function setRunning(on) {
  running = on;
  $("run").setAttribute("aria-pressed", String(on));
  root.dataset.running = String(on);
  if (on) requestAnimationFrame(frame);
}

function frame() {
  if (!running) return;
  for (let i = 0; i < STEPS_PER_FRAME && losses.length < MAX_STEPS; i++) {
    const loss = net.trainStep(inputs, targets, rate);
    losses.push(loss);
    if (!Number.isFinite(loss)) {
      problem("diverged");
      setRunning(false);
      break;
    }
  }
  if (losses.length >= MAX_STEPS) setRunning(false);
  report();
  draw();
  if (running) requestAnimationFrame(frame);
}

function report() {
  const dead = net.deadUnits(inputs).reduce((sum, d) => sum + d, 0);
  const last = losses.at(-1);
  root.dataset.steps = String(losses.length);
  root.dataset.loss = last === undefined ? "" : String(last);
  root.dataset.dead = String(dead);
  $("steps").textContent = String(losses.length);
  $("loss").textContent = last === undefined ? "–" : last.toPrecision(4);
  $("dead").textContent = String(dead);
}

/** A canvas sized to its box at the screen's pixel density, with its 2D context in CSS pixels. */
function surface(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const style = getComputedStyle(document.documentElement);
  const color = (name) => style.getPropertyValue(name).trim();
  context.font = "12px system-ui, sans-serif";
  return { context, width, height, color };
}

/** Plot area margins: room for the axis labels. */
const LEFT = 44;
const BOTTOM = 22;
const PAD = 8;

function axes({ context, width, height, color }, yLabels, xLabels) {
  context.strokeStyle = color("--border");
  context.fillStyle = color("--muted");
  context.lineWidth = 1;
  context.textAlign = "right";
  context.textBaseline = "middle";
  for (const [y, text] of yLabels) {
    context.beginPath();
    context.moveTo(LEFT, y);
    context.lineTo(width - PAD, y);
    context.stroke();
    context.fillText(text, LEFT - 4, y);
  }
  context.textAlign = "center";
  context.textBaseline = "top";
  for (const [x, text] of xLabels) {
    // A label at the right edge ends there rather than run off the canvas.
    context.textAlign = x > width - PAD - 20 ? "right" : "center";
    context.fillText(text, Math.min(x, width - 2), height - BOTTOM + 4);
  }
}

function drawLoss() {
  const canvas = $("loss-chart");
  const s = surface(canvas);
  const { context, width, height, color } = s;
  const finite = losses.filter((l) => Number.isFinite(l) && l > 0);
  const top = Math.ceil(Math.log10(Math.max(...finite, 1)));
  const bottom = Math.min(Math.floor(Math.log10(Math.min(...finite, 1e-3))), top - 1);
  const steps = Math.max(losses.length, 100);
  const px = (step) => LEFT + ((width - LEFT - PAD) * step) / steps;
  const py = (log) => PAD + ((height - BOTTOM - PAD) * (top - log)) / (top - bottom);
  const decades = Array.from({ length: top - bottom + 1 }, (_, i) => [py(top - i), `1e${top - i}`]);
  axes(s, decades, [[px(0), "0"], [px(steps), String(steps)]]);
  context.strokeStyle = color("--line-1");
  context.lineWidth = 2;
  context.beginPath();
  losses.forEach((loss, step) => {
    if (!(Number.isFinite(loss) && loss > 0)) return;
    const point = [px(step), py(Math.log10(loss))];
    if (step === 0) context.moveTo(...point);
    else context.lineTo(...point);
  });
  context.stroke();
  canvas.dataset.drawnSteps = String(losses.length);
}

function drawFit() {
  const canvas = $("fit-chart");
  const s = surface(canvas);
  const { context, width, height, color } = s;
  const [low, high] = [-1.5, 2.5];
  const px = (x) => LEFT + ((width - LEFT - PAD) * (x + 2)) / 4;
  const py = (y) => PAD + ((height - BOTTOM - PAD) * (high - Math.min(high, Math.max(low, y)))) / (high - low);
  axes(s, [-1, 0, 1, 2].map((y) => [py(y), String(y)]), [-2, -1, 0, 1, 2].map((x) => [px(x), String(x)]));
  context.fillStyle = color("--line-2");
  inputs.forEach((x, i) => {
    context.beginPath();
    context.arc(px(x), py(targets[i]), 3.5, 0, 2 * Math.PI);
    context.fill();
  });
  const xs = Float32Array.from({ length: 161 }, (_, i) => -2 + i / 40);
  const ys = net.forward(xs);
  context.strokeStyle = color("--line-1");
  context.lineWidth = 2;
  context.beginPath();
  xs.forEach((x, i) => (i === 0 ? context.moveTo(px(x), py(ys[i])) : context.lineTo(px(x), py(ys[i]))));
  context.stroke();
  canvas.dataset.drawnSteps = String(losses.length);
}

function draw() {
  drawLoss();
  drawFit();
}

/** Reads a number input; `valid` says whether its value may be used. */
function read(id, valid) {
  const value = $(id).valueAsNumber;
  if (!valid(value)) {
    problem(id);
    return null;
  }
  if ($("problem").dataset.problem === id) problem("");
  return value;
}

$("run").addEventListener("click", () => setRunning(!running));
$("reset").addEventListener("click", () => {
  setRunning(false);
  reset();
});
for (const id of ["target", "activation"]) $(id).addEventListener("change", reset);
$("rate").addEventListener("input", () => {
  rate = read("rate", (v) => v >= 0.0001 && v <= 2) ?? rate;
});
$("seed").addEventListener("input", () => {
  const value = read("seed", (v) => Number.isInteger(v) && v >= 0 && v <= 1_000_000);
  if (value !== null && value !== seed) {
    seed = value;
    reset();
  }
});
new ResizeObserver(draw).observe($("loss-chart"));
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", draw);
reset();
