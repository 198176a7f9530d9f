// The page's benchmark: `node xtask/bench/bench.mjs <url> <report.json>` (run by `cargo xtask
// bench`, which serves www/, then checks the report's numbers against the budgets).
//
// Everything is measured in headless Chromium at 1280x900 and devicePixelRatio 2:
//   page_gzip_bytes, wasm_gzip_bytes   every response of one load, gzip -9 in node
//   load_to_drawn_ms                   startTime of the "relu-explorer:drawn" mark, median of 5 fresh loads
//   graph_redraw_ms_p50 / _p95         window.reluExplorer.redraw(), timed in the page
//   canvas2d_polyline_ms_p50           the same polylines drawn with plain Canvas2D, same page
//   graph_vs_canvas2d_p50_ratio        the two p50s divided
//   long_tasks_during_drag             long tasks > 50 ms while the mouse drags the x slider

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";

import { DESKTOP, launchChromium, percentile, twoFrames, waitForDrawn } from "../../tests/e2e/browser.mjs";

const [base, reportPath] = process.argv.slice(2);
if (!base || !reportPath) {
  console.error("usage: node xtask/bench/bench.mjs <url of the served www/> <report.json>");
  process.exit(2);
}

const LOADS = 5;
const WARMUP = 30;
const REDRAWS = 250;
const DRAG_MOVES = 200;
const LONG_TASK_MS = 50;

/** Rounds milliseconds to microseconds for the report. */
const ms = (value) => Math.round(value * 1000) / 1000;

/** No host but the server's resolves, so the page cannot reach beyond this machine. Unlike
 * request interception (which the end-to-end test uses to catch such requests), this costs
 * the measured loads nothing. */
const OFFLINE = [`--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${new URL(base).hostname}`];

/** A new context (empty cache) and page at the benchmark viewport, loaded and drawn. */
async function freshPage(browser, onResponse) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (onResponse) page.on("response", onResponse);
  await page.goto(base);
  await waitForDrawn(page);
  return { context, page };
}

/** Transfer sizes of one load, and navigation-to-drawn times of `LOADS` fresh loads. */
async function measureLoads(browser) {
  const times = [];
  const timelines = [];
  let responses = [];
  for (let i = 0; i < LOADS; i++) {
    const pending = [];
    const record = (response) =>
      pending.push(response.body().then(
        (body) => ({ url: response.url(), bytes: body.length, gzip_bytes: gzipSync(body, { level: 9 }).length }),
        () => null,
      ));
    const { context, page } = await freshPage(browser, i === 0 ? record : undefined);
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
  return { times, responses, breakdown };
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
    api.redraw();
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

async function main() {
  const browser = await launchChromium(OFFLINE);
  try {
    const loads = await measureLoads(browser);
    const { context, page } = await freshPage(browser);
    const redraws = await page.evaluate(timeRedraws, { warmup: WARMUP, count: REDRAWS });
    await context.close();
    const drag = await measureDrag(browser, DRAG_MOVES);

    const graphP50 = percentile(redraws.graph, 50);
    const plainP50 = percentile(redraws.plain, 50);
    const playwright = JSON.parse(readFileSync(new URL("../../node_modules/playwright-core/package.json", import.meta.url)));
    const cpus = os.cpus();
    const report = {
      page_gzip_bytes: loads.responses.reduce((sum, r) => sum + r.gzip_bytes, 0),
      wasm_gzip_bytes: loads.responses.filter((r) => new URL(r.url).pathname.endsWith(".wasm"))
        .reduce((sum, r) => sum + r.gzip_bytes, 0),
      load_to_drawn_ms: ms(percentile(loads.times, 50)),
      graph_redraw_ms_p50: ms(graphP50),
      graph_redraw_ms_p95: ms(percentile(redraws.graph, 95)),
      canvas2d_polyline_ms_p50: ms(plainP50),
      graph_vs_canvas2d_p50_ratio: plainP50 > 0 ? Math.round((graphP50 / plainP50) * 100) / 100 : null,
      long_tasks_during_drag: drag.longTasks.filter((d) => d > LONG_TASK_MS).length,
      environment: {
        os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
        cpu_model: cpus[0]?.model ?? "unknown",
        cpu_count: cpus.length,
        memory_bytes: os.totalmem(),
        chromium: browser.version(),
        node: process.version,
        playwright_core: playwright.version,
        viewport: `${DESKTOP.viewport.width}x${DESKTOP.viewport.height} @${DESKTOP.deviceScaleFactor}x`,
      },
      details: {
        responses: loads.responses,
        load_to_drawn_ms_samples: loads.times.map(ms),
        load_milestones_ms_median: loads.breakdown,
        redraws_timed: redraws.graph.length,
        graph_backing_store: redraws.backing_store,
        polylines: redraws.polylines,
        polyline_points: redraws.points,
        drag_mouse_moves: DRAG_MOVES,
        drag_input_events: drag.inputs,
        drag_ms: drag.dragMs,
        long_task_durations_ms: drag.longTasks.map(ms),
      },
    };
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`bench: wrote ${reportPath}`);
    if (drag.inputs < DRAG_MOVES * 0.9) {
      console.log(`bench: note: ${DRAG_MOVES} mouse moves gave only ${drag.inputs} input events on #x-value`);
    }
  } finally {
    await browser.close();
  }
}

await main();
