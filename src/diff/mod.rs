//! Semantic diff: two versions of a policy set → the changes in what the policy
//! allows, each classified material or not. See `compare/mod.rs` for the orderings used.

mod change;
mod compare;
pub(crate) mod period;
mod render;

pub use change::{Change, ChangeKind, PolicyDiff};
pub use compare::diff;
pub use render::{render_json, render_markdown, render_terminal};
