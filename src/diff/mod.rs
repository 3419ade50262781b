//! Semantic diff: two versions of a policy set → the changes in what the policy
//! allows, each classified material or not. See `compare/mod.rs` for the orderings used.

mod change;
mod compare;
mod render;

pub use change::{Change, ChangeKind, FileDiff, FileStatus, PolicyDiff};
pub use compare::diff;
pub use render::{
    render_json, render_json_files, render_markdown, render_markdown_files, render_terminal,
    render_terminal_files,
};
