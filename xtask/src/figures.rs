//! `cargo xtask figures`: the page's main charts as SVG for slides, in both languages, drawn by
//! the page's own plotting code (`relu_explorer::plot::figures`, which the canvases use too)
//! through plotters' SVG backend, into `target/figures/<lang>/<name>.svg`.

use std::fs;

use plotters::prelude::*;
use relu_explorer::plot::figures::{self, FIGURES, LAB_STEPS};
use relu_explorer::text::{strings, Lang};

use crate::run;

/// Writes every figure in every language and prints where.
pub fn run() -> Result<(), String> {
    let dir = run::target_dir().join("figures");
    println!(
        "xtask figures: the graph and the depth and growth experiments at the page's \
         defaults, the lab's charts after {LAB_STEPS} steps of its default run"
    );
    for lang in Lang::ALL {
        let out = dir.join(lang.tag());
        fs::create_dir_all(&out)
            .map_err(|err| format!("cannot create {}: {err}", out.display()))?;
        let mut lab = figures::trained_lab().map_err(|err| format!("the lab's run: {err}"))?;
        for figure in FIGURES {
            let path = out.join(format!("{}.svg", figure.name()));
            let area = SVGBackend::new(&path, figure.size()).into_drawing_area();
            figures::draw(&area, figure, &mut lab, strings(lang))
                .and_then(|()| area.present())
                .map_err(|err| format!("drawing {}: {err}", path.display()))?;
            println!("  {}", path.display());
        }
    }
    Ok(())
}
