//! A small fully connected network trained by full-batch SGD on mean-squared error, computing
//! what PyTorch computes for `nn.Linear` layers, the hidden activation, `F.mse_loss` and
//! `p -= lr * p.grad`, to within float rounding; and the dead-unit census of its hidden layers.
//!
//! The page trains a [1, 32, 1] network on 128 points hundreds of times per animation frame, so
//! a step allocates nothing (the network keeps scratch for the largest batch it has seen) and
//! its loops run over the samples of the batch, the longest dimension, four samples at a time
//! (WebAssembly SIMD in the page, the same operations lane by lane natively: see `lanes`).
//! Every value is computed with the same operations in the same order on every platform, so
//! native and wasm builds give the same bits; each sum over the samples is taken in the order
//! of `lanes::Quad::total`.

use std::fmt;

use crate::activation::{
    leaky_relu_backward, relu_backward, sigmoid_backward_from_output, tanh_backward_from_output,
    Activation,
};
use crate::counted::Counted;
use crate::draws::Draws;

use crate::lanes::{Quad, LANES};

/// The largest layer size a network may have.
pub const MAX_SIZE: usize = 256;

/// The most Linear layers a network may have (`sizes` has one entry more).
pub const MAX_LAYERS: usize = 64;

/// How [`Mlp::initialize`] draws the weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Init {
    /// He (Kaiming) normal for ReLU: N(0, 2 / fan_in), as `torch.nn.init.kaiming_normal_` with
    /// `nonlinearity='relu'`.
    He,
    /// Xavier (Glorot) uniform: U(−a, a) with a = √(6 / (fan_in + fan_out)), as
    /// `torch.nn.init.xavier_uniform_`.
    Xavier,
    /// N(0, std²) for every weight.
    Normal {
        /// The standard deviation.
        std: f32,
    },
    /// U[−0.5, 0.5], as TensorFlow Playground initialises its weights.
    Uniform,
}

/// A refused argument. The network is left exactly as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum MlpError {
    /// `sizes` had fewer than two entries (an input size and an output size).
    TooFewSizes {
        /// Entries given.
        got: usize,
    },
    /// `sizes` had more entries than [`MAX_LAYERS`] + 1.
    TooManySizes {
        /// Entries given.
        got: usize,
    },
    /// An entry of `sizes` was 0 or larger than [`MAX_SIZE`].
    SizeOutOfRange {
        /// Its position in `sizes`.
        index: usize,
        /// Its value.
        size: usize,
    },
    /// Leaky ReLU's negative slope was NaN or infinite.
    NegativeSlope {
        /// The slope given.
        value: f32,
    },
    /// A layer index at or past the number of Linear layers.
    LayerIndex {
        /// The index given.
        index: usize,
        /// The number of Linear layers.
        layers: usize,
    },
    /// A weight array whose length is not outputs × inputs of its layer.
    WeightLength {
        /// The layer.
        layer: usize,
        /// The layer's outputs (rows of the weight).
        outputs: usize,
        /// The layer's inputs (columns of the weight).
        inputs: usize,
        /// Values given.
        got: usize,
    },
    /// A bias array whose length is not the outputs of its layer.
    BiasLength {
        /// The layer.
        layer: usize,
        /// The layer's outputs.
        expected: usize,
        /// Values given.
        got: usize,
    },
    /// Inputs whose length is not a multiple of the network's input size.
    InputsLength {
        /// Values given.
        got: usize,
        /// The network's input size.
        input_size: usize,
    },
    /// No samples where at least one is needed.
    EmptyInputs,
    /// Targets whose length is not samples × the network's output size.
    TargetsLength {
        /// Samples in the inputs.
        samples: usize,
        /// The network's output size.
        output_size: usize,
        /// Values given.
        got: usize,
    },
    /// A learning rate that is NaN or infinite.
    LearningRate {
        /// The learning rate given.
        value: f32,
    },
}

impl fmt::Display for MlpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            MlpError::TooFewSizes { got } => write!(
                f,
                "sizes must have at least 2 entries (input size, then each layer's output size, \
                 for example [1, 16, 1]), got {got}"
            ),
            MlpError::TooManySizes { got } => write!(
                f,
                "sizes may have at most {} entries ({MAX_LAYERS} layers), got {got}",
                MAX_LAYERS + 1
            ),
            MlpError::SizeOutOfRange { index, size } => write!(
                f,
                "sizes[{index}] is {size}; every size must be between 1 and {MAX_SIZE}"
            ),
            MlpError::NegativeSlope { value } => {
                write!(f, "negativeSlope must be a finite number, got {value}")
            }
            MlpError::LayerIndex { index, layers } => write!(
                f,
                "layer index {index} is out of range: this network has {}, numbered 0 to {}",
                Counted(layers, "layer"),
                layers - 1
            ),
            MlpError::WeightLength {
                layer,
                outputs,
                inputs,
                got,
            } => write!(
                f,
                "weight for layer {layer} has {}; expected {} ({} × {}, row-major [out][in])",
                Counted(got, "value"),
                outputs * inputs,
                Counted(outputs, "output"),
                Counted(inputs, "input")
            ),
            MlpError::BiasLength {
                layer,
                expected,
                got,
            } => write!(
                f,
                "bias for layer {layer} has {}; expected {expected} (one per output)",
                Counted(got, "value")
            ),
            MlpError::InputsLength { got, input_size } => write!(
                f,
                "inputs has {}, which is not a multiple of the network's input size \
                 {input_size} (inputs are row-major [n][{input_size}])",
                Counted(got, "value")
            ),
            MlpError::EmptyInputs => write!(f, "inputs is empty; at least one sample is needed"),
            MlpError::TargetsLength {
                samples,
                output_size,
                got,
            } => write!(
                f,
                "targets has {}; expected {} ({} × {})",
                Counted(got, "value"),
                samples * output_size,
                Counted(samples, "sample"),
                Counted(output_size, "output")
            ),
            MlpError::LearningRate { value } => {
                write!(f, "learningRate must be a finite number, got {value}")
            }
        }
    }
}

impl std::error::Error for MlpError {}

/// One `nn.Linear` layer: its parameters, their gradients and the batch's scratch.
///
/// The scratch is unit-major: row o of `z`, `a` and `delta` holds unit o for every sample of the
/// batch, so that every innermost loop runs over the samples, long and contiguous whatever the
/// layer's shape (the page's layers have 1 input, or 1 output).
#[derive(Clone, Debug)]
struct Layer {
    inputs: usize,
    outputs: usize,
    /// Row-major `[outputs][inputs]`, as `torch.nn.Linear.weight`.
    weight: Vec<f32>,
    bias: Vec<f32>,
    /// d loss / d weight, row-major `[outputs][inputs]`.
    grad_weight: Vec<f32>,
    grad_bias: Vec<f32>,
    /// Pre-activations z = W·x + b, `[outputs][n]`.
    z: Vec<f32>,
    /// Activations, `[outputs][n]`, in a hidden layer; unused in the linear output layer.
    a: Vec<f32>,
    /// d loss / d z, `[outputs][n]`.
    delta: Vec<f32>,
}

impl Layer {
    fn new(inputs: usize, outputs: usize) -> Layer {
        Layer {
            inputs,
            outputs,
            weight: vec![0.0; outputs * inputs],
            bias: vec![0.0; outputs],
            grad_weight: vec![0.0; outputs * inputs],
            grad_bias: vec![0.0; outputs],
            z: Vec::new(),
            a: Vec::new(),
            delta: Vec::new(),
        }
    }

    /// Makes room in the scratch for `n` samples.
    fn reserve(&mut self, n: usize) {
        let len = self.outputs * n;
        if self.z.len() < len {
            self.z.resize(len, 0.0);
            self.a.resize(len, 0.0);
            self.delta.resize(len, 0.0);
        }
    }

    /// z = (Σᵢ W[o][i]·x[i]) + b[o] for each of the `n` samples of `x` (`[inputs][n]`): the
    /// products summed in input order and then the bias, as a BLAS `addmm` with the bias as its
    /// C operand does (though PyTorch's BLAS orders its own sums); then a = activation(z) in a
    /// hidden layer (`activation` is `None` for the linear output layer).
    fn forward(&mut self, x: &[f32], n: usize, activation: Option<Activation>) {
        let (inputs, weight, bias) = (self.inputs, self.weight.as_slice(), self.bias.as_slice());
        // Index loops here and below, on slices: the size-optimised build calls the `next` of
        // chunk, zip and enumerate adapters, and a `Vec`'s indexing, rather than inlining them.
        for o in 0..self.outputs {
            let z = row_mut(&mut self.z, o, n);
            // One pass over the samples per input; the last also adds the bias and activates.
            for i in 0..inputs - 1 {
                add_products(z, weight[o * inputs + i], row(x, i, n), i == 0);
            }
            let pass = LastRow {
                w: weight[o * inputs + inputs - 1],
                x: row(x, inputs - 1, n),
                b: bias[o],
                first: inputs == 1,
            };
            let a = row_mut(&mut self.a, o, n);
            match activation {
                Some(Activation::Relu) => pass.run(z, a, Relu),
                Some(Activation::LeakyRelu(slope)) => pass.run(z, a, Leaky(Quad::splat(slope))),
                other => {
                    // Sigmoid and tanh share the linear output's kernel, then activate one
                    // sample at a time: their exponentials cost far more than a second pass.
                    pass.run(z, a, Linear);
                    if let Some(activation) = other {
                        for (a, &z) in a.iter_mut().zip(z.iter()) {
                            *a = activation.forward(z);
                        }
                    }
                }
            }
        }
    }

    /// The gradients of the first layer, whose input `x` (`[inputs][n]`) is the data: each
    /// weight's is Σₛ delta·x and each bias's Σₛ delta, each summed over the samples in the
    /// order of [`Quad::total`].
    fn gradients(&mut self, x: &[f32], n: usize) {
        let inputs = self.inputs;
        let grad_weight = self.grad_weight.as_mut_slice();
        for o in 0..self.outputs {
            let delta = row(&self.delta, o, n);
            // The first input's pass sums the bias gradient too.
            (grad_weight[o * inputs], self.grad_bias[o]) = products_and_sum(delta, row(x, 0, n));
            for i in 1..inputs {
                grad_weight[o * inputs + i] = products_and_sum(delta, row(x, i, n)).0;
            }
        }
    }

    /// The backward pass through a layer above a hidden one, `below`: this layer's gradients
    /// (as [`Layer::gradients`], with the activations below as input) and, in the same passes,
    /// the gradient at the pre-activations below: the activation's backward of
    /// Σₒ W[o][i]·delta[o], summed in output order.
    fn backward(&mut self, below: &mut Layer, n: usize, activation: Activation) {
        let (inputs, outputs) = (self.inputs, self.outputs);
        let (weight, grad_weight) = (self.weight.as_slice(), self.grad_weight.as_mut_slice());
        for o in 0..outputs {
            // Only the plain sum is wanted; one kernel for both keeps the module small.
            let delta = row(&self.delta, o, n);
            self.grad_bias[o] = products_and_sum(delta, delta).1;
        }
        for i in 0..inputs {
            let (a, z) = (row(&below.a, i, n), row(&below.z, i, n));
            let grad = row_mut(&mut below.delta, i, n);
            // One pass over the samples per output; the last also applies the activation's
            // backward.
            for o in 0..outputs {
                let pass = Pass {
                    w: weight[o * inputs + i],
                    delta: row(&self.delta, o, n),
                    a,
                    first: o == 0,
                };
                grad_weight[o * inputs + i] = if o + 1 < outputs {
                    pass.run(grad)
                } else {
                    match activation {
                        Activation::Relu => pass.run_last(grad, z, Relu),
                        Activation::LeakyRelu(slope) => {
                            pass.run_last(grad, z, Leaky(Quad::splat(slope)))
                        }
                        other => {
                            // As in the forward pass, one sample at a time after the sums.
                            let weight_grad = pass.run(grad);
                            for ((grad, &z), &a) in grad.iter_mut().zip(z).zip(a) {
                                *grad = gate(other, z, a, *grad);
                            }
                            weight_grad
                        }
                    }
                };
            }
        }
    }

    /// `p -= lr * p.grad` for the weight and the bias, as PyTorch does in `f32`. One value at a
    /// time: a layer has far fewer parameters than units × samples, so this costs little beside
    /// the passes over the samples.
    fn descend(&mut self, learning_rate: f32) {
        for (w, &g) in self.weight.iter_mut().zip(&self.grad_weight) {
            *w -= learning_rate * g;
        }
        for (b, &g) in self.bias.iter_mut().zip(&self.grad_bias) {
            *b -= learning_rate * g;
        }
    }
}

/// Row `index` of unit-major scratch with `n` samples a row.
#[inline(always)]
fn row(values: &[f32], index: usize, n: usize) -> &[f32] {
    &values[index * n..(index + 1) * n]
}

/// Row `index` of unit-major scratch with `n` samples a row, to write.
#[inline(always)]
fn row_mut(values: &mut [f32], index: usize, n: usize) -> &mut [f32] {
    &mut values[index * n..(index + 1) * n]
}

/// A row's last samples (fewer than [`LANES`]) as one quad, +0 in the lanes past its end. The
/// kernels' results in those lanes are dropped, and change no sum: see [`Quad::total`].
///
/// Each kernel's loop is a function of its own, never inlined, that its caller runs on a row's
/// whole quads and then on the padded tail: the module holds one copy of each loop. The loops
/// index their slices, cut to one length so that no index is checked, rather than zip them:
/// the size-optimised build calls the `next` of a zip of four slices for every quad.
fn padded(tail: &[f32]) -> [[f32; LANES]; 1] {
    let mut quad = [0.0; LANES];
    quad[..tail.len()].copy_from_slice(tail);
    [quad]
}

/// One of a unit's passes over the samples in the forward pass but the last:
/// z = w·x (the first input's) or z + w·x (each later input's).
fn add_products(z: &mut [f32], w: f32, x: &[f32], first: bool) {
    let w = Quad::splat(w);
    let (z_quads, z_tail) = z.as_chunks_mut::<LANES>();
    let (x_quads, x_tail) = x.as_chunks();
    add_products_quads(z_quads, w, x_quads, first);
    if !z_tail.is_empty() {
        let mut z = padded(z_tail);
        add_products_quads(&mut z, w, &padded(x_tail), first);
        z_tail.copy_from_slice(&z[0][..z_tail.len()]);
    }
}

/// [`add_products`] on whole quads.
#[inline(never)]
#[allow(clippy::needless_range_loop)] // see `padded`
fn add_products_quads(z: &mut [[f32; LANES]], w: Quad, x: &[[f32; LANES]], first: bool) {
    let x = &x[..z.len()];
    for k in 0..z.len() {
        add_product(Quad::load(&z[k]), w, Quad::load(&x[k]), first).store(&mut z[k]);
    }
}

/// `first ? w·x : sum + w·x`, the step every sum over a layer's inputs or outputs takes.
#[inline(always)]
fn add_product(sum: Quad, w: Quad, x: Quad, first: bool) -> Quad {
    if first {
        w * x
    } else {
        sum + w * x
    }
}

/// Σₛ d·x and Σₛ d over a row of samples, each in the order of [`Quad::total`].
fn products_and_sum(delta: &[f32], x: &[f32]) -> (f32, f32) {
    let (d_quads, d_tail) = delta.as_chunks::<LANES>();
    let (x_quads, x_tail) = x.as_chunks();
    let zero = Quad::splat(0.0);
    let (mut products, mut sum) = products_and_sum_quads(d_quads, x_quads, zero, zero);
    if !d_tail.is_empty() {
        (products, sum) = products_and_sum_quads(&padded(d_tail), &padded(x_tail), products, sum);
    }
    (products.total(), sum.total())
}

/// [`products_and_sum`] on whole quads, adding to the lane sums `products` and `sum`.
#[inline(never)]
#[allow(clippy::needless_range_loop)] // see `padded`
fn products_and_sum_quads(
    delta: &[[f32; LANES]],
    x: &[[f32; LANES]],
    mut products: Quad,
    mut sum: Quad,
) -> (Quad, Quad) {
    let x = &x[..delta.len()];
    for k in 0..delta.len() {
        let d = Quad::load(&delta[k]);
        products = products + d * Quad::load(&x[k]);
        sum = sum + d;
    }
    (products, sum)
}

/// A hidden activation as the kernels apply it, four samples at a time. ReLU and Leaky ReLU
/// each have a type of their own, so each gets kernels of its own that choose with masks in the
/// vector lanes: the size-optimised release build would not move a branch on the activation
/// out of a loop.
trait Gate: Copy {
    /// a = activation(z).
    fn forward(self, z: Quad) -> Quad;
    /// The gradient at z when `grad` arrives at a = activation(z), with PyTorch's backward
    /// kernels: see [`gate`].
    fn backward(self, z: Quad, a: Quad, grad: Quad) -> Quad;
}

/// ReLU: `z < 0 ? +0 : z` forward (NaN and −0 pass unchanged, as `activation::relu`), and the
/// selection `z <= 0 ? +0 : grad` backward.
#[derive(Clone, Copy)]
struct Relu;

impl Gate for Relu {
    #[inline(always)]
    fn forward(self, z: Quad) -> Quad {
        z.relu()
    }

    #[inline(always)]
    fn backward(self, z: Quad, _: Quad, grad: Quad) -> Quad {
        grad.unless_off(z)
    }
}

/// Leaky ReLU with its negative slope in every lane: `z > 0 ? z : z·slope` forward and
/// `z > 0 ? grad : grad·slope` backward.
#[derive(Clone, Copy)]
struct Leaky(Quad);

impl Gate for Leaky {
    #[inline(always)]
    fn forward(self, z: Quad) -> Quad {
        z.where_positive(z, z * self.0)
    }

    #[inline(always)]
    fn backward(self, z: Quad, _: Quad, grad: Quad) -> Quad {
        grad.where_positive(z, grad * self.0)
    }
}

/// No activation: the linear output layer's, and the first pass of sigmoid's and tanh's.
#[derive(Clone, Copy)]
struct Linear;

impl Gate for Linear {
    #[inline(always)]
    fn forward(self, z: Quad) -> Quad {
        z
    }

    #[inline(always)]
    fn backward(self, _: Quad, _: Quad, grad: Quad) -> Quad {
        grad
    }
}

/// The last pass of a unit's forward: z = (z + w·x) + b (or w·x + b when this is also the
/// first input) for every sample, then a = activation(z).
struct LastRow<'a> {
    /// The weight from the last input.
    w: f32,
    /// The last input, for every sample.
    x: &'a [f32],
    /// The unit's bias.
    b: f32,
    /// Whether the layer has one input (no sum has started).
    first: bool,
}

impl LastRow<'_> {
    /// Runs the pass with `activation`, four samples at a time.
    fn run(self, z: &mut [f32], a: &mut [f32], activation: impl Gate) {
        let (z_quads, z_tail) = z.as_chunks_mut::<LANES>();
        let (a_quads, a_tail) = a.as_chunks_mut::<LANES>();
        let (x_quads, x_tail) = self.x.as_chunks();
        self.quads(z_quads, a_quads, x_quads, activation);
        if !z_tail.is_empty() {
            let (mut z, mut a) = (padded(z_tail), [[0.0; LANES]]);
            self.quads(&mut z, &mut a, &padded(x_tail), activation);
            z_tail.copy_from_slice(&z[0][..z_tail.len()]);
            a_tail.copy_from_slice(&a[0][..a_tail.len()]);
        }
    }

    /// [`LastRow::run`] on whole quads.
    #[inline(never)]
    #[allow(clippy::needless_range_loop)] // see `padded`
    fn quads(
        &self,
        z: &mut [[f32; LANES]],
        a: &mut [[f32; LANES]],
        x: &[[f32; LANES]],
        activation: impl Gate,
    ) {
        let (w, b) = (Quad::splat(self.w), Quad::splat(self.b));
        let (a, x) = (&mut a[..z.len()], &x[..z.len()]);
        for k in 0..z.len() {
            let sum = add_product(Quad::load(&z[k]), w, Quad::load(&x[k]), self.first) + b;
            sum.store(&mut z[k]);
            activation.forward(sum).store(&mut a[k]);
        }
    }
}

/// One pass of [`Layer::backward`] over the samples, for output o and input i: the weight's
/// gradient Σₛ delta·a, and the term W[o][i]·delta of the sum reaching the unit below.
struct Pass<'a> {
    /// W[o][i].
    w: f32,
    /// d loss / d z of output o, for every sample.
    delta: &'a [f32],
    /// The activation of unit i below, for every sample.
    a: &'a [f32],
    /// Whether o is the first output (the sums start here).
    first: bool,
}

impl Pass<'_> {
    /// Adds this output's term to `grad` and returns the weight's gradient, summed in the
    /// order of [`Quad::total`].
    fn run(self, grad: &mut [f32]) -> f32 {
        let (g_quads, g_tail) = grad.as_chunks_mut::<LANES>();
        let (d_quads, d_tail) = self.delta.as_chunks();
        let (a_quads, a_tail) = self.a.as_chunks();
        let mut sums = self.quads(g_quads, d_quads, a_quads, Quad::splat(0.0));
        if !g_tail.is_empty() {
            let mut g = padded(g_tail);
            sums = self.quads(&mut g, &padded(d_tail), &padded(a_tail), sums);
            g_tail.copy_from_slice(&g[0][..g_tail.len()]);
        }
        sums.total()
    }

    /// Adds the last output's term to `grad`, turns the finished sums into the gradient at the
    /// pre-activations `z` below with `activation`'s backward, and returns the weight's
    /// gradient, summed in the order of [`Quad::total`].
    fn run_last(self, grad: &mut [f32], z: &[f32], activation: impl Gate) -> f32 {
        let (g_quads, g_tail) = grad.as_chunks_mut::<LANES>();
        let (d_quads, d_tail) = self.delta.as_chunks();
        let (a_quads, a_tail) = self.a.as_chunks();
        let (z_quads, z_tail) = z.as_chunks();
        let zero = Quad::splat(0.0);
        let mut sums = self.last_quads(g_quads, d_quads, a_quads, z_quads, activation, zero);
        if !g_tail.is_empty() {
            let (mut g, d, a, z) = (
                padded(g_tail),
                padded(d_tail),
                padded(a_tail),
                padded(z_tail),
            );
            sums = self.last_quads(&mut g, &d, &a, &z, activation, sums);
            g_tail.copy_from_slice(&g[0][..g_tail.len()]);
        }
        sums.total()
    }

    /// An output's pass but the last on whole quads, adding to the lane sums `sums`.
    #[inline(never)]
    #[allow(clippy::needless_range_loop)] // see `padded`
    fn quads(
        &self,
        grad: &mut [[f32; LANES]],
        delta: &[[f32; LANES]],
        a: &[[f32; LANES]],
        mut sums: Quad,
    ) -> Quad {
        let w = Quad::splat(self.w);
        let (delta, a) = (&delta[..grad.len()], &a[..grad.len()]);
        for k in 0..grad.len() {
            let d = Quad::load(&delta[k]);
            sums = sums + d * Quad::load(&a[k]);
            add_product(Quad::load(&grad[k]), w, d, self.first).store(&mut grad[k]);
        }
        sums
    }

    /// The last output's pass on whole quads, adding to the lane sums `sums`.
    #[inline(never)]
    #[allow(clippy::needless_range_loop)] // see `padded`
    fn last_quads(
        &self,
        grad: &mut [[f32; LANES]],
        delta: &[[f32; LANES]],
        a: &[[f32; LANES]],
        z: &[[f32; LANES]],
        activation: impl Gate,
        mut sums: Quad,
    ) -> Quad {
        let w = Quad::splat(self.w);
        let len = grad.len();
        let (delta, a, z) = (&delta[..len], &a[..len], &z[..len]);
        for k in 0..len {
            let (d, a) = (Quad::load(&delta[k]), Quad::load(&a[k]));
            sums = sums + d * a;
            let total = add_product(Quad::load(&grad[k]), w, d, self.first);
            activation
                .backward(Quad::load(&z[k]), a, total)
                .store(&mut grad[k]);
        }
        sums
    }
}

/// The gradient at a hidden unit's pre-activation `z` (activation `a`) when `grad` arrives at
/// its activation, with PyTorch's backward kernels. ReLU's is a selection (`z <= 0 ? 0 :
/// grad`), never a product, so a unit that is off gets exactly 0 even from a NaN or infinite
/// upstream gradient. Sigmoid's and tanh's are computed from the forward output, as PyTorch's
/// `sigmoid_backward` and `tanh_backward` are.
fn gate(activation: Activation, z: f32, a: f32, grad: f32) -> f32 {
    match activation {
        Activation::Relu => relu_backward(z, grad),
        Activation::LeakyRelu(slope) => leaky_relu_backward(z, grad, slope),
        Activation::Sigmoid => sigmoid_backward_from_output(a, grad),
        Activation::Tanh => tanh_backward_from_output(a, grad),
    }
}

/// A fully connected network: Linear layers with `activation` between them and a linear output.
#[derive(Clone, Debug)]
pub struct Mlp {
    sizes: Vec<usize>,
    activation: Activation,
    layers: Vec<Layer>,
    /// The batch's inputs, unit-major `[inputs][n]` like the layers' scratch.
    inputs: Vec<f32>,
}

impl Mlp {
    /// A network with layer sizes `sizes` (input size first, for example `[1, 16, 1]`) and
    /// `activation` after every hidden layer. Every weight and bias is 0 until
    /// [`Mlp::initialize`] or [`Mlp::set_layer`].
    pub fn new(sizes: &[usize], activation: Activation) -> Result<Mlp, MlpError> {
        if sizes.len() < 2 {
            return Err(MlpError::TooFewSizes { got: sizes.len() });
        }
        if sizes.len() > MAX_LAYERS + 1 {
            return Err(MlpError::TooManySizes { got: sizes.len() });
        }
        if let Some((index, &size)) = sizes
            .iter()
            .enumerate()
            .find(|(_, &s)| s == 0 || s > MAX_SIZE)
        {
            return Err(MlpError::SizeOutOfRange { index, size });
        }
        if let Activation::LeakyRelu(slope) = activation {
            if !slope.is_finite() {
                return Err(MlpError::NegativeSlope { value: slope });
            }
        }
        Ok(Mlp {
            sizes: sizes.to_vec(),
            activation,
            layers: sizes.windows(2).map(|s| Layer::new(s[0], s[1])).collect(),
            inputs: Vec::new(),
        })
    }

    /// The layer sizes, input size first.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// The hidden layers' activation.
    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// The number of Linear layers (`sizes().len() - 1`).
    pub fn layer_count(&self) -> usize {
        self.layers.len()
    }

    fn layer(&self, i: usize) -> Result<&Layer, MlpError> {
        self.layers.get(i).ok_or(MlpError::LayerIndex {
            index: i,
            layers: self.layers.len(),
        })
    }

    /// Layer `i`'s weight, row-major `[out][in]` like `torch.nn.Linear.weight`.
    pub fn weight(&self, i: usize) -> Result<&[f32], MlpError> {
        Ok(&self.layer(i)?.weight)
    }

    /// Layer `i`'s bias, one value per output.
    pub fn bias(&self, i: usize) -> Result<&[f32], MlpError> {
        Ok(&self.layer(i)?.bias)
    }

    /// Replaces layer `i`'s weight (row-major `[out][in]`) and bias. Both are checked before
    /// anything changes.
    pub fn set_layer(&mut self, i: usize, weight: &[f32], bias: &[f32]) -> Result<(), MlpError> {
        let layer = self.layer(i)?;
        if weight.len() != layer.weight.len() {
            return Err(MlpError::WeightLength {
                layer: i,
                outputs: layer.outputs,
                inputs: layer.inputs,
                got: weight.len(),
            });
        }
        if bias.len() != layer.bias.len() {
            return Err(MlpError::BiasLength {
                layer: i,
                expected: layer.bias.len(),
                got: bias.len(),
            });
        }
        let layer = &mut self.layers[i];
        layer.weight.copy_from_slice(weight);
        layer.bias.copy_from_slice(bias);
        Ok(())
    }

    /// Draws every weight from `init` with a generator seeded by `seed`, layer by layer in
    /// row-major order, and sets every bias to `bias_init`. The same seed gives the same bits on
    /// every platform, wasm32 included: the generator is PCG32 (`rand_pcg`) seeded through
    /// `SeedableRng::seed_from_u64`, and every draw is computed with exactly rounded operations
    /// and the pure-Rust `libm` logarithm rather than the platform's.
    ///
    /// `std` and `bias_init` are used as given; a caller that takes them from a person checks
    /// that they are finite (the JS API does).
    pub fn initialize(&mut self, init: Init, seed: u64, bias_init: f32) {
        let mut draws = Draws::new(seed);
        for layer in &mut self.layers {
            let fan_in = layer.inputs as f64;
            let fan_out = layer.outputs as f64;
            for w in &mut layer.weight {
                *w = match init {
                    Init::He => draws.normal() * (2.0 / fan_in).sqrt(),
                    Init::Xavier => {
                        let a = (6.0 / (fan_in + fan_out)).sqrt();
                        a * (2.0 * draws.unit() - 1.0)
                    }
                    Init::Normal { std } => draws.normal() * f64::from(std),
                    Init::Uniform => draws.unit() - 0.5,
                } as f32;
            }
            layer.bias.fill(bias_init);
        }
    }

    /// How many samples `inputs` holds, or why it is refused.
    fn samples(&self, inputs: &[f32]) -> Result<usize, MlpError> {
        let input_size = self.sizes[0];
        if !inputs.len().is_multiple_of(input_size) {
            return Err(MlpError::InputsLength {
                got: inputs.len(),
                input_size,
            });
        }
        Ok(inputs.len() / input_size)
    }

    /// Runs the `n` samples of `inputs` forward, leaving every layer's z and a in its scratch.
    /// The scratch grows to the largest batch seen and is reused after that, so that training
    /// allocates nothing.
    fn forward_batch(&mut self, inputs: &[f32], n: usize) {
        let input_size = self.sizes[0];
        if self.inputs.len() < input_size * n {
            self.inputs.resize(input_size * n, 0.0);
        }
        for layer in &mut self.layers {
            layer.reserve(n);
        }
        if n == 0 {
            return;
        }
        // Index loops, as in `Layer::forward`.
        let columns = &mut self.inputs[..input_size * n];
        for s in 0..n {
            for i in 0..input_size {
                columns[i * n + s] = inputs[s * input_size + i];
            }
        }
        let last = self.layers.len() - 1;
        for l in 0..=last {
            let (below, rest) = self.layers.split_at_mut(l);
            let x = below.last().map_or(&self.inputs[..], |b| &b.a[..]);
            let activation = (l < last).then_some(self.activation);
            rest[0].forward(x, n, activation);
        }
    }

    /// The network's outputs for `inputs` (row-major `[n][in]`), row-major `[n][out]`. No
    /// samples give no outputs.
    pub fn forward(&mut self, inputs: &[f32]) -> Result<Vec<f32>, MlpError> {
        let n = self.samples(inputs)?;
        self.forward_batch(inputs, n);
        let output = &self.layers[self.layers.len() - 1];
        Ok(sample_major(&output.z, output.outputs, n))
    }

    fn output_size(&self) -> usize {
        self.sizes[self.sizes.len() - 1]
    }

    /// Every hidden layer's post-activation values for `inputs`, each row-major `[n][units]`.
    pub fn hidden_activations(&mut self, inputs: &[f32]) -> Result<Vec<Vec<f32>>, MlpError> {
        self.hidden_values(inputs, |layer| &layer.a)
    }

    /// Every hidden layer's pre-activation values z = W·x + b for `inputs`, each row-major
    /// `[n][units]`.
    pub fn hidden_preactivations(&mut self, inputs: &[f32]) -> Result<Vec<Vec<f32>>, MlpError> {
        self.hidden_values(inputs, |layer| &layer.z)
    }

    fn hidden_values(
        &mut self,
        inputs: &[f32],
        values: fn(&Layer) -> &[f32],
    ) -> Result<Vec<Vec<f32>>, MlpError> {
        let n = self.samples(inputs)?;
        self.forward_batch(inputs, n);
        let hidden = &self.layers[..self.layers.len() - 1];
        Ok(hidden
            .iter()
            .map(|layer| sample_major(values(layer), layer.outputs, n))
            .collect())
    }

    /// The dead-unit census: one entry per hidden unit, layer by layer, true where that unit's
    /// pre-activation is ≤ 0 for every sample of `inputs`. For ReLU those are exactly the units
    /// that get no gradient from these inputs. A NaN pre-activation is not ≤ 0, so a unit
    /// that produces one is not counted dead (ReLU's backward passes its gradient on).
    pub fn dead_units(&mut self, inputs: &[f32]) -> Result<Vec<bool>, MlpError> {
        let n = self.samples(inputs)?;
        if n == 0 {
            return Err(MlpError::EmptyInputs);
        }
        self.forward_batch(inputs, n);
        let hidden = &self.layers[..self.layers.len() - 1];
        Ok(hidden
            .iter()
            .flat_map(|layer| layer.z.chunks_exact(n).take(layer.outputs))
            .map(|unit| unit.iter().all(|&z| z <= 0.0))
            .collect())
    }

    /// Checks a batch for [`Mlp::backward`] and returns its sample count.
    fn batch(&self, inputs: &[f32], targets: &[f32]) -> Result<usize, MlpError> {
        let samples = self.samples(inputs)?;
        if samples == 0 {
            return Err(MlpError::EmptyInputs);
        }
        let output_size = self.output_size();
        if targets.len() != samples * output_size {
            return Err(MlpError::TargetsLength {
                samples,
                output_size,
                got: targets.len(),
            });
        }
        Ok(samples)
    }

    /// `loss = F.mse_loss(net(inputs), targets); loss.backward()`: returns the loss (the mean
    /// over all n × out outputs) and leaves d loss / d parameter in [`Mlp::weight_grad`] and
    /// [`Mlp::bias_grad`], replacing the previous gradients (they are not accumulated across
    /// calls). The parameters do not change.
    pub fn backward(&mut self, inputs: &[f32], targets: &[f32]) -> Result<f32, MlpError> {
        let n = self.batch(inputs, targets)?;
        self.forward_batch(inputs, n);
        let output_size = self.output_size();
        let count = n * output_size;
        // PyTorch's `mse_loss_backward` scales (y − t) by 2 / numel computed in double and then
        // converted to the tensor's type.
        let scale = (2.0 / count as f64) as f32;
        // The loss's sum is kept in f64, nearer the exact sum than any f32 order (PyTorch's
        // reduction is a cascade sum, also more accurate than a running f32 sum).
        let mut squares = 0.0_f64;
        let last = self.layers.len() - 1;
        let output = &mut self.layers[last];
        for o in 0..output_size {
            let (delta, y) = (row_mut(&mut output.delta, o, n), row(&output.z, o, n));
            // Sample s's target is targets[s * output_size + o].
            let mut t = o;
            for (d, &y) in delta.iter_mut().zip(y) {
                let diff = y - targets[t];
                squares += f64::from(diff * diff);
                *d = scale * diff;
                t += output_size;
            }
        }
        for l in (1..=last).rev() {
            let (below, rest) = self.layers.split_at_mut(l);
            rest[0].backward(&mut below[l - 1], n, self.activation);
        }
        self.layers[0].gradients(&self.inputs, n);
        Ok((squares / count as f64) as f32)
    }

    /// Layer `i`'s weight gradient from the last [`Mlp::backward`] or [`Mlp::train_step`],
    /// row-major `[out][in]` like `weight.grad`; zeros before the first.
    pub fn weight_grad(&self, i: usize) -> Result<&[f32], MlpError> {
        Ok(&self.layer(i)?.grad_weight)
    }

    /// Layer `i`'s bias gradient from the last [`Mlp::backward`] or [`Mlp::train_step`]; zeros
    /// before the first.
    pub fn bias_grad(&self, i: usize) -> Result<&[f32], MlpError> {
        Ok(&self.layer(i)?.grad_bias)
    }

    /// One full-batch plain SGD step on mean-squared error: [`Mlp::backward`], then
    /// `p -= learning_rate * p.grad` for every parameter. Returns the loss before the update.
    /// Allocates nothing once the network has seen a batch this large. A refused argument
    /// leaves the network unchanged.
    pub fn train_step(
        &mut self,
        inputs: &[f32],
        targets: &[f32],
        learning_rate: f32,
    ) -> Result<f32, MlpError> {
        if !learning_rate.is_finite() {
            return Err(MlpError::LearningRate {
                value: learning_rate,
            });
        }
        let loss = self.backward(inputs, targets)?;
        for layer in &mut self.layers {
            layer.descend(learning_rate);
        }
        Ok(loss)
    }
}

/// Unit-major `[units][n]` scratch (of at least that length) as row-major `[n][units]`.
fn sample_major(values: &[f32], units: usize, n: usize) -> Vec<f32> {
    (0..n * units)
        .map(|k| values[(k % units) * n + k / units])
        .collect()
}
