//! "No upper limit": the size of activations through depth, for a chosen weight scale.
//!
//! A fully connected net of width n, zero biases, weights i.i.d. N(0, g²/n) (g the gain; He
//! initialisation is g = √2) and inputs of mean square q₀. A pre-activation of layer l is a sum
//! of n terms w·a, so, whatever the activation, its mean square is g² times the mean square of
//! the activations below; and for width → ∞ it is Gaussian. So the mean square of layer l's
//! activations is m_l = E[φ(z)²] with z ~ N(0, g²·m_{l−1}), m₀ = q₀:
//!
//! - ReLU: E[relu(z)²] = Var(z)/2, so m_l = (g²/2)·m_{l−1}: the RMS is multiplied by g/√2 per
//!   layer, steady only at He's gain, growing or shrinking geometrically otherwise. For ReLU
//!   this holds at any width, in expectation: E[relu(z)²] = Var(z)/2 needs only a symmetric z.
//! - Leaky ReLU with slope a: m_l = (g²·(1 + a²)/2)·m_{l−1}.
//! - tanh and sigmoid: bounded (|tanh| ≤ 1, 0 ≤ sigmoid ≤ 1) whatever the gain; no closed form,
//!   so E[φ(z)²] is computed by quadrature (see `gaussian`).
//!
//! [`analytic`] follows that recursion; [`monte_carlo`] draws a real network and measures it in
//! `f32`, where a large gain overflows to infinity.
//!
//! The recursion is the average over networks, not what each one does. At width n a ReLU layer
//! multiplies an input's mean square by a random factor of mean g²/2 and relative variance 5/n,
//! so over L layers its logarithm drifts down by about 2.5·L/n and spreads by about √(5·L/n).
//! At He's gain, depth 50 and width 64 (batch 64), 40 seeds gave a median RMS at layer 50 of
//! 0.40, from 0.06 to 2.7; at width 256, 0.77 (0.29 to 2.4); at layer 10 both were near 1.

use std::f64::consts::SQRT_2;
use std::fmt;
use std::ops::RangeInclusive;

use crate::activation::Activation;
use crate::draws::Draws;
use crate::mlp::{Init, Mlp};

mod gaussian;

/// He initialisation's gain, √2: the weights' standard deviation is √(2/n).
pub const HE_GAIN: f64 = SQRT_2;

/// The depths accepted, hidden layers.
pub const DEPTHS: RangeInclusive<usize> = 1..=50;

/// The widths [`monte_carlo`] accepts, units per layer.
pub const WIDTHS: RangeInclusive<usize> = 1..=256;

/// The batch sizes [`monte_carlo`] accepts, inputs run through the network.
pub const BATCHES: RangeInclusive<usize> = 1..=256;

/// The largest input RMS accepted: inputs a few times larger still fit in `f32` (3.4·10³⁸).
pub const MAX_INPUT_RMS: f64 = 1e30;

/// The depths the page's experiment offers, as its setting holds them.
pub const EXPERIMENT_DEPTHS: RangeInclusive<u32> = 1..=50;
/// The weight scales the page's experiment offers, as multiples of He's √(2/n).
pub const SCALES: RangeInclusive<f32> = 0.5..=2.0;

/// The page's experiment: layers, and the weights' scale as a multiple of He's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GrowthSettings {
    /// Layers, within [`EXPERIMENT_DEPTHS`].
    pub depth: u32,
    /// The weights' standard deviation as a multiple of He's √(2/n), within [`SCALES`]: ReLU
    /// multiplies the activations' RMS by exactly this, layer after layer.
    pub scale: f32,
}

impl Default for GrowthSettings {
    /// Twenty layers at He's scale: ReLU's activations keep their size.
    fn default() -> Self {
        GrowthSettings {
            depth: 20,
            scale: 1.0,
        }
    }
}

impl GrowthSettings {
    /// The network these settings describe for `activation`, fed inputs of RMS 1.
    pub fn growth(&self, activation: Activation) -> Growth {
        Growth {
            activation,
            gain: f64::from(self.scale) * HE_GAIN,
            input_rms: 1.0,
            depth: self.depth as usize,
        }
    }

    /// For each activation of [`crate::depth::ACTIVATIONS`], in its order, the activations'
    /// RMS after each layer ([`analytic`]): what the no-upper-limit chart and table show.
    pub fn sizes(&self) -> Result<Vec<Vec<f64>>, GrowthError> {
        crate::depth::ACTIVATIONS
            .iter()
            .map(|(_, activation)| analytic(&self.growth(*activation)))
            .collect()
    }

    /// The factor that multiplies the activations' RMS at every layer for a piecewise-linear
    /// `activation` (ReLU, Leaky ReLU with slope a): scale·√(1 + a²). ReLU keeps half of a
    /// symmetric input's mean square (Leaky ReLU (1 + a²)/2 of it), and He's weights multiply it
    /// by 2·scale². `None` for sigmoid and tanh, whose activations stay bounded instead.
    pub fn factor_per_layer(&self, activation: Activation) -> Option<f64> {
        let leak = match activation {
            Activation::Relu => 0.0,
            Activation::LeakyRelu(slope) => f64::from(slope),
            Activation::Sigmoid | Activation::Tanh => return None,
        };
        Some(f64::from(self.scale) * (1.0 + leak * leak).sqrt())
    }
}

/// The network to follow through depth.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Growth {
    /// The activation after every layer.
    pub activation: Activation,
    /// g: the weights' standard deviation is g·√(1/n). Finite and 0 or more.
    pub gain: f64,
    /// The inputs' RMS, √q₀: finite, from 0 to [`MAX_INPUT_RMS`].
    pub input_rms: f64,
    /// Layers, within [`DEPTHS`].
    pub depth: usize,
}

/// Why an argument was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GrowthError {
    /// The depth was outside [`DEPTHS`].
    Depth {
        /// The depth asked for.
        got: usize,
    },
    /// The width was outside [`WIDTHS`].
    Width {
        /// The width asked for.
        got: usize,
    },
    /// The batch size was outside [`BATCHES`].
    Batch {
        /// The batch size asked for.
        got: usize,
    },
    /// The gain was negative, NaN or infinite.
    Gain {
        /// The gain asked for.
        got: f64,
    },
    /// The input RMS was negative, NaN, or above [`MAX_INPUT_RMS`].
    InputRms {
        /// The input RMS asked for.
        got: f64,
    },
    /// Leaky ReLU's slope was NaN or infinite.
    Slope {
        /// The slope asked for.
        got: f32,
    },
}

impl fmt::Display for GrowthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            GrowthError::Depth { got } => write!(
                f,
                "depth {got} is out of range; it must be from {} to {}",
                DEPTHS.start(),
                DEPTHS.end()
            ),
            GrowthError::Width { got } => write!(
                f,
                "width {got} is out of range; it must be from {} to {}",
                WIDTHS.start(),
                WIDTHS.end()
            ),
            GrowthError::Batch { got } => write!(
                f,
                "batch size {got} is out of range; it must be from {} to {}",
                BATCHES.start(),
                BATCHES.end()
            ),
            GrowthError::Gain { got } => {
                write!(f, "gain {got} must be a finite number, 0 or more")
            }
            GrowthError::InputRms { got } => write!(
                f,
                "input RMS {got} is out of range; it must be from 0 to {MAX_INPUT_RMS:e}"
            ),
            GrowthError::Slope { got } => {
                write!(f, "negative slope {got} must be a finite number")
            }
        }
    }
}

impl std::error::Error for GrowthError {}

impl Growth {
    fn check(&self) -> Result<(), GrowthError> {
        if !DEPTHS.contains(&self.depth) {
            return Err(GrowthError::Depth { got: self.depth });
        }
        // Written so that NaN fails too.
        if !(self.gain >= 0.0 && self.gain.is_finite()) {
            return Err(GrowthError::Gain { got: self.gain });
        }
        if !(self.input_rms >= 0.0 && self.input_rms <= MAX_INPUT_RMS) {
            return Err(GrowthError::InputRms {
                got: self.input_rms,
            });
        }
        if let Activation::LeakyRelu(slope) = self.activation {
            if !slope.is_finite() {
                return Err(GrowthError::Slope { got: slope });
            }
        }
        Ok(())
    }
}

/// The RMS of each layer's activations under the infinite-width recursion: `depth` values,
/// layer 1 first (the input's is `input_rms`).
///
/// In `f64`: a value past its range is infinity (for ReLU from input RMS 1, within [`DEPTHS`]
/// only at a gain above 2·10⁶), one below it 0.
pub fn analytic(growth: &Growth) -> Result<Vec<f64>, GrowthError> {
    growth.check()?;
    let mut rms = growth.input_rms;
    Ok((0..growth.depth)
        .map(|_| {
            rms = next_rms(growth.activation, growth.gain, rms);
            rms
        })
        .collect())
}

/// One layer of the recursion: the activations' RMS from the RMS below.
fn next_rms(activation: Activation, gain: f64, below: f64) -> f64 {
    // The pre-activation's standard deviation. `below` is finite or +∞, and +∞ only after a
    // layer with gain > 0, so this is never 0·∞.
    let s = gain * below;
    match activation {
        // rms · g/√2, with the factor formed first so that He's gain makes it exactly 1: √2/√2.
        Activation::Relu => below * (gain / SQRT_2),
        Activation::LeakyRelu(slope) => {
            let a = f64::from(slope);
            below * (gain / (2.0 / (1.0 + a * a)).sqrt())
        }
        Activation::Tanh => gaussian::tanh_mean_square(s).sqrt(),
        Activation::Sigmoid => gaussian::sigmoid_mean_square(s).sqrt(),
    }
}

/// A Monte Carlo measurement of activations through depth: per layer, layer 1 first, up to the
/// last layer whose activations were all finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// The RMS of the layer's activations over every unit and input.
    pub rms: Vec<f64>,
    /// The largest |activation| of the layer.
    pub max_abs: Vec<f32>,
    /// The first layer (counted from 1) with an activation that overflowed `f32` (infinite, or
    /// NaN from ∞ − ∞), where the measurement stops; None if every layer stayed finite.
    pub overflow_at: Option<usize>,
}

/// Draws a network of `depth` layers of `width` units (weights N(0, (gain/√width)²) in `f32`,
/// zero biases; the page's own [`Mlp`] and activations) and runs `batch` inputs through it, each
/// of `width` values N(0, input_rms²), measuring each layer's activations.
///
/// Deterministic: weights from [`Mlp::initialize`] seeded by `seed`, inputs from a generator
/// seeded by `!seed` (so that they are not the first layer's weights again).
///
/// Cost: depth·width²·batch multiply-adds and depth·width² normal draws, whether or not a layer
/// overflows. At width 64, depth 50, batch 64 that is 13.1 million multiply-adds and 0.2 million
/// draws: in the page's release build (WebAssembly SIMD, measured in Node 20) about 7 ms for the
/// network's forward pass and 6 ms for the draws. A gain only scales the same draws, so a page
/// that redraws often for a gain slider could keep one network and rescale it.
pub fn monte_carlo(
    growth: &Growth,
    width: usize,
    batch: usize,
    seed: u64,
) -> Result<Measured, GrowthError> {
    growth.check()?;
    if !WIDTHS.contains(&width) {
        return Err(GrowthError::Width { got: width });
    }
    if !BATCHES.contains(&batch) {
        return Err(GrowthError::Batch { got: batch });
    }
    // `depth` hidden layers and the Mlp's linear output, a single unit, which is not measured.
    let mut sizes = vec![width; growth.depth + 1];
    sizes.push(1);
    let Ok(mut network) = Mlp::new(&sizes, growth.activation) else {
        // Every size and the slope were checked above, within the Mlp's limits.
        return Err(GrowthError::Width { got: width });
    };
    let std = (growth.gain / (width as f64).sqrt()) as f32;
    network.initialize(Init::Normal { std }, seed, 0.0);
    let mut draws = Draws::new(!seed);
    let inputs: Vec<f32> = (0..batch * width)
        .map(|_| (draws.normal() * growth.input_rms) as f32)
        .collect();
    let Ok(layers) = network.hidden_activations(&inputs) else {
        // The inputs hold batch × width values, a whole number of samples.
        return Err(GrowthError::Batch { got: batch });
    };
    let mut measured = Measured {
        rms: Vec::with_capacity(growth.depth),
        max_abs: Vec::with_capacity(growth.depth),
        overflow_at: None,
    };
    for (l, values) in layers.iter().enumerate() {
        if !values.iter().all(|v| v.is_finite()) {
            measured.overflow_at = Some(l + 1);
            break;
        }
        let sum: f64 = values.iter().map(|&v| f64::from(v) * f64::from(v)).sum();
        measured.rms.push((sum / values.len() as f64).sqrt());
        measured
            .max_abs
            .push(values.iter().fold(0.0_f32, |m, v| m.max(v.abs())));
    }
    Ok(measured)
}
