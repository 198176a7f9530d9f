//! The single-neuron walk-through: one unit a = act(w·x + b) on eight points, taken stage by
//! stage from healthy, to dead after one oversized SGD step, to alive again under Leaky ReLU, with
//! every number of every forward and backward pass.
//!
//! The core returns numbers and a [`Stage`]; the page owns the captions, keyed by
//! [`Stage::key`], so that every sentence lives in the strings table of its language.

use crate::activation::Activation;

/// The walk-through's data: inputs x at the midpoints of eight equal cells of [−1, 1] and targets
/// y = relu(x).
///
/// Midpoints keep every input away from 0 and, like every number of the healthy and dead stages,
/// exact in binary, so the tables show short decimals that can be checked by hand. The target is
/// a ReLU itself, so the neuron has a perfect answer (w = 1, b = 0) to find again once revived.
pub const DATA: [(f32, f32); 8] = [
    (-0.875, 0.0),
    (-0.625, 0.0),
    (-0.375, 0.0),
    (-0.125, 0.0),
    (0.125, 0.125),
    (0.375, 0.375),
    (0.625, 0.625),
    (0.875, 0.875),
];

/// The healthy neuron's weight: the right slope.
pub const HEALTHY_W: f32 = 1.0;
/// The healthy neuron's bias: a little too high, so the gradient asks for a lower bias, and an
/// oversized step overshoots.
pub const HEALTHY_B: f32 = 0.25;
/// The oversized learning rate of the one step that kills the neuron: it moves b from 0.25 to
/// −1.15625, below −w·x for every input. A rate of 1 would have kept the neuron alive.
pub const BIG_LEARNING_RATE: f32 = 5.0;
/// Leaky ReLU's negative slope in the rescue: PyTorch's default.
pub const LEAKY_SLOPE: f32 = 0.01;
/// The learning rate of the long runs (the dead ReLU's, which changes nothing, and the Leaky
/// ReLU's, which revives the neuron): the same run twice, so the activation is the only
/// difference.
pub const RUN_LEARNING_RATE: f32 = 1.0;
/// The number of SGD steps in each long run: enough for the Leaky ReLU neuron to reopen its gate
/// (near step 100) and then fit the data.
pub const RUN_STEPS: u32 = 200;

/// One unit: a = activation(z), z = w·x + b.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Neuron {
    /// The weight w.
    pub w: f32,
    /// The bias b.
    pub b: f32,
    /// The activation applied to z.
    pub activation: Activation,
}

/// Every number of one point's forward and backward pass.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointRow {
    /// The input.
    pub x: f32,
    /// The target.
    pub y: f32,
    /// The pre-activation w·x + b.
    pub z: f32,
    /// Whether the ReLU gate is open: z > 0. At z = 0 it is closed, as PyTorch's gradient is 0
    /// there.
    pub open: bool,
    /// The activation's output.
    pub a: f32,
    /// ∂L/∂a, the gradient arriving from the loss: (2/n)·(a − y).
    pub d_a: f32,
    /// The activation's local gradient at z: for ReLU 1 or exactly 0; for Leaky ReLU 1 or the
    /// slope.
    pub d_gate: f32,
    /// ∂L/∂z: the gradient that passed the gate.
    pub d_z: f32,
    /// This point's share of ∂L/∂w: ∂L/∂z · x.
    pub d_w_part: f32,
    /// This point's share of ∂L/∂b: ∂L/∂z.
    pub d_b_part: f32,
}

/// A full forward and backward pass over a data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    /// One row per point, in the data's order.
    pub rows: Vec<PointRow>,
    /// Mean squared error over the points, as `torch.nn.functional.mse_loss`; NaN for no points,
    /// as PyTorch's mean of nothing.
    pub loss: f32,
    /// ∂L/∂w: the rows' `d_w_part` summed in order.
    pub d_w: f32,
    /// ∂L/∂b: the rows' `d_b_part` summed in order.
    pub d_b: f32,
}

impl Pass {
    /// How many points have an open gate (z > 0).
    pub fn open_count(&self) -> usize {
        self.rows.iter().filter(|row| row.open).count()
    }
}

impl Neuron {
    /// The forward and backward pass over `data`, pairs (x, y), with the mean-squared-error loss.
    pub fn pass(&self, data: &[(f32, f32)]) -> Pass {
        // PyTorch's mse_loss backward scales by 2/n computed in double and then rounded to the
        // tensor's type; doing the same keeps ∂L/∂a bit-equal for any n.
        let norm = (2.0 / data.len() as f64) as f32;
        let mut squared_error = 0.0_f32;
        let mut d_w = 0.0_f32;
        let mut d_b = 0.0_f32;
        let rows: Vec<PointRow> = data
            .iter()
            .map(|&(x, y)| {
                let z = self.w * x + self.b;
                let a = self.activation.forward(z);
                let error = a - y;
                squared_error += error * error;
                let d_a = norm * error;
                let d_z = self.activation.backward(z, d_a);
                let row = PointRow {
                    x,
                    y,
                    z,
                    open: z > 0.0,
                    a,
                    d_a,
                    d_gate: self.activation.derivative(z),
                    d_z,
                    d_w_part: d_z * x,
                    d_b_part: d_z,
                };
                d_w += row.d_w_part;
                d_b += row.d_b_part;
                row
            })
            .collect();
        Pass {
            rows,
            loss: squared_error / data.len() as f32,
            d_w,
            d_b,
        }
    }

    /// One full-batch plain SGD step on `data`; returns the pass before the update, whose
    /// gradients the step used.
    ///
    /// The update is PyTorch's `p -= lr * p.grad` in `f32`: a zero gradient leaves a parameter
    /// bit-identical at any finite learning rate.
    pub fn step(&mut self, data: &[(f32, f32)], learning_rate: f32) -> Pass {
        let pass = self.pass(data);
        self.w -= learning_rate * pass.d_w;
        self.b -= learning_rate * pass.d_b;
        pass
    }

    /// The parameters (w, b).
    pub fn params(&self) -> (f32, f32) {
        (self.w, self.b)
    }
}

/// The stages of the story, in order. Each is shown with its caption and the current tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// 1. A healthy ReLU neuron (w = 1, b = 0.25): the forward pass and the loss.
    Healthy,
    /// 2. The same neuron's backward pass: per point ∂L/∂a, the gate's gradient (1 or exactly 0),
    ///    ∂L/∂z, and the sums ∂L/∂w and ∂L/∂b.
    Backward,
    /// 3. One SGD step at [`BIG_LEARNING_RATE`] overshoots: b lands far below zero.
    BigStep,
    /// 4. The neuron is dead: z ≤ 0 at every point, so every gate is closed and ∂L/∂w and ∂L/∂b
    ///    are exactly 0.
    Dead,
    /// 5. [`RUN_STEPS`] more steps at [`RUN_LEARNING_RATE`] leave w and b bit-identical.
    StillDead,
    /// 6. The same w and b under Leaky ReLU ([`LEAKY_SLOPE`]): every gate still closed, but the
    ///    gradient is small and no longer 0.
    Leaky,
    /// 7. The same [`RUN_STEPS`] steps at [`RUN_LEARNING_RATE`] under Leaky ReLU: the gates
    ///    reopen and the neuron learns again.
    Revived,
}

impl Stage {
    /// Every stage, in the story's order.
    pub const ALL: [Stage; 7] = [
        Stage::Healthy,
        Stage::Backward,
        Stage::BigStep,
        Stage::Dead,
        Stage::StillDead,
        Stage::Leaky,
        Stage::Revived,
    ];

    /// The stage's position in the story, from 1.
    pub fn number(self) -> usize {
        self.index() + 1
    }

    /// A stable key for the stage's caption in a strings table.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Healthy => "healthy",
            Stage::Backward => "backward",
            Stage::BigStep => "big_step",
            Stage::Dead => "dead",
            Stage::StillDead => "still_dead",
            Stage::Leaky => "leaky",
            Stage::Revived => "revived",
        }
    }

    /// The stage after this one, if any.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    /// The stage before this one, if any.
    pub fn previous(self) -> Option<Stage> {
        self.index().checked_sub(1).map(|i| Stage::ALL[i])
    }

    fn index(self) -> usize {
        // The variants are declared in story order, so the discriminant is the position.
        self as usize
    }
}

/// The neuron after one step of a long run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TracePoint {
    /// The weight after the step.
    pub w: f32,
    /// The bias after the step.
    pub b: f32,
    /// The loss at the new parameters.
    pub loss: f32,
    /// How many points have an open gate at the new parameters.
    pub open: usize,
}

/// The SGD steps taken on entering a stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// The learning rate of every step.
    pub learning_rate: f32,
    /// How many steps.
    pub steps: u32,
    /// (w, b) before the first step.
    pub before: (f32, f32),
    /// The gradient (∂L/∂w, ∂L/∂b) the first step used, at `before`.
    pub first_grads: (f32, f32),
    /// (w, b) after the last step.
    pub after: (f32, f32),
    /// The neuron after each step, in order.
    pub trace: Vec<TracePoint>,
}

impl Update {
    /// The step (counted from 1) after which some gate was open for the first time, if any.
    pub fn first_open_step(&self) -> Option<u32> {
        let index = self.trace.iter().position(|point| point.open > 0)?;
        u32::try_from(index + 1).ok()
    }

    /// Whether the steps left both parameters bit-identical.
    pub fn changed_nothing(&self) -> bool {
        self.before.0.to_bits() == self.after.0.to_bits()
            && self.before.1.to_bits() == self.after.1.to_bits()
    }
}

/// Runs `steps` SGD steps on [`DATA`], recording the neuron after each.
fn run(neuron: &mut Neuron, learning_rate: f32, steps: u32) -> Update {
    let before = neuron.params();
    let mut first_grads = None;
    let mut trace = Vec::with_capacity(steps as usize);
    for _ in 0..steps {
        let used = neuron.step(&DATA, learning_rate);
        first_grads.get_or_insert((used.d_w, used.d_b));
        let now = neuron.pass(&DATA);
        trace.push(TracePoint {
            w: neuron.w,
            b: neuron.b,
            loss: now.loss,
            open: now.open_count(),
        });
    }
    Update {
        learning_rate,
        steps,
        before,
        first_grads: first_grads.unwrap_or((0.0, 0.0)),
        after: neuron.params(),
        trace,
    }
}

/// The scripted walk-through: the current stage, the neuron as it stands there, its pass over
/// [`DATA`], and the update that led to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Walkthrough {
    stage: Stage,
    neuron: Neuron,
    pass: Pass,
    update: Option<Update>,
}

impl Default for Walkthrough {
    fn default() -> Self {
        Walkthrough::at(Stage::Healthy)
    }
}

impl Walkthrough {
    /// The walk-through at its first stage.
    pub fn new() -> Walkthrough {
        Walkthrough::default()
    }

    /// The walk-through at `stage`, reached by playing the script from the start.
    pub fn at(stage: Stage) -> Walkthrough {
        // Replaying the whole script (at most a few hundred passes over eight points) keeps
        // every stage's numbers identical however the learner got there.
        let mut neuron = Neuron {
            w: HEALTHY_W,
            b: HEALTHY_B,
            activation: Activation::Relu,
        };
        let mut update = None;
        for &s in &Stage::ALL[..=stage.index()] {
            update = match s {
                Stage::Healthy | Stage::Backward | Stage::Dead => None,
                Stage::BigStep => Some(run(&mut neuron, BIG_LEARNING_RATE, 1)),
                Stage::StillDead | Stage::Revived => {
                    Some(run(&mut neuron, RUN_LEARNING_RATE, RUN_STEPS))
                }
                Stage::Leaky => {
                    neuron.activation = Activation::LeakyRelu(LEAKY_SLOPE);
                    None
                }
            };
        }
        Walkthrough {
            stage,
            pass: neuron.pass(&DATA),
            neuron,
            update,
        }
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// Whether the current stage is the story's last.
    pub fn is_last(&self) -> bool {
        self.stage.next().is_none()
    }

    /// Moves to the next stage; at the last stage, stays there.
    pub fn next(&mut self) {
        if let Some(stage) = self.stage.next() {
            self.go_to(stage);
        }
    }

    /// Moves to the previous stage; at the first stage, stays there.
    pub fn back(&mut self) {
        if let Some(stage) = self.stage.previous() {
            self.go_to(stage);
        }
    }

    /// Moves to `stage`.
    pub fn go_to(&mut self, stage: Stage) {
        *self = Walkthrough::at(stage);
    }

    /// Returns to the first stage.
    pub fn reset(&mut self) {
        self.go_to(Stage::Healthy);
    }

    /// The neuron as it stands at this stage.
    pub fn neuron(&self) -> Neuron {
        self.neuron
    }

    /// The neuron's parameters (w, b) at this stage.
    pub fn params(&self) -> (f32, f32) {
        self.neuron.params()
    }

    /// The neuron's activation at this stage: ReLU, then Leaky ReLU from [`Stage::Leaky`] on.
    pub fn activation(&self) -> Activation {
        self.neuron.activation
    }

    /// The forward and backward pass at this stage's parameters.
    pub fn pass(&self) -> &Pass {
        &self.pass
    }

    /// One row per point of [`DATA`] at this stage's parameters.
    pub fn rows(&self) -> &[PointRow] {
        &self.pass.rows
    }

    /// The loss at this stage's parameters.
    pub fn loss(&self) -> f32 {
        self.pass.loss
    }

    /// The gradient (∂L/∂w, ∂L/∂b) at this stage's parameters.
    pub fn grads(&self) -> (f32, f32) {
        (self.pass.d_w, self.pass.d_b)
    }

    /// The SGD steps taken on entering this stage: at [`Stage::BigStep`], [`Stage::StillDead`]
    /// and [`Stage::Revived`]; `None` elsewhere.
    pub fn update(&self) -> Option<&Update> {
        self.update.as_ref()
    }
}
