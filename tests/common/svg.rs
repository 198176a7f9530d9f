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

/// The content of every `<text>` element (plotters writes it on the line after the tag), with
/// the apostrophes plotters escapes read back.
pub fn texts(svg: &str) -> Vec<String> {
    let lines: Vec<&str> = svg.lines().collect();
    lines
        .windows(2)
        .filter(|w| w[0].trim_start().starts_with("<text"))
        .map(|w| w[1].trim().replace("&apos;", "'"))
        .collect()
}
