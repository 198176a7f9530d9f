//! Every control's value in one struct, its validation, and its URL-hash form.
//!
//! Controls, the URL hash and the charts are all views of [`State`]. Parsing never panics:
//! unknown keys are ignored, and a bad value keeps the default and is reported.

/// The widest x range the graph accepts, from the slider or the URL.
pub const X_LIMIT: f64 = 100.0;
/// The largest negative slope the Leaky ReLU overlay accepts.
pub const SLOPE_LIMIT: f64 = 1.0;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::born_dead::{BornSettings, BIAS_INITS, DEPTHS, WIDTHS};
use crate::lab::{limits, InitChoice, LabSettings, Task};

/// The explorer's whole state.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Left end of the graph's x range.
    pub x_min: f64,
    /// Right end of the graph's x range.
    pub x_max: f64,
    /// The input x marked on every curve.
    pub x: f64,
    /// Whether the Leaky ReLU overlay is shown.
    pub show_leaky: bool,
    /// Leaky ReLU's negative slope.
    pub slope: f64,
    /// Whether the sigmoid overlay is shown.
    pub show_sigmoid: bool,
    /// Whether the tanh overlay is shown.
    pub show_tanh: bool,
    /// The torch panel's input tensor, as typed.
    pub torch_x: String,
    /// The torch panel's upstream gradient, as typed.
    pub torch_grad: String,
    /// The dead-neuron lab's settings.
    pub lab: LabSettings,
    /// The born-dead calculator's settings.
    pub born: BornSettings,
}

impl Default for State {
    fn default() -> Self {
        State {
            x_min: -10.0,
            x_max: 10.0,
            x: 1.5,
            show_leaky: false,
            slope: 0.1,
            show_sigmoid: false,
            show_tanh: false,
            torch_x: "-1.0, 0.0, 1.0, 2.0".to_string(),
            torch_grad: "1.0, 1.0, 1.0, 1.0".to_string(),
            lab: LabSettings::default(),
            born: BornSettings::default(),
        }
    }
}

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// x min was not below x max.
    RangeOrder {
        /// The x min that was asked for.
        min: f64,
        /// The x max that was asked for.
        max: f64,
    },
    /// A number outside what the control allows.
    OutOfBounds {
        /// The state key (`xmin`, `slope`, ...).
        key: &'static str,
        /// The value that was asked for.
        value: f64,
        /// The smallest allowed value.
        low: f64,
        /// The largest allowed value.
        high: f64,
    },
    /// A URL value that is not a number or a flag.
    Unreadable {
        /// The state key.
        key: &'static str,
        /// The text that was found.
        text: String,
    },
}

/// Checks an x range: both ends finite, within ±[`X_LIMIT`], and min below max.
pub fn validate_range(min: f64, max: f64) -> Result<(f64, f64), Problem> {
    let min = within("xmin", min, -X_LIMIT, X_LIMIT)?;
    let max = within("xmax", max, -X_LIMIT, X_LIMIT)?;
    if min >= max {
        return Err(Problem::RangeOrder { min, max });
    }
    Ok((min, max))
}

/// Checks a Leaky ReLU slope: finite and in [0, [`SLOPE_LIMIT`]].
pub fn validate_slope(slope: f64) -> Result<f64, Problem> {
    within("slope", slope, 0.0, SLOPE_LIMIT)
}

fn within(key: &'static str, value: f64, low: f64, high: f64) -> Result<f64, Problem> {
    if value.is_nan() || value < low || value > high {
        return Err(Problem::OutOfBounds {
            key,
            value,
            low,
            high,
        });
    }
    Ok(value)
}

impl State {
    /// Sets the x range if it is valid, keeping x inside it; otherwise keeps the last good range.
    pub fn set_range(&mut self, min: f64, max: f64) -> Result<(), Problem> {
        let (min, max) = validate_range(min, max)?;
        self.x_min = min;
        self.x_max = max;
        self.x = clamp(self.x, min, max);
        Ok(())
    }

    /// Sets the input x, clamped into the current range (NaN is refused).
    pub fn set_x(&mut self, x: f64) -> Result<(), Problem> {
        let x = within("x", x, -X_LIMIT, X_LIMIT)?;
        self.x = clamp(x, self.x_min, self.x_max);
        Ok(())
    }

    /// Sets the Leaky ReLU slope if it is valid.
    pub fn set_slope(&mut self, slope: f64) -> Result<(), Problem> {
        self.slope = validate_slope(slope)?;
        Ok(())
    }

    /// The state as a URL hash (without the leading `#`), listing only what differs from the
    /// default so that shared links stay short.
    pub fn to_hash(&self) -> String {
        let default = State::default();
        let mut parts = Vec::new();
        let mut number = |key: &str, value: f64, default: f64| {
            if value != default {
                // The shortest text that reads back as the same f64.
                parts.push(format!("{key}={value}"));
            }
        };
        number("xmin", self.x_min, default.x_min);
        number("xmax", self.x_max, default.x_max);
        number("x", self.x, default.x);
        number("slope", self.slope, default.slope);
        for (key, value, default) in [
            ("leaky", self.show_leaky, default.show_leaky),
            ("sigmoid", self.show_sigmoid, default.show_sigmoid),
            ("tanh", self.show_tanh, default.show_tanh),
        ] {
            if value != default {
                parts.push(format!("{key}={}", u8::from(value)));
            }
        }
        for (key, value, default) in [
            ("tx", &self.torch_x, &default.torch_x),
            ("tg", &self.torch_grad, &default.torch_grad),
        ] {
            if value != default {
                parts.push(format!("{key}={}", percent_encode(value)));
            }
        }
        lab_hash(&self.lab, &default.lab, &mut parts);
        born_hash(&self.born, &default.born, &mut parts);
        parts.join("&")
    }

    /// Reads a URL hash (with or without the leading `#`) over the defaults. Unknown keys are
    /// ignored; each bad value keeps its default and is reported.
    pub fn from_hash(hash: &str) -> (State, Vec<Problem>) {
        let mut state = State::default();
        let mut problems = Vec::new();
        let mut range = (state.x_min, state.x_max);
        let mut x = None;
        // Decoded as a form is (`+` is a space, `%XX` a byte, invalid UTF-8 replaced), as the
        // browser's URLSearchParams reads it.
        for (key, text) in form_urlencoded::parse(hash.trim_start_matches('#').as_bytes()) {
            let text = text.into_owned();
            let outcome = match key.as_ref() {
                "xmin" => read_number("xmin", &text).map(|v| range.0 = v),
                "xmax" => read_number("xmax", &text).map(|v| range.1 = v),
                "x" => read_number("x", &text).map(|v| x = Some(v)),
                "slope" => read_number("slope", &text).and_then(|v| state.set_slope(v)),
                "leaky" => read_flag("leaky", &text).map(|v| state.show_leaky = v),
                "sigmoid" => read_flag("sigmoid", &text).map(|v| state.show_sigmoid = v),
                "tanh" => read_flag("tanh", &text).map(|v| state.show_tanh = v),
                "tx" => {
                    state.torch_x = text;
                    Ok(())
                }
                "tg" => {
                    state.torch_grad = text;
                    Ok(())
                }
                "bw" | "bd" | "binit" | "bbias" => read_born_key(&mut state.born, &key, &text),
                _ => read_lab_key(&mut state.lab, &key, &text),
            };
            if let Err(problem) = outcome {
                problems.push(problem);
            }
        }
        if let Err(problem) = state.set_range(range.0, range.1) {
            problems.push(problem);
        }
        if let Some(x) = x {
            if let Err(problem) = state.set_x(x) {
                problems.push(problem);
            }
        }
        (state, problems)
    }
}

/// Adds the lab settings that differ from the defaults to a hash's parts.
fn lab_hash(lab: &LabSettings, default: &LabSettings, parts: &mut Vec<String>) {
    let mut add = |key: &str, value: String, default: String| {
        if value != default {
            parts.push(format!("{key}={value}"));
        }
    };
    let act = |l: &LabSettings| {
        if l.leaky_slope.is_some() {
            "leaky"
        } else {
            "relu"
        }
        .to_string()
    };
    add("act", act(lab), act(default));
    if let Some(slope) = lab.leaky_slope {
        add("lslope", slope.to_string(), String::new());
    }
    add(
        "lr",
        lab.learning_rate.to_string(),
        default.learning_rate.to_string(),
    );
    add("init", lab.init.key().into(), default.init.key().into());
    add(
        "bias",
        lab.bias_init.to_string(),
        default.bias_init.to_string(),
    );
    add("width", lab.width.to_string(), default.width.to_string());
    add("depth", lab.depth.to_string(), default.depth.to_string());
    add("task", lab.task.key().into(), default.task.key().into());
    add("n", lab.points.to_string(), default.points.to_string());
    add("seed", lab.seed.to_string(), default.seed.to_string());
    add(
        "spf",
        lab.steps_per_frame.to_string(),
        default.steps_per_frame.to_string(),
    );
}

/// Adds the born-dead calculator's settings that differ from the defaults to a hash's parts.
fn born_hash(born: &BornSettings, default: &BornSettings, parts: &mut Vec<String>) {
    let mut add = |key: &str, value: String, default: String| {
        if value != default {
            parts.push(format!("{key}={value}"));
        }
    };
    add("bw", born.width.to_string(), default.width.to_string());
    add("bd", born.depth.to_string(), default.depth.to_string());
    add("binit", born.init.key().into(), default.init.key().into());
    add(
        "bbias",
        born.bias_init.to_string(),
        default.bias_init.to_string(),
    );
}

/// Reads one of the born-dead calculator's keys (`bw`, `bd`, `binit`, `bbias`) from a URL hash.
fn read_born_key(born: &mut BornSettings, key: &str, text: &str) -> Result<(), Problem> {
    let range = |r: &std::ops::RangeInclusive<u32>| (f64::from(*r.start()), f64::from(*r.end()));
    match key {
        "bw" => born.width = read_whole("bw", text, range(&WIDTHS))? as u32,
        "bd" => born.depth = read_whole("bd", text, range(&DEPTHS))? as u32,
        "binit" => {
            born.init = InitChoice::from_key(text).ok_or_else(|| Problem::Unreadable {
                key: "binit",
                text: text.to_string(),
            })?
        }
        "bbias" => {
            let (low, high) = BIAS_INITS;
            born.bias_init = within("bbias", read_number("bbias", text)?, low, high)? as f32;
        }
        _ => {}
    }
    Ok(())
}

/// A whole number within `[low, high]` from a URL hash.
fn read_whole(key: &'static str, text: &str, (low, high): (f64, f64)) -> Result<f64, Problem> {
    let value = within(key, read_number(key, text)?, low, high)?;
    if value.fract() == 0.0 {
        Ok(value)
    } else {
        Err(Problem::Unreadable {
            key,
            text: text.to_string(),
        })
    }
}

/// Reads one lab key from a URL hash; unknown keys are ignored.
fn read_lab_key(lab: &mut LabSettings, key: &str, text: &str) -> Result<(), Problem> {
    let bounded = |key: &'static str, (low, high): (f64, f64)| -> Result<f64, Problem> {
        within(key, read_number(key, text)?, low, high)
    };
    let whole = |key: &'static str, range: (f64, f64)| read_whole(key, text, range);
    let unreadable = |key: &'static str| Problem::Unreadable {
        key,
        text: text.to_string(),
    };
    match key {
        "act" => match text {
            "relu" => lab.leaky_slope = None,
            "leaky" => lab.leaky_slope = Some(lab.leaky_slope.unwrap_or(0.01)),
            _ => return Err(unreadable("act")),
        },
        "lslope" => {
            let slope = bounded("lslope", limits::SLOPE)? as f32;
            lab.leaky_slope = lab.leaky_slope.map(|_| slope).or(Some(slope));
        }
        "lr" => lab.learning_rate = bounded("lr", limits::LEARNING_RATE)? as f32,
        "init" => lab.init = InitChoice::from_key(text).ok_or_else(|| unreadable("init"))?,
        "bias" => lab.bias_init = bounded("bias", limits::BIAS_INIT)? as f32,
        "width" => lab.width = whole("width", limits::WIDTH)? as usize,
        "depth" => lab.depth = whole("depth", limits::DEPTH)? as usize,
        "task" => lab.task = Task::from_key(text).ok_or_else(|| unreadable("task"))?,
        "n" => lab.points = whole("n", limits::POINTS)? as usize,
        "seed" => lab.seed = whole("seed", limits::SEED)? as u64,
        "spf" => lab.steps_per_frame = whole("spf", limits::STEPS_PER_FRAME)? as u32,
        _ => {}
    }
    Ok(())
}

fn read_number(key: &'static str, text: &str) -> Result<f64, Problem> {
    match text.trim().parse::<f64>().ok() {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(Problem::Unreadable {
            key,
            text: text.to_string(),
        }),
    }
}

fn read_flag(key: &'static str, text: &str) -> Result<bool, Problem> {
    match text {
        "1" | "true" | "on" => Ok(true),
        "0" | "false" | "off" => Ok(false),
        _ => Err(Problem::Unreadable {
            key,
            text: text.to_string(),
        }),
    }
}

/// What a typed tensor keeps unescaped in a link: letters, digits, `-._~` (never escaped in a
/// URL) and the comma, so that `tx=-1.0,0.0,1.0` stays readable where a form encoder would
/// write `%2C`.
const TENSOR_TEXT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',');

/// Percent-encodes a typed text for the URL hash.
fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, TENSOR_TEXT).to_string()
}

/// `value` limited to `[low, high]` (with `low <= high`). Not `f64::clamp`: its panic message
/// formats floats, which brings core's float printing (10 KB gzip) into the page.
pub fn clamp(value: f64, low: f64, high: f64) -> f64 {
    value.max(low).min(high)
}
