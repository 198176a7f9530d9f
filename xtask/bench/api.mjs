// The JS API's element-wise exports against what a course author would otherwise write, timed
// in the page by xtask/bench/bench.mjs (`measureApi`). This file holds the in-page half: it is
// passed to `page.evaluate`, so it imports nothing and closes over nothing.

/**
 * In the page: every element-wise export of the module at `moduleUrl`, timed
 * - at `small` elements against a plain JS loop that writes a new Float32Array (the API
 *   returning a new array, and writing into a reused `out`), alternating which goes first,
 *   medians of `rounds` rounds of `reps` calls after `warmupMs` of both;
 * - at `large` elements against `Float32Array.prototype.set` of the same array into an array
 *   made beforehand, against `x.slice()` (JS's own copy into a new array), and against the
 *   same plain JS loop, one call per round with a full garbage collection before each (the
 *   browser is started with `--expose-gc`), so that no timing pays for another's garbage.
 * Returns the times (µs at `small`, ms at `large`) and, at `small`, how far each export's
 * values are from the JS loop's, in float32 ulps.
 */
export async function timeApi({ moduleUrl, small, large, warmupMs, rounds, reps }) {
  const api = await import(moduleUrl);
  await api.default();
  const slope = 0.01;
  // The slope as the exports take it, an f32 (PyTorch's too): x · slope is then exact in f64,
  // and storing it rounds it once, as the f32 multiplication does.
  const slope32 = Math.fround(slope);
  // Uniform on [-4, 4) (x) and [-1, 1) (the gradient), from a seeded LCG.
  let seed = 1;
  const uniform = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const draw = (n, scale) => Float32Array.from({ length: n }, () => (uniform() * 2 - 1) * scale);
  const sigmoid = (v) => 1 / (1 + Math.exp(-v));
  const js = {
    relu: (x) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v < 0 ? 0 : v; } return y; },
    reluBackward: (x, g) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) y[i] = x[i] <= 0 ? 0 : g[i]; return y; },
    leakyRelu: (x) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) { const v = x[i]; y[i] = v > 0 ? v : v * slope32; } return y; },
    leakyReluBackward: (x, g) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? g[i] : g[i] * slope32; return y; },
    sigmoid: (x) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) y[i] = sigmoid(x[i]); return y; },
    sigmoidBackward: (x, g) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) { const s = Math.fround(sigmoid(x[i])); y[i] = Math.fround(g[i] * Math.fround(1 - s)) * s; } return y; },
    tanh: (x) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]); return y; },
    tanhBackward: (x, g) => { const y = new Float32Array(x.length); for (let i = 0; i < x.length; i++) { const t = Math.fround(Math.tanh(x[i])); y[i] = g[i] * (1 - t * t); } return y; },
  };
  const call = {
    relu: (x, g, out) => api.relu(x, out),
    reluBackward: (x, g, out) => api.reluBackward(x, g, out),
    leakyRelu: (x, g, out) => api.leakyRelu(x, slope, out),
    leakyReluBackward: (x, g, out) => api.leakyReluBackward(x, g, slope, out),
    sigmoid: (x, g, out) => api.sigmoid(x, out),
    sigmoidBackward: (x, g, out) => api.sigmoidBackward(x, g, out),
    tanh: (x, g, out) => api.tanh(x, out),
    tanhBackward: (x, g, out) => api.tanhBackward(x, g, out),
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ulps = (a, b) => {
    const bits = new Int32Array(new Float32Array([a, b]).buffer);
    return Number.isNaN(a) || Number.isNaN(b) ? (Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity) : Math.abs(bits[0] - bits[1]);
  };

  const result = { small: {}, large: {} };
  const x = draw(small, 4);
  const g = draw(small, 1);
  for (const name of Object.keys(js)) {
    const out = new Float32Array(small);
    const subjects = {
      api: () => call[name](x, g),
      api_out: () => call[name](x, g, out),
      js: () => js[name](x, g),
    };
    const ours = call[name](x, g);
    const theirs = js[name](x, g);
    const maxUlps = Math.max(...Array.from(ours, (v, i) => ulps(v, theirs[i])));
    for (const end = performance.now() + warmupMs; performance.now() < end;) {
      for (const run of Object.values(subjects)) run();
    }
    const times = { api: [], api_out: [], js: [] };
    const order = Object.keys(subjects);
    for (let round = 0; round < rounds; round++) {
      for (const key of round % 2 ? [...order].reverse() : order) {
        const start = performance.now();
        for (let i = 0; i < reps; i++) subjects[key]();
        times[key].push(((performance.now() - start) * 1000) / reps);
      }
    }
    result.small[name] = { api_us: median(times.api), api_out_us: median(times.api_out), js_us: median(times.js), max_ulps_from_js: maxUlps };
  }

  const bigX = draw(large, 4);
  const bigG = draw(large, 1);
  const copy = new Float32Array(large);
  const timed = (run) => {
    window.gc();
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  const sets = [];
  const slices = [];
  for (let round = 0; round < rounds; round++) {
    sets.push(timed(() => copy.set(bigX)));
    slices.push(timed(() => bigX.slice()));
  }
  result.large.set_ms = median(sets);
  result.large.slice_ms = median(slices);
  for (const name of Object.keys(call)) {
    const out = new Float32Array(large);
    // One untimed call of each, so that wasm memory has grown to its size before any timing.
    call[name](bigX, bigG);
    call[name](bigX, bigG, out);
    const fresh = [];
    const into = [];
    const loop = [];
    for (let round = 0; round < rounds; round++) {
      fresh.push(timed(() => call[name](bigX, bigG)));
      into.push(timed(() => call[name](bigX, bigG, out)));
      loop.push(timed(() => js[name](bigX, bigG)));
    }
    result.large[name] = { api_ms: median(fresh), api_out_ms: median(into), js_ms: median(loop) };
  }
  return result;
}
