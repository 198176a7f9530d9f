//! The figures `cargo xtask figures` writes, drawn to SVG as the task draws them: every figure
//! in both languages, with its series, its title in the language, and Chinese text in the
//! Chinese ones.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, texts};
use plotters::prelude::*;
use relu_explorer::depth::ACTIVATIONS;
use relu_explorer::plot::figures::{self, Figure, FIGURES, LAB_STEPS};
use relu_explorer::plot::lab_charts::{LabChart, GRID_POINTS};
use relu_explorer::plot::theme::{series_index, LIGHT};
use relu_explorer::state::State;
use relu_explorer::text::{Lang, Strings, EN, ZH_CN};

fn render(figure: Figure, strings: &Strings) -> String {
    let mut lab = figures::trained_lab().expect("the default run starts");
    assert_eq!(lab.step(), LAB_STEPS);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, figure.size()).into_drawing_area();
        figures::draw(&area, figure, &mut lab, strings).expect("the figure draws");
        area.present().expect("the SVG is written");
    }
    svg
}

/// How many points each `<polyline>` stroked in `color` has.
fn polylines(svg: &str, color: RGBColor) -> Vec<usize> {
    common::svg::polylines(svg, color)
        .iter()
        .map(Vec::len)
        .collect()
}

fn title(figure: Figure, strings: &Strings) -> &'static str {
    match figure {
        Figure::Graph => strings.graph_title,
        Figure::Lab(LabChart::Fit) => strings.lab_fit_title,
        Figure::Lab(LabChart::Units) => strings.lab_units_title,
        Figure::Lab(LabChart::Dead) => strings.lab_dead_title,
        Figure::Lab(LabChart::Loss) => strings.lab_loss_title,
        Figure::Depth => strings.depth_chart_title,
        Figure::Growth => strings.growth_chart_title,
    }
}

#[test]
fn every_figure_is_an_svg_of_its_size_with_its_title_in_each_language() {
    for (lang, strings) in [(Lang::En, &EN), (Lang::ZhCn, &ZH_CN)] {
        for figure in FIGURES {
            let svg = render(figure, strings);
            let (width, height) = figure.size();
            assert!(
                svg.starts_with(&format!("<svg width=\"{width}\" height=\"{height}\"")),
                "{lang:?} {figure:?}: {}",
                &svg[..80]
            );
            assert!(svg.trim_end().ends_with("</svg>"));
            let texts = texts(&svg);
            assert!(
                texts.iter().any(|t| t == title(figure, strings)),
                "{lang:?} {figure:?} lacks its title: {texts:?}"
            );
            let chinese = texts
                .iter()
                .any(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            assert_eq!(
                chinese,
                lang == Lang::ZhCn,
                "{lang:?} {figure:?}: {texts:?}"
            );
        }
    }
}

#[test]
fn the_figures_draw_their_series() {
    let graph = render(Figure::Graph, &EN);
    let relu = polylines(&graph, LIGHT.series[0]);
    let derivative = polylines(&graph, LIGHT.series[1]);
    // Each curve and its legend sample.
    assert!(relu.iter().any(|&n| n > 1000), "ReLU: {relu:?}");
    // The step in two pieces, 0 then 1, with no line between them.
    assert_eq!(
        derivative.iter().filter(|&&n| n == 2).count(),
        3,
        "the step's two pieces and the legend's sample: {derivative:?}"
    );

    let fit = render(Figure::Lab(LabChart::Fit), &EN);
    assert_eq!(
        polylines(&fit, LIGHT.series[0]),
        [GRID_POINTS],
        "the prediction"
    );
    let targets = fit
        .lines()
        .filter(|l| l.contains("<circle") && l.contains(&format!("fill=\"{}\"", hex(LIGHT.axis))))
        .count();
    assert_eq!(targets, 64, "a dot per training point");

    let units = render(Figure::Lab(LabChart::Units), &EN);
    assert_eq!(
        polylines(&units, LIGHT.series[2]).len(),
        16,
        "a curve per unit"
    );

    let dead = render(Figure::Lab(LabChart::Dead), &EN);
    assert_eq!(
        polylines(&dead, LIGHT.series[0]).len(),
        1,
        "one hidden layer"
    );

    // A line per activation (ReLU, Leaky ReLU, sigmoid, tanh) and its legend sample, in its
    // own colour, from layer 0 through the experiments' default depths.
    let defaults = State::default();
    for (figure, layers) in [
        (Figure::Depth, defaults.grad.depth as usize),
        (Figure::Growth, defaults.growth.depth as usize),
    ] {
        let svg = render(figure, &EN);
        for (_, activation) in ACTIVATIONS {
            let mut lines = polylines(&svg, LIGHT.series[series_index(activation)]);
            lines.sort_unstable();
            assert_eq!(
                lines,
                [2, layers + 1],
                "{figure:?} {activation:?}: the legend's sample, then the line"
            );
        }
    }

    let loss = render(Figure::Lab(LabChart::Loss), &EN);
    let line = polylines(&loss, LIGHT.series[0]);
    assert_eq!(line.len(), 1);
    assert!(line[0] > 400, "the loss at most steps: {line:?}");
}
