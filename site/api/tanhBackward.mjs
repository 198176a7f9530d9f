import init, { tanhBackward } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([0, 1, 10]);
const gradOutput = new Float32Array([1, 1, 1]);
console.log(tanhBackward(x, gradOutput));
// → Float32Array(3) [1, 0.41997429728507996, 0]
