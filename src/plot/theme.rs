//! Colours shared by the charts, for light and dark pages.

use plotters::style::RGBColor;

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

/// The colours a chart is painted with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Chart background.
    pub background: RGBColor,
    /// Titles, labels and legend text.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines and the x guide.
    pub axis: RGBColor,
    /// Legend box fill.
    pub legend_fill: RGBColor,
    /// The series colours, in order: ReLU, its derivative, Leaky ReLU, sigmoid, tanh.
    pub series: [RGBColor; 5],
}

/// A light page: matplotlib's default colours, so the graph reads like the article's figure.
pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    text: RGBColor(33, 37, 41),
    grid: RGBColor(222, 226, 230),
    axis: RGBColor(108, 117, 125),
    legend_fill: RGBColor(248, 249, 250),
    series: [
        RGBColor(31, 119, 180),
        RGBColor(255, 127, 14),
        RGBColor(44, 160, 44),
        RGBColor(148, 103, 189),
        RGBColor(214, 39, 40),
    ],
};

/// A dark page: the same hues, lightened to keep their contrast on a dark background.
pub const DARK: Theme = Theme {
    background: RGBColor(24, 26, 31),
    text: RGBColor(230, 232, 235),
    grid: RGBColor(58, 62, 70),
    axis: RGBColor(150, 156, 165),
    legend_fill: RGBColor(34, 37, 43),
    series: [
        RGBColor(100, 170, 235),
        RGBColor(255, 160, 70),
        RGBColor(110, 205, 110),
        RGBColor(190, 150, 230),
        RGBColor(240, 100, 100),
    ],
};
