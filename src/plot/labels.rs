//! Tick labels as people read them: the charts pass these to plotters' label formatters, so
//! that an axis shows `0.3` and `0`, never `0.30000000000000004` or `-0`.

/// A tick label for the main graph: no needless `.0`, no `-0`, and none of the float noise of
/// the sixth decimal and beyond that stepping a tick by a decimal fraction leaves.
pub fn label(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        "0".to_string()
    } else {
        rounded.to_string()
    }
}

/// A compact tick label for the lab's small charts: two decimals at most, and thousands as
/// `3k`, so that a narrow axis keeps its labels apart.
pub fn compact(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 {
        "0".to_string()
    } else if rounded.abs() >= 1000.0 {
        format!("{:.0}k", rounded / 1000.0)
    } else {
        rounded.to_string()
    }
}
