//! The descent path over a [`Dataset`]'s loss surface, and the measures that show its zig-zag.

use super::{Dataset, ZigzagError, MAX_STEPS};

/// Which gradient each step follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// Plain SGD, one example per step, cycling through the examples in their order: step t
    /// uses example t mod count. Each step is −rate·δ·x for that example, so with positive
    /// inputs both weights move the same way at every step.
    PerExample,
    /// Full-batch gradient descent: each step is −rate times the gradient of the mean loss.
    FullBatch,
}

/// How to descend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Descent {
    /// The weights (w₁, w₂) to start from.
    pub start: [f64; 2],
    /// The learning rate, above 0.
    pub learning_rate: f64,
    /// Steps to take, at most [`MAX_STEPS`].
    pub steps: usize,
    /// Per-example or full-batch.
    pub schedule: Schedule,
    /// How close (Euclidean distance) to the dataset's minimum counts as arrived.
    pub tolerance: f64,
}

/// A descent's path and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    /// The weights at the start and after each step: `steps + 1` points, fewer if it diverged.
    pub points: Vec<[f64; 2]>,
    /// The loss (over the whole dataset) at each point.
    pub losses: Vec<f64>,
    /// The dataset's exact minimum, for reference.
    pub minimum: [f64; 2],
    /// Steps whose update moved both weights the same way (both up or both down; an update of
    /// exactly 0 in either weight counts as neither).
    pub same_sign_steps: usize,
    /// Steps whose update turned back against the one before: the two updates' dot product is
    /// negative, more than 90° between them.
    pub reversals: usize,
    /// The first point within `tolerance` of the minimum (0 is the start), or None if none is.
    pub steps_to_tolerance: Option<usize>,
    /// The step whose result was not finite (weights or loss overflowed), where the path stops;
    /// None if every step stayed finite.
    pub diverged_at: Option<usize>,
}

impl Path {
    /// The steps taken: the steps asked for, or fewer if the descent diverged.
    pub fn steps_taken(&self) -> usize {
        self.points.len().saturating_sub(1)
    }

    /// The Euclidean distance from the last point to the minimum.
    pub fn final_distance(&self) -> f64 {
        self.points.last().map_or(f64::NAN, |last| {
            (last[0] - self.minimum[0]).hypot(last[1] - self.minimum[1])
        })
    }

    /// The share of the steps taken that moved both weights the same way, from 0 to 1: the
    /// zig-zag's signature, 1 for per-example steps on positive inputs. None if no step was
    /// taken.
    pub fn same_sign_share(&self) -> Option<f64> {
        let taken = self.steps_taken();
        (taken > 0).then(|| self.same_sign_steps as f64 / taken as f64)
    }
}

/// Descends `dataset`'s loss as `descent` says, or says why its settings are refused.
///
/// Cost: `steps` updates of a few operations each, plus the loss at every point (one pass over
/// the examples): at most [`MAX_STEPS`] × 256 examples.
pub fn descend(dataset: &Dataset, descent: &Descent) -> Result<Path, ZigzagError> {
    if !descent.start.iter().all(|w| w.is_finite()) {
        return Err(ZigzagError::Start);
    }
    let rate = descent.learning_rate;
    if !(rate.is_finite() && rate > 0.0) {
        return Err(ZigzagError::LearningRate { got: rate });
    }
    if descent.steps > MAX_STEPS {
        return Err(ZigzagError::Steps { got: descent.steps });
    }
    let tolerance = descent.tolerance;
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        return Err(ZigzagError::Tolerance { got: tolerance });
    }
    let minimum = dataset.minimum();
    let arrived = |w: [f64; 2]| (w[0] - minimum[0]).hypot(w[1] - minimum[1]) <= tolerance;
    let mut w = descent.start;
    let mut path = Path {
        points: vec![w],
        losses: vec![dataset.loss(w)],
        minimum,
        same_sign_steps: 0,
        reversals: 0,
        steps_to_tolerance: arrived(w).then_some(0),
        diverged_at: None,
    };
    let mut previous: Option<[f64; 2]> = None;
    for step in 1..=descent.steps {
        let gradient = match descent.schedule {
            Schedule::PerExample => {
                let k = (step - 1) % dataset.inputs.len();
                let x = dataset.inputs[k];
                let delta = super::dot(w, x) - dataset.targets[k];
                [delta * x[0], delta * x[1]]
            }
            Schedule::FullBatch => dataset.gradient(w),
        };
        let update = [-rate * gradient[0], -rate * gradient[1]];
        let next = [w[0] + update[0], w[1] + update[1]];
        let loss = dataset.loss(next);
        if !(next.iter().all(|v| v.is_finite()) && loss.is_finite()) {
            path.diverged_at = Some(step);
            break;
        }
        // Signs compared, not the product, which underflows to 0 for tiny updates.
        if (update[0] > 0.0 && update[1] > 0.0) || (update[0] < 0.0 && update[1] < 0.0) {
            path.same_sign_steps += 1;
        }
        if previous.is_some_and(|p| super::dot(p, update) < 0.0) {
            path.reversals += 1;
        }
        if path.steps_to_tolerance.is_none() && arrived(next) {
            path.steps_to_tolerance = Some(step);
        }
        previous = Some(update);
        w = next;
        path.points.push(w);
        path.losses.push(loss);
    }
    Ok(path)
}
