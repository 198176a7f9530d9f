//! The page's parts as the link names them: the sections `embed=` shows alone, and the
//! controls `hide=` hides. Both lists are read from the page template by the build (see the
//! relu-i18n crate's `parts`), so a new section or control is in them without anyone listing
//! it here.

/// A section of the page that can be embedded alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Its element's id, which `embed=` names.
    pub id: &'static str,
    /// The ids of the embeddable sections that hold it, outermost first.
    pub within: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/sections.rs"));

/// The section `embed=` names by `id`, if there is one.
pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|section| section.id == id)
}

/// The control `hide=` names by `id`, as the page spells it, if there is one.
pub fn control(id: &str) -> Option<&'static str> {
    CONTROLS.into_iter().find(|control| *control == id)
}

/// Whether the section with id `part` is on the page when `embedded` is the section shown
/// alone (`None`: the whole page).
pub fn shows(embedded: Option<&Section>, part: &str) -> bool {
    embedded.is_none_or(|shown| {
        shown.id == part || section(part).is_some_and(|p| p.within.contains(&shown.id))
    })
}

/// The section each view of the page draws in, as the template names it: an embedded section
/// draws, trains and surveys only what it shows.
pub mod views {
    /// The graph of ReLU and its derivative.
    pub const GRAPH: &str = "graph";
    /// The torch panel.
    pub const TORCH: &str = "torch";
    /// The one-neuron walk-through.
    pub const WALKTHROUGH: &str = "walkthrough";
    /// The dead-neuron lab.
    pub const LAB: &str = "lab";
    /// The born-dead calculator.
    pub const BORN_DEAD: &str = "born-dead";
    /// The gradient-through-depth experiment.
    pub const GRADIENT_DEPTH: &str = "gradient-depth";
    /// The no-upper-limit experiment.
    pub const GROWTH: &str = "growth";
    /// The speed experiment.
    pub const SPEED: &str = "speed";
    /// The sparsity experiment.
    pub const SPARSITY: &str = "sparsity";
    /// The not-zero-centred experiment.
    pub const ZIGZAG: &str = "zero-centred";
    /// The sum-of-ReLUs builder.
    pub const RELU_SUM: &str = "relu-sum";
    /// Every view's section.
    pub const ALL: [&str; 11] = [
        GRAPH,
        TORCH,
        WALKTHROUGH,
        LAB,
        BORN_DEAD,
        GRADIENT_DEPTH,
        GROWTH,
        SPEED,
        SPARSITY,
        ZIGZAG,
        RELU_SUM,
    ];
}
