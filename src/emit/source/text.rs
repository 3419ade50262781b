//! Lexical pieces of the policy language (`grammar/README.md`, "Lexical structure"):
//! quoted strings with escapes, words, indentation.

use std::fmt::Write as _;

/// A string literal: `"..."` with `\"`, `\\`, `\n`, `\t` escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// True when `s` can be written bare, as a word.
pub fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_./:@*+".contains(c))
}

/// A value as a word when it is one, else as a string.
pub fn value(s: &str) -> String {
    if is_word(s) {
        s.to_string()
    } else {
        quote(s)
    }
}

/// Lines of source with two-space indentation per block level.
#[derive(Default)]
pub struct Lines {
    out: String,
    depth: usize,
}

impl Lines {
    pub fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }
    pub fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("{\n") && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }
    /// `head {`, the body, `}`.
    pub fn block(&mut self, head: &str, body: impl FnOnce(&mut Self)) {
        self.line(&format!("{head} {{"));
        self.depth += 1;
        body(self);
        self.depth -= 1;
        self.line("}");
    }
    /// `head { body }`, or just `head` when the body writes nothing.
    pub fn maybe_block(&mut self, head: &str, body: impl FnOnce(&mut Self)) {
        let mut inner = Lines {
            out: String::new(),
            depth: self.depth + 1,
        };
        body(&mut inner);
        if inner.out.is_empty() {
            self.line(head);
        } else {
            self.line(&format!("{head} {{"));
            self.out.push_str(&inner.out);
            self.line("}");
        }
    }
    pub fn finish(self) -> String {
        self.out
    }
}
