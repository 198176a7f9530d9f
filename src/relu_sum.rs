//! The "sum of ReLUs" builder: the reader places kinks, each switching a unit on to its right or
//! to its left, and the best curve c + Σᵢ aᵢ·relu(sᵢ·(x − kᵢ)) through them is fitted to a
//! target by least squares. It shows what a one-hidden-layer ReLU network is: the kinks are the
//! first layer's −b/w, the aᵢ its output weights (times |w|), c the output bias.
//!
//! Everything is on a fixed grid of [`GRID_POINTS`] points over [[`LO`], [`HI`]], in `f64`: this
//! is the idea of a network, not the network the lab trains in `f32`.

use std::fmt;

use crate::kinks::Side;

pub mod edit;
mod exact;
pub mod kink_list;
mod solve;

/// The left end of the builder's range.
pub const LO: f64 = -2.0;
/// The right end of the builder's range.
pub const HI: f64 = 2.0;
/// Grid points over [`LO`, `HI`], both ends included: steps of 0.01.
pub const GRID_POINTS: usize = 401;
/// The most units the reader may place: a chart stays readable, and the normal equations stay
/// a 13 × 13 system.
pub const MAX_UNITS: usize = 12;
/// The largest target value, in size, that [`fit`] accepts. The fit squares and sums the
/// values (the normal equations, the mean squared error), which overflows `f64` for values
/// near 10¹⁵⁴; a curve drawn over [−2, 2] never needs more than this.
pub const MAX_TARGET: f64 = 1e6;

/// The grid, x_j = −2 + j/100 for j = 0 … 400, each computed as (j − 200)/100: one correctly
/// rounded division, so that 0, ±1 and ±2 are exact.
pub fn grid() -> Vec<f64> {
    (0..GRID_POINTS)
        .map(|j| (j as f64 - 200.0) / 100.0)
        .collect()
}

/// A curve for the reader to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// |x|: one kink at 0, on both sides; two units match it exactly.
    Abs,
    /// The hat max(0, 1 − |x|): kinks at −1, 0 and 1; three units match it exactly.
    Hat,
    /// sin(πx/2), one full period over the range: smooth, so every kink added helps a little
    /// and none makes it exact.
    Sine,
}

impl Target {
    /// Every target, in the order the page lists them.
    pub const ALL: [Target; 3] = [Target::Abs, Target::Hat, Target::Sine];

    /// Its key in the link (`rtarget=`).
    pub fn key(self) -> &'static str {
        match self {
            Target::Abs => "abs",
            Target::Hat => "hat",
            Target::Sine => "sine",
        }
    }

    /// The target with `key`, if any.
    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.key() == key)
    }

    /// The target's value at `x`.
    pub fn at(self, x: f64) -> f64 {
        match self {
            Target::Abs => x.abs(),
            Target::Hat => (1.0 - x.abs()).max(0.0),
            Target::Sine => (std::f64::consts::FRAC_PI_2 * x).sin(),
        }
    }

    /// The target's values on the [`grid`].
    pub fn values(self) -> Vec<f64> {
        grid().into_iter().map(|x| self.at(x)).collect()
    }
}

/// One unit of the sum: relu(s·(x − kink)), with s = +1 when it is on to the right of its kink
/// and −1 when on to the left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// Where the unit switches, within [`LO`, `HI`].
    pub kink: f64,
    /// Which side of the kink it is on.
    pub side: Side,
}

impl Unit {
    /// relu(s·(x − kink)) at `x`.
    pub fn at(&self, x: f64) -> f64 {
        let distance = x - self.kink;
        match self.side {
            Side::Right => distance.max(0.0),
            Side::Left => (-distance).max(0.0),
        }
    }
}

/// The builder as the reader left it: what to match, and the units placed so far (within
/// [`MAX_UNITS`], each kink within [[`LO`], [`HI`]]: the state refuses anything else).
#[derive(Clone, Debug, PartialEq)]
pub struct BuilderSettings {
    /// The curve to match.
    pub target: Target,
    /// The units, in the order they were added (the chart numbers them so).
    pub units: Vec<Unit>,
}

impl Default for BuilderSettings {
    /// The triangle, with one unit at its peak: a start that shows how far one kink gets.
    fn default() -> Self {
        BuilderSettings {
            target: Target::Hat,
            units: vec![Unit {
                kink: 0.0,
                side: Side::Right,
            }],
        }
    }
}

/// The best sum of the given units.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// c, the constant.
    pub constant: f64,
    /// aᵢ, one per unit, in the units' order.
    pub coefficients: Vec<f64>,
    /// c + Σᵢ aᵢ·relu(sᵢ·(x − kᵢ)) at each point of the [`grid`].
    pub curve: Vec<f64>,
    /// The mean over the grid of (curve − target)².
    pub mse: f64,
}

/// Why the builder refused its arguments.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BuilderError {
    /// More than [`MAX_UNITS`] units.
    Units {
        /// Units given.
        got: usize,
    },
    /// A kink that is NaN or outside [`LO`, `HI`].
    Kink {
        /// The unit's position in the list.
        index: usize,
        /// Its kink.
        got: f64,
    },
    /// Target values whose count is not [`GRID_POINTS`].
    TargetLength {
        /// Values given.
        got: usize,
    },
    /// A target value that is NaN or larger than [`MAX_TARGET`] in size.
    TargetValue {
        /// Its position on the grid.
        index: usize,
    },
}

impl fmt::Display for BuilderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            BuilderError::Units { got } => {
                write!(
                    f,
                    "{got} units is too many; at most {MAX_UNITS} may be placed"
                )
            }
            BuilderError::Kink { index, got } => write!(
                f,
                "unit {index}'s kink {got} is outside the range from {LO} to {HI}"
            ),
            BuilderError::TargetLength { got } => write!(
                f,
                "the target has {got} values; it needs one per grid point, {GRID_POINTS}"
            ),
            BuilderError::TargetValue { index } => write!(
                f,
                "the target's value at grid point {index} is not a number from -{MAX_TARGET} \
                 to {MAX_TARGET}"
            ),
        }
    }
}

impl std::error::Error for BuilderError {}

/// The constant and coefficients that bring c + Σᵢ aᵢ·relu(sᵢ·(x − kᵢ)) closest to `target`
/// (its values on the [`grid`]) in least squares, and the curve they make.
///
/// Some placements leave the best sum not unique: two units with the same kink and side, a
/// unit that is off over the whole range (on to the right of 2), or two pairs of units on both
/// sides of their kinks (relu(x − k) − relu(k − x) = x − k, so two such pairs differ by a
/// constant). The curve is still unique; of the coefficients that make it, the fit takes the
/// smallest, by a ridge of relative size 10⁻¹⁰ (see `solve`): identical units share their
/// coefficient equally, and a unit that is off everywhere gets 0. The ridge moves the curve by
/// far less than a pixel (its error rises by at most 1.6·10⁻⁹·|θ|²).
///
/// Refuses more than [`MAX_UNITS`] units, a kink outside [[`LO`], [`HI`]], and a target that
/// is not [`GRID_POINTS`] values within ±[`MAX_TARGET`].
pub fn fit(units: &[Unit], target: &[f64]) -> Result<Fit, BuilderError> {
    if units.len() > MAX_UNITS {
        return Err(BuilderError::Units { got: units.len() });
    }
    if let Some((index, unit)) = units
        .iter()
        .enumerate()
        .find(|(_, unit)| !(LO..=HI).contains(&unit.kink))
    {
        return Err(BuilderError::Kink {
            index,
            got: unit.kink,
        });
    }
    if target.len() != GRID_POINTS {
        return Err(BuilderError::TargetLength { got: target.len() });
    }
    if let Some(index) = target
        .iter()
        .position(|y| y.is_nan() || y.abs() > MAX_TARGET)
    {
        return Err(BuilderError::TargetValue { index });
    }
    // Column 0 is the constant's, column i + 1 unit i's.
    let columns: Vec<Vec<f64>> = std::iter::once(vec![1.0; GRID_POINTS])
        .chain(
            units
                .iter()
                .map(|unit| grid().iter().map(|&x| unit.at(x)).collect()),
        )
        .collect();
    let solution = solve::least_squares(&columns, target);
    let curve: Vec<f64> = (0..GRID_POINTS)
        .map(|j| solution.iter().zip(&columns).map(|(a, c)| a * c[j]).sum())
        .collect();
    let mse = curve
        .iter()
        .zip(target)
        .map(|(f, y)| (f - y) * (f - y))
        .sum::<f64>()
        / GRID_POINTS as f64;
    Ok(Fit {
        constant: solution[0],
        coefficients: solution[1..].to_vec(),
        curve,
        mse,
    })
}
