import init, { Mlp } from "../pkg/relu_explorer.js";
await init();

const net = new Mlp(new Uint32Array([2, 2, 1]), "relu");
net.setLayer(0, new Float32Array([1, -1, -1, 1]), new Float32Array([0, 0]));
net.setLayer(1, new Float32Array([1, 1]), new Float32Array([0]));
console.log(net.weight(0), net.bias(1));
// → Float32Array(4) [1, -1, -1, 1] Float32Array(1) [0]

try {
  net.setLayer(1, new Float32Array([1, 1, 1]), new Float32Array([0]));
} catch (error) {
  console.log(error.message);
}
// → Mlp.setLayer: weight for layer 1 has 3 values; expected 2 (1 output × 2 inputs, row-major [out][in])
try {
  net.weight(2);
} catch (error) {
  console.log(error.message);
}
// → Mlp.weight: layer index 2 is out of range: this network has 2 layers, numbered 0 to 1
