//! Completion: the keywords the enclosing block takes (at the start of a line),
//! otherwise vocabulary terms, base data elements and names defined in the file.

use super::document::Document;
use super::{keywords, names, terms, text};
use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

/// The completions at byte `at` of `doc`.
pub fn complete(doc: &Document, at: usize) -> Vec<CompletionItem> {
    let (prefix, start) = text::prefix_at(&doc.text, at);
    let line_start = doc.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let at_line_start = doc.text[line_start..start].trim().is_empty();
    let mut out = Vec::new();
    if at_line_start {
        let path = keywords::open_blocks(&doc.text, start);
        let block = path
            .last()
            .and_then(|h| h.split_whitespace().next())
            .unwrap_or("")
            .to_string();
        for k in keywords::allowed(&path) {
            if !k.starts_with(prefix) {
                continue;
            }
            let doc = keywords::docs(&k, &block).into_iter().next();
            out.push(CompletionItem {
                label: k.clone(),
                kind: Some(CompletionItemKind::KEYWORD),
                detail: doc.as_ref().map(|d| d.syntax.clone()),
                documentation: doc
                    .filter(|d| !d.notes.is_empty())
                    .map(|d| markdown(d.notes)),
                ..CompletionItem::default()
            });
        }
        return out;
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(file) = &doc.ast {
        for d in names::definitions(file) {
            if d.name.starts_with(prefix) && seen.insert(d.name.to_string()) {
                out.push(CompletionItem {
                    label: d.name.to_string(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(format!("{} {}", d.keyword, d.name)),
                    ..CompletionItem::default()
                });
            }
        }
    }
    for t in terms::all() {
        if t.word.starts_with(prefix) && seen.insert(t.word.to_string()) {
            out.push(CompletionItem {
                label: t.word.to_string(),
                kind: Some(CompletionItemKind::ENUM_MEMBER),
                detail: Some(format!("{}: {}", t.group, t.label)),
                documentation: Some(markdown(t.description.to_string())),
                ..CompletionItem::default()
            });
        }
    }
    // Data elements once something is typed (there are hundreds).
    if !prefix.is_empty() {
        let mut data: Vec<&str> = crate::vocabulary::data_names().collect();
        data.sort_unstable();
        for name in data {
            if name.starts_with(prefix) && seen.insert(name.to_string()) {
                out.push(CompletionItem {
                    label: name.to_string(),
                    kind: Some(CompletionItemKind::FIELD),
                    detail: Some(crate::vocabulary::data_label(name)),
                    ..CompletionItem::default()
                });
            }
        }
    }
    out
}

fn markdown(value: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}
