//! The libm crate's `exp10` and `log`, bit for bit, without a second copy of libm's maths in
//! the page's module.
//!
//! Rust's std on wasm32 has no system libm: its `f64::exp2`, `f64::powf` and `f64::ln` are
//! compiler-builtins' copies of libm's functions, built from the same source, and the module
//! links them anyway (plotters' axes, the activations). Calling the libm crate on top linked
//! its own `pow`, `exp2`, `log`, `sqrt` and `scalbn` as well: about 1.4 KB gzip. So on wasm32
//! `exp10` is libm's (a table for whole powers, `exp2` and `pow` otherwise) over std's `exp2`
//! and `powf`, and `log` is std's `ln`; natively these are the libm crate's own, since a native
//! std calls the system's libm, which may round differently. The browser tests check both
//! against the libm crate bit for bit (tests/browser.rs).

/// 10 to the power `x`, as `libm::exp10`.
#[cfg(target_arch = "wasm32")]
pub fn exp10(x: f64) -> f64 {
    /// 10^-15 to 10^15.
    const P10: [f64; 31] = [
        1e-15, 1e-14, 1e-13, 1e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2,
        1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (fraction, whole) = libm::modf(x);
    // |whole| < 16, read from the bits so that a NaN takes the other branch.
    if (whole.to_bits() >> 52) & 0x7ff < 0x3ff + 4 {
        let power = P10[(whole as isize + 15) as usize];
        if fraction == 0.0 {
            return power;
        }
        return (std::f64::consts::LOG2_10 * fraction).exp2() * power;
    }
    10.0_f64.powf(x)
}

/// 10 to the power `x`, as `libm::exp10`.
#[cfg(not(target_arch = "wasm32"))]
pub use libm::exp10;

/// The natural logarithm of `x`, as `libm::log`.
#[cfg(target_arch = "wasm32")]
pub fn log(x: f64) -> f64 {
    x.ln()
}

/// The natural logarithm of `x`, as `libm::log`.
#[cfg(not(target_arch = "wasm32"))]
pub use libm::log;
