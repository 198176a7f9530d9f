//! Reading the SVGs plotters writes, for the chart tests (`tests/graph_svg.rs`,
//! `tests/figures_svg.rs`).

use plotters::style::RGBColor;

/// `color` as the SVG backend writes it, `#RRGGBB`.
pub fn hex(color: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
}

/// The `points` of every `<polyline>` stroked in `color`.
pub fn polylines(svg: &str, color: RGBColor) -> Vec<Vec<(i32, i32)>> {
    let stroke = format!("stroke=\"{}\"", hex(color));
    svg.lines()
        .filter(|l| l.contains("<polyline") && l.contains(&stroke))
        .map(|l| {
            let points = l
                .split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            points
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}
