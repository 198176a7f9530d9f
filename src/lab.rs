//! The dead-neuron lab's core: regression tasks, settings and presets, and a training run that
//! keeps its loss and dead-unit history in bounded memory.

use crate::activation::Activation;
use crate::kinks;
use crate::mlp::{Init, Mlp, MlpError};

/// A 1-D regression target on [−1, 1].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// sin(πx): smooth, needs several kinks.
    Sin,
    /// |x|: exactly two ReLUs.
    Abs,
    /// A step at 0: a steep ramp is the best a ReLU net can do.
    Step,
    /// A zigzag through (−1, 0), (−0.5, 1), (0, 0), (0.5, 1), (1, 0): piecewise linear.
    Zigzag,
}

impl Task {
    /// Every task, in the order the page lists them.
    pub const ALL: [Task; 4] = [Task::Sin, Task::Abs, Task::Step, Task::Zigzag];

    /// The target value at x.
    pub fn target(self, x: f32) -> f32 {
        match self {
            Task::Sin => (std::f32::consts::PI * x).sin(),
            Task::Abs => x.abs(),
            Task::Step => {
                if x < 0.0 {
                    0.0
                } else {
                    1.0
                }
            }
            Task::Zigzag => {
                let t = (x + 1.0) * 2.0;
                let phase = t - t.floor();
                if (t.floor() as i32) % 2 == 0 {
                    phase
                } else {
                    1.0 - phase
                }
            }
        }
    }

    /// The key used in URLs and by the page's select.
    pub fn key(self) -> &'static str {
        match self {
            Task::Sin => "sin",
            Task::Abs => "abs",
            Task::Step => "step",
            Task::Zigzag => "zigzag",
        }
    }

    /// The task with `key`, if any.
    pub fn from_key(key: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// `points` inputs evenly spaced on [−1, 1] and the task's targets there.
pub fn dataset(task: Task, points: usize) -> (Vec<f32>, Vec<f32>) {
    let xs: Vec<f32> = (0..points)
        .map(|i| {
            if points == 1 {
                0.0
            } else {
                -1.0 + 2.0 * i as f32 / (points - 1) as f32
            }
        })
        .collect();
    let ys = xs.iter().map(|&x| task.target(x)).collect();
    (xs, ys)
}

/// How the lab initialises weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InitChoice {
    /// He (Kaiming) normal: std √(2 / fan_in), made for ReLU.
    He,
    /// Xavier (Glorot) uniform.
    Xavier,
    /// Normal with std 1: too large for wide layers.
    Normal,
    /// Uniform on [−0.5, 0.5], as TensorFlow Playground.
    Uniform,
}

impl InitChoice {
    /// Every scheme, in the order the page lists them.
    pub const ALL: [InitChoice; 4] = [
        InitChoice::He,
        InitChoice::Xavier,
        InitChoice::Normal,
        InitChoice::Uniform,
    ];

    /// The network's initialisation for this choice.
    pub fn init(self) -> Init {
        match self {
            InitChoice::He => Init::He,
            InitChoice::Xavier => Init::Xavier,
            InitChoice::Normal => Init::Normal { std: 1.0 },
            InitChoice::Uniform => Init::Uniform,
        }
    }

    /// The key used in URLs and by the page's select.
    pub fn key(self) -> &'static str {
        match self {
            InitChoice::He => "he",
            InitChoice::Xavier => "xavier",
            InitChoice::Normal => "normal",
            InitChoice::Uniform => "uniform",
        }
    }

    /// The scheme with `key`, if any.
    pub fn from_key(key: &str) -> Option<InitChoice> {
        InitChoice::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Every setting of the lab.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabSettings {
    /// Leaky ReLU's slope when on; plain ReLU when `None`.
    pub leaky_slope: Option<f32>,
    /// SGD learning rate.
    pub learning_rate: f32,
    /// Weight initialisation.
    pub init: InitChoice,
    /// Every bias's initial value.
    pub bias_init: f32,
    /// Units per hidden layer.
    pub width: usize,
    /// Hidden layers.
    pub depth: usize,
    /// The regression task.
    pub task: Task,
    /// Training points on [−1, 1].
    pub points: usize,
    /// Seed of the initialisation.
    pub seed: u64,
    /// Training steps per animation frame.
    pub steps_per_frame: u32,
}

impl Default for LabSettings {
    fn default() -> Self {
        Preset::Healthy.settings()
    }
}

impl LabSettings {
    /// The hidden activation.
    pub fn activation(&self) -> Activation {
        match self.leaky_slope {
            Some(slope) => Activation::LeakyRelu(slope),
            None => Activation::Relu,
        }
    }

    /// Layer sizes: one input, `depth` hidden layers of `width`, one output.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![1];
        sizes.extend(std::iter::repeat_n(self.width, self.depth));
        sizes.push(1);
        sizes
    }
}

/// One-click scenarios, each telling one story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// He init, a small learning rate: few or no dead units.
    Healthy,
    /// A learning rate so large that the first updates knock most units off the data.
    HighLearningRate,
    /// Biases initialised negative: many units start dead.
    NegativeBias,
    /// The same learning rate with Leaky ReLU: units knocked below zero keep learning and
    /// come back.
    LeakyRescue,
    /// Width 2, depth 3: whole layers can be born dead.
    NarrowDeep,
}

impl Preset {
    /// Every preset, in the order the page lists them.
    pub const ALL: [Preset; 5] = [
        Preset::Healthy,
        Preset::HighLearningRate,
        Preset::NegativeBias,
        Preset::LeakyRescue,
        Preset::NarrowDeep,
    ];

    /// The key used by the page's buttons.
    pub fn key(self) -> &'static str {
        match self {
            Preset::Healthy => "healthy",
            Preset::HighLearningRate => "high-lr",
            Preset::NegativeBias => "negative-bias",
            Preset::LeakyRescue => "leaky-rescue",
            Preset::NarrowDeep => "narrow-deep",
        }
    }

    /// The preset with `key`, if any.
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Its settings.
    pub fn settings(self) -> LabSettings {
        let healthy = LabSettings {
            leaky_slope: None,
            learning_rate: 0.05,
            init: InitChoice::He,
            bias_init: 0.0,
            width: 16,
            depth: 1,
            task: Task::Sin,
            points: 64,
            seed: 1,
            steps_per_frame: 20,
        };
        match self {
            Preset::Healthy => healthy,
            Preset::HighLearningRate => LabSettings {
                learning_rate: 0.5,
                ..healthy
            },
            Preset::NegativeBias => LabSettings {
                bias_init: -1.0,
                ..healthy
            },
            Preset::LeakyRescue => LabSettings {
                leaky_slope: Some(0.3),
                ..Preset::HighLearningRate.settings()
            },
            Preset::NarrowDeep => LabSettings {
                width: 2,
                depth: 3,
                task: Task::Abs,
                seed: 3,
                ..healthy
            },
        }
    }
}

/// Whether the lab is training.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// Waiting for play or a single step.
    Paused,
    /// Training every frame.
    Running,
    /// The loss became non-finite; training stopped until a reset.
    Diverged,
}

/// A series over training steps in bounded memory: when full, every other point is dropped and
/// the sampling stride doubles, so minutes of training neither grow memory nor lose the shape.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    points: Vec<(u64, f32)>,
    stride: u64,
}

/// Points a [`History`] keeps at most.
pub const HISTORY_CAPACITY: usize = 512;

impl Default for History {
    fn default() -> Self {
        History {
            points: Vec::with_capacity(HISTORY_CAPACITY),
            stride: 1,
        }
    }
}

impl History {
    /// Records `value` at `step` if the step falls on the current stride; a second value at the
    /// latest step replaces the first.
    pub fn record(&mut self, step: u64, value: f32) {
        if let Some(last) = self.points.last_mut().filter(|(s, _)| *s == step) {
            last.1 = value;
            return;
        }
        if !step.is_multiple_of(self.stride) {
            return;
        }
        if self.points.len() == HISTORY_CAPACITY {
            let mut keep = 0;
            for i in (0..self.points.len()).step_by(2) {
                self.points[keep] = self.points[i];
                keep += 1;
            }
            self.points.truncate(keep);
            self.stride *= 2;
            if !step.is_multiple_of(self.stride) {
                return;
            }
        }
        self.points.push((step, value));
    }

    /// The recorded (step, value) points, oldest first.
    pub fn points(&self) -> &[(u64, f32)] {
        &self.points
    }
}

/// A point inside (−1, 1) where the lab network's prediction bends: one or more hidden units
/// switch on or off there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bend {
    /// Where.
    pub x: f32,
    /// Whether a first-layer unit switches here, at its x = −b/w; if not, only deeper units do.
    pub first_layer: bool,
}

/// A training run: the network, its data, where it stands and what happened so far.
pub struct Lab {
    settings: LabSettings,
    mlp: Mlp,
    xs: Vec<f32>,
    ys: Vec<f32>,
    step: u64,
    state: RunState,
    last_loss: Option<f32>,
    loss: History,
    dead_share: Vec<History>,
    dead: Vec<bool>,
}

impl Lab {
    /// A fresh run for `settings`, paused at step 0; an error if the network cannot have
    /// that shape (`State` keeps settings within domains that it can).
    pub fn new(settings: LabSettings) -> Result<Lab, MlpError> {
        let mut mlp = Mlp::new(&settings.sizes(), settings.activation())?;
        mlp.initialize(settings.init.init(), settings.seed, settings.bias_init);
        let (xs, ys) = dataset(settings.task, settings.points);
        let mut lab = Lab {
            settings,
            mlp,
            xs,
            ys,
            step: 0,
            state: RunState::Paused,
            last_loss: None,
            loss: History::default(),
            dead_share: vec![History::default(); settings.depth],
            dead: Vec::new(),
        };
        lab.census();
        // The charts start with step 0, not empty axes: the loss before any training (the first
        // step records the same loss again, as autograd computes it, in its place).
        let start = lab.start_loss();
        if start.is_finite() {
            lab.loss.record(0, start);
        }
        Ok(lab)
    }

    /// The mean squared error of the network as it is, on the training data (what the next
    /// step's loss will be).
    fn start_loss(&mut self) -> f32 {
        let predictions = self.mlp.forward(&self.xs).unwrap_or_default();
        if predictions.len() != self.ys.len() || self.ys.is_empty() {
            return f32::NAN;
        }
        let squares: f64 = predictions
            .iter()
            .zip(&self.ys)
            .map(|(p, t)| f64::from(p - t).powi(2))
            .sum();
        (squares / self.ys.len() as f64) as f32
    }

    /// The settings this run was made with.
    pub fn settings(&self) -> &LabSettings {
        &self.settings
    }

    /// Training inputs.
    pub fn inputs(&self) -> &[f32] {
        &self.xs
    }

    /// Training targets.
    pub fn targets(&self) -> &[f32] {
        &self.ys
    }

    /// Steps taken so far.
    pub fn step(&self) -> u64 {
        self.step
    }

    /// Applies settings that keep the network: the learning rate, the steps per frame, and the
    /// activation (switching to Leaky ReLU keeps every weight, which is how a dead unit is
    /// brought back). Other fields of `settings` are ignored.
    pub fn retune(&mut self, settings: LabSettings) {
        if settings.activation() != self.settings.activation() {
            if let Ok(mlp) = self.with_activation(settings.activation()) {
                self.mlp = mlp;
            }
        }
        self.settings = LabSettings {
            leaky_slope: settings.leaky_slope,
            learning_rate: settings.learning_rate,
            steps_per_frame: settings.steps_per_frame,
            ..self.settings
        };
    }

    /// A network of the same shape and weights with another hidden activation.
    fn with_activation(&self, activation: Activation) -> Result<Mlp, MlpError> {
        let mut mlp = Mlp::new(&self.settings.sizes(), activation)?;
        for layer in 0..self.mlp.layer_count() {
            mlp.set_layer(layer, self.mlp.weight(layer)?, self.mlp.bias(layer)?)?;
        }
        Ok(mlp)
    }

    /// Whether training runs, waits or has diverged.
    pub fn state(&self) -> RunState {
        self.state
    }

    /// Starts or pauses training; a diverged run stays stopped.
    pub fn set_running(&mut self, running: bool) {
        if self.state != RunState::Diverged {
            self.state = if running {
                RunState::Running
            } else {
                RunState::Paused
            };
        }
    }

    /// The loss before the latest step, if a step was taken.
    pub fn last_loss(&self) -> Option<f32> {
        self.last_loss
    }

    /// Loss over steps.
    pub fn loss_history(&self) -> &History {
        &self.loss
    }

    /// Share of dead units over steps, one history per hidden layer.
    pub fn dead_history(&self) -> &[History] {
        &self.dead_share
    }

    /// The latest census: one entry per hidden unit, layer by layer, true if dead.
    pub fn dead(&self) -> &[bool] {
        &self.dead
    }

    /// The dead share of each hidden layer in the latest census.
    pub fn dead_share(&self) -> Vec<f32> {
        self.dead
            .chunks(self.settings.width)
            .map(|layer| layer.iter().filter(|d| **d).count() as f32 / layer.len() as f32)
            .collect()
    }

    /// Takes up to `steps` SGD steps, stopping (and marking the run diverged) at the first
    /// non-finite loss. Returns the steps taken.
    pub fn advance(&mut self, steps: u32) -> u32 {
        let mut taken = 0;
        while taken < steps && self.state != RunState::Diverged {
            // The lab's data and learning rate are valid by construction; were a step refused,
            // stopping as if diverged is the safe answer.
            let loss = self
                .mlp
                .train_step(&self.xs, &self.ys, self.settings.learning_rate)
                .unwrap_or(f32::NAN);
            if !loss.is_finite() {
                self.state = RunState::Diverged;
                break;
            }
            self.last_loss = Some(loss);
            self.loss.record(self.step, loss);
            self.step += 1;
            taken += 1;
        }
        taken
    }

    /// Counts dead units on the training inputs and records each layer's share.
    pub fn census(&mut self) {
        self.dead = self.mlp.dead_units(&self.xs).unwrap_or_default();
        let shares = self.dead_share();
        for (history, share) in self.dead_share.iter_mut().zip(shares) {
            history.record(self.step, share);
        }
    }

    /// The network's prediction at each of `xs`.
    pub fn predict(&mut self, xs: &[f32]) -> Vec<f32> {
        self.mlp.forward(xs).unwrap_or_default()
    }

    /// Where the prediction bends inside (−1, 1), left to right: the kinks a ReLU network adds, one per unit that switches there (a unit dead on the
    /// whole interval adds none). `None` when they cannot be found: parameters that overflowed
    /// (a diverged run) or more pieces than [`kinks::MAX_PIECES`].
    pub fn bends(&self) -> Option<Vec<Bend>> {
        let found = kinks::breakpoints(&self.mlp, -1.0, 1.0).ok()?;
        if found.truncated {
            return None;
        }
        let mut bends: Vec<Bend> = Vec::new();
        // Switches come left to right; units switching at the same x make one bend.
        for switch in &found.switches {
            match bends.last_mut() {
                Some(last) if last.x == switch.x => last.first_layer |= switch.layer == 0,
                _ => bends.push(Bend {
                    x: switch.x,
                    first_layer: switch.layer == 0,
                }),
            }
        }
        Some(bends)
    }

    /// The first hidden layer's activations at each of `xs`, one curve per unit.
    pub fn first_layer_curves(&mut self, xs: &[f32]) -> Vec<Vec<f32>> {
        let width = self.settings.width;
        let layers = self.mlp.hidden_activations(xs).unwrap_or_default();
        let Some(first) = layers.first() else {
            return Vec::new();
        };
        (0..width)
            .map(|unit| first.chunks(width).map(|row| row[unit]).collect())
            .collect()
    }
}
