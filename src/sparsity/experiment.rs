//! The page's sparsity experiment: its settings (μ, σ, how many samples, the seed) and one run
//! of it: the samples drawn, passed through ReLU, counted into two histograms on the same bins,
//! with the share of exact zeros and the means measured beside the theory's.

use std::ops::RangeInclusive;

use super::{after_relu, mean, Histogram, Normal, SparsityError, ZeroCount, Zeros};

/// The means the page offers, within [`super::MEANS`]: at σ = 1, μ = ±3 already takes the
/// share of zeros from 99.9% down to 0.1%.
pub const EXPERIMENT_MEANS: RangeInclusive<f64> = -3.0..=3.0;

/// The standard deviations the page offers, within [`super::STDS`].
pub const EXPERIMENT_STDS: RangeInclusive<f64> = 0.1..=3.0;

/// The sample counts the page offers: from 100, where the measured share visibly scatters
/// around the theory's, to 100 000, which a redraw samples and counts in a few milliseconds
/// (within [`super::SAMPLES`]).
pub const EXPERIMENT_SAMPLES: RangeInclusive<u32> = 100..=100_000;

/// About how many bins the chart's x range is cut into: fine enough to show the bell's shape,
/// coarse enough that 100 samples still fill a few.
pub const CHART_BINS: usize = 60;

/// The page's experiment: inputs drawn from N(μ, σ²).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SparsitySettings {
    /// μ, within [`EXPERIMENT_MEANS`].
    pub mean: f64,
    /// σ, within [`EXPERIMENT_STDS`].
    pub std: f64,
    /// How many inputs are drawn, within [`EXPERIMENT_SAMPLES`].
    pub samples: u32,
    /// The draws' seed.
    pub seed: u64,
}

impl Default for SparsitySettings {
    /// 10 000 inputs from N(0, 1): half of them come out as zeros.
    fn default() -> Self {
        SparsitySettings {
            mean: 0.0,
            std: 1.0,
            samples: 10_000,
            seed: 1,
        }
    }
}

/// One run of the experiment: what the page shows for a [`SparsitySettings`].
#[derive(Clone, Debug, PartialEq)]
pub struct SparsityRun {
    /// The inputs' distribution.
    pub normal: Normal,
    /// The inputs, counted on [`shared_bins`].
    pub before: Histogram,
    /// ReLU's outputs on the same bins, with the exact zeros held apart as a spike.
    pub after: Histogram,
    /// The exact zeros among the outputs.
    pub zeros: ZeroCount,
    /// The inputs' mean, measured.
    pub mean_before: f64,
    /// The outputs' mean, measured.
    pub mean_after: f64,
}

impl SparsitySettings {
    /// N(μ, σ²), or why μ or σ is refused.
    pub fn normal(&self) -> Result<Normal, SparsityError> {
        Normal::new(self.mean, self.std)
    }

    /// Draws the inputs, passes them through ReLU and counts both; refuses what [`Normal::new`]
    /// and [`Normal::samples`] refuse.
    pub fn run(&self) -> Result<SparsityRun, SparsityError> {
        let normal = self.normal()?;
        let inputs = normal.samples(self.samples as usize, self.seed)?;
        let outputs = after_relu(&inputs);
        let (lo, hi, bins) = shared_bins(&normal);
        Ok(SparsityRun {
            normal,
            before: Histogram::new(&inputs, lo, hi, bins, Zeros::InBins)?,
            after: Histogram::new(&outputs, lo, hi, bins, Zeros::Apart)?,
            zeros: ZeroCount::of(&outputs)?,
            mean_before: mean(&inputs),
            mean_after: mean(&outputs),
        })
    }
}

/// The bins both histograms share, (lo, hi, bins): about [`CHART_BINS`] bins of one width
/// over μ ± 4σ and 0, with 0 on an edge and at least one bin on either side of it. On one x
/// axis, the positive inputs' bars stand where ReLU leaves them, and the zero spike has room
/// beside the 0 line.
pub fn shared_bins(normal: &Normal) -> (f64, f64, usize) {
    let (low, high) = normal.range();
    let (low, high) = (low.min(0.0), high.max(0.0));
    // Both ends are within 10 + 4·10 of 0, and at least 8σ ≥ 0.08 apart: the counts below
    // are small whole numbers.
    let width = (high - low) / CHART_BINS as f64;
    let left = ((-low / width).ceil() as usize).max(1);
    let right = ((high / width).ceil() as usize).max(1);
    (-(left as f64) * width, right as f64 * width, left + right)
}
