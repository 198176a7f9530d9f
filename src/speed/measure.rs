//! How the speed experiment times its kernels: which runs to make, in pieces short enough that
//! the page never freezes, and what to make of the times.
//!
//! The clock is the caller's. A [`Run`] hands out [`Task`]s (run this subject over these
//! elements this many times); the caller times each and hands the milliseconds back with
//! [`Run::record`]. So the plan is tested natively with made-up times, and the page times the
//! real thing with `performance.now()`.
//!
//! The method, for each subject in turn:
//! 1. **Calibrate and warm up.** Run it over a small piece, doubling the work until a run takes at
//!    least [`CALIBRATION_MS`]: the browser's clock is coarse (0.1 ms in Chromium) and the first
//!    runs of a JS loop run before the JIT compiler has optimised it. The last of these runs gives
//!    the cost per element.
//! 2. **Size a sample** to take about [`SAMPLE_MS`]: whole passes over the buffer repeated, or, for
//!    a large buffer and a costly function, a piece of it (successive pieces sweep the buffer, so
//!    the data comes from memory as in a whole pass).
//! 3. **One more warm-up sample**, not counted, then [`SAMPLES`] samples; the result is their
//!    median, in nanoseconds per element: one slow sample (a garbage collection, another tab) does
//!    not move it. A sample far shorter than planned means the calibration timed code the JIT
//!    compiler has since optimised: the subject is calibrated again.

use std::fmt;

use super::Kernel;

/// The milliseconds a calibration run must reach before its time is trusted.
pub const CALIBRATION_MS: f64 = 0.5;
/// The milliseconds a sample aims at: forty times the coarsest clock's step, and short enough
/// that several fit in a frame's share.
pub const SAMPLE_MS: f64 = 4.0;
/// The samples counted per subject (after one warm-up sample).
pub const SAMPLES: usize = 7;
/// A sample this many times shorter than [`SAMPLE_MS`] sends the subject back to calibration.
const RECALIBRATE: f64 = 4.0;
/// The elements of the first calibration run.
const FIRST_PIECE: usize = 4096;

/// The buffer sizes the experiment offers, in elements: 4K to 16M, each four times the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Size {
    /// 4 096 elements (16 KB a buffer: in the fastest cache).
    K4,
    /// 16 384 elements.
    K16,
    /// 65 536 elements.
    K64,
    /// 262 144 elements.
    K256,
    /// 1 048 576 elements (4 MB a buffer), the default.
    #[default]
    M1,
    /// 4 194 304 elements.
    M4,
    /// 16 777 216 elements (64 MB a buffer: far larger than any cache).
    M16,
}

impl Size {
    /// Every size, smallest first.
    pub const ALL: [Size; 7] = [
        Size::K4,
        Size::K16,
        Size::K64,
        Size::K256,
        Size::M1,
        Size::M4,
        Size::M16,
    ];

    /// The number of elements.
    pub fn elements(self) -> usize {
        4096 << (2 * self as usize)
    }

    /// Its key in the link and the page's menu: `4K` … `16M` (K = 1024, M = 1024²).
    pub fn key(self) -> &'static str {
        ["4K", "16K", "64K", "256K", "1M", "4M", "16M"][self as usize]
    }

    /// The size whose key is `key`.
    pub fn from_key(key: &str) -> Option<Size> {
        Size::ALL.into_iter().find(|size| size.key() == key)
    }
}

/// Where a kernel runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// The page's WebAssembly module (SIMD for ReLU).
    Wasm,
    /// A plain JavaScript loop over the same `Float32Array`s.
    Js,
}

/// What one measurement times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// `Float32Array.prototype.set` from x into y: reading one buffer and writing another, the
    /// least any forward pass that writes a new buffer can cost.
    Copy,
    /// A kernel, in an engine.
    Kernel(Kernel, Engine),
}

impl Subject {
    /// Every subject, in the order a run times them: the copy first, then each kernel in
    /// WebAssembly and in JS.
    pub fn all() -> Vec<Subject> {
        let mut all = vec![Subject::Copy];
        for kernel in Kernel::ALL {
            all.push(Subject::Kernel(kernel, Engine::Wasm));
            all.push(Subject::Kernel(kernel, Engine::Js));
        }
        all
    }
}

/// One timed piece of work: run `subject` over elements `start..end` of every buffer, `reps`
/// times in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    /// What to run.
    pub subject: Subject,
    /// The first element.
    pub start: usize,
    /// One past the last element.
    pub end: usize,
    /// How many times in a row.
    pub reps: u32,
}

impl Task {
    /// The elements processed, all repetitions counted.
    pub fn work(&self) -> f64 {
        (self.end - self.start) as f64 * f64::from(self.reps)
    }
}

/// What a run found for one subject.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// What was timed.
    pub subject: Subject,
    /// The median of the samples, in nanoseconds per element.
    pub ns_per_element: f64,
}

/// Why a time could not be recorded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MeasureError {
    /// No task is waiting for a time: the run is over.
    NoTask,
    /// The time is negative, NaN or infinite.
    BadTime(f64),
}

impl fmt::Display for MeasureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MeasureError::NoTask => f.write_str("the run is over: no task is waiting for a time"),
            MeasureError::BadTime(ms) => {
                write!(
                    f,
                    "a time must be a finite number of milliseconds ≥ 0, not {ms}"
                )
            }
        }
    }
}

impl std::error::Error for MeasureError {}

/// Where one subject's measurement stands.
#[derive(Clone, Copy, Debug)]
enum Phase {
    /// Calibration runs over `len` elements, `reps` times.
    Calibrating { len: usize, reps: u32 },
    /// Samples of `len` elements, `reps` times, the next at `offset`; `warm` is false until the
    /// warm-up sample is done.
    Sampling {
        len: usize,
        reps: u32,
        offset: usize,
        warm: bool,
    },
}

/// A whole measurement: every subject over buffers of one size.
#[derive(Clone, Debug)]
pub struct Run {
    elements: usize,
    subjects: Vec<Subject>,
    /// The subject being measured, as an index into `subjects`.
    current: usize,
    phase: Phase,
    samples: Vec<f64>,
    timings: Vec<Timing>,
    pending: Option<Task>,
}

impl Run {
    /// A run over buffers of `size` timing `subjects` in order.
    pub fn new(size: Size, subjects: Vec<Subject>) -> Run {
        let elements = size.elements();
        Run {
            elements,
            subjects,
            current: 0,
            phase: Phase::Calibrating {
                len: FIRST_PIECE.min(elements),
                reps: 1,
            },
            samples: Vec::with_capacity(SAMPLES),
            timings: Vec::new(),
            pending: None,
        }
    }

    /// The buffers' length.
    pub fn elements(&self) -> usize {
        self.elements
    }

    /// The next piece of work to time, or `None` when every subject is measured. Asked again
    /// before its time is recorded, it gives the same task.
    pub fn next_task(&mut self) -> Option<Task> {
        if let Some(task) = self.pending {
            return Some(task);
        }
        let subject = *self.subjects.get(self.current)?;
        let (start, len, reps) = match self.phase {
            Phase::Calibrating { len, reps } => (0, len, reps),
            Phase::Sampling {
                len, reps, offset, ..
            } => (offset, len, reps),
        };
        let task = Task {
            subject,
            start,
            end: start + len,
            reps,
        };
        self.pending = Some(task);
        Some(task)
    }

    /// Records how long the task [`Run::next_task`] gave took, in milliseconds.
    pub fn record(&mut self, ms: f64) -> Result<(), MeasureError> {
        if !ms.is_finite() || ms < 0.0 {
            return Err(MeasureError::BadTime(ms));
        }
        let task = self.pending.take().ok_or(MeasureError::NoTask)?;
        let n = self.elements;
        match self.phase {
            Phase::Calibrating { len, reps } if ms < CALIBRATION_MS => {
                // Twice the work: a longer piece while it fits, then repetitions.
                self.phase = if len < n {
                    Phase::Calibrating {
                        len: (len * 2).min(n),
                        reps,
                    }
                } else {
                    Phase::Calibrating {
                        len,
                        reps: reps.saturating_mul(2),
                    }
                };
            }
            Phase::Calibrating { .. } => {
                let per_element = ms / task.work();
                let wanted = SAMPLE_MS / per_element;
                let (len, reps) = if wanted >= n as f64 {
                    (
                        n,
                        (wanted / n as f64).round().clamp(1.0, f64::from(u32::MAX)) as u32,
                    )
                } else {
                    // Whole quads, so that the SIMD kernels time their main loop.
                    (((wanted as usize) / 4 * 4).clamp(4, n), 1)
                };
                self.phase = Phase::Sampling {
                    len,
                    reps,
                    offset: 0,
                    warm: false,
                };
            }
            Phase::Sampling { len, reps, .. } if ms < SAMPLE_MS / RECALIBRATE => {
                // Far faster than calibrated: the JIT compiler has optimised a JS loop since
                // (its first runs are interpreted), and at this size the clock would read
                // little but its own steps. Calibrate again from this work.
                self.samples.clear();
                self.phase = Phase::Calibrating { len, reps };
            }
            Phase::Sampling {
                len,
                reps,
                offset,
                warm,
            } => {
                if warm {
                    self.samples.push(ms * 1e6 / task.work());
                }
                let next = if offset + 2 * len <= n {
                    offset + len
                } else {
                    0
                };
                self.phase = Phase::Sampling {
                    len,
                    reps,
                    offset: next,
                    warm: true,
                };
                if self.samples.len() == SAMPLES {
                    self.timings.push(Timing {
                        subject: task.subject,
                        ns_per_element: median(&mut self.samples),
                    });
                    self.samples.clear();
                    self.current += 1;
                    self.phase = Phase::Calibrating {
                        len: FIRST_PIECE.min(n),
                        reps: 1,
                    };
                }
            }
        }
        Ok(())
    }

    /// The share of the run done, from 0 to 1: whole subjects, and the current one's samples.
    pub fn progress(&self) -> f64 {
        let total = self.subjects.len();
        if total == 0 {
            return 1.0;
        }
        let within = match self.phase {
            Phase::Calibrating { .. } => 0.0,
            Phase::Sampling { .. } => (self.samples.len() + 1) as f64 / (SAMPLES + 1) as f64,
        };
        ((self.current as f64 + within) / total as f64).min(1.0)
    }

    /// Whether every subject is measured.
    pub fn done(&self) -> bool {
        self.current >= self.subjects.len()
    }

    /// What is measured so far, in the order of the subjects.
    pub fn timings(&self) -> &[Timing] {
        &self.timings
    }
}

/// The median of `values` (the mean of the middle two for an even count); NaN if empty.
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// A finished run's results, looked up by subject.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The buffers' size.
    pub size: Size,
    /// Every subject's time.
    pub timings: Vec<Timing>,
}

impl Report {
    /// The nanoseconds per element of `subject`, if it was timed.
    pub fn ns(&self, subject: Subject) -> Option<f64> {
        self.timings
            .iter()
            .find(|timing| timing.subject == subject)
            .map(|timing| timing.ns_per_element)
    }

    /// How many times longer `slower` takes than `faster` per element.
    pub fn ratio(&self, slower: Subject, faster: Subject) -> Option<f64> {
        Some(self.ns(slower)? / self.ns(faster)?)
    }
}

/// The keys of the speed question's answers: how many times longer sigmoid's forward pass
/// takes than ReLU's, both in WebAssembly, on the reader's device.
pub const QUESTION_CHOICES: [&str; 3] = ["under2", "2to10", "over10"];

/// The right answer to the speed question for a measured ratio of sigmoid's time to ReLU's.
pub fn question_answer(ratio: f64) -> &'static str {
    if ratio < 2.0 {
        "under2"
    } else if ratio < 10.0 {
        "2to10"
    } else {
        "over10"
    }
}

/// The subjects the speed question compares: sigmoid's forward pass and ReLU's, in
/// WebAssembly.
pub const QUESTION_SUBJECTS: (Subject, Subject) = (
    Subject::Kernel(
        Kernel::new(super::Function::Sigmoid, super::Pass::Forward),
        Engine::Wasm,
    ),
    Subject::Kernel(
        Kernel::new(super::Function::Relu, super::Pass::Forward),
        Engine::Wasm,
    ),
);
