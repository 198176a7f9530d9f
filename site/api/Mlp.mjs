import init, { Mlp } from "../pkg/relu_explorer.js";
await init();

const net = new Mlp(new Uint32Array([2, 3, 1]), "relu");
console.log(net.sizes, net.activation);
// → Uint32Array(3) [2, 3, 1] relu
console.log(net.weight(0));
// → Float32Array(6) [0, 0, 0, 0, 0, 0]

try {
  new Mlp(new Uint32Array([2, 3, 1]), "gelu");
} catch (error) {
  console.log(error.message);
}
// → new Mlp: activation must be "relu", "leaky_relu", "sigmoid" or "tanh", got "gelu"
