//! Parsing: source text → AST. pest is used here and nowhere else.
//!
//! [`parse`] first runs a lexical pre-pass ([`prescan`]) that rejects what pest
//! would report badly or could not survive (unterminated strings, invalid
//! escapes, unbalanced braces, deep nesting), then runs the grammar
//! (`grammar/policy.pest`) and builds the [`ast`](crate::ast) from its pairs.

mod errors;
mod grammar;
mod prescan;
mod strings;
mod tree;

pub use prescan::MAX_DEPTH;
pub use strings::decode as decode_string;

use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{LineIndex, SourceFile, Span};

/// Parses a policy-language source into its syntax tree, or the syntax errors
/// that prevent it.
pub fn parse(index: &LineIndex<'_>) -> Result<ast::File, Vec<Diagnostic>> {
    let lexical = prescan::scan(index);
    if !lexical.is_empty() {
        return Err(lexical);
    }
    match grammar::parse_file(index.text()) {
        Ok(pair) => Ok(tree::build(index, pair)),
        Err(e) => Err(vec![errors::to_diagnostic(index, &e)]),
    }
}

/// Parses a source file (convenience over [`parse`]).
pub fn parse_source(source: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    parse(&LineIndex::new(&source.path, &source.text))
}

/// The finding for a file that is not UTF-8, located at the first bad byte.
/// `source` holds the lossy decoding of `bytes`; up to `valid_up_to` both agree.
pub fn not_utf8(source: &SourceFile, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    let valid = bytes.get(..valid_up_to).unwrap_or_default();
    let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let line = valid.split(|b| *b == b'\n').count();
    let col = std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count()) + 1;
    // The lossy text replaces the bad byte by U+FFFD (3 bytes); underline that.
    let end = (valid_up_to + '\u{fffd}'.len_utf8()).min(source.text.len());
    let span = Span {
        file: source.path.clone(),
        start: valid_up_to.min(source.text.len()),
        end,
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(col).unwrap_or(u32::MAX),
    };
    Diagnostic::new(
        Code::NotUtf8,
        format!("byte 0x{byte:02x} at offset {valid_up_to} is not valid UTF-8"),
    )
    .at(Some(span))
    .help("re-save the file as UTF-8 text")
}
