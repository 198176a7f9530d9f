//! E[φ(z)²] for z ~ N(0, s²), the mean square of an activation of a Gaussian pre-activation, for
//! tanh and sigmoid, which have no closed form.
//!
//! By the trapezoid rule over u = z/s, which for an integrand analytic in a strip about the real
//! axis and decaying at both ends converges geometrically in the number of points (Trefethen &
//! Weideman, "The exponentially convergent trapezoidal rule", SIAM Review 56(3), 2014).
//! Gauss–Hermite was the first choice, but its fixed nodes lose tanh² once s is large: with 64
//! nodes the error is still 6% at s = 10, because the integrand then changes from 0 to 1 between
//! nodes. Here the grid shrinks with s instead, and where the integrand does not decay (tanh² and
//! sigmoid² tend to constants) it is rewritten as a constant minus one that does:
//!
//! - tanh² = 1 − sech², so E[tanh²(z)] = 1 − E[sech²(z)] for s > 1; for s ≤ 1, where that would
//!   cancel (E[tanh²] ≈ s²), tanh² itself, which the Gaussian makes decay;
//! - sigmoid(z)² + sigmoid(−z)² = 1 − 2·sigmoid′(z) and sigmoid′(z) = sech²(z/2)/4, so by the
//!   symmetry of z, E[sigmoid(z)²] = ½ − E[sech²(z/2)]/4, near ¼ or above, with no cancellation.
//!
//! tests/growth.rs holds both to 10⁻¹⁴ of mpmath's adaptive quadrature at 30 digits
//! (tests/fixtures/gaussian_mean_squares.py) at ten values of s from 10⁻¹⁰ to 10⁶; a sweep of
//! 65 values over that range, in a Python copy of this code, found at most 7·10⁻¹⁵.

use std::f64::consts::PI;

/// The grid's step: a quarter of a standard deviation when s ≤ 1, a quarter of a unit of z when
/// s > 1, so that the poles of tanh² and sech² at z = ±iπ/2 leave an error near
/// e^(−2π·(π/2)/¼) ≈ 10⁻¹⁷.
const STEP: f64 = 0.25;

/// Points on each side of 0 (the grid has 161): out to 20 standard deviations when s ≤ 1, where
/// the Gaussian has long vanished, and to |z| = 20 when s > 1, where sech² is 1.7·10⁻¹⁷.
const SIDE: usize = 80;

/// E[tanh(z)²] for z ~ N(0, s²).
pub(super) fn tanh_mean_square(s: f64) -> f64 {
    if s == 0.0 {
        return 0.0;
    }
    if s <= 1.0 {
        return gaussian_mean(|z| z.tanh().powi(2), s);
    }
    1.0 - mean_sech2(s)
}

/// E[sigmoid(z)²] for z ~ N(0, s²).
pub(super) fn sigmoid_mean_square(s: f64) -> f64 {
    0.5 - mean_sech2(0.5 * s) / 4.0
}

/// E[sech²(z)] for z ~ N(0, s²): 1 at s = 0, falling like √(2/π)/s for large s.
fn mean_sech2(s: f64) -> f64 {
    if s == 0.0 {
        return 1.0;
    }
    gaussian_mean(sech2, s)
}

fn sech2(z: f64) -> f64 {
    // cosh overflows past |z| ≈ 710, where sech² is 0 anyway.
    let c = z.cosh();
    1.0 / (c * c)
}

/// E[f(z)] for z ~ N(0, s²), s > 0 (infinity included), by the trapezoid rule over u = z/s:
/// [`SIDE`] steps each side of 0, of [`STEP`] in u when s ≤ 1 and of [`STEP`] in z (so STEP/s in
/// u) when s > 1, so that f, which must be even and, when s > 1, negligible past
/// |z| = SIDE·STEP = 20, is sampled finely wherever it changes.
fn gaussian_mean(f: impl Fn(f64) -> f64, s: f64) -> f64 {
    let step = if s <= 1.0 { STEP } else { STEP / s };
    // f is even and so is the Gaussian: the centre once, each other point twice.
    let mut sum = f(0.0);
    for k in 1..=SIDE {
        let u = k as f64 * step;
        // s·u is a grid point in z: k·STEP·s when s ≤ 1, k·STEP when s > 1 (exactly, without
        // rounding s·(STEP/s)).
        let z = if s <= 1.0 { s * u } else { k as f64 * STEP };
        sum += 2.0 * f(z) * (-0.5 * u * u).exp();
    }
    sum * step / (2.0 * PI).sqrt()
}
