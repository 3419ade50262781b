//! Source locations. Every AST node and every located model value carries one.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A byte range in one source file, with the 1-based line and column of its start.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The file's path as given on the command line.
    pub file: Arc<str>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, counted in characters.
    pub col: u32,
}

impl Span {
    /// The span of `start..end` in `text`, computing line and column.
    pub fn new(file: &Arc<str>, text: &str, start: usize, end: usize) -> Self {
        let start = start.min(text.len());
        let end = end.clamp(start, text.len());
        let before = text.get(..start).unwrap_or("");
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
        Self {
            file: Arc::clone(file),
            start,
            end,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }

    /// A zero-width span at the start of a file, for findings about a whole file.
    pub fn file_start(file: &Arc<str>) -> Self {
        Self {
            file: Arc::clone(file),
            start: 0,
            end: 0,
            line: 1,
            col: 1,
        }
    }
}

/// Where a model value came from. Locations are not part of a policy's meaning:
/// two origins always compare equal, so models compare by meaning alone, and
/// origins are never serialized.
#[derive(Clone, Debug, Default)]
pub struct Origin(pub Option<Span>);

impl Origin {
    pub fn new(span: Span) -> Self {
        Self(Some(span))
    }
    pub fn span(&self) -> Option<&Span> {
        self.0.as_ref()
    }
}

impl PartialEq for Origin {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for Origin {}

impl std::hash::Hash for Origin {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

/// A source file loaded into memory.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: Arc<str>,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: impl Into<Arc<str>>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
        }
    }
}
