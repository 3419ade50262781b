//! Rendering a [`PolicyDiff`]: terminal (grouped by policy, material first, coloured
//! on request), Markdown (for a pull-request comment) and JSON.

use super::change::{Change, PolicyDiff};
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
    fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
}

/// Renders the diff for a terminal.
pub fn render_terminal(diff: &PolicyDiff, color: bool) -> String {
    let p = Paint { color };
    let mut out = String::new();
    if diff.changes.is_empty() {
        out.push_str("no changes in meaning\n");
        return out;
    }
    for policy in policies(diff) {
        let changes: Vec<&Change> = diff.changes.iter().filter(|c| c.policy == policy).collect();
        let material = changes.iter().filter(|c| c.material).count();
        let versioned = diff.versioned.iter().any(|v| v == policy);
        let _ = writeln!(
            out,
            "{}: {} material, {} non-material{}",
            p.bold(&format!("policy {policy}")),
            material,
            changes.len() - material,
            if material > 0 && !versioned {
                p.red(" (version and effective date unchanged)")
            } else {
                String::new()
            }
        );
        for (is_material, heading) in [(true, "material"), (false, "non-material")] {
            let group: Vec<&&Change> = changes
                .iter()
                .filter(|c| c.material == is_material)
                .collect();
            if group.is_empty() {
                continue;
            }
            let title = if is_material {
                p.red(heading)
            } else {
                p.green(heading)
            };
            let _ = writeln!(out, "  {title}");
            for c in group {
                let mark = if is_material { p.red("!") } else { p.dim("·") };
                let vals = values(c);
                let _ = writeln!(
                    out,
                    "    {mark} {}: {}{}",
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
                let _ = writeln!(out, "      {}", p.dim(&format!("{}{at}", c.reason)));
            }
        }
    }
    let unversioned = diff.unversioned_material().len();
    if unversioned > 0 {
        let _ = writeln!(
            out,
            "{}",
            p.red(&format!(
                "{unversioned} material change(s) without a new version or effective date: people must be told of them"
            ))
        );
    }
    out
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

/// Renders the diff as Markdown, for a pull-request comment.
pub fn render_markdown(diff: &PolicyDiff) -> String {
    let mut out = String::from("## Privacy policy changes\n\n");
    if diff.changes.is_empty() {
        out.push_str("No changes in meaning.\n");
        return out;
    }
    let material = diff.changes.iter().filter(|c| c.material).count();
    let _ = writeln!(
        out,
        "**{material} material** and {} non-material change(s). Material changes let the site do more with people's data, or give people less; people must be told of them.\n",
        diff.changes.len() - material
    );
    if !diff.unversioned_material().is_empty() {
        out.push_str("> [!WARNING]\n> A policy with material changes kept its version and effective date. Update them.\n\n");
    }
    for policy in policies(diff) {
        let _ = writeln!(out, "### Policy `{policy}`\n");
        for (is_material, heading) in [(true, "Material"), (false, "Non-material")] {
            let group: Vec<&Change> = diff
                .changes
                .iter()
                .filter(|c| c.policy == policy && c.material == is_material)
                .collect();
            if group.is_empty() {
                continue;
            }
            let _ = writeln!(out, "#### {heading}\n");
            out.push_str("| where | change | before | after | why |\n|---|---|---|---|---|\n");
            for c in group {
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
    out
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    material: bool,
    /// Material changes in a policy whose version and effective date stayed the same.
    needs_new_version: bool,
    versioned: &'a [String],
    changes: &'a [Change],
}

/// Renders the diff as JSON.
pub fn render_json(diff: &PolicyDiff) -> String {
    let j = JsonDiff {
        material: diff.has_material(),
        needs_new_version: !diff.unversioned_material().is_empty(),
        versioned: &diff.versioned,
        changes: &diff.changes,
    };
    serde_json::to_string_pretty(&j).unwrap_or_else(|_| "{}".to_string()) + "\n"
}
