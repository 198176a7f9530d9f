import init, { sigmoid } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([-Infinity, -2, 0, 2, Infinity]);
console.log(sigmoid(x));
// → Float32Array(5) [0, 0.11920291930437088, 0.5, 0.8807970881462097, 1]
