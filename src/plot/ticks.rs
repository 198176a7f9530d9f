//! Where an axis puts its labelled ticks: at round numbers, 1, 2 or 5 times a power of ten.
//!
//! plotters' own f64 axis chooses ticks with `f64::powf` (a 5 KB table in the wasm module)
//! and formats unlabelled values with `{:?}` (core's float printing); this axis does the
//! first with multiplications and leaves labels to the charts' own formatters.

use std::ops::Range;

use plotters::coord::ranged1d::{
    KeyPointHint, NoDefaultFormatting, Ranged, ReversibleRanged, ValueFormatter,
};
use plotters::coord::types::RangedCoordf64;

use crate::decimal;
use crate::power_of_ten;

/// A linear f64 axis whose labelled ticks are round numbers.
#[derive(Clone)]
pub struct Axis {
    range: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Axis {
    /// The axis from `min` to `max` with at most `max_count` ticks, chosen by [`ticks`].
    pub fn new(min: f64, max: f64, max_count: usize) -> Axis {
        Axis {
            range: (min..max).into(),
            ticks: ticks(min, max, max_count),
        }
    }
}

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.range.map(value, limit)
    }

    /// The round-number ticks as bold lines; no light lines between them.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.range.range()
    }
}

impl ReversibleRanged for Axis {
    fn unmap(&self, input: i32, limit: (i32, i32)) -> Option<f64> {
        self.range.unmap(input, limit)
    }
}

impl ValueFormatter<f64> for Axis {
    /// Used only where a chart gives no label formatter of its own.
    fn format(value: &f64) -> String {
        label(*value)
    }
}

/// A tick label without a needless `.0`, without `-0`, and without the float noise of the
/// sixth decimal and beyond.
pub fn label(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        decimal::shortest(rounded)
    }
}

/// The round numbers in `[min, max]` with the smallest step of the form 1, 2 or 5 × 10ᵏ that
/// gives at most `max_count` of them (and at least one step's worth of room). Empty when the
/// range is empty or not finite.
pub fn ticks(min: f64, max: f64, max_count: usize) -> Vec<f64> {
    let span = max - min;
    if !(span.is_finite() && span > 0.0) || max_count == 0 {
        return Vec::new();
    }
    // Start from a step at least as large as the span, so one tick at most fits, then shrink
    // it through 5, 2, 1 × 10ᵏ while the count stays within `max_count`.
    let mut step = Step::covering(span);
    loop {
        let finer = step.finer();
        if finer.count(min, max) > max_count as f64 {
            break;
        }
        step = finer;
    }
    let first = (min / step.value()).ceil();
    let last = (max / step.value()).floor();
    let mut out = Vec::new();
    let mut i = first;
    while i <= last {
        out.push(step.at(i));
        i += 1.0;
    }
    out
}

/// A step of `mantissa` × 10^`exponent`, with `mantissa` 1, 2 or 5.
#[derive(Clone, Copy)]
struct Step {
    mantissa: f64,
    exponent: i32,
}

impl Step {
    /// The smallest power of ten at least `span`.
    fn covering(span: f64) -> Step {
        let mut step = Step {
            mantissa: 1.0,
            exponent: 0,
        };
        // Bounded: f64 spans lie between 10⁻³²⁴ and 10³⁰⁹.
        while step.value() < span && step.exponent < 310 {
            step.exponent += 1;
        }
        while step.exponent > -330 && step.finer_power().value() >= span {
            step.exponent -= 1;
        }
        step
    }

    /// The next smaller step: 10 → 5 → 2 → 1 → 0.5 …
    fn finer(self) -> Step {
        match self.mantissa as u8 {
            1 => Step {
                mantissa: 5.0,
                exponent: self.exponent - 1,
            },
            5 => Step {
                mantissa: 2.0,
                ..self
            },
            _ => Step {
                mantissa: 1.0,
                ..self
            },
        }
    }

    /// One power of ten less.
    fn finer_power(self) -> Step {
        Step {
            exponent: self.exponent - 1,
            ..self
        }
    }

    /// How many multiples of the step lie in `[min, max]`.
    fn count(self, min: f64, max: f64) -> f64 {
        (max / self.value()).floor() - (min / self.value()).ceil() + 1.0
    }

    /// The step as a number.
    fn value(self) -> f64 {
        self.at(1.0)
    }

    /// `i` steps from zero, correctly rounded: the integer `i × mantissa` scaled by an exact
    /// power of ten, so that 3 × 0.1 is 0.3 and not 0.30000000000000004.
    fn at(self, i: f64) -> f64 {
        let scale = power_of_ten::integer(self.exponent.unsigned_abs());
        if self.exponent >= 0 {
            i * self.mantissa * scale
        } else {
            i * self.mantissa / scale
        }
    }
}
