//! Document symbols: the policies and what they define, as an outline.

use super::document::Document;
use super::text;
use crate::ast::Item;
use lsp_types::{DocumentSymbol, SymbolKind};

/// The outline of `doc`: each policy and the items of its block.
pub fn symbols(doc: &Document) -> Vec<DocumentSymbol> {
    let Some(file) = &doc.ast else {
        return Vec::new();
    };
    file.items.iter().map(|p| symbol(doc, p, true)).collect()
}

#[allow(deprecated)] // `deprecated` is a required field of the LSP type
fn symbol(doc: &Document, item: &Item, children: bool) -> DocumentSymbol {
    let name = item.values().next().map_or_else(
        || item.key().to_string(),
        |v| format!("{} {}", item.key(), v.text()),
    );
    let kind = match item.key() {
        "policy" => SymbolKind::MODULE,
        "collect" | "share" | "cookie" => SymbolKind::FUNCTION,
        "data" | "subject" | "recipient" => SymbolKind::STRUCT,
        "promise" => SymbolKind::INTERFACE,
        _ => SymbolKind::PROPERTY,
    };
    let kids: Vec<DocumentSymbol> = if children {
        item.block
            .iter()
            .flat_map(|b| b.items.iter())
            .map(|i| symbol(doc, i, false))
            .collect()
    } else {
        Vec::new()
    };
    DocumentSymbol {
        name: truncate(&name),
        detail: None,
        kind,
        tags: None,
        deprecated: None,
        range: text::range(&doc.text, item.span.start(), item.span.end()),
        selection_range: text::range(&doc.text, item.head.start(), item.head.end()),
        children: (!kids.is_empty()).then_some(kids),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}...")
    } else {
        s.to_string()
    }
}
