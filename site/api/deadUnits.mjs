import init, { Mlp } from "../pkg/relu_explorer.js";
await init();

const net = new Mlp(new Uint32Array([1, 3, 1]), "relu");
net.setLayer(0, new Float32Array([1, -1, 1]), new Float32Array([0, 0, -10]));
const inputs = new Float32Array([-2, -1, 1, 2]);
console.log(net.deadUnits(inputs));
// → Uint8Array(3) [0, 0, 1]
