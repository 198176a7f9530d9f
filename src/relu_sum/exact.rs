//! How few units draw a piecewise-linear target exactly, and where: the answer the builder's
//! prediction question is judged against.
//!
//! A unit bends the sum at its kink and nowhere else, by its coefficient: relu(x − k) and
//! relu(k − x) both change slope by +1 there. So every kink of the target needs a unit at it,
//! with aᵢ the target's change of slope (its jump) there. With one unit per kink, the slope
//! right of every kink is the sum of the right-facing units' coefficients, which must be the
//! target's slope at the right end; if no choice of sides gives it, one more unit is needed
//! (a second unit at a kink, facing the other way, takes up the difference).

use super::{Side, Target, Unit};

impl Target {
    /// The target's kinks inside the range, left to right, each with the change of slope
    /// there; `None` for a smooth target, which no finite sum of units draws exactly.
    pub fn kinks(self) -> Option<&'static [(f64, f64)]> {
        match self {
            // Slope −1, then +1.
            Target::Abs => Some(&[(0.0, 2.0)]),
            // Slope 0, +1, −1, 0.
            Target::Hat => Some(&[(-1.0, 1.0), (0.0, -2.0), (1.0, 1.0)]),
            Target::Sine => None,
        }
    }

    /// The target's slope left of its first kink.
    fn left_slope(self) -> f64 {
        match self {
            Target::Abs => -1.0,
            Target::Hat | Target::Sine => 0.0,
        }
    }

    /// The fewest units whose best sum is the target exactly, in one placement that does it
    /// (right-facing where it can); `None` for a smooth target. Kinks are at most
    /// [`Target::kinks`]' three, so trying every choice of sides is 8 tries at most.
    pub fn exact_units(self) -> Option<Vec<Unit>> {
        let kinks = self.kinks()?;
        let right_slope = self.left_slope() + kinks.iter().map(|(_, jump)| jump).sum::<f64>();
        let placed = |mask: usize| -> Vec<Unit> {
            kinks
                .iter()
                .enumerate()
                .map(|(i, &(kink, _))| Unit {
                    kink,
                    side: if mask & (1 << i) != 0 {
                        Side::Right
                    } else {
                        Side::Left
                    },
                })
                .collect()
        };
        let all = (1usize << kinks.len()) - 1;
        // From every unit facing right down to none: the first choice whose right-facing
        // jumps add up to the right end's slope.
        let sides = (0..=all).rev().find(|mask| {
            let sum: f64 = (0..kinks.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| kinks[i].1)
                .sum();
            (sum - right_slope).abs() < 1e-12
        });
        Some(match sides {
            Some(mask) => placed(mask),
            None => {
                let mut units = placed(all);
                units.push(Unit {
                    kink: kinks[0].0,
                    side: Side::Left,
                });
                units
            }
        })
    }
}
