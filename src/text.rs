//! Every user-visible string the Rust code writes (chart titles, legends, readouts, messages),
//! keyed by language in one place, so that a translation is one more table.

use crate::state::Problem;
use crate::tensor_text::{TensorTextError, MAX_ENTRIES};

/// A language the explorer speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
}

/// The strings of one language. Templates name their placeholders in braces, filled by
/// [`fill`].
pub struct Strings {
    /// The graph's title (the article's figure title).
    pub graph_title: &'static str,
    /// The x-axis label.
    pub axis_x: &'static str,
    /// The y-axis label.
    pub axis_y: &'static str,
    /// Legend: ReLU.
    pub relu: &'static str,
    /// Legend: ReLU's derivative.
    pub relu_derivative: &'static str,
    /// Legend: Leaky ReLU; `{slope}`.
    pub leaky: &'static str,
    /// Legend: Leaky ReLU's derivative.
    pub leaky_derivative: &'static str,
    /// Legend: sigmoid.
    pub sigmoid: &'static str,
    /// Legend: sigmoid's derivative.
    pub sigmoid_derivative: &'static str,
    /// Legend: tanh.
    pub tanh: &'static str,
    /// Legend: tanh's derivative.
    pub tanh_derivative: &'static str,
    /// Readout shown when x is exactly 0.
    pub at_kink: &'static str,
    /// Text alternative of the graph; `{min}`, `{max}`, `{x}`, `{fx}`, `{dfx}`.
    pub graph_alt: &'static str,
    /// x min not below x max; `{min}`, `{max}`, `{kept_min}`, `{kept_max}`.
    pub range_order: &'static str,
    /// A number out of bounds; `{key}`, `{value}`, `{low}`, `{high}`.
    pub out_of_bounds: &'static str,
    /// A URL value that could not be read; `{key}`, `{text}`.
    pub unreadable: &'static str,
    /// Prefix for problems found in the page's link.
    pub link_prefix: &'static str,
    /// Empty tensor text.
    pub tensor_empty: &'static str,
    /// Empty entry; `{position}`.
    pub tensor_missing: &'static str,
    /// Entry not a number; `{position}`, `{text}`.
    pub tensor_not_number: &'static str,
    /// Entry overflows float32; `{position}`, `{text}`.
    pub tensor_overflow: &'static str,
    /// Too many entries; `{len}`, `{max}`.
    pub tensor_too_long: &'static str,
    /// Input and gradient lengths differ; `{x}`, `{grad}`.
    pub tensor_lengths: &'static str,
    /// Which field a tensor message is about: the input.
    pub field_x: &'static str,
    /// Which field a tensor message is about: the gradient.
    pub field_grad: &'static str,
    /// Appended to a refused entry's message.
    pub keeping_last: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    graph_title: "ReLU Function and Its Derivative",
    axis_x: "x",
    axis_y: "y",
    relu: "ReLU(x)",
    relu_derivative: "Derivative of ReLU(x)",
    leaky: "Leaky ReLU(x), α = {slope}",
    leaky_derivative: "Derivative of Leaky ReLU(x)",
    sigmoid: "sigmoid(x)",
    sigmoid_derivative: "Derivative of sigmoid(x)",
    tanh: "tanh(x)",
    tanh_derivative: "Derivative of tanh(x)",
    at_kink: "x is exactly 0, the kink: the derivative is undefined here, and PyTorch’s backward \
              pass uses 0.",
    graph_alt: "Graph of ReLU(x) and its derivative for x from {min} to {max}. \
                At x = {x}, ReLU(x) = {fx} and its derivative is {dfx}.",
    range_order: "x min ({min}) must be less than x max ({max}). \
                  The graph keeps the range {kept_min} to {kept_max}.",
    out_of_bounds: "{key} = {value} is outside the allowed {low} to {high}.",
    unreadable: "{key} = “{text}” is not a valid value.",
    link_prefix: "Part of this link was ignored:",
    tensor_empty: "it is empty; type at least one number, such as -1.0, 0.0, 1.0, 2.0.",
    tensor_missing: "entry {position} is empty (two commas in a row?).",
    tensor_not_number: "entry {position}, “{text}”, is not a number \
                        (use digits, or nan, inf, -inf).",
    tensor_overflow: "entry {position}, {text}, is too large for float32 \
                      (the largest is about 3.4e38); type inf if you mean infinity.",
    tensor_too_long: "it has {len} entries; the panel takes at most {max}.",
    tensor_lengths: "x has {x} entries but the gradient has {grad}: \
                     backward needs one upstream gradient per entry of y.",
    field_x: "Input tensor x",
    field_grad: "Upstream gradient",
    keeping_last: "Showing the last good result.",
};

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A number as people read it: the shortest text that reads back as the same `f64`.
pub fn number(value: f64) -> String {
    format!("{value}")
}

/// The message for a refused control or URL value.
pub fn problem(s: &Strings, problem: &Problem, kept: (f64, f64)) -> String {
    match problem {
        Problem::RangeOrder { min, max } => fill(
            s.range_order,
            &[
                ("min", &number(*min)),
                ("max", &number(*max)),
                ("kept_min", &number(kept.0)),
                ("kept_max", &number(kept.1)),
            ],
        ),
        Problem::OutOfBounds {
            key,
            value,
            low,
            high,
        } => fill(
            s.out_of_bounds,
            &[
                ("key", key),
                ("value", &number(*value)),
                ("low", &number(*low)),
                ("high", &number(*high)),
            ],
        ),
        Problem::Unreadable { key, text } => {
            fill(s.unreadable, &[("key", key), ("text", text.as_str())])
        }
    }
}

/// The message for a refused tensor entry; `field` says which box it came from.
pub fn tensor_problem(s: &Strings, field: &str, error: &TensorTextError) -> String {
    let detail = match error {
        TensorTextError::Empty => s.tensor_empty.to_string(),
        TensorTextError::MissingEntry { position } => {
            fill(s.tensor_missing, &[("position", &position.to_string())])
        }
        TensorTextError::NotANumber { position, text } => fill(
            s.tensor_not_number,
            &[("position", &position.to_string()), ("text", text)],
        ),
        TensorTextError::Overflow { position, text } => fill(
            s.tensor_overflow,
            &[("position", &position.to_string()), ("text", text)],
        ),
        TensorTextError::TooLong { len } => fill(
            s.tensor_too_long,
            &[("len", &len.to_string()), ("max", &MAX_ENTRIES.to_string())],
        ),
    };
    format!("{field}: {detail} {}", s.keeping_last)
}
