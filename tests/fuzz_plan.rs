//! The fuzzer's planner: the same seed gives the same actions, every action fits its target,
//! the URL hash changes no faster than browsers allow, and every kind of hostile input occurs.

use relu_explorer::fuzz_plan::{Action, Device, Phase, Planner, Target, HASH_GAP_FRAMES, MAX_RATE};
use relu_explorer::state::{Setting, State};

/// A page like the explorer: canvases, sliders, a number box, checkboxes, selects, text boxes
/// and buttons.
fn page() -> Vec<Target> {
    vec![
        Target::Canvas,
        Target::Number {
            min: -10.0,
            max: 10.0,
        },
        Target::Number { min: 0.0, max: 1e9 },
        Target::Toggle,
        Target::Choice(vec!["relu".into(), "leaky".into()]),
        Target::Text,
        Target::Button,
        Target::Canvas,
        Target::Choice(Vec::new()),
    ]
}

fn plan(seed: u64, frames: usize, rate: u32, targets: &[Target]) -> Vec<Vec<Action>> {
    let mut planner = Planner::new(seed);
    (0..frames).map(|_| planner.frame(rate, targets)).collect()
}

fn flat(seed: u64, frames: usize, rate: u32) -> Vec<Action> {
    plan(seed, frames, rate, &page()).concat()
}

/// The URL hashes among `flat(seed, frames, rate)`'s actions.
fn hashes(seed: u64, frames: usize, rate: u32) -> Vec<String> {
    flat(seed, frames, rate)
        .into_iter()
        .filter_map(|a| match a {
            Action::Hash(h) => Some(h),
            _ => None,
        })
        .collect()
}

#[test]
fn the_same_seed_plans_the_same_actions() {
    assert_eq!(flat(7, 200, 20), flat(7, 200, 20));
    assert_ne!(flat(7, 20, 20), flat(8, 20, 20));
}

#[test]
fn the_first_actions_of_seed_1_are_fixed() {
    // A seed that found a failure must keep reproducing it: this pins the planner's draws.
    // Change it only on purpose, knowing that recorded seeds then replay differently.
    let first: Vec<String> = flat(1, 1, 3).iter().map(|a| format!("{a:?}")).collect();
    assert_eq!(
        first,
        [
            r#"Key { target: 7, key: "ArrowRight", down: true, focus: true }"#,
            "Pointer { target: 7, phase: Move, device: Mouse, id: 1, pressed: true, \
             at: (0.3001649205127186, 0.023764032600677387) }",
            r#"Key { target: 4, key: "ArrowUp", down: false, focus: false }"#,
        ]
    );
}

#[test]
fn each_frame_holds_rate_actions_within_the_accepted_rates() {
    for (rate, expected) in [(0, 1), (1, 1), (20, 20), (100, 100), (1000, 100)] {
        for frame in plan(3, 50, rate, &page()) {
            assert_eq!(frame.len(), expected, "rate {rate}");
        }
    }
}

#[test]
fn every_action_fits_its_target() {
    let targets = page();
    for action in flat(11, 2000, 20) {
        match action {
            Action::Pointer { target, at, .. } | Action::Touch { target, at, .. } => {
                assert_eq!(targets[target], Target::Canvas);
                assert!((-0.26..=1.26).contains(&at.0) && (-0.26..=1.26).contains(&at.1));
            }
            Action::Key { target, .. } => assert!(target < targets.len()),
            Action::Set { target, .. } => assert!(matches!(
                targets[target],
                Target::Number { .. } | Target::Choice(_) | Target::Text
            )),
            Action::Click { target } => {
                assert!(matches!(targets[target], Target::Toggle | Target::Button))
            }
            Action::Hash(_) => {}
        }
    }
}

#[test]
fn the_hash_changes_at_most_once_per_gap() {
    let frames = plan(5, 3000, 20, &page());
    let mut last: Option<usize> = None;
    let mut changes = 0;
    for (i, frame) in frames.iter().enumerate() {
        let hashes = frame
            .iter()
            .filter(|a| matches!(a, Action::Hash(_)))
            .count();
        assert!(hashes <= 1, "frame {i} changes the hash {hashes} times");
        if hashes == 1 {
            if let Some(last) = last {
                assert!(
                    i - last >= HASH_GAP_FRAMES as usize,
                    "frames {last} and {i}"
                );
            }
            last = Some(i);
            changes += 1;
        }
    }
    assert!(changes > 30, "only {changes} hash changes in 3000 frames");
}

#[test]
fn a_page_without_targets_gets_only_hash_changes() {
    let frames = plan(2, 500, 50, &[]);
    let all = frames.concat();
    assert!(!all.is_empty());
    assert!(all.iter().all(|a| matches!(a, Action::Hash(_))));
}

#[test]
fn every_kind_of_hostile_input_occurs() {
    let actions = flat(9, 1000, 20);
    let some = |test: &dyn Fn(&Action) -> bool| actions.iter().any(test);
    for device in [Device::Mouse, Device::Touch, Device::Pen] {
        for phase in [Phase::Down, Phase::Move, Phase::Up] {
            assert!(some(
                &|a| matches!(a, Action::Pointer { device: d, phase: p, .. }
                if *d == device && *p == phase)
            ));
        }
    }
    assert!(some(&|a| matches!(
        a,
        Action::Pointer {
            phase: Phase::Move,
            pressed: false,
            ..
        }
    )));
    for phase in [Phase::Down, Phase::Move, Phase::Up] {
        assert!(some(
            &|a| matches!(a, Action::Touch { phase: p, .. } if *p == phase)
        ));
    }
    let outside = |(x, y): (f64, f64)| !(0.0..=1.0).contains(&x) || !(0.0..=1.0).contains(&y);
    assert!(some(
        &|a| matches!(a, Action::Pointer { at, .. } if outside(*at))
    ));
    for key in [
        "ArrowLeft",
        "Home",
        "PageDown",
        " ",
        "Enter",
        "Escape",
        "Tab",
        "7",
        "a",
    ] {
        assert!(
            some(&|a| matches!(a, Action::Key { key: k, .. } if *k == key)),
            "{key}"
        );
    }
    assert!(some(&|a| matches!(
        a,
        Action::Key {
            focus: true,
            down: false,
            ..
        }
    )));
    assert!(some(&|a| matches!(a, Action::Click { target: 3 })));
    assert!(some(&|a| matches!(a, Action::Click { target: 6 })));

    let values = |target: usize| -> Vec<&str> {
        actions
            .iter()
            .filter_map(|a| match a {
                Action::Set { target: t, value } if *t == target => Some(value.as_str()),
                _ => None,
            })
            .collect()
    };
    let slider = values(1);
    let number = |v: &&str| v.parse::<f64>().ok();
    assert!(slider.contains(&"-10") && slider.contains(&"10"));
    assert!(slider.iter().filter_map(number).any(|v| v < -10.0));
    assert!(slider.iter().filter_map(number).any(|v| v > 10.0));
    assert!(slider
        .iter()
        .filter_map(number)
        .any(|v| v > -10.0 && v < 10.0));
    assert!(slider.iter().any(|v| v.is_empty()));
    // Chromium warns in the console when a script writes text that is not a valid floating-point
    // number to a number input; the planner writes only valid numbers and the empty value.
    for value in slider.iter().chain(&values(2)) {
        let finite = value.parse::<f64>().is_ok_and(f64::is_finite);
        assert!(
            value.is_empty() || (finite && !value.starts_with('+')),
            "{value:?}"
        );
    }

    let select = values(4);
    assert!(select.contains(&"relu") && select.contains(&"leaky"));
    assert!(select.iter().any(|v| *v != "relu" && *v != "leaky"));
    assert!(
        !values(8).is_empty(),
        "a select without options still gets values"
    );

    let text = values(5);
    for hostile in ["-1.0, 0.0, 1.0", "NaN", "inf", "1e-320", "1e999", "", ","] {
        assert!(text.contains(&hostile), "{hostile:?}");
    }
    assert!(text.iter().any(|v| v.contains("<img")));
    assert!(text.iter().any(|v| v.chars().count() == 10_000));
    assert!(text
        .iter()
        .any(|v| v.split([',', ' ']).filter(|s| !s.is_empty()).count() >= 100));
    assert!(text.iter().any(|v| !v.is_ascii()));
}

#[test]
fn links_set_every_setting_but_fuzzing_validly_or_not() {
    // Enough frames for every one of the settings to come up, a few pairs a hash.
    let hashes = hashes(4, 8000, 20);
    for setting in Setting::ALL {
        let key = format!("{}=", setting.key());
        let used = hashes
            .iter()
            .any(|h| h.split('&').any(|pair| pair.starts_with(&key)));
        let fuzzing = matches!(
            setting,
            Setting::Fuzz | Setting::FuzzRate | Setting::FuzzSeed | Setting::StringTest
        );
        assert_eq!(used, !fuzzing, "{key}");
    }
    assert!(hashes.iter().any(|h| !h.contains('=')));
    let problems: Vec<usize> = hashes.iter().map(|h| State::from_hash(h).1.len()).collect();
    assert!(problems.contains(&0), "some links are read whole");
    assert!(problems.iter().any(|&n| n > 0), "some are refused in part");
}

#[test]
fn the_rate_bound_is_the_top_of_fuzz_rates_domain() {
    let domain = Setting::FuzzRate.domain().unwrap();
    assert_eq!((domain.min, domain.max), (1.0, f64::from(MAX_RATE)));
}

/// The builder's list of units comes in links as lists it takes (with units in them) and as
/// lists it refuses, not only as text that is no list at all.
#[test]
fn links_give_the_builder_lists_it_takes_and_lists_it_refuses() {
    let values: Vec<String> = hashes(5, 20_000, 20)
        .into_iter()
        .flat_map(|h| {
            h.split('&')
                .filter_map(|pair| pair.strip_prefix("rkinks=").map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    let read = |value: &str| State::from_hash(&format!("rkinks={value}"));
    let taken = values.iter().filter(|v| {
        let (state, problems) = read(v);
        problems.is_empty() && state.relu_sum.units.len() >= 2
    });
    assert!(taken.count() >= 3, "lists with units taken: {values:?}");
    assert!(
        values
            .iter()
            .any(|v| !read(v).1.is_empty() && v.contains(',')),
        "lists refused: {values:?}"
    );
}
