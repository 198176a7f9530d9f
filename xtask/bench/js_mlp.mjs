// A plain-JavaScript port of the page's `Mlp` training (src/mlp.rs), for the benchmark's
// `train_wasm_vs_js_ratio`: fully connected layers, ReLU or Leaky ReLU hidden units, a linear
// output layer, one full-batch plain SGD step on the mean squared error (mean over all outputs)
// that returns the loss before the update. It is the same algorithm with the same loops and the
// same sums: the batch's scratch is unit-major (row o holds unit o for every sample), so every
// innermost loop runs over the samples; the forward pass adds one input's products per pass and
// the last pass adds the bias and activates; the backward pass through a layer computes its
// weight gradients and the gradient reaching the layer below in the same passes. Every sum over
// the samples is taken in the wasm module's order (src/mlp/lanes.rs): four partial sums, sample
// s in partial sum s % 4, added as (p0 + p1) + (p2 + p3); the loops that take one go four
// samples a step, then the last n % 4 one at a time. Parameters and scratch are Float64Arrays
// allocated once per batch size, and the activation is chosen outside the loops, as a careful
// JS programmer would write it. JS numbers are f64 where the wasm module
// computes in f32, so the two agree to within rounding, not bit for bit.
//
// The benchmark injects this file into the page as a module (a blob: URL) and starts it from the
// wasm network's own initial weights (`mlp.weight(i)`, `mlp.bias(i)`).

/** Σ a[ai + s]·b[bi + s] over the n samples s, in the wasm module's order. */
function dot(a, ai, b, bi, n) {
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let s = 0;
  for (; s + 4 <= n; s += 4) {
    p0 += a[ai + s] * b[bi + s];
    p1 += a[ai + s + 1] * b[bi + s + 1];
    p2 += a[ai + s + 2] * b[bi + s + 2];
    p3 += a[ai + s + 3] * b[bi + s + 3];
  }
  if (s < n) p0 += a[ai + s] * b[bi + s];
  if (s + 1 < n) p1 += a[ai + s + 1] * b[bi + s + 1];
  if (s + 2 < n) p2 += a[ai + s + 2] * b[bi + s + 2];
  return (p0 + p1) + (p2 + p3);
}

/** Σ a[ai + s] over the n samples s, in the wasm module's order. */
function sum(a, ai, n) {
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let s = 0;
  for (; s + 4 <= n; s += 4) {
    p0 += a[ai + s];
    p1 += a[ai + s + 1];
    p2 += a[ai + s + 2];
    p3 += a[ai + s + 3];
  }
  if (s < n) p0 += a[ai + s];
  if (s + 1 < n) p1 += a[ai + s + 1];
  if (s + 2 < n) p2 += a[ai + s + 2];
  return (p0 + p1) + (p2 + p3);
}

/** One Linear layer: parameters, gradients and the batch's unit-major scratch. */
class Layer {
  constructor(inputs, outputs, weight, bias) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.weight = Float64Array.from(weight);
    this.bias = Float64Array.from(bias);
    this.gradWeight = new Float64Array(outputs * inputs);
    this.gradBias = new Float64Array(outputs);
    this.z = new Float64Array(0);
    this.a = new Float64Array(0);
    this.delta = new Float64Array(0);
  }

  /** Makes room in the scratch for n samples. */
  reserve(n) {
    const length = this.outputs * n;
    if (this.z.length < length) {
      this.z = new Float64Array(length);
      this.a = new Float64Array(length);
      this.delta = new Float64Array(length);
    }
  }

  /**
   * z = W·x + b for the n samples of x ([inputs][n]), then a = activation(z) when `hidden`
   * (`slope` 0 for ReLU, Leaky ReLU's slope otherwise).
   */
  forward(x, n, hidden, slope) {
    const { inputs, outputs, weight, bias, z, a } = this;
    const lastInput = (inputs - 1) * n;
    for (let o = 0; o < outputs; o++) {
      const row = o * inputs;
      const zo = o * n;
      // One pass over the samples per input but the last.
      for (let i = 0; i < inputs - 1; i++) {
        const w = weight[row + i];
        const xi = i * n;
        if (i === 0) for (let s = 0; s < n; s++) z[zo + s] = w * x[xi + s];
        else for (let s = 0; s < n; s++) z[zo + s] += w * x[xi + s];
      }
      // The last adds the bias and activates.
      const w = weight[row + inputs - 1];
      const b = bias[o];
      const first = inputs === 1;
      if (!hidden) {
        for (let s = 0; s < n; s++) z[zo + s] = (first ? w * x[lastInput + s] : z[zo + s] + w * x[lastInput + s]) + b;
      } else if (slope === 0) {
        for (let s = 0; s < n; s++) {
          const v = (first ? w * x[lastInput + s] : z[zo + s] + w * x[lastInput + s]) + b;
          z[zo + s] = v;
          a[zo + s] = v > 0 ? v : 0;
        }
      } else {
        for (let s = 0; s < n; s++) {
          const v = (first ? w * x[lastInput + s] : z[zo + s] + w * x[lastInput + s]) + b;
          z[zo + s] = v;
          a[zo + s] = v > 0 ? v : v * slope;
        }
      }
    }
  }

  /** The first layer's gradients, its input x ([inputs][n]) being the data. */
  gradients(x, n) {
    const { inputs, outputs, delta, gradWeight, gradBias } = this;
    for (let o = 0; o < outputs; o++) {
      const d = o * n;
      // The first input's pass sums the bias gradient too.
      let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
      let b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      let s = 0;
      for (; s + 4 <= n; s += 4) {
        const d0 = delta[d + s], d1 = delta[d + s + 1], d2 = delta[d + s + 2], d3 = delta[d + s + 3];
        g0 += d0 * x[s];
        g1 += d1 * x[s + 1];
        g2 += d2 * x[s + 2];
        g3 += d3 * x[s + 3];
        b0 += d0;
        b1 += d1;
        b2 += d2;
        b3 += d3;
      }
      // The last n % 4 samples go to the first partial sums.
      if (s < n) {
        g0 += delta[d + s] * x[s];
        b0 += delta[d + s];
      }
      if (s + 1 < n) {
        g1 += delta[d + s + 1] * x[s + 1];
        b1 += delta[d + s + 1];
      }
      if (s + 2 < n) {
        g2 += delta[d + s + 2] * x[s + 2];
        b2 += delta[d + s + 2];
      }
      gradWeight[o * inputs] = (g0 + g1) + (g2 + g3);
      gradBias[o] = (b0 + b1) + (b2 + b3);
      for (let i = 1; i < inputs; i++) gradWeight[o * inputs + i] = dot(delta, d, x, i * n, n);
    }
  }

  /**
   * The backward pass through this layer above the hidden layer `below`: this layer's gradients
   * and, in the same passes, the gradient at the pre-activations below (ReLU's derivative is a
   * selection, 0 where z ≤ 0, as PyTorch's threshold_backward).
   */
  backward(below, n, slope) {
    const { inputs, outputs, weight, delta, gradWeight, gradBias } = this;
    const { a, z } = below;
    const grad = below.delta;
    for (let o = 0; o < outputs; o++) gradBias[o] = sum(delta, o * n, n);
    for (let i = 0; i < inputs; i++) {
      const u = i * n;
      // One pass over the samples per output, four samples a step; the last also applies the
      // activation's backward.
      for (let o = 0; o < outputs; o++) {
        const w = weight[o * inputs + i];
        const d = o * n;
        const first = o === 0;
        let p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        let s = 0;
        if (o + 1 < outputs) {
          for (; s + 4 <= n; s += 4) {
            const d0 = delta[d + s], d1 = delta[d + s + 1], d2 = delta[d + s + 2], d3 = delta[d + s + 3];
            p0 += d0 * a[u + s];
            p1 += d1 * a[u + s + 1];
            p2 += d2 * a[u + s + 2];
            p3 += d3 * a[u + s + 3];
            grad[u + s] = first ? w * d0 : grad[u + s] + w * d0;
            grad[u + s + 1] = first ? w * d1 : grad[u + s + 1] + w * d1;
            grad[u + s + 2] = first ? w * d2 : grad[u + s + 2] + w * d2;
            grad[u + s + 3] = first ? w * d3 : grad[u + s + 3] + w * d3;
          }
        } else if (slope === 0) {
          for (; s + 4 <= n; s += 4) {
            const d0 = delta[d + s], d1 = delta[d + s + 1], d2 = delta[d + s + 2], d3 = delta[d + s + 3];
            p0 += d0 * a[u + s];
            p1 += d1 * a[u + s + 1];
            p2 += d2 * a[u + s + 2];
            p3 += d3 * a[u + s + 3];
            const t0 = first ? w * d0 : grad[u + s] + w * d0;
            const t1 = first ? w * d1 : grad[u + s + 1] + w * d1;
            const t2 = first ? w * d2 : grad[u + s + 2] + w * d2;
            const t3 = first ? w * d3 : grad[u + s + 3] + w * d3;
            grad[u + s] = z[u + s] > 0 ? t0 : 0;
            grad[u + s + 1] = z[u + s + 1] > 0 ? t1 : 0;
            grad[u + s + 2] = z[u + s + 2] > 0 ? t2 : 0;
            grad[u + s + 3] = z[u + s + 3] > 0 ? t3 : 0;
          }
        } else {
          for (; s + 4 <= n; s += 4) {
            const d0 = delta[d + s], d1 = delta[d + s + 1], d2 = delta[d + s + 2], d3 = delta[d + s + 3];
            p0 += d0 * a[u + s];
            p1 += d1 * a[u + s + 1];
            p2 += d2 * a[u + s + 2];
            p3 += d3 * a[u + s + 3];
            const t0 = first ? w * d0 : grad[u + s] + w * d0;
            const t1 = first ? w * d1 : grad[u + s + 1] + w * d1;
            const t2 = first ? w * d2 : grad[u + s + 2] + w * d2;
            const t3 = first ? w * d3 : grad[u + s + 3] + w * d3;
            grad[u + s] = z[u + s] > 0 ? t0 : t0 * slope;
            grad[u + s + 1] = z[u + s + 1] > 0 ? t1 : t1 * slope;
            grad[u + s + 2] = z[u + s + 2] > 0 ? t2 : t2 * slope;
            grad[u + s + 3] = z[u + s + 3] > 0 ? t3 : t3 * slope;
          }
        }
        // The last n % 4 samples, one at a time, into the first partial sums.
        for (let lane = 0; s < n; s++, lane++) {
          const product = delta[d + s] * a[u + s];
          if (lane === 0) p0 += product;
          else if (lane === 1) p1 += product;
          else p2 += product;
          const total = first ? w * delta[d + s] : grad[u + s] + w * delta[d + s];
          if (o + 1 < outputs) grad[u + s] = total;
          else if (slope === 0) grad[u + s] = z[u + s] > 0 ? total : 0;
          else grad[u + s] = z[u + s] > 0 ? total : total * slope;
        }
        gradWeight[o * inputs + i] = (p0 + p1) + (p2 + p3);
      }
    }
  }

  /** p -= lr · p.grad. */
  descend(learningRate) {
    const { weight, gradWeight, bias, gradBias } = this;
    for (let k = 0; k < weight.length; k++) weight[k] -= learningRate * gradWeight[k];
    for (let k = 0; k < bias.length; k++) bias[k] -= learningRate * gradBias[k];
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
    /** The batch's inputs, unit-major [inputs][n]. */
    this.x = new Float64Array(0);
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

  /** Runs the batch (row-major [n][in]) forward; returns n. */
  forwardBatch(inputs) {
    const inputSize = this.sizes[0];
    const n = inputs.length / inputSize;
    if (this.x.length < inputs.length) this.x = new Float64Array(inputs.length);
    const x = this.x;
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < inputSize; i++) x[i * n + s] = inputs[s * inputSize + i];
    }
    const layers = this.layers;
    const last = layers.length - 1;
    for (let l = 0; l <= last; l++) {
      layers[l].reserve(n);
      layers[l].forward(l === 0 ? x : layers[l - 1].a, n, l < last, this.slope);
    }
    return n;
  }

  /** The network's outputs for inputs [n][in], as [n][out]. */
  forward(inputs) {
    const n = this.forwardBatch(inputs);
    const out = this.layers[this.layers.length - 1];
    const outputs = new Float64Array(n * out.outputs);
    for (let o = 0; o < out.outputs; o++) {
      for (let s = 0; s < n; s++) outputs[s * out.outputs + o] = out.z[o * n + s];
    }
    return outputs;
  }

  /** One full-batch SGD step on the mean squared error; returns the loss before the update. */
  trainStep(inputs, targets, learningRate) {
    const layers = this.layers;
    const last = layers.length - 1;
    const out = layers[last];
    const outputSize = out.outputs;
    const n = inputs.length / this.sizes[0];
    const count = n * outputSize;
    if (!Number.isInteger(n) || n === 0 || targets.length !== count) {
      throw new Error(`JsMlp.trainStep: ${inputs.length} inputs and ${targets.length} targets do not make a batch`);
    }
    this.forwardBatch(inputs);
    const scale = 2 / count;
    let squares = 0;
    for (let o = 0; o < outputSize; o++) {
      const row = o * n;
      for (let s = 0; s < n; s++) {
        const diff = out.z[row + s] - targets[s * outputSize + o];
        squares += diff * diff;
        out.delta[row + s] = scale * diff;
      }
    }
    for (let l = last; l >= 1; l--) layers[l].backward(layers[l - 1], n, this.slope);
    layers[0].gradients(this.x, n);
    for (const layer of layers) layer.descend(learningRate);
    return squares / count;
  }
}
