//! Hover: what the thing under the cursor means, in plain words: a finding's
//! code, a keyword, a P3P or legal term, a base data element, a defined name.

use super::document::Document;
use super::{keywords, names, terms, text};
use crate::diagnostic::Code;
use std::fmt::Write as _;

/// The Markdown shown for byte `at` of `doc`, if there is anything to say.
pub fn hover(doc: &Document, at: usize) -> Option<(String, (usize, usize))> {
    // A finding under the cursor: its code explained.
    if let Some(d) = doc.diagnostic_at(at) {
        let mut md = format!(
            "**{}** {}\n\n{}",
            d.code.id(),
            d.message,
            d.code.explanation()
        );
        if let Some(help) = &d.help {
            let _ = write!(md, "\n\n*help:* {help}");
        }
        let span = d.span.as_ref().map_or((at, at), |s| (s.start(), s.end()));
        return Some((md, span));
    }
    let (word, start, end) = text::word_at(&doc.text, at)?;
    let range = (start, end);
    if let Some(code) = Code::ALL.iter().find(|c| c.id() == word) {
        return Some((
            format!(
                "**{}**: {}\n\n{}",
                code.id(),
                code.summary(),
                code.explanation()
            ),
            range,
        ));
    }
    let line_start = doc.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let is_keyword = doc.text[line_start..start].trim().is_empty();
    if is_keyword {
        let path = keywords::open_blocks(&doc.text, start);
        let block = path
            .last()
            .and_then(|h| h.split_whitespace().next())
            .unwrap_or("");
        let found = keywords::docs(word, block);
        if let Some(first) = found.first() {
            let mut md = format!("```policy\n{}\n```", first.syntax);
            if !first.notes.is_empty() {
                let _ = write!(md, "\n\n{}", first.notes);
            }
            if !first.block.is_empty() {
                let _ = write!(md, "\n\n*in a `{}` block*", first.block);
            }
            return Some((md, range));
        }
    }
    let found = terms::lookup(word);
    if !found.is_empty() {
        let md = found
            .iter()
            .map(|t| {
                let cite = t.cite.map(|c| format!(" ({c})")).unwrap_or_default();
                format!(
                    "**{}**: {}, {}{cite}\n\n{}",
                    t.word, t.group, t.label, t.description
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        return Some((md, range));
    }
    if let Some(element) = crate::vocabulary::lookup_data(word) {
        let categories = element
            .categories
            .iter()
            .map(|c| crate::vocabulary::Term::word(*c))
            .collect::<Vec<_>>()
            .join(", ");
        let kind = if element.is_set {
            "data set"
        } else {
            "data element"
        };
        let mut md = format!(
            "**{}**: P3P base {kind} ({})",
            element.name,
            crate::vocabulary::data_label(&element.name)
        );
        if element.variable {
            md.push_str("\n\nIts categories vary: declare them with `categories ...`.");
        } else if !categories.is_empty() {
            let _ = write!(md, "\n\ncategories: {categories}");
        }
        return Some((md, range));
    }
    let file = doc.ast.as_ref()?;
    let def = names::definitions(file)
        .into_iter()
        .find(|d| d.name == word)?;
    let line = doc.text[def.item.head.start()..def.item.head.end()].trim();
    Some((
        format!(
            "```policy\n{line}\n```\n\ndefined on line {}",
            def.item.head.line
        ),
        range,
    ))
}
