//! Reading a tensor typed by a person, and printing one the way PyTorch prints it.
//!
//! Printing follows `torch/_tensor_str.py` with its default options (precision 4, line width 80,
//! threshold 1000, edge items 3): integer mode (`1.`), fixed mode (`0.5000`) or scientific mode
//! (`1.0000e-05`), every element padded to the widest, and lines wrapped at 80 characters. A
//! tensor of more than 1000 elements is summarised as PyTorch does: its first and last three
//! elements around ` ...`, with the mode and width judged from those six alone.

/// The most entries a typed tensor may have: ten times PyTorch's summarising threshold, so
/// the summarised print can be explored, and small enough that reading it, printing it and
/// writing the page's Python code and URL on every keystroke stays within a frame.
pub const MAX_ENTRIES: usize = 10_000;

/// PyTorch's `threshold`: a tensor with more elements than this prints summarised.
pub const SUMMARY_THRESHOLD: usize = 1000;

/// PyTorch's `edgeitems`: a summarised tensor shows this many elements at each end.
pub const EDGE_ITEMS: usize = 3;

/// Why a typed tensor was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TensorTextError {
    /// Nothing but brackets and separators was typed.
    Empty,
    /// Entry `position` (1-based) is empty, as in `1,,2`.
    MissingEntry {
        /// 1-based position of the empty entry.
        position: usize,
    },
    /// Entry `position` (1-based) is not a number.
    NotANumber {
        /// 1-based position of the entry.
        position: usize,
        /// The entry as typed.
        text: String,
    },
    /// Entry `position` is a finite number too large for `float32`, such as `1e999`.
    Overflow {
        /// 1-based position of the entry.
        position: usize,
        /// The entry as typed.
        text: String,
    },
    /// More than [`MAX_ENTRIES`] entries.
    TooLong {
        /// How many entries were typed.
        len: usize,
    },
}

/// Parses a list of numbers such as `-1.0, 0.0, 1.0, 2.0`, `[1 2 3]` or
/// `torch.tensor([1., nan, -inf])` into `f32` values.
///
/// Each number is read as a Python float (an `f64`) and then rounded to `float32`, as
/// `torch.tensor` does. `nan`, `inf` and `-inf` are accepted; a finite number that overflows
/// `float32` is refused rather than silently becoming infinity.
pub fn parse_tensor(text: &str) -> Result<Vec<f32>, TensorTextError> {
    let body = strip_wrapping(text.trim());
    if body.trim().is_empty() {
        return Err(TensorTextError::Empty);
    }
    let entries: Vec<&str> = if body.contains(',') {
        let mut parts: Vec<&str> = body.split(',').map(str::trim).collect();
        // A trailing comma, as in Python's `[1, 2,]`, is allowed.
        if parts.len() > 1 && parts.last() == Some(&"") {
            parts.pop();
        }
        parts
    } else {
        body.split_whitespace().collect()
    };
    if entries.len() > MAX_ENTRIES {
        return Err(TensorTextError::TooLong { len: entries.len() });
    }
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| parse_entry(i + 1, entry))
        .collect()
}

fn parse_entry(position: usize, entry: &str) -> Result<f32, TensorTextError> {
    if entry.is_empty() {
        return Err(TensorTextError::MissingEntry { position });
    }
    let value = entry
        .parse::<f64>()
        .map_err(|_| TensorTextError::NotANumber {
            position,
            text: entry.to_string(),
        })?;
    let single = value as f32;
    // Only `inf` and `infinity` have an i; "1e999" overflows float32 without saying so.
    let spelled_infinite = entry.contains(['i', 'I']);
    if single.is_infinite() && !spelled_infinite {
        return Err(TensorTextError::Overflow {
            position,
            text: entry.to_string(),
        });
    }
    Ok(single)
}

/// Removes an optional `torch.tensor(` / `tensor(` prefix with its `)` and one pair of brackets.
fn strip_wrapping(text: &str) -> &str {
    let mut body = text;
    for prefix in ["torch.tensor(", "tensor("] {
        if let Some(rest) = body.strip_prefix(prefix) {
            body = rest.strip_suffix(')').unwrap_or(rest).trim();
            break;
        }
    }
    if let Some(rest) = body.strip_prefix('[') {
        body = rest.strip_suffix(']').unwrap_or(rest);
    }
    body
}

/// PyTorch's default print width.
const LINE_WIDTH: usize = 80;
/// `len("tensor(")`, the indent of continuation lines minus one.
const INDENT: usize = 7;

/// How PyTorch chose to print a float tensor's elements.
enum Mode {
    /// Every finite value is an integer: `1.`, `-0.`.
    Integer,
    /// Four decimals: `0.5000`.
    Fixed,
    /// Four-decimal mantissa and a signed two-digit exponent: `1.0000e-05`.
    Scientific,
}

/// Prints a 1-D float32 tensor as `print(tensor)` does, with optional suffixes such as
/// `grad_fn=<ReluBackward0>`; more than [`SUMMARY_THRESHOLD`] elements print summarised, as
/// `tensor([0., 0., 0.,  ..., 1., 2., 3.])`.
pub fn format_tensor(values: &[f32], suffixes: &[&str]) -> String {
    // `_tensor_str`: summarise above the threshold; `get_summarized_data`: the formatter then
    // judges only the elements that are printed.
    let summarize = values.len() > SUMMARY_THRESHOLD;
    let (head, tail) = if summarize {
        (&values[..EDGE_ITEMS], &values[values.len() - EDGE_ITEMS..])
    } else {
        (values, &values[values.len()..])
    };
    let (mode, width) = choose_mode(head.iter().chain(tail));
    let cell = |v: &f32| {
        let cell = format_value(f64::from(*v), &mode);
        format!("{cell:>width$}")
    };
    // `_vector_str`: the elision is an element of its own, " ...", so it is joined by ", "
    // like the others and counts towards a line's elements.
    let mut cells: Vec<String> = head.iter().map(cell).collect();
    if summarize {
        cells.push(" ...".to_string());
        cells.extend(tail.iter().map(cell));
    }
    let element_length = width + 2;
    let per_line = ((LINE_WIDTH - INDENT) / element_length).max(1);
    let lines: Vec<String> = cells.chunks(per_line).map(|c| c.join(", ")).collect();
    let separator = format!(",\n{}", " ".repeat(INDENT + 1));
    let mut out = format!("tensor([{}]", lines.join(&separator));
    add_suffixes(&mut out, suffixes);
    out.push(')');
    out
}

/// `_add_suffixes` from `torch/_tensor_str.py`, including its way of measuring the last line.
fn add_suffixes(out: &mut String, suffixes: &[&str]) {
    let mut last_line_len = match out.rfind('\n') {
        Some(i) => out.len() - i + 1,
        None => out.len() + 2,
    };
    let mut force_newline = false;
    for suffix in suffixes {
        if force_newline || last_line_len + suffix.len() + 2 > LINE_WIDTH {
            out.push_str(",\n");
            out.push_str(&" ".repeat(INDENT));
            out.push_str(suffix);
            last_line_len = INDENT + suffix.len();
            force_newline = true;
        } else {
            out.push_str(", ");
            out.push_str(suffix);
            last_line_len += suffix.len() + 2;
        }
    }
}

/// `_Formatter.__init__`: the mode and the column width, judged from the non-zero finite values.
fn choose_mode<'a>(values: impl Iterator<Item = &'a f32>) -> (Mode, usize) {
    let finite: Vec<f64> = values
        .filter(|v| v.is_finite() && **v != 0.0)
        .map(|&v| f64::from(v))
        .collect();
    if finite.is_empty() {
        return (Mode::Integer, 1);
    }
    let min = finite.iter().fold(f64::INFINITY, |m, v| m.min(v.abs()));
    let max = finite.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let integral = finite.iter().all(|v| v.ceil() == *v);
    let wide = max / min > 1000.0 || max > 1.0e8;
    let mode = if integral && !wide {
        Mode::Integer
    } else if wide || (!integral && min < 1.0e-4) {
        Mode::Scientific
    } else {
        Mode::Fixed
    };
    let width = finite
        .iter()
        .map(|&v| format_value(v, &mode).len())
        .max()
        .unwrap_or(1)
        .max(1);
    (mode, width)
}

/// `_Formatter.format` without the padding.
fn format_value(value: f64, mode: &Mode) -> String {
    if value.is_nan() {
        return "nan".to_string();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    match mode {
        Mode::Integer => format!("{value:.0}."),
        Mode::Fixed => format!("{value:.4}"),
        Mode::Scientific => python_exponent(&format!("{value:.4e}")),
    }
}

/// Turns Rust's `1.0000e-5` into Python's `1.0000e-05`.
fn python_exponent(rust: &str) -> String {
    match rust.split_once('e') {
        Some((mantissa, exponent)) => {
            let (sign, digits) = match exponent.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exponent),
            };
            format!("{mantissa}e{sign}{digits:0>2}")
        }
        None => rust.to_string(),
    }
}
