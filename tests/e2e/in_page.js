// In-page helpers for the end-to-end tests (tests/e2e/fixtures.mjs) and the benchmark
// (xtask/bench/bench.mjs): both inject this file into every page with
// `addInitScript({ path })`, before the page's own scripts, and call `window.__relu.*` from
// `page.evaluate`. A classic script, not a module: init scripts are evaluated as scripts.
//
// Nothing here touches the page's own canvases' contexts (a readback would switch Chromium to
// software rendering for them): pixels are read from a copy.

(() => {
  /** A canvas's (or any drawable's, such as an ImageBitmap) pixels as 32-bit words, read from
   * a copy; null when it has no backing store. */
  function pixels(canvas) {
    if (!canvas?.width || !canvas?.height) return null;
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    return new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
  }

  /** FNV-1a over the pixel words, as hex. */
  function fnv(words) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 16777619);
    return (hash >>> 0).toString(16);
  }

  /** Whether the canvas has no backing store or a single colour. */
  function isBlank(canvas) {
    const words = pixels(canvas);
    if (!words) return true;
    for (let i = 1; i < words.length; i++) if (words[i] !== words[0]) return false;
    return true;
  }

  /** `id:WxH:hash` of a canvas's pixels, `id:empty` without a backing store. */
  function canvasHash(canvas) {
    const id = canvas.id || "(canvas without id)";
    const words = pixels(canvas);
    return words ? `${id}:${canvas.width}x${canvas.height}:${fnv(words)}` : `${id}:empty`;
  }

  const canvases = () => [...document.querySelectorAll("canvas")];

  /** Each canvas: its backing store, CSS content size, devicePixelRatio and whether it is
   * blank. */
  function canvasReport() {
    return canvases().map((canvas) => {
      const style = getComputedStyle(canvas);
      const px = (name) => parseFloat(style[name]) || 0;
      const rect = canvas.getBoundingClientRect();
      return {
        id: canvas.id || "(canvas without id)",
        width: canvas.width,
        height: canvas.height,
        cssWidth: rect.width - px("borderLeftWidth") - px("borderRightWidth") - px("paddingLeft") - px("paddingRight"),
        cssHeight: rect.height - px("borderTopWidth") - px("borderBottomWidth") - px("paddingTop") - px("paddingBottom"),
        dpr: devicePixelRatio,
        blank: isBlank(canvas),
      };
    });
  }

  /** The page's count of complete renders (`<html data-frames>`), 0 before the first. */
  const frames = () => Number(document.documentElement.dataset.frames ?? 0);

  /** Resolves at the next animation frame, after every animation-frame callback registered
   * before it (a render the page scheduled in response to an event has then happened). */
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  /** Resolves once the page renders nothing for two animation frames in a row (no render is
   * pending); never while the lab trains. Resolves with the render count. */
  function idle() {
    return new Promise((resolve) => {
      let last = frames();
      let quiet = 0;
      const tick = () => {
        const now = frames();
        quiet = now === last ? quiet + 1 : 0;
        last = now;
        if (quiet >= 2) resolve(now);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  /** Resolves after `count` animation frames. */
  function afterFrames(count) {
    return new Promise((resolve) => {
      let left = count;
      const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
  }

  /** Each canvas's red channel at its top-left corner (inside its backing store, 1 px in):
   * the chart's background, light or dark. */
  const cornerReds = () => canvases().map((canvas) => (pixels(canvas)?.[canvas.width + 1] ?? 0) & 0xff);

  window.__relu = {
    pixels,
    isBlank,
    cornerReds,
    canvasHash,
    canvasHashes: () => canvases().map(canvasHash),
    blankCanvases: () => canvases().filter(isBlank).map((c) => c.id || "(canvas without id)"),
    canvasReport,
    frames,
    nextFrame,
    afterFrames,
    idle,
  };
})();
