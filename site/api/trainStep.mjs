import init, { Mlp } from "../pkg/relu_explorer.js";
await init();

const inputs = new Float32Array([-2, -1, 0, 1, 2]);
const targets = new Float32Array([2, 1, 0, 1, 2]);
const net = new Mlp(new Uint32Array([1, 8, 1]), "relu");
net.initialize("he", 1);
for (let step = 0; step <= 300; step++) {
  const loss = net.trainStep(inputs, targets, 0.05);
  if (step % 100 === 0) console.log(step, loss.toFixed(4));
}
// → 0 1.3985
// → 100 0.1353
// → 200 0.0111
// → 300 0.0013
