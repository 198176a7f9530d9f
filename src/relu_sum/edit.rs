//! What the reader's hands do to the builder's units: where a new unit goes, which handle the
//! pointer picks, and what each key does. The view applies the result through the state, which
//! validates it as it validates a link.

use super::{Unit, HI, LO};

/// How far an arrow key moves a kink.
pub const KEY_STEP: f64 = 0.1;
/// How far an arrow key moves a kink with Shift held: the grid's step.
pub const FINE_STEP: f64 = 0.01;

/// `x` on the grid's step of 0.01 and within [[`LO`], [`HI`]], without `-0`: a dragged kink
/// lands on a point the fit samples, and its link text stays short.
pub fn snap(x: f64) -> f64 {
    ((x * 100.0).round() / 100.0).clamp(LO, HI) + 0.0
}

/// Where a new unit's kink goes: the middle of the widest stretch of the range without a
/// kink (the leftmost of equals), so that it never lands on another unit's.
pub fn new_kink(units: &[Unit]) -> f64 {
    // At most a dozen kinks, each put in its place by binary search: a call of the standard
    // library's sort would add a copy of its sorting code to the page's module for this alone.
    let mut edges = vec![LO, HI];
    for unit in units {
        let at = edges.partition_point(|&edge| edge < unit.kink);
        edges.insert(at, unit.kink);
    }
    let (mut best, mut width) = (0.0, f64::NEG_INFINITY);
    for pair in edges.windows(2) {
        if pair[1] - pair[0] > width {
            width = pair[1] - pair[0];
            best = (pair[0] + pair[1]) / 2.0;
        }
    }
    snap(best)
}

/// The unit whose kink is nearest to `x`, if one is within `reach` of it; of units at the same
/// kink, the last, which is drawn on top.
pub fn nearest(units: &[Unit], x: f64, reach: f64) -> Option<usize> {
    let mut found: Option<(usize, f64)> = None;
    for (i, unit) in units.iter().enumerate() {
        let distance = (unit.kink - x).abs();
        if distance <= reach && found.is_none_or(|(_, best)| distance <= best) {
            found = Some((i, distance));
        }
    }
    found.map(|(i, _)| i)
}

/// A change a key asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Edit {
    /// Select the unit at this index.
    Select(usize),
    /// Move the unit at `index` to `kink`.
    Move {
        /// The unit.
        index: usize,
        /// Its new kink.
        kink: f64,
    },
    /// Remove the unit at this index.
    Remove(usize),
}

/// What `key` does with `selected` the selected unit: the up and down arrows select the next
/// and the previous unit (in their numbered order, round), the left and right arrows move the
/// selected kink by [`KEY_STEP`] (by [`FINE_STEP`] if `fine`), Home and End move it to the
/// range's ends, Delete and Backspace remove it. With none selected, a moving key selects the
/// first. `None` for other keys, and with no units.
pub fn key_edit(units: &[Unit], selected: Option<usize>, key: &str, fine: bool) -> Option<Edit> {
    let count = units.len();
    if count == 0 {
        return None;
    }
    let selected = selected.filter(|&i| i < count);
    let step = if fine { FINE_STEP } else { KEY_STEP };
    let moved = |to: &dyn Fn(f64) -> f64| {
        Some(match selected {
            Some(index) => Edit::Move {
                index,
                kink: snap(to(units[index].kink)),
            },
            None => Edit::Select(0),
        })
    };
    match key {
        "ArrowUp" => Some(Edit::Select(selected.map_or(0, |i| (i + 1) % count))),
        "ArrowDown" => Some(Edit::Select(
            selected.map_or(count - 1, |i| (i + count - 1) % count),
        )),
        "ArrowLeft" => moved(&|kink| kink - step),
        "ArrowRight" => moved(&|kink| kink + step),
        "Home" => moved(&|_| LO),
        "End" => moved(&|_| HI),
        "Delete" | "Backspace" => selected.map(Edit::Remove),
        _ => None,
    }
}
