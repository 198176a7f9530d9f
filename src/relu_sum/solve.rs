//! Least squares for the builder: the normal equations of at most 13 unknowns, with a tiny ridge
//! so that every placement of units has one answer, solved by Cholesky.
//!
//! A QR factorisation of the 401 × 13 design matrix would be more accurate on nearly dependent
//! columns, but the builder's columns are ReLUs at kinks the reader places on a chart, and the
//! ridge already settles the dependent cases; what the page shows, the curve, is the same to
//! plotting precision.

/// The ridge λ relative to the largest diagonal entry of AᵀA (the largest column's squared
/// norm).
///
/// Small enough: the ridge minimises |Aθ − y|² + λ|θ|², which is at most the best |Aθ* − y|²
/// plus λ|θ*|² (θ* the smallest best coefficients), so it costs at most λ|θ*|² of squared
/// error. In the builder a column's squared norm is at most 401 · 4² (|x − k| ≤ 4 on the range),
/// so its mean squared error is at most 1.6·10⁻⁹·|θ*|² above the best, and in practice far
/// less (about λ²|θ*|² over the smallest eigenvalue of AᵀA, 10⁻¹⁵ or so).
///
/// Large enough: AᵀA + λI keeps every eigenvalue at least λ, which with 13 unknowns is at least
/// 10⁻¹⁰/13 of the largest, thousands of times more than the rounding of the factorisation
/// (about 13·ε relative), so Cholesky's pivots stay positive.
const RIDGE: f64 = 1e-10;

/// The θ that minimises |Aθ − y|² + λ|θ|², A given by its `columns` (each as long as `y`),
/// λ = [`RIDGE`] · max diag(AᵀA). With λ > 0 the minimiser is unique: where the columns leave
/// the least-squares answer open, it is close to the one with the smallest |θ|. λ > 0 holds
/// whenever a column is non-zero, as the builder's constant column always is.
pub(super) fn least_squares(columns: &[Vec<f64>], y: &[f64]) -> Vec<f64> {
    let n = columns.len();
    let mut gram = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let entry = dot(&columns[i], &columns[j]);
            gram[i * n + j] = entry;
            gram[j * n + i] = entry;
        }
    }
    let largest = (0..n).map(|i| gram[i * n + i]).fold(0.0, f64::max);
    for i in 0..n {
        gram[i * n + i] += RIDGE * largest;
    }
    let right: Vec<f64> = columns.iter().map(|column| dot(column, y)).collect();
    cholesky_solve(&mut gram, right, n)
}

/// Σ aᵢbᵢ.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// Solves M·θ = `right` for the symmetric positive definite n × n `matrix` (row-major), which
/// is overwritten by its Cholesky factor L (M = L·Lᵀ, in the lower triangle).
fn cholesky_solve(matrix: &mut [f64], mut right: Vec<f64>, n: usize) -> Vec<f64> {
    for j in 0..n {
        let pivot =
            (matrix[j * n + j] - (0..j).map(|k| matrix[j * n + k].powi(2)).sum::<f64>()).sqrt();
        matrix[j * n + j] = pivot;
        for i in j + 1..n {
            let sum: f64 = (0..j).map(|k| matrix[i * n + k] * matrix[j * n + k]).sum();
            matrix[i * n + j] = (matrix[i * n + j] - sum) / pivot;
        }
    }
    // L·z = right, then Lᵀ·θ = z, each in place.
    for i in 0..n {
        let sum: f64 = (0..i).map(|k| matrix[i * n + k] * right[k]).sum();
        right[i] = (right[i] - sum) / matrix[i * n + i];
    }
    for i in (0..n).rev() {
        let sum: f64 = (i + 1..n).map(|k| matrix[k * n + i] * right[k]).sum();
        right[i] = (right[i] - sum) / matrix[i * n + i];
    }
    right
}
