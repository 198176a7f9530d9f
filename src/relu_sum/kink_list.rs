//! The builder's units as a link writes them: signed kink positions, each followed by the side
//! the unit is on, comma-separated (`0.5r,-1l`). Read strictly: every entry must be a number in
//! [[`LO`], [`HI`]] followed by `r` or `l`, and there are at most [`MAX_UNITS`] of them.

use super::{Side, Unit, HI, LO, MAX_UNITS};

/// The longest list text worth reading: [`MAX_UNITS`] entries of a 17-digit number with its
/// sign, point, exponent and side, and their commas. Anything longer is refused unread.
pub const MAX_LIST_CHARS: usize = MAX_UNITS * 26;

/// Why a list of kinks was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum KinkListError {
    /// More than [`MAX_UNITS`] entries.
    TooMany {
        /// Entries given.
        got: usize,
    },
    /// An entry that is not a number followed by `r` or `l` (NaN included).
    Entry {
        /// Its place in the list, from 1.
        position: usize,
        /// The entry as given.
        text: String,
    },
    /// A kink outside [[`LO`], [`HI`]], ±∞ included.
    OutOfRange {
        /// Its place in the list, from 1.
        position: usize,
        /// The kink given.
        value: f64,
    },
}

/// Reads a list of units; the empty text is no units.
pub fn parse(text: &str) -> Result<Vec<Unit>, KinkListError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let count = text.split(',').count();
    if count > MAX_UNITS {
        return Err(KinkListError::TooMany { got: count });
    }
    text.split(',')
        .enumerate()
        .map(|(i, entry)| {
            let position = i + 1;
            let bad = || KinkListError::Entry {
                position,
                text: entry.to_string(),
            };
            let (number, side) = if let Some(number) = entry.strip_suffix('r') {
                (number, Side::Right)
            } else if let Some(number) = entry.strip_suffix('l') {
                (number, Side::Left)
            } else {
                return Err(bad());
            };
            // Rust's parser, without the trimming a typed number gets: a link has no spaces.
            let kink: f64 = number.parse().map_err(|_| bad())?;
            if kink.is_nan() {
                return Err(bad());
            }
            if !(LO..=HI).contains(&kink) {
                return Err(KinkListError::OutOfRange {
                    position,
                    value: kink,
                });
            }
            Ok(Unit {
                kink: kink + 0.0,
                side,
            })
        })
        .collect()
}

/// Writes `units` as [`parse`] reads them, each kink in its shortest text.
pub fn write(units: &[Unit]) -> String {
    units
        .iter()
        .map(|unit| {
            let side = match unit.side {
                Side::Right => 'r',
                Side::Left => 'l',
            };
            format!("{}{side}", crate::text::number(unit.kink))
        })
        .collect::<Vec<_>>()
        .join(",")
}
