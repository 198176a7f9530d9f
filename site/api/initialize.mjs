import init, { Mlp } from "../pkg/relu_explorer.js";
await init();

const net = new Mlp(new Uint32Array([1, 4, 1]), "relu");
net.initialize("he", 7);
console.log(net.weight(0));
// → Float32Array(4) [-0.4809628427028656, 1.0225502252578735, 1.4762358665466309, -1.0205743312835693]
net.initialize("normal", 7, 0.1, 0.5);
console.log(net.bias(0));
// → Float32Array(4) [0.10000000149011612, 0.10000000149011612, 0.10000000149011612, 0.10000000149011612]

try {
  net.initialize("kaiming", 7);
} catch (error) {
  console.log(error.message);
}
// → Mlp.initialize: scheme must be "he", "xavier", "normal" or "uniform", got "kaiming"
