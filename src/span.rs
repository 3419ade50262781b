//! Source locations. Every AST node and every located model value carries one.
//!
//! A [`Span`] is 20 bytes and `Copy`: the file is a [`FileId`] (an index into
//! the process's table of file paths) and offsets are `u32` (inputs are capped
//! below 4 GiB by [`crate::engine::set_max_input_bytes`]). A large policy holds
//! several spans per line in its tree and one per located model value, so their
//! size counts once per line of input.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// A file path, interned: spans carry this 4-byte id instead of the path.
/// Two ids are equal exactly when their paths are. (Not ordered: ids follow
/// the order paths were first seen; compare [`FileId::path`] to sort by path.)
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(u32);

/// The paths every [`FileId`] stands for (a process sees few distinct files).
#[derive(Default)]
struct Files {
    paths: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
}

static FILES: Mutex<Option<Files>> = Mutex::new(None);

impl FileId {
    /// The id of `path`, the same for every call with the same path.
    pub fn of(path: &str) -> Self {
        let mut guard = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let files = guard.get_or_insert_with(Files::default);
        if let Some(id) = files.ids.get(path) {
            return Self(*id);
        }
        // More than 4 billion distinct paths cannot be held in memory anyway;
        // saturate rather than wrap.
        let id = u32::try_from(files.paths.len()).unwrap_or(u32::MAX);
        let path: Arc<str> = Arc::from(path);
        files.paths.push(Arc::clone(&path));
        files.ids.insert(path, id);
        Self(id)
    }

    /// The path this id stands for.
    pub fn path(self) -> Arc<str> {
        let guard = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        guard
            .as_ref()
            .and_then(|f| f.paths.get(self.0 as usize).cloned())
            .unwrap_or_else(|| Arc::from(""))
    }
}

impl std::fmt::Debug for FileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.path(), f)
    }
}

impl std::fmt::Display for FileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path())
    }
}

impl Serialize for FileId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.path())
    }
}

impl<'de> Deserialize<'de> for FileId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let path = String::deserialize(d)?;
        Ok(Self::of(&path))
    }
}

/// An offset or count as stored in a span (saturating: inputs are capped below 4 GiB).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A byte range in one source file, with the 1-based line and column of its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The file, as given on the command line.
    pub file: FileId,
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, counted in characters.
    pub col: u32,
}

impl Span {
    /// The span of `start..end` in `text`, computing line and column.
    pub fn new(file: &str, text: &str, start: usize, end: usize) -> Self {
        let start = start.min(text.len());
        let end = end.clamp(start, text.len());
        let before = text.get(..start).unwrap_or("");
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1;
        Self {
            file: FileId::of(file),
            start: narrow(start),
            end: narrow(end),
            line: narrow(line),
            col: narrow(col),
        }
    }

    /// A zero-width span at the start of a file, for findings about a whole file.
    pub fn file_start(file: &str) -> Self {
        Self {
            file: FileId::of(file),
            start: 0,
            end: 0,
            line: 1,
            col: 1,
        }
    }

    /// The path of the span's file.
    pub fn path(&self) -> Arc<str> {
        self.file.path()
    }

    /// The byte range, for slicing the source text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The first byte's offset.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The offset one past the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// Line starts of one source text, so that spans get their line and column in
/// time proportional to the line's length at most (not the file's), once per span.
#[derive(Debug)]
pub struct LineIndex<'t> {
    file: Arc<str>,
    id: FileId,
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
            id: FileId::of(file),
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
            file: self.id,
            start: narrow(start),
            end: narrow(end),
            line,
            col,
        }
    }
}

/// Where a model value came from. Locations are not part of a policy's meaning:
/// two origins always compare equal, so models compare by meaning alone, and
/// origins are never serialized.
#[derive(Clone, Copy, Debug, Default)]
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
    /// `path`, interned: what the spans into this file carry.
    id: FileId,
}

impl SourceFile {
    /// The id the spans into this file carry.
    pub fn id(&self) -> FileId {
        self.id
    }

    pub fn new(path: impl Into<Arc<str>>, text: impl Into<String>) -> Self {
        let path = path.into();
        Self {
            id: FileId::of(&path),
            path,
            text: text.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{FileId, LineIndex, Span};
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
    fn file_ids_stand_for_their_paths() {
        let a = FileId::of("a/one.policy");
        let b = FileId::of("b/two.policy");
        assert_ne!(a, b);
        assert_eq!(a, FileId::of("a/one.policy"));
        assert_eq!(&*a.path(), "a/one.policy");
        assert_eq!(format!("{a:?} {b}"), "\"a/one.policy\" b/two.policy");
        let span = Span::new("a/one.policy", "ab\ncd", 3, 5);
        let json = serde_json::to_string(&span).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"file":"a/one.policy","start":3,"end":5,"line":2,"col":1}"#
        );
        let back: Span = serde_json::from_str(&json).unwrap_or_else(|_| Span::file_start(""));
        assert_eq!(back, span);
    }

    #[test]
    fn a_span_is_small() {
        // Several spans per line of a large policy live through resolve.
        assert_eq!(std::mem::size_of::<Span>(), 20);
        assert_eq!(std::mem::size_of::<super::Origin>(), 24);
    }

    #[test]
    fn columns_count_characters() {
        let file: Arc<str> = Arc::from("f.policy");
        let text = "é日x";
        let index = LineIndex::new(&file, text);
        assert_eq!(index.line_col(text.len() - 1), (1, 3));
    }
}
