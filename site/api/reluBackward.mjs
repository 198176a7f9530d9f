import init, { reluBackward } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([-1, 0, 2, NaN]);
const gradOutput = new Float32Array([5, 5, 5, 5]);
console.log(reluBackward(x, gradOutput));
// → Float32Array(4) [0, 0, 5, 5]

try {
  reluBackward(x, new Float32Array([1, 1]));
} catch (error) {
  console.log(error.message);
}
// → reluBackward: gradOutput has 2 elements but x has 4; they must be the same length
