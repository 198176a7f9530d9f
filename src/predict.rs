//! Predict, then check: each live experiment opens with a question the reader answers before
//! running it. The answer is never written down: each question computes it from the same core
//! the experiment draws with, and judges the reader's guess against it.

use crate::activation::Activation;
use crate::depth::path_gradient;
use crate::growth::{analytic, GrowthSettings};
use crate::relu_sum::{kink_list, Target};
use crate::sparsity::Normal;
use crate::state::{Problem, Setting, State};
use crate::zigzag::ZigzagSettings;

/// A question one experiment asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Gradient through depth: after [`DEPTH_QUESTION_LAYERS`] sigmoid layers, each at
    /// z = [`DEPTH_QUESTION_Z`] (a unit that is on), is the gradient left bigger or smaller than
    /// [`DEPTH_QUESTION_THRESHOLD`]?
    DepthSigmoid,
    /// No upper limit: with weights at [`GROWTH_QUESTION_SCALE`] times He's scale, after
    /// [`GROWTH_QUESTION_LAYERS`] ReLU layers, how large are the activations against the
    /// input's: about the same (under 10 times), about a hundred times (10 to 1000), or more
    /// than a thousand times?
    GrowthRelu,
    /// Sparsity: for inputs from N([`SPARSITY_QUESTION_MEAN`], [`SPARSITY_QUESTION_STD`]²),
    /// what share of ReLU's outputs are exactly 0: under 20%, between 20% and 80% (about
    /// half), or over 80%?
    SparsityShare,
    /// Not zero-centred: at learning rate [`ZIGZAG_QUESTION_RATE`], after
    /// [`ZIGZAG_QUESTION_STEPS`] per-example steps from the origin, which run ends nearer the
    /// minimum: the one on all-positive inputs, the one on the same inputs centred, or neither
    /// (within a factor of 2 of each other)?
    ZigzagRate,
    /// The sum of ReLUs: how many units does it take to draw the triangle (the hat
    /// max(0, 1 − |x|)) exactly: one, two, three, or can it not be exact?
    ReluSumHat,
}

/// The learning rate the zig-zag question asks about: about 7 times the rate at which
/// full-batch descent on the positive inputs stops converging, yet within the centred inputs'.
pub const ZIGZAG_QUESTION_RATE: f64 = 3.0;
/// The steps the zig-zag question asks about: each of the 32 examples twice.
pub const ZIGZAG_QUESTION_STEPS: u32 = 64;
/// The seed the zig-zag question's examples are drawn with (the experiment's default).
pub const ZIGZAG_QUESTION_SEED: u64 = 1;

/// The zig-zag question's case.
fn zigzag_case() -> ZigzagSettings {
    ZigzagSettings {
        rate: ZIGZAG_QUESTION_RATE,
        steps: ZIGZAG_QUESTION_STEPS,
        seed: ZIGZAG_QUESTION_SEED,
    }
}

/// How far the zig-zag question's runs end from their minimum, the all-positive inputs' first,
/// as the experiment computes and draws them (NaN if they cannot be made, which the tests rule
/// out).
pub fn zigzag_question_distances() -> (f64, f64) {
    zigzag_case()
        .runs()
        .map_or((f64::NAN, f64::NAN), |[positive, centred]| {
            (
                positive.path.final_distance(),
                centred.path.final_distance(),
            )
        })
}

/// The inputs' mean μ in the sparsity question: one standard deviation below 0.
pub const SPARSITY_QUESTION_MEAN: f64 = -1.0;
/// The inputs' standard deviation σ in the sparsity question.
pub const SPARSITY_QUESTION_STD: f64 = 1.0;

/// The layers the growth question asks about.
pub const GROWTH_QUESTION_LAYERS: u32 = 20;
/// The weights' scale in the growth question, as a multiple of He's.
pub const GROWTH_QUESTION_SCALE: f32 = 1.5;

/// The layers the depth question asks about.
pub const DEPTH_QUESTION_LAYERS: u32 = 10;
/// The pre-activation at every layer of the depth question: the experiment's default, where
/// ReLU's path is active (at z = 0 it would be cut, PyTorch's ReLU′(0) being 0).
pub const DEPTH_QUESTION_Z: f32 = 0.5;
/// The size the depth question compares the gradient with.
pub const DEPTH_QUESTION_THRESHOLD: f64 = 1e-3;

/// Sigmoid's local derivative at [`DEPTH_QUESTION_Z`]: what each layer of the depth question
/// multiplies the gradient by (σ′(0.5) ≈ 0.235).
pub fn depth_question_local() -> f64 {
    f64::from(Activation::Sigmoid.derivative(DEPTH_QUESTION_Z))
}

/// What a checked guess gets: whether it was right, and the computed value that decides it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Verdict {
    /// Whether the guess was right.
    pub right: bool,
    /// The value the question is about (for the depth question, the gradient left).
    pub truth: f64,
}

/// Why a guess could not be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuessError {
    /// No answer was chosen.
    Missing,
    /// The answer is none of the question's choices.
    Unknown,
}

impl Question {
    /// The answers the reader chooses from, by key.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            Question::DepthSigmoid => &["bigger", "smaller"],
            Question::GrowthRelu => &["same", "hundred", "thousand"],
            Question::SparsityShare => &["under20", "half", "over80"],
            Question::ZigzagRate => &["positive", "centred", "same"],
            Question::ReluSumHat => &["one", "two", "three", "never"],
        }
    }

    /// The value the question is about, computed by the experiment's core (for the depth
    /// question, sigmoid's path gradient, as the chart draws it; for the sum of ReLUs, the
    /// fewest units that draw the triangle, or NaN if none do).
    pub fn truth(self) -> f64 {
        match self {
            Question::DepthSigmoid => {
                let zs = [DEPTH_QUESTION_Z; DEPTH_QUESTION_LAYERS as usize];
                path_gradient(Activation::Sigmoid, &zs).last()
            }
            Question::GrowthRelu => {
                let case = GrowthSettings {
                    depth: GROWTH_QUESTION_LAYERS,
                    scale: GROWTH_QUESTION_SCALE,
                };
                // The inputs' RMS is 1, so the last layer's RMS is the ratio asked about.
                analytic(&case.growth(Activation::Relu))
                    .ok()
                    .and_then(|rms| rms.last().copied())
                    .unwrap_or(f64::NAN)
            }
            // The experiment's theory value, Φ(−μ/σ), which its measured share estimates.
            Question::SparsityShare => Normal::new(SPARSITY_QUESTION_MEAN, SPARSITY_QUESTION_STD)
                .map_or(f64::NAN, |normal| normal.relu_zero_share()),
            Question::ZigzagRate => {
                // How many times farther the positive run ends than the centred one.
                let (positive, centred) = zigzag_question_distances();
                positive / centred
            }
            Question::ReluSumHat => Target::Hat
                .exact_units()
                .map_or(f64::NAN, |units| units.len() as f64),
        }
    }

    /// The right answer's key.
    pub fn answer(self) -> &'static str {
        match self {
            Question::DepthSigmoid if self.truth() < DEPTH_QUESTION_THRESHOLD => "smaller",
            Question::DepthSigmoid => "bigger",
            Question::GrowthRelu => match self.truth() {
                ratio if ratio < 10.0 => "same",
                ratio if ratio < 1000.0 => "hundred",
                _ => "thousand",
            },
            Question::SparsityShare => match self.truth() {
                share if share < 0.2 => "under20",
                share if share <= 0.8 => "half",
                _ => "over80",
            },
            Question::ZigzagRate => match self.truth() {
                ratio if ratio > 2.0 => "centred",
                ratio if ratio < 0.5 => "positive",
                _ => "same",
            },
            Question::ReluSumHat => match Target::Hat.exact_units().map(|units| units.len()) {
                Some(1) => "one",
                Some(2) => "two",
                Some(3) => "three",
                _ => "never",
            },
        }
    }

    /// Checks `guess` (a choice's key, or `None` if none is chosen).
    pub fn check(self, guess: Option<&str>) -> Result<Verdict, GuessError> {
        let guess = guess.ok_or(GuessError::Missing)?;
        if !self.choices().contains(&guess) {
            return Err(GuessError::Unknown);
        }
        Ok(Verdict {
            right: guess == self.answer(),
            truth: self.truth(),
        })
    }

    /// Sets the experiment's sliders to the question's case (through `state`, which validates
    /// them), so that the chart shows why; its other settings stay. The sum of ReLUs is set to
    /// the triangle drawn by its fewest units.
    pub fn apply(self, state: &mut State) -> Result<(), Problem> {
        let case: &[(Setting, f64)] = match self {
            Question::ReluSumHat => {
                let units = Target::Hat.exact_units().unwrap_or_default();
                state.set_text(Setting::ReluSumTarget, Target::Hat.key())?;
                return state.set_text(Setting::ReluSumKinks, &kink_list::write(&units));
            }
            Question::DepthSigmoid => &[
                (Setting::GradDepth, DEPTH_QUESTION_LAYERS as f64),
                (Setting::GradZ, DEPTH_QUESTION_Z as f64),
                (Setting::GradSpread, 0.0),
            ],
            Question::GrowthRelu => &[
                (Setting::GrowthDepth, GROWTH_QUESTION_LAYERS as f64),
                (Setting::GrowthScale, GROWTH_QUESTION_SCALE as f64),
            ],
            Question::SparsityShare => &[
                (Setting::SparsityMean, SPARSITY_QUESTION_MEAN),
                (Setting::SparsityStd, SPARSITY_QUESTION_STD),
            ],
            Question::ZigzagRate => &[
                (Setting::ZigzagRate, ZIGZAG_QUESTION_RATE),
                (Setting::ZigzagSteps, ZIGZAG_QUESTION_STEPS as f64),
                (Setting::ZigzagSeed, ZIGZAG_QUESTION_SEED as f64),
            ],
        };
        case.iter()
            .try_for_each(|(setting, value)| state.set_number(*setting, *value))
    }
}
