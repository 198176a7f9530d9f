//! The kernels of the "Speed on this device" experiment: ReLU, sigmoid and tanh over whole
//! buffers, forward and forward + backward, as the page times them.
//!
//! The kernels are the crate's whole-buffer ones ([`crate::elementwise`], which the JS API runs
//! too): element by element the same bits as the scalar functions of [`crate::activation`], so
//! that the buffers the experiment times hold the values every other section of the page shows.
//! ReLU runs in WebAssembly SIMD, four elements an instruction: one comparison per element, so
//! its cost is the loop's and the memory's, and it runs near the speed of copying the buffer,
//! which is the point the experiment makes. Sigmoid runs libm's exponential two `f64` lanes at a
//! time, tanh one element at a time.

pub mod buffers;
pub mod measure;

use std::fmt;
use std::str::FromStr;

use crate::activation::Activation;
use crate::counted::Counted;
use crate::elementwise;

/// Whether ReLU's kernels run in WebAssembly SIMD in this build: true in the page's module,
/// whose target enables `simd128` (.cargo/config.toml), false natively.
pub const SIMD: bool = cfg!(all(target_arch = "wasm32", target_feature = "simd128"));

/// The functions the experiment times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    /// [`crate::activation::relu`], and [`crate::activation::relu_backward`] for its backward pass.
    Relu,
    /// [`crate::activation::sigmoid`], and [`crate::activation::sigmoid_backward`] for its backward pass.
    Sigmoid,
    /// [`crate::activation::tanh`], and [`crate::activation::tanh_backward`] for its backward pass.
    Tanh,
}

impl Function {
    /// The activation this is.
    pub fn activation(self) -> Activation {
        match self {
            Function::Relu => Activation::Relu,
            Function::Sigmoid => Activation::Sigmoid,
            Function::Tanh => Activation::Tanh,
        }
    }
}

/// What a kernel computes of its function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// y = f(x).
    Forward,
    /// y = f(x) and the gradient reaching x for an upstream gradient, in one sweep: what a
    /// training step costs the activation.
    ForwardBackward,
}

/// One kernel the experiment times: a function and a pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kernel {
    /// The function computed.
    pub function: Function,
    /// Forward only, or forward and backward.
    pub pass: Pass,
}

impl Kernel {
    /// Every kernel, each function's forward before its forward + backward.
    pub const ALL: [Kernel; 6] = [
        Kernel::new(Function::Relu, Pass::Forward),
        Kernel::new(Function::Relu, Pass::ForwardBackward),
        Kernel::new(Function::Sigmoid, Pass::Forward),
        Kernel::new(Function::Sigmoid, Pass::ForwardBackward),
        Kernel::new(Function::Tanh, Pass::Forward),
        Kernel::new(Function::Tanh, Pass::ForwardBackward),
    ];

    /// The kernel computing `pass` of `function`.
    pub const fn new(function: Function, pass: Pass) -> Kernel {
        Kernel { function, pass }
    }

    /// The short key the JS side names this kernel by: the function (`relu`, `sigmoid`,
    /// `tanh`), with `-fb` for forward + backward. [`Kernel::from_str`] reads it back.
    pub fn key(self) -> &'static str {
        match (self.function, self.pass) {
            (Function::Relu, Pass::Forward) => "relu",
            (Function::Relu, Pass::ForwardBackward) => "relu-fb",
            (Function::Sigmoid, Pass::Forward) => "sigmoid",
            (Function::Sigmoid, Pass::ForwardBackward) => "sigmoid-fb",
            (Function::Tanh, Pass::Forward) => "tanh",
            (Function::Tanh, Pass::ForwardBackward) => "tanh-fb",
        }
    }

    /// Runs the kernel from `x` into `y`, and for forward + backward from `x` and the upstream
    /// gradient `grad` into `dx` as well: y = f(x), dx = f's backward pass at x for `grad`.
    ///
    /// `y` must be as long as `x`, and so must `grad` and `dx` for forward + backward; a
    /// forward kernel neither reads `grad` nor writes `dx`, whatever their lengths. A length
    /// error is found before anything is written.
    pub fn run(self, x: &[f32], grad: &[f32], y: &mut [f32], dx: &mut [f32]) -> SpeedResult {
        same_length(Buffer::Y, y.len(), x.len())?;
        if self.pass == Pass::ForwardBackward {
            same_length(Buffer::Grad, grad.len(), x.len())?;
            same_length(Buffer::Dx, dx.len(), x.len())?;
        }
        let activation = self.function.activation();
        match self.pass {
            Pass::Forward => elementwise::forward(activation, x, y),
            Pass::ForwardBackward => elementwise::forward_backward(activation, (x, grad), (y, dx)),
        }
        Ok(())
    }

    /// [`Kernel::run`] in place: `x` becomes y, and for forward + backward `grad` becomes dx
    /// (it must then be as long as `x`; a forward kernel leaves it alone). It touches one buffer
    /// where [`Kernel::run`] touches two (two where it touches four), so over a buffer larger
    /// than the caches it runs closer to the speed of copying one. A length error is found
    /// before anything is written.
    ///
    /// Run again on its own output, a kernel no longer sees the data it was given: after one
    /// ReLU pass nothing is negative (a plain JS loop's branch is then always predicted), and
    /// sigmoid's forward + backward multiplies grad by y(1 − y) ≤ ¼ each pass, so that within
    /// about a hundred passes it is subnormal (which some CPUs multiply many times more slowly)
    /// and then 0. To time repeated runs on the same data, refill the buffers between runs or
    /// time [`Kernel::run`], which never changes its inputs.
    pub fn run_in_place(self, x: &mut [f32], grad: &mut [f32]) -> SpeedResult {
        let activation = self.function.activation();
        match self.pass {
            Pass::Forward => elementwise::forward_in_place(activation, x),
            Pass::ForwardBackward => {
                same_length(Buffer::Grad, grad.len(), x.len())?;
                elementwise::forward_backward_in_place(activation, x, grad);
            }
        }
        Ok(())
    }
}

impl FromStr for Kernel {
    type Err = SpeedError;

    /// The kernel whose [`Kernel::key`] is `key` exactly (case and spaces matter).
    fn from_str(key: &str) -> Result<Kernel, SpeedError> {
        Kernel::ALL
            .into_iter()
            .find(|kernel| kernel.key() == key)
            .ok_or_else(|| SpeedError::UnknownKernel {
                key: key.to_owned(),
            })
    }
}

/// What a kernel returns: nothing, or why it did not run.
pub type SpeedResult = Result<(), SpeedError>;

/// The buffers a kernel takes besides `x`, for naming the one of the wrong length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Buffer {
    /// The upstream gradient, `grad`.
    Grad,
    /// The output, `y`.
    Y,
    /// The gradient reaching x, `dx`.
    Dx,
}

impl fmt::Display for Buffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Buffer::Grad => "grad",
            Buffer::Y => "y",
            Buffer::Dx => "dx",
        })
    }
}

/// Why a kernel was not found or did not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeedError {
    /// No kernel has this key.
    UnknownKernel {
        /// The key asked for.
        key: String,
    },
    /// The device could not give the buffers' memory.
    OutOfMemory {
        /// The elements of each buffer asked for.
        elements: usize,
    },
    /// A range of elements outside the buffers.
    Range {
        /// Its first element.
        start: usize,
        /// One past its last.
        end: usize,
        /// The buffers' length.
        len: usize,
    },
    /// The page's clock gave a time that is not a span (negative or not finite).
    Clock,
    /// A buffer's length differs from x's.
    Length {
        /// The buffer of the wrong length.
        buffer: Buffer,
        /// Its length.
        len: usize,
        /// x's length.
        x: usize,
    },
}

impl fmt::Display for SpeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpeedError::UnknownKernel { key } => {
                write!(f, "unknown kernel {key:?}; the kernels are ")?;
                for (i, kernel) in Kernel::ALL.iter().enumerate() {
                    let separator = if i == 0 { "" } else { ", " };
                    write!(f, "{separator}{}", kernel.key())?;
                }
                Ok(())
            }
            SpeedError::OutOfMemory { elements } => write!(
                f,
                "not enough memory for four buffers of {elements} elements ({} MB)",
                (*elements as f64 * 16.0 / 1_048_576.0).round()
            ),
            SpeedError::Clock => f.write_str("the page's clock gave a time that is not a span"),
            SpeedError::Range { start, end, len } => write!(
                f,
                "elements {start}..{end} are outside buffers of {}",
                Counted(*len, "element")
            ),
            SpeedError::Length { buffer, len, x } => write!(
                f,
                "{buffer} has {} but x has {x}; they must be the same length",
                Counted(*len, "element")
            ),
        }
    }
}

impl std::error::Error for SpeedError {}

/// Ok when `buffer`'s length `len` is x's, `x`.
fn same_length(buffer: Buffer, len: usize, x: usize) -> SpeedResult {
    if len == x {
        Ok(())
    } else {
        Err(SpeedError::Length { buffer, len, x })
    }
}
