//! The builder's hands: the link's list of kinks read strictly, the fewest units that draw a
//! target exactly, where a new unit goes, which handle a press picks, and what each key does.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use relu_explorer::kinks::Side;
use relu_explorer::relu_sum::edit::{key_edit, nearest, new_kink, snap, Edit};
use relu_explorer::relu_sum::kink_list::{parse, write, KinkListError};
use relu_explorer::relu_sum::{fit, Target, Unit, MAX_UNITS};

fn unit(kink: f64, side: Side) -> Unit {
    Unit { kink, side }
}

#[test]
fn a_list_of_kinks_reads_and_writes_back() {
    let units = parse("0.5r,-1l,2r,-2l").unwrap();
    assert_eq!(
        units,
        [
            unit(0.5, Side::Right),
            unit(-1.0, Side::Left),
            unit(2.0, Side::Right),
            unit(-2.0, Side::Left)
        ]
    );
    assert_eq!(write(&units), "0.5r,-1l,2r,-2l");
    assert_eq!(parse(""), Ok(vec![]));
    assert_eq!(write(&[]), "");
    // −0 is kept as 0, and other spellings of a number read.
    assert_eq!(write(&parse("-0r,1e-1l,.25r").unwrap()), "0r,0.1l,0.25r");
}

#[test]
fn each_bad_list_is_refused_with_what_is_wrong() {
    let entry = |position, text: &str| {
        Err(KinkListError::Entry {
            position,
            text: text.to_string(),
        })
    };
    assert_eq!(parse("0.5"), entry(1, "0.5"));
    assert_eq!(parse("0.5r,abc"), entry(2, "abc"));
    assert_eq!(parse("0.5r,,1l"), entry(2, ""));
    assert_eq!(parse("0.5r,"), entry(2, ""));
    assert_eq!(parse("0.5 r"), entry(1, "0.5 r"));
    assert_eq!(parse("r"), entry(1, "r"));
    assert_eq!(parse("NaNr"), entry(1, "NaNr"));
    assert_eq!(parse("0.5R"), entry(1, "0.5R"));
    assert_eq!(
        parse("1r,2.5l"),
        Err(KinkListError::OutOfRange {
            position: 2,
            value: 2.5
        })
    );
    assert_eq!(
        parse("-infr"),
        Err(KinkListError::OutOfRange {
            position: 1,
            value: f64::NEG_INFINITY
        })
    );
    let many = vec!["0r"; MAX_UNITS + 1].join(",");
    assert_eq!(
        parse(&many),
        Err(KinkListError::TooMany { got: MAX_UNITS + 1 })
    );
    assert_eq!(parse(&many[3..]).unwrap().len(), MAX_UNITS);
}

proptest! {
    #[test]
    fn reading_any_text_never_panics_and_what_it_reads_writes_back(text in ".{0,60}") {
        if let Ok(units) = parse(&text) {
            prop_assert!(units.len() <= MAX_UNITS);
            prop_assert_eq!(parse(&write(&units)), Ok(units));
        }
    }
}

#[test]
fn the_fewest_units_that_draw_each_target_exactly() {
    // The triangle: one unit at each of its three kinks, all facing right.
    let hat = Target::Hat.exact_units().unwrap();
    assert_eq!(write(&hat), "-1r,0r,1r");
    // |x| bends once, yet one unit cannot draw it: relu(x) is flat on the left, relu(−x) on
    // the right, and a constant tilts neither. Two can.
    let abs = Target::Abs.exact_units().unwrap();
    assert_eq!(write(&abs), "0r,0l");
    assert_eq!(Target::Sine.exact_units(), None);
    for (target, units) in [(Target::Hat, hat), (Target::Abs, abs)] {
        let best = fit(&units, &target.values()).unwrap();
        assert!(best.mse < 1e-12, "{target:?}: {}", best.mse);
        // One fewer unit anywhere on the grid's kinks at the target's bends does not do it.
        let fewer = &units[..units.len() - 1];
        assert!(fit(fewer, &target.values()).unwrap().mse > 1e-3);
    }
    // One unit at 0, either way, leaves |x| off.
    for side in [Side::Right, Side::Left] {
        let one = fit(&[unit(0.0, side)], &Target::Abs.values()).unwrap();
        assert!(one.mse > 0.01, "{}", one.mse);
    }
}

#[test]
fn a_new_unit_goes_into_the_widest_gap_on_the_grid() {
    assert_eq!(new_kink(&[]), 0.0);
    assert_eq!(new_kink(&[unit(0.0, Side::Right)]), -1.0);
    assert_eq!(
        new_kink(&[unit(-1.0, Side::Right), unit(0.0, Side::Left)]),
        1.0
    );
    assert_eq!(new_kink(&[unit(0.333, Side::Right)]), -0.83);
    assert_eq!(
        (snap(0.123), snap(-3.0), snap(2.5), snap(-0.001)),
        (0.12, -2.0, 2.0, 0.0)
    );
}

#[test]
fn a_press_picks_the_nearest_handle_within_reach() {
    let units = [
        unit(-1.0, Side::Right),
        unit(0.5, Side::Left),
        unit(0.5, Side::Right),
    ];
    assert_eq!(nearest(&units, -0.9, 0.2), Some(0));
    // Of two at the same kink, the one drawn on top.
    assert_eq!(nearest(&units, 0.45, 0.2), Some(2));
    assert_eq!(nearest(&units, 1.5, 0.2), None);
    assert_eq!(nearest(&[], 0.0, 1.0), None);
}

#[test]
fn keys_select_move_and_remove() {
    let units = [unit(-1.0, Side::Right), unit(0.5, Side::Left)];
    assert_eq!(
        key_edit(&units, None, "ArrowRight", false),
        Some(Edit::Select(0))
    );
    assert_eq!(
        key_edit(&units, None, "ArrowUp", false),
        Some(Edit::Select(0))
    );
    assert_eq!(
        key_edit(&units, Some(1), "ArrowUp", false),
        Some(Edit::Select(0))
    );
    assert_eq!(
        key_edit(&units, Some(0), "ArrowDown", false),
        Some(Edit::Select(1))
    );
    assert_eq!(
        key_edit(&units, Some(0), "ArrowRight", false),
        Some(Edit::Move {
            index: 0,
            kink: -0.9
        })
    );
    assert_eq!(
        key_edit(&units, Some(1), "ArrowLeft", true),
        Some(Edit::Move {
            index: 1,
            kink: 0.49
        })
    );
    assert_eq!(
        key_edit(&units, Some(1), "End", false),
        Some(Edit::Move {
            index: 1,
            kink: 2.0
        })
    );
    assert_eq!(
        key_edit(&[unit(-1.95, Side::Left)], Some(0), "ArrowLeft", false),
        Some(Edit::Move {
            index: 0,
            kink: -2.0
        })
    );
    assert_eq!(
        key_edit(&units, Some(1), "Delete", false),
        Some(Edit::Remove(1))
    );
    assert_eq!(key_edit(&units, None, "Delete", false), None);
    assert_eq!(key_edit(&units, Some(0), "a", false), None);
    assert_eq!(key_edit(&[], None, "ArrowRight", false), None);
    // A selection left over from more units is none.
    assert_eq!(key_edit(&units, Some(5), "Backspace", false), None);
}
