//! An open document: its text, its syntax tree (when it parses) and the
//! engine's findings, recomputed on every change.

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::engine;
use crate::span::{LineIndex, SourceFile};

pub struct Document {
    pub text: String,
    /// The syntax tree, when the text is in the policy language and parses.
    pub ast: Option<ast::File>,
    /// Every finding of `check` on the text.
    pub diagnostics: Vec<Diagnostic>,
    pub version: i32,
}

impl Document {
    /// Compiles `text` as the file at `path` (its extension picks the form).
    pub fn new(path: &str, text: String, version: i32) -> Self {
        let source = SourceFile::new(path, text.as_str());
        let compilation = engine::compile(&source);
        let ast = match engine::SourceFormat::of(path) {
            engine::SourceFormat::Policy => {
                crate::parser::parse_with_findings(&LineIndex::new(&source.path, &source.text)).0
            }
            engine::SourceFormat::Yaml => None,
        };
        Self {
            text,
            ast,
            diagnostics: compilation.diagnostics,
            version,
        }
    }

    /// The narrowest finding whose span holds byte `at`.
    pub fn diagnostic_at(&self, at: usize) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| {
                d.span
                    .as_ref()
                    .is_some_and(|s| s.start() <= at && at < s.end().max(s.start() + 1))
            })
            .min_by_key(|d| d.span.as_ref().map_or(usize::MAX, |s| s.end() - s.start()))
    }
}
