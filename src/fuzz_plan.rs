//! The fuzzer's plan: which synthetic input the page receives next, drawn from a seeded
//! generator so that a failure replays exactly with the same seed on the same page.
//!
//! This is the pure half of the page's fuzz mode (in the manner of PhET's `?fuzz`): it knows the
//! page only as a list of [`Target`] descriptions and answers with [`Action`]s that refer to them
//! by index. `web::fuzz` reads the descriptions from the DOM and performs the actions.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg32;

use crate::relu_sum::{HI, LO, MAX_UNITS};
use crate::state::{Kind, Setting};

/// The most actions a frame holds, whatever it is asked: the top of `fuzzRate`'s domain, which
/// the state checks; this bound only keeps a frame's loop finite.
pub const MAX_RATE: u32 = 100;

/// Frames between two URL-hash writes at least. Browsers throttle `history.replaceState`
/// (Chromium warns in the console past 200 calls in 10 s), and the page writes the hash itself
/// too; one write per 15 frames is at most 40 in 10 s at 60 frames per second.
pub const HASH_GAP_FRAMES: u32 = 15;

/// One in this many actions is a URL-hash change, when [`HASH_GAP_FRAMES`] allows one.
const HASH_ODDS: u32 = 200;

/// An element the fuzzer may act on, as the page describes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A canvas: pointer and touch input.
    Canvas,
    /// A range or number input with these bounds (the page's defaults where it sets none).
    Number {
        /// The input's `min`.
        min: f64,
        /// The input's `max`.
        max: f64,
    },
    /// A checkbox or radio button: clicked.
    Toggle,
    /// A `<select>` with these option values, in order.
    Choice(Vec<String>),
    /// A text input or textarea.
    Text,
    /// A button: clicked.
    Button,
}

/// The kind of pointer a [`Action::Pointer`] comes from, as `PointerEvent.pointerType` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    /// `"mouse"`.
    Mouse,
    /// `"touch"`.
    Touch,
    /// `"pen"`.
    Pen,
}

impl Device {
    /// The `pointerType` string.
    pub fn name(self) -> &'static str {
        match self {
            Device::Mouse => "mouse",
            Device::Touch => "touch",
            Device::Pen => "pen",
        }
    }
}

/// Where a pointer or touch is in its gesture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// `pointerdown` / `touchstart`.
    Down,
    /// `pointermove` / `touchmove`.
    Move,
    /// `pointerup` / `touchend`.
    Up,
}

/// One synthetic input. `target` is an index into the targets the plan was made for; `at` is a
/// position as fractions of the target's box, (0, 0) its top left and (1, 1) its bottom right,
/// and sometimes a little outside it.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A `PointerEvent`; `pressed` is whether the primary button is held (`buttons` = 1).
    Pointer {
        /// The canvas.
        target: usize,
        /// Down, move or up.
        phase: Phase,
        /// Mouse, touch or pen.
        device: Device,
        /// The `pointerId`.
        id: i32,
        /// Whether `buttons` is 1 rather than 0.
        pressed: bool,
        /// The position in the canvas's box.
        at: (f64, f64),
    },
    /// A real `TouchEvent` with one touch point.
    Touch {
        /// The canvas.
        target: usize,
        /// Start, move or end.
        phase: Phase,
        /// The touch's `identifier`.
        id: i32,
        /// The position in the canvas's box.
        at: (f64, f64),
    },
    /// A `keydown` (or `keyup`) with `key`, after focusing the target if `focus`.
    Key {
        /// Any target.
        target: usize,
        /// The `KeyboardEvent.key` value.
        key: &'static str,
        /// `keydown` rather than `keyup`.
        down: bool,
        /// Whether to call `focus()` first.
        focus: bool,
    },
    /// Writes `value` to a control's `value`, then sends `input` and `change`.
    Set {
        /// A number, choice or text target.
        target: usize,
        /// The new value, valid or not.
        value: String,
    },
    /// Calls `click()` on a toggle or a button.
    Click {
        /// A toggle or button target.
        target: usize,
    },
    /// Replaces the URL's hash with this one (without `#`) and sends `hashchange`.
    Hash(String),
}

/// The keys a [`Action::Key`] presses: what sliders, selects, buttons and text boxes respond to.
const KEYS: [&str; 20] = [
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "ArrowDown",
    "Home",
    "End",
    "PageUp",
    "PageDown",
    " ",
    "Enter",
    "Escape",
    "Tab",
    "0",
    "1",
    "7",
    "-",
    ".",
    "a",
    "e",
    "x",
];

/// Edge values a number input receives beside in-range and out-of-range ones: each a valid
/// HTML floating-point number or empty, since writing any other text to a number input's
/// `value` from script makes Chromium warn in the console (a person typing it cannot), and the
/// browser would turn it into the empty value anyway.
const NUMBER_EDGES: [&str; 12] = [
    "",
    "-0",
    ".5",
    "1E2",
    "0.30000000000000004",
    "1e-320",
    "5e-324",
    "9007199254740993",
    "1e21",
    "1e308",
    "-1e308",
    "-0.000001",
];

/// Number-like texts a URL can carry: a link is not sanitised as an input's value is.
const NUMBER_TEXTS: [&str; 12] = [
    "NaN",
    "1e999",
    "-1e999",
    "abc",
    " 2 ",
    "0x10",
    "Infinity",
    "\u{2212}1",
    "1,5",
    "+1",
    "5.",
    "1e",
];

/// Texts a text box receives: valid tensors, every float edge case, separators alone, markup,
/// and scripts other than Latin. Longer texts are made by [`Planner::text`].
const TEXTS: [&str; 32] = [
    "-1.0, 0.0, 1.0",
    "-1.0, 0.0, 1.0, 2.0",
    "1.0, 1.0, 1.0, 1.0",
    "3",
    "NaN",
    "nan, -nan",
    "inf",
    "-inf, inf",
    "Infinity",
    "1e-320",
    "1e999",
    "-1e999",
    "3.4028235e38, 3.5e38",
    "1e-45, -1e-45",
    "-0.0, 0, +0",
    "",
    ",",
    ",,,",
    " , ",
    "1,,2",
    "1 2\t3\n4",
    "1e",
    "--1",
    ".5, 5.",
    "1_000",
    "0x1p3",
    "<img src=x onerror=alert(1)>",
    "</output><script>alert(1)</script>",
    "Ünïcödé ✓ 数字 ١٢٣",
    "\u{202e}1, 2\u{200b}",
    "🙂, 1",
    "\u{0}",
];

/// Keys a link may hold that the page does not know, and must ignore.
const UNKNOWN_KEYS: [&str; 4] = ["embed", "hide", "language", ""];

/// Values a link may give a key beside random numbers, [`NUMBER_EDGES`] and [`NUMBER_TEXTS`]:
/// flags, choices of the wrong setting, and broken percent escapes.
const LINK_VALUES: [&str; 10] = [
    "1", "0", "true", "off", "yes", "RELU", "graph", "%", "%ZZ", "%E2%82",
];

/// Whole hashes that are not `key=value` lists, or are malformed ones.
const HASHES: [&str; 10] = [
    "",
    "graph",
    "lab",
    "=",
    "&&&",
    "x=1&x=2",
    "xmin=5&xmax=-5",
    "=1&x",
    "<img src=x onerror=alert(1)>",
    "x=%F0%9F%99%82",
];

/// The longest generated number list, in entries.
const LONG_LIST: u32 = 500;
/// The length of the generated long text.
const LONG_TEXT: usize = 10_000;

/// The fuzzer's generator and memory: the same seed and the same targets give the same actions.
pub struct Planner {
    rng: Pcg32,
    frames_since_hash: u32,
}

impl Planner {
    /// A planner whose first plan depends on `seed` alone. The generator is PCG32 seeded
    /// through `SeedableRng::seed_from_u64`, as the network's initialisation is, so a plan is
    /// the same natively and in every browser.
    pub fn new(seed: u64) -> Planner {
        Planner {
            rng: Pcg32::seed_from_u64(seed),
            frames_since_hash: HASH_GAP_FRAMES,
        }
    }

    /// The actions of one animation frame: `rate` of them (1 to [`MAX_RATE`]), each on one
    /// of `targets`, with at most one hash change, and none within [`HASH_GAP_FRAMES`] of the
    /// last. With no targets, a frame holds at most that one hash change.
    pub fn frame(&mut self, rate: u32, targets: &[Target]) -> Vec<Action> {
        let rate = rate.clamp(1, MAX_RATE);
        let canvases: Vec<usize> = indices(targets, |t| matches!(t, Target::Canvas));
        let controls: Vec<usize> = indices(targets, |t| !matches!(t, Target::Canvas));
        let mut actions = Vec::with_capacity(rate as usize);
        self.frames_since_hash = self.frames_since_hash.saturating_add(1);
        for _ in 0..rate {
            let hash_allowed = self.frames_since_hash >= HASH_GAP_FRAMES;
            if hash_allowed && self.below(HASH_ODDS) == 0 {
                self.frames_since_hash = 0;
                actions.push(Action::Hash(self.hash()));
                continue;
            }
            // A share of each kind of input, among the kinds this page has targets for.
            let roll = self.below(100);
            let action = if roll < 35 && !canvases.is_empty() {
                let target = self.pick(&canvases);
                if roll < 30 {
                    self.pointer(target)
                } else {
                    self.touch(target)
                }
            } else if roll < 55 && !targets.is_empty() {
                let target = self.below(len(targets)) as usize;
                self.key(target)
            } else if !controls.is_empty() {
                let target = self.pick(&controls);
                self.control(target, &targets[target])
            } else {
                continue;
            };
            actions.push(action);
        }
        actions
    }

    /// A uniform draw from 0..n, n ≥ 1 (Lemire's multiply-shift; the bias, under n / 2^32, is
    /// immaterial to a fuzzer).
    fn below(&mut self, n: u32) -> u32 {
        ((u64::from(self.rng.next_u32()) * u64::from(n)) >> 32) as u32
    }

    /// Uniform on [0, 1).
    fn unit(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// One in `n`.
    fn one_in(&mut self, n: u32) -> bool {
        self.below(n) == 0
    }

    /// A random element of a non-empty slice.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(len(items)) as usize]
    }

    /// A position in a box: inside nine times in ten, else up to a quarter of the box outside.
    fn position(&mut self) -> (f64, f64) {
        if self.one_in(10) {
            let outside = |planner: &mut Planner| {
                let by = 0.25 * planner.unit();
                if planner.one_in(2) {
                    -by - f64::EPSILON
                } else {
                    1.0 + by + f64::EPSILON
                }
            };
            if self.one_in(2) {
                (outside(self), self.unit())
            } else {
                (self.unit(), outside(self))
            }
        } else {
            (self.unit(), self.unit())
        }
    }

    fn phase(&mut self) -> Phase {
        match self.below(10) {
            0 | 1 => Phase::Down,
            2 => Phase::Up,
            _ => Phase::Move,
        }
    }

    fn pointer(&mut self, target: usize) -> Action {
        let device = self.pick(&[Device::Mouse, Device::Touch, Device::Pen]);
        // A mouse is pointer 1; touches and pens take a few ids each, as several fingers would.
        let id = match device {
            Device::Mouse => 1,
            Device::Touch => 10 + self.below(3) as i32,
            Device::Pen => 20 + self.below(2) as i32,
        };
        let phase = self.phase();
        let pressed = match phase {
            Phase::Down => true,
            Phase::Up => false,
            Phase::Move => !self.one_in(5),
        };
        Action::Pointer {
            target,
            phase,
            device,
            id,
            pressed,
            at: self.position(),
        }
    }

    fn touch(&mut self, target: usize) -> Action {
        Action::Touch {
            target,
            phase: self.phase(),
            id: self.below(3) as i32,
            at: self.position(),
        }
    }

    fn key(&mut self, target: usize) -> Action {
        Action::Key {
            target,
            key: self.pick(&KEYS),
            down: !self.one_in(3),
            focus: self.one_in(4),
        }
    }

    fn control(&mut self, target: usize, kind: &Target) -> Action {
        let value = match kind {
            // A canvas is not a control; were one given, a click is what it could take.
            Target::Toggle | Target::Button | Target::Canvas => return Action::Click { target },
            Target::Number { min, max } => self.number(*min, *max),
            Target::Choice(options) => {
                if options.is_empty() || self.one_in(10) {
                    self.pick(&["", "bogus", "RELU", "0"]).to_string()
                } else {
                    options[self.below(len(options)) as usize].clone()
                }
            }
            Target::Text => self.text(),
        };
        Action::Set { target, value }
    }

    /// A number input's value: inside its bounds half the time, else exactly at one, outside
    /// them, or one of [`NUMBER_EDGES`].
    fn number(&mut self, min: f64, max: f64) -> String {
        let span = (max - min).abs().max(1.0);
        let value = match self.below(20) {
            0..=9 => min + (max - min) * self.unit(),
            10 | 11 => min,
            12 | 13 => max,
            14 | 15 => min - span * self.unit() - f64::EPSILON * span,
            16 | 17 => max + span * self.unit() + f64::EPSILON * span,
            _ => return self.pick(&NUMBER_EDGES).to_string(),
        };
        value.to_string()
    }

    /// A text box's value: one of [`TEXTS`] mostly, sometimes a list of hundreds of numbers or
    /// a [`LONG_TEXT`]-character string.
    fn text(&mut self) -> String {
        match self.below(10) {
            0 => {
                let count = 100 + self.below(LONG_LIST - 99);
                let separator = if self.one_in(2) { ", " } else { " " };
                let mut list = self.list_entry();
                for _ in 1..count {
                    list.push_str(separator);
                    list.push_str(&self.list_entry());
                }
                list
            }
            1 => {
                // Each unit's length in characters divides LONG_TEXT.
                let unit = self.pick(&["1, 0 ", "9", "-", "数"]);
                unit.repeat(LONG_TEXT / unit.chars().count())
            }
            _ => self.pick(&TEXTS).to_string(),
        }
    }

    fn list_entry(&mut self) -> String {
        if self.one_in(10) {
            self.pick(&["nan", "inf", "-inf", "-0.0", "1e-45", "3.4e38"])
                .to_string()
        } else {
            let magnitude = crate::math::exp10(12.0 * self.unit() - 6.0);
            let sign = if self.one_in(2) { -1.0 } else { 1.0 };
            (sign * magnitude).to_string()
        }
    }

    /// A list of the builder's units as a link writes them (`0.5r,-1l`): up to one more than
    /// the builder takes, each kink mostly within its range, sometimes just outside it or not a
    /// number, so that most lists are taken and the rest refused for each reason there is.
    fn kink_list(&mut self) -> String {
        let count = self.below(MAX_UNITS as u32 + 2);
        let entries: Vec<String> = (0..count)
            .map(|_| {
                let kink = match self.below(20) {
                    0 => self.pick(&["nan", "inf", "x"]).to_string(),
                    1 => (HI + 0.5).to_string(),
                    2 => (LO - 1e-6).to_string(),
                    _ => (LO + (HI - LO) * self.unit()).to_string(),
                };
                format!("{kink}{}", self.pick(&["r", "l"]))
            })
            .collect();
        entries.join(",")
    }

    /// A URL hash (without `#`): a list of one to four `key=value` pairs, or a malformed one.
    /// Keys are the state's settings (but the fuzzer's own, so that it never changes its own
    /// run, and the string test, which a page reads only when it loads) and sometimes unknown
    /// ones.
    fn hash(&mut self) -> String {
        if self.one_in(5) {
            return self.pick(&HASHES).to_string();
        }
        let settings: Vec<Setting> = Setting::ALL
            .into_iter()
            .filter(|s| {
                !matches!(
                    s,
                    Setting::Fuzz | Setting::FuzzRate | Setting::FuzzSeed | Setting::StringTest
                )
            })
            .collect();
        let pairs = 1 + self.below(4);
        let parts: Vec<String> = (0..pairs)
            .map(|_| {
                if self.one_in(10) {
                    format!("{}={}", self.pick(&UNKNOWN_KEYS), self.link_value(None))
                } else {
                    let setting = self.pick(&settings);
                    format!("{}={}", setting.key(), self.link_value(Some(setting)))
                }
            })
            .collect();
        parts.join("&")
    }

    /// A value for `setting` in a link: half the time one of its kind (a number in its domain,
    /// one of its choices, a list of units that is mostly taken), else anything.
    fn link_value(&mut self, setting: Option<Setting>) -> String {
        if let (Some(setting), true) = (setting, self.one_in(2)) {
            match setting.kind() {
                Kind::Number(domain) => {
                    let value = domain.min + (domain.max - domain.min) * self.unit();
                    return if domain.whole { value.floor() } else { value }.to_string();
                }
                Kind::Flag => return self.pick(&["1", "0"]).to_string(),
                Kind::Choice => {
                    let choices = setting.choices();
                    if !choices.is_empty() {
                        return self.pick(&choices).to_string();
                    }
                }
                Kind::List => {
                    let choices = setting.choices();
                    let first = self.pick(&choices);
                    return if self.one_in(2) {
                        format!("{first},{}", self.pick(&choices))
                    } else {
                        first.to_string()
                    };
                }
                Kind::Text(_) if setting == Setting::ReluSumKinks => return self.kink_list(),
                Kind::Text(_) => return self.pick(&TEXTS).to_string(),
            }
        }
        match self.below(4) {
            0 => self.pick(&LINK_VALUES).to_string(),
            1 => self.pick(&NUMBER_TEXTS).to_string(),
            2 => self.pick(&NUMBER_EDGES).to_string(),
            _ => ((self.unit() - 0.5) * 400.0).to_string(),
        }
    }
}

/// The indices of `targets` for which `keep` holds.
fn indices(targets: &[Target], keep: impl Fn(&Target) -> bool) -> Vec<usize> {
    (0..targets.len()).filter(|&i| keep(&targets[i])).collect()
}

/// A slice's length as a draw bound; a page never has 2^32 controls, and more are not drawn.
fn len<T>(items: &[T]) -> u32 {
    u32::try_from(items.len()).unwrap_or(u32::MAX)
}
