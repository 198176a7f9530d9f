//! Histograms of samples, before and after ReLU, with every value accounted for: each lands in
//! exactly one of a bin, the zero spike (when held apart), below, above, or NaN.

use std::ops::RangeInclusive;

use super::{Normal, SparsityError};

/// The bin counts a histogram accepts: more than a chart's width in pixels would be noise.
pub const BINS: RangeInclusive<usize> = 1..=512;

/// Where exact zeros (+0 and −0) go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zeros {
    /// In the bin that contains 0, like any other value (the "before ReLU" histogram).
    InBins,
    /// Counted on their own in [`Histogram::zeros`] and in no bin, wherever the range is, so
    /// that the page can draw them as a spike of their own (the "after ReLU" histogram, where
    /// they are the point).
    Apart,
}

/// Counts of values in `bins` equal bins over [lo, hi].
///
/// Bin i holds the values x with `edges[i] ≤ x < edges[i + 1]`; the last bin also holds hi,
/// so that the range is closed. Nothing is dropped: `counts`' sum plus `zeros`, `below`,
/// `above` and `nan` is the number of values given.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// The bins' edges, `bins + 1` of them: lo, then lo + i·(hi − lo)/bins, then hi. Never
    /// decreasing, so a bin is empty rather than misplaced when the range is within rounding
    /// of its own size; draw the bars at these edges to show exactly what was counted.
    pub edges: Vec<f64>,
    /// Values in each bin.
    pub counts: Vec<usize>,
    /// Exact zeros held apart by [`Zeros::Apart`]; 0 with [`Zeros::InBins`].
    pub zeros: usize,
    /// Values below lo (−∞ included).
    pub below: usize,
    /// Values above hi (+∞ included).
    pub above: usize,
    /// NaN values.
    pub nan: usize,
}

impl Histogram {
    /// Counts `values` into `bins` equal bins over [`lo`, `hi`], with exact zeros placed as
    /// `zeros` says. Refuses a bin count outside [`BINS`], and a range that is not finite
    /// numbers lo < hi a finite distance apart.
    pub fn new(
        values: &[f32],
        lo: f64,
        hi: f64,
        bins: usize,
        zeros: Zeros,
    ) -> Result<Histogram, SparsityError> {
        if !BINS.contains(&bins) {
            return Err(SparsityError::Bins { got: bins });
        }
        // `lo < hi` is false for NaN; hi − lo overflows for ends near ±f64::MAX.
        if !(lo < hi && (hi - lo).is_finite()) {
            return Err(SparsityError::Range { lo, hi });
        }
        // lo + width·i never decreases with i, and the last of them stays at or below hi:
        // width·(bins − 1) falls short of hi − lo by about a bin, far more than rounding.
        let width = (hi - lo) / bins as f64;
        let mut edges: Vec<f64> = (0..bins).map(|i| lo + width * i as f64).collect();
        edges.push(hi);
        let mut histogram = Histogram {
            counts: vec![0; bins],
            edges,
            zeros: 0,
            below: 0,
            above: 0,
            nan: 0,
        };
        for &x in values {
            histogram.add(f64::from(x), zeros);
        }
        Ok(histogram)
    }

    /// Counts one value.
    fn add(&mut self, x: f64, zeros: Zeros) {
        let (lo, hi) = (self.edges[0], self.edges[self.edges.len() - 1]);
        if x.is_nan() {
            self.nan += 1;
        } else if zeros == Zeros::Apart && x == 0.0 {
            self.zeros += 1;
        } else if x < lo {
            self.below += 1;
        } else if x > hi {
            self.above += 1;
        } else {
            // The inner edges at or below x: bin i starts at the i-th. hi itself passes every
            // inner edge and lands in the last bin.
            let inner = &self.edges[1..self.counts.len()];
            self.counts[inner.partition_point(|&edge| edge <= x)] += 1;
        }
    }
}

impl Normal {
    /// The default range of the "before ReLU" histogram, μ ± 4σ: it holds all but about 6 in
    /// 100 000 samples (2Φ(−4) = 6.3·10⁻⁵); the rest are counted as below and above.
    pub fn range(&self) -> (f64, f64) {
        (self.mean - 4.0 * self.std, self.mean + 4.0 * self.std)
    }

    /// The default range of the "after ReLU" histogram, [0, max(μ + 4σ, σ)]: ReLU's output is
    /// never below 0, and reaches μ + 4σ about as often as its input does. When μ + 4σ is at or
    /// below 0 almost every output is zero; the few positive ones lie within about σ of 0 (a
    /// normal's tail past 0 falls off on a scale of σ or less), so σ keeps the range
    /// proportionate to the distribution rather than to a fixed number.
    pub fn relu_range(&self) -> (f64, f64) {
        (0.0, (self.mean + 4.0 * self.std).max(self.std))
    }
}
