//! A small fully connected network trained by full-batch SGD on mean-squared error, computing
//! what PyTorch computes for `nn.Linear` layers, the hidden activation, `F.mse_loss` and
//! `p -= lr * p.grad`, to within float rounding; and the dead-unit census of its hidden layers.
//!
//! The page trains a [1, 32, 1] network on 128 points hundreds of times per animation frame, so
//! a step allocates nothing: every buffer belongs to the network from its construction. Samples
//! go through forward and backward one at a time (the gradients of a full batch are sums over
//! samples), so the scratch space is one row per layer whatever the batch size.

use std::fmt;

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg32;

use crate::activation::{
    leaky_relu, leaky_relu_backward, sigmoid_backward_from_output, tanh_backward_from_output,
    Activation,
};

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
                "layer index {index} is out of range: this network has {layers} layers, \
                 numbered 0 to {}",
                layers - 1
            ),
            MlpError::WeightLength {
                layer,
                outputs,
                inputs,
                got,
            } => write!(
                f,
                "weight for layer {layer} has {got} values; expected {} ({outputs} outputs × \
                 {inputs} inputs, row-major [out][in])",
                outputs * inputs
            ),
            MlpError::BiasLength {
                layer,
                expected,
                got,
            } => write!(
                f,
                "bias for layer {layer} has {got} values; expected {expected} (one per output)"
            ),
            MlpError::InputsLength { got, input_size } => write!(
                f,
                "inputs has {got} values, which is not a multiple of the network's input size \
                 {input_size} (inputs are row-major [n][{input_size}])"
            ),
            MlpError::EmptyInputs => write!(f, "inputs is empty; at least one sample is needed"),
            MlpError::TargetsLength {
                samples,
                output_size,
                got,
            } => write!(
                f,
                "targets has {got} values; expected {} ({samples} samples × {output_size} outputs)",
                samples * output_size
            ),
            MlpError::LearningRate { value } => {
                write!(f, "learningRate must be a finite number, got {value}")
            }
        }
    }
}

impl std::error::Error for MlpError {}

/// One `nn.Linear` layer: its parameters, their gradients and one sample's worth of scratch.
#[derive(Clone, Debug)]
struct Layer {
    inputs: usize,
    outputs: usize,
    /// Row-major `[outputs][inputs]`, as `torch.nn.Linear.weight`.
    weight: Vec<f32>,
    bias: Vec<f32>,
    /// Whether the kernels run over `weight_t` (`[inputs][outputs]`) rather than `weight`: they
    /// make their innermost loop the longer of the two dimensions, so that a layer with one
    /// input (or one output) still runs long contiguous loops. Both orders add the same
    /// products in the same order, so the results are the same bits.
    transposed: bool,
    /// `weight` transposed when `transposed`, else empty; kept equal to `weight` at all times.
    weight_t: Vec<f32>,
    /// d loss / d weight, in the kernels' layout (`[inputs][outputs]` when `transposed`).
    grad_weight: Vec<f32>,
    grad_bias: Vec<f32>,
    /// The current sample's pre-activations z = W·x + b.
    z: Vec<f32>,
    /// The current sample's activations in a hidden layer; unused in the output layer, which is
    /// linear.
    a: Vec<f32>,
    /// d loss / d z for the current sample.
    delta: Vec<f32>,
}

impl Layer {
    fn new(inputs: usize, outputs: usize) -> Layer {
        let transposed = outputs > inputs;
        Layer {
            inputs,
            outputs,
            weight: vec![0.0; outputs * inputs],
            bias: vec![0.0; outputs],
            transposed,
            weight_t: if transposed {
                vec![0.0; outputs * inputs]
            } else {
                Vec::new()
            },
            grad_weight: vec![0.0; outputs * inputs],
            grad_bias: vec![0.0; outputs],
            z: vec![0.0; outputs],
            a: vec![0.0; outputs],
            delta: vec![0.0; outputs],
        }
    }

    /// Rebuilds `weight_t` from `weight` after `weight` was replaced.
    fn sync_transpose(&mut self) {
        if self.transposed {
            for (o, row) in self.weight.chunks_exact(self.inputs).enumerate() {
                for (i, &w) in row.iter().enumerate() {
                    self.weight_t[i * self.outputs + o] = w;
                }
            }
        }
    }

    /// z = (Σᵢ W[o][i]·x[i]) + b[o], the products summed in input order and then the bias (as
    /// a BLAS `addmm` with the bias as its C operand does, though PyTorch's BLAS orders its own
    /// sums), and a = activation(z) in a hidden layer (`activation` is `None` for the linear
    /// output layer).
    fn forward(&mut self, x: &[f32], activation: Option<Activation>) {
        let (inputs, outputs) = (self.inputs, self.outputs);
        if self.transposed {
            // One pass over the outputs per input; the last also adds the bias and activates.
            let z = &mut self.z[..];
            let (rows, last) = self.weight_t.split_at(outputs * (inputs - 1));
            let mut rows = x.iter().zip(rows.chunks_exact(outputs));
            if let Some((&x0, w)) = rows.next() {
                for (z, &w) in z.iter_mut().zip(w) {
                    *z = w * x0;
                }
            }
            for (&xi, w) in rows {
                for (z, &w) in z.iter_mut().zip(w) {
                    *z += w * xi;
                }
            }
            let pass = LastRow {
                w: last,
                x: x[inputs - 1],
                bias: &self.bias,
                first: inputs == 1,
            };
            let a = &mut self.a[..];
            match activation {
                Some(Activation::Relu) => pass.run(z, a, relu_on_bits),
                Some(Activation::LeakyRelu(slope)) => pass.run(z, a, |z| leaky_relu(z, slope)),
                other => pass.run(z, a, |z| other.map_or(z, |act| act.forward(z))),
            }
        } else {
            let rows = self.weight.chunks_exact(inputs).zip(&self.bias);
            for (z, (w, &b)) in self.z.iter_mut().zip(rows) {
                let mut sum = w[0] * x[0];
                for (&w, &xi) in w[1..].iter().zip(&x[1..]) {
                    sum += w * xi;
                }
                *z = sum + b;
            }
            if let Some(activation) = activation {
                let (z, a) = (&self.z[..], &mut self.a[..]);
                match activation {
                    Activation::Relu => map_into(z, a, relu_on_bits),
                    Activation::LeakyRelu(slope) => map_into(z, a, |z| leaky_relu(z, slope)),
                    other => map_into(z, a, |z| other.forward(z)),
                }
            }
        }
    }

    /// The backward pass of one sample through this layer, `delta` (d loss / d z) given: adds
    /// delta ⊗ x and delta to the gradients and, when the layer below is hidden (its
    /// activations are `x`), leaves in `below.delta` the gradient at its pre-activations: the
    /// activation's backward of Σₒ W[o][i]·delta[o], summed in output order.
    fn backward(&mut self, x: &[f32], below: Option<Below>, activation: Activation) {
        let (inputs, outputs) = (self.inputs, self.outputs);
        let delta = &self.delta[..];
        if self.transposed {
            // One pass over the outputs per input, the first adding the bias gradient too.
            let (first, rows) = self.grad_weight.split_at_mut(outputs);
            let x0 = x[0];
            let units = first.iter_mut().zip(&mut self.grad_bias).zip(delta);
            for ((g, gb), &d) in units {
                *g += d * x0;
                *gb += d;
            }
            for (&xi, g) in x[1..].iter().zip(rows.chunks_exact_mut(outputs)) {
                for (g, &d) in g.iter_mut().zip(delta) {
                    *g += d * xi;
                }
            }
            if let Some(below) = below {
                let rows = self.weight_t.chunks_exact(outputs);
                for (grad, w) in below.delta.iter_mut().zip(rows) {
                    let mut sum = w[0] * delta[0];
                    for (&w, &d) in w[1..].iter().zip(&delta[1..]) {
                        sum += w * d;
                    }
                    *grad = sum;
                }
                gate(activation, below.z, x, below.delta);
            }
        } else {
            // One pass over the inputs per output, for the weight gradient and the sums at once;
            // the last pass also applies the activation's backward.
            let mut below = below;
            let rows = self.grad_weight.chunks_exact_mut(inputs);
            let rows = rows.zip(self.weight.chunks_exact(inputs));
            for (o, ((g, w), (&d, gb))) in
                rows.zip(delta.iter().zip(&mut self.grad_bias)).enumerate()
            {
                *gb += d;
                let (first, last) = (o == 0, o + 1 == outputs);
                match &mut below {
                    None => {
                        for (g, &xi) in g.iter_mut().zip(x) {
                            *g += d * xi;
                        }
                    }
                    Some(below) if !last => {
                        let units = g.iter_mut().zip(x).zip(w).zip(below.delta.iter_mut());
                        for (((g, &xi), &w), grad) in units {
                            *g += d * xi;
                            *grad = if first { w * d } else { *grad + w * d };
                        }
                    }
                    Some(below) => {
                        let below = (&mut *below.delta, below.z);
                        let pass = LastPass { x, w, d, first };
                        match activation {
                            Activation::Relu => {
                                pass.run(g, below, |z, _, g| relu_backward_on_bits(z, g))
                            }
                            Activation::LeakyRelu(slope) => {
                                pass.run(g, below, |z, _, g| leaky_relu_backward(z, g, slope))
                            }
                            other => pass.run(g, below, |z, a, g| gate_one(other, z, a, g)),
                        }
                    }
                }
            }
        }
    }

    /// `p -= lr * p.grad` for the weight and the bias, as PyTorch does in `f32`.
    fn descend(&mut self, learning_rate: f32) {
        if self.transposed {
            for (o, row) in self.weight.chunks_exact_mut(self.inputs).enumerate() {
                for (i, w) in row.iter_mut().enumerate() {
                    let t = i * self.outputs + o;
                    *w -= learning_rate * self.grad_weight[t];
                    self.weight_t[t] = *w;
                }
            }
        } else {
            for (w, &g) in self.weight.iter_mut().zip(&self.grad_weight) {
                *w -= learning_rate * g;
            }
        }
        for (b, &g) in self.bias.iter_mut().zip(&self.grad_bias) {
            *b -= learning_rate * g;
        }
    }
}

/// The hidden layer under the one being back-propagated: where the gradient at its
/// pre-activations goes, and those pre-activations.
struct Below<'a> {
    delta: &'a mut [f32],
    z: &'a [f32],
}

/// The last pass of a transposed layer's forward: z = (z + w·x) + b (or w·x + b when this is
/// also the first input), then a = activation(z).
struct LastRow<'a> {
    /// The last input's weights, one per output.
    w: &'a [f32],
    /// The last input.
    x: f32,
    bias: &'a [f32],
    /// Whether the layer has one input (no sum has started).
    first: bool,
}

impl LastRow<'_> {
    /// Runs the pass with `activation`. ReLU and Leaky ReLU each get an instance of their own
    /// (rather than a branch per element: this is training's hot path, and the size-optimised
    /// release build does not move a branch out of a loop); sigmoid and tanh, whose
    /// exponentials cost far more than a branch, share one.
    #[inline(always)]
    fn run(self, z: &mut [f32], a: &mut [f32], activation: impl Fn(f32) -> f32) {
        let x = self.x;
        for (((z, a), &w), &b) in z.iter_mut().zip(a).zip(self.w).zip(self.bias) {
            let sum = if self.first { w * x } else { *z + w * x };
            *z = sum + b;
            *a = activation(*z);
        }
    }
}

/// a = activation(z) over a layer's units (instances as for [`LastRow::run`]).
#[inline(always)]
fn map_into(z: &[f32], a: &mut [f32], activation: impl Fn(f32) -> f32) {
    for (a, &z) in a.iter_mut().zip(z) {
        *a = activation(z);
    }
}

/// The last pass over one output's row in a non-transposed layer's backward: the weight
/// gradient, the last term of each sum reaching the hidden layer below, and the activation's
/// backward of the finished sum.
struct LastPass<'a> {
    /// The layer's input: the activations of the layer below.
    x: &'a [f32],
    /// The output's weight row.
    w: &'a [f32],
    /// d loss / d z of the output.
    d: f32,
    /// Whether this is also the first output (the sums start here).
    first: bool,
}

impl LastPass<'_> {
    /// Runs the pass over the weight gradient row `g` and the layer below's (gradient,
    /// pre-activation) arrays with the activation's backward `gate(z, a, grad)` (instances as
    /// for [`LastRow::run`]).
    #[inline(always)]
    fn run(
        self,
        g: &mut [f32],
        (grad, z): (&mut [f32], &[f32]),
        gate: impl Fn(f32, f32, f32) -> f32,
    ) {
        let d = self.d;
        let units = g.iter_mut().zip(self.x).zip(self.w).zip(grad).zip(z);
        for ((((g, &a), &w), grad), &z) in units {
            *g += d * a;
            let sum = if self.first { w * d } else { *grad + w * d };
            *grad = gate(z, a, sum);
        }
    }
}

/// `activation::relu` (`x < 0 ? +0 : x`, the same bits for every input), with the choice made
/// on the integer bits: x < 0 exactly when they are those of a negative number other than −0
/// and NaN. Chromium compiles the float `select` of `x < 0 ? 0 : x` into slower code than this
/// integer one: it made training a ReLU net a third slower than a Leaky ReLU one.
#[inline(always)]
fn relu_on_bits(x: f32) -> f32 {
    let bits = x.to_bits();
    let negative = bits.wrapping_sub(0x8000_0001) < 0x7f80_0000;
    f32::from_bits(if negative { 0 } else { bits })
}

/// `activation::relu_backward` (`x <= 0 ? +0 : grad`), with the choice made on the integer
/// bits, as in [`relu_on_bits`]. Still a selection, never a product: a NaN or infinite `grad`
/// gives exactly +0 where x ≤ 0.
#[inline(always)]
fn relu_backward_on_bits(x: f32, grad: f32) -> f32 {
    f32::from_bits(if x <= 0.0 { 0 } else { grad.to_bits() })
}

/// Turns `grad`, the gradient at a hidden layer's activations `a` = activation(`z`), into the
/// gradient at `z`, with PyTorch's backward kernels. ReLU's is a selection (`z <= 0 ? 0 :
/// grad`), never a product, so a unit that is off gets exactly 0 even from a NaN or infinite
/// upstream gradient. Sigmoid's and tanh's are computed from the forward output, as PyTorch's
/// `sigmoid_backward` and `tanh_backward` are.
fn gate(activation: Activation, z: &[f32], a: &[f32], grad: &mut [f32]) {
    let units = grad.iter_mut().zip(z).zip(a);
    // ReLU and Leaky ReLU get loops of their own, as in `Layer::forward`.
    match activation {
        Activation::Relu => units.for_each(|((g, &z), _)| *g = relu_backward_on_bits(z, *g)),
        Activation::LeakyRelu(slope) => {
            units.for_each(|((g, &z), _)| *g = leaky_relu_backward(z, *g, slope))
        }
        other => units.for_each(|((g, &z), &a)| *g = gate_one(other, z, a, *g)),
    }
}

/// [`gate`] for one unit.
fn gate_one(activation: Activation, z: f32, a: f32, grad: f32) -> f32 {
    match activation {
        Activation::Relu => relu_backward_on_bits(z, grad),
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
        layer.sync_transpose();
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
            layer.sync_transpose();
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

    /// Runs one sample `x` forward, leaving every layer's z and a in its scratch.
    fn forward_sample(&mut self, x: &[f32]) {
        let last = self.layers.len() - 1;
        for l in 0..=last {
            let (below, rest) = self.layers.split_at_mut(l);
            let activation = (l < last).then_some(self.activation);
            rest[0].forward(below.last().map_or(x, |b| &b.a), activation);
        }
    }

    /// The network's outputs for `inputs` (row-major `[n][in]`), row-major `[n][out]`. No
    /// samples give no outputs.
    pub fn forward(&mut self, inputs: &[f32]) -> Result<Vec<f32>, MlpError> {
        let n = self.samples(inputs)?;
        let mut outputs = Vec::with_capacity(n * self.output_size());
        for x in inputs.chunks_exact(self.sizes[0]) {
            self.forward_sample(x);
            outputs.extend_from_slice(&self.output_layer().z);
        }
        Ok(outputs)
    }

    fn output_size(&self) -> usize {
        self.sizes[self.sizes.len() - 1]
    }

    fn output_layer(&self) -> &Layer {
        &self.layers[self.layers.len() - 1]
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
        let hidden = self.layers.len() - 1;
        let mut out: Vec<Vec<f32>> = self.layers[..hidden]
            .iter()
            .map(|layer| Vec::with_capacity(n * layer.outputs))
            .collect();
        for x in inputs.chunks_exact(self.sizes[0]) {
            self.forward_sample(x);
            for (rows, layer) in out.iter_mut().zip(&self.layers) {
                rows.extend_from_slice(values(layer));
            }
        }
        Ok(out)
    }

    /// The dead-unit census: one entry per hidden unit, layer by layer, true where that unit's
    /// pre-activation is ≤ 0 for every sample of `inputs`. For ReLU those are exactly the units
    /// that get no gradient from these inputs. A NaN pre-activation is not ≤ 0, so a unit
    /// that produces one is not counted dead (ReLU's backward passes its gradient on).
    pub fn dead_units(&mut self, inputs: &[f32]) -> Result<Vec<bool>, MlpError> {
        if self.samples(inputs)? == 0 {
            return Err(MlpError::EmptyInputs);
        }
        let hidden = self.layers.len() - 1;
        let mut dead = vec![true; self.sizes[1..=hidden].iter().sum()];
        for x in inputs.chunks_exact(self.sizes[0]) {
            self.forward_sample(x);
            let mut first = 0;
            for layer in &self.layers[..hidden] {
                let units = &mut dead[first..first + layer.outputs];
                for (dead, &z) in units.iter_mut().zip(&layer.z) {
                    *dead &= z <= 0.0;
                }
                first += layer.outputs;
            }
        }
        Ok(dead)
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
        let samples = self.batch(inputs, targets)?;
        for layer in &mut self.layers {
            layer.grad_weight.fill(0.0);
            layer.grad_bias.fill(0.0);
        }
        let output_size = self.output_size();
        let count = samples * output_size;
        // PyTorch's `mse_loss_backward` scales (y − t) by 2 / numel computed in double and then
        // converted to the tensor's type.
        let scale = (2.0 / count as f64) as f32;
        // The loss's sum is kept in f64, nearer the exact sum than any f32 order (PyTorch's
        // reduction is a cascade sum, also more accurate than a running f32 sum).
        let mut squares = 0.0_f64;
        let last = self.layers.len() - 1;
        for (x, t) in inputs
            .chunks_exact(self.sizes[0])
            .zip(targets.chunks_exact(output_size))
        {
            self.forward_sample(x);
            let output = &mut self.layers[last];
            for ((d, &y), &t) in output.delta.iter_mut().zip(&output.z).zip(t) {
                let diff = y - t;
                squares += f64::from(diff * diff);
                *d = scale * diff;
            }
            for l in (0..=last).rev() {
                let (below, rest) = self.layers.split_at_mut(l);
                match below.last_mut() {
                    None => rest[0].backward(x, None, self.activation),
                    Some(Layer { a, z, delta, .. }) => {
                        let below = Below { delta, z };
                        rest[0].backward(a, Some(below), self.activation);
                    }
                }
            }
        }
        Ok((squares / count as f64) as f32)
    }

    /// Layer `i`'s weight gradient from the last [`Mlp::backward`] or [`Mlp::train_step`],
    /// row-major `[out][in]` like `weight.grad`; zeros before the first.
    pub fn weight_grad(&self, i: usize) -> Result<Vec<f32>, MlpError> {
        let layer = self.layer(i)?;
        if !layer.transposed {
            return Ok(layer.grad_weight.clone());
        }
        let mut grad = vec![0.0; layer.grad_weight.len()];
        for (o, row) in grad.chunks_exact_mut(layer.inputs).enumerate() {
            for (i, g) in row.iter_mut().enumerate() {
                *g = layer.grad_weight[i * layer.outputs + o];
            }
        }
        Ok(grad)
    }

    /// Layer `i`'s bias gradient from the last [`Mlp::backward`] or [`Mlp::train_step`]; zeros
    /// before the first.
    pub fn bias_grad(&self, i: usize) -> Result<&[f32], MlpError> {
        Ok(&self.layer(i)?.grad_bias)
    }

    /// One full-batch plain SGD step on mean-squared error: [`Mlp::backward`], then
    /// `p -= learning_rate * p.grad` for every parameter. Returns the loss before the update.
    /// Allocates nothing. A refused argument leaves the network unchanged.
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

/// The random draws of [`Mlp::initialize`]: uniform and standard normal `f64`s from PCG32.
struct Draws {
    rng: Pcg32,
    /// The polar method makes normals in pairs; the second waits here.
    spare: Option<f64>,
}

impl Draws {
    fn new(seed: u64) -> Draws {
        Draws {
            rng: Pcg32::seed_from_u64(seed),
            spare: None,
        }
    }

    /// Uniform on [0, 1): 53 random bits, exactly representable.
    fn unit(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal by Marsaglia's polar method (Box–Muller without the sine and cosine):
    /// a point uniform in the unit disc, scaled by √(−2 ln s / s). `rand_distr`'s ziggurat
    /// tables would cost the page several kilobytes of wasm; this costs one logarithm.
    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let u = 2.0 * self.unit() - 1.0;
            let v = 2.0 * self.unit() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let scale = (-2.0 * libm::log(s) / s).sqrt();
                self.spare = Some(v * scale);
                return u * scale;
            }
        }
    }
}
