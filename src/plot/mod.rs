//! Charts. Each module draws one chart on any plotters `DrawingBackend`: a canvas in the browser,
//! an SVG in native tests.

pub mod graph;
pub mod theme;
