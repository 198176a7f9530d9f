//! The "gradient through depth" experiment: what is left of a gradient after it flows back
//! through L layers along one path of a network.
//!
//! By the chain rule, the gradient at the bottom of a path is the gradient at the top times one
//! local derivative per layer, f′(z₁)·f′(z₂)·…·f′(z_L), where z_l is the pre-activation of the
//! path's unit in layer l (the weights on the path multiply in too; the experiment leaves them
//! at 1 to show what the activation alone does). So the product of local derivatives is the
//! factor by which the activation shrinks or keeps the gradient:
//!
//! - sigmoid's derivative is at most ¼ (at z = 0), so its product is at most 0.25^L: after ten
//!   layers less than a millionth of the gradient is left, however the path is placed;
//! - tanh's is at most 1 (at z = 0) and falls fast away from it;
//! - ReLU's is exactly 1 where the unit is active (z > 0) and exactly 0 where it is not, so an
//!   active path passes the gradient whole at any depth, and one inactive unit stops it dead;
//!   this is the dead neuron seen from the gradient's side;
//! - Leaky ReLU's is 1 or its slope, so an inactive stretch shrinks the gradient without
//!   stopping it.
//!
//! Each local derivative is the `f32` PyTorch's autograd computes (`crate::activation`); their
//! product is kept in `f64`, so that the chart can show how small it gets (sigmoid's reaches
//! 10⁻¹⁰⁰ and below) where `f32` would have stopped at 0. The layer at which the `f32` product
//! would underflow to 0 is reported too: that is where a float32 network loses the gradient
//! altogether.

use std::fmt;
use std::ops::RangeInclusive;

use crate::activation::Activation;
use crate::draws::Draws;

/// The depths the experiment accepts, layers.
pub const DEPTHS: RangeInclusive<u32> = 1..=50;
/// The pre-activations the experiment accepts, as a value or as a distribution's mean: beyond
/// ±10 sigmoid's derivative is below 5·10⁻⁵ and nothing new shows.
pub const PRE_ACTIVATIONS: RangeInclusive<f32> = -10.0..=10.0;
/// The spreads the experiment accepts for pre-activations drawn from a normal distribution.
pub const SPREADS: RangeInclusive<f32> = 0.0..=5.0;

/// Leaky ReLU's slope in the experiment: PyTorch's default `negative_slope`.
pub const LEAKY_SLOPE: f32 = 0.01;

/// The activations the experiment compares, by key, in the order the page lists them.
pub const ACTIVATIONS: [(&str, Activation); 4] = [
    ("relu", Activation::Relu),
    ("leaky", Activation::LeakyRelu(LEAKY_SLOPE)),
    ("sigmoid", Activation::Sigmoid),
    ("tanh", Activation::Tanh),
];

/// Where the path's pre-activations come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PreActivations {
    /// The same value z at every layer.
    Same(f32),
    /// One value per layer from a normal distribution, drawn with a seed; the same draws serve
    /// every activation, so that they are compared on the same path.
    Normal {
        /// The distribution's mean.
        mean: f32,
        /// The distribution's standard deviation.
        std: f32,
        /// The seed of the draws.
        seed: u64,
    },
}

/// The experiment's settings, as the page and its link hold them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DepthSettings {
    /// Layers on the path, within [`DEPTHS`].
    pub depth: u32,
    /// The pre-activation at every layer, or the mean of the drawn ones, within
    /// [`PRE_ACTIVATIONS`].
    pub z: f32,
    /// The standard deviation of the drawn pre-activations, within [`SPREADS`]; 0 puts the
    /// same `z` at every layer.
    pub spread: f32,
    /// The seed of the draws.
    pub seed: u64,
}

impl Default for DepthSettings {
    /// Ten layers at z = ½: a unit that is on, where sigmoid already keeps less than a quarter
    /// (σ′(½) ≈ 0.235) and tanh about four fifths (tanh′(½) ≈ 0.786) a layer, while ReLU keeps all.
    fn default() -> Self {
        DepthSettings {
            depth: 10,
            z: 0.5,
            spread: 0.0,
            seed: 1,
        }
    }
}

impl DepthSettings {
    /// For each activation of [`ACTIVATIONS`], in its order, what is left of the gradient along
    /// the path these settings describe: what the depth chart and table show.
    pub fn paths(&self) -> Result<Vec<PathGradient>, DepthError> {
        let zs = self.pre_activations()?;
        Ok(ACTIVATIONS
            .iter()
            .map(|(_, activation)| path_gradient(*activation, &zs))
            .collect())
    }

    /// The path's pre-activations for these settings; checks them.
    pub fn pre_activations(&self) -> Result<Vec<f32>, DepthError> {
        let from = if self.spread == 0.0 {
            PreActivations::Same(self.z)
        } else {
            PreActivations::Normal {
                mean: self.z,
                std: self.spread,
                seed: self.seed,
            }
        };
        pre_activations(self.depth, from)
    }
}

/// Why the experiment refused its settings.
#[derive(Clone, Debug, PartialEq)]
pub enum DepthError {
    /// The depth is outside [`DEPTHS`].
    Depth(u32),
    /// A pre-activation or mean is outside [`PRE_ACTIVATIONS`] (or not a number).
    PreActivation(f32),
    /// A standard deviation is outside [`SPREADS`] (or not a number).
    Spread(f32),
}

impl fmt::Display for DepthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DepthError::Depth(depth) => write!(
                f,
                "depth must be from {} to {} layers, got {depth}",
                DEPTHS.start(),
                DEPTHS.end()
            ),
            DepthError::PreActivation(z) => write!(
                f,
                "a pre-activation must be from {} to {}, got {z}",
                PRE_ACTIVATIONS.start(),
                PRE_ACTIVATIONS.end()
            ),
            DepthError::Spread(std) => write!(
                f,
                "a standard deviation must be from {} to {}, got {std}",
                SPREADS.start(),
                SPREADS.end()
            ),
        }
    }
}

/// What is left of the gradient along one path, for one activation.
#[derive(Clone, Debug, PartialEq)]
pub struct PathGradient {
    /// The activation.
    pub activation: Activation,
    /// Each layer's local derivative f′(z_l), as autograd computes it in `f32`, top layer first.
    pub local: Vec<f32>,
    /// The product of the local derivatives of layers 1 to l, for l = 1…L, in `f64`.
    pub product: Vec<f64>,
    /// The first layer (counting from 1) after which the same product taken in `f32` is 0,
    /// where an `f32` network has lost the gradient; `None` if it never is.
    pub f32_zero_from: Option<u32>,
}

impl PathGradient {
    /// The factor left after all L layers.
    pub fn last(&self) -> f64 {
        self.product.last().copied().unwrap_or(1.0)
    }

    /// The first layer (counting from 1) whose local derivative is exactly 0, where the path is
    /// cut: a ReLU unit that is not active; `None` if no layer cuts it.
    pub fn cut_at(&self) -> Option<u32> {
        self.local
            .iter()
            .position(|d| *d == 0.0)
            .map(|layer| layer as u32 + 1)
    }
}

/// The path's pre-activations, layer by layer, for `depth` layers; checks the settings.
pub fn pre_activations(depth: u32, from: PreActivations) -> Result<Vec<f32>, DepthError> {
    if !DEPTHS.contains(&depth) {
        return Err(DepthError::Depth(depth));
    }
    match from {
        PreActivations::Same(z) => {
            check_pre_activation(z)?;
            Ok(vec![z; depth as usize])
        }
        PreActivations::Normal { mean, std, seed } => {
            check_pre_activation(mean)?;
            if !SPREADS.contains(&std) {
                return Err(DepthError::Spread(std));
            }
            let mut draws = Draws::new(seed);
            Ok((0..depth)
                .map(|_| (f64::from(mean) + f64::from(std) * draws.normal()) as f32)
                .collect())
        }
    }
}

fn check_pre_activation(z: f32) -> Result<(), DepthError> {
    if PRE_ACTIVATIONS.contains(&z) {
        Ok(())
    } else {
        Err(DepthError::PreActivation(z))
    }
}

/// The gradient factor along a path with pre-activations `zs`, for `activation`.
pub fn path_gradient(activation: Activation, zs: &[f32]) -> PathGradient {
    let local: Vec<f32> = zs.iter().map(|z| activation.derivative(*z)).collect();
    let mut product = Vec::with_capacity(local.len());
    let (mut wide, mut narrow) = (1.0_f64, 1.0_f32);
    let mut f32_zero_from = None;
    for (layer, d) in local.iter().enumerate() {
        wide *= f64::from(*d);
        narrow *= d;
        product.push(wide);
        if narrow == 0.0 && f32_zero_from.is_none() {
            f32_zero_from = Some(layer as u32 + 1);
        }
    }
    PathGradient {
        activation,
        local,
        product,
        f32_zero_from,
    }
}

/// Sigmoid's best case through `depth` layers: its derivative peaks at ¼ (at z = 0), so no path
/// keeps more than 0.25^depth of the gradient.
pub fn sigmoid_bound(depth: u32) -> f64 {
    0.25_f64.powi(depth as i32)
}
