//! Powers of ten without `f64::powf`, whose wasm build brings a 5 KB table along.

/// 10ⁿ: exact up to 10²², within a few ulps above, infinity past 10³⁰⁸.
pub fn integer(n: u32) -> f64 {
    let mut out = 1.0;
    for _ in 0..n.min(400) {
        out *= 10.0;
    }
    out
}

/// 10ˣ for a log-scale control or axis: exact at whole x from −22 to 22 (so a slider at −4
/// gives exactly 1e-4), and within a few ulps between them.
pub fn exp10(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x.is_infinite() {
        return x.max(0.0);
    }
    let whole = x.floor();
    let scale = integer(whole.abs().min(400.0) as u32);
    let fraction = ((x - whole) * std::f64::consts::LN_10).exp();
    if whole >= 0.0 {
        fraction * scale
    } else {
        fraction / scale
    }
}
