// The page's benchmark: `node xtask/bench/bench.mjs <url> <report.json>` (run by `cargo xtask
// bench`, which serves www/, then checks the report's numbers against the budgets).
//
// Everything is measured in headless Chromium at 1280x900 and devicePixelRatio 2:
//   page_gzip_bytes, wasm_gzip_bytes   every response of one load, gzip -9 in node
//   load_to_drawn_ms                   startTime of the "relu-explorer:drawn" mark (everything on the
//                                      first screen drawn), median of 5 fresh loads
//   static_fcp_ms                      first contentful paint of the same index.html with its scripts
//                                      removed (the document's own cost), served by the same server
//                                      as www/bench-static.html, median of 5 fresh loads
//                                      interleaved with the page's, so both see the same machine
//   load_vs_static_ratio               load_to_drawn_ms / static_fcp_ms
//   canvases_blank_when_visible        canvases below the first screen that were still blank when
//                                      they first scrolled into view, scrolling to each at once
//                                      after the mark
//   graph_redraw_ms_p50 / _p95         window.reluExplorer.redrawGraph(), timed in the page
//   canvas2d_polyline_ms_p50           the same polylines drawn with plain Canvas2D, same page
//   graph_vs_canvas2d_p50_ratio        the two p50s divided
//   long_tasks_during_drag             long tasks > 50 ms while the mouse drags the x slider
//   canvases_blank_at_drawn            canvases still blank when the page sets data-drawn (which
//                                      it sets once every canvas has been drawn)
//
// The dead-neuron lab, on the page's own training loop (`#lab-play`):
//   train_fps                          animation frames per second while it trains, [1, 32, 1]
//                                      ReLU net (He init) on 128 points at 200 steps per frame
//   train_steps_per_frame              labSteps() gained per animation frame, same run
//   train_frame_ms_p95                 labFrameTimes(): the page's work per frame (steps, census,
//                                      redraws), p95 of the latest 240 frames
//   train_wasm_vs_js_ratio             SGD steps of the wasm Mlp against xtask/bench/js_mlp.mjs
//                                      (the same algorithm in plain JS) from the same weights,
//                                      in the same page: JS time / wasm time, medians of rounds
//   train_memory_growth_bytes          wasm memory after 10 minutes' worth of training steps
//                                      minus wasm memory after the first second of training
//
// Languages:
//   load_vs_static_ratio_zh            load_vs_static_ratio for `#lang=zh-CN`, against the static
//                                      twin with <html lang="zh-CN">
//
// Teachers' files:
//   embed_load_vs_static_ratio         load_vs_static_ratio for `#embed=graph` (the graph alone, as
//                                      a course page frames it), against the same static twin
//   single_file_gzip_bytes             dist/relu-explorer.html (cargo xtask dist), gzip -9 in node
//   single_file_vs_hosted_gzip_ratio   single_file_gzip_bytes / page_gzip_bytes
//   cls                                cumulative layout shift (layout-shift entries without recent
//                                      input) from navigation to two frames after data-drawn, the
//                                      largest over every load of both languages
//   lang_switch_ms                     a click on the language switch to the frame in which every
//                                      canvas has redrawn in the other language, median of 10
//                                      switches back and forth
//
// The JS API (xtask/bench/api.mjs, in the page, after the page's own module):
//   api_relu_16m_vs_copy_ratio         relu(x) over 16M elements (its copy in, its kernel, and
//                                      the new array it returns) / Float32Array.prototype.set of
//                                      the same array into an existing one; medians of 7, each
//                                      call after a full garbage collection
//   api_relu_4k_vs_js_ratio            a plain JS loop writing a new Float32Array / relu(x), at
//                                      4K elements, medians of 7 rounds of 200 calls
//   details.api                        the same two figures for every element-wise export, and
//                                      for each with a reused `out`, and against x.slice()

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { DESKTOP, launchChromium, percentile, twoFrames, waitForDrawn } from "../../tests/e2e/browser.mjs";
import { timeApi } from "./api.mjs";

const [base, reportPath] = process.argv.slice(2);
if (!base || !reportPath) {
  console.error("usage: node xtask/bench/bench.mjs <url of the served www/> <report.json>");
  process.exit(2);
}

const LOADS = 5;
/** Language switches timed (alternating languages). */
const LANG_SWITCHES = 10;
const WARMUP = 30;
const REDRAWS = 250;
const DRAG_MOVES = 200;
const LONG_TASK_MS = 50;

/** The lab's throughput run: a [1, 32, 1] ReLU net (He init) on 128 points, 200 steps a frame. */
const TRAIN_HASH = "#width=32&depth=1&n=128&spf=200&act=relu&init=he";
const TRAIN_WARMUP_MS = 1000;
const TRAIN_SECONDS = 5;
/** wasm against plain JS: timed rounds of this many steps each way, after a warm-up. */
const COMPARE = { sizes: [1, 32, 1], points: 128, seed: 1, learningRate: 0.05, warmup: 2000, steps: 2000, rounds: 7 };
/** Loss agreement that shows the JS port computes what the wasm network computes (JS in f64). */
const FIRST_LOSS_RTOL = 1e-5;
const FINAL_LOSS_RTOL = 0.02;
/** Memory: the page's lab at 500 steps a frame, then direct trainStep calls, until this many
 * steps (10 minutes at the lab's default 20 steps a frame and 60 frames a second). */
const MEMORY_HASH = "#spf=500";
const MEMORY_LAB_SECONDS = 18;
const MEMORY_TOTAL_STEPS = 10 * 60 * 60 * 20;
const MEMORY_CHUNK = 5000;

/** The JS API's exports: sizes, warm-up, rounds (see xtask/bench/api.mjs). */
const API = { small: 4096, large: 16 * 1024 * 1024, warmupMs: 300, rounds: 7, reps: 200 };
/** The exports whose values must equal the plain JS loop's bit for bit (a selection or one
 * rounding); sigmoid and tanh go through different exponentials, and may differ by an ulp. */
const EXACT_EXPORTS = ["relu", "reluBackward", "leakyRelu", "leakyReluBackward"];

/** Rounds milliseconds to microseconds for the report. */
const ms = (value) => Math.round(value * 1000) / 1000;

/** No host but the server's resolves, so the page cannot reach beyond this machine. Unlike
 * request interception (which the end-to-end test uses to catch such requests), this costs
 * the measured loads nothing. */
const OFFLINE = [`--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(base).hostname}`];

/** The in-page helpers the end-to-end tests use (`window.__relu`: canvas hashes, blank
 * detection), injected into every page before its scripts. */
const IN_PAGE = fileURLToPath(new URL("../../tests/e2e/in_page.js", import.meta.url));

/** Runs in every page before its scripts, after IN_PAGE: when the page sets data-drawn,
 * records the canvases that are still blank (one colour, or no backing store) in
 * `window.benchBlankAtDrawn`. */
function watchDrawn() {
  window.benchCls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.benchCls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  const observer = new MutationObserver(() => {
    if (document.documentElement?.dataset.drawn !== "true") return;
    observer.disconnect();
    window.benchBlankAtDrawn = window.__relu.blankCanvases();
  });
  observer.observe(document, { attributes: true, attributeFilter: ["data-drawn"], subtree: true });
}

/** Runs in every page before its scripts: records, in `window.benchBlankWhenVisible`, each
 * canvas that was blank when it first intersected the viewport. */
function watchVisible() {
  window.benchBlankWhenVisible = [];
  window.benchCanvasesSeen = 0;
  const blank = (canvas) => {
    if (!canvas.width || !canvas.height) return true;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const words = new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
    return words.every((word) => word === words[0]);
  };
  document.addEventListener("DOMContentLoaded", () => {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        window.benchCanvasesSeen += 1;
        if (blank(entry.target)) window.benchBlankWhenVisible.push(entry.target.id || "(canvas without id)");
      }
    });
    document.querySelectorAll("canvas").forEach((canvas) => observer.observe(canvas));
  });
}

/** The static twin of the page, `www/bench-static.html`: the served index.html without its
 * scripts (and the module preload). It is written into the served folder, so the server sends
 * it exactly as it sends the page, and removed when the benchmark ends. */
const STATIC_FILE = new URL("../../www/bench-static.html", import.meta.url);
const STATIC_PATH = "bench-static.html";
/** The Chinese static twin: the same document with <html lang="zh-CN">. */
const STATIC_FILE_ZH = new URL("../../www/bench-static-zh.html", import.meta.url);
const STATIC_PATH_ZH = "bench-static-zh.html";
/** The single offline file, which `cargo xtask bench` writes (with `dist`) before measuring. */
const SINGLE_FILE = new URL("../../dist/relu-explorer.html", import.meta.url);

/** Writes the static twins from the served index.html. */
async function writeStaticDocument() {
  const html = await (await fetch(base)).text();
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  if (stripped === html || /<script/i.test(stripped)) {
    throw new Error("index.html changed shape: its scripts were not all found to strip");
  }
  writeFileSync(STATIC_FILE, stripped);
  const chinese = stripped.replace('<html lang="en">', '<html lang="zh-CN">');
  if (chinese === stripped) throw new Error('index.html no longer starts <html lang="en">');
  writeFileSync(STATIC_FILE_ZH, chinese);
}

/** First contentful paint of `path` (relative to the served www/) in a fresh context. */
async function firstContentfulPaint(browser, path) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(new URL(path, base).href);
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntriesByName("first-contentful-paint")[0];
      if (entry) resolve(entry.startTime);
    }).observe({ type: "paint", buffered: true });
  }));
  await context.close();
  return fcp;
}

/** Loads the page, then at once scrolls each canvas into view in turn (the fastest reader
 * there can be): which canvases were blank when they first became visible. */
async function measureBlankWhenVisible(browser) {
  const context = await browser.newContext(DESKTOP);
  await context.addInitScript(watchVisible);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(base);
  await page.waitForFunction(() => performance.getEntriesByName("relu-explorer:drawn").length > 0);
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (const canvas of document.querySelectorAll("canvas")) {
      canvas.scrollIntoView({ block: "center", behavior: "instant" });
      await frame();
      await frame();
    }
  });
  const result = await page.evaluate(() => ({
    blank: window.benchBlankWhenVisible, seen: window.benchCanvasesSeen,
    canvases: document.querySelectorAll("canvas").length,
  }));
  await context.close();
  if (result.seen !== result.canvases) {
    throw new Error(`only ${result.seen} of ${result.canvases} canvases were seen scrolling into view`);
  }
  return result.blank;
}

/** A new context (empty cache) and page at the benchmark viewport, loaded (with `hash`) and
 * drawn. */
async function freshPage(browser, onResponse, hash = "") {
  const context = await browser.newContext(DESKTOP);
  await context.addInitScript({ path: IN_PAGE });
  await context.addInitScript(watchDrawn);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (onResponse) page.on("response", onResponse);
  // The requests still open, for the report of a load that never finishes (seen once in about
  // 300 loads: the page's main.js never arrived, though the server logged it as sent).
  const open = new Map();
  page.on("request", (request) => open.set(request, performance.now()));
  for (const done of ["requestfinished", "requestfailed"]) page.on(done, (request) => open.delete(request));
  try {
    await page.goto(new URL(hash, base).href);
    await waitForDrawn(page);
  } catch (error) {
    const now = performance.now();
    const pending = [...open].map(([request, since]) => `${request.url()} (open ${Math.round(now - since)} ms)`);
    const state = await page.evaluate(() => [document.readyState, document.documentElement.getAttributeNames().join(" ")])
      .catch((err) => [`unreadable: ${err.message}`]);
    error.message += `\n  requests still open: ${pending.join(", ") || "none"}\n  document: ${state.join("; <html> ")}`;
    throw error;
  }
  return { context, page };
}

/** Transfer sizes of one load, and navigation-to-drawn times of `LOADS` fresh loads, of the
 * page opened with `hash` against the static twin at `staticPath`. */
async function measureLoads(browser, hash = "", staticPath = STATIC_PATH) {
  const times = [];
  const timelines = [];
  const blankAtDrawn = new Set();
  let responses = [];
  const staticFcp = [];
  const cls = [];
  for (let i = 0; i < LOADS; i++) {
    staticFcp.push(await firstContentfulPaint(browser, staticPath));
    const pending = [];
    const record = (response) =>
      pending.push(response.body().then(
        (body) => ({ url: response.url(), bytes: body.length, gzip_bytes: gzipSync(body, { level: 9 }).length }),
        () => null,
      ));
    const { context, page } = await freshPage(browser, i === 0 ? record : undefined, hash);
    cls.push(await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      await frame();
      await frame();
      return window.benchCls;
    }));
    const timeline = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
      return {
        html_response_end: navigation?.responseEnd,
        dom_content_loaded: navigation?.domContentLoadedEventEnd,
        wasm_fetch_start: wasm?.startTime,
        wasm_response_end: wasm?.responseEnd,
        drawn: performance.getEntriesByName("relu-explorer:drawn")[0]?.startTime,
      };
    });
    if (typeof timeline.drawn !== "number") {
      throw new Error('the page set data-drawn without performance.mark("relu-explorer:drawn")');
    }
    const blank = await page.evaluate(() => window.benchBlankAtDrawn);
    if (!Array.isArray(blank)) throw new Error("the data-drawn watcher saw no data-drawn change");
    blank.forEach((id) => blankAtDrawn.add(id));
    times.push(timeline.drawn);
    timelines.push(timeline);
    if (i === 0) {
      await page.waitForLoadState("networkidle");
      responses = (await Promise.all(pending)).filter(Boolean);
    }
    await context.close();
  }
  // Where the time goes: the median of each milestone over the loads.
  const breakdown = Object.fromEntries(Object.keys(timelines[0]).map((key) => {
    const values = timelines.map((t) => t[key]).filter((v) => typeof v === "number");
    return [key, values.length ? ms(percentile(values, 50)) : null];
  }));
  return { times, staticFcp, cls, responses, breakdown, blankAtDrawn: [...blankAtDrawn] };
}

/** In the page: clicks the language switch `count` times, alternating languages, and times
 * each click to the frame in which every canvas has been drawn again. */
async function timeLanguageSwitches(count) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const canvases = [...document.querySelectorAll("canvas")];
  const times = [];
  for (let i = 0; i < count; i++) {
    const to = document.documentElement.lang === "en" ? "zh-CN" : "en";
    const before = canvases.map((c) => Number(c.dataset.draws ?? 0));
    const start = performance.now();
    document.getElementById(`lang-${to}`).click();
    while (!canvases.every((c, k) => Number(c.dataset.draws ?? 0) > before[k])) await frame();
    times.push(performance.now() - start);
    if (document.documentElement.lang !== to) throw new Error(`the switch did not change <html lang> to ${to}`);
    await frame();
  }
  return times;
}

/** In the page: full graph redraws against plain Canvas2D strokes of the same polylines. */
function timeRedraws({ warmup, count }) {
  const api = window.reluExplorer;
  const canvas = document.getElementById("graph-canvas");
  // Reading one pixel makes the browser finish drawing, so both timings include the same flush.
  const flush = (ctx) => ctx.getImageData(0, 0, 1, 1);
  const pageContext = canvas.getContext("2d");
  const graph = [];
  for (let i = 0; i < warmup + count; i++) {
    const start = performance.now();
    api.redrawGraph();
    flush(pageContext);
    const elapsed = performance.now() - start;
    if (i >= warmup) graph.push(elapsed);
  }

  const polylines = [...api.graphPolylines()];
  const offscreen = document.createElement("canvas");
  offscreen.width = canvas.width;
  offscreen.height = canvas.height;
  const ctx = offscreen.getContext("2d");
  const colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
  const plain = [];
  for (let i = 0; i < warmup + count; i++) {
    const start = performance.now();
    ctx.clearRect(0, 0, offscreen.width, offscreen.height);
    ctx.lineWidth = 2 * devicePixelRatio;
    polylines.forEach((line, k) => {
      ctx.strokeStyle = colours[k % colours.length];
      ctx.beginPath();
      ctx.moveTo(line[0], line[1]);
      for (let j = 2; j < line.length; j += 2) ctx.lineTo(line[j], line[j + 1]);
      ctx.stroke();
    });
    flush(ctx);
    const elapsed = performance.now() - start;
    if (i >= warmup) plain.push(elapsed);
  }
  return {
    graph,
    plain,
    polylines: polylines.length,
    points: polylines.reduce((sum, line) => sum + line.length / 2, 0),
    backing_store: `${canvas.width}x${canvas.height}`,
  };
}

/** Long tasks while the mouse drags the x slider's thumb through `moves` positions. */
async function measureDrag(browser, moves) {
  const { context, page } = await freshPage(browser);
  await page.evaluate(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: false });
    window.benchInputs = 0;
    document.getElementById("x-value").addEventListener("input", () => window.benchInputs++);
  });
  const slider = page.locator("#x-value");
  await slider.scrollIntoViewIfNeeded();
  await twoFrames(page);
  const box = await slider.boundingBox();
  const { value, min, max } = await slider.evaluate((el) => ({
    value: Number(el.value), min: Number(el.min || 0), max: Number(el.max || 100),
  }));
  // The thumb's centre runs from half a thumb inside one end to half a thumb inside the other.
  const halfThumb = Math.min(8, box.width / 4);
  const xAt = (fraction) => box.x + halfThumb + fraction * (box.width - 2 * halfThumb);
  const y = box.y + box.height / 2;
  const start = max > min ? (value - min) / (max - min) : 0.5;
  // From the thumb to the right end, to the left end, and back to the thumb: a path of length 2
  // in `moves` equal steps, so that every move shifts the value.
  const path = (t) => {
    let travelled = 2 * t;
    if (travelled <= 1 - start) return start + travelled;
    travelled -= 1 - start;
    return travelled <= 1 ? 1 - travelled : travelled - 1;
  };
  const began = Date.now();
  await page.mouse.move(xAt(start), y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) await page.mouse.move(xAt(path(i / moves)), y);
  await page.mouse.up();
  const dragMs = Date.now() - began;
  await page.waitForTimeout(1000);
  const { longTasks, inputs } = await page.evaluate(() => ({
    longTasks: window.benchLongTasks, inputs: window.benchInputs,
  }));
  await context.close();
  return { longTasks, inputs, dragMs };
}

/** Scrolls the lab's buttons to the top of the viewport, so its charts are on screen (and are
 * redrawn, as a reader watching them would see), and checks the lab's settings came from the
 * URL hash. */
async function showLab(page, want) {
  await page.locator("#lab-play").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await twoFrames(page);
  const got = await page.evaluate((ids) => Object.fromEntries(
    ids.map((id) => [id, document.getElementById(id)?.value])), Object.keys(want));
  const wrong = Object.entries(want).filter(([id, value]) => got[id] !== value)
    .map(([id, value]) => `#${id} is ${JSON.stringify(got[id])}, want ${JSON.stringify(value)}`);
  if (wrong.length) throw new Error(`the lab did not take its settings from the URL hash: ${wrong.join("; ")}`);
}

/** Clicks #lab-play and waits until the lab says it is running. */
async function play(page) {
  await page.locator("#lab-play").click();
  await page.waitForFunction(() => document.getElementById("lab-play").getAttribute("aria-pressed") === "true",
    null, { timeout: 5_000 });
}

/** Clicks #lab-play and waits until the lab says it is paused. */
async function pause(page) {
  await page.locator("#lab-play").click();
  await page.waitForFunction(() => document.getElementById("lab-play").getAttribute("aria-pressed") === "false",
    null, { timeout: 5_000 });
}

/** In the page, while the lab trains: animation frames over `seconds` (after `warmupMs`), the
 * training steps the lab took in them, and the lab's own per-frame work times at the end. */
function labFrames({ warmupMs, seconds }) {
  const api = window.reluExplorer;
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: false });
  return new Promise((resolve) => setTimeout(() => {
    const stamps = [];
    let firstSteps = 0;
    const tick = (now) => {
      // The lab's frame callback runs before or after this one, the same way every frame: the
      // steps counted between the first and the last tick are those of stamps.length - 1 frames.
      if (!stamps.length) firstSteps = api.labSteps();
      stamps.push(now);
      if (now - stamps[0] < seconds * 1000) {
        requestAnimationFrame(tick);
        return;
      }
      resolve({
        stamps,
        steps: api.labSteps() - firstSteps,
        frameTimes: Array.from(api.labFrameTimes()),
        running: document.getElementById("lab-play").getAttribute("aria-pressed") === "true",
        status: document.getElementById("lab-status").textContent,
        longTasks,
      });
    };
    requestAnimationFrame(tick);
  }, warmupMs));
}

/** The lab training live: frame rate, steps per frame and the page's work per frame. */
async function measureTraining(browser) {
  const { context, page } = await freshPage(browser, undefined, TRAIN_HASH);
  await showLab(page, {
    "lab-width": "32", "lab-depth": "1", "lab-points": "128", "lab-steps": "200",
    "lab-activation": "relu", "lab-init": "he",
  });
  await play(page);
  const run = await page.evaluate(labFrames, { warmupMs: TRAIN_WARMUP_MS, seconds: TRAIN_SECONDS });
  await context.close();
  if (!run.running) throw new Error(`the lab stopped while it was measured: ${run.status}`);
  if (!run.frameTimes.length) throw new Error("labFrameTimes() is empty after the lab trained");
  const frames = run.stamps.length - 1;
  const intervals = run.stamps.slice(1).map((t, i) => t - run.stamps[i]);
  return {
    frames,
    seconds: (run.stamps[frames] - run.stamps[0]) / 1000,
    steps: run.steps,
    intervals,
    frameTimes: run.frameTimes,
    longTasks: run.longTasks,
    status: run.status,
  };
}

/** In the page: the wasm Mlp's trainStep against the plain-JS port (`jsUrl`, a module with
 * `JsMlp`), both from the wasm network's initial weights, timed in alternating rounds. */
async function compareTraining({ jsUrl, moduleUrl, sizes, points, seed, learningRate, warmup, steps, rounds }) {
  const wasmModule = await import(moduleUrl);
  await wasmModule.default();
  const { JsMlp } = await import(jsUrl);

  const inputs = Float32Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));
  const targets = inputs.map((x) => Math.sin(Math.PI * x));
  const fresh = () => {
    const mlp = new wasmModule.Mlp(Uint32Array.from(sizes), "relu");
    mlp.initialize("he", seed, 0);
    return mlp;
  };
  const mse = (outputs) => outputs.reduce((sum, y, k) => sum + (y - targets[k]) ** 2, 0) / outputs.length;
  const train = (net, count) => {
    let loss = NaN;
    for (let i = 0; i < count; i++) loss = net.trainStep(inputs, targets, learningRate);
    return loss;
  };

  // Warm-up: both engines compile and optimise their hot code before anything is timed.
  const warmWasm = fresh();
  const warmJs = JsMlp.fromWasm(warmWasm, sizes);
  train(warmWasm, warmup);
  train(warmJs, warmup);
  warmWasm.free();

  const wasmMs = [];
  const jsMs = [];
  let agreement = null;
  for (let round = 0; round < rounds; round++) {
    const wasm = fresh();
    const js = JsMlp.fromWasm(wasm, sizes);
    const firstLosses = [mse(Array.from(wasm.forward(inputs))), mse(Array.from(js.forward(inputs)))];
    const time = (net, into) => {
      const start = performance.now();
      const loss = train(net, steps);
      into.push(performance.now() - start);
      return loss;
    };
    // Alternate which goes first, so neither always runs on a warmer (or hotter) CPU.
    const [wasmLast, jsLast] = round % 2 === 0
      ? [time(wasm, wasmMs), time(js, jsMs)]
      : [time(js, jsMs), time(wasm, wasmMs)].reverse();
    if (round === 0) {
      const wasmOut = Array.from(wasm.forward(inputs));
      const jsOut = Array.from(js.forward(inputs));
      agreement = {
        first_loss_wasm: firstLosses[0],
        first_loss_js: firstLosses[1],
        last_step_loss_wasm: wasmLast,
        last_step_loss_js: jsLast,
        final_loss_wasm: mse(wasmOut),
        final_loss_js: mse(jsOut),
        final_output_max_abs_diff: Math.max(...wasmOut.map((y, k) => Math.abs(y - jsOut[k]))),
      };
    }
    wasm.free();
  }
  return { wasmMs, jsMs, agreement };
}

/** wasm against plain JS, in the page the lab runs in. */
async function measureWasmVsJs(browser) {
  const { context, page } = await freshPage(browser);
  const source = readFileSync(new URL("./js_mlp.mjs", import.meta.url), "utf8");
  // Served as if from the page's own origin: its Content-Security-Policy allows scripts from
  // there only (not from a blob: URL).
  const jsUrl = new URL("__bench/js_mlp.mjs", base).href;
  await page.route(jsUrl, (route) => route.fulfill({ contentType: "text/javascript; charset=utf-8", body: source }));
  const moduleUrl = new URL("pkg/relu_explorer.js", base).href;
  const result = await page.evaluate(compareTraining, { jsUrl, moduleUrl, ...COMPARE });
  await context.close();
  const a = result.agreement;
  const close = (x, y, rtol) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= rtol * Math.max(Math.abs(x), Math.abs(y), 1e-12);
  const problems = [];
  if (!close(a.first_loss_wasm, a.first_loss_js, FIRST_LOSS_RTOL)) {
    problems.push(`initial loss: wasm ${a.first_loss_wasm}, JS ${a.first_loss_js} (want within ${FIRST_LOSS_RTOL} relative)`);
  }
  if (!close(a.final_loss_wasm, a.final_loss_js, FINAL_LOSS_RTOL)) {
    problems.push(`loss after ${COMPARE.steps} steps: wasm ${a.final_loss_wasm}, JS ${a.final_loss_js} (want within ${FINAL_LOSS_RTOL} relative)`);
  }
  if (!(a.final_loss_wasm < a.first_loss_wasm)) {
    problems.push(`the wasm network did not learn: loss ${a.first_loss_wasm} → ${a.final_loss_wasm}`);
  }
  return { ...result, problems };
}

/** In the page: the module's exports (wasm memory among them) and a [1, 16, 1] Mlp like the
 * lab's default, with its data, made now so that nothing is allocated for it later. */
async function prepareDirectTraining(moduleUrl) {
  const wasmModule = await import(moduleUrl);
  const exports = await wasmModule.default();
  const points = 64;
  const inputs = Float32Array.from({ length: points }, (_, i) => -1 + (2 * i) / (points - 1));
  const targets = inputs.map((x) => Math.sin(Math.PI * x));
  const mlp = new wasmModule.Mlp(Uint32Array.from([1, 16, 1]), "relu");
  mlp.initialize("he", 1, 0);
  for (let i = 0; i < 100; i++) mlp.trainStep(inputs, targets, 0.05);
  window.benchDirect = { exports, mlp, inputs, targets, steps: 0, loss: NaN };
  return exports.memory.buffer.byteLength;
}

/** In the page: `count` more direct trainStep calls, in chunks, yielding between them. */
async function trainDirectly({ count, chunk }) {
  const direct = window.benchDirect;
  while (direct.steps < count) {
    const end = Math.min(count, direct.steps + chunk);
    for (; direct.steps < end; direct.steps++) direct.loss = direct.mlp.trainStep(direct.inputs, direct.targets, 0.05);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { steps: direct.steps, loss: direct.loss, bytes: direct.exports.memory.buffer.byteLength };
}

/** wasm memory growth over 10 minutes' worth of training after the first second. */
async function measureMemory(browser) {
  const { context, page } = await freshPage(browser, undefined, MEMORY_HASH);
  const memory = () => page.evaluate(() => window.benchDirect.exports.memory.buffer.byteLength);
  const labSteps = () => page.evaluate(() => window.reluExplorer.labSteps());
  await showLab(page, { "lab-steps": "500" });
  const atLoad = await page.evaluate(prepareDirectTraining, new URL("pkg/relu_explorer.js", base).href);
  await play(page);
  await page.waitForTimeout(1000);
  const afterFirstSecond = await memory();
  const timeline = [{ seconds: 1, lab_steps: await labSteps(), bytes: afterFirstSecond }];
  for (let second = 2; second <= MEMORY_LAB_SECONDS; second++) {
    await page.waitForTimeout(1000);
    timeline.push({ seconds: second, lab_steps: await labSteps(), bytes: await memory() });
  }
  const running = await page.evaluate(() => document.getElementById("lab-play").getAttribute("aria-pressed") === "true");
  const status = await page.evaluate(() => document.getElementById("lab-status").textContent);
  if (!running) throw new Error(`the lab stopped during the memory run: ${status}`);
  await pause(page);
  const lab = await labSteps();
  const direct = await page.evaluate(trainDirectly, { count: Math.max(0, MEMORY_TOTAL_STEPS - lab), chunk: MEMORY_CHUNK });
  const end = await memory();
  await context.close();
  if (!Number.isFinite(direct.loss)) throw new Error(`direct training diverged (loss ${direct.loss})`);
  return { atLoad, afterFirstSecond, end, timeline, labSteps: lab, directSteps: direct.steps, directLoss: direct.loss };
}

/** Runs one part of the benchmark; if it fails, says why and lets the others run (its metrics
 * are then missing from the report, which `cargo xtask bench` fails). */
/** Runs the speed experiment at `hash` (its array size) from the Run button to its end, and
 * reads its table and the long tasks while it ran. */
async function runSpeed(browser, hash) {
  const { context, page } = await freshPage(browser, null, hash);
  try {
    await page.locator("#speed").scrollIntoViewIfNeeded();
    await twoFrames(page);
    await page.evaluate(() => {
      window.benchSpeedLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.benchSpeedLongTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: false });
    });
    await page.locator("#speed-run").click();
    await page.locator('#speed-status[data-state="done"]').waitFor({ timeout: 120_000 });
    return await page.evaluate(() => ({
      totalMs: Number(document.getElementById("speed-status").dataset.totalMs),
      longTasks: window.benchSpeedLongTasks,
      cells: Object.fromEntries([...document.querySelectorAll("#speed-table output")]
        .map((o) => [o.id.replace(/^speed-/, ""), Number(o.dataset.value)])),
    }));
  } finally {
    await context.close();
  }
}

/** The speed experiment's budgets: the whole demo at its default size (on the whole page, as a
 * reader runs it), ReLU against the copy at 16M elements, and WebAssembly's SIMD ReLU against
 * the plain JS loop at 4K. */
async function measureSpeed(browser) {
  const demo = await runSpeed(browser, "");
  const large = await runSpeed(browser, "#speedn=16M");
  const small = await runSpeed(browser, "#speedn=4K");
  return { demo, large, small };
}

/** The JS API against plain JS and against copies, in the page (`timeApi`), and the ratios for
 * the report. Refuses to give ratios if the JS loops do not compute what the exports do. */
async function measureApi(browser) {
  const { context, page } = await freshPage(browser);
  try {
    const times = await page.evaluate(timeApi, { moduleUrl: new URL("pkg/relu_explorer.js", base).href, ...API });
    const wrong = Object.entries(times.small)
      .filter(([name, t]) => t.max_ulps_from_js > (EXACT_EXPORTS.includes(name) ? 0 : 1))
      .map(([name, t]) => `${name} (${t.max_ulps_from_js} ulps)`);
    if (wrong.length) throw new Error(`the JS loops disagree with the exports: ${wrong.join(", ")}`);
    const round2 = (value) => Math.round(value * 100) / 100;
    const exports = Object.fromEntries(Object.entries(times.small).map(([name, t]) => {
      const big = times.large[name];
      return [name, {
        js_over_api_4k: round2(t.js_us / t.api_us),
        js_over_api_out_4k: round2(t.js_us / t.api_out_us),
        api_over_set_16m: round2(big.api_ms / times.large.set_ms),
        api_out_over_set_16m: round2(big.api_out_ms / times.large.set_ms),
        api_over_slice_16m: round2(big.api_ms / times.large.slice_ms),
        js_over_api_16m: round2(big.js_ms / big.api_ms),
        us_4k: { api: ms(t.api_us), api_out: ms(t.api_out_us), js: ms(t.js_us) },
        ms_16m: { api: ms(big.api_ms), api_out: ms(big.api_out_ms), js: ms(big.js_ms) },
        max_ulps_from_js: t.max_ulps_from_js,
      }];
    }));
    return { exports, setMs: times.large.set_ms, sliceMs: times.large.slice_ms };
  } finally {
    await context.close();
  }
}

async function attempt(name, notes, body) {
  try {
    return await body();
  } catch (err) {
    const message = `${name} failed: ${String(err?.message ?? err)}`;
    console.log(`bench: ${message}`);
    notes.push(message);
    return null;
  }
}

async function main() {
  // `gc()` for the API's timings at 16M elements (xtask/bench/api.mjs).
  const browser = await launchChromium([...OFFLINE, "--js-flags=--expose-gc"]);
  // Timings on a machine that is busy with something else mean little; the report says how busy.
  const loadBefore = os.loadavg()[0];
  try {
    const notes = [];
    await writeStaticDocument();
    const loads = await measureLoads(browser);
    const loadsZh = await measureLoads(browser, "#lang=zh-CN", STATIC_PATH_ZH);
    const loadsEmbed = await measureLoads(browser, "#embed=graph");
    const blankWhenVisible = await measureBlankWhenVisible(browser);
    const { context, page } = await freshPage(browser);
    const redraws = await page.evaluate(timeRedraws, { warmup: WARMUP, count: REDRAWS });
    const switches = await page.evaluate(timeLanguageSwitches, LANG_SWITCHES);
    await context.close();
    const drag = await measureDrag(browser, DRAG_MOVES);
    const training = await attempt("the lab's training run", notes, () => measureTraining(browser));
    const versus = await attempt("wasm against plain JS", notes, () => measureWasmVsJs(browser));
    const memory = await attempt("the memory run", notes, () => measureMemory(browser));
    const speed = await attempt("the speed experiment", notes, () => measureSpeed(browser));
    const api = await attempt("the JS API", notes, () => measureApi(browser));

    const graphP50 = percentile(redraws.graph, 50);
    const plainP50 = percentile(redraws.plain, 50);
    const wasmMedian = versus && percentile(versus.wasmMs, 50);
    const jsMedian = versus && percentile(versus.jsMs, 50);
    if (versus?.problems.length) {
      const message = `the JS port and the wasm Mlp disagree, so no ratio is reported: ${versus.problems.join("; ")}`;
      console.log(`bench: ${message}`);
      notes.push(message);
    }
    if (loads.blankAtDrawn.length) {
      notes.push(`blank when data-drawn was set: ${loads.blankAtDrawn.join(", ")}`);
    }
    const playwright = JSON.parse(readFileSync(new URL("../../node_modules/playwright-core/package.json", import.meta.url)));
    const cpus = os.cpus();
    const round2 = (value) => Math.round(value * 100) / 100;
    const pageGzip = loads.responses.reduce((sum, r) => sum + r.gzip_bytes, 0);
    const singleFileGzip = gzipSync(readFileSync(SINGLE_FILE), { level: 9 }).length;
    const report = {
      page_gzip_bytes: pageGzip,
      wasm_gzip_bytes: loads.responses.filter((r) => new URL(r.url).pathname.endsWith(".wasm"))
        .reduce((sum, r) => sum + r.gzip_bytes, 0),
      load_to_drawn_ms: ms(percentile(loads.times, 50)),
      static_fcp_ms: ms(percentile(loads.staticFcp, 50)),
      load_vs_static_ratio: round2(percentile(loads.times, 50) / percentile(loads.staticFcp, 50)),
      load_vs_static_ratio_zh: round2(percentile(loadsZh.times, 50) / percentile(loadsZh.staticFcp, 50)),
      embed_load_vs_static_ratio: round2(percentile(loadsEmbed.times, 50) / percentile(loadsEmbed.staticFcp, 50)),
      single_file_gzip_bytes: singleFileGzip,
      single_file_vs_hosted_gzip_ratio: round2(singleFileGzip / pageGzip),
      cls: Math.max(...loads.cls, ...loadsZh.cls, ...loadsEmbed.cls),
      lang_switch_ms: ms(percentile(switches, 50)),
      canvases_blank_at_drawn: loads.blankAtDrawn.length,
      canvases_blank_when_visible: blankWhenVisible.length,
      graph_redraw_ms_p50: ms(graphP50),
      graph_redraw_ms_p95: ms(percentile(redraws.graph, 95)),
      canvas2d_polyline_ms_p50: ms(plainP50),
      graph_vs_canvas2d_p50_ratio: plainP50 > 0 ? Math.round((graphP50 / plainP50) * 100) / 100 : null,
      long_tasks_during_drag: drag.longTasks.filter((d) => d > LONG_TASK_MS).length,
      train_fps: training && round2(training.frames / training.seconds),
      train_steps_per_frame: training && round2(training.steps / training.frames),
      train_frame_ms_p95: training && ms(percentile(training.frameTimes, 95)),
      train_wasm_vs_js_ratio: versus && !versus.problems.length && wasmMedian > 0 ? round2(jsMedian / wasmMedian) : null,
      train_memory_growth_bytes: memory && memory.end - memory.afterFirstSecond,
      relu_16m_vs_copy_ratio: speed && round2(speed.large.cells["wasm-relu"] / speed.large.cells.copy),
      relu_wasm_vs_js_4k_ratio: speed && round2(speed.small.cells["js-relu"] / speed.small.cells["wasm-relu"]),
      speed_demo_total_ms: speed && ms(speed.demo.totalMs),
      speed_demo_long_tasks: speed && speed.demo.longTasks.filter((d) => d > LONG_TASK_MS).length,
      api_relu_16m_vs_copy_ratio: api && api.exports.relu.api_over_set_16m,
      api_relu_4k_vs_js_ratio: api && api.exports.relu.js_over_api_4k,
      environment: {
        os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
        cpu_model: cpus[0]?.model ?? "unknown",
        cpu_count: cpus.length,
        memory_bytes: os.totalmem(),
        chromium: browser.version(),
        node: process.version,
        playwright_core: playwright.version,
        viewport: `${DESKTOP.viewport.width}x${DESKTOP.viewport.height} @${DESKTOP.deviceScaleFactor}x`,
        load_average_1m: { before: round2(loadBefore), after: round2(os.loadavg()[0]) },
      },
      details: {
        notes,
        responses: loads.responses,
        load_to_drawn_ms_samples: loads.times.map(ms),
        static_fcp_ms_samples: loads.staticFcp.map(ms),
        zh_load_to_drawn_ms_samples: loadsZh.times.map(ms),
        zh_static_fcp_ms_samples: loadsZh.staticFcp.map(ms),
        embed_load_to_drawn_ms_samples: loadsEmbed.times.map(ms),
        embed_static_fcp_ms_samples: loadsEmbed.staticFcp.map(ms),
        cls_samples: { en: loads.cls, "zh-CN": loadsZh.cls, "embed=graph": loadsEmbed.cls },
        lang_switch_ms_samples: switches.map(ms),
        canvases_blank_when_visible: blankWhenVisible,
        load_milestones_ms_median: loads.breakdown,
        canvases_blank_at_drawn: loads.blankAtDrawn,
        redraws_timed: redraws.graph.length,
        graph_backing_store: redraws.backing_store,
        polylines: redraws.polylines,
        polyline_points: redraws.points,
        drag_mouse_moves: DRAG_MOVES,
        drag_input_events: drag.inputs,
        drag_ms: drag.dragMs,
        long_task_durations_ms: drag.longTasks.map(ms),
        train: training && {
          hash: TRAIN_HASH,
          frames: training.frames,
          seconds: ms(training.seconds),
          steps: training.steps,
          frame_interval_ms_p50: ms(percentile(training.intervals, 50)),
          frame_interval_ms_max: ms(Math.max(...training.intervals)),
          frames_over_20ms_apart: training.intervals.filter((d) => d > 20).length,
          lab_frame_ms_p50: ms(percentile(training.frameTimes, 50)),
          lab_frame_ms_max: ms(Math.max(...training.frameTimes)),
          lab_frame_times_read: training.frameTimes.length,
          long_task_durations_ms: training.longTasks.map(ms),
          status_at_end: training.status,
        },
        wasm_vs_js: versus && {
          ...COMPARE,
          wasm_ms_per_round: versus.wasmMs.map(ms),
          js_ms_per_round: versus.jsMs.map(ms),
          wasm_ms_median: ms(wasmMedian),
          js_ms_median: ms(jsMedian),
          wasm_us_per_step: ms((wasmMedian * 1000) / COMPARE.steps),
          js_us_per_step: ms((jsMedian * 1000) / COMPARE.steps),
          agreement: versus.agreement,
        },
        speed: speed && {
          demo_ns_per_element_1m: speed.demo.cells,
          demo_long_task_durations_ms: speed.demo.longTasks.map(ms),
          ns_per_element_16m: speed.large.cells,
          total_ms_16m: ms(speed.large.totalMs),
          ns_per_element_4k: speed.small.cells,
          total_ms_4k: ms(speed.small.totalMs),
        },
        api: api && {
          ...API,
          set_ms_16m: ms(api.setMs),
          slice_ms_16m: ms(api.sliceMs),
          exports: api.exports,
        },
        memory: memory && {
          hash: MEMORY_HASH,
          bytes_at_load: memory.atLoad,
          bytes_after_first_second: memory.afterFirstSecond,
          bytes_at_end: memory.end,
          lab_steps: memory.labSteps,
          direct_steps: memory.directSteps,
          total_steps: memory.labSteps + memory.directSteps,
          direct_final_loss: memory.directLoss,
          lab_timeline: memory.timeline,
        },
      },
    };
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`bench: wrote ${reportPath}`);
    const busiest = Math.max(loadBefore, os.loadavg()[0]);
    if (busiest > cpus.length / 2) {
      console.log(`bench: note: the machine was busy (1-minute load average up to ${round2(busiest)} on ${cpus.length} CPUs); the timings are pessimistic`);
    }
    if (drag.inputs < DRAG_MOVES * 0.9) {
      console.log(`bench: note: ${DRAG_MOVES} mouse moves gave only ${drag.inputs} input events on #x-value`);
    }
  } finally {
    rmSync(STATIC_FILE, { force: true });
    rmSync(STATIC_FILE_ZH, { force: true });
    await browser.close();
  }
}

await main();
