//! The resolver's shared state and helpers: collecting findings, reading an
//! item's values, checking keywords against a block's vocabulary.

use crate::ast::{Item, StringValue, Value};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{Origin, Span};
use crate::vocabulary::{suggest, Term};
use std::collections::HashMap;

/// Collects findings while resolving.
#[derive(Default)]
pub struct Cx {
    pub diags: Vec<Diagnostic>,
}

pub fn origin(span: &Span) -> Origin {
    Origin::new(*span)
}

impl Cx {
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// L101: `item`'s keyword is not allowed in `block`.
    pub fn unknown_keyword(&mut self, item: &Item, block: &str, allowed: &[&str]) {
        let key = item.key();
        let place = if block.starts_with("the ") {
            format!("at {block}")
        } else {
            format!("in {block}")
        };
        let mut d = Diagnostic::new(
            Code::UnknownKeyword,
            format!("unknown keyword `{key}` {place}"),
        )
        .at(Some(item.keyword.span));
        let list = allowed
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        d = match suggest(key, allowed.iter().copied()) {
            Some(s) => d.help(format!("did you mean `{s}`? {block} takes: {list}")),
            None => d.help(format!("{block} takes: {list}")),
        };
        self.push(d);
    }

    /// L102: `item` lacks a value; `what` says what it needs.
    pub fn missing(&mut self, item: &Item, what: &str) {
        self.missing_at(item.key(), item.head, what);
    }

    /// L102 for the item with keyword `key` whose head is `head`.
    pub fn missing_at(&mut self, key: &str, head: Span, what: &str) {
        self.push(
            Diagnostic::new(Code::MissingValue, format!("`{key}` needs {what}")).at(Some(head)),
        );
    }

    /// L103: `value` is not expected here.
    pub fn unexpected(&mut self, value: &Value, why: impl Into<String>) {
        self.push(Diagnostic::new(Code::UnexpectedValue, why.into()).at(Some(*value.span())));
    }

    /// L103 for a block given to a keyword that takes none.
    pub fn no_block_expected(&mut self, item: &Item) {
        if let Some(block) = &item.block {
            self.push(
                Diagnostic::new(
                    Code::UnexpectedValue,
                    format!("`{}` takes no block", item.key()),
                )
                .at(Some(Span {
                    end: block.span.start + 1,
                    ..block.span
                }))
                .help("remove the braces and what is between them"),
            );
        }
    }

    /// L106: `value` has the wrong form.
    pub fn invalid(&mut self, span: &Span, message: impl Into<String>, help: impl Into<String>) {
        self.push(
            Diagnostic::new(Code::InvalidValue, message.into())
                .at(Some(*span))
                .help(help.into()),
        );
    }

    /// A P3P term (L104 when unknown).
    pub fn term<T: Term>(&mut self, value: &Value) -> Option<T> {
        let word = value.text();
        if let Some(t) = value.as_word().and_then(T::from_word) {
            return Some(t);
        }
        let words = T::words();
        let list = words.join(", ");
        let mut d = Diagnostic::new(
            Code::UnknownTerm,
            format!("`{word}` is not a P3P {}", T::GROUP),
        )
        .at(Some(*value.span()));
        d = match suggest(word, words.iter().copied()) {
            Some(s) => d.help(format!(
                "did you mean `{s}`? P3P {} values: {list}",
                T::GROUP
            )),
            None => d.help(format!("P3P {} values: {list}", T::GROUP)),
        };
        self.push(d);
        None
    }

    /// One of a fixed set of words that is not a P3P term (L106 when unknown).
    pub fn choice<T: Copy>(
        &mut self,
        value: &Value,
        what: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        if let Some(word) = value.as_word() {
            if let Some((_, t)) = options.iter().find(|(w, _)| *w == word) {
                return Some(*t);
            }
        }
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let list = words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match suggest(value.text(), words.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? expected one of {list}"),
            None => format!("expected one of {list}"),
        };
        self.invalid(
            value.span(),
            format!("`{}` is not a valid {what}", value.text()),
            help,
        );
        None
    }

    /// `yes`/`no`.
    pub fn yes_no(&mut self, value: &Value, what: &str) -> Option<bool> {
        self.choice(value, what, &[("yes", true), ("no", false)])
    }

    /// A name (`[A-Za-z][A-Za-z0-9_-]*`), L106 otherwise.
    pub fn name(&mut self, value: &Value) -> Option<String> {
        let text = value.text();
        if value.as_word().is_some() && is_name(text) {
            return Some(text.to_string());
        }
        self.invalid(
            value.span(),
            format!("`{text}` is not a valid name"),
            "names start with a letter and hold letters, digits, `-` and `_`",
        );
        None
    }
}

/// `[A-Za-z][A-Za-z0-9_-]*`.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Tracks single-valued properties of one block (L105 on repeats).
#[derive(Default)]
pub struct Once {
    seen: HashMap<String, Span>,
}

impl Once {
    /// True the first time `item`'s keyword is seen; reports L105 afterwards.
    pub fn first(&mut self, cx: &mut Cx, item: &Item) -> bool {
        if let Some(first) = self.seen.get(item.key()) {
            cx.push(
                Diagnostic::new(
                    Code::DuplicateProperty,
                    format!("`{}` is given twice", item.key()),
                )
                .at(Some(item.head))
                .label(&origin(first), "first given here")
                .help("keep one of them"),
            );
            return false;
        }
        self.seen.insert(item.key().to_string(), item.head);
        true
    }
}

/// The values of an item without a list, read left to right.
pub struct Args<'a> {
    item: &'a Item,
    values: Vec<&'a Value>,
    pos: usize,
    /// The position of a text read as a bare word (`lifetime 13 months`).
    bare_text: Option<usize>,
}

impl<'a> Args<'a> {
    /// The item's values; a comma list is L103 for keywords that take none.
    pub fn of(cx: &mut Cx, item: &'a Item) -> Self {
        if let Some(second) = item.entries.get(1) {
            if let Some(v) = second.values.first() {
                cx.unexpected(v, format!("`{}` takes no comma-separated list", item.key()));
            }
        }
        Self {
            item,
            values: item
                .entries
                .first()
                .map(|e| e.values.iter().collect())
                .unwrap_or_default(),
            pos: 0,
            bare_text: None,
        }
    }

    /// Values from the given entry position on, for list-shaped tails.
    pub fn of_all(item: &'a Item) -> Self {
        Self {
            item,
            values: item.values().collect(),
            pos: 0,
            bare_text: None,
        }
    }

    pub fn peek(&self) -> Option<&'a Value> {
        self.values.get(self.pos).copied()
    }

    pub fn next_value(&mut self) -> Option<&'a Value> {
        let v = self.peek();
        if v.is_some() {
            self.pos += 1;
        }
        v
    }

    /// A required value of any kind; L102 when absent.
    pub fn required(&mut self, cx: &mut Cx, what: &str) -> Option<&'a Value> {
        let v = self.next_value();
        if v.is_none() {
            cx.missing(self.item, what);
        }
        v
    }

    /// A required name.
    pub fn name(&mut self, cx: &mut Cx, what: &str) -> Option<String> {
        let v = self.required(cx, what)?;
        cx.name(v)
    }

    /// Required text: a string (a single word is accepted too).
    pub fn text(&mut self, cx: &mut Cx, what: &str) -> Option<String> {
        let v = self.required(cx, what)?;
        if v.as_word().is_some() {
            self.bare_text = Some(self.pos - 1);
        }
        Some(v.text().to_string())
    }

    /// An optional string at this position.
    pub fn opt_string(&mut self) -> Option<&'a StringValue> {
        match self.peek() {
            Some(Value::String(s)) => {
                self.pos += 1;
                Some(s)
            }
            _ => None,
        }
    }

    /// Whether the next value is the word `w`; consumes it if so.
    pub fn eat_word(&mut self, w: &str) -> bool {
        if self.peek().and_then(Value::as_word) == Some(w) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Reports values left over as L103.
    pub fn finish(self, cx: &mut Cx) {
        if let Some(v) = self.values.get(self.pos) {
            let key = self.item.key();
            let message = if self.pos == 0 {
                format!("`{key}` takes no value")
            } else if self.values.len() - self.pos == 1 {
                format!("`{key}` does not take this value")
            } else {
                format!("`{key}` does not take these values")
            };
            match self.unquoted_words() {
                Some(words) => cx.push(
                    Diagnostic::new(Code::UnexpectedValue, message)
                        .at(Some(*v.span()))
                        .help(format!(
                            "a text of several words is written as one string: `{key} \"{words}\"`"
                        )),
                ),
                None => cx.unexpected(v, message),
            }
        }
    }

    /// The words of a text written without quotes (`13 months`), when the
    /// values left over follow a text read as a bare word and are all words.
    fn unquoted_words(&self) -> Option<String> {
        let from = self.bare_text.filter(|&i| i + 1 == self.pos)?;
        let rest = self.values.get(from..)?;
        // A short text only: a long run of words is some other mistake.
        if rest.len() > 8 || rest.iter().map(|v| v.text().len()).sum::<usize>() > 80 {
            return None;
        }
        rest.iter()
            .all(|v| v.as_word().is_some())
            .then(|| rest.iter().map(|v| v.text()).collect::<Vec<_>>().join(" "))
    }
}

/// The block's items, or nothing.
pub fn block_items(item: &Item) -> &[Item] {
    item.block.as_ref().map_or(&[], |b| b.items.as_slice())
}

/// A keyword a block accepts: whether it may repeat and whether it takes a block.
pub struct Key {
    pub word: &'static str,
    pub repeats: bool,
    pub block: bool,
}

/// A property given at most once, without a block.
pub const fn once(word: &'static str) -> Key {
    Key {
        word,
        repeats: false,
        block: false,
    }
}

/// A keyword that may repeat, without a block.
pub const fn many(word: &'static str) -> Key {
    Key {
        word,
        repeats: true,
        block: false,
    }
}

/// A property given at most once, with an optional block.
pub const fn once_block(word: &'static str) -> Key {
    Key {
        word,
        repeats: false,
        block: true,
    }
}

/// A keyword that may repeat, with an optional block.
pub const fn many_block(word: &'static str) -> Key {
    Key {
        word,
        repeats: true,
        block: true,
    }
}

/// Visits the items of a block: unknown keywords are L101 (listing `keys`),
/// repeated single properties L105, blocks on keywords without one L103; `f`
/// sees every other item.
pub fn each_item(
    cx: &mut Cx,
    items: &[Item],
    block_name: &str,
    keys: &[Key],
    mut f: impl FnMut(&mut Cx, &Item),
) {
    let mut seen = Once::default();
    for item in items {
        if admit(cx, &mut seen, block_name, keys, item) {
            f(cx, item);
        }
    }
}

/// [`each_item`] for one item, for blocks whose items arrive one at a time:
/// the checks on `item` (`seen` holds the block's single properties so far),
/// and whether the block's reader is to see it.
pub fn admit(cx: &mut Cx, seen: &mut Once, block_name: &str, keys: &[Key], item: &Item) -> bool {
    let Some(key) = keys.iter().find(|k| k.word == item.key()) else {
        let words: Vec<&str> = keys.iter().map(|k| k.word).collect();
        cx.unknown_keyword(item, block_name, &words);
        return false;
    };
    if !key.repeats && !seen.first(cx, item) {
        return false;
    }
    if !key.block {
        cx.no_block_expected(item);
    }
    true
}
