//! pest pairs → AST. The grammar guarantees the shape; anything unexpected is skipped
//! rather than panicking.
//!
//! The builders are fed pairs one at a time, so a file parsed in pieces
//! (`chunks.rs`) is built by the same code, in the same order, as a file parsed
//! whole: comments are attached across piece boundaries exactly as within one.

use super::grammar::Rule;
use super::strings;
use crate::ast::{Block, Comment, Entry, File, Item, Spanned, StringValue, Value};
use crate::span::{LineIndex, Span};
use pest::iterators::Pair;

/// Where the pairs of one parsed piece lie: pest's offsets are relative to the
/// piece, which starts at byte `off` of the file.
#[derive(Clone, Copy)]
pub struct At<'a, 't> {
    pub index: &'a LineIndex<'t>,
    pub off: usize,
}

impl<'t> At<'_, 't> {
    fn text(&self) -> &'t str {
        self.index.text()
    }
    pub fn start(&self, p: &Pair<'_, Rule>) -> usize {
        self.off + p.as_span().start()
    }
    fn end(&self, p: &Pair<'_, Rule>) -> usize {
        self.off + p.as_span().end()
    }
    fn span(&self, start: usize, end: usize) -> Span {
        self.index.span(start, end)
    }
    fn span_of(&self, p: &Pair<'_, Rule>) -> Span {
        self.span(self.start(p), self.end(p))
    }
}

/// Builds the file from the `file` pair.
pub fn build(index: &LineIndex<'_>, file: Pair<'_, Rule>) -> File {
    let at = At { index, off: 0 };
    let mut body = BodyBuilder::new(0);
    for p in file.into_inner() {
        body.pair(at, p);
    }
    finish_file(index, body)
}

/// The file whose top-level body is `body`.
pub fn finish_file(index: &LineIndex<'_>, body: BodyBuilder) -> File {
    let (items, trailing_comments) = body.finish();
    File {
        items,
        trailing_comments,
        span: index.span(0, index.text().len()),
    }
}

/// Items and comments of a file or block body, up to a `close_brace`: the
/// items, and the comments left after the last one.
pub struct BodyBuilder {
    items: Vec<Item>,
    pending: Vec<Comment>,
    /// Where what was last seen ends (for blank lines before the next one).
    prev_end: usize,
}

impl BodyBuilder {
    pub fn new(prev_end: usize) -> Self {
        Self {
            items: Vec::new(),
            pending: Vec::new(),
            prev_end,
        }
    }

    /// One pair of the body: an item or a whole-line comment (others are skipped).
    pub fn pair(&mut self, at: At<'_, '_>, pair: Pair<'_, Rule>) {
        match pair.as_rule() {
            Rule::comment => {
                let start = at.start(&pair);
                let blank = blank_between(at.text(), self.prev_end, start);
                let c = comment(at, &pair, blank);
                self.prev_end = c.span.end();
                self.pending.push(c);
            }
            Rule::item => {
                let (start, end) = (at.start(&pair), at.end(&pair));
                let mut it = ItemBuilder::new();
                for p in pair.into_inner() {
                    it.feed(at, p);
                }
                let item = it.finish(at.index, start, end);
                self.push_item(at.text(), item);
            }
            _ => {}
        }
    }

    /// An item of the body, built elsewhere; `item.span.start()` is where it starts.
    pub fn push_item(&mut self, text: &str, mut it: Item) {
        it.blank_line_before = blank_between(text, self.prev_end, it.span.start());
        self.pending.shrink_to_fit();
        it.leading_comments = std::mem::take(&mut self.pending);
        self.prev_end = trim_newline(text, it.span.end());
        self.items.push(it);
    }

    /// The items completed so far, taken out of the body (a streamed body's
    /// items go elsewhere; comments and blank lines are still attached to
    /// the items that follow as before).
    pub fn take_items(&mut self) -> Vec<Item> {
        std::mem::take(&mut self.items)
    }

    pub fn finish(mut self) -> (Vec<Item>, Vec<Comment>) {
        self.items.shrink_to_fit();
        self.pending.shrink_to_fit();
        (self.items, self.pending)
    }
}

/// One item, fed the inner pairs of its `item` pair (or of the pieces of an
/// item parsed in pieces: `item_open`, the body's pairs, `item_close`).
pub struct ItemBuilder {
    keyword: Option<Spanned<String>>,
    entries: Vec<Entry>,
    trailing_comment: Option<Box<Comment>>,
    after_comma: bool,
    /// From the item's `{` on.
    block: Option<BlockBuilder>,
}

impl ItemBuilder {
    pub fn new() -> Self {
        Self {
            keyword: None,
            entries: Vec::new(),
            trailing_comment: None,
            after_comma: false,
            block: None,
        }
    }

    pub fn feed(&mut self, at: At<'_, '_>, p: Pair<'_, Rule>) {
        if let Some(block) = &mut self.block {
            block.feed(at, p);
            return;
        }
        match p.as_rule() {
            Rule::keyword => {
                self.keyword = Some(Spanned {
                    value: p.as_str().to_string(),
                    span: at.span_of(&p),
                });
            }
            Rule::entry => {
                if self.after_comma {
                    let start = at.start(&p);
                    if let Some(prev) = self.entries.last_mut() {
                        let gap_from = prev
                            .comments_after
                            .last()
                            .map_or(prev.span.end(), |c| c.span.end());
                        if at
                            .text()
                            .get(gap_from..start)
                            .is_some_and(|g| g.contains('\n'))
                        {
                            prev.line_break_after = true;
                        }
                    }
                }
                self.after_comma = false;
                self.entries.push(entry(at, p));
            }
            Rule::comma => self.after_comma = true,
            Rule::comment => {
                let c = comment(at, &p, false);
                if self.after_comma {
                    if let Some(prev) = self.entries.last_mut() {
                        prev.comments_after.push(c);
                        prev.line_break_after = true;
                    }
                } else {
                    self.trailing_comment = Some(Box::new(c));
                }
            }
            Rule::block => {
                for inner in p.into_inner() {
                    self.feed(at, inner);
                }
            }
            Rule::open_brace => {
                let start = at.start(&p);
                self.block = Some(BlockBuilder {
                    start,
                    phase: Phase::AfterOpen,
                    open_comment: None,
                    body: BodyBuilder::new(start + 1),
                    close_end: None,
                    close_comment: None,
                });
            }
            _ => {}
        }
    }

    /// Adds an item, built elsewhere, to the body of the item's block (when
    /// the block is open).
    pub fn push_item(&mut self, text: &str, item: Item) -> Option<()> {
        let block = self.block.as_mut().filter(|b| b.phase == Phase::Body)?;
        block.body.push_item(text, item);
        Some(())
    }

    /// The items completed so far in the item's open block, taken out of it.
    pub fn take_items(&mut self) -> Vec<Item> {
        self.block
            .as_mut()
            .map(|b| b.body.take_items())
            .unwrap_or_default()
    }

    /// The item as far as its block's `{`, which starts at `start`: keyword,
    /// values and comments so far, and a block without items yet (for an
    /// item whose block's items are given one at a time).
    pub fn head(&self, index: &LineIndex<'_>, start: usize) -> Item {
        let keyword = self.keyword.clone().unwrap_or_else(|| Spanned {
            value: String::new(),
            span: index.span(start, start),
        });
        let head_end = self
            .entries
            .last()
            .map_or(keyword.span.end(), |e| e.span.end());
        let block = self.block.as_ref().map(|b| {
            Box::new(Block {
                items: Vec::new(),
                open_comment: b.open_comment.clone(),
                trailing_comments: Vec::new(),
                span: index.span(b.start, b.start + 1),
            })
        });
        let end = block.as_ref().map_or(head_end, |b| b.span.end());
        Item {
            head: index.span(keyword.span.start(), head_end),
            keyword,
            entries: self.entries.clone(),
            block,
            leading_comments: Vec::new(),
            trailing_comment: self.trailing_comment.clone(),
            blank_line_before: false,
            span: index.span(start, end),
        }
    }

    /// The item, which spans `start..end` (its line break included or not).
    pub fn finish(self, index: &LineIndex<'_>, start: usize, end: usize) -> Item {
        let text = index.text();
        let mut trailing_comment = self.trailing_comment;
        let block = self.block.map(|b| {
            let (block, close_comment) = b.finish(index);
            if let Some(c) = close_comment {
                trailing_comment = Some(Box::new(c));
            }
            Box::new(block)
        });
        let keyword = self.keyword.unwrap_or_else(|| Spanned {
            value: String::new(),
            span: index.span(start, start),
        });
        // The tree lives through resolve: no spare capacity (a vector grown by
        // pushes holds room for four entries, most items have one).
        let mut entries = self.entries;
        entries.shrink_to_fit();
        for e in &mut entries {
            e.comments_after.shrink_to_fit();
        }
        let head_end = entries.last().map_or(keyword.span.end(), |e| e.span.end());
        let end = trim_newline(text, end);
        Item {
            head: index.span(keyword.span.start(), head_end),
            keyword,
            entries,
            block,
            leading_comments: Vec::new(),
            trailing_comment,
            blank_line_before: false,
            span: index.span(start, end),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Right after the `{`: a comment here is on its line.
    AfterOpen,
    Body,
    /// After the `}`: a comment here ends the item's last line.
    AfterClose,
}

/// A block, fed the pairs from its `{` (excluded) on.
struct BlockBuilder {
    /// Where the `{` is.
    start: usize,
    phase: Phase,
    open_comment: Option<Comment>,
    body: BodyBuilder,
    close_end: Option<usize>,
    close_comment: Option<Comment>,
}

impl BlockBuilder {
    fn feed(&mut self, at: At<'_, '_>, p: Pair<'_, Rule>) {
        match self.phase {
            Phase::AfterOpen => {
                self.phase = Phase::Body;
                if p.as_rule() == Rule::comment
                    && !at
                        .text()
                        .get(self.start..at.start(&p))
                        .is_some_and(|g| g.contains('\n'))
                {
                    let c = comment(at, &p, false);
                    self.body.prev_end = c.span.end();
                    self.open_comment = Some(c);
                    return;
                }
                self.feed(at, p);
            }
            Phase::Body => {
                if p.as_rule() == Rule::close_brace {
                    self.close_end = Some(at.end(&p));
                    self.phase = Phase::AfterClose;
                } else {
                    self.body.pair(at, p);
                }
            }
            Phase::AfterClose => {
                if p.as_rule() == Rule::comment && self.close_comment.is_none() {
                    self.close_comment = Some(comment(at, &p, false));
                }
            }
        }
    }

    /// The block, and the comment after its closing `}` (the item's trailing comment).
    fn finish(self, index: &LineIndex<'_>) -> (Block, Option<Comment>) {
        let (items, trailing_comments) = self.body.finish();
        (
            Block {
                items,
                open_comment: self.open_comment,
                trailing_comments,
                span: index.span(self.start, self.close_end.unwrap_or(self.start)),
            },
            self.close_comment,
        )
    }
}

fn entry(at: At<'_, '_>, pair: Pair<'_, Rule>) -> Entry {
    let span = at.span_of(&pair);
    let inner = pair.into_inner();
    let mut values = Vec::with_capacity(inner.len());
    for p in inner {
        let span = at.span_of(&p);
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
                values.push(Value::String(StringValue::new(
                    strings::decode(raw),
                    raw,
                    span,
                )));
            }
            _ => {}
        }
    }
    Entry {
        values,
        comments_after: Vec::new(),
        line_break_after: false,
        span,
    }
}

fn comment(at: At<'_, '_>, pair: &Pair<'_, Rule>, blank_line_before: bool) -> Comment {
    let start = at.start(pair);
    let text = pair.as_str();
    let body = text.strip_prefix('#').unwrap_or(text).trim_end();
    Comment {
        text: body.to_string(),
        span: at.span(start, start + 1 + body.len()),
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
