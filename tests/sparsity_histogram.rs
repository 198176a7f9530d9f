//! The sparsity experiment's histograms: where every value goes, the zero spike, and the
//! default ranges.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::sparsity::*;

/// Every value lands somewhere exactly once.
fn accounted(h: &Histogram) -> usize {
    h.counts.iter().sum::<usize>() + h.zeros + h.below + h.above + h.nan
}

const VALUES: [f32; 11] = [
    -1.0,
    -0.5,
    0.0,
    0.25,
    0.5,
    0.999,
    1.0,
    1.5,
    f32::NAN,
    f32::NEG_INFINITY,
    -0.0,
];

#[test]
fn bins_by_hand() {
    // [−1, 1] in 4 bins: edges −1, −½, 0, ½, 1. −1 opens bin 0 and −½ bin 1; 0, ¼ and −0 fall
    // in [0, ½); ½, 0.999 and the right edge 1 in the last bin; 1.5 is above, −∞ below.
    let h = Histogram::new(&VALUES, -1.0, 1.0, 4, Zeros::InBins).unwrap();
    assert_eq!(h.edges, [-1.0, -0.5, 0.0, 0.5, 1.0]);
    assert_eq!(h.counts, [1, 1, 3, 3]);
    assert_eq!((h.zeros, h.below, h.above, h.nan), (0, 1, 1, 1));
    assert_eq!(accounted(&h), VALUES.len());
}

#[test]
fn zeros_apart_leave_the_bin_that_holds_zero() {
    // The same, with +0 and −0 counted on their own: bin 2 keeps only ¼.
    let h = Histogram::new(&VALUES, -1.0, 1.0, 4, Zeros::Apart).unwrap();
    assert_eq!(h.counts, [1, 1, 1, 3]);
    assert_eq!((h.zeros, h.below, h.above, h.nan), (2, 1, 1, 1));
    assert_eq!(accounted(&h), VALUES.len());
    // Apart means apart wherever the range is: zeros outside [1, 2] are still zeros, not
    // values below the range.
    let h = Histogram::new(&VALUES, 1.0, 2.0, 2, Zeros::Apart).unwrap();
    assert_eq!(h.counts, [1, 1], "1 and 1.5");
    assert_eq!((h.zeros, h.below, h.above, h.nan), (2, 6, 0, 1));
    assert_eq!(accounted(&h), VALUES.len());
}

#[test]
fn the_after_relu_histogram_shows_the_zero_spike() {
    // N(0, 1) through ReLU: about half the values are exact zeros and none is negative. With
    // zeros apart, the first bin holds only small positive values, as many as the density
    // predicts: P(0 < X < w) = Φ(w) − ½ with w = 4/40 = 0.1, 3.98% (the count's standard error
    // is √(np(1 − p)) ≈ 62 of 100 000).
    let n = Normal::new(0.0, 1.0).unwrap();
    let after = after_relu(&n.samples(100_000, 5).unwrap());
    let (lo, hi) = n.relu_range();
    let h = Histogram::new(&after, lo, hi, 40, Zeros::Apart).unwrap();
    assert_eq!(h.zeros as u32, ZeroCount::of(&after).unwrap().zeros());
    assert_eq!(h.below, 0);
    let expected = 100_000.0 * (normal_cdf(0.1) - 0.5);
    assert!(
        (h.counts[0] as f64 - expected).abs() < 5.0 * 62.0,
        "{} vs {expected}",
        h.counts[0]
    );
    // Binned with the rest instead, the zeros swamp the first bin.
    let binned = Histogram::new(&after, lo, hi, 40, Zeros::InBins).unwrap();
    assert_eq!(binned.counts[0], h.counts[0] + h.zeros);
    assert_eq!(binned.counts[1..], h.counts[1..]);
    assert_eq!(accounted(&h), after.len());
}

#[test]
fn every_sample_is_accounted_for() {
    for (mean, std, bins) in [
        (0.0, 1.0, 1),
        (2.0, 0.5, 7),
        (-3.0, 2.0, 512),
        (10.0, 0.01, 64),
    ] {
        let n = Normal::new(mean, std).unwrap();
        let samples = n.samples(20_000, 9).unwrap();
        let (lo, hi) = n.range();
        let h = Histogram::new(&samples, lo, hi, bins, Zeros::InBins).unwrap();
        assert_eq!(h.counts.len(), bins);
        assert_eq!(h.edges.len(), bins + 1);
        assert_eq!(accounted(&h), samples.len());
        // Outside μ ± 4σ: 2Φ(−4) = 6.3e-5 of 20 000 is about 1.3; 10 would be 7 standard
        // errors out.
        assert!(h.below + h.above < 10, "N({mean}, {std}): {h:?}");
        let after = after_relu(&samples);
        let (lo, hi) = n.relu_range();
        let h = Histogram::new(&after, lo, hi, bins, Zeros::Apart).unwrap();
        assert_eq!(accounted(&h), after.len());
        assert_eq!(h.below, 0, "ReLU makes nothing negative");
    }
}

#[test]
fn default_ranges_by_hand() {
    let n = Normal::new(1.0, 2.0).unwrap();
    assert_eq!(n.range(), (-7.0, 9.0));
    assert_eq!(n.relu_range(), (0.0, 9.0));
    // μ + 4σ = −1 ≤ 0: the range after ReLU is σ wide.
    let n = Normal::new(-5.0, 1.0).unwrap();
    assert_eq!(n.range(), (-9.0, -1.0));
    assert_eq!(n.relu_range(), (0.0, 1.0));
    // Every domain corner gives a valid range.
    for (mean, std) in [(-10.0, 0.01), (10.0, 0.01), (-10.0, 10.0), (10.0, 10.0)] {
        let n = Normal::new(mean, std).unwrap();
        for (lo, hi) in [n.range(), n.relu_range()] {
            assert!(Histogram::new(&[], lo, hi, 512, Zeros::Apart).is_ok());
        }
    }
}

#[test]
fn edges_never_decrease_even_when_the_range_is_within_rounding() {
    // 2⁵³ and 2⁵³ + 4 are two doubles apart: most of the 512 bins are empty slivers, and the
    // value 2⁵³ (an f32 too) still lands in a bin whose edges hold it.
    let lo = 2.0_f64.powi(53);
    let hi = lo + 4.0;
    let h = Histogram::new(&[lo as f32], lo, hi, 512, Zeros::InBins).unwrap();
    assert_eq!((h.edges[0], h.edges[512]), (lo, hi));
    assert!(h.edges.windows(2).all(|e| e[0] <= e[1]));
    assert!(h.edges[1..512].contains(&lo), "slivers");
    let bin = h.counts.iter().position(|&c| c == 1).unwrap();
    assert!(h.edges[bin] <= lo && lo < h.edges[bin + 1]);
}

#[test]
fn bad_bins_and_ranges_are_refused() {
    for bins in [0, 513, usize::MAX] {
        assert_eq!(
            Histogram::new(&VALUES, 0.0, 1.0, bins, Zeros::InBins),
            Err(SparsityError::Bins { got: bins })
        );
    }
    for (lo, hi) in [
        (1.0, 1.0),
        (2.0, 1.0),
        (f64::NAN, 1.0),
        (0.0, f64::NAN),
        (f64::NEG_INFINITY, 0.0),
        (0.0, f64::INFINITY),
        (-f64::MAX, f64::MAX),
    ] {
        assert!(
            matches!(
                Histogram::new(&VALUES, lo, hi, 4, Zeros::InBins),
                Err(SparsityError::Range { .. })
            ),
            "[{lo}, {hi}]"
        );
    }
    let text = Histogram::new(&VALUES, 0.0, 1.0, 0, Zeros::InBins)
        .unwrap_err()
        .to_string();
    assert!(text.contains("512"), "{text}");
}

#[test]
fn extreme_values_are_counted_outside() {
    let values = [f32::MAX, -f32::MAX, f32::INFINITY, f32::from_bits(1)];
    let h = Histogram::new(&values, 0.0, 1.0, 3, Zeros::Apart).unwrap();
    assert_eq!((h.below, h.above, h.zeros), (1, 2, 0));
    assert_eq!(
        h.counts,
        [1, 0, 0],
        "the smallest subnormal is positive, in bin 0"
    );
}
