// A plain-JavaScript port of the page's `Mlp` training (src/mlp.rs), for the benchmark's
// `train_wasm_vs_js_ratio`: fully connected layers, ReLU or Leaky ReLU hidden units, a linear
// output layer, one full-batch plain SGD step on the mean squared error (mean over all outputs)
// that returns the loss before the update. It is the same algorithm with the same loops: samples
// go forward and backward one at a time, gradients are summed over the batch, and a layer with
// more outputs than inputs keeps a transposed copy of its weights so that its innermost loops run
// over the longer dimension. Parameters and scratch are Float64Arrays allocated once, as a
// careful JS programmer would write it; JS numbers are f64 where the wasm module computes in
// f32, so the two agree to within rounding, not bit for bit.
//
// The benchmark injects this file into the page as a module (a blob: URL) and starts it from the
// wasm network's own initial weights (`mlp.weight(i)`, `mlp.bias(i)`).

/** One Linear layer: parameters, gradients and one sample's scratch. */
class Layer {
  constructor(inputs, outputs, weight, bias) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.weight = Float64Array.from(weight);
    this.bias = Float64Array.from(bias);
    this.transposed = outputs > inputs;
    this.weightT = new Float64Array(this.transposed ? outputs * inputs : 0);
    this.gradWeight = new Float64Array(outputs * inputs);
    this.gradBias = new Float64Array(outputs);
    this.z = new Float64Array(outputs);
    this.a = new Float64Array(outputs);
    this.delta = new Float64Array(outputs);
    if (this.transposed) {
      for (let o = 0; o < outputs; o++) {
        for (let i = 0; i < inputs; i++) this.weightT[i * outputs + o] = this.weight[o * inputs + i];
      }
    }
  }

  /** z = W·x + b for the sample at x[offset ..]. */
  forward(x, offset) {
    const { inputs, outputs, z, bias } = this;
    if (this.transposed) {
      const w = this.weightT;
      z.fill(0);
      for (let i = 0; i < inputs; i++) {
        const xi = x[offset + i];
        const row = i * outputs;
        for (let o = 0; o < outputs; o++) z[o] += w[row + o] * xi;
      }
    } else {
      const w = this.weight;
      for (let o = 0; o < outputs; o++) {
        const row = o * inputs;
        let sum = 0;
        for (let i = 0; i < inputs; i++) sum += w[row + i] * x[offset + i];
        z[o] = sum;
      }
    }
    for (let o = 0; o < outputs; o++) z[o] += bias[o];
  }

  /** a = activation(z); `slope` is 0 for ReLU. */
  activate(slope) {
    const { z, a } = this;
    for (let o = 0; o < this.outputs; o++) a[o] = z[o] > 0 ? z[o] : z[o] * slope;
  }

  /** Adds this sample's share of the gradients: delta ⊗ x and delta. */
  accumulate(x, offset) {
    const { inputs, outputs, delta, gradWeight: g, gradBias } = this;
    if (this.transposed) {
      for (let i = 0; i < inputs; i++) {
        const xi = x[offset + i];
        const row = i * outputs;
        for (let o = 0; o < outputs; o++) g[row + o] += delta[o] * xi;
      }
    } else {
      for (let o = 0; o < outputs; o++) {
        const d = delta[o];
        const row = o * inputs;
        for (let i = 0; i < inputs; i++) g[row + i] += d * x[offset + i];
      }
    }
    for (let o = 0; o < outputs; o++) gradBias[o] += delta[o];
  }

  /** gradInput[i] = Σₒ W[o][i]·delta[o]. */
  backpropagate(gradInput) {
    const { inputs, outputs, delta } = this;
    if (this.transposed) {
      const w = this.weightT;
      for (let i = 0; i < inputs; i++) {
        const row = i * outputs;
        let sum = 0;
        for (let o = 0; o < outputs; o++) sum += w[row + o] * delta[o];
        gradInput[i] = sum;
      }
    } else {
      const w = this.weight;
      gradInput.fill(0);
      for (let o = 0; o < outputs; o++) {
        const d = delta[o];
        const row = o * inputs;
        for (let i = 0; i < inputs; i++) gradInput[i] += w[row + i] * d;
      }
    }
  }

  /** d loss/d a → d loss/d z; ReLU's derivative at 0 is 0, as PyTorch's threshold_backward. */
  activationBackward(slope) {
    const { z, delta } = this;
    for (let o = 0; o < this.outputs; o++) delta[o] = z[o] > 0 ? delta[o] : delta[o] * slope;
  }

  /** p -= lr · p.grad. */
  descend(learningRate) {
    const { inputs, outputs, weight, gradWeight, bias, gradBias } = this;
    if (this.transposed) {
      const wt = this.weightT;
      for (let o = 0; o < outputs; o++) {
        for (let i = 0; i < inputs; i++) {
          const t = i * outputs + o;
          const w = weight[o * inputs + i] - learningRate * gradWeight[t];
          weight[o * inputs + i] = w;
          wt[t] = w;
        }
      }
    } else {
      for (let k = 0; k < weight.length; k++) weight[k] -= learningRate * gradWeight[k];
    }
    for (let o = 0; o < outputs; o++) bias[o] -= learningRate * gradBias[o];
  }
}

/** A fully connected network trained by full-batch SGD, in plain JS. */
export class JsMlp {
  /**
   * @param {ArrayLike<number>} sizes  units per layer, input first, such as [1, 32, 1]
   * @param {ArrayLike<number>[]} weights  per layer, row-major [out][in] (like torch.nn.Linear)
   * @param {ArrayLike<number>[]} biases  per layer, [out]
   * @param {"relu" | "leaky_relu"} activation  of the hidden layers
   * @param {number} negativeSlope  Leaky ReLU's slope for negative inputs
   */
  constructor(sizes, weights, biases, activation = "relu", negativeSlope = 0.01) {
    if (activation !== "relu" && activation !== "leaky_relu") {
      throw new Error(`JsMlp: unknown activation ${JSON.stringify(activation)}`);
    }
    this.sizes = Array.from(sizes);
    this.slope = activation === "relu" ? 0 : negativeSlope;
    this.layers = [];
    for (let l = 0; l + 1 < this.sizes.length; l++) {
      const [inputs, outputs] = [this.sizes[l], this.sizes[l + 1]];
      if (weights[l].length !== inputs * outputs || biases[l].length !== outputs) {
        throw new Error(`JsMlp: layer ${l} needs ${outputs}x${inputs} weights and ${outputs} biases`);
      }
      this.layers.push(new Layer(inputs, outputs, weights[l], biases[l]));
    }
  }

  /** A copy of the wasm `mlp`'s parameters (`sizes` as it was built with). */
  static fromWasm(mlp, sizes, activation = "relu", negativeSlope = 0.01) {
    const layers = sizes.length - 1;
    const weights = [];
    const biases = [];
    for (let l = 0; l < layers; l++) {
      weights.push(mlp.weight(l));
      biases.push(mlp.bias(l));
    }
    return new JsMlp(sizes, weights, biases, activation, negativeSlope);
  }

  /** Layer l's weights, row-major [out][in]. */
  weight(l) {
    return Float64Array.from(this.layers[l].weight);
  }

  /** Layer l's biases. */
  bias(l) {
    return Float64Array.from(this.layers[l].bias);
  }

  /** Runs the sample at x[offset ..] forward through every layer. */
  forwardSample(x, offset) {
    const layers = this.layers;
    const last = layers.length - 1;
    for (let l = 0; l <= last; l++) {
      if (l === 0) layers[0].forward(x, offset);
      else layers[l].forward(layers[l - 1].a, 0);
      if (l < last) layers[l].activate(this.slope);
    }
  }

  /** The network's outputs for inputs [n][in], as [n][out]. */
  forward(inputs) {
    const inputSize = this.sizes[0];
    const out = this.layers[this.layers.length - 1];
    const n = inputs.length / inputSize;
    const outputs = new Float64Array(n * out.outputs);
    for (let s = 0; s < n; s++) {
      this.forwardSample(inputs, s * inputSize);
      outputs.set(out.z, s * out.outputs);
    }
    return outputs;
  }

  /** One full-batch SGD step on the mean squared error; returns the loss before the update. */
  trainStep(inputs, targets, learningRate) {
    const layers = this.layers;
    const last = layers.length - 1;
    const inputSize = this.sizes[0];
    const out = layers[last];
    const outputSize = out.outputs;
    const n = inputs.length / inputSize;
    const count = n * outputSize;
    if (!Number.isInteger(n) || n === 0 || targets.length !== count) {
      throw new Error(`JsMlp.trainStep: ${inputs.length} inputs and ${targets.length} targets do not make a batch`);
    }
    for (const layer of layers) {
      layer.gradWeight.fill(0);
      layer.gradBias.fill(0);
    }
    const scale = 2 / count;
    let squares = 0;
    for (let s = 0; s < n; s++) {
      this.forwardSample(inputs, s * inputSize);
      const t = s * outputSize;
      for (let o = 0; o < outputSize; o++) {
        const diff = out.z[o] - targets[t + o];
        squares += diff * diff;
        out.delta[o] = scale * diff;
      }
      for (let l = last; l >= 0; l--) {
        const layer = layers[l];
        if (l === 0) {
          layer.accumulate(inputs, s * inputSize);
        } else {
          const below = layers[l - 1];
          layer.accumulate(below.a, 0);
          layer.backpropagate(below.delta);
          below.activationBackward(this.slope);
        }
      }
    }
    for (const layer of layers) layer.descend(learningRate);
    return squares / count;
  }
}
