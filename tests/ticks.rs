//! Axis ticks at round numbers, and powers of ten without `powf`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::plot::ticks::{label, ticks};
use relu_explorer::power_of_ten::{exp10, integer};

#[test]
fn the_graph_default_range_gets_every_even_number() {
    let expected: Vec<f64> = (-5..=5).map(|i| f64::from(i) * 2.0).collect();
    assert_eq!(ticks(-10.0, 10.0, 11), expected);
}

#[test]
fn steps_are_one_two_or_five_times_a_power_of_ten() {
    assert_eq!(ticks(0.0, 1.0, 4), [0.0, 0.5, 1.0]);
    assert_eq!(ticks(0.0, 1.0, 6), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    assert_eq!(ticks(-3.0, 7.0, 3), [0.0, 5.0]);
    assert_eq!(ticks(0.0, 2500.0, 4), [0.0, 1000.0, 2000.0]);
    assert_eq!(ticks(1e-3, 4e-3, 4), [1e-3, 2e-3, 3e-3, 4e-3]);
}

#[test]
fn ticks_are_the_nearest_doubles_to_the_round_numbers() {
    // 3 × 0.1 in floating point is 0.30000000000000004; the tick must be 0.3 itself.
    assert_eq!(ticks(0.26, 0.34, 2), [0.3]);
    assert_eq!(ticks(-0.3, 0.7, 5), [-0.2, 0.0, 0.2, 0.4, 0.6]);
    assert_eq!(label(0.6), "0.6");
}

#[test]
fn empty_reversed_or_not_finite_ranges_get_no_ticks() {
    assert!(ticks(1.0, 1.0, 5).is_empty());
    assert!(ticks(2.0, 1.0, 5).is_empty());
    assert!(ticks(f64::NAN, 1.0, 5).is_empty());
    assert!(ticks(0.0, f64::INFINITY, 5).is_empty());
    assert!(
        ticks(-f64::MAX, f64::MAX, 5).is_empty(),
        "the span overflows"
    );
    assert!(ticks(0.0, 1.0, 0).is_empty());
}

#[test]
fn labels_drop_float_noise_and_negative_zero() {
    assert_eq!(label(-0.0), "0");
    assert_eq!(label(1e-9), "0");
    assert_eq!(label(0.30000000000000004), "0.3");
    assert_eq!(label(-2.5), "-2.5");
    assert_eq!(label(10.0), "10");
}

#[test]
fn whole_powers_of_ten_are_exact() {
    for n in 0..=22 {
        let exact: f64 = format!("1e{n}").parse().unwrap();
        assert_eq!(integer(n), exact, "10^{n}");
        assert_eq!(exp10(f64::from(n)), exact, "exp10({n})");
        let small: f64 = format!("1e-{n}").parse().unwrap();
        assert_eq!(exp10(-f64::from(n)), small, "exp10(-{n})");
    }
    assert_eq!(integer(309), f64::INFINITY);
}

#[test]
fn fractional_powers_are_within_a_few_ulps() {
    for (x, expected) in [
        // Python's 10 ** x.
        (0.5, 3.162_277_660_168_379_5_f64),
        (-1.3, 0.05011872336272722),
        (0.4771, 2.999853181190793),
        (-3.5, 0.00031622776601683794),
    ] {
        let got = exp10(x);
        let ulps = (got.to_bits() as i64 - expected.to_bits() as i64).abs();
        assert!(ulps <= 4, "exp10({x}) = {got}, expected {expected}");
    }
    assert!(exp10(f64::NAN).is_nan());
    assert_eq!(exp10(f64::INFINITY), f64::INFINITY);
    assert_eq!(exp10(f64::NEG_INFINITY), 0.0);
    assert_eq!(exp10(400.0), f64::INFINITY);
    assert_eq!(exp10(-400.0), 0.0);
}

proptest! {
    #[test]
    fn ticks_are_few_increasing_round_and_inside(
        min in -1e6f64..1e6,
        span in 1e-6f64..1e6,
        max_count in 2usize..15,
    ) {
        let max = min + span;
        let ticks = ticks(min, max, max_count);
        prop_assert!(ticks.len() <= max_count, "{} ticks: {ticks:?}", ticks.len());
        prop_assert!(!ticks.is_empty() || span < 1.0, "no tick in [{min}, {max}]");
        for pair in ticks.windows(2) {
            prop_assert!(pair[0] < pair[1]);
        }
        for &t in &ticks {
            prop_assert!((min..=max).contains(&t), "{t} outside [{min}, {max}]");
        }
    }
}
