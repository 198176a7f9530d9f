//! The page's sparsity experiment: its settings' ranges within the core's, and a run's two
//! histograms on shared bins, its zeros and its means against theory.
#![cfg(not(target_arch = "wasm32"))]

use relu_explorer::sparsity::*;

fn run(mean: f64, std: f64, samples: u32, seed: u64) -> SparsityRun {
    SparsitySettings {
        mean,
        std,
        samples,
        seed,
    }
    .run()
    .unwrap()
}

/// Every value lands somewhere exactly once.
fn accounted(h: &Histogram) -> usize {
    h.counts.iter().sum::<usize>() + h.zeros + h.below + h.above + h.nan
}

#[test]
fn the_pages_ranges_are_within_the_cores() {
    for mean in [*EXPERIMENT_MEANS.start(), *EXPERIMENT_MEANS.end()] {
        assert!(MEANS.contains(&mean));
    }
    for std in [*EXPERIMENT_STDS.start(), *EXPERIMENT_STDS.end()] {
        assert!(STDS.contains(&std));
    }
    for samples in [*EXPERIMENT_SAMPLES.start(), *EXPERIMENT_SAMPLES.end()] {
        assert!(SAMPLES.contains(&(samples as usize)));
    }
    // Every corner of the page's settings runs.
    for mean in [*EXPERIMENT_MEANS.start(), 0.0, *EXPERIMENT_MEANS.end()] {
        for std in [*EXPERIMENT_STDS.start(), *EXPERIMENT_STDS.end()] {
            for samples in [*EXPERIMENT_SAMPLES.start(), *EXPERIMENT_SAMPLES.end()] {
                let r = run(mean, std, samples, 7);
                assert_eq!(accounted(&r.before), samples as usize);
                assert_eq!(accounted(&r.after), samples as usize);
            }
        }
    }
}

#[test]
fn the_default_is_half_zeros_from_a_standard_normal() {
    let settings = SparsitySettings::default();
    assert_eq!((settings.mean, settings.std), (0.0, 1.0));
    let r = settings.run().unwrap();
    assert_eq!(r.normal.relu_zero_share(), 0.5);
    let (low, high) = r.zeros.interval();
    assert!(low < 0.5 && 0.5 < high, "{low} {high}");
}

#[test]
fn the_bins_have_an_edge_at_zero_and_room_on_both_sides() {
    for (mean, std) in [(0.0, 1.0), (-1.0, 1.0), (3.0, 0.1), (-3.0, 0.1), (2.5, 3.0)] {
        let normal = Normal::new(mean, std).unwrap();
        let (lo, hi, bins) = shared_bins(&normal);
        let (low, high) = normal.range();
        assert!(lo <= low.min(0.0) && hi >= high.max(0.0), "{mean} {std}");
        assert!(lo < 0.0 && hi > 0.0, "{mean} {std}");
        assert!(BINS.contains(&bins) && bins <= CHART_BINS + 2, "{bins}");
        let width = (hi - lo) / bins as f64;
        // 0 is an edge: lo is a whole number of bins below it, to rounding.
        let below = -lo / width;
        assert!(
            (below - below.round()).abs() < 1e-9,
            "{mean} {std}: {below}"
        );
    }
}

#[test]
fn relu_keeps_the_positive_bins_piles_the_rest_on_zero_and_empties_the_negative_bins() {
    let r = run(-0.5, 1.5, 20_000, 3);
    assert_eq!(r.before.edges, r.after.edges);
    let zero = r.after.edges.partition_point(|&e| e < -1e-12);
    for (i, (before, after)) in r.before.counts.iter().zip(&r.after.counts).enumerate() {
        if i < zero {
            assert_eq!(*after, 0, "bin {i} is negative");
        } else {
            assert_eq!(before, after, "bin {i} is positive");
        }
    }
    // Every input at or below 0 is a zero after ReLU, and held apart in the spike.
    let negative: usize = r.before.counts[..zero].iter().sum::<usize>() + r.before.below;
    assert_eq!(r.after.zeros, negative);
    assert_eq!(r.zeros.zeros() as usize, negative);
    assert_eq!(r.zeros.samples(), 20_000);
}

#[test]
fn measured_shares_and_means_match_theory_within_their_noise() {
    for (mean, std) in [(-1.0, 1.0), (0.0, 2.0), (1.5, 0.5), (-3.0, 3.0)] {
        let r = run(mean, std, 100_000, 11);
        let theory = r.normal.relu_zero_share();
        let (low, high) = r.zeros.interval();
        assert!(
            low <= theory && theory <= high,
            "{mean} {std}: {theory} not in {low}..{high}"
        );
        // Five standard errors of a mean of 100 000 samples.
        let slack = |sd: f64| 5.0 * sd / (100_000f64).sqrt();
        assert!((r.mean_before - mean).abs() < slack(std), "{mean} {std}");
        let out_sd = r.normal.relu_variance().sqrt();
        assert!(
            (r.mean_after - r.normal.relu_mean()).abs() < slack(out_sd),
            "{mean} {std}: {} vs {}",
            r.mean_after,
            r.normal.relu_mean()
        );
        assert!(r.mean_after > 0.0 && r.normal.relu_mean() > 0.0);
    }
}

#[test]
fn a_run_is_its_seeds_and_a_new_seed_draws_anew() {
    assert_eq!(run(0.3, 1.2, 1000, 5), run(0.3, 1.2, 1000, 5));
    assert_ne!(run(0.3, 1.2, 1000, 5).before, run(0.3, 1.2, 1000, 6).before);
}

#[test]
fn settings_outside_the_cores_domain_are_refused_not_run() {
    let bad = |mean, std, samples| {
        SparsitySettings {
            mean,
            std,
            samples,
            seed: 1,
        }
        .run()
        .unwrap_err()
    };
    assert!(matches!(
        bad(f64::NAN, 1.0, 100),
        SparsityError::Mean { .. }
    ));
    assert!(matches!(bad(0.0, 0.0, 100), SparsityError::Std { .. }));
    assert!(matches!(bad(0.0, 1.0, 0), SparsityError::Samples { .. }));
    assert!(matches!(
        bad(0.0, 1.0, 2_000_000),
        SparsityError::Samples { .. }
    ));
}
