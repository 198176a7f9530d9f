import init, { relu } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([-2, -0, 0, 1.5, NaN, -Infinity]);
console.log(relu(x));
// → Float32Array(6) [0, -0, 0, 1.5, NaN, 0]

const out = new Float32Array(x.length);
relu(x, out);
console.log(out);
// → Float32Array(6) [0, -0, 0, 1.5, NaN, 0]

try {
  relu([-2, 1]);
} catch (error) {
  console.log(error.message);
}
// → relu: x must be a Float32Array (for example new Float32Array([-1, 0, 1])), got a plain Array
