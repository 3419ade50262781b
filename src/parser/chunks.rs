//! Parsing a large file in pieces, so that pest's token queue (some twenty
//! bytes per byte of input) and line table are held for one piece at a time,
//! and each piece's pairs are turned into the tree and dropped before the next.
//!
//! A piece is a run of whole lines of one body (rule `chunk`), or the opening
//! or closing line(s) of an item whose block is too large for one piece (rules
//! `item_open`, `item_close`): the pieces of such an item's body are planned
//! the same way, inside it. Pieces end at line starts outside strings, blocks
//! and list continuations, found by a scan like the pre-pass's.
//!
//! Why the pieces' trees are the whole file's: each piece starts where the
//! derivation of `file` starts an element of a body (or the item's opening or
//! closing line), and the derivation of an element never looks past the line
//! break that ends it. So when every piece parses, the pieces' derivations,
//! end to end, are the derivation of `file`, and the builders (`tree.rs`) are
//! fed the same pairs in the same order. When a piece does not parse (a syntax
//! error, or a piece that cut something the scan did not foresee), the caller
//! parses the whole file with `file`, which reports the error as always.

use super::grammar::{PolicyParser, Rule};
use super::tree::{self, At, BodyBuilder, ItemBuilder};
use super::Sink;
use crate::ast::File;
use crate::span::LineIndex;
use std::ops::Range;

/// The bytes of source parsed at a time, about (a piece ends at the first
/// line start it can after this many bytes). pest holds some 20 bytes per
/// byte of a piece while parsing it.
pub const PIECE_SIZE: usize = 32 * 1024;

/// One piece of the file, parsed on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Whole lines of a body.
    Body(Range<usize>),
    /// An item's first line(s), up to the line break after its block's `{`.
    Open(Range<usize>),
    /// The line of that block's `}`.
    Close(Range<usize>),
}

/// The pieces of `text`, given its blocks of at least `size` bytes
/// ([`prescan::Scan::big_blocks`](super::prescan::Scan)).
pub fn plan(text: &str, big_blocks: &[(usize, usize)], size: usize) -> Vec<Piece> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut out = Vec::new();
    plan_body(text, start..text.len(), big_blocks, size.max(1), &mut out);
    out
}

/// The pieces of the body `range`, whose large blocks are `bigs`.
fn plan_body(
    text: &str,
    range: Range<usize>,
    bigs: &[(usize, usize)],
    size: usize,
    out: &mut Vec<Piece>,
) {
    let mut cur = range.start;
    let mut i = 0;
    while let Some(&(open, close)) = bigs.get(i) {
        // The blocks inside this one follow it.
        let next = i + 1 + bigs[i + 1..].partition_point(|b| b.0 < close);
        let open_line = line_start(text, open).max(range.start);
        let open_end = line_after(text, open);
        let close_line = line_start(text, close);
        let close_end = line_after(text, close);
        if cur <= open_line && open_end <= close_line {
            let (splits, item_start) = scan_region(text, cur, open_line, size);
            push_bodies(out, cur..item_start, &splits);
            out.push(Piece::Open(item_start..open_end));
            plan_body(text, open_end..close_line, &bigs[i + 1..next], size, out);
            out.push(Piece::Close(close_line..close_end));
            cur = close_end;
        }
        i = next;
    }
    let (splits, _) = scan_region(text, cur, range.end, size);
    push_bodies(out, cur..range.end, &splits);
}

/// `range` cut at `splits`, as body pieces.
fn push_bodies(out: &mut Vec<Piece>, range: Range<usize>, splits: &[usize]) {
    let mut from = range.start;
    for &s in splits {
        if from < s && s < range.end {
            out.push(Piece::Body(from..s));
            from = s;
        }
    }
    if from < range.end {
        out.push(Piece::Body(from..range.end));
    }
}

/// Scans `from..to`, which starts an element of a body: where to cut it into
/// pieces of about `size` bytes, and the last line start (`to` included) where
/// an element of the body may start (outside strings, blocks and list
/// continuations).
fn scan_region(text: &str, from: usize, to: usize, size: usize) -> (Vec<usize>, usize) {
    let bytes = text.as_bytes();
    let mut splits = Vec::new();
    let mut last = from;
    let mut piece_start = from;
    let mut depth = 0usize;
    // The last byte outside comments, strings and blanks (a `,` ending a line
    // continues the list on the next line, over blank and comment lines).
    let mut last_sig = 0u8;
    let mut i = from;
    while i < to {
        match bytes[i] {
            b'\n' => {
                i += 1;
                if depth == 0 && last_sig != b',' {
                    last = i;
                    if i - piece_start >= size && i < to {
                        splits.push(i);
                        piece_start = i;
                    }
                }
                continue;
            }
            b'#' => {
                i += bytes[i..to]
                    .iter()
                    .position(|b| *b == b'\n')
                    .unwrap_or(to - i);
                continue;
            }
            b'"' => {
                i += 1;
                while i < to && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last_sig = b'"';
            }
            b'{' => {
                depth += 1;
                last_sig = b'{';
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                last_sig = b'}';
            }
            b' ' | b'\t' | b'\r' => {}
            b => last_sig = b,
        }
        i += 1;
    }
    (splits, last)
}

/// The start of the line holding `pos`.
fn line_start(text: &str, pos: usize) -> usize {
    text.as_bytes()[..pos]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1)
}

/// The start of the line after the one holding `pos` (or the end of the text).
fn line_after(text: &str, pos: usize) -> usize {
    text.as_bytes()[pos..]
        .iter()
        .position(|b| *b == b'\n')
        .map_or(text.len(), |i| pos + i + 1)
}

/// The tree of the file, parsed piece by piece; `None` when a piece does not
/// parse (then the whole file must be parsed to report why).
pub fn build(index: &LineIndex<'_>, pieces: &[Piece]) -> Option<File> {
    let top = feed(index, pieces, None)?;
    Some(tree::finish_file(index, top))
}

/// The file parsed piece by piece, each top-level item given to `sink` as it
/// is complete, and the items directly in the block of a top-level item the
/// sink streams ([`Sink::open`]) each given as it is complete: the tree is
/// never whole. `None` when a piece does not parse (then what was given to
/// the sink is to be discarded, and the whole file parsed).
pub fn stream(index: &LineIndex<'_>, pieces: &[Piece], sink: &mut dyn Sink) -> Option<()> {
    feed(index, pieces, Some(sink)).map(drop)
}

/// Parses the pieces into the tree's top-level body; with a sink, the items
/// are handed to it after each piece instead (see [`stream`]).
fn feed(
    index: &LineIndex<'_>,
    pieces: &[Piece],
    mut sink: Option<&mut dyn Sink>,
) -> Option<BodyBuilder> {
    use pest::Parser as _;
    let text = index.text();
    let mut top = BodyBuilder::new(0);
    // The items whose block is open, with where each starts.
    let mut open: Vec<(ItemBuilder, usize)> = Vec::new();
    // Whether the sink takes the items of the outermost open block.
    let mut streaming = false;
    for piece in pieces {
        let (rule, range) = match piece {
            Piece::Body(r) => (Rule::chunk, r),
            Piece::Open(r) => (Rule::item_open, r),
            Piece::Close(r) => (Rule::item_close, r),
        };
        let at = At {
            index,
            off: range.start,
        };
        let pair = PolicyParser::parse(rule, text.get(range.clone())?)
            .ok()?
            .next()?;
        match piece {
            Piece::Body(_) => match open.last_mut() {
                Some((item, _)) => pair.into_inner().for_each(|p| item.feed(at, p)),
                None => pair.into_inner().for_each(|p| top.pair(at, p)),
            },
            Piece::Open(_) => {
                let mut item = ItemBuilder::new();
                let mut start = None;
                for p in pair.into_inner() {
                    if p.as_rule() == Rule::keyword {
                        start = Some(at.start(&p));
                    }
                    item.feed(at, p);
                }
                let start = start?;
                if open.is_empty() {
                    if let Some(sink) = sink.as_deref_mut() {
                        streaming = sink.open(&item.head(index, start));
                    }
                }
                open.push((item, start));
            }
            Piece::Close(r) => {
                let (mut item, start) = open.pop()?;
                pair.into_inner().for_each(|p| item.feed(at, p));
                if open.is_empty() && streaming {
                    streaming = false;
                    if let Some(sink) = sink.as_deref_mut() {
                        sink.close();
                    }
                    continue;
                }
                let item = item.finish(index, start, r.end);
                match open.last_mut() {
                    Some((parent, _)) => parent.push_item(text, item)?,
                    None => top.push_item(text, item),
                }
            }
        }
        if let Some(sink) = sink.as_deref_mut() {
            for item in top.take_items() {
                sink.item(&item);
            }
            if streaming {
                if let Some((item, _)) = open.first_mut() {
                    for child in item.take_items() {
                        sink.child(&child);
                    }
                }
            }
        }
    }
    open.is_empty().then_some(top)
}
