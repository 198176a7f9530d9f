import init, { tanh } from "../pkg/relu_explorer.js";
await init();

const x = new Float32Array([-Infinity, -1, -0, 0.5, 10]);
console.log(tanh(x));
// → Float32Array(5) [-1, -0.7615941762924194, -0, 0.46211716532707214, 1]
