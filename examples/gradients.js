// Gradient table: y and x.grad for a tensor the reader types, built on the JS API alone. The
// table follows every keystroke; a typo shows which item is wrong and keeps the last good table.
// State for scripts and tests: #gradients's data-rows, and #problem's data-problem (empty,
// "not-a-number", "empty", "too-many" or "lengths").

import init, {
  relu, reluBackward, leakyRelu, leakyReluBackward, sigmoid, sigmoidBackward, tanh, tanhBackward,
} from "../pkg/relu_explorer.js";

await init();

/** Each function's forward and backward pass. */
const FUNCTIONS = {
  relu: [relu, reluBackward],
  leakyRelu: [(x) => leakyRelu(x), (x, g) => leakyReluBackward(x, g)],
  sigmoid: [sigmoid, sigmoidBackward],
  tanh: [tanh, tanhBackward],
};
/** The most rows the table shows: a long paste must not build a huge table. */
const MAX_ITEMS = 1000;

const $ = (id) => document.getElementById(id);
const xInput = $("x-input");
const gradInput = $("grad-input");
const problem = $("problem");

/** The numbers in `text`, or the first item that is not one. `nan` and `inf` are read as
 * PyTorch prints them. */
function parse(text) {
  const items = text.split(/[\s,]+/).filter(Boolean);
  const values = [];
  for (const item of items) {
    const word = item.toLowerCase().replace("−", "-");
    const special = { nan: NaN, inf: Infinity, "+inf": Infinity, "-inf": -Infinity }[word];
    const value = special ?? (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(word) ? Number(word) : null);
    if (value === null) return { bad: item };
    values.push(value);
  }
  return { values };
}

/** A float32 in the fewest digits that read back as it, -0 as -0. */
function format(value) {
  if (Object.is(value, -0)) return "-0";
  if (!Number.isFinite(value)) return String(value);
  // Nine significant digits always suffice for a float32.
  for (let digits = 1; digits <= 9; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === value) return String(short);
  }
  return String(value);
}

/** Shows the problem `kind` (or none), and marks the inputs it concerns. */
function report(kind, inputs = []) {
  problem.dataset.problem = kind;
  for (const part of problem.querySelectorAll("[data-says]")) part.hidden = part.dataset.says !== kind;
  for (const input of [xInput, gradInput]) input.setAttribute("aria-invalid", String(inputs.includes(input)));
}

function update() {
  const x = parse(xInput.value);
  const g = parse(gradInput.value);
  const bad = x.bad !== undefined ? [x, xInput] : g.bad !== undefined ? [g, gradInput] : null;
  if (bad) {
    $("bad-item").textContent = bad[0].bad;
    return report("not-a-number", [bad[1]]);
  }
  if (x.values.length === 0) return report("empty", [xInput]);
  if (x.values.length > MAX_ITEMS || g.values.length > MAX_ITEMS) {
    return report("too-many", x.values.length > MAX_ITEMS ? [xInput] : [gradInput]);
  }
  if (g.values.length > 1 && g.values.length !== x.values.length || g.values.length === 0) {
    $("x-count").textContent = String(x.values.length);
    $("grad-count").textContent = String(g.values.length);
    return report("lengths", [gradInput]);
  }
  report("");
  const xs = Float32Array.from(x.values);
  const grads = g.values.length === 1 ? new Float32Array(xs.length).fill(g.values[0]) : Float32Array.from(g.values);
  const [forward, backward] = FUNCTIONS[$("function").value];
  const y = forward(xs);
  const grad = backward(xs, grads);
  const rows = Array.from(xs, (_, i) => {
    const row = document.createElement("tr");
    for (const cell of [String(i), format(xs[i]), format(y[i]), format(grads[i]), format(grad[i])]) {
      const td = document.createElement("td");
      td.textContent = cell;
      row.append(td);
    }
    return row;
  });
  $("table").tBodies[0].replaceChildren(...rows);
  $("gradients").dataset.rows = String(rows.length);
}

for (const control of [xInput, gradInput, $("function")]) control.addEventListener("input", update);
update();
