//! What theory says ReLU does to N(μ, σ²): the share of exact zeros, and the mean and variance
//! of what comes out.
//!
//! With a = μ/σ, X = μ + σZ and Z standard normal, relu(X) = 0 exactly when Z ≤ −a, so
//!
//! - P(relu(X) = 0) = Φ(−a);
//! - E[relu(X)] = μΦ(a) + σφ(a);
//! - E[relu(X)²] = (μ² + σ²)Φ(a) + μσφ(a);
//!
//! (the last two integrate x·φ and x²·φ over z > −a). The mean is positive for every μ: ReLU's
//! output is never zero-centred.

use super::Normal;

/// √(2π), for the normal density.
const SQRT_2PI: f64 = 2.506_628_274_631_000_5;

/// Φ(z), the standard normal distribution function, as 0.5·erfc(−z/√2) with `libm::erfc`.
/// Through erfc rather than 1 + erf, the lower tail keeps its relative precision: Φ(−10) is
/// 7.6·10⁻²⁴, not 0.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// φ(z), the standard normal density, e^(−z²/2)/√(2π). Through `libm::exp`, which `libm::erfc`
/// links anyway, so that the page computes the same bits as the native tests.
pub fn normal_pdf(z: f64) -> f64 {
    libm::exp(-0.5 * z * z) / SQRT_2PI
}

impl Normal {
    /// a = μ/σ, the mean in standard deviations.
    fn standardised_mean(&self) -> f64 {
        self.mean / self.std
    }

    /// The share of zeros ReLU makes of this distribution, P(X ≤ 0) = Φ(−μ/σ).
    pub fn relu_zero_share(&self) -> f64 {
        normal_cdf(-self.standardised_mean())
    }

    /// E[relu(X)] = μΦ(a) + σφ(a), a = μ/σ.
    ///
    /// For a below 0 the two terms nearly cancel (the mean is about σφ(a)/a² for large |a|),
    /// but both are then below 0.4σ in size, so the absolute error stays a few ulp of σ; only
    /// the relative error grows, where the mean itself is far below σ.
    pub fn relu_mean(&self) -> f64 {
        let a = self.standardised_mean();
        self.mean * normal_cdf(a) + self.std * normal_pdf(a)
    }

    /// Var[relu(X)] = E[relu(X)²] − E[relu(X)]², never below 0.
    ///
    /// Written as σ²·(P + a²PQ − aφ(P − Q) − φ²) with P = Φ(a), Q = Φ(−a), φ = φ(a): the
    /// module's closed forms for E[relu(X)²] − E[relu(X)]², with 1 − P written as Q. That never
    /// forms the two large numbers the plain difference subtracts for large a (at μ = 10,
    /// σ = 0.01, both near 100 and 10⁻⁴ apart): a² multiplies PQ, which is then tiny. Every
    /// term is below 1 in size, so the absolute error is a few ulp of σ²; the relative error
    /// grows only for a far below 0, where the variance itself is far below σ². Rounding could
    /// leave a value just below 0; that is reported as 0.
    pub fn relu_variance(&self) -> f64 {
        let a = self.standardised_mean();
        let (p, q, density) = (normal_cdf(a), normal_cdf(-a), normal_pdf(a));
        let scaled = p + a * a * p * q - a * density * (p - q) - density * density;
        self.std * self.std * scaled.max(0.0)
    }
}
