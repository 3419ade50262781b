//! Renderers for diagnostics. (Placeholder text renderer; the annotate-snippets
//! renderer replaces it.)

use super::Diagnostic;
use crate::span::SourceFile;

/// Renders findings for a terminal, rustc style.
pub fn render_human(diagnostics: &[Diagnostic], _sources: &[SourceFile], _color: bool) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let sev = format!("{:?}", d.severity).to_lowercase();
        out.push_str(&format!("{sev}[{}]: {}\n", d.code, d.message));
        if let Some(s) = &d.span {
            out.push_str(&format!("  --> {}:{}:{}\n", s.file, s.line, s.col));
        }
    }
    out
}

/// Renders findings as a JSON array.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".to_string())
}
