// Fuzz: the page's own fuzz mode fires seeded synthetic input events at its controls; the page
// must come through without a console error or page error (the fixture), without a frame over
// 200 ms, with every canvas drawn, and with a URL hash that still reads back cleanly.
//
// It runs alone, after every other spec (the `fuzz` project in playwright.config.mjs), and
// without a trace, so that its frame times are the page's and not another test's or the
// tracer's.
//
// The contract it relies on: hash keys `fuzz=1`, `fuzzRate=N` (synthetic events per animation
// frame, 1 to 100) and `fuzzSeed=S` (a whole number); while fuzzing, `<html
// data-fuzz-events="K">` counts the events dispatched.
//
// A failure replays with the seed in its title: `FUZZ_SEED=<seed> npx playwright test fuzz`.

import { expect, hashWritten, nextFrame, open, openNew, test } from "./fixtures.mjs";

test.use({ trace: "off" });

const SEED = process.env.FUZZ_SEED ?? "20240601";
const RATE = 20;
/** About 30 s of fuzzing at 60 frames a second. */
const EVENTS = RATE * 60 * 30;
/** The longest a frame may take while fuzzing. */
const FRAME_BUDGET_MS = 200;
/** Keys of the fuzz link itself, which no control writes: the fuzzer cannot have set them, so
 * a problem with one of them in the final hash is not the fuzzer's finding. */
const FUZZ_KEYS = ["fuzz", "fuzzRate", "fuzzSeed"];

/** In the page, before its scripts: from the moment the fuzzer reports its first event,
 * records the longest gap between animation frames and every long task, into
 * `window.__fuzzFrames`. */
function recordFrames() {
  const log = { frames: 0, startedAt: null, worstGapMs: 0, worstGapAt: null, longTasks: [] };
  window.__fuzzFrames = log;
  let previous = null;
  const tick = (time) => {
    if (document.documentElement?.dataset.fuzzEvents !== undefined) {
      log.startedAt ??= time;
      if (previous !== null && time - previous > log.worstGapMs) {
        log.worstGapMs = time - previous;
        log.worstGapAt = time;
      }
      previous = time;
      log.frames++;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (log.startedAt !== null && entry.startTime >= log.startedAt) {
        log.longTasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
      }
    }
  }).observe({ type: "longtask", buffered: true });
}

test(`fuzz: ${EVENTS} synthetic events at ${RATE} a frame (FUZZ_SEED=${SEED}) leave the page working`,
  async ({ page, context }) => {
    expect(SEED, "FUZZ_SEED must be a whole number").toMatch(/^\d+$/);
    test.setTimeout(240_000);
    await page.addInitScript(recordFrames);
    await open(page, `#fuzz=1&fuzzRate=${RATE}&fuzzSeed=${SEED}`);
    const events = () => page.evaluate(() => Number(document.documentElement.dataset.fuzzEvents ?? NaN));

    await expect(page.locator("html"), "the page has no fuzz mode yet (no data-fuzz-events on <html>)")
      .toHaveAttribute("data-fuzz-events", /^\d+$/, { timeout: 10_000 });
    await expect.poll(events, { message: `data-fuzz-events never reached ${EVENTS}`, timeout: 200_000, intervals: [1_000] })
      .toBeGreaterThanOrEqual(EVENTS);

    // Stop, and let the page write its own state over whatever link the fuzzer wrote last.
    await page.evaluate(() => window.reluExplorer.fuzzStop());
    await nextFrame(page);
    await hashWritten(page);
    const end = await page.evaluate(() => ({
      frames: window.__fuzzFrames,
      blank: window.__relu.blankCanvases(),
      hash: location.hash,
    }));
    const worstTask = end.frames.longTasks.reduce((worst, t) => (t.duration > (worst?.duration ?? 0) ? t : worst), null);
    const report = `${end.frames.frames} frames while fuzzing; worst gap ${Math.round(end.frames.worstGapMs)} ms ` +
      `at ${Math.round(end.frames.worstGapAt ?? 0)} ms; ${end.frames.longTasks.length} long tasks, worst ` +
      `${worstTask ? `${worstTask.duration} ms at ${worstTask.start} ms` : "none"}`;
    test.info().annotations.push({ type: "frames", description: report });
    expect(end.frames.worstGapMs, `a frame took over ${FRAME_BUDGET_MS} ms: ${report}`).toBeLessThanOrEqual(FRAME_BUDGET_MS);
    expect(worstTask?.duration ?? 0, `a task took over ${FRAME_BUDGET_MS} ms: ${report}`).toBeLessThanOrEqual(FRAME_BUDGET_MS);
    expect(end.blank, "blank canvases after fuzzing").toEqual([]);

    // The state the fuzzer left must read back: the final hash, without the fuzz keys (so the
    // new page stays still), refuses nothing and draws.
    const pairs = end.hash.replace(/^#/, "").split("&").filter((pair) => pair && !FUZZ_KEYS.includes(pair.split("=")[0]));
    const replay = await openNew(context, pairs.length ? `#${pairs.join("&")}` : "");
    const problems = await replay.locator("#page-message").evaluate((el) => (el.dataset.problems ?? "").split(",").filter(Boolean));
    expect(problems.filter((key) => !FUZZ_KEYS.includes(key)), `refused keys in the final hash ${end.hash}`).toEqual([]);
    // Only what the link shows is drawn: with `embed=` (which the fuzzer also sets) the other
    // sections' canvases are hidden and never drawn.
    const blankShown = await replay.evaluate(() => window.__relu.blankCanvases()
      .filter((id) => document.getElementById(id)?.getClientRects().length > 0));
    expect(blankShown, `blank canvases on screen in a new page from the final hash ${end.hash}`).toEqual([]);
  });
