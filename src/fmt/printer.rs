//! Printing the syntax tree (see the layout rules in `mod.rs`).

use super::strings::canonical;
use super::WIDTH;
use crate::ast::{Block, Comment, Entry, File, Item, Value};

/// Spaces per block level.
const INDENT: usize = 2;

pub fn print(file: &File) -> String {
    let mut p = Printer { out: String::new() };
    p.items(&file.items, 0, true);
    for (j, c) in file.trailing_comments.iter().enumerate() {
        if c.blank_line_before && (j > 0 || !file.items.is_empty()) {
            p.out.push('\n');
        }
        p.comment_line(0, c);
    }
    p.out
}

struct Printer {
    out: String,
}

/// The line an entry ends on: its start line plus the line breaks inside its strings.
fn end_line(e: &Entry) -> u32 {
    let breaks: usize = e
        .values
        .iter()
        .map(|v| match v {
            Value::String(s) => s.raw().matches('\n').count(),
            Value::Word(_) => 0,
        })
        .sum();
    e.span
        .line
        .saturating_add(u32::try_from(breaks).unwrap_or(u32::MAX))
}

/// The width of the first line of `s`.
fn first_line_width(s: &str) -> usize {
    s.split('\n').next().map_or(0, |l| l.chars().count())
}

impl Printer {
    fn column(&self) -> usize {
        let line_start = self.out.rfind('\n').map_or(0, |i| i + 1);
        self.out[line_start..].chars().count()
    }

    fn pad(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    fn comment_line(&mut self, indent: usize, c: &Comment) {
        self.pad(indent);
        self.out.push('#');
        self.out.push_str(&c.text);
        self.out.push('\n');
    }

    fn trailing(&mut self, c: &Comment) {
        self.out.push_str("  #");
        self.out.push_str(&c.text);
    }

    fn items(&mut self, items: &[Item], depth: usize, top: bool) {
        let indent = depth * INDENT;
        for (i, it) in items.iter().enumerate() {
            // A blank line before the item's first line (its first leading comment,
            // or the item itself): always between top-level items, as written inside
            // blocks (never right after the `{`).
            let first_blank = it
                .leading_comments
                .first()
                .map_or(it.blank_line_before, |c| c.blank_line_before);
            if i > 0 && (top || first_blank) {
                self.out.push('\n');
            }
            for (j, c) in it.leading_comments.iter().enumerate() {
                if j > 0 && c.blank_line_before {
                    self.out.push('\n');
                }
                self.comment_line(indent, c);
            }
            // A blank line between the leading comments and the item.
            if !it.leading_comments.is_empty() && it.blank_line_before {
                self.out.push('\n');
            }
            self.item(it, depth);
        }
    }

    fn entry_text(e: &Entry, indent: usize) -> String {
        e.values
            .iter()
            .map(|v| match v {
                Value::Word(w) => w.value.clone(),
                Value::String(s) => canonical(s.raw(), indent + INDENT),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn item(&mut self, it: &Item, depth: usize) {
        let indent = depth * INDENT;
        let continuation = indent + INDENT;
        self.pad(indent);
        self.out.push_str(&it.keyword.value);
        let mut prev: Option<&Entry> = None;
        for e in &it.entries {
            let text = Self::entry_text(e, indent);
            match prev {
                None => self.out.push(' '),
                Some(p) => {
                    self.out.push(',');
                    let mut broke = false;
                    let prev_end = end_line(p);
                    for (k, c) in p.comments_after.iter().enumerate() {
                        if k == 0 && c.span.line == prev_end {
                            self.trailing(c);
                        } else {
                            self.out.push('\n');
                            self.pad(continuation);
                            self.out.push('#');
                            self.out.push_str(&c.text);
                        }
                        broke = true;
                    }
                    let too_long = self.column() + 1 + first_line_width(&text) + 1 > WIDTH;
                    if broke || p.line_break_after || too_long {
                        self.out.push('\n');
                        self.pad(continuation);
                    } else {
                        self.out.push(' ');
                    }
                }
            }
            self.out.push_str(&text);
            prev = Some(e);
        }
        if let Some(b) = &it.block {
            self.block(b, depth);
        }
        if let Some(c) = &it.trailing_comment {
            self.trailing(c);
        }
        self.out.push('\n');
    }

    fn block(&mut self, b: &Block, depth: usize) {
        if b.items.is_empty() && b.open_comment.is_none() && b.trailing_comments.is_empty() {
            self.out.push_str(" {}");
            return;
        }
        self.out.push_str(" {");
        if let Some(c) = &b.open_comment {
            self.trailing(c);
        }
        self.out.push('\n');
        self.items(&b.items, depth + 1, false);
        let inner = (depth + 1) * INDENT;
        for (j, c) in b.trailing_comments.iter().enumerate() {
            if c.blank_line_before && (j > 0 || !b.items.is_empty()) {
                self.out.push('\n');
            }
            self.comment_line(inner, c);
        }
        self.pad(depth * INDENT);
        self.out.push('}');
    }
}
