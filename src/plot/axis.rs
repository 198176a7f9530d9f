//! Axis ranges that plotters can always lay out.
//!
//! plotters places an axis's key points (ticks and grid lines) with loops that step by float
//! arithmetic and stop on float conditions. Given an end at ±∞ or NaN, or a span that overflows
//! (−1e308 to 1e308), those loops never end and the page freezes. Every chart passes each of its
//! ranges through [`sane`] before plotters sees it, so every range is finite, ordered, of bounded
//! magnitude and wide enough for its magnitude, whatever the data or the settings.

/// The largest magnitude an axis end may have; data beyond it is drawn off the chart.
pub const LIMIT: f64 = 1e30;

/// The narrowest span an axis may have relative to the magnitude of its larger end: at least a
/// million `f64` values apart, so that ticks and pixels map to distinct numbers.
pub const MIN_RELATIVE_SPAN: f64 = 1e-6;

/// The narrowest span an axis may have near 0.
pub const MIN_SPAN: f64 = 1e-9;

/// The span that an axis whose larger end has magnitude `magnitude` must at least have.
pub fn min_span(magnitude: f64) -> f64 {
    MIN_SPAN.max(magnitude * MIN_RELATIVE_SPAN)
}

/// `(low, high)` made safe for plotters: `fallback` if an end is not finite or they are out of
/// order (a `fallback` that is not safe itself becomes 0 to 1), ends limited to ±[`LIMIT`],
/// and a range thinner than [`min_span`] widened about its centre. A range that already is
/// safe comes back unchanged.
pub fn sane((low, high): (f64, f64), fallback: (f64, f64)) -> (f64, f64) {
    let usable = |(low, high): (f64, f64)| low.is_finite() && high.is_finite() && low <= high;
    let (low, high) = if usable((low, high)) {
        (low, high)
    } else if usable(fallback) {
        fallback
    } else {
        (0.0, 1.0)
    };
    let low = low.clamp(-LIMIT, LIMIT);
    let high = high.clamp(-LIMIT, LIMIT);
    let needed = min_span(low.abs().max(high.abs()));
    if high - low >= needed {
        return (low, high);
    }
    // Widened by twice what is needed, so that the wider range still meets the (slightly
    // larger) need of its own ends after rounding.
    let centre = low / 2.0 + high / 2.0;
    if centre + needed > LIMIT {
        (LIMIT - 2.0 * needed, LIMIT)
    } else if centre - needed < -LIMIT {
        (-LIMIT, -LIMIT + 2.0 * needed)
    } else {
        (centre - needed, centre + needed)
    }
}
