//! Charts. Each module draws one chart on any plotters `DrawingBackend`: a canvas in the browser,
//! an SVG in native tests.

pub mod axis;
pub mod depth;
pub mod figures;
pub mod graph;
pub mod lab_charts;
pub mod lab_fit;
pub mod lab_history;
pub mod lab_units;
pub mod labels;
pub mod layers;
pub mod legend;
pub mod relu_sum;
pub mod small;
pub mod sparsity;
pub mod speed;
pub mod theme;
pub mod zigzag;
