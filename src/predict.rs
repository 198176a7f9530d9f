//! Predict, then check: each live experiment opens with a question the reader answers before
//! running it. The answer is never written down: each question computes it from the same core
//! the experiment draws with, and judges the reader's guess against it.

use crate::activation::Activation;
use crate::depth::{path_gradient, DepthSettings};

/// A question one experiment asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Gradient through depth: after [`DEPTH_QUESTION_LAYERS`] sigmoid layers, each at
    /// z = [`DEPTH_QUESTION_Z`] (a unit that is on), is the gradient left bigger or smaller than
    /// [`DEPTH_QUESTION_THRESHOLD`]?
    DepthSigmoid,
}

/// The layers the depth question asks about.
pub const DEPTH_QUESTION_LAYERS: u32 = 10;
/// The pre-activation at every layer of the depth question: the experiment's default, where
/// ReLU's path is active (at z = 0 it would be cut, PyTorch's ReLU′(0) being 0).
pub const DEPTH_QUESTION_Z: f32 = 0.5;
/// The size the depth question compares the gradient with.
pub const DEPTH_QUESTION_THRESHOLD: f64 = 1e-3;

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
        }
    }

    /// The value the question is about, computed by the experiment's core (for the depth
    /// question, sigmoid's path gradient, as the chart draws it).
    pub fn truth(self) -> f64 {
        match self {
            Question::DepthSigmoid => {
                let zs = [DEPTH_QUESTION_Z; DEPTH_QUESTION_LAYERS as usize];
                path_gradient(Activation::Sigmoid, &zs).last()
            }
        }
    }

    /// The right answer's key.
    pub fn answer(self) -> &'static str {
        match self {
            Question::DepthSigmoid if self.truth() < DEPTH_QUESTION_THRESHOLD => "smaller",
            Question::DepthSigmoid => "bigger",
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

    /// The experiment's settings that show the question's case, keeping `current`'s seed.
    pub fn scenario(self, current: DepthSettings) -> DepthSettings {
        match self {
            Question::DepthSigmoid => DepthSettings {
                depth: DEPTH_QUESTION_LAYERS,
                z: DEPTH_QUESTION_Z,
                spread: 0.0,
                ..current
            },
        }
    }
}
