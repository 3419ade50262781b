//! pest pairs → AST. The grammar guarantees the shape; anything unexpected is skipped
//! rather than panicking.

use super::grammar::Rule;
use super::strings;
use crate::ast::{Block, Comment, Entry, File, Item, Spanned, StringValue, Value};
use crate::span::LineIndex;
use pest::iterators::Pair;

/// Builds the file from the `file` pair.
pub fn build(index: &LineIndex<'_>, file: Pair<'_, Rule>) -> File {
    let text = index.text();
    let (items, trailing_comments) = body(index, file.into_inner(), 0);
    File {
        items,
        trailing_comments,
        span: index.span(0, text.len()),
    }
}

/// Items and comments of a file or block body, up to a `close_brace`.
/// Returns the items and the comments left after the last one.
fn body<'i>(
    index: &LineIndex<'_>,
    pairs: impl Iterator<Item = Pair<'i, Rule>>,
    mut prev_end: usize,
) -> (Vec<Item>, Vec<Comment>) {
    let mut items = Vec::new();
    let mut pending: Vec<Comment> = Vec::new();
    for pair in pairs {
        match pair.as_rule() {
            Rule::comment => {
                let start = pair.as_span().start();
                let blank = blank_between(index.text(), prev_end, start);
                let c = comment(index, &pair, blank);
                prev_end = c.span.end;
                pending.push(c);
            }
            Rule::item => {
                let start = pair.as_span().start();
                let blank_direct = blank_between(index.text(), prev_end, start);
                let mut it = item(index, pair);
                it.blank_line_before = blank_direct;
                pending.shrink_to_fit();
                it.leading_comments = std::mem::take(&mut pending);
                prev_end = trim_newline(index.text(), it.span.end);
                items.push(it);
            }
            _ => {}
        }
    }
    items.shrink_to_fit();
    pending.shrink_to_fit();
    (items, pending)
}

fn item(index: &LineIndex<'_>, pair: Pair<'_, Rule>) -> Item {
    let text = index.text();
    let pspan = pair.as_span();
    let mut keyword: Option<Spanned<String>> = None;
    let mut entries: Vec<Entry> = Vec::new();
    let mut block: Option<Box<Block>> = None;
    let mut trailing_comment: Option<Box<Comment>> = None;
    let mut after_comma = false;
    let mut block_comment: Option<Comment> = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::keyword => {
                let s = p.as_span();
                keyword = Some(Spanned {
                    value: p.as_str().to_string(),
                    span: index.span(s.start(), s.end()),
                });
            }
            Rule::entry => {
                if after_comma {
                    let start = p.as_span().start();
                    if let Some(prev) = entries.last_mut() {
                        let gap_from = prev
                            .comments_after
                            .last()
                            .map_or(prev.span.end, |c| c.span.end);
                        if text.get(gap_from..start).is_some_and(|g| g.contains('\n')) {
                            prev.line_break_after = true;
                        }
                    }
                }
                after_comma = false;
                entries.push(entry(index, p));
            }
            Rule::comma => after_comma = true,
            Rule::comment => {
                let c = comment(index, &p, false);
                if after_comma {
                    if let Some(prev) = entries.last_mut() {
                        prev.comments_after.push(c);
                        prev.line_break_after = true;
                    }
                } else {
                    trailing_comment = Some(Box::new(c));
                }
            }
            Rule::block => {
                let (b, close_comment) = block_of(index, p);
                block = Some(Box::new(b));
                block_comment = close_comment;
            }
            _ => {}
        }
    }
    if let Some(c) = block_comment {
        trailing_comment = Some(Box::new(c));
    }
    let keyword = keyword.unwrap_or_else(|| Spanned {
        value: String::new(),
        span: index.span(pspan.start(), pspan.start()),
    });
    // The tree lives through resolve: no spare capacity (a vector grown by
    // pushes holds room for four entries, most items have one).
    entries.shrink_to_fit();
    for e in &mut entries {
        e.comments_after.shrink_to_fit();
    }
    let head_end = entries.last().map_or(keyword.span.end, |e| e.span.end);
    let end = trim_newline(text, pspan.end());
    Item {
        head: index.span(keyword.span.start, head_end),
        keyword,
        entries,
        block,
        leading_comments: Vec::new(),
        trailing_comment,
        blank_line_before: false,
        span: index.span(pspan.start(), end),
    }
}

/// The block, and the comment after its closing `}` (the item's trailing comment).
fn block_of(index: &LineIndex<'_>, pair: Pair<'_, Rule>) -> (Block, Option<Comment>) {
    let text = index.text();
    let mut inner: Vec<Pair<'_, Rule>> = pair.into_inner().collect();
    let start = inner.first().map_or(0, |p| p.as_span().start());
    // The comment after `}`, if any.
    let close_at = inner.iter().rposition(|p| p.as_rule() == Rule::close_brace);
    let close_end = close_at
        .and_then(|i| inner.get(i))
        .map_or(start, |p| p.as_span().end());
    let after: Vec<Pair<'_, Rule>> = close_at.map_or_else(Vec::new, |i| inner.split_off(i + 1));
    let close_comment = after
        .iter()
        .find(|p| p.as_rule() == Rule::comment)
        .map(|p| comment(index, p, false));
    // A comment on the `{` line.
    let mut open_comment = None;
    let mut body_pairs = inner.into_iter().skip(1).peekable();
    let mut prev_end = start + 1;
    if let Some(p) = body_pairs.peek() {
        if p.as_rule() == Rule::comment
            && !text
                .get(start..p.as_span().start())
                .is_some_and(|g| g.contains('\n'))
        {
            let c = comment(index, p, false);
            prev_end = c.span.end;
            open_comment = Some(c);
            body_pairs.next();
        }
    }
    let (items, trailing_comments) = body(index, body_pairs, prev_end);
    (
        Block {
            items,
            open_comment,
            trailing_comments,
            span: index.span(start, close_end),
        },
        close_comment,
    )
}

fn entry(index: &LineIndex<'_>, pair: Pair<'_, Rule>) -> Entry {
    let s = pair.as_span();
    let inner = pair.into_inner();
    let mut values = Vec::with_capacity(inner.len());
    for p in inner {
        let ps = p.as_span();
        let span = index.span(ps.start(), ps.end());
        match p.as_rule() {
            Rule::word => values.push(Value::Word(Spanned {
                value: p.as_str().to_string(),
                span,
            })),
            Rule::string => {
                // `string` is atomic: its text less the two quotes.
                let quoted = p.as_str();
                let raw = quoted
                    .strip_prefix('"')
                    .and_then(|q| q.strip_suffix('"'))
                    .unwrap_or(quoted);
                values.push(Value::String(StringValue {
                    value: strings::decode(raw),
                    raw: raw.to_string(),
                    span,
                }));
            }
            _ => {}
        }
    }
    Entry {
        values,
        comments_after: Vec::new(),
        line_break_after: false,
        span: index.span(s.start(), s.end()),
    }
}

fn comment(index: &LineIndex<'_>, pair: &Pair<'_, Rule>, blank_line_before: bool) -> Comment {
    let s = pair.as_span();
    let text = pair.as_str();
    let body = text.strip_prefix('#').unwrap_or(text).trim_end();
    Comment {
        text: body.to_string(),
        span: index.span(s.start(), s.start() + 1 + body.len()),
        blank_line_before,
    }
}

/// Whether a blank line lies between `from` and `to`.
fn blank_between(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|g| g.bytes().filter(|b| *b == b'\n').count() >= 2)
}

/// `end` moved back over a final line break.
fn trim_newline(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut e = end;
    while e > 0 && matches!(bytes.get(e - 1), Some(b'\n' | b'\r')) {
        e -= 1;
    }
    e
}
