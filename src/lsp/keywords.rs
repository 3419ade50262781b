//! What the keywords mean and which a block takes.
//!
//! Meanings come from the language reference (`grammar/README.md`, embedded):
//! its tables (a row per keyword: syntax, model field, notes) and its examples (one item
//! per line, with a `# note`). Which keywords a block takes comes from the
//! resolver itself: a probe item is resolved inside the same nesting of blocks,
//! and the keywords its "unknown keyword" finding lists are the answer, so
//! completion can never disagree with what `check` accepts.

use crate::diagnostic::Code;
use crate::span::SourceFile;
use std::sync::OnceLock;

const REFERENCE: &str = include_str!("../../grammar/README.md");

/// One documented use of a keyword.
#[derive(Debug, Clone)]
pub struct KeywordDoc {
    /// The block it was documented in (`policy`, `collect`), or empty at the top.
    pub block: String,
    /// How it is written (`title "text"`).
    pub syntax: String,
    /// What it means (notes, model field).
    pub notes: String,
}

/// Every documented use of `keyword`, those in `block` first.
pub fn docs(keyword: &str, block: &str) -> Vec<KeywordDoc> {
    let mut found: Vec<KeywordDoc> = all()
        .iter()
        .filter(|d| first_word(&d.syntax) == keyword)
        .cloned()
        .collect();
    found.sort_by_key(|d| d.block != block);
    found
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

fn all() -> &'static [KeywordDoc] {
    static DOCS: OnceLock<Vec<KeywordDoc>> = OnceLock::new();
    DOCS.get_or_init(|| parse(REFERENCE))
}

/// Reads the reference's tables and examples.
fn parse(text: &str) -> Vec<KeywordDoc> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut in_code = false;
    let mut stack: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            stack.clear();
            continue;
        }
        if in_code {
            let (code, note) = match line.split_once(" #") {
                Some((c, n)) => (c.trim(), n.trim()),
                None => (line.trim(), ""),
            };
            if code.is_empty() || code.starts_with('#') {
                continue;
            }
            if code == "}" {
                stack.pop();
                continue;
            }
            let keyword = first_word(code).to_string();
            let block = stack.last().cloned().unwrap_or_else(|| section.clone());
            if keyword.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                out.push(KeywordDoc {
                    block,
                    syntax: code.trim_end_matches('{').trim().to_string(),
                    notes: note.to_string(),
                });
            }
            if code.ends_with('{') {
                stack.push(keyword);
            }
            continue;
        }
        if let Some(heading) = line
            .strip_prefix("## ")
            .or_else(|| line.strip_prefix("### "))
        {
            section = heading
                .split('`')
                .nth(1)
                .map_or_else(String::new, str::to_string);
            continue;
        }
        if let Some(row) = line.strip_prefix("| `") {
            let cells: Vec<&str> = row.split(" | ").collect();
            let syntax = cells.first().map_or("", |c| c.trim_end_matches('`'));
            let field = cells.get(1).map_or("", |c| c.trim());
            let notes = cells.get(2).map_or("", |c| c.trim_end_matches('|').trim());
            let notes = match (field.is_empty(), notes.is_empty()) {
                (false, false) => format!("{notes} (model: {field})"),
                (false, true) => format!("model: {field}"),
                _ => notes.to_string(),
            };
            out.push(KeywordDoc {
                block: section.clone(),
                syntax: syntax.to_string(),
                notes,
            });
        }
    }
    out
}

/// The keywords a block takes, given the head lines of the blocks around the
/// place (`["policy main", "collect signup"]`); at the top level, `policy`.
pub fn allowed(path: &[String]) -> Vec<String> {
    const PROBE: &str = "zzprobezz";
    if path.is_empty() {
        return vec!["policy".to_string()];
    }
    let mut text = String::new();
    for (depth, head) in path.iter().enumerate() {
        text.push_str(&"  ".repeat(depth));
        text.push_str(head);
        text.push_str(" {\n");
    }
    text.push_str(&"  ".repeat(path.len()));
    text.push_str(PROBE);
    text.push('\n');
    for depth in (0..path.len()).rev() {
        text.push_str(&"  ".repeat(depth));
        text.push_str("}\n");
    }
    let (_, diags) = crate::resolve::compile_policy_source(&SourceFile::new("probe.policy", text));
    diags
        .iter()
        .find(|d| d.code == Code::UnknownKeyword && d.message.contains(PROBE))
        .and_then(|d| d.help.as_deref())
        .and_then(|help| help.split_once("takes:"))
        .map(|(_, list)| {
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The head lines of the blocks open at byte `at` (`policy main`, `collect x`),
/// read from braces at the ends of lines, so it works on a file that does not parse.
pub fn open_blocks(text: &str, at: usize) -> Vec<String> {
    let mut stack = Vec::new();
    let before = text.get(..at).unwrap_or(text);
    let complete = before.rfind('\n').map_or("", |i| &before[..i]);
    for line in complete.lines() {
        let code = line.split(" #").next().unwrap_or("").trim();
        if code == "}" {
            stack.pop();
        } else if let Some(head) = code.strip_suffix('{') {
            stack.push(head.trim().to_string());
        }
    }
    stack
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_documents_keywords_of_every_block() {
        let title = docs("title", "policy");
        assert_eq!(title.first().map(|d| d.block.as_str()), Some("policy"));
        assert!(title[0].notes.contains("required"), "{title:?}");
        let destruction = docs("destruction", "retention");
        assert_eq!(destruction[0].block, "retention");
        assert!(!docs("email", "entity").is_empty());
    }

    #[test]
    fn allowed_keywords_come_from_the_resolver() {
        assert_eq!(allowed(&[]), vec!["policy"]);
        let policy = allowed(&["policy main".to_string()]);
        assert!(policy.contains(&"title".to_string()), "{policy:?}");
        assert!(policy.contains(&"collect".to_string()));
        let collect = allowed(&["policy main".to_string(), "collect signup".to_string()]);
        assert!(collect.contains(&"for".to_string()), "{collect:?}");
        assert!(!collect.contains(&"title".to_string()));
    }

    #[test]
    fn open_blocks_follow_braces() {
        let text = "policy main {\n  cookie sid {\n    li\n  }\n}\n";
        let at = text.find("    li").unwrap_or(0) + 4;
        assert_eq!(open_blocks(text, at), vec!["policy main", "cookie sid"]);
    }
}
