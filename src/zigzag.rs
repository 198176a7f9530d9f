//! "Not zero-centred": gradient descent on a two-weight linear unit, once with all-positive
//! inputs (as ReLU outputs are) and once with the same inputs centred, to show the zig-zag.
//!
//! The unit is y = w₁·x₁ + w₂·x₂, without a bias. For one example the gradient of the loss
//! ½(w·x − y)² is δ·x with δ = w·x − y, so each weight's gradient is δ times its input. When
//! every input is positive both gradients have δ's sign: a per-example step moves both weights
//! up or both down, and a minimum that needs one weight up and the other down (here
//! w* = (1, −1)) is reached only by a zig-zag of such steps. Centred inputs have no such
//! restriction. Over the whole dataset the same fact shows as the loss surface's shape: the
//! inputs' mean adds mean·meanᵀ to the Hessian, a long narrow valley across which full-batch
//! descent oscillates.
//!
//! What centring buys is the learning rate. Centring removes mean·meanᵀ from the Hessian,
//! so the positive inputs' curvatures are each at least the centred ones' ([`Dataset::curvatures`])
//! and at a small rate the positive run is no slower; but their largest curvature is about 7
//! times larger, so the rate above which their descent zig-zags ever wider is about 7 times
//! smaller ([`Dataset::max_stable_rate`]). Measured over 200 seeds (32 examples, no noise, 64
//! per-example steps from the origin): at rate 1 the two runs end about equally close to their
//! minimum; at rate 3 every centred run ends within 10⁻⁴ of it and at least 15 times closer than
//! the positive run on the same inputs, whose median distance has grown from 1.4 to 6.
//!
//! The data (see [`Dataset::new`]): inputs uniform on (0, 1]², the simplest strictly positive
//! stand-in for ReLU outputs (a ReLU of normals is exactly 0 for half the coordinates, where
//! one weight does not move at all, which blurs the picture; its inputs' mean against their
//! spread, 0.40 against 0.58, also makes a milder valley than uniform's 0.5 against 0.29); or
//! those inputs less their mean. Targets are w*·x plus optional Gaussian noise, the same noise
//! for both, so both datasets have their minimum at w* when there is no noise and near it when
//! there is.
//!
//! Everything is `f64`: this unit is an illustration computed exactly, not the page's `f32`
//! network, and no PyTorch run is compared with it.

use std::fmt;
use std::ops::RangeInclusive;

use crate::draws::Draws;

mod experiment;
mod grid;
mod path;

pub use experiment::{Run, ZigzagSettings, EXAMPLES_SHOWN, RATES, START, STEP_COUNTS, WINDOW};
pub use grid::{Grid, Window};
pub use path::{descend, Descent, Path, Schedule};

/// The weights the targets are made from: opposite signs, so that the minimum needs one weight
/// to go up and the other down from the origin.
pub const TRUE_WEIGHTS: [f64; 2] = [1.0, -1.0];

/// How many examples a dataset may have.
pub const EXAMPLES: RangeInclusive<usize> = 2..=256;

/// How many examples [`Dataset::new`] draws: at least three, since two centred inputs are
/// x − m = ±(x₁ − x₂)/2, on one line through the origin, where the loss has no single minimum.
/// The same range for both kinds of inputs, so that the page can draw the pair from one count.
pub const DRAWN_EXAMPLES: RangeInclusive<usize> = 3..=256;

/// The most steps a descent may take.
pub const MAX_STEPS: usize = 5000;

/// The most grid points along each axis of a loss grid.
pub const MAX_RESOLUTION: usize = 201;

/// The largest magnitude an input or target may have: far beyond any use, and small enough
/// that the normal equations' determinant, a sum of fourth powers, stays finite.
pub const MAX_VALUE: f64 = 1e50;

/// Below this (relative to the product of the diagonal) the inputs' second-moment matrix counts
/// as singular: the inputs lie on a line through the origin, and the minimum is not one point.
const SINGULAR: f64 = 1e-12;

/// Which inputs a dataset has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inputs {
    /// Uniform on (0, 1]², every coordinate strictly positive, as ReLU outputs are not negative.
    Positive,
    /// The same inputs less their mean.
    Centred,
}

/// Why an argument was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ZigzagError {
    /// The number of examples was outside [`EXAMPLES`] ([`DRAWN_EXAMPLES`] for
    /// [`Dataset::new`]).
    Examples {
        /// The number asked for.
        got: usize,
        /// The fewest allowed: 2 for given examples, 3 for drawn ones.
        fewest: usize,
    },
    /// Inputs and targets had different lengths.
    Lengths {
        /// Inputs given.
        inputs: usize,
        /// Targets given.
        targets: usize,
    },
    /// An input or target was NaN, infinite, or larger in magnitude than [`MAX_VALUE`].
    ExampleValue,
    /// The inputs lie on one line through the origin, so no single weight vector is best.
    Singular,
    /// The noise was negative, NaN or infinite.
    Noise {
        /// The noise asked for.
        got: f64,
    },
    /// A window's bounds were not finite, or a minimum was not below its maximum.
    Window,
    /// A grid's resolution was outside 2 to [`MAX_RESOLUTION`].
    Resolution {
        /// The resolution asked for.
        got: usize,
    },
    /// The starting point was not finite.
    Start,
    /// The learning rate was not a finite positive number.
    LearningRate {
        /// The learning rate asked for.
        got: f64,
    },
    /// The step count was above [`MAX_STEPS`].
    Steps {
        /// The count asked for.
        got: usize,
    },
    /// The tolerance was negative, NaN or infinite.
    Tolerance {
        /// The tolerance asked for.
        got: f64,
    },
}

impl fmt::Display for ZigzagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ZigzagError::Examples { got, fewest } => write!(
                f,
                "{got} examples is out of range; there must be from {fewest} to {}",
                EXAMPLES.end()
            ),
            ZigzagError::Lengths { inputs, targets } => write!(
                f,
                "{inputs} inputs but {targets} targets; there must be one target per input"
            ),
            ZigzagError::ExampleValue => write!(
                f,
                "every input and target must be a finite number from -{MAX_VALUE:e} to {MAX_VALUE:e}"
            ),
            ZigzagError::Singular => write!(
                f,
                "the inputs lie on one line through the origin, so the loss has no single minimum"
            ),
            ZigzagError::Noise { got } => {
                write!(f, "noise {got} must be a finite number, 0 or more")
            }
            ZigzagError::Window => write!(
                f,
                "a window's bounds must be finite numbers, each minimum below its maximum"
            ),
            ZigzagError::Resolution { got } => write!(
                f,
                "resolution {got} is out of range; it must be from 2 to {MAX_RESOLUTION}"
            ),
            ZigzagError::Start => write!(f, "the starting point must be finite"),
            ZigzagError::LearningRate { got } => {
                write!(f, "learning rate {got} must be a finite number above 0")
            }
            ZigzagError::Steps { got } => {
                write!(f, "{got} steps is too many; at most {MAX_STEPS}")
            }
            ZigzagError::Tolerance { got } => {
                write!(f, "tolerance {got} must be a finite number, 0 or more")
            }
        }
    }
}

impl std::error::Error for ZigzagError {}

/// Examples (x₁, x₂) → y for the two-weight unit, with the exact minimum of their loss.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    inputs: Vec<[f64; 2]>,
    targets: Vec<f64>,
    moments: Moments,
    minimum: [f64; 2],
}

/// The sums the loss is a quadratic in: L(w) = ½(wᵀ·xx·w − 2·xyᵀ·w + yy), each a mean over the
/// examples.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Moments {
    /// mean(x·xᵀ): [x₁², x₁x₂, x₂²].
    xx: [f64; 3],
    /// mean(y·x).
    xy: [f64; 2],
    /// mean(y²).
    yy: f64,
}

impl Dataset {
    /// `count` seeded examples, within [`DRAWN_EXAMPLES`]: inputs uniform on (0, 1]², centred if
    /// `inputs` says so, and targets [`TRUE_WEIGHTS`]·x + `noise`·N(0, 1). The same seed draws
    /// the same positive inputs and the same noise for both kinds, so the two datasets differ
    /// only by the mean.
    pub fn new(
        inputs: Inputs,
        count: usize,
        noise: f64,
        seed: u64,
    ) -> Result<Dataset, ZigzagError> {
        if !DRAWN_EXAMPLES.contains(&count) {
            return Err(ZigzagError::Examples {
                got: count,
                fewest: *DRAWN_EXAMPLES.start(),
            });
        }
        if !(noise.is_finite() && noise >= 0.0) {
            return Err(ZigzagError::Noise { got: noise });
        }
        let mut draws = Draws::new(seed);
        // 1 − [0, 1) is (0, 1]: never 0, so every example moves both weights.
        let mut xs: Vec<[f64; 2]> = (0..count)
            .map(|_| [1.0 - draws.unit(), 1.0 - draws.unit()])
            .collect();
        if inputs == Inputs::Centred {
            let n = count as f64;
            let mean = [
                xs.iter().map(|x| x[0]).sum::<f64>() / n,
                xs.iter().map(|x| x[1]).sum::<f64>() / n,
            ];
            for x in &mut xs {
                *x = [x[0] - mean[0], x[1] - mean[1]];
            }
        }
        let ys: Vec<f64> = xs
            .iter()
            .map(|x| dot(TRUE_WEIGHTS, *x) + noise * draws.normal())
            .collect();
        Dataset::from_examples(&xs, &ys)
    }

    /// A dataset of the given examples, or why they are refused: their counts must match and lie
    /// in [`EXAMPLES`], every value must be finite and at most [`MAX_VALUE`] in magnitude, and the
    /// inputs must not all lie on one line through the origin.
    pub fn from_examples(inputs: &[[f64; 2]], targets: &[f64]) -> Result<Dataset, ZigzagError> {
        if inputs.len() != targets.len() {
            return Err(ZigzagError::Lengths {
                inputs: inputs.len(),
                targets: targets.len(),
            });
        }
        if !EXAMPLES.contains(&inputs.len()) {
            return Err(ZigzagError::Examples {
                got: inputs.len(),
                fewest: *EXAMPLES.start(),
            });
        }
        // Written so that NaN fails too.
        let fits = |v: &f64| v.abs() <= MAX_VALUE;
        if !(inputs.iter().flatten().all(fits) && targets.iter().all(fits)) {
            return Err(ZigzagError::ExampleValue);
        }
        let moments = Moments::of(inputs, targets);
        let minimum = moments.solve().ok_or(ZigzagError::Singular)?;
        Ok(Dataset {
            inputs: inputs.to_vec(),
            targets: targets.to_vec(),
            moments,
            minimum,
        })
    }

    /// The inputs, one (x₁, x₂) per example.
    pub fn inputs(&self) -> &[[f64; 2]] {
        &self.inputs
    }

    /// The targets, one per example.
    pub fn targets(&self) -> &[f64] {
        &self.targets
    }

    /// The loss at `w`: half the mean squared error, ½·mean((w·x − y)²), so that one example's
    /// gradient is δ·x with no factor 2.
    pub fn loss(&self, w: [f64; 2]) -> f64 {
        let sum: f64 = self.examples().map(|(x, y)| (dot(w, x) - y).powi(2)).sum();
        0.5 * sum / self.inputs.len() as f64
    }

    /// The loss's gradient at `w`: mean(δ·x) with δ = w·x − y.
    pub fn gradient(&self, w: [f64; 2]) -> [f64; 2] {
        let n = self.inputs.len() as f64;
        let mut sum = [0.0; 2];
        for (x, y) in self.examples() {
            let delta = dot(w, x) - y;
            sum = [sum[0] + delta * x[0], sum[1] + delta * x[1]];
        }
        [sum[0] / n, sum[1] / n]
    }

    /// The exact minimum of the loss: the least-squares weights, from the 2×2 normal equations
    /// mean(x·xᵀ)·w = mean(y·x) solved by Cramer's rule.
    pub fn minimum(&self) -> [f64; 2] {
        self.minimum
    }

    /// The loss's curvatures, smallest first: the eigenvalues of its Hessian mean(x·xᵀ), the
    /// second derivatives along the valley's floor and across it.
    ///
    /// Centring subtracts mean·meanᵀ from the Hessian, so each of the positive inputs'
    /// curvatures is at least the centred inputs' (Weyl's inequality): at a learning rate small
    /// enough for both, positive inputs descend no slower. What centring buys is the rate it
    /// allows: see [`Dataset::max_stable_rate`]. For uniform inputs the Hessian tends to
    /// [[1/3, 1/4], [1/4, 1/3]], curvatures 1/12 and 7/12, and centred to 1/12 twice.
    pub fn curvatures(&self) -> [f64; 2] {
        let [a, b, c] = self.moments.xx;
        let largest = 0.5 * (a + c) + (0.5 * (a - c)).hypot(b);
        // The determinant over the largest, not mean − radius, which cancels when they differ
        // by orders of magnitude; the determinant is positive (`solve` refused singular ones).
        [(a * c - b * b) / largest, largest]
    }

    /// The largest full-batch learning rate that does not diverge, 2 / the largest curvature:
    /// above it each step overshoots the valley's steep side by more than it started from.
    /// Between half of it and it, full-batch descent converges by a zig-zag across the valley.
    pub fn max_stable_rate(&self) -> f64 {
        2.0 / self.curvatures()[1]
    }

    fn examples(&self) -> impl Iterator<Item = ([f64; 2], f64)> + '_ {
        self.inputs
            .iter()
            .copied()
            .zip(self.targets.iter().copied())
    }
}

impl Moments {
    fn of(inputs: &[[f64; 2]], targets: &[f64]) -> Moments {
        let mut m = Moments {
            xx: [0.0; 3],
            xy: [0.0; 2],
            yy: 0.0,
        };
        for (x, &y) in inputs.iter().zip(targets) {
            m.xx = [
                m.xx[0] + x[0] * x[0],
                m.xx[1] + x[0] * x[1],
                m.xx[2] + x[1] * x[1],
            ];
            m.xy = [m.xy[0] + y * x[0], m.xy[1] + y * x[1]];
            m.yy += y * y;
        }
        let n = inputs.len() as f64;
        Moments {
            xx: m.xx.map(|v| v / n),
            xy: m.xy.map(|v| v / n),
            yy: m.yy / n,
        }
    }

    /// The w with xx·w = xy, or None when xx is singular.
    fn solve(&self) -> Option<[f64; 2]> {
        let [a, b, c] = self.xx;
        let det = a * c - b * b;
        if det.is_nan() || det <= SINGULAR * a * c {
            return None;
        }
        Some([
            (c * self.xy[0] - b * self.xy[1]) / det,
            (a * self.xy[1] - b * self.xy[0]) / det,
        ])
    }

    fn loss(&self, w: [f64; 2]) -> f64 {
        let [a, b, c] = self.xx;
        let quadratic = a * w[0] * w[0] + 2.0 * b * w[0] * w[1] + c * w[1] * w[1];
        0.5 * (quadratic - 2.0 * dot(self.xy, w) + self.yy)
    }
}

fn dot(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[0] + a[1] * b[1]
}
