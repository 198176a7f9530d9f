//! The domain of every setting: the one table that says what a control, a link or an API call
//! may set. [`State`](crate::state::State) checks every value against it; nothing else judges.
//!
//! | key | kind | min | max | min span | whole |
//! |---|---|---|---|---|---|
//! | `xmin`, `xmax` | number | −100 | 100 | 0.01 ([`X_MIN_SPAN`]) | no |
//! | `x` | number (then kept inside the x range) | −100 | 100 | | no |
//! | `slope` | number | 0 | 1 | | no |
//! | `leaky`, `sigmoid`, `tanh`, `fuzz` | flag | | | | |
//! | `tx`, `tg` | text | | [`MAX_TEXT_CHARS`] characters | | |
//! | `act` | `relu` or `leaky` | | | | |
//! | `lslope` | number | 0 | 1 | | no |
//! | `lr` | number | 0.0001 | 3 | | no |
//! | `init`, `binit` | `he`, `xavier`, `normal` or `uniform` | | | | |
//! | `bias` | number | −3 | 3 | | no |
//! | `width` | number | 1 | 64 | | yes |
//! | `depth` | number | 1 | 3 | | yes |
//! | `task` | `sin`, `abs`, `step` or `zigzag` | | | | |
//! | `zrate` | number | 0.05 | 4 | | no |
//! | `zsteps` | number | 1 | 500 | | yes |
//! | `zseed` | number | 0 | 2⁵³ − 1 | | yes |
//! | `speedn` | `4K`, `16K`, `64K`, `256K`, `1M`, `4M` or `16M` | | | | |
//! | `rtarget` | `abs`, `hat` or `sine` | | | | |
//! | `rkinks` | comma-separated kinks from −2 to 2, each followed by `r` or `l`, at most 12 | | | | |
//! | `n` | number | 32 | 256 | | yes |
//! | `smu` | number | −3 | 3 | | no |
//! | `ssd` | number | 0.1 | 3 | | no |
//! | `sn` | number | 100 | 100 000 | | yes |
//! | `seed`, `sseed`, `fuzzSeed` | number | 0 | 2⁵³ − 1 | | yes |
//! | `spf` | number | 1 | 500 | | yes |
//! | `bw` | number | 1 | 64 | | yes |
//! | `bd` | number | 1 | 8 | | yes |
//! | `bbias` | number | −1 | 1 | | no |
//! | `fuzzRate` | number | 1 | 100 | | yes |
//! | `lang` | `en` or `zh-CN` (unset: the browser's language) | | | | |
//! | `theme` | `light` or `dark` (unset: the system's) | | | | |
//! | `stringTest` | `long` or `xss` (unset: off; read when the page loads) | | | | |
//!
//! Every number must also be finite: NaN and ±∞ are refused everywhere. The lab's and the
//! born-dead calculator's real numbers are kept as `f32`, as their networks compute; for those
//! the domain holds the `f32` nearest to each allowed value (0.0001 is kept as the `f32`
//! 9.99999974738e-5, which prints as 0.0001).

use crate::born_dead::{DEPTHS, WIDTHS};
use crate::depth;
use crate::growth;
use crate::lab::{InitChoice, Task};
use crate::plot::theme::Scheme;
use crate::relu_sum::{kink_list, Target};
use crate::sections::{CONTROLS, SECTIONS};
use crate::sparsity;
use crate::speed::measure::Size;
use crate::text::{Lang, StringTest};
use crate::zigzag;

/// The widest x range the graph accepts: ±100.
pub const X_LIMIT: f64 = 100.0;

/// The narrowest x range the graph accepts.
///
/// A hundredth still lets a learner zoom close to the kink (a window of ±0.005 around x = 0,
/// where 0.01 spans a whole canvas) while every allowed range keeps about 10¹² distinct `f64`
/// values between its ends (the spacing of `f64` near 100 is 1.4·10⁻¹⁴). So every pixel and
/// every tick maps to a distinct number, and plotters' key-point loops, which step by float
/// arithmetic, always end. A range such as 0 to 1e-320 (a subnormal span) is refused.
pub const X_MIN_SPAN: f64 = 0.01;

/// The longest text the torch panel's fields accept, from the page or a link, in characters:
/// room for [`tensor_text::MAX_ENTRIES`](crate::tensor_text::MAX_ENTRIES) numbers of up to
/// eighteen characters each with their separators, while the page's URL (which carries the
/// text) stays far below the 2 MB browsers accept and a keystroke in the field stays instant.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// The largest whole number JavaScript represents exactly, 2⁵³ − 1, the top of every seed.
pub const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A numeric setting's allowed values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Domain {
    /// The smallest allowed value.
    pub min: f64,
    /// The largest allowed value.
    pub max: f64,
    /// Whether only whole numbers are allowed.
    pub whole: bool,
}

impl Domain {
    const fn real(min: f64, max: f64) -> Domain {
        Domain {
            min,
            max,
            whole: false,
        }
    }

    const fn whole(min: f64, max: f64) -> Domain {
        Domain {
            min,
            max,
            whole: true,
        }
    }

    /// Whether `value` is allowed: finite, within `[min, max]`, and whole if it must be.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite()
            && value >= self.min
            && value <= self.max
            && (!self.whole || value.fract() == 0.0)
    }

    /// Whether `value`, a setting kept as `f32`, is allowed: the `f32` nearest to some value
    /// the domain contains.
    pub fn contains_f32(&self, value: f32) -> bool {
        value.is_finite()
            && value >= self.min as f32
            && value <= self.max as f32
            && (!self.whole || value.fract() == 0.0)
    }
}

/// What kind of value a setting takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A number within a [`Domain`].
    Number(Domain),
    /// On or off: `1`, `true`, `on` or `0`, `false`, `off` in a link.
    Flag,
    /// One of a few keys, listed by [`Setting::choices`].
    Choice,
    /// A comma-separated list of keys, each one of [`Setting::choices`] (empty for none).
    List,
    /// Free text of at most this many characters.
    Text(usize),
}

/// Every setting that a control, the URL hash or the fuzzer can set, one per hash key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setting {
    /// `xmin`: the left end of the graph's x range.
    XMin,
    /// `xmax`: the right end of the graph's x range.
    XMax,
    /// `x`: the input marked on every curve.
    X,
    /// `slope`: the graph's Leaky ReLU slope.
    Slope,
    /// `leaky`: whether the graph shows Leaky ReLU.
    ShowLeaky,
    /// `sigmoid`: whether the graph shows sigmoid.
    ShowSigmoid,
    /// `tanh`: whether the graph shows tanh.
    ShowTanh,
    /// `tx`: the torch panel's input tensor, as typed.
    TorchX,
    /// `tg`: the torch panel's upstream gradient, as typed.
    TorchGrad,
    /// `act`: the lab's hidden activation.
    Activation,
    /// `lslope`: the lab's Leaky ReLU slope (setting it selects Leaky ReLU).
    LabSlope,
    /// `lr`: the lab's learning rate.
    LearningRate,
    /// `init`: the lab's weight initialisation.
    Init,
    /// `bias`: the lab's initial bias.
    LabBias,
    /// `width`: the lab's units per hidden layer.
    Width,
    /// `depth`: the lab's hidden layers.
    Depth,
    /// `task`: the lab's regression task.
    Task,
    /// `n`: the lab's training points.
    Points,
    /// `seed`: the lab's initialisation seed.
    Seed,
    /// `spf`: the lab's training steps per animation frame.
    StepsPerFrame,
    /// `bw`: the born-dead calculator's width.
    BornWidth,
    /// `bd`: the born-dead calculator's depth.
    BornDepth,
    /// `binit`: the born-dead calculator's initialisation.
    BornInit,
    /// `bbias`: the born-dead calculator's bias init.
    BornBias,
    /// `gdepth`: the gradient-through-depth experiment's layers.
    GradDepth,
    /// `gz`: its pre-activation, or the mean of the drawn ones.
    GradZ,
    /// `gspread`: the standard deviation of its drawn pre-activations (0: the same at every
    /// layer).
    GradSpread,
    /// `gseed`: the seed of its draws.
    GradSeed,
    /// `udepth`: the no-upper-limit experiment's layers.
    GrowthDepth,
    /// `uscale`: its weights' scale, as a multiple of He initialisation's √(2/n).
    GrowthScale,
    /// `speedn`: the speed experiment's buffer size, `4K` … `16M` elements.
    SpeedSize,
    /// `smu`: the sparsity experiment's input mean μ.
    SparsityMean,
    /// `ssd`: its inputs' standard deviation σ.
    SparsityStd,
    /// `sn`: how many inputs it draws.
    SparsitySamples,
    /// `sseed`: the seed of its draws.
    SparsitySeed,
    /// `zrate`: the not-zero-centred experiment's learning rate.
    ZigzagRate,
    /// `zsteps`: its per-example steps.
    ZigzagSteps,
    /// `zseed`: the seed its examples are drawn with.
    ZigzagSeed,
    /// `rtarget`: the sum-of-ReLUs builder's target.
    ReluSumTarget,
    /// `rkinks`: its units, as [`kink_list`] writes them (`0.5r,-1l`).
    ReluSumKinks,
    /// `lang`: the page's language, when the reader chose one.
    Lang,
    /// `theme`: light or dark, when the reader chose one.
    Theme,
    /// `embed`: the section shown alone, for a course page that frames one part.
    Embed,
    /// `hide`: the controls hidden, such as the range sliders of an exercise on a fixed range.
    Hide,
    /// `fuzz`: whether the page fuzzes itself (see [`FuzzSettings`](crate::state::FuzzSettings)).
    Fuzz,
    /// `fuzzRate`: synthetic events per animation frame while fuzzing.
    FuzzRate,
    /// `fuzzSeed`: the fuzzer's seed.
    FuzzSeed,
    /// `stringTest`: every string doubled (`long`) or wrapped in markup (`xss`), to show that
    /// no layout breaks and no string is parsed as markup (PhET's `stringTest`).
    StringTest,
}

impl Setting {
    /// Every setting, in the order the URL hash lists them.
    pub const ALL: [Setting; 48] = [
        Setting::XMin,
        Setting::XMax,
        Setting::X,
        Setting::Slope,
        Setting::ShowLeaky,
        Setting::ShowSigmoid,
        Setting::ShowTanh,
        Setting::TorchX,
        Setting::TorchGrad,
        Setting::Activation,
        Setting::LabSlope,
        Setting::LearningRate,
        Setting::Init,
        Setting::LabBias,
        Setting::Width,
        Setting::Depth,
        Setting::Task,
        Setting::Points,
        Setting::Seed,
        Setting::StepsPerFrame,
        Setting::BornWidth,
        Setting::BornDepth,
        Setting::BornInit,
        Setting::BornBias,
        Setting::GradDepth,
        Setting::GradZ,
        Setting::GradSpread,
        Setting::GradSeed,
        Setting::GrowthDepth,
        Setting::GrowthScale,
        Setting::SpeedSize,
        Setting::SparsityMean,
        Setting::SparsityStd,
        Setting::SparsitySamples,
        Setting::SparsitySeed,
        Setting::ZigzagRate,
        Setting::ZigzagSteps,
        Setting::ZigzagSeed,
        Setting::ReluSumTarget,
        Setting::ReluSumKinks,
        Setting::Lang,
        Setting::Theme,
        Setting::Embed,
        Setting::Hide,
        Setting::Fuzz,
        Setting::FuzzRate,
        Setting::FuzzSeed,
        Setting::StringTest,
    ];

    /// Its key in the URL hash.
    pub fn key(self) -> &'static str {
        match self {
            Setting::XMin => "xmin",
            Setting::XMax => "xmax",
            Setting::X => "x",
            Setting::Slope => "slope",
            Setting::ShowLeaky => "leaky",
            Setting::ShowSigmoid => "sigmoid",
            Setting::ShowTanh => "tanh",
            Setting::TorchX => "tx",
            Setting::TorchGrad => "tg",
            Setting::Activation => "act",
            Setting::LabSlope => "lslope",
            Setting::LearningRate => "lr",
            Setting::Init => "init",
            Setting::LabBias => "bias",
            Setting::Width => "width",
            Setting::Depth => "depth",
            Setting::Task => "task",
            Setting::Points => "n",
            Setting::Seed => "seed",
            Setting::StepsPerFrame => "spf",
            Setting::BornWidth => "bw",
            Setting::BornDepth => "bd",
            Setting::BornInit => "binit",
            Setting::BornBias => "bbias",
            Setting::GradDepth => "gdepth",
            Setting::GradZ => "gz",
            Setting::GradSpread => "gspread",
            Setting::GradSeed => "gseed",
            Setting::GrowthDepth => "udepth",
            Setting::GrowthScale => "uscale",
            Setting::SpeedSize => "speedn",
            Setting::SparsityMean => "smu",
            Setting::SparsityStd => "ssd",
            Setting::SparsitySamples => "sn",
            Setting::SparsitySeed => "sseed",
            Setting::ZigzagRate => "zrate",
            Setting::ZigzagSteps => "zsteps",
            Setting::ZigzagSeed => "zseed",
            Setting::ReluSumTarget => "rtarget",
            Setting::ReluSumKinks => "rkinks",
            Setting::Lang => "lang",
            Setting::Theme => "theme",
            Setting::Embed => "embed",
            Setting::Hide => "hide",
            Setting::StringTest => "stringTest",
            Setting::Fuzz => "fuzz",
            Setting::FuzzRate => "fuzzRate",
            Setting::FuzzSeed => "fuzzSeed",
        }
    }

    /// The setting with hash key `key`, if any.
    pub fn from_key(key: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Its position in [`Setting::ALL`], for tables keyed by setting (such as its name in each
    /// language).
    pub fn index(self) -> usize {
        self as usize
    }

    /// What values it takes.
    pub fn kind(self) -> Kind {
        let born = |r: &std::ops::RangeInclusive<u32>| {
            Domain::whole(f64::from(*r.start()), f64::from(*r.end()))
        };
        let real = |r: &std::ops::RangeInclusive<f64>| Domain::real(*r.start(), *r.end());
        let real_f32 = |r: &std::ops::RangeInclusive<f32>| {
            Domain::real(f64::from(*r.start()), f64::from(*r.end()))
        };
        Kind::Number(match self {
            Setting::XMin | Setting::XMax | Setting::X => Domain::real(-X_LIMIT, X_LIMIT),
            Setting::Slope | Setting::LabSlope => Domain::real(0.0, 1.0),
            Setting::LearningRate => Domain::real(1e-4, 3.0),
            Setting::LabBias => Domain::real(-3.0, 3.0),
            Setting::Width => Domain::whole(1.0, 64.0),
            Setting::Depth => Domain::whole(1.0, 3.0),
            Setting::Points => Domain::whole(32.0, 256.0),
            Setting::Seed
            | Setting::FuzzSeed
            | Setting::GradSeed
            | Setting::SparsitySeed
            | Setting::ZigzagSeed => Domain::whole(0.0, MAX_SAFE_INTEGER),
            Setting::StepsPerFrame => Domain::whole(1.0, 500.0),
            Setting::BornWidth => born(&WIDTHS),
            Setting::BornDepth => born(&DEPTHS),
            Setting::BornBias => Domain::real(-1.0, 1.0),
            Setting::GradDepth => born(&depth::DEPTHS),
            Setting::GradZ => real_f32(&depth::PRE_ACTIVATIONS),
            Setting::GradSpread => real_f32(&depth::SPREADS),
            Setting::GrowthDepth => born(&growth::EXPERIMENT_DEPTHS),
            Setting::GrowthScale => real_f32(&growth::SCALES),
            Setting::SparsityMean => real(&sparsity::EXPERIMENT_MEANS),
            Setting::SparsityStd => real(&sparsity::EXPERIMENT_STDS),
            Setting::SparsitySamples => born(&sparsity::EXPERIMENT_SAMPLES),
            Setting::ZigzagRate => Domain::real(*zigzag::RATES.start(), *zigzag::RATES.end()),
            Setting::ZigzagSteps => born(&zigzag::STEP_COUNTS),
            Setting::FuzzRate => Domain::whole(1.0, 100.0),
            Setting::ShowLeaky | Setting::ShowSigmoid | Setting::ShowTanh | Setting::Fuzz => {
                return Kind::Flag
            }
            Setting::TorchX | Setting::TorchGrad => return Kind::Text(MAX_TEXT_CHARS),
            Setting::ReluSumKinks => return Kind::Text(kink_list::MAX_LIST_CHARS),
            Setting::Activation
            | Setting::Init
            | Setting::Task
            | Setting::SpeedSize
            | Setting::ReluSumTarget
            | Setting::BornInit
            | Setting::Lang
            | Setting::Theme
            | Setting::Embed
            | Setting::StringTest => return Kind::Choice,
            Setting::Hide => return Kind::List,
        })
    }

    /// Its domain, if it is a number.
    pub fn domain(self) -> Option<Domain> {
        match self.kind() {
            Kind::Number(domain) => Some(domain),
            _ => None,
        }
    }

    /// The narrowest range its pair allows, for the ends of a range (`xmin`, `xmax`).
    pub fn min_span(self) -> Option<f64> {
        matches!(self, Setting::XMin | Setting::XMax).then_some(X_MIN_SPAN)
    }

    /// Whether the value is kept as an `f32` (see [`Domain::contains_f32`]).
    pub fn single_precision(self) -> bool {
        matches!(
            self,
            Setting::LabSlope
                | Setting::LearningRate
                | Setting::LabBias
                | Setting::BornBias
                | Setting::GradZ
                | Setting::GradSpread
                | Setting::GrowthScale
        )
    }

    /// The keys a choice accepts (empty for other kinds).
    pub fn choices(self) -> Vec<&'static str> {
        match self {
            Setting::Activation => vec!["relu", "leaky"],
            Setting::Init | Setting::BornInit => InitChoice::ALL.map(InitChoice::key).to_vec(),
            Setting::Task => Task::ALL.map(Task::key).to_vec(),
            Setting::SpeedSize => Size::ALL.map(Size::key).to_vec(),
            Setting::ReluSumTarget => Target::ALL.map(Target::key).to_vec(),
            Setting::Lang => Lang::ALL.map(Lang::tag).to_vec(),
            Setting::Theme => Scheme::ALL.map(Scheme::key).to_vec(),
            Setting::StringTest => StringTest::ALL.map(StringTest::key).to_vec(),
            Setting::Embed => SECTIONS.iter().map(|section| section.id).collect(),
            Setting::Hide => CONTROLS.to_vec(),
            _ => Vec::new(),
        }
    }
}
