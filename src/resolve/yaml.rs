//! The YAML form: the model itself, deserialized.

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
    match yaml_serde::from_str::<PolicySet>(&source.text) {
        Ok(set) if set.policies.is_empty() => {
            (None, vec![no_policy(Span::file_start(&source.path))])
        }
        Ok(mut set) => {
            let index = LineIndex::new(&source.path, &source.text);
            super::yaml_origins::locate(&mut set, &index);
            let diags = super::yaml_values::check(&set, &index);
            (Some(set), diags)
        }
        Err(e) => {
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
            let d = Diagnostic::new(Code::YamlError, strip_location(&e.to_string()))
                .at(Some(span))
                .help(
                    "`policyc dump FILE --format yaml` on a policy file shows the expected shape",
                );
            (None, vec![d])
        }
    }
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
