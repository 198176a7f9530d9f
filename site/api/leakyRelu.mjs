import init, { leakyRelu } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([-4, -0.5, 0, 3]);
console.log(leakyRelu(x, 0.25));
// → Float32Array(4) [-1, -0.125, 0, 3]
console.log(leakyRelu(x));
// → Float32Array(4) [-0.03999999910593033, -0.004999999888241291, 0, 3]

try {
  leakyRelu(x, "0.1");
} catch (error) {
  console.log(error.message);
}
// → leakyRelu: negativeSlope must be a finite number, got string
