//! The sparsity experiment: inputs drawn from N(μ, σ), passed through ReLU, and the share of
//! exact zeros that come out, against the theory value Φ(−μ/σ).
//!
//! A [`Normal`] is the one place where μ and σ are checked; everything else (its samples, the
//! theory values in `theory`, the default histogram ranges in `histogram`) starts from one, so
//! no function here sees an unchecked pair. Samples are `f32`, as the network computes;
//! statistics are `f64`.

use std::fmt;
use std::ops::RangeInclusive;

use crate::activation::relu;
use crate::born_dead::Estimate;
use crate::draws::Draws;

mod experiment;
mod histogram;
mod theory;

pub use experiment::{
    shared_bins, SparsityRun, SparsitySettings, CHART_BINS, EXPERIMENT_MEANS, EXPERIMENT_SAMPLES,
    EXPERIMENT_STDS,
};
pub use histogram::{Histogram, Zeros, BINS};
pub use theory::{normal_cdf, normal_pdf};

/// The means μ the experiment accepts. Ten standard deviations of the widest σ either side of 0
/// is far more than the page needs to show "almost all zeros" and "almost none".
pub const MEANS: RangeInclusive<f64> = -10.0..=10.0;

/// The standard deviations σ the experiment accepts. The lower end keeps μ ± 4σ (the default
/// histogram range) many `f32` steps wide at |μ| = 10, so that the histogram has something to
/// show; the upper end matches [`MEANS`].
pub const STDS: RangeInclusive<f64> = 0.01..=10.0;

/// How many samples may be drawn or counted at once: ten times what the page draws (about
/// 100 000), and 4 MB of `f32`.
pub const SAMPLES: RangeInclusive<usize> = 1..=1_000_000;

/// Why the sparsity experiment refused its arguments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SparsityError {
    /// μ was NaN, infinite or outside [`MEANS`].
    Mean {
        /// The mean asked for.
        got: f64,
    },
    /// σ was NaN, infinite or outside [`STDS`].
    Std {
        /// The standard deviation asked for.
        got: f64,
    },
    /// A sample count outside [`SAMPLES`].
    Samples {
        /// The count asked for.
        got: usize,
    },
    /// A bin count outside [`BINS`].
    Bins {
        /// The count asked for.
        got: usize,
    },
    /// A histogram range that is not two finite numbers lo < hi a finite distance apart.
    Range {
        /// The lower end asked for.
        lo: f64,
        /// The upper end asked for.
        hi: f64,
    },
}

impl fmt::Display for SparsityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            SparsityError::Mean { got } => write!(
                f,
                "mean {got} is out of range; it must be from {} to {}",
                MEANS.start(),
                MEANS.end()
            ),
            SparsityError::Std { got } => write!(
                f,
                "standard deviation {got} is out of range; it must be from {} to {}",
                STDS.start(),
                STDS.end()
            ),
            SparsityError::Samples { got } => write!(
                f,
                "{got} samples is out of range; there must be from {} to {}",
                SAMPLES.start(),
                SAMPLES.end()
            ),
            SparsityError::Bins { got } => write!(
                f,
                "{got} bins is out of range; there must be from {} to {}",
                BINS.start(),
                BINS.end()
            ),
            SparsityError::Range { lo, hi } => write!(
                f,
                "the range from {lo} to {hi} is not valid; both ends must be finite numbers, \
                 the lower below the upper"
            ),
        }
    }
}

impl std::error::Error for SparsityError {}

/// A normal distribution N(μ, σ²) whose μ and σ are within [`MEANS`] and [`STDS`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Normal {
    mean: f64,
    std: f64,
}

impl Normal {
    /// N(`mean`, `std`²), or why the pair is refused. (`contains` is false for NaN.)
    pub fn new(mean: f64, std: f64) -> Result<Normal, SparsityError> {
        if !MEANS.contains(&mean) {
            return Err(SparsityError::Mean { got: mean });
        }
        if !STDS.contains(&std) {
            return Err(SparsityError::Std { got: std });
        }
        Ok(Normal { mean, std })
    }

    /// μ.
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// σ.
    pub fn std(&self) -> f64 {
        self.std
    }

    /// `n` samples, each μ + σ·z for a standard normal z from [`Draws`] seeded by `seed`,
    /// computed in `f64` and rounded once to `f32`. The same seed gives the same bits natively
    /// and in wasm. Refuses `n` outside [`SAMPLES`].
    pub fn samples(&self, n: usize, seed: u64) -> Result<Vec<f32>, SparsityError> {
        if !SAMPLES.contains(&n) {
            return Err(SparsityError::Samples { got: n });
        }
        let mut draws = Draws::new(seed);
        Ok((0..n)
            .map(|_| (self.mean + self.std * draws.normal()) as f32)
            .collect())
    }
}

/// `values` after ReLU, element by element with [`crate::activation::relu`]: exactly
/// `torch.relu`, so −0 stays −0 and NaN stays NaN.
pub fn after_relu(values: &[f32]) -> Vec<f32> {
    values.iter().map(|&x| relu(x)).collect()
}

/// The mean of `values`, summed in `f64` (exact for each `f32`, and about 10⁻¹⁰ relative after
/// a million terms); NaN if any value is NaN or there are none.
pub fn mean(values: &[f32]) -> f64 {
    values.iter().map(|&x| f64::from(x)).sum::<f64>() / values.len() as f64
}

/// How many of a set of values are exactly zero. Made only by [`ZeroCount::of`], so that the
/// zeros never outnumber the values (the interval's bounds would then cross).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZeroCount {
    zeros: u32,
    samples: u32,
}

impl ZeroCount {
    /// Values equal to 0: +0 and −0 (−0 == 0, and `relu(−0)` is −0, still a zero). NaN is not.
    pub fn zeros(&self) -> u32 {
        self.zeros
    }

    /// Values counted, at least 1.
    pub fn samples(&self) -> u32 {
        self.samples
    }

    /// Counts the exact zeros of `values`, or refuses a count outside [`SAMPLES`].
    pub fn of(values: &[f32]) -> Result<ZeroCount, SparsityError> {
        if !SAMPLES.contains(&values.len()) {
            return Err(SparsityError::Samples { got: values.len() });
        }
        // SAMPLES ends far below u32::MAX, so neither count is cut.
        Ok(ZeroCount {
            zeros: values.iter().filter(|&&x| x == 0.0).count() as u32,
            samples: values.len() as u32,
        })
    }

    /// The observed share of zeros, zeros / samples.
    pub fn share(&self) -> f64 {
        f64::from(self.zeros) / f64::from(self.samples)
    }

    /// The 95% Wilson score interval for the true share, (low, high): the born-dead
    /// calculator's, which stays inside [0, 1] and keeps a width when no value (or every value)
    /// is zero, as happens here for μ far from 0.
    pub fn interval(&self) -> (f64, f64) {
        Estimate {
            dead: self.zeros,
            trials: self.samples,
        }
        .interval()
    }
}
