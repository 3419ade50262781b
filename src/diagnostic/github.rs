//! GitHub Actions workflow commands (`::error file=...,line=...::message`) (under construction).

use super::Diagnostic;

/// Renders findings as GitHub Actions workflow commands, one per line.
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let _ = diagnostics;
    String::new()
}
