//! The analysis of a played game, as pure functions of its history: the
//! causes of a figure's change (from the why ledger), the key moments and
//! the story, the score term by term, the lessons measured on the game,
//! the benchmarks on the same seed, and comparisons of groups of runs. The terminal's
//! why overlay and debrief, `culturesim debrief` and `class report` all
//! call this one module, so every frontend tells the same story.

pub mod benchmark;
pub mod compare;
pub mod explain;
pub mod lessons;
pub mod metric;
pub mod score;
pub mod story;
pub mod survey;

pub use benchmark::{BEST_NOTE, Benchmark, Benchmarks, benchmarks};
pub use compare::{
    CauseDifference, CauseSums, RunRef, cause_sums, differing_cause_sums, differing_causes,
};
pub use explain::{
    Moment, Part, Reference, ScorePart, WhyTable, causes_of_change, key_moments, main_causes,
    references, score_parts, terms, top_causes, why_table,
};
pub use lessons::{Dip, Lag, Lessons, WeakLever, lessons};
pub use metric::{Metric, Why};
pub use score::{RoundedScore, ScoreBreakdown, ScoreTerm, score_breakdown};
pub use story::{MomentKind, Reason, StoryMoment, break_even, story};

/// The name of the reference plan that changes nothing.
pub const REF_DO_NOTHING: &str = "do nothing";
/// The name of the reference plan that spreads the money over every lever.
pub const REF_BALANCED: &str = "balanced";
