//! Where a ReLU network bends. A network with one input and ReLU (or Leaky ReLU) hidden layers
//! computes a piecewise linear function of its input: each hidden unit is linear while its
//! pre-activation keeps its sign, and adds a kink where it switches. A first-layer unit
//! switches at x = −b/w ([`first_layer_kinks`]); a deeper unit's pre-activation is itself
//! piecewise linear, so it can switch anywhere, and more than once ([`breakpoints`]).

use std::fmt;

use crate::activation::Activation;
use crate::mlp::Mlp;

/// The most linear pieces [`breakpoints`] walks through: far more than the page's networks
/// make (a [1, 32, 1] network has at most 33, a [1, 16, 16, 1] one rarely a hundred), while a
/// network built to fold its input many times (each layer can double the count) stops here.
pub const MAX_PIECES: usize = 4096;

/// The side of a kink on which a unit is on, passing its pre-activation unchanged (and off on
/// the other, where ReLU gives 0 and Leaky ReLU scales by its slope).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// On to the right of the kink: a first-layer unit with w > 0.
    Right,
    /// On to the left of the kink: a first-layer unit with w < 0.
    Left,
}

/// Where a first-layer unit switches.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FirstKink {
    /// The unit's index in the first layer.
    pub unit: usize,
    /// Its kink, −b/w in `f32` (one correctly rounded division, +0 rather than −0). The
    /// network's own z = w·x + b in `f32` changes sign within an ulp or so of it.
    pub x: f32,
    /// Which side of the kink the unit is on.
    pub side: Side,
}

/// One hidden unit switching at a breakpoint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Switch {
    /// Where: the root of the unit's pre-activation, solved in `f64` from the network's `f32`
    /// parameters and rounded to `f32`, +0 rather than −0.
    pub x: f32,
    /// The unit's hidden layer, 0 for the first.
    pub layer: usize,
    /// The unit's index in its layer.
    pub unit: usize,
    /// Which side of `x` the unit is on.
    pub side: Side,
}

/// The breakpoints of a network's output on an interval.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakpoints {
    /// Every switch of a hidden unit inside the interval, in increasing x; units that switch at
    /// the same x are listed in layer and unit order.
    pub switches: Vec<Switch>,
    /// Whether the walk stopped at [`MAX_PIECES`] pieces before reaching the interval's end,
    /// so that switches further right are missing.
    pub truncated: bool,
}

impl Breakpoints {
    /// The distinct x of the switches, increasing: where to mark kinks on a chart.
    pub fn xs(&self) -> Vec<f32> {
        let mut xs: Vec<f32> = self.switches.iter().map(|s| s.x).collect();
        xs.dedup();
        xs
    }
}

/// Why a network's kinks could not be found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KinkError {
    /// The network does not have exactly one input.
    Inputs {
        /// Its input size.
        got: usize,
    },
    /// The hidden activation is not ReLU or Leaky ReLU, so the network is not piecewise linear.
    Activation {
        /// The network's hidden activation.
        got: Activation,
    },
    /// A hidden layer has a NaN or infinite weight or bias.
    Parameters {
        /// The layer, 0 for the first.
        layer: usize,
    },
    /// The interval is not two finite numbers lo < hi.
    Range {
        /// The lower end asked for.
        lo: f32,
        /// The upper end asked for.
        hi: f32,
    },
    /// A deep unit's pre-activation, as a line in x, has coefficients beyond `f64`'s range
    /// (weights near `f32::MAX` multiplied over many layers).
    Overflow,
}

impl fmt::Display for KinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            KinkError::Inputs { got } => {
                write!(f, "the network has {got} inputs; kinks need exactly 1")
            }
            KinkError::Activation { got } => write!(
                f,
                "the network's hidden activation is {got:?}; kinks need ReLU or Leaky ReLU"
            ),
            KinkError::Parameters { layer } => write!(
                f,
                "layer {layer} has a weight or bias that is not a finite number"
            ),
            KinkError::Range { lo, hi } => write!(
                f,
                "the interval from {lo} to {hi} is not valid; both ends must be finite \
                 numbers, the lower below the upper"
            ),
            KinkError::Overflow => write!(
                f,
                "the network's weights are too large to follow its pieces in 64-bit floats"
            ),
        }
    }
}

impl std::error::Error for KinkError {}

/// Each hidden layer's weight (row-major `[out][in]`) and bias.
type Layers<'a> = Vec<(&'a [f32], &'a [f32])>;

/// The hidden layers of `network`, and the slope of its activation where a unit is off (0 for
/// ReLU), or why its kinks cannot be found.
fn hidden_layers(network: &Mlp) -> Result<(Layers<'_>, f64), KinkError> {
    let inputs = network.sizes()[0];
    if inputs != 1 {
        return Err(KinkError::Inputs { got: inputs });
    }
    let off_slope = match network.activation() {
        Activation::Relu => 0.0,
        Activation::LeakyRelu(slope) => f64::from(slope),
        got => return Err(KinkError::Activation { got }),
    };
    // Every index is below the layer count, so `map_while` never stops early.
    let layers: Layers<'_> = (0..network.layer_count() - 1)
        .map_while(|l| Some((network.weight(l).ok()?, network.bias(l).ok()?)))
        .collect();
    for (layer, (weight, bias)) in layers.iter().enumerate() {
        if !weight.iter().chain(bias.iter()).all(|v| v.is_finite()) {
            return Err(KinkError::Parameters { layer });
        }
    }
    Ok((layers, off_slope))
}

/// The kink x = −b/w of every first-layer unit with w ≠ 0, in unit order, with the side it is
/// on. A unit with w = 0 is on everywhere or nowhere and has none; a kink beyond `f32`'s range
/// (|b/w| > `f32::MAX`) is left out, as no input the network takes reaches it. A network
/// without hidden layers is linear and has none.
pub fn first_layer_kinks(network: &Mlp) -> Result<Vec<FirstKink>, KinkError> {
    let (layers, _) = hidden_layers(network)?;
    let Some(&(weight, bias)) = layers.first() else {
        return Ok(Vec::new());
    };
    Ok(weight
        .iter()
        .zip(bias)
        .enumerate()
        .filter_map(|(unit, (&w, &b))| {
            // + 0.0 turns a kink at −0 (b = 0, w > 0) into +0, which the page prints as "0".
            let x = -b / w + 0.0;
            let side = if w > 0.0 { Side::Right } else { Side::Left };
            (w != 0.0 && x.is_finite()).then_some(FirstKink { unit, x, side })
        })
        .collect())
}

/// Every x in the open interval (`lo`, `hi`) where a hidden unit of `network` switches on or
/// off: the breakpoints of its output, which is linear between consecutive ones.
///
/// The walk goes left to right, one linear piece at a time. Within a piece every unit's
/// pre-activation is a line α + βx, built layer by layer from the lines below and which units
/// are on; the piece ends at the nearest root −α/β right of its start, solved for rather than
/// searched by sampling, so no breakpoint is missed however close two are. A unit that only
/// touches 0 without changing sign is not listed; one whose switch changes nothing downstream
/// (a zero outgoing weight, or a Leaky slope of 1) still is.
///
/// The lines are followed in `f64`, from the network's `f32` parameters, so a breakpoint is
/// where the exact network bends; the network's own `f32` forward pass bends within rounding
/// of it. A first-layer breakpoint is exactly [`first_layer_kinks`]'s `f32` value, since
/// rounding a quotient of `f32`s to `f64` and then to `f32` is correct rounding.
///
/// At most [`MAX_PIECES`] pieces are walked; each costs one pass over the hidden weights.
pub fn breakpoints(network: &Mlp, lo: f32, hi: f32) -> Result<Breakpoints, KinkError> {
    let (layers, off_slope) = hidden_layers(network)?;
    if !(lo.is_finite() && hi.is_finite() && lo < hi) {
        return Err(KinkError::Range { lo, hi });
    }
    let mut walk = Walk {
        layers: &layers,
        off_slope,
        hi: f64::from(hi),
        on: Vec::new(),
        below: Vec::new(),
        above: Vec::new(),
    };
    let mut end = walk.piece(f64::from(lo))?;
    let mut switches = Vec::new();
    let mut before = Vec::new();
    for _ in 1..MAX_PIECES {
        let Some(x) = end else {
            break;
        };
        std::mem::swap(&mut before, &mut walk.on);
        end = walk.piece(x)?;
        record_switches(&mut switches, network.sizes(), &before, &walk.on, x);
    }
    Ok(Breakpoints {
        switches,
        truncated: end.is_some(),
    })
}

/// Appends a [`Switch`] at `x` for every hidden unit whose state differs between `before` and
/// `after` (both flattened layer by layer, `sizes` giving each layer's width after the input).
fn record_switches(
    switches: &mut Vec<Switch>,
    sizes: &[usize],
    before: &[bool],
    after: &[bool],
    x: f64,
) {
    let units = sizes[1..]
        .iter()
        .enumerate()
        .flat_map(|(layer, &width)| (0..width).map(move |unit| (layer, unit)));
    for ((layer, unit), (&was, &is)) in units.zip(before.iter().zip(after)) {
        if was != is {
            switches.push(Switch {
                x: x as f32 + 0.0,
                layer,
                unit,
                side: if is { Side::Right } else { Side::Left },
            });
        }
    }
}

/// The state of the walk through a network's pieces, with buffers reused from piece to piece.
struct Walk<'a> {
    layers: &'a [(&'a [f32], &'a [f32])],
    off_slope: f64,
    hi: f64,
    /// Whether each hidden unit is on in the current piece, layer by layer.
    on: Vec<bool>,
    /// The lines (α, β) of the layer below's outputs.
    below: Vec<(f64, f64)>,
    /// The lines of the current layer's outputs.
    above: Vec<(f64, f64)>,
}

impl Walk<'_> {
    /// Sets `on` to which units are on in the piece that starts at `x` (just right of it), and
    /// returns where that piece ends: the nearest root of a unit's line in (x, hi), or `None`
    /// if the piece reaches hi.
    ///
    /// A unit is on to the right of x when its line rises through a root at or left of x, or
    /// falls to a root right of x. Deciding by comparing the root with x, rather than by the
    /// sign of α + βx there, keeps the walk consistent: at the breakpoint a unit's own root
    /// caused, the same α and β give the same root, equal to x, so the unit is seen to have
    /// switched, where α + βx would be a rounding error of either sign.
    fn piece(&mut self, x: f64) -> Result<Option<f64>, KinkError> {
        self.on.clear();
        self.below.clear();
        self.below.push((0.0, 1.0));
        let mut end: Option<f64> = None;
        for &(weight, bias) in self.layers {
            self.above.clear();
            // `below` holds the layer's inputs, at least one, so the chunks are rows.
            for (row, &b) in weight.chunks_exact(self.below.len()).zip(bias) {
                let (mut alpha, mut beta) = (f64::from(b), 0.0);
                for (&w, &(a, s)) in row.iter().zip(&self.below) {
                    alpha += f64::from(w) * a;
                    beta += f64::from(w) * s;
                }
                if !(alpha.is_finite() && beta.is_finite()) {
                    return Err(KinkError::Overflow);
                }
                // ±∞ or NaN when β = 0: never inside (x, hi).
                let root = -alpha / beta;
                let on = if beta > 0.0 {
                    root <= x
                } else if beta < 0.0 {
                    root > x
                } else {
                    alpha > 0.0
                };
                if root > x && root < self.hi {
                    end = Some(end.map_or(root, |e| e.min(root)));
                }
                self.on.push(on);
                let slope = if on { 1.0 } else { self.off_slope };
                self.above.push((slope * alpha, slope * beta));
            }
            std::mem::swap(&mut self.below, &mut self.above);
        }
        Ok(end)
    }
}
