//! The analysis of a played game, as pure functions of its history: the
//! causes of a figure's change (from the why ledger), the key moments, the
//! score's parts and the reference plans on the same seed. The terminal's
//! why overlay and debrief, `culturesim debrief` and `class report` all
//! call this one module, so every frontend tells the same story.

pub mod explain;
pub mod metric;
pub mod survey;

pub use explain::{
    Moment, Part, Reference, ScorePart, WhyTable, causes_of_change, key_moments, main_causes,
    references, score_parts, terms, top_causes, why_table,
};
pub use metric::{Metric, Why};

/// The name of the reference plan that changes nothing.
pub const REF_DO_NOTHING: &str = "do nothing";
/// The name of the reference plan that spreads the money over every lever.
pub const REF_BALANCED: &str = "balanced";
