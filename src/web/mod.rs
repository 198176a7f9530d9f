//! The thin web shell: DOM lookup, event listeners, frame scheduling and canvas glue. All maths
//! and drawing live in the core; this module only connects them to the page.

pub mod app;
pub mod born_dead_view;
pub mod canvas;
pub mod depth_view;
pub mod dom;
pub mod experiment_view;
#[cfg(feature = "fuzz")]
pub mod fuzz;
pub mod graph_view;
pub mod growth_view;
pub mod lab_view;
pub mod neuron_view;
pub mod page_view;
pub mod predict_view;
pub mod relu_sum_view;
pub mod sparsity_view;
pub mod speed_view;
pub mod torch_view;
pub mod zigzag_view;
