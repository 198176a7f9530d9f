//! The "born dead" calculator: how often a freshly initialised narrow, deep ReLU network computes
//! a constant, by a closed form for one input and by Monte Carlo over the input range.
//!
//! The two answer different questions, and the page should say which is which:
//!
//! - [`closed_form`] is the chance that the network is dead at ONE input: some hidden layer has
//!   all N units ≤ 0 there. It assumes zero biases and weights symmetric about 0.
//! - [`monte_carlo`] counts networks dead over the WHOLE range [−1, 1]: the output is the same at
//!   every one of [`INPUTS`] evenly spaced inputs, both ends included. It takes any bias and any
//!   scheme. A network can be dead at one input and alive at another, so under the closed form's
//!   assumptions this share is at most the closed form's.
//!
//! With zero biases and a 1-D input the gap is exact to state. A ReLU network without biases is
//! positively homogeneous, f(x) = x·f(1) for x ≥ 0 and f(x) = −x·f(−1) for x < 0, so it is
//! constant over [−1, 1] exactly when it is dead at both x = 1 and x = −1. The first layer can
//! never be dead at both: a unit with w > 0 is on for x > 0 and one with w < 0 for x < 0. So one
//! hidden layer is never born dead over the range (the closed form says 2^−N for one input), and
//! only deeper layers can cut both sides off. For width 1 the share is exactly 1 − 2^−(L−1): the
//! first layer's unit passes one side, and each later unit keeps it with chance ½.
//!
//! With zero biases the scheme's scale does not matter either: scaling a layer's weights scales
//! its output and changes no sign (in f32, short of a pre-activation within rounding of 0). Only
//! the shape of the distribution does, so He and Normal of any std (both Gaussian) give the same
//! count for the same seed, as do Xavier and Uniform (both uniform); the two shapes differ a
//! little from the third hidden layer on. A bias init is what makes the scheme's scale matter: a
//! negative bias that is large against the weights closes units for every input.

use std::fmt;

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::SplitMix64;

use crate::activation::Activation;
use crate::lab::InitChoice;
use crate::mlp::{Init, Mlp, MlpError};

/// The widths the calculator accepts, units per hidden layer.
pub const WIDTHS: std::ops::RangeInclusive<u32> = 1..=64;
/// The depths the calculator accepts, hidden layers.
pub const DEPTHS: std::ops::RangeInclusive<u32> = 1..=8;

/// The calculator's settings: what networks it surveys.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BornSettings {
    /// Units per hidden layer, N (within [`WIDTHS`]).
    pub width: u32,
    /// Hidden layers, L (within [`DEPTHS`]).
    pub depth: u32,
    /// How the weights are drawn.
    pub init: InitChoice,
    /// Every bias's starting value (the page's domain is −1 to 1; see `state::domain`).
    pub bias_init: f32,
}

impl Default for BornSettings {
    /// Two units in each of three layers: narrow and deep enough that many fresh networks are
    /// dead (58% by the closed form), so the first thing a reader sees is the effect.
    fn default() -> Self {
        BornSettings {
            width: 2,
            depth: 3,
            init: InitChoice::He,
            bias_init: 0.0,
        }
    }
}

/// How many evenly spaced inputs of [−1, 1] each network is evaluated on: steps of 1/32, so every
/// input is exact and 0 is among them.
pub const INPUTS: usize = 65;

/// The closed-form chance that a ReLU network with `depth` hidden layers of `width` units is dead
/// at birth for one input: 1 − (1 − 2^−N)^L, the chance that some hidden layer has all N units
/// ≤ 0.
///
/// Assumptions: one fixed input x ≠ 0, zero biases, and weights drawn independently and
/// symmetrically about 0 (every scheme the lab offers). Then, given a layer's non-negative,
/// non-zero input, each unit's pre-activation is ≤ 0 with chance ½, independently of its
/// neighbours, so a whole layer goes dark with chance 2^−N; once one does, every later layer sees
/// zeros and the output is a constant.
///
/// Computed as −expm1(L · ln(1 − 2^−N)) so that wide networks, where the answer is about
/// L · 2^−N, keep their digits instead of cancelling to 0. Width 0 gives 1 (an empty layer passes
/// nothing) and depth 0 gives 0 (no layer to die).
pub fn closed_form(width: u32, depth: u32) -> f64 {
    if depth == 0 {
        return 0.0;
    }
    let layer_dark = (-f64::from(width)).exp2();
    -(f64::from(depth) * (-layer_dark).ln_1p()).exp_m1()
}

/// The two-sided 95% quantile of the standard normal distribution, for the Wilson interval.
const Z_95: f64 = 1.959_963_984_540_054;

/// A Monte Carlo count: how many of the networks tried were dead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Networks whose output was constant over the input range.
    pub dead: u32,
    /// Networks tried.
    pub trials: u32,
}

impl Estimate {
    /// The share of dead networks, dead / trials; NaN when nothing was tried.
    pub fn share(&self) -> f64 {
        f64::from(self.dead) / f64::from(self.trials)
    }

    /// The 95% Wilson score interval for the true share, (low, high).
    ///
    /// Wilson's interval, unlike the textbook p ± 1.96·√(p(1−p)/n), stays inside [0, 1] and does
    /// not collapse to a point when no network (or every network) was dead, which is common here.
    /// With nothing tried it is (0, 1): nothing is known.
    pub fn interval(&self) -> (f64, f64) {
        if self.trials == 0 {
            return (0.0, 1.0);
        }
        let n = f64::from(self.trials);
        let p = self.share();
        let z2 = Z_95 * Z_95;
        let denominator = 1.0 + z2 / n;
        let centre = (p + z2 / (2.0 * n)) / denominator;
        let half = Z_95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
        // At 0 or n dead the bound that should equal the share can miss it by an ulp; clamping
        // keeps the promise that the interval contains the share (0 <= p <= 1 here).
        ((centre - half).clamp(0.0, p), (centre + half).clamp(p, 1.0))
    }
}

/// Why [`monte_carlo`] refused its arguments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BornDeadError {
    /// The width was outside [`WIDTHS`].
    Width {
        /// The width asked for.
        got: u32,
    },
    /// The depth was outside [`DEPTHS`].
    Depth {
        /// The depth asked for.
        got: u32,
    },
    /// The bias init was NaN or infinite.
    BiasInit {
        /// The bias init asked for.
        got: f32,
    },
    /// The Normal scheme's standard deviation was NaN or infinite.
    Std {
        /// The standard deviation asked for.
        got: f32,
    },
}

impl fmt::Display for BornDeadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BornDeadError::Width { got } => write!(
                f,
                "width {got} is out of range; it must be from {} to {}",
                WIDTHS.start(),
                WIDTHS.end()
            ),
            BornDeadError::Depth { got } => write!(
                f,
                "depth {got} is out of range; it must be from {} to {}",
                DEPTHS.start(),
                DEPTHS.end()
            ),
            BornDeadError::BiasInit { got } => {
                write!(f, "bias init {} is not a finite number", got)
            }
            BornDeadError::Std { got } => {
                write!(f, "standard deviation {} is not a finite number", got)
            }
        }
    }
}

impl std::error::Error for BornDeadError {}

/// Initialises `trials` ReLU networks [1, N, …, N, 1] (`depth` hidden layers of `width` units,
/// weights from `init`, every bias `bias_init`) and counts those whose output is the same at
/// every one of [`INPUTS`] evenly spaced inputs of [−1, 1]: born dead over the range.
///
/// The same as [`MonteCarlo::new`] followed by [`MonteCarlo::run`]; see there for determinism
/// and cost.
pub fn monte_carlo(
    width: u32,
    depth: u32,
    init: Init,
    bias_init: f32,
    trials: u32,
    seed: u64,
) -> Result<Estimate, BornDeadError> {
    let mut survey = MonteCarlo::new(width, depth, init, bias_init, seed)?;
    survey.run(trials);
    Ok(survey.estimate())
}

/// A Monte Carlo survey that can be run a batch at a time, so that the page can spread a large
/// one over several animation frames.
///
/// Deterministic: trial k initialises its network with the k-th seed of a SplitMix64 stream
/// started at the survey's seed, so the same arguments give the same count on every platform
/// however the trials are split into runs, and nearby seeds give unrelated networks. Outputs are
/// compared with `==`, so a dead network whose output is +0 at one input and −0 at another
/// still counts as constant.
///
/// Cost: a trial draws every weight (about N²·(L − 1) of them) and runs the network forward at
/// the two ends of the range, and at all [`INPUTS`] only if those agree. Natively, 2000 trials
/// of [1, 8, 8, 8, 1] take about 10 ms; the cost grows with N²·L, to about 1 ms per trial at
/// N = 64, L = 8.
#[derive(Clone, Debug)]
pub struct MonteCarlo {
    network: Mlp,
    init: Init,
    bias_init: f32,
    inputs: Vec<f32>,
    seeds: SplitMix64,
    estimate: Estimate,
}

impl MonteCarlo {
    /// A survey of no trials yet, or why the arguments are refused.
    pub fn new(
        width: u32,
        depth: u32,
        init: Init,
        bias_init: f32,
        seed: u64,
    ) -> Result<MonteCarlo, BornDeadError> {
        if !WIDTHS.contains(&width) {
            return Err(BornDeadError::Width { got: width });
        }
        if !DEPTHS.contains(&depth) {
            return Err(BornDeadError::Depth { got: depth });
        }
        if !bias_init.is_finite() {
            return Err(BornDeadError::BiasInit { got: bias_init });
        }
        if let Init::Normal { std } = init {
            if !std.is_finite() {
                return Err(BornDeadError::Std { got: std });
            }
        }
        let mut sizes = vec![width as usize; depth as usize + 2];
        sizes[0] = 1;
        sizes[depth as usize + 1] = 1;
        // WIDTHS and DEPTHS lie within the network's limits, so this maps errors that cannot
        // happen; it keeps panics (and their formatting code) out of the page.
        let network = Mlp::new(&sizes, Activation::Relu).map_err(|err| match err {
            MlpError::TooFewSizes { .. } | MlpError::TooManySizes { .. } => {
                BornDeadError::Depth { got: depth }
            }
            _ => BornDeadError::Width { got: width },
        })?;
        let step = 2.0 / (INPUTS - 1) as f32;
        Ok(MonteCarlo {
            network,
            init,
            bias_init,
            inputs: (0..INPUTS).map(|i| -1.0 + i as f32 * step).collect(),
            seeds: SplitMix64::seed_from_u64(seed),
            estimate: Estimate { dead: 0, trials: 0 },
        })
    }

    /// Runs `trials` more trials (fewer if the count would pass `u32::MAX`).
    pub fn run(&mut self, trials: u32) {
        let trials = trials.min(u32::MAX - self.estimate.trials);
        let ends = [self.inputs[0], self.inputs[INPUTS - 1]];
        for _ in 0..trials {
            self.network
                .initialize(self.init, self.seeds.next_u64(), self.bias_init);
            // Most living networks already differ between the two ends, so they cost two
            // forward passes instead of 65; only the rest are checked everywhere.
            if constant_on(&mut self.network, &ends) && constant_on(&mut self.network, &self.inputs)
            {
                self.estimate.dead += 1;
            }
        }
        self.estimate.trials += trials;
    }

    /// The count so far.
    pub fn estimate(&self) -> Estimate {
        self.estimate
    }
}

/// Whether `network`'s output is the same at every one of `inputs`. (A network with one input
/// takes any number of samples, so `forward` does not fail here.)
fn constant_on(network: &mut Mlp, inputs: &[f32]) -> bool {
    network
        .forward(inputs)
        .is_ok_and(|outputs| outputs.iter().all(|&y| y == outputs[0]))
}
