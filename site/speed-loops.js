// The speed experiment's plain JavaScript: the loops a reader would write for ReLU, sigmoid and
// tanh over Float32Arrays, forward and forward + backward, and the copy that is the memory's
// limit. The module (src/web/speed_view.rs) times them against its WebAssembly kernels over the
// same buffers (views of its memory).
//
// Each computes what the module's kernels compute: ReLU as x < 0 ? 0 : x (NaN and −0 kept),
// its backward as x <= 0 ? 0 : grad; sigmoid as 1 / (1 + e^−x) with a double-precision e^−x
// (Math.exp), 0 where e^−x overflows float32 as PyTorch's does; tanh as Math.tanh; each rounded
// once to float32 by the store, and the backward passes in float32 steps (Math.fround).

const fround = Math.fround;

function relu(x, g, y) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v < 0 ? 0 : v;
  }
}

function reluFb(x, g, y, dx) {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v < 0 ? 0 : v;
    dx[i] = v <= 0 ? 0 : g[i];
  }
}

function sigmoidOf(v) {
  const e = Math.exp(-v);
  return fround(e) === Infinity ? 0 : 1 / (1 + e);
}

function sigmoid(x, g, y) {
  for (let i = 0; i < x.length; i++) y[i] = sigmoidOf(x[i]);
}

function sigmoidFb(x, g, y, dx) {
  for (let i = 0; i < x.length; i++) {
    const s = fround(sigmoidOf(x[i]));
    y[i] = s;
    dx[i] = fround(g[i] * fround(1 - s)) * s;
  }
}

function tanh(x, g, y) {
  for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
}

function tanhFb(x, g, y, dx) {
  for (let i = 0; i < x.length; i++) {
    const t = fround(Math.tanh(x[i]));
    y[i] = t;
    // 1 − t² is exact in double for a float32 t, so one rounding gives the fused
    // multiply-add PyTorch's tanh_backward uses.
    dx[i] = g[i] * fround(1 - t * t);
  }
}

// Every loop takes (x, grad, y, dx); the forward ones use the first and third.
const LOOPS = {
  relu,
  "relu-fb": reluFb,
  sigmoid,
  "sigmoid-fb": sigmoidFb,
  tanh,
  "tanh-fb": tanhFb,
};

/** Runs the loop named `kernel` (a key of the module's speed kernels) `reps` times; false if
 * there is no such loop. */
export function runLoop(kernel, x, g, y, dx, reps) {
  const loop = LOOPS[kernel];
  if (!loop) return false;
  for (let r = 0; r < reps; r++) loop(x, g, y, dx);
  return true;
}

/** Copies x into y `reps` times. */
export function copyLoop(x, y, reps) {
  for (let r = 0; r < reps; r++) y.set(x);
}
