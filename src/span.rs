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

/// Line starts of one source text, so that spans get their line and column in
/// time proportional to the line's length at most (not the file's), once per span.
#[derive(Debug)]
pub struct LineIndex<'t> {
    file: Arc<str>,
    text: &'t str,
    /// Byte offset of the start of every line.
    starts: Vec<usize>,
    /// Whether each line is pure ASCII (then column = byte distance + 1).
    ascii: Vec<bool>,
    /// Last column computed on a non-ASCII line: (line index, byte offset, column),
    /// so spans created left to right on one long line cost linear time in total.
    cursor: std::cell::Cell<(usize, usize, usize)>,
    /// The line of the last position asked: the parser asks in file order, so
    /// the next position is nearly always on it or the line after (no search).
    last_line: std::cell::Cell<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(file: &Arc<str>, text: &'t str) -> Self {
        let mut starts = vec![0];
        let mut ascii = Vec::new();
        let mut line_ascii = true;
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                ascii.push(line_ascii);
                line_ascii = true;
                starts.push(i + 1);
            } else if !b.is_ascii() {
                line_ascii = false;
            }
        }
        ascii.push(line_ascii);
        Self {
            file: Arc::clone(file),
            text,
            starts,
            ascii,
            cursor: std::cell::Cell::new((usize::MAX, 0, 0)),
            last_line: std::cell::Cell::new(0),
        }
    }

    /// The file path spans carry.
    pub fn file(&self) -> &Arc<str> {
        &self.file
    }

    /// The source text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// 1-based line and column (in characters) of byte offset `pos`.
    pub fn line_col(&self, pos: usize) -> (u32, u32) {
        let pos = pos.min(self.text.len());
        let line = self.line_of(pos);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col = if self.ascii.get(line).copied().unwrap_or(true) {
            pos - start
        } else {
            let (c_line, c_pos, c_col) = self.cursor.get();
            let (from, base) = if c_line == line && c_pos <= pos {
                (c_pos, c_col)
            } else {
                (start, 0)
            };
            let col = base + self.text.get(from..pos).map_or(0, |s| s.chars().count());
            self.cursor.set((line, pos, col));
            col
        };
        (
            u32::try_from(line + 1).unwrap_or(u32::MAX),
            u32::try_from(col + 1).unwrap_or(u32::MAX),
        )
    }

    /// The 0-based line holding byte offset `pos`.
    fn line_of(&self, pos: usize) -> usize {
        let on = |line: usize| {
            self.starts.get(line).is_some_and(|s| *s <= pos)
                && self.starts.get(line + 1).is_none_or(|s| pos < *s)
        };
        let last = self.last_line.get();
        let line = if on(last) {
            last
        } else if on(last + 1) {
            last + 1
        } else {
            self.starts.partition_point(|s| *s <= pos).saturating_sub(1)
        };
        self.last_line.set(line);
        line
    }

    /// The span of `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        let (line, col) = self.line_col(start);
        Span {
            file: Arc::clone(&self.file),
            start,
            end,
            line,
            col,
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

#[cfg(test)]
mod tests {
    use super::{LineIndex, Span};
    use std::sync::Arc;

    #[test]
    fn line_index_agrees_with_the_naive_computation() {
        let file: Arc<str> = Arc::from("f.policy");
        let text = "ab\ncafé x\n\n日本語 y\r\nlast";
        let index = LineIndex::new(&file, text);
        // Forward, backward and repeated positions, on ASCII and non-ASCII lines.
        let mut positions: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        let backward: Vec<usize> = positions.iter().rev().copied().collect();
        positions.extend(backward);
        for pos in positions {
            let fast = index.span(pos, pos);
            let slow = Span::new(&file, text, pos, pos);
            assert_eq!((fast.line, fast.col), (slow.line, slow.col), "at {pos}");
        }
    }

    #[test]
    fn columns_count_characters() {
        let file: Arc<str> = Arc::from("f.policy");
        let text = "é日x";
        let index = LineIndex::new(&file, text);
        assert_eq!(index.line_col(text.len() - 1), (1, 3));
    }
}
