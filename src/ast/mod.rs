//! The syntax tree of a policy-language file: items with spans, comments kept.
//!
//! The tree is generic: any keyword may carry any values and any block; which
//! keywords mean what is decided in `resolve`. It is faithful enough for
//! `policyc fmt` to print the file back with its comments: every comment is
//! attached to the item it precedes (`leading`), the line it ends (`trailing`),
//! a list continuation it sits in, or the end of the block or file it closes.

use crate::span::Span;
use serde::Serialize;

/// A value with its location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A `#` comment. `text` is everything after the `#`, as written (trailing
/// whitespace removed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub text: String,
    pub span: Span,
    /// A blank line separates this comment from what precedes it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub blank_line_before: bool,
}

/// A whole file: its top-level items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct File {
    pub items: Vec<Item>,
    /// Comments after the last item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trailing_comments: Vec<Comment>,
    pub span: Span,
}

/// One item: `keyword value value, value { ... }  # comment`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    pub keyword: Spanned<String>,
    /// The values, grouped into comma-separated entries.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// Boxed: most items have no block, and an item's size counts once per
    /// line of the file (the tree of a large policy is held through resolve).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<Box<Block>>,
    /// Whole-line comments directly above the item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leading_comments: Vec<Comment>,
    /// The comment ending the item's line (after the values, or after the
    /// block's closing `}`).
    /// (Boxed, like `block`: most lines have none.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trailing_comment: Option<Box<Comment>>,
    /// A blank line separates the item's first line from what directly precedes
    /// it (its last leading comment, or the previous item). Each leading comment
    /// carries its own flag.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub blank_line_before: bool,
    /// From the keyword to the end of the last value (the item's first line,
    /// without its block): where findings about the item point.
    pub head: Span,
    /// The whole item, block included.
    pub span: Span,
}

/// One comma-separated entry: one or more values (`contact opt-out`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub values: Vec<Value>,
    /// Comments after this entry's trailing comma, when the list continues on
    /// the next line (`for current,  # why`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments_after: Vec<Comment>,
    /// The entry is followed by a comma and a line break.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub line_break_after: bool,
    pub span: Span,
}

/// A word or a string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Value {
    Word(Spanned<String>),
    String(StringValue),
}

/// A string: its meaning (escapes decoded, lines folded) and its text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringValue {
    /// Escapes decoded; a line break and the indentation after it folded into
    /// one space; a blank line kept as `\n\n` (a new paragraph).
    pub value: String,
    /// The text between the quotes, exactly as written, when it differs from
    /// `value` (escapes, line breaks): most strings are written as they mean,
    /// and the tree of a large file is not to hold each twice. Read it with
    /// [`StringValue::raw`].
    pub raw_if_different: Option<Box<str>>,
    pub span: Span,
}

impl StringValue {
    /// `raw` is the text between the quotes as written; its meaning is `value`.
    pub fn new(value: String, raw: &str, span: Span) -> Self {
        let raw_if_different = (raw != value).then(|| raw.into());
        Self {
            value,
            raw_if_different,
            span,
        }
    }

    /// The text between the quotes, exactly as written.
    pub fn raw(&self) -> &str {
        self.raw_if_different.as_deref().unwrap_or(&self.value)
    }
}

// Serialized as before: the text as written is always given.
impl Serialize for StringValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = serializer.serialize_struct("StringValue", 3)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("raw", self.raw())?;
        st.serialize_field("span", &self.span)?;
        st.end()
    }
}

/// `{ ... }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub items: Vec<Item>,
    /// A comment on the line of the opening `{`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_comment: Option<Comment>,
    /// Comments after the last item, before the closing `}`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trailing_comments: Vec<Comment>,
    /// From `{` to `}`.
    pub span: Span,
}

impl Value {
    pub fn span(&self) -> &Span {
        match self {
            Value::Word(w) => &w.span,
            Value::String(s) => &s.span,
        }
    }

    /// The word, if the value is one.
    pub fn as_word(&self) -> Option<&str> {
        match self {
            Value::Word(w) => Some(&w.value),
            Value::String(_) => None,
        }
    }

    /// The text: a word as written, a string's meaning.
    pub fn text(&self) -> &str {
        match self {
            Value::Word(w) => &w.value,
            Value::String(s) => &s.value,
        }
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }
}

impl Item {
    /// The keyword as written.
    pub fn key(&self) -> &str {
        &self.keyword.value
    }

    /// Every value of every entry, in order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().flat_map(|e| e.values.iter())
    }
}
