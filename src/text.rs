//! Every user-visible string the Rust code writes (chart titles, legends, readouts, messages),
//! keyed by language in one place, so that a translation is one more table.

use crate::state::{Kind, Problem, Setting, X_MIN_SPAN};
use crate::tensor_text::{TensorTextError, MAX_ENTRIES};

/// A language the explorer speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
}

/// The strings of one language. Templates name their placeholders in braces, filled by
/// [`fill`].
pub struct Strings {
    /// The graph's title (the article's figure title).
    pub graph_title: &'static str,
    /// The x-axis label.
    pub axis_x: &'static str,
    /// The y-axis label.
    pub axis_y: &'static str,
    /// Legend: ReLU.
    pub relu: &'static str,
    /// Legend: ReLU's derivative.
    pub relu_derivative: &'static str,
    /// Legend: Leaky ReLU; `{slope}`.
    pub leaky: &'static str,
    /// Legend: Leaky ReLU's derivative.
    pub leaky_derivative: &'static str,
    /// Legend: sigmoid.
    pub sigmoid: &'static str,
    /// Legend: sigmoid's derivative.
    pub sigmoid_derivative: &'static str,
    /// Legend: tanh.
    pub tanh: &'static str,
    /// Legend: tanh's derivative.
    pub tanh_derivative: &'static str,
    /// Readout shown when x is exactly 0.
    pub at_kink: &'static str,
    /// Text alternative of the graph; `{min}`, `{max}`, `{x}`, `{fx}`, `{dfx}`.
    pub graph_alt: &'static str,
    /// Each setting's name, in `Setting::ALL` order, for messages.
    pub setting_names: [&'static str; 27],
    /// The allowed real numbers; `{min}`, `{max}`.
    pub allowed_real: &'static str,
    /// The allowed whole numbers; `{min}`, `{max}`.
    pub allowed_whole: &'static str,
    /// A number that is not one; `{name}`, `{key}`, `{text}`, `{allowed}`, `{kept}`.
    pub unreadable_number: &'static str,
    /// A flag that is not one; `{name}`, `{key}`, `{text}`, `{kept}`.
    pub unreadable_flag: &'static str,
    /// A choice that is not one of them; `{name}`, `{key}`, `{text}`, `{choices}`, `{kept}`.
    pub unreadable_choice: &'static str,
    /// A number outside its domain; `{name}`, `{key}`, `{value}`, `{allowed}`, `{kept}`.
    pub out_of_bounds: &'static str,
    /// A fraction where a whole number is needed; `{name}`, `{key}`, `{value}`, `{allowed}`,
    /// `{kept}`.
    pub not_whole: &'static str,
    /// A text that is too long; `{name}`, `{key}`, `{len}`, `{max}`.
    pub text_too_long: &'static str,
    /// x min not below x max; `{min}`, `{max}`, `{kept_min}`, `{kept_max}`.
    pub range_order: &'static str,
    /// An x range narrower than the minimum; `{min}`, `{max}`, `{span}`, `{kept_min}`,
    /// `{kept_max}`.
    pub range_too_narrow: &'static str,
    /// Prefix for problems found in the page's link.
    pub link_prefix: &'static str,
    /// Empty tensor text.
    pub tensor_empty: &'static str,
    /// Empty entry; `{position}`.
    pub tensor_missing: &'static str,
    /// Entry not a number; `{position}`, `{text}`.
    pub tensor_not_number: &'static str,
    /// Entry overflows float32; `{position}`, `{text}`.
    pub tensor_overflow: &'static str,
    /// Too many entries; `{len}`, `{max}`.
    pub tensor_too_long: &'static str,
    /// Input and gradient lengths differ; `{x}`, `{grad}`.
    pub tensor_lengths: &'static str,
    /// Which field a tensor message is about: the input.
    pub field_x: &'static str,
    /// Which field a tensor message is about: the gradient.
    pub field_grad: &'static str,
    /// Appended to a refused entry's message.
    pub keeping_last: &'static str,
    /// Lab chart title: targets and prediction.
    pub lab_fit_title: &'static str,
    /// Lab chart title: first-layer units.
    pub lab_units_title: &'static str,
    /// Lab chart title: dead share per layer.
    pub lab_dead_title: &'static str,
    /// Lab chart title: loss.
    pub lab_loss_title: &'static str,
    /// Lab status; `{step}`, `{loss}`, `{dead}`, `{units}`.
    pub lab_status: &'static str,
    /// Lab status with Leaky ReLU; `{step}`, `{loss}`, `{dead}`, `{units}`.
    pub lab_status_leaky: &'static str,
    /// Lab status before the first step; `{dead}`, `{units}`.
    pub lab_status_fresh: &'static str,
    /// Message when training diverged; `{step}`.
    pub lab_diverged: &'static str,
    /// Play button label.
    pub lab_play: &'static str,
    /// Pause button label.
    pub lab_pause: &'static str,
    /// A strip layer's label; `{layer}`, `{dead}`, `{units}`.
    pub lab_strip_layer: &'static str,
    /// A strip layer's label with Leaky ReLU; `{layer}`, `{dead}`, `{units}`.
    pub lab_strip_layer_leaky: &'static str,
    /// One sentence per preset, in `Preset::ALL` order.
    pub lab_presets: [&'static str; 5],
    /// Closed-form born-dead chance; `{share}`.
    pub born_closed: &'static str,
    /// Monte Carlo born-dead share; `{share}`, `{dead}`, `{trials}`, `{low}`, `{high}`.
    pub born_monte_carlo: &'static str,
    /// Shown before the first batch of the survey.
    pub born_running: &'static str,
    /// The walk-through's position; `{n}`, `{of}`.
    pub neuron_stage: &'static str,
    /// One caption per walk-through stage, in `Stage::ALL` order; placeholders `{w}`, `{b}`,
    /// `{loss}`, `{dw}`, `{db}`, `{open}`, `{points}`, `{slope}`, and where a stage took steps,
    /// `{lr}`, `{steps}`, `{w0}`, `{b0}`, `{dw0}`, `{db0}`, `{first}`.
    pub neuron_captions: [&'static str; 7],
}

/// English.
pub const EN: Strings = Strings {
    graph_title: "ReLU Function and Its Derivative",
    axis_x: "x",
    axis_y: "y",
    relu: "ReLU(x)",
    relu_derivative: "Derivative of ReLU(x)",
    leaky: "Leaky ReLU(x), α = {slope}",
    leaky_derivative: "Derivative of Leaky ReLU(x)",
    sigmoid: "sigmoid(x)",
    sigmoid_derivative: "Derivative of sigmoid(x)",
    tanh: "tanh(x)",
    tanh_derivative: "Derivative of tanh(x)",
    at_kink: "x is exactly 0, the kink: the derivative is undefined here, and PyTorch’s backward \
              pass uses 0.",
    graph_alt: "Graph of ReLU(x) and its derivative for x from {min} to {max}. \
                At x = {x}, ReLU(x) = {fx} and its derivative is {dfx}.",
    setting_names: [
        "x min",
        "x max",
        "Input x",
        "Leaky ReLU slope",
        "Show Leaky ReLU",
        "Show sigmoid",
        "Show tanh",
        "Input tensor x",
        "Upstream gradient",
        "Lab activation",
        "Lab Leaky ReLU slope",
        "Learning rate",
        "Lab initialisation",
        "Lab bias init",
        "Lab width",
        "Lab hidden layers",
        "Lab task",
        "Lab data points",
        "Lab seed",
        "Steps per frame",
        "Born-dead width N",
        "Born-dead depth L",
        "Born-dead initialisation",
        "Born-dead bias init",
        "Fuzzing",
        "Fuzz events per frame",
        "Fuzz seed",
    ],
    allowed_real: "a number from {min} to {max}",
    allowed_whole: "a whole number from {min} to {max}",
    unreadable_number: "{name} ({key}) = “{text}” is not a number; it takes {allowed}. \
                        Kept {kept}.",
    unreadable_flag: "{name} ({key}) = “{text}” is not on or off; use 1 or 0. Kept {kept}.",
    unreadable_choice: "{name} ({key}) = “{text}” is not one of {choices}. Kept {kept}.",
    out_of_bounds: "{name} ({key}) = {value} is out of range; it takes {allowed}. Kept {kept}.",
    not_whole: "{name} ({key}) = {value} is not a whole number; it takes {allowed}. \
                Kept {kept}.",
    text_too_long: "{name} ({key}) is {len} characters long; it takes at most {max}. \
                    Kept the previous text.",
    range_order: "x min ({min}) must be less than x max ({max}). \
                  The graph keeps the range {kept_min} to {kept_max}.",
    range_too_narrow: "The x range {min} to {max} is narrower than {span}, the narrowest the \
                       graph shows. The graph keeps the range {kept_min} to {kept_max}.",
    link_prefix: "Part of this link was ignored:",
    tensor_empty: "it is empty; type at least one number, such as -1.0, 0.0, 1.0, 2.0.",
    tensor_missing: "entry {position} is empty (two commas in a row?).",
    tensor_not_number: "entry {position}, “{text}”, is not a number \
                        (use digits, or nan, inf, -inf).",
    tensor_overflow: "entry {position}, {text}, is too large for float32 \
                      (the largest is about 3.4e38); type inf if you mean infinity.",
    tensor_too_long: "it has {len} entries; the panel takes at most {max}.",
    tensor_lengths: "x has {x} entries but the gradient has {grad}: \
                     backward needs one upstream gradient per entry of y.",
    field_x: "Input tensor x",
    field_grad: "Upstream gradient",
    keeping_last: "Showing the last good result.",
    lab_fit_title: "Targets (dots) and the network's prediction",
    lab_units_title: "First-layer units over x (dead in grey)",
    lab_dead_title: "Share of dead units per layer",
    lab_loss_title: "Loss (log scale)",
    lab_status: "Step {step}: loss {loss}; {dead} of {units} hidden units dead.",
    lab_status_leaky: "Step {step}: loss {loss}; {dead} of {units} hidden units are below zero \
                       on every input, yet still learning through the leak.",
    lab_status_fresh: "Step 0: {dead} of {units} hidden units dead before any training.",
    lab_diverged: "Training diverged at step {step}: the loss is no longer a finite number \
                   (the learning rate is too large for this network). Training has stopped; \
                   reset to start again.",
    lab_play: "Play",
    lab_pause: "Pause",
    lab_strip_layer: "Layer {layer}: {dead} of {units} dead",
    lab_strip_layer_leaky: "Layer {layer}: {dead} of {units} in the leak",
    born_closed: "{share}: some hidden layer is all ≤ 0 at one input (closed form \
                  1 − (1 − 2^−N)^L).",
    born_monte_carlo: "{share}: output constant over all of [−1, 1] ({dead} of {trials} \
                       freshly initialised networks; 95% interval {low} to {high}).",
    born_running: "Initialising networks…",
    neuron_stage: "Stage {n} of {of}",
    neuron_captions: [
        "A healthy ReLU neuron: w = {w}, b = {b}. Its gate is open (z > 0) on {open} of the \
         {points} points, and the mean squared error is {loss}.",
        "Backward: the loss sends ∂L/∂a = (2/n)(a − y) to every point. The ReLU gate passes it \
         where z > 0 (local gradient 1) and stops it where z ≤ 0 (exactly 0). Summing ∂L/∂z·x \
         and ∂L/∂z gives ∂L/∂w = {dw} and ∂L/∂b = {db}.",
        "One SGD step with a learning rate of {lr}, far too large: w ← w − {lr}·({dw0}) and \
         b ← b − {lr}·({db0}). The bias overshoots from {b0} to {b}.",
        "Now z = w·x + b ≤ 0 at every point: every gate is closed, every ∂L/∂z is exactly 0, \
         so ∂L/∂w = {dw} and ∂L/∂b = {db}. The neuron is dead.",
        "{steps} more steps at a learning rate of {lr}: w = {w} and b = {b}, bit for bit the \
         same as before. No gradient will ever reach this neuron again.",
        "The same w and b under Leaky ReLU (slope {slope}): the gates are still closed, but each \
         passes {slope} of the gradient, so ∂L/∂w = {dw} and ∂L/∂b = {db}: small, and not zero.",
        "{steps} steps at a learning rate of {lr} under Leaky ReLU: a gate reopens at step \
         {first}, and the neuron fits the data again: w = {w}, b = {b}, loss {loss}.",
    ],
    lab_presets: [
        "A healthy run: He initialisation and a small learning rate. Watch the loss fall while \
         almost every unit stays alive.",
        "The learning rate is ten times too large: the first big updates throw most units off \
         the data, and they never come back. Watch the dead share jump and stay, and the \
         prediction stall.",
        "Every bias starts at −1, so many units are ≤ 0 on every input from the first step: \
         dead before training begins. The few that live do all the work.",
        "The same violent learning rate with Leaky ReLU (slope 0.3): units still get knocked \
         below zero, but their negative side keeps a gradient, so they keep learning and climb \
         back: the count goes down as well as up. Switching Activation to Leaky ReLU during a \
         ReLU run keeps the weights and does the same.",
        "Two units per layer, three layers: a whole layer is dead from the start, so the output \
         is the same for every input and the loss cannot fall below that of a flat line.",
    ],
};

/// The strings of `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
    }
}

/// Replaces each `{name}` in `template` with its value; a `{…}` with no value stays as it is.
///
/// One pass over the template, not a `str::replace` per name: a value is never searched
/// again, so text a reader typed (a tensor, a link's value) that happens to contain `{x}` is
/// shown as typed instead of being filled in by the next name. Each turn of the loop consumes
/// at least the `{` it found, so it turns at most once per byte of the template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, tail))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number as people read it: the shortest text that reads back as the same `f64`, in
/// exponent form (`1e-320`) when it is very small or very large, so that it stays short.
pub fn number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-6..1e16).contains(&magnitude) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// An `f32` as people read it: the shortest text that reads back as the same `f32`, in exponent
/// form when it is very small or very large.
pub fn number_f32(value: f32) -> String {
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-6..1e16).contains(&magnitude) {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// What `setting` allows, in words (empty for settings that are not numbers).
fn allowed(s: &Strings, setting: Setting) -> String {
    match setting.domain() {
        Some(domain) => fill(
            if domain.whole {
                s.allowed_whole
            } else {
                s.allowed_real
            },
            &[("min", &number(domain.min)), ("max", &number(domain.max))],
        ),
        None => String::new(),
    }
}

/// The message for a refused control or URL value: which setting, what was given, what is
/// allowed and what was kept.
pub fn problem(s: &Strings, problem: &Problem) -> String {
    let name = |setting: Setting| s.setting_names[setting.index()];
    match problem {
        Problem::Unreadable {
            setting,
            text,
            kept,
        } => {
            let template = match setting.kind() {
                Kind::Flag => s.unreadable_flag,
                Kind::Choice => s.unreadable_choice,
                Kind::Number(_) | Kind::Text(_) => s.unreadable_number,
            };
            fill(
                template,
                &[
                    ("name", name(*setting)),
                    ("key", setting.key()),
                    ("text", text),
                    ("allowed", &allowed(s, *setting)),
                    ("choices", &setting.choices().join(", ")),
                    ("kept", kept),
                ],
            )
        }
        Problem::OutOfBounds {
            setting,
            value,
            kept,
        }
        | Problem::NotWhole {
            setting,
            value,
            kept,
        } => fill(
            if matches!(problem, Problem::NotWhole { .. }) {
                s.not_whole
            } else {
                s.out_of_bounds
            },
            &[
                ("name", name(*setting)),
                ("key", setting.key()),
                ("value", &number(*value)),
                ("allowed", &allowed(s, *setting)),
                ("kept", kept),
            ],
        ),
        Problem::TooLong { setting, len } => {
            let max = match setting.kind() {
                Kind::Text(max) => max,
                _ => 0,
            };
            fill(
                s.text_too_long,
                &[
                    ("name", name(*setting)),
                    ("key", setting.key()),
                    ("len", &len.to_string()),
                    ("max", &max.to_string()),
                ],
            )
        }
        Problem::RangeOrder { min, max, kept } | Problem::RangeTooNarrow { min, max, kept } => {
            fill(
                if matches!(problem, Problem::RangeOrder { .. }) {
                    s.range_order
                } else {
                    s.range_too_narrow
                },
                &[
                    ("min", &number(*min)),
                    ("max", &number(*max)),
                    ("span", &number(X_MIN_SPAN)),
                    ("kept_min", &number(kept.0)),
                    ("kept_max", &number(kept.1)),
                ],
            )
        }
    }
}

/// The message for a refused tensor entry; `field` says which box it came from.
pub fn tensor_problem(s: &Strings, field: &str, error: &TensorTextError) -> String {
    let detail = match error {
        TensorTextError::Empty => s.tensor_empty.to_string(),
        TensorTextError::MissingEntry { position } => {
            fill(s.tensor_missing, &[("position", &position.to_string())])
        }
        TensorTextError::NotANumber { position, text } => fill(
            s.tensor_not_number,
            &[("position", &position.to_string()), ("text", text)],
        ),
        TensorTextError::Overflow { position, text } => fill(
            s.tensor_overflow,
            &[("position", &position.to_string()), ("text", text)],
        ),
        TensorTextError::TooLong { len } => fill(
            s.tensor_too_long,
            &[("len", &len.to_string()), ("max", &MAX_ENTRIES.to_string())],
        ),
    };
    format!("{field}: {detail} {}", s.keeping_last)
}
