//! The graph drawn to SVG natively, with structural assertions: both series, the derivative's
//! jump at x = 0, the marker at x, and everything the article's figure has.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::svg::{hex, polylines, texts};
use plotters::prelude::*;
use relu_explorer::activation::Activation;
use relu_explorer::plot::graph::{self, Drawn, GraphSpec};
use relu_explorer::plot::theme::LIGHT;
use relu_explorer::text::EN;

fn spec(x: f64) -> GraphSpec {
    GraphSpec {
        x_min: -10.0,
        x_max: 10.0,
        x,
        leaky_slope: None,
        sigmoid: false,
        tanh: false,
        scale: 1.0,
    }
}

fn render(spec: &GraphSpec) -> (String, Drawn) {
    let mut svg = String::new();
    let drawn = {
        let area = SVGBackend::with_string(&mut svg, (800, 600)).into_drawing_area();
        let drawn = graph::draw(&area, spec, &LIGHT, &EN).expect("the graph draws");
        area.present().expect("the SVG is written");
        drawn
    };
    (svg, drawn)
}

/// The centres of every `<circle>` filled in `color`.
fn filled_circles(svg: &str, color: RGBColor) -> Vec<(i32, i32)> {
    let fill = format!("fill=\"{}\"", hex(color));
    svg.lines()
        .filter(|l| l.contains("<circle") && l.contains(&fill))
        .map(|l| {
            let attr = |name: &str| -> i32 {
                l.split(&format!(" {name}=\""))
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            (attr("cx"), attr("cy"))
        })
        .collect()
}

/// The font size of the first `<text>` whose content is `content`.
fn font_size(svg: &str, content: &str) -> f64 {
    let lines: Vec<&str> = svg.lines().collect();
    let tag = lines
        .windows(2)
        .find(|w| w[0].trim_start().starts_with("<text") && w[1].trim() == content)
        .map(|w| w[0])
        .expect("the text is drawn");
    tag.split("font-size=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn has_everything_the_articles_figure_has() {
    let (svg, _) = render(&spec(1.5));
    let texts = texts(&svg);
    for text in [
        "ReLU Function and Its Derivative",
        "ReLU(x)",
        "Derivative of ReLU(x)",
        "x",
        "y",
        "-10",
        "0",
        "10",
    ] {
        assert!(
            texts.iter().any(|t| t == text),
            "the SVG lacks {text}: {texts:?}"
        );
    }
    let grid_lines = svg
        .lines()
        .filter(|l| l.contains(&format!("stroke=\"{}\"", hex(LIGHT.grid))))
        .count();
    assert!(grid_lines >= 15, "only {grid_lines} grid lines");
}

#[test]
fn draws_relu_and_its_derivative_as_two_series() {
    let (svg, drawn) = render(&spec(1.5));
    let relu = polylines(&svg, LIGHT.series[0]);
    let derivative = polylines(&svg, LIGHT.series[1]);
    // ReLU's one polyline plus the legend's sample line; its derivative's two pieces plus the
    // legend's.
    assert_eq!(relu.len(), 2, "ReLU polylines: {relu:?}");
    assert_eq!(derivative.len(), 3);
    let relu_curve = relu.iter().max_by_key(|l| l.len()).unwrap();
    assert!(relu_curve.len() >= graph::SAMPLES);
    // ReLU is flat at y = 0 left of the kink and rises to 10 at the right end.
    assert_eq!(relu_curve[0], drawn.backend_coord(-10.0, 0.0));
    assert_eq!(*relu_curve.last().unwrap(), drawn.backend_coord(10.0, 10.0));
    assert!(
        relu_curve.contains(&drawn.backend_coord(0.0, 0.0)),
        "the kink is a vertex"
    );
}

#[test]
fn the_derivative_jumps_at_zero_without_a_line_between() {
    let (svg, drawn) = render(&spec(1.5));
    // The derivative's lines at its two levels (the legend's sample line is elsewhere).
    let levels = [
        drawn.backend_coord(0.0, 0.0).1,
        drawn.backend_coord(0.0, 1.0).1,
    ];
    let mut pieces: Vec<_> = polylines(&svg, LIGHT.series[1])
        .into_iter()
        .filter(|line| line.iter().all(|p| levels.contains(&p.1)))
        .collect();
    pieces.sort();
    // Flat at 0 up to the kink, flat at 1 from it, and no vertical segment joining them: the
    // derivative takes no value between 0 and 1.
    assert_eq!(
        pieces,
        vec![
            vec![
                drawn.backend_coord(-10.0, 0.0),
                drawn.backend_coord(0.0, 0.0)
            ],
            vec![
                drawn.backend_coord(0.0, 1.0),
                drawn.backend_coord(10.0, 1.0)
            ],
        ]
    );
    let (x0, _) = drawn.backend_coord(0.0, 0.0);
    let vertical = polylines(&svg, LIGHT.series[1])
        .into_iter()
        .flat_map(|line| line.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>())
        .any(|(a, b)| a.0 == x0 && b.0 == x0 && a.1 != b.1);
    assert!(!vertical, "a vertical segment joins the derivative's sides");
    // PyTorch's choice at the kink is a filled dot at (0, 0); the right-hand limit an open one.
    assert!(filled_circles(&svg, LIGHT.series[1]).contains(&drawn.backend_coord(0.0, 0.0)));
    assert_eq!(
        drawn.polylines().len(),
        3,
        "ReLU, and its derivative in two pieces"
    );
}

#[test]
fn the_derivative_is_drawn_wider_under_relu_where_they_coincide() {
    let (svg, _) = render(&spec(1.5));
    let width = |color| {
        let needle = format!("stroke=\"{}\"", hex(color));
        svg.lines()
            .filter(|l| l.contains("<polyline") && l.contains(&needle))
            .filter_map(|l| {
                l.split("stroke-width=\"")
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse::<f64>()
                    .ok()
            })
            .fold(0.0_f64, f64::max)
    };
    assert!(width(LIGHT.series[1]) >= width(LIGHT.series[0]) + 2.0);
}

#[test]
fn marks_x_on_both_curves() {
    for x in [-4.0, 1.5, 7.25] {
        let (svg, drawn) = render(&spec(x));
        let on_relu = drawn.backend_coord(x, x.max(0.0));
        let on_derivative = drawn.backend_coord(x, if x > 0.0 { 1.0 } else { 0.0 });
        assert!(
            filled_circles(&svg, LIGHT.series[0]).contains(&on_relu),
            "x = {x}"
        );
        assert!(
            filled_circles(&svg, LIGHT.series[1]).contains(&on_derivative),
            "x = {x}"
        );
    }
}

#[test]
fn overlays_add_their_curves() {
    let mut with_all = spec(-2.0);
    with_all.leaky_slope = Some(0.2);
    with_all.sigmoid = true;
    with_all.tanh = true;
    let (svg, drawn) = render(&with_all);
    assert_eq!(drawn.curves.len(), 8, "four functions and four derivatives");
    let texts = texts(&svg);
    for label in [
        "Leaky ReLU(x), α = 0.2",
        "tanh(x)",
        "sigmoid(x)",
        "Derivative of tanh(x)",
    ] {
        assert!(texts.iter().any(|t| t == label), "the legend lacks {label}");
    }
    let leaky = &drawn.curves[2];
    assert_eq!(leaky.activation, Activation::LeakyRelu(0.2));
    assert_eq!(leaky.points[0], (-10.0, f64::from(-10.0_f32 * 0.2)));
    let leaky_marker = drawn.backend_coord(-2.0, f64::from(-2.0_f32 * 0.2));
    assert!(filled_circles(&svg, LIGHT.series[2]).contains(&leaky_marker));
}

#[test]
fn pointer_pixels_map_back_to_data() {
    let (_, drawn) = render(&spec(0.0));
    for x in [-7.5, 0.0, 3.25] {
        let pixel = drawn.backend_coord(x, 0.5);
        let (back, _) = drawn.data_coord(pixel).unwrap();
        assert!((back - x).abs() < 0.05, "{x} → {pixel:?} → {back}");
    }
    let (left, right, _) = drawn.plot_pixels();
    assert!(left < right);
}

#[test]
fn a_range_without_the_kink_draws_flat_derivatives() {
    let mut negative = spec(-3.0);
    negative.x_min = -5.0;
    negative.x_max = -1.0;
    let (_, drawn) = render(&negative);
    assert_eq!(drawn.curves[1].points, vec![(-5.0, 0.0), (-1.0, 0.0)]);
    assert!(drawn.curves[0].points.iter().all(|&(_, y)| y == 0.0));
}

#[test]
fn scales_fonts_and_strokes_for_hidpi() {
    let (svg1, _) = render(&spec(1.0));
    let mut hidpi = spec(1.0);
    hidpi.scale = 2.0;
    let (svg2, _) = render(&hidpi);
    let title = "ReLU Function and Its Derivative";
    let ratio = font_size(&svg2, title) / font_size(&svg1, title);
    assert!(
        (ratio - 2.0).abs() < 1e-9,
        "the title grows by {ratio}, not 2"
    );
    let label = font_size(&svg2, "ReLU(x)") / font_size(&svg1, "ReLU(x)");
    assert!(
        (label - 2.0).abs() < 1e-9,
        "legend text grows by {label}, not 2"
    );
}
