//! Colours shared by the charts, for light and dark pages, and the font they write with.
//!
//! The series colours are the Okabe–Ito palette, whose hues stay apart for readers with any
//! of the common colour-vision deficiencies, with each hue's lightness moved per theme: darker
//! on the light page, lighter on the dark one. The tests below hold every colour to WCAG 2.2:
//! text at least 4.5:1 against what it is drawn on, lines and dots (graphical objects,
//! 1.4.11) at least 3:1, also at the lighter alpha an overlay's derivative is drawn with, and
//! the series apart from each other under simulated protanopia, deuteranopia and tritanopia.

use plotters::style::RGBColor;

use crate::activation::Activation;

/// A colour scheme a reader can choose (`theme=light` or `theme=dark` in the link); without a
/// choice the page follows the system's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Dark text on a light page.
    Light,
    /// Light text on a dark page.
    Dark,
}

impl Scheme {
    /// Both schemes.
    pub const ALL: [Scheme; 2] = [Scheme::Light, Scheme::Dark];

    /// Its key in the link and in `<html data-theme>`.
    pub fn key(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// The scheme with `key`, if any.
    pub fn from_key(key: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Its chart colours.
    pub fn theme(self) -> &'static Theme {
        match self {
            Scheme::Light => &LIGHT,
            Scheme::Dark => &DARK,
        }
    }
}
/// The font family the charts write with: the page's own stack (site/style.css), so chart text
/// matches the prose, with Chinese fonts for the common systems before the generic family.
/// A canvas `font` takes a CSS family list as it is.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \
    \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \
    \"Source Han Sans SC\", \"Noto Sans SC\", sans-serif";

/// The colours a chart is painted with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Chart background.
    pub background: RGBColor,
    /// Titles, labels and legend text.
    pub text: RGBColor,
    /// Grid lines (decoration: the axes' tick labels carry the values).
    pub grid: RGBColor,
    /// Axis lines, the x guide, and the lab's training targets.
    pub axis: RGBColor,
    /// Legend box fill.
    pub legend_fill: RGBColor,
    /// The series colours, in order: ReLU, its derivative, Leaky ReLU, sigmoid, tanh.
    pub series: [RGBColor; 5],
    /// The alpha an overlay's derivative is drawn with over its function's colour: lighter than
    /// the function, still at least 3:1 against the background.
    pub derivative_alpha: f64,
    /// A dead unit's curve in the lab's units chart: grey, yet still 3:1 against the background.
    pub dead: RGBColor,
}

/// An activation's place in [`Theme::series`], so that it has the same colour on every chart.
pub fn series_index(activation: Activation) -> usize {
    match activation {
        Activation::Relu => 0,
        Activation::LeakyRelu(_) => 2,
        Activation::Sigmoid => 3,
        Activation::Tanh => 4,
    }
}

/// A light page: Okabe–Ito hues, darkened to hold 3:1 on white at the derivative's alpha.
pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    text: RGBColor(33, 37, 41),
    grid: RGBColor(222, 226, 230),
    axis: RGBColor(108, 117, 125),
    legend_fill: RGBColor(248, 249, 250),
    series: [
        RGBColor(0x05, 0x71, 0xb0), // blue
        RGBColor(0xb3, 0x50, 0x00), // vermillion
        RGBColor(0x00, 0x55, 0x3d), // bluish green
        RGBColor(0x91, 0x44, 0x71), // reddish purple
        RGBColor(0x61, 0x41, 0x00), // orange, darkened to ochre
    ],
    derivative_alpha: 0.75,
    dead: RGBColor(0x76, 0x7d, 0x85),
};

/// A dark page: the same hues, lightened to keep their contrast on a dark background.
pub const DARK: Theme = Theme {
    background: RGBColor(24, 26, 31),
    text: RGBColor(230, 232, 235),
    grid: RGBColor(58, 62, 70),
    axis: RGBColor(150, 156, 165),
    legend_fill: RGBColor(34, 37, 43),
    series: [
        RGBColor(0x49, 0xa3, 0xe6), // blue
        RGBColor(0xf4, 0x7a, 0x32), // vermillion
        RGBColor(0x65, 0xdf, 0xb0), // bluish green
        RGBColor(0xcc, 0x79, 0xa7), // reddish purple
        RGBColor(0xf9, 0xb1, 0x2e), // orange
    ],
    derivative_alpha: 0.75,
    dead: RGBColor(0x80, 0x86, 0x8f),
};

/// An sRGB channel (0–255) in linear light, as WCAG 2.2 defines it.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2.2 relative luminance: 0 for black, 1 for white.
pub fn relative_luminance(color: RGBColor) -> f64 {
    let RGBColor(r, g, b) = color;
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2.2 contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color` at `alpha` painted over `background`, as a canvas blends it (in sRGB).
pub fn over(color: RGBColor, alpha: f64, background: RGBColor) -> RGBColor {
    let blend = |c: u8, b: u8| (alpha * f64::from(c) + (1.0 - alpha) * f64::from(b)).round() as u8;
    RGBColor(
        blend(color.0, background.0),
        blend(color.1, background.1),
        blend(color.2, background.2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text (WCAG 1.4.3).
    const TEXT: f64 = 4.5;
    /// Lines, dots and other graphical objects (WCAG 1.4.11).
    const GRAPHIC: f64 = 3.0;
    /// The alpha lab_units.rs draws a living unit's curve with.
    const LIVE_UNIT_ALPHA: f64 = 0.8;

    fn themes() -> [(&'static str, Theme); 2] {
        [("light", LIGHT), ("dark", DARK)]
    }

    /// Every (what, foreground, background, minimum) a chart draws, for `theme`.
    fn pairs(theme: &Theme) -> Vec<(String, RGBColor, RGBColor, f64)> {
        let mut out = Vec::new();
        for (surface, bg) in [
            ("background", theme.background),
            ("legend", theme.legend_fill),
        ] {
            out.push((format!("text on {surface}"), theme.text, bg, TEXT));
            for (i, &color) in theme.series.iter().enumerate() {
                out.push((format!("series {i} on {surface}"), color, bg, GRAPHIC));
                let faint = over(color, theme.derivative_alpha, bg);
                out.push((
                    format!("series {i} derivative on {surface}"),
                    faint,
                    bg,
                    GRAPHIC,
                ));
            }
        }
        let bg = theme.background;
        out.push(("axis and targets".into(), theme.axis, bg, GRAPHIC));
        out.push(("dead unit".into(), theme.dead, bg, GRAPHIC));
        let live = over(theme.series[2], LIVE_UNIT_ALPHA, bg);
        out.push(("living unit".into(), live, bg, GRAPHIC));
        out
    }

    #[test]
    fn contrast_ratio_matches_wcag_reference_values() {
        let white = RGBColor(255, 255, 255);
        let black = RGBColor(0, 0, 0);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known lightest grey that passes 4.5:1.
        let grey = contrast_ratio(RGBColor(0x76, 0x76, 0x76), white);
        assert!((4.5..4.6).contains(&grey), "{grey}");
        assert!(contrast_ratio(RGBColor(0x77, 0x77, 0x77), white) < 4.5);
        assert_eq!(over(black, 0.5, white), RGBColor(128, 128, 128));
    }

    #[test]
    fn every_chart_colour_meets_wcag_contrast_in_both_themes() {
        let mut failures = Vec::new();
        for (name, theme) in themes() {
            let mut lowest = f64::INFINITY;
            for (what, fg, bg, minimum) in pairs(&theme) {
                let ratio = contrast_ratio(fg, bg);
                lowest = lowest.min(ratio / minimum);
                if ratio < minimum {
                    failures.push(format!("{name}: {what} {ratio:.2} < {minimum}"));
                }
            }
            println!("{name}: lowest ratio is {lowest:.2}× its threshold");
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn chart_colours_are_told_apart_by_the_svg_tests() {
        // tests/graph_svg.rs finds each series, and the grid, by its colour.
        for (name, theme) in themes() {
            let mut all = theme.series.to_vec();
            all.extend([theme.grid, theme.axis, theme.dead, theme.background]);
            for (i, a) in all.iter().enumerate() {
                for b in &all[i + 1..] {
                    assert_ne!(a, b, "{name}: two roles share a colour");
                }
            }
        }
    }

    /// Machado, Oliveira and Fernandes (2009) at full severity, on linear RGB.
    const DEFICIENCIES: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    /// A linear-RGB colour in Oklab (L from 0 to 1).
    fn oklab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let l = (0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b).cbrt();
        let m = (0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b).cbrt();
        let s = (0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b).cbrt();
        [
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s,
        ]
    }

    fn seen(color: RGBColor, matrix: Option<&[[f64; 3]; 3]>) -> [f64; 3] {
        let c = [linear(color.0), linear(color.1), linear(color.2)];
        let c = match matrix {
            None => c,
            Some(m) => m.map(|row| (row[0] * c[0] + row[1] * c[1] + row[2] * c[2]).clamp(0.0, 1.0)),
        };
        oklab(c)
    }

    #[test]
    fn series_stay_apart_under_colour_vision_deficiencies() {
        // Series drawn together with a similar shape must differ most: ReLU and Leaky ReLU
        // (the same for x > 0), ReLU's derivative and Leaky ReLU's, sigmoid and tanh, and the
        // lab's loss chart's three layers (series 0, 3 and 4).
        const CLOSE_SHAPES: [(usize, usize); 5] = [(0, 2), (1, 2), (3, 4), (0, 3), (0, 4)];
        const ANY: f64 = 0.06;
        const CLOSE: f64 = 0.09;
        let mut failures = Vec::new();
        for (name, theme) in themes() {
            let visions = std::iter::once(("typical vision", None))
                .chain(DEFICIENCIES.iter().map(|(n, m)| (*n, Some(m))));
            for (vision, matrix) in visions {
                let lab = theme.series.map(|c| seen(c, matrix));
                for i in 0..5 {
                    for j in i + 1..5 {
                        let distance = (0..3)
                            .map(|k| (lab[i][k] - lab[j][k]).powi(2))
                            .sum::<f64>()
                            .sqrt();
                        let minimum = if CLOSE_SHAPES.contains(&(i, j)) {
                            CLOSE
                        } else {
                            ANY
                        };
                        if distance < minimum {
                            failures.push(format!(
                                "{name}, {vision}: series {i} and {j} are {distance:.3} apart in \
                                 Oklab, under {minimum}"
                            ));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
