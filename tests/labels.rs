//! Tick labels, and the powers of ten the log-scale slider and axis take from libm.

use relu_explorer::plot::labels::{compact, label};

#[test]
fn labels_drop_float_noise_and_negative_zero() {
    assert_eq!(label(-0.0), "0");
    assert_eq!(label(1e-9), "0");
    assert_eq!(label(0.30000000000000004), "0.3");
    assert_eq!(label(-2.5), "-2.5");
    assert_eq!(label(10.0), "10");
    assert_eq!(label(100.0), "100");
}

#[test]
fn compact_labels_keep_two_decimals_and_shorten_thousands() {
    assert_eq!(compact(-0.001), "0");
    assert_eq!(compact(0.125), "0.13");
    assert_eq!(compact(2500.0), "2k");
    assert_eq!(compact(3500.0), "4k");
    assert_eq!(compact(-12000.0), "-12k");
    assert_eq!(compact(999.0), "999");
}

/// The lab's learning-rate slider holds log10 of the rate in whole and half steps; its whole
/// stops must give exactly the round rates a learner reads (1e-4, not 0.00010000000000000002).
#[test]
fn whole_powers_of_ten_from_libm_are_exact_over_the_sliders_range() {
    for n in -15..=15 {
        let exact: f64 = format!("1e{n}").parse().unwrap();
        assert_eq!(libm::exp10(f64::from(n)), exact, "exp10({n})");
    }
}
