//! The YAML form: the model itself, deserialized.

use super::text_chars;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::PolicySet;
use crate::span::{LineIndex, SourceFile, Span};

/// Deserializes a YAML source file into the model and checks its values (the
/// forms the policy language checks). Reader errors are located at the line and
/// column the YAML reader reports; the model is `None` then. Value errors (L106)
/// come with the model, which the engine then keeps for the checks only.
pub fn compile_yaml_source(source: &SourceFile) -> (Option<PolicySet>, Vec<Diagnostic>) {
    let empty = source
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#') || l.trim() == "---");
    if empty {
        return (None, vec![no_policy(Span::file_start(&source.path))]);
    }
    if let Err(e) = super::yaml_budget::walk(&source.text) {
        let message = e.to_string();
        // The reader's own repetition limit may stop a bomb first.
        let code = if message.contains(super::yaml_budget::OVER_BUDGET)
            || message.contains("repetition limit exceeded")
        {
            Code::YamlAliasBudget
        } else {
            Code::YamlError
        };
        let mut d = located(source, &e, code);
        if code == Code::YamlAliasBudget {
            d.message = format!(
                "{}: with every alias expanded it passes the budget of twice its size plus 1 MiB",
                super::yaml_budget::OVER_BUDGET
            );
        }
        return (None, vec![d]);
    }
    match yaml_serde::from_str::<PolicySet>(&source.text) {
        Ok(set) if set.policies.is_empty() => {
            (None, vec![no_policy(Span::file_start(&source.path))])
        }
        Ok(mut set) => {
            let forbidden = forbidden_characters(source, &set);
            if !forbidden.is_empty() {
                return (None, forbidden);
            }
            let index = LineIndex::new(&source.path, &source.text);
            super::yaml_origins::locate(&mut set, &index);
            let mut diags = super::yaml_values::check(&set, &index);
            // The H findings: located at each policy, the YAML form keeping no
            // place per string.
            let mut cx = super::context::Cx::default();
            for p in &set.policies {
                let places = super::languages::Places {
                    head: p.origin.span().copied(),
                    ..super::languages::Places::default()
                };
                super::languages::check(&mut cx, p, &places);
            }
            diags.extend(cx.diags);
            (Some(set), diags)
        }
        Err(e) => (None, vec![located(source, &e, Code::YamlError)]),
    }
}

/// A finding for the reader's error `e`, located at the line and column it reports.
fn located(source: &SourceFile, e: &yaml_serde::Error, code: Code) -> Diagnostic {
    let index = LineIndex::new(&source.path, &source.text);
    let span = e.location().map_or_else(
        || Span::file_start(&source.path),
        |loc| {
            let start = offset_of(&source.text, loc.line(), loc.column());
            // Underline the key or word at the location.
            let rest = &source.text[start..];
            let word = rest
                .find(|c: char| c.is_whitespace() || c == ':' || c == ',')
                .unwrap_or(rest.len());
            let end = if word > 0 {
                start + word
            } else {
                rest.chars()
                    .next()
                    .filter(|c| *c != '\n')
                    .map_or(start, |c| start + c.len_utf8())
            };
            index.span(start, end)
        },
    );
    let help = if code == Code::YamlAliasBudget {
        "write the repeated parts out, or use fewer aliases (`policyc explain S010`)"
    } else {
        "`policyc dump FILE --format yaml` on a policy file shows the expected shape"
    };
    Diagnostic::new(code, strip_location(&e.to_string()))
        .at(Some(span))
        .help(help)
}

/// S008 for every string of the model that holds a character XML 1.0 or HTML
/// forbids. YAML writes them as escapes in double-quoted scalars (`"\x01"`,
/// `"\u0001"`, `"\N"`) or raw; each finding is located at the first line of the
/// source that holds such a character or escape, from the last one found.
fn forbidden_characters(source: &SourceFile, set: &PolicySet) -> Vec<Diagnostic> {
    let Ok(value) = serde_json::to_value(set) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => {
                if let Some((_, c)) = text_chars::first_forbidden(s) {
                    found.push(c);
                }
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => stack.extend(map.values().rev()),
            _ => {}
        }
    }
    let index = LineIndex::new(&source.path, &source.text);
    let mut from = 0;
    found
        .into_iter()
        .take(20)
        .map(|c| {
            let (start, end) = yaml_forbidden_at(&source.text, from).unwrap_or((0, 0));
            from = end.max(from);
            text_chars::finding(c, index.span(start, end))
        })
        .collect()
}

/// The byte range of the next raw forbidden character, or escape that stands for
/// one, at or after `from`.
fn yaml_forbidden_at(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if text_chars::is_forbidden(c) {
            return Some((from + i, from + i + c.len_utf8()));
        }
        if c != '\\' {
            continue;
        }
        let Some(&(_, e)) = chars.peek() else {
            break;
        };
        let digits = match e {
            '0' | 'a' | 'b' | 'v' | 'f' | 'e' | 'N' => return Some((from + i, from + i + 2)),
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => {
                chars.next();
                continue;
            }
        };
        let hex = rest.get(i + 2..i + 2 + digits).unwrap_or("");
        let forbidden = u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .is_some_and(text_chars::is_forbidden);
        if forbidden {
            return Some((from + i, from + i + 2 + hex.len()));
        }
        chars.next();
    }
    None
}

fn no_policy(span: Span) -> Diagnostic {
    Diagnostic::new(Code::EmptyFile, "this file defines no policy")
        .at(Some(span))
        .help("a YAML policy file holds a `policies` list with at least one policy")
}

/// The byte offset of 1-based `line` and `column` (in characters).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_text = text[start..].split('\n').next().unwrap_or("");
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    start + within
}

/// The message without the reader's " at line N column M" suffix (the span says it).
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}
