import init, { sigmoidBackward } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([0, 2, 20]);
const gradOutput = new Float32Array([1, 1, 1]);
console.log(sigmoidBackward(x, gradOutput));
// → Float32Array(3) [0.25, 0.10499357432126999, 0]
