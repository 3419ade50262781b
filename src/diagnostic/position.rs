//! End positions of spans, for renderers whose signature carries no source text
//! (SARIF, GitHub): the file a span names is read once and the line and column of
//! the span's end computed. When the file cannot be read (standard input, a file
//! changed since), no end is given; the start alone still locates the finding.

use crate::span::Span;
use std::collections::BTreeMap;

#[derive(Default)]
pub struct EndFinder {
    texts: BTreeMap<String, Option<String>>,
}

impl EndFinder {
    /// The 1-based line and column (in characters) of the position just after
    /// `span` (SARIF's exclusive end); `None` for an empty span or an unreadable file.
    pub fn end(&mut self, span: &Span) -> Option<(u32, u32)> {
        if span.end <= span.start {
            return None;
        }
        let text = self
            .texts
            .entry(span.path().to_string())
            .or_insert_with(|| std::fs::read_to_string(&*span.path()).ok())
            .as_deref()?;
        let before = text.get(..span.end())?;
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before.get(line_start..)?.chars().count() + 1;
        Some((u32::try_from(line).ok()?, u32::try_from(col).ok()?))
    }
}
