//! Every control's value in one struct, and the one place that accepts or refuses a value.
//!
//! Controls, the URL hash and the charts are all views of [`State`]. Every setting has a
//! documented domain ([`domain`]); a view hands State a control's raw number or text, and
//! State either applies it or refuses it with a [`Problem`] that says which setting, what was
//! given, what is allowed and what was kept. The hash form is in [`hash`]: parsing never
//! panics, unknown keys are ignored, and a bad value keeps the last good one and is reported.

pub mod domain;
mod hash;

pub use domain::{Domain, Kind, Setting, MAX_TEXT_CHARS, X_LIMIT, X_MIN_SPAN};

use crate::born_dead::BornSettings;
use crate::depth::DepthSettings;
use crate::growth::GrowthSettings;
use crate::lab::{InitChoice, LabSettings, Task};
use crate::plot::theme::Scheme;
use crate::relu_sum::kink_list::{self, KinkListError};
use crate::relu_sum::{BuilderSettings, Target};
use crate::sections::{self, Section};
use crate::sparsity::SparsitySettings;
use crate::speed::measure::Size;
use crate::text::{Lang, StringTest};
use crate::zigzag::ZigzagSettings;

/// The lab's Leaky ReLU slope when `act=leaky` chooses it without a slope: PyTorch's default.
pub const DEFAULT_LAB_SLOPE: f32 = 0.01;

/// How far an arrow key moves x on the graph: the x slider's step, a twentieth.
pub const X_KEY_STEP: f64 = 1.0 / X_STEPS_PER_UNIT;

/// Steps of the x slider per unit of x.
const X_STEPS_PER_UNIT: f64 = 20.0;

/// `x` rounded to the x slider's step, without float noise (1.45, not 1.4500000000000002:
/// dividing by the whole number of steps per unit is exact where multiplying by 0.05 is not),
/// and without `-0`.
pub fn round_to_x_step(x: f64) -> f64 {
    (x * X_STEPS_PER_UNIT).round() / X_STEPS_PER_UNIT + 0.0
}

/// The most characters of a refused text that a [`Problem`] keeps to show, so that a message
/// about a 100 000-character value stays one line.
pub const SHOWN_TEXT_CHARS: usize = 40;

/// How the page fuzzes itself: synthetic input events at a fixed rate from a seeded generator,
/// to find any input that breaks it. Set by `fuzz=1` in the link; `fuzzRate` and `fuzzSeed`
/// adjust it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FuzzSettings {
    /// Synthetic events per animation frame, 1 to 100 (`fuzzRate`).
    pub rate: u32,
    /// The generator's seed, 0 to 2⁵³ − 1 so that JavaScript holds it exactly (`fuzzSeed`).
    pub seed: u64,
}

impl Default for FuzzSettings {
    /// Ten events a frame, seed 1.
    fn default() -> Self {
        FuzzSettings { rate: 10, seed: 1 }
    }
}

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
    /// The gradient-through-depth experiment's settings.
    pub grad: DepthSettings,
    /// The no-upper-limit experiment's settings.
    pub growth: GrowthSettings,
    /// The speed experiment's buffer size.
    pub speed: Size,
    /// The sparsity experiment's settings.
    pub sparsity: SparsitySettings,
    /// The not-zero-centred experiment's settings.
    pub zigzag: ZigzagSettings,
    /// The sum-of-ReLUs builder's target and units.
    pub relu_sum: BuilderSettings,
    /// The self-fuzzer's settings; `None` (the default) unless the link says `fuzz=1`.
    pub fuzz: Option<FuzzSettings>,
    /// The language the reader chose; `None` (the default) follows the browser's.
    pub lang: Option<Lang>,
    /// The colour scheme the reader chose; `None` (the default) follows the system's.
    pub theme: Option<Scheme>,
    /// The section shown alone, for a course page that frames one part; `None` (the default)
    /// shows the whole page.
    pub embed: Option<&'static Section>,
    /// The controls hidden, by id, in the order the link gave them, each once.
    pub hide: Vec<&'static str>,
    /// The string test the link asked for, if any.
    pub string_test: Option<StringTest>,
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
            grad: DepthSettings::default(),
            growth: GrowthSettings::default(),
            speed: Size::default(),
            sparsity: SparsitySettings::default(),
            zigzag: ZigzagSettings::default(),
            relu_sum: BuilderSettings::default(),
            fuzz: None,
            lang: None,
            theme: None,
            embed: None,
            hide: Vec::new(),
            string_test: None,
        }
    }
}

/// Why a value was refused. Each says which setting, what was given and what was kept (as the
/// hash would write it); the allowed values are the setting's [`Setting::kind`].
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Text that is not a value of the setting's kind (not a number, not a flag, not one of
    /// the choices), or a NaN number.
    Unreadable {
        /// The setting.
        setting: Setting,
        /// The text given, cut to [`SHOWN_TEXT_CHARS`] characters (with `…`) if longer.
        text: String,
        /// The value kept.
        kept: String,
    },
    /// A number outside its domain, ±∞ included.
    OutOfBounds {
        /// The setting.
        setting: Setting,
        /// The number given.
        value: f64,
        /// The value kept.
        kept: String,
    },
    /// A fraction where the setting takes whole numbers.
    NotWhole {
        /// The setting.
        setting: Setting,
        /// The number given.
        value: f64,
        /// The value kept.
        kept: String,
    },
    /// A list naming an entry that is not one of the setting's choices; the previous list is
    /// kept.
    UnknownEntry {
        /// The setting.
        setting: Setting,
        /// The list given, cut to [`SHOWN_TEXT_CHARS`] characters (with `…`) if longer.
        text: String,
        /// Its first unknown entry, cut likewise.
        entry: String,
        /// The list kept.
        kept: String,
    },
    /// A text longer than the setting allows; the previous text is kept.
    TooLong {
        /// The setting.
        setting: Setting,
        /// The length given, in characters.
        len: usize,
    },
    /// x min was not below x max.
    RangeOrder {
        /// The x min given.
        min: f64,
        /// The x max given.
        max: f64,
        /// The range kept.
        kept: (f64, f64),
    },
    /// A language the page was not built with: a one-language file (`cargo xtask dist`'s
    /// `relu-explorer_zh-CN.html`) holds its own language's prose alone. The page's language is
    /// kept.
    OnlyLanguage {
        /// The language the link asked for.
        asked: Lang,
        /// The one language the page holds.
        only: Lang,
    },
    /// A list of the builder's kinks that cannot be read, has too many units, or puts a kink
    /// outside the range; the previous units are kept.
    Kinks {
        /// The list given, cut to [`SHOWN_TEXT_CHARS`] characters (with `…`) if longer.
        text: String,
        /// What is wrong with it (an entry's text cut likewise).
        error: KinkListError,
        /// The list kept.
        kept: String,
    },
    /// The x range was narrower than [`X_MIN_SPAN`].
    RangeTooNarrow {
        /// The x min given.
        min: f64,
        /// The x max given.
        max: f64,
        /// The range kept.
        kept: (f64, f64),
    },
}

impl Problem {
    /// The URL-hash keys of the settings the problem refused (both ends for a range), for
    /// scripts and tests that must not read the translated message.
    pub fn keys(&self) -> Vec<&'static str> {
        match self {
            Problem::Unreadable { setting, .. }
            | Problem::OutOfBounds { setting, .. }
            | Problem::NotWhole { setting, .. }
            | Problem::UnknownEntry { setting, .. }
            | Problem::TooLong { setting, .. } => vec![setting.key()],
            Problem::OnlyLanguage { .. } => vec![Setting::Lang.key()],
            Problem::Kinks { .. } => vec![Setting::ReluSumKinks.key()],
            Problem::RangeOrder { .. } | Problem::RangeTooNarrow { .. } => vec!["xmin", "xmax"],
        }
    }
}

/// Up to [`SHOWN_TEXT_CHARS`] characters of `text`, with `…` if it was longer.
///
/// Built from chars rather than by slicing at a byte index: a slice carries core's panic path
/// for a cut inside a character, and with it `char`'s `Debug` and Unicode's printable tables,
/// about 2 KB gzip of wasm that nothing else needs.
fn shown(text: &str) -> String {
    let mut chars = text.chars();
    let mut head: String = chars.by_ref().take(SHOWN_TEXT_CHARS).collect();
    if chars.next().is_some() {
        head.push('…');
    }
    head
}

/// Reads a number as typed or linked: surrounding spaces allowed, anything Rust's `f64` parser
/// reads (so `1e3`, `inf` and `NaN` are numbers, which the domain then judges).
fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok()
}

/// Reads a flag as a link may spell it.
fn parse_flag(text: &str) -> Option<bool> {
    match text {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// `value` rounded to the nearest `f32`, which the networks compute with (and which
/// [`Domain::contains_f32`] allows), without `-0`.
fn single(value: f64) -> f32 {
    value as f32 + 0.0
}

impl State {
    /// Steps the seed that `setting` holds (an experiment's "new draw" button) to the
    /// next one. Seeds run up to 2^53 − 1, the largest whole number a link keeps exactly; past
    /// it they start again from 0. An error if `setting` holds no number.
    pub fn next_seed(&mut self, setting: Setting) -> Result<(), Problem> {
        let seed = self.number(setting).unwrap_or_default() as u64;
        let next = seed.wrapping_add(1);
        if self.set_number(setting, next as f64).is_err() {
            self.set_number(setting, 0.0)?;
        }
        Ok(())
    }

    /// Sets a numeric setting to `value` (a slider's or number box's raw value) if its domain
    /// allows it; otherwise keeps the current value and says why. Setting `xmin` or `xmax`
    /// checks the whole range ([`State::set_range`]); `x` is then kept inside the range.
    pub fn set_number(&mut self, setting: Setting, value: f64) -> Result<(), Problem> {
        let value = self.check(setting, value)?;
        match setting {
            Setting::XMin => return self.set_range(value, self.x_max),
            Setting::XMax => return self.set_range(self.x_min, value),
            Setting::X => self.x = value.max(self.x_min).min(self.x_max),
            Setting::Slope => self.slope = value,
            Setting::LabSlope => self.lab.leaky_slope = Some(single(value)),
            Setting::LearningRate => self.lab.learning_rate = single(value),
            Setting::LabBias => self.lab.bias_init = single(value),
            Setting::Width => self.lab.width = value as usize,
            Setting::Depth => self.lab.depth = value as usize,
            Setting::Points => self.lab.points = value as usize,
            Setting::Seed => self.lab.seed = value as u64,
            Setting::StepsPerFrame => self.lab.steps_per_frame = value as u32,
            Setting::BornWidth => self.born.width = value as u32,
            Setting::BornDepth => self.born.depth = value as u32,
            Setting::BornBias => self.born.bias_init = single(value),
            Setting::GradDepth => self.grad.depth = value as u32,
            Setting::GradZ => self.grad.z = single(value),
            Setting::GradSpread => self.grad.spread = single(value),
            Setting::GradSeed => self.grad.seed = value as u64,
            Setting::GrowthDepth => self.growth.depth = value as u32,
            Setting::GrowthScale => self.growth.scale = single(value),
            Setting::SparsityMean => self.sparsity.mean = value,
            Setting::SparsityStd => self.sparsity.std = value,
            Setting::SparsitySamples => self.sparsity.samples = value as u32,
            Setting::SparsitySeed => self.sparsity.seed = value as u64,
            Setting::ZigzagRate => self.zigzag.rate = value,
            Setting::ZigzagSteps => self.zigzag.steps = value as u32,
            Setting::ZigzagSeed => self.zigzag.seed = value as u64,
            // Fuzzing's numbers apply while it is on; while off they are checked and dropped.
            Setting::FuzzRate => {
                if let Some(fuzz) = &mut self.fuzz {
                    fuzz.rate = value as u32;
                }
            }
            Setting::FuzzSeed => {
                if let Some(fuzz) = &mut self.fuzz {
                    fuzz.seed = value as u64;
                }
            }
            // `check` has refused every setting that is not a number.
            _ => {}
        }
        Ok(())
    }

    /// Sets a numeric setting from a log-scale slider: `exponent` is log10 of the value. An
    /// exponent within log10 of the domain's ends is accepted even where 10^exponent rounds a
    /// hair outside them (the value is then kept at the end).
    pub fn set_log10(&mut self, setting: Setting, exponent: f64) -> Result<(), Problem> {
        let value = crate::math::exp10(exponent);
        let Some(domain) = setting.domain() else {
            return self.set_number(setting, value);
        };
        let inside = exponent >= domain.min.log10() && exponent <= domain.max.log10();
        let value = if inside {
            value.max(domain.min).min(domain.max)
        } else {
            value
        };
        self.set_number(setting, value)
    }

    /// Keeps the state to a page that holds `only` one language: a link's other language is
    /// dropped (the page shows its own) and reported.
    pub fn keep_to_language(&mut self, only: Lang) -> Option<Problem> {
        let asked = self.lang.filter(|&lang| lang != only)?;
        self.lang = None;
        Some(Problem::OnlyLanguage { asked, only })
    }

    /// Sets any setting from text, as a link or a select gives it: a number is read and then
    /// judged by its domain, a flag and a choice must be one of their spellings, and a text
    /// must not be too long.
    pub fn set_text(&mut self, setting: Setting, text: &str) -> Result<(), Problem> {
        match setting.kind() {
            Kind::Number(_) => match parse_number(text) {
                Some(value) if !value.is_nan() => self.set_number(setting, value),
                _ => Err(self.unreadable(setting, text)),
            },
            Kind::Flag => {
                let on = parse_flag(text).ok_or_else(|| self.unreadable(setting, text))?;
                self.set_flag(setting, on);
                Ok(())
            }
            Kind::Choice => self.set_choice(setting, text),
            Kind::List => self.set_hide(text),
            Kind::Text(max) => {
                let len = text.chars().count();
                if len > max {
                    return Err(Problem::TooLong { setting, len });
                }
                match setting {
                    Setting::TorchX => self.torch_x = text.to_string(),
                    Setting::TorchGrad => self.torch_grad = text.to_string(),
                    Setting::ReluSumKinks => return self.set_kinks(text),
                    _ => {}
                }
                Ok(())
            }
        }
    }

    /// Turns a flag on or off (a checkbox). Turning `fuzz` on starts from
    /// [`FuzzSettings::default`], or keeps the settings if it was on already. Settings that
    /// are not flags are left alone.
    pub fn set_flag(&mut self, setting: Setting, on: bool) {
        match setting {
            Setting::ShowLeaky => self.show_leaky = on,
            Setting::ShowSigmoid => self.show_sigmoid = on,
            Setting::ShowTanh => self.show_tanh = on,
            Setting::Fuzz => self.fuzz = on.then(|| self.fuzz.unwrap_or_default()),
            _ => {}
        }
    }

    fn set_choice(&mut self, setting: Setting, text: &str) -> Result<(), Problem> {
        let refused = || self.unreadable(setting, text);
        match setting {
            Setting::Activation => match text {
                "relu" => self.lab.leaky_slope = None,
                "leaky" => {
                    self.lab.leaky_slope = Some(self.lab.leaky_slope.unwrap_or(DEFAULT_LAB_SLOPE))
                }
                _ => return Err(refused()),
            },
            Setting::Init => self.lab.init = InitChoice::from_key(text).ok_or_else(refused)?,
            Setting::Task => self.lab.task = Task::from_key(text).ok_or_else(refused)?,
            Setting::SpeedSize => self.speed = Size::from_key(text).ok_or_else(refused)?,
            Setting::ReluSumTarget => {
                self.relu_sum.target = Target::from_key(text).ok_or_else(refused)?
            }
            Setting::BornInit => self.born.init = InitChoice::from_key(text).ok_or_else(refused)?,
            Setting::Lang => self.lang = Some(Lang::from_tag(text).ok_or_else(refused)?),
            Setting::Theme => self.theme = Some(Scheme::from_key(text).ok_or_else(refused)?),
            Setting::StringTest => {
                self.string_test = Some(StringTest::from_key(text).ok_or_else(refused)?)
            }
            // Nothing after `embed=` shows the whole page again.
            Setting::Embed if text.is_empty() => self.embed = None,
            Setting::Embed => self.embed = Some(sections::section(text).ok_or_else(refused)?),
            _ => return Err(refused()),
        }
        Ok(())
    }

    /// Sets the hidden controls (`hide`, the one list setting) from comma-separated ids,
    /// each kept once in the order given, if every id is a control of the page; otherwise
    /// keeps the last good list.
    fn set_hide(&mut self, text: &str) -> Result<(), Problem> {
        let mut hide = Vec::new();
        for entry in text.split(',').filter(|entry| !entry.is_empty()) {
            let Some(control) = sections::control(entry) else {
                return Err(Problem::UnknownEntry {
                    setting: Setting::Hide,
                    text: shown(text),
                    entry: shown(entry),
                    kept: self.value_text(Setting::Hide),
                });
            };
            if !hide.contains(&control) {
                hide.push(control);
            }
        }
        self.hide = hide;
        Ok(())
    }

    /// Sets the builder's units from a list such as `0.5r,-1l` ([`kink_list`]) if every entry
    /// reads, lies in the range and they are few enough; otherwise keeps the last good units.
    fn set_kinks(&mut self, text: &str) -> Result<(), Problem> {
        match kink_list::parse(text) {
            Ok(units) => {
                self.relu_sum.units = units;
                Ok(())
            }
            Err(error) => Err(Problem::Kinks {
                text: shown(text),
                error: match error {
                    KinkListError::Entry { position, text } => KinkListError::Entry {
                        position,
                        text: shown(&text),
                    },
                    other => other,
                },
                kept: self.value_text(Setting::ReluSumKinks),
            }),
        }
    }

    /// Sets the x range if both ends are within ±[`X_LIMIT`], min is below max and the range
    /// is at least [`X_MIN_SPAN`] wide; x is then kept inside it. Otherwise keeps the last
    /// good range.
    ///
    /// The span is compared with a relative allowance of 10⁻⁹, so that a range typed as 0.01
    /// wide (0.1 to 0.11, which is 0.00999999999999999 in binary) is accepted.
    pub fn set_range(&mut self, min: f64, max: f64) -> Result<(), Problem> {
        let min = self.check(Setting::XMin, min)?;
        let max = self.check(Setting::XMax, max)?;
        let kept = (self.x_min, self.x_max);
        if min >= max {
            return Err(Problem::RangeOrder { min, max, kept });
        }
        if max - min < X_MIN_SPAN * (1.0 - 1e-9) {
            return Err(Problem::RangeTooNarrow { min, max, kept });
        }
        self.x_min = min;
        self.x_max = max;
        self.x = self.x.max(min).min(max);
        Ok(())
    }

    /// `value` if `setting`'s domain allows it (with `-0` made `0`), or why not.
    fn check(&self, setting: Setting, value: f64) -> Result<f64, Problem> {
        let Some(domain) = setting.domain() else {
            return Err(self.unreadable(setting, &value.to_string()));
        };
        if value.is_nan() {
            return Err(self.unreadable(setting, "NaN"));
        }
        let kept = self.value_text(setting);
        if !value.is_finite() || value < domain.min || value > domain.max {
            return Err(Problem::OutOfBounds {
                setting,
                value,
                kept,
            });
        }
        if domain.whole && value.fract() != 0.0 {
            return Err(Problem::NotWhole {
                setting,
                value,
                kept,
            });
        }
        Ok(value + 0.0)
    }

    fn unreadable(&self, setting: Setting, text: &str) -> Problem {
        Problem::Unreadable {
            setting,
            text: shown(text),
            kept: self.value_text(setting),
        }
    }

    /// A numeric setting's current value (`None` for settings that are not numbers). The lab's
    /// slope reads as [`DEFAULT_LAB_SLOPE`] under plain ReLU, and fuzzing's numbers as
    /// [`FuzzSettings::default`]'s while it is off: the values they would take.
    pub fn number(&self, setting: Setting) -> Option<f64> {
        let fuzz = self.fuzz.unwrap_or_default();
        Some(match setting {
            Setting::XMin => self.x_min,
            Setting::XMax => self.x_max,
            Setting::X => self.x,
            Setting::Slope => self.slope,
            Setting::LabSlope => f64::from(self.lab.leaky_slope.unwrap_or(DEFAULT_LAB_SLOPE)),
            Setting::LearningRate => f64::from(self.lab.learning_rate),
            Setting::LabBias => f64::from(self.lab.bias_init),
            Setting::Width => self.lab.width as f64,
            Setting::Depth => self.lab.depth as f64,
            Setting::Points => self.lab.points as f64,
            Setting::Seed => self.lab.seed as f64,
            Setting::StepsPerFrame => f64::from(self.lab.steps_per_frame),
            Setting::BornWidth => f64::from(self.born.width),
            Setting::BornDepth => f64::from(self.born.depth),
            Setting::BornBias => f64::from(self.born.bias_init),
            Setting::GradDepth => f64::from(self.grad.depth),
            Setting::GradZ => f64::from(self.grad.z),
            Setting::GradSpread => f64::from(self.grad.spread),
            Setting::GradSeed => self.grad.seed as f64,
            Setting::GrowthDepth => f64::from(self.growth.depth),
            Setting::GrowthScale => f64::from(self.growth.scale),
            Setting::SparsityMean => self.sparsity.mean,
            Setting::SparsityStd => self.sparsity.std,
            Setting::SparsitySamples => f64::from(self.sparsity.samples),
            Setting::SparsitySeed => self.sparsity.seed as f64,
            Setting::ZigzagRate => self.zigzag.rate,
            Setting::ZigzagSteps => f64::from(self.zigzag.steps),
            Setting::ZigzagSeed => self.zigzag.seed as f64,
            Setting::FuzzRate => f64::from(fuzz.rate),
            Setting::FuzzSeed => fuzz.seed as f64,
            _ => return None,
        })
    }

    /// A setting's current value as the URL hash writes it (before percent-encoding): the
    /// shortest text that reads back as the same number, `1` or `0` for a flag, a choice's
    /// key, or the text itself.
    pub fn value_text(&self, setting: Setting) -> String {
        let flag = |on: bool| u8::from(on).to_string();
        match setting {
            Setting::ShowLeaky => flag(self.show_leaky),
            Setting::ShowSigmoid => flag(self.show_sigmoid),
            Setting::ShowTanh => flag(self.show_tanh),
            Setting::Fuzz => flag(self.fuzz.is_some()),
            Setting::TorchX => self.torch_x.clone(),
            Setting::TorchGrad => self.torch_grad.clone(),
            Setting::Activation => if self.lab.leaky_slope.is_some() {
                "leaky"
            } else {
                "relu"
            }
            .to_string(),
            Setting::Init => self.lab.init.key().to_string(),
            Setting::Task => self.lab.task.key().to_string(),
            Setting::SpeedSize => self.speed.key().to_string(),
            Setting::ReluSumTarget => self.relu_sum.target.key().to_string(),
            Setting::ReluSumKinks => kink_list::write(&self.relu_sum.units),
            Setting::BornInit => self.born.init.key().to_string(),
            // Unset is written as nothing, which the hash leaves out as the default.
            Setting::Lang => self.lang.map_or("", Lang::tag).to_string(),
            Setting::Theme => self.theme.map_or("", Scheme::key).to_string(),
            Setting::Embed => self.embed.map_or("", |section| section.id).to_string(),
            Setting::Hide => self.hide.join(","),
            Setting::StringTest => self.string_test.map_or("", StringTest::key).to_string(),
            _ if setting.single_precision() => {
                // The f32's own shortest text, which reads back as the same f32.
                crate::text::number_f32(self.number(setting).unwrap_or_default() as f32)
            }
            _ => crate::text::number(self.number(setting).unwrap_or_default()),
        }
    }

    /// Where a key pressed on the focused graph moves x, as a slider would: the arrow keys by
    /// [`X_KEY_STEP`], Page Up and Page Down by a tenth of the range, Home and End to its ends
    /// (rounded to the step, and kept in the range). `None` for keys that do not move x.
    pub fn x_after_key(&self, key: &str) -> Option<f64> {
        let tenth = (self.x_max - self.x_min) / 10.0;
        let x = match key {
            "ArrowLeft" | "ArrowDown" => self.x - X_KEY_STEP,
            "ArrowRight" | "ArrowUp" => self.x + X_KEY_STEP,
            "PageDown" => self.x - tenth,
            "PageUp" => self.x + tenth,
            "Home" => return Some(self.x_min),
            "End" => return Some(self.x_max),
            _ => return None,
        };
        Some(round_to_x_step(x).max(self.x_min).min(self.x_max))
    }

    /// Whether every setting is within its domain, the x range is ordered and wide enough, and
    /// the builder's units are a list a link can hold: what every State that [`State::from_hash`] or the setters produce satisfies.
    pub fn is_valid(&self) -> bool {
        let numbers = Setting::ALL.into_iter().all(|setting| {
            match (setting.domain(), self.number(setting)) {
                (Some(domain), Some(value)) if setting.single_precision() => {
                    domain.contains_f32(value as f32)
                }
                (Some(domain), Some(value)) => domain.contains(value),
                _ => true,
            }
        });
        let texts = [&self.torch_x, &self.torch_grad]
            .iter()
            .all(|t| t.chars().count() <= MAX_TEXT_CHARS);
        let units = kink_list::parse(&kink_list::write(&self.relu_sum.units)).as_ref()
            == Ok(&self.relu_sum.units);
        numbers
            && texts
            && units
            && self.x_max - self.x_min >= X_MIN_SPAN * (1.0 - 1e-9)
            && self.x >= self.x_min
            && self.x <= self.x_max
    }
}
