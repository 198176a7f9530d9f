//! The page's colours (site/style.css) against WCAG 2.2 AA, computed for both themes: text at
//! least 4.5:1 on each surface it sits on, control borders, the focus ring and the lab strip's
//! units at least 3:1; and the colours the page shares with the charts kept equal to theirs.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use plotters::style::RGBColor;
use relu_explorer::plot::theme::{contrast_ratio, over, Theme, DARK, LIGHT};

const STYLE: &str = include_str!("../site/style.css");

/// Text (WCAG 1.4.3).
const TEXT: f64 = 4.5;
/// Control boundaries, focus indicators, the strip's units (WCAG 1.4.11, 2.4.13's 3:1).
const GRAPHIC: f64 = 3.0;

/// (foreground, background, minimum, what it is)
const PAIRS: &[(&str, &str, f64, &str)] = &[
    ("fg", "bg", TEXT, "body text"),
    ("fg", "panel", TEXT, "text in articles, fieldsets, buttons"),
    ("fg", "code-bg", TEXT, "code"),
    ("muted", "bg", TEXT, "tagline, captions, footer"),
    ("muted", "panel", TEXT, "notes in fieldsets and articles"),
    ("muted", "code-bg", TEXT, "muted text in code"),
    ("accent", "bg", TEXT, "links"),
    ("accent", "panel", TEXT, "links in articles"),
    ("on-accent", "accent", TEXT, "a pressed button's label"),
    ("message-fg", "message-bg", TEXT, "messages"),
    (
        "accent",
        "bg",
        GRAPHIC,
        "focus ring, slider thumb, checkbox",
    ),
    ("accent", "panel", GRAPHIC, "focus ring on a panel"),
    (
        "control-border",
        "bg",
        GRAPHIC,
        "input and select borders, slider track",
    ),
    (
        "control-border",
        "panel",
        GRAPHIC,
        "button borders, slider track in a fieldset",
    ),
    ("invalid", "bg", GRAPHIC, "an invalid input's border"),
    (
        "invalid",
        "panel",
        GRAPHIC,
        "an invalid input's border in the torch panel",
    ),
    (
        "unit-alive",
        "bg",
        GRAPHIC,
        "a living unit in the lab strip",
    ),
    (
        "unit-dead",
        "bg",
        GRAPHIC,
        "a dead unit's outline in the lab strip",
    ),
    (
        "unit-leak",
        "bg",
        GRAPHIC,
        "a unit in the leak in the lab strip",
    ),
];

fn hex(text: &str) -> RGBColor {
    let text = text.trim().trim_start_matches('#');
    assert_eq!(text.len(), 6, "#{text} is not #rrggbb");
    let channel = |i: usize| u8::from_str_radix(&text[i..i + 2], 16).expect("a hex colour");
    RGBColor(channel(0), channel(2), channel(4))
}

/// Every `--name: var(--light, #l) var(--dark, #d);` in style.css: name → (light, dark).
fn colours() -> HashMap<String, (RGBColor, RGBColor)> {
    let mut out = HashMap::new();
    for line in STYLE.lines() {
        let line = line.trim();
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (Some(name), Some(rest)) = (
            name.strip_prefix("--"),
            value.trim().strip_prefix("var(--light,"),
        ) else {
            continue;
        };
        let (light, rest) = rest.split_once(')').expect("var(--light, …) closes");
        let dark = rest
            .trim()
            .strip_prefix("var(--dark,")
            .and_then(|d| d.split_once(')'))
            .map(|(d, _)| d)
            .unwrap_or_else(|| panic!("--{name} has a light value but no dark one"));
        out.insert(name.to_string(), (hex(light), hex(dark)));
    }
    out
}

fn themes() -> [(&'static str, usize, Theme); 2] {
    [("light", 0, LIGHT), ("dark", 1, DARK)]
}

fn pick(colours: &HashMap<String, (RGBColor, RGBColor)>, name: &str, which: usize) -> RGBColor {
    let (light, dark) = colours
        .get(name)
        .unwrap_or_else(|| panic!("style.css defines no --{name} with a light and a dark value"));
    [*light, *dark][which]
}

#[test]
fn every_page_colour_pair_meets_wcag_aa_in_both_themes() {
    let colours = colours();
    let mut failures = Vec::new();
    for (theme, which, _) in themes() {
        let (mut text, mut graphic) = (f64::INFINITY, f64::INFINITY);
        for &(fg, bg, minimum, what) in PAIRS {
            let ratio = contrast_ratio(pick(&colours, fg, which), pick(&colours, bg, which));
            if minimum == TEXT {
                text = text.min(ratio);
            } else {
                graphic = graphic.min(ratio);
            }
            if ratio < minimum {
                failures.push(format!(
                    "{theme}: --{fg} on --{bg} ({what}) is {ratio:.2}:1, under {minimum}:1"
                ));
            }
        }
        println!("{theme}: lowest contrast, text {text:.2}:1, graphics {graphic:.2}:1");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_page_and_the_charts_share_their_colours() {
    let colours = colours();
    for (theme, which, chart) in themes() {
        // The canvases sit on the page: the same background, so no box shows around a chart.
        assert_eq!(
            pick(&colours, "bg", which),
            chart.background,
            "{theme}: --bg"
        );
        // The strip and the units chart tell the same story in the same colours.
        assert_eq!(
            pick(&colours, "unit-alive", which),
            over(chart.series[2], 0.8, chart.background),
            "{theme}: --unit-alive is the units chart's living curve"
        );
        assert_eq!(
            pick(&colours, "unit-dead", which),
            chart.dead,
            "{theme}: --unit-dead"
        );
    }
}

#[test]
fn the_parser_finds_every_colour() {
    // A colour written in another form would drop out of the checks above unseen.
    let colours = colours();
    let declared = STYLE
        .lines()
        .filter(|l| l.trim_start().starts_with("--") && l.contains("var(--light,"))
        .count();
    assert_eq!(colours.len(), declared);
    for &(fg, bg, _, _) in PAIRS {
        assert!(colours.contains_key(fg) && colours.contains_key(bg));
    }
}
