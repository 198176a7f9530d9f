import init, { Mlp } from "../pkg/relu_explorer.js";
await init();

const net = new Mlp(new Uint32Array([2, 2, 1]), "relu");
net.setLayer(0, new Float32Array([1, -1, -1, 1]), new Float32Array([0, 0]));
net.setLayer(1, new Float32Array([1, 1]), new Float32Array([0]));
const inputs = new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
console.log(net.forward(inputs));
// → Float32Array(4) [0, 1, 1, 0]

try {
  net.forward(new Float32Array([1, 2, 3]));
} catch (error) {
  console.log(error.message);
}
// → Mlp.forward: inputs has 3 values, which is not a multiple of the network's input size 2 (inputs are row-major [n][2])
