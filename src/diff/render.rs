//! Rendering a [`PolicyDiff`] (or the diffs of several files): human (grouped by policy, material first, coloured
//! on request), Markdown (for a pull-request comment) and JSON.

use super::change::{Change, FileDiff, FileStatus, PolicyDiff};
use serde::Serialize;
use std::fmt::Write as _;

const MAX_VALUE: usize = 120;

/// Shortens a value to one line of at most [`MAX_VALUE`] characters.
fn short(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX_VALUE {
        let cut: String = one_line.chars().take(MAX_VALUE - 1).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// "before → after", "now X" or "was X"; empty when the subject already says it.
fn values(c: &Change) -> String {
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{} → {}", short(o), short(n)),
        (None, Some(n)) if !c.subject.ends_with(n.as_str()) => format!("now {}", short(n)),
        (Some(o), None) if !c.subject.ends_with(o.as_str()) => format!("was {}", short(o)),
        _ => String::new(),
    }
}

/// The element and, unless the element's name says it, what in it changed.
fn what(c: &Change) -> String {
    if c.element.ends_with(c.subject.as_str()) {
        short(&c.element)
    } else {
        format!("{}, {}", c.element, short(&c.subject))
    }
}

/// Policy names in the order their first change appears.
fn policies(diff: &PolicyDiff) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &diff.changes {
        if !out.contains(&c.policy.as_str()) {
            out.push(&c.policy);
        }
    }
    out
}

struct Paint {
    color: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn red(&self, s: &str) -> String {
        self.wrap("1;31", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.wrap("1;33", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
}

/// The three groups changes are listed in: material for certain, needing review
/// (counted as material), non-material.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Material,
    Review,
    NonMaterial,
}

impl Group {
    const ALL: [Group; 3] = [Group::Material, Group::Review, Group::NonMaterial];

    fn of(c: &Change) -> Self {
        if c.needs_review {
            Group::Review
        } else if c.material {
            Group::Material
        } else {
            Group::NonMaterial
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Group::Material => "material",
            Group::Review => "needs review (counted as material)",
            Group::NonMaterial => "non-material",
        }
    }
}

/// Renders the diff for a terminal.
pub fn render_terminal(diff: &PolicyDiff, color: bool) -> String {
    let mut out = String::new();
    if diff.changes.is_empty() {
        out.push_str("no changes in meaning\n");
        return out;
    }
    terminal_body(&mut out, diff, color, "");
    out
}

/// Renders the diffs of several files for a terminal, one section per file.
pub fn render_terminal_files(files: &[FileDiff], color: bool) -> String {
    let p = Paint { color };
    let mut out = String::new();
    if files.iter().all(|f| f.diff.changes.is_empty()) {
        out.push_str("no changes in meaning\n");
        return out;
    }
    for f in files.iter().filter(|f| !f.diff.changes.is_empty()) {
        let _ = writeln!(out, "{}{}", p.bold(&f.path), f.status.note());
        terminal_body(&mut out, &f.diff, color, "  ");
    }
    out
}

fn terminal_body(out: &mut String, diff: &PolicyDiff, color: bool, indent: &str) {
    let p = Paint { color };
    for policy in policies(diff) {
        let changes: Vec<&Change> = diff.changes.iter().filter(|c| c.policy == policy).collect();
        let material = changes.iter().filter(|c| c.material).count();
        let review = changes.iter().filter(|c| c.needs_review).count();
        let versioned = diff.versioned.iter().any(|v| v == policy);
        let _ = writeln!(
            out,
            "{indent}{}: {} material{}, {} non-material{}",
            p.bold(&format!("policy {policy}")),
            material,
            if review > 0 {
                format!(" ({review} to review)")
            } else {
                String::new()
            },
            changes.len() - material,
            if material > 0 && !versioned {
                p.red(" (version and effective date unchanged)")
            } else {
                String::new()
            }
        );
        for group in Group::ALL {
            let members: Vec<&&Change> = changes.iter().filter(|c| Group::of(c) == group).collect();
            if members.is_empty() {
                continue;
            }
            let title = match group {
                Group::Material => p.red(group.heading()),
                Group::Review => p.yellow(group.heading()),
                Group::NonMaterial => p.green(group.heading()),
            };
            let _ = writeln!(out, "{indent}  {title}");
            for c in members {
                let mark = match group {
                    Group::Material => p.red("!"),
                    Group::Review => p.yellow("?"),
                    Group::NonMaterial => p.dim("·"),
                };
                let vals = values(c);
                let _ = writeln!(
                    out,
                    "{indent}    {mark} {}: {}{}",
                    p.bold(c.kind.label()),
                    what(c),
                    if vals.is_empty() {
                        String::new()
                    } else {
                        format!(" ({vals})")
                    }
                );
                let at = c
                    .span
                    .as_ref()
                    .map(|s| format!(" [{}:{}:{}]", s.file, s.line, s.col))
                    .unwrap_or_default();
                let _ = writeln!(out, "{indent}      {}", p.dim(&format!("{}{at}", c.reason)));
            }
        }
    }
    let unversioned = diff.unversioned_material().len();
    if unversioned > 0 {
        let _ = writeln!(
            out,
            "{indent}{}",
            p.red(&format!(
                "{unversioned} material change(s) without a new version or effective date: people must be told of them"
            ))
        );
    }
}

/// Escapes text for a Markdown table cell.
fn md(s: &str) -> String {
    let mut out = String::new();
    for ch in short(s).chars() {
        if matches!(
            ch,
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The title of the Markdown report.
const TITLE: &str = "Privacy policy changes";

/// The opening paragraph of a Markdown report: how many changes of each group.
fn markdown_summary(out: &mut String, diffs: &[&PolicyDiff]) {
    let all: Vec<&Change> = diffs.iter().flat_map(|d| d.changes.iter()).collect();
    let material = all.iter().filter(|c| c.material).count();
    let review = all.iter().filter(|c| c.needs_review).count();
    let _ = write!(
        out,
        "**{material} material** and {} non-material change(s). Material changes let the site do more with people's data, or give people less; people must be told of them.",
        all.len() - material
    );
    if review > 0 {
        let _ = write!(
            out,
            " Of these, {review} **need review**: their words changed in a way no program can weigh; read both versions."
        );
    }
    out.push_str("\n\n");
    if diffs.iter().any(|d| !d.unversioned_material().is_empty()) {
        out.push_str("> [!WARNING]\n> A policy with material changes kept its version and effective date. Update them.\n\n");
    }
}

/// The policies of a diff as Markdown sections whose headings are at `level`.
fn markdown_body(out: &mut String, diff: &PolicyDiff, level: usize) {
    let h = "#".repeat(level);
    for policy in policies(diff) {
        let _ = writeln!(out, "{h} Policy `{policy}`\n");
        for group in Group::ALL {
            let members: Vec<&Change> = diff
                .changes
                .iter()
                .filter(|c| c.policy == policy && Group::of(c) == group)
                .collect();
            if members.is_empty() {
                continue;
            }
            let heading = match group {
                Group::Material => "Material",
                Group::Review => "Needs review (counted as material)",
                Group::NonMaterial => "Non-material",
            };
            let _ = writeln!(out, "{h}# {heading}\n");
            out.push_str("| where | change | before | after | why |\n|---|---|---|---|---|\n");
            for c in members {
                let line = c
                    .span
                    .as_ref()
                    .map(|s| format!(" (line {})", s.line))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "| {}{line} | {}: {} | {} | {} | {} |",
                    md(&c.element),
                    c.kind.label(),
                    md(&c.subject),
                    c.old.as_deref().map(md).unwrap_or_default(),
                    c.new.as_deref().map(md).unwrap_or_default(),
                    md(&c.reason)
                );
            }
            out.push('\n');
        }
    }
}

/// Renders the diff as Markdown, for a pull-request comment: `##` title,
/// `###` per policy, `####` per group.
pub fn render_markdown(diff: &PolicyDiff) -> String {
    let mut out = format!("## {TITLE}\n\n");
    if diff.changes.is_empty() {
        out.push_str("No changes in meaning.\n");
        return out;
    }
    markdown_summary(&mut out, &[diff]);
    markdown_body(&mut out, diff, 3);
    out
}

/// Renders the diffs of several files as one Markdown document: `##` title,
/// `###` per file, `####` per policy, `#####` per group.
pub fn render_markdown_files(files: &[FileDiff]) -> String {
    let mut out = format!("## {TITLE}\n\n");
    let changed: Vec<&FileDiff> = files
        .iter()
        .filter(|f| !f.diff.changes.is_empty())
        .collect();
    if changed.is_empty() {
        out.push_str("No changes in meaning.\n");
        return out;
    }
    let diffs: Vec<&PolicyDiff> = changed.iter().map(|f| &f.diff).collect();
    markdown_summary(&mut out, &diffs);
    for f in changed {
        let _ = writeln!(
            out,
            "### `{}`{}\n",
            f.path.replace('`', "'"),
            f.status.note()
        );
        markdown_body(&mut out, &f.diff, 4);
    }
    out
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    material: bool,
    /// Some changes need a person to read them (counted in `material`).
    needs_review: bool,
    /// Material changes in a policy whose version and effective date stayed the same.
    needs_new_version: bool,
    versioned: &'a [String],
    changes: &'a [Change],
}

impl<'a> JsonDiff<'a> {
    fn of(diff: &'a PolicyDiff) -> Self {
        Self {
            material: diff.has_material(),
            needs_review: !diff.needing_review().is_empty(),
            needs_new_version: !diff.unversioned_material().is_empty(),
            versioned: &diff.versioned,
            changes: &diff.changes,
        }
    }
}

/// Renders the diff as JSON.
pub fn render_json(diff: &PolicyDiff) -> String {
    serde_json::to_string_pretty(&JsonDiff::of(diff)).unwrap_or_else(|_| "{}".to_string()) + "\n"
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    status: FileStatus,
    #[serde(flatten)]
    diff: JsonDiff<'a>,
}

#[derive(Serialize)]
struct JsonFiles<'a> {
    material: bool,
    needs_review: bool,
    needs_new_version: bool,
    files: Vec<JsonFile<'a>>,
}

/// Renders the diffs of several files as JSON: totals, then one entry per file.
pub fn render_json_files(files: &[FileDiff]) -> String {
    let entries: Vec<JsonFile<'_>> = files
        .iter()
        .map(|f| JsonFile {
            path: &f.path,
            status: f.status,
            diff: JsonDiff::of(&f.diff),
        })
        .collect();
    let j = JsonFiles {
        material: entries.iter().any(|e| e.diff.material),
        needs_review: entries.iter().any(|e| e.diff.needs_review),
        needs_new_version: entries.iter().any(|e| e.diff.needs_new_version),
        files: entries,
    };
    serde_json::to_string_pretty(&j).unwrap_or_else(|_| "{}".to_string()) + "\n"
}
