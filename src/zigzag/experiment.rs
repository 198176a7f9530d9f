//! The page's zero-centred experiment: its settings as the page and its link hold them, and the
//! two runs it draws from them, per-example descent from the origin over all-positive inputs
//! and over the same inputs centred.

use std::ops::RangeInclusive;

use super::{descend, Dataset, Descent, Inputs, Path, Schedule, Window, ZigzagError};

/// The learning rates the experiment allows: up to 4, where every centred example's step still
/// ends no farther from fitting it than it started (its squared length is at most ½).
pub const RATES: RangeInclusive<f64> = 0.05..=4.0;

/// The step counts the experiment allows.
pub const STEP_COUNTS: RangeInclusive<u32> = 1..=500;

/// The examples each run cycles through, one per step: enough for both kinds of inputs to
/// fill the square, few enough that a run of the default 64 steps sees each twice.
pub const EXAMPLES_SHOWN: usize = 32;

/// Where both runs start: the origin, from which the minimum (1, −1) needs w₁ up and w₂ down.
pub const START: [f64; 2] = [0.0, 0.0];

/// The square of weight space the chart shows: around the midpoint of the start and the
/// minimum, with room for the positive run's zig-zag on both sides of the line between them.
pub const WINDOW: Window = Window {
    w1_min: -1.0,
    w1_max: 2.0,
    w2_min: -2.0,
    w2_max: 1.0,
};

/// The experiment's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZigzagSettings {
    /// The learning rate, within [`RATES`].
    pub rate: f64,
    /// Per-example steps, within [`STEP_COUNTS`].
    pub steps: u32,
    /// The seed the examples are drawn with.
    pub seed: u64,
}

impl Default for ZigzagSettings {
    /// Rate 1 and 64 steps: both runs get near the minimum, the positive one by a zig-zag.
    fn default() -> Self {
        ZigzagSettings {
            rate: 1.0,
            steps: 64,
            seed: 1,
        }
    }
}

/// One run: the examples it descends over and its path.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The examples, noise-free, so that the minimum is (1, −1).
    pub dataset: Dataset,
    /// The descent from [`START`].
    pub path: Path,
}

impl ZigzagSettings {
    /// The two runs, all-positive inputs first, or why the settings are refused. The same seed
    /// draws the same inputs for both, so they differ only by the inputs' mean.
    pub fn runs(&self) -> Result<[Run; 2], ZigzagError> {
        let run = |inputs| -> Result<Run, ZigzagError> {
            let dataset = Dataset::new(inputs, EXAMPLES_SHOWN, 0.0, self.seed)?;
            let path = descend(
                &dataset,
                &Descent {
                    start: START,
                    learning_rate: self.rate,
                    steps: self.steps as usize,
                    schedule: Schedule::PerExample,
                    tolerance: 0.0,
                },
            )?;
            Ok(Run { dataset, path })
        };
        Ok([run(Inputs::Positive)?, run(Inputs::Centred)?])
    }
}
