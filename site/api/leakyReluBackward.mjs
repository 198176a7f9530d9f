import init, { leakyReluBackward } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([-4, 0, 3]);
const gradOutput = new Float32Array([2, 2, 2]);
console.log(leakyReluBackward(x, gradOutput, 0.25));
// → Float32Array(3) [0.5, 0.5, 2]
