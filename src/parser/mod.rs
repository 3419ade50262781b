//! Parsing: source text → AST. pest is used here and nowhere else.
//!
//! [`parse`] first runs a lexical pre-pass ([`prescan`]) that rejects what pest
//! would report badly or could not survive (unterminated strings, invalid
//! escapes, unbalanced braces, deep nesting), then runs the grammar
//! (`grammar/policy.pest`) and builds the [`ast`](crate::ast) from its pairs.

mod chunks;
mod errors;
mod grammar;
mod prescan;
mod strings;
mod tree;

#[doc(hidden)]
pub use chunks::PIECE_SIZE;
pub use prescan::MAX_DEPTH;
pub use strings::decode as decode_string;

use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{LineIndex, SourceFile, Span};

/// Parses a policy-language source into its syntax tree, or the syntax errors
/// that prevent it (any syntax error, invalid escapes included, is an `Err`).
pub fn parse(index: &LineIndex<'_>) -> Result<ast::File, Vec<Diagnostic>> {
    match parse_with_findings(index) {
        (Some(file), diags) if diags.is_empty() => Ok(file),
        (_, diags) => Err(diags),
    }
}

/// Parses as far as possible: the tree, when the structure could be read, and
/// every syntax finding. Invalid escapes (S006) do not hide the structure, so
/// the tree is still built and later stages can report their own findings.
pub fn parse_with_findings(index: &LineIndex<'_>) -> (Option<ast::File>, Vec<Diagnostic>) {
    let (file, diags, _) = parse_in_pieces(index, chunks::PIECE_SIZE);
    (file, diags)
}

/// How [`parse_in_pieces`] parsed a file.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parsed {
    /// Not at all: the pre-pass found an error.
    NotAtAll,
    /// Whole: the file is no larger than a piece.
    Whole,
    /// In this many pieces.
    InPieces(usize),
    /// Whole, after a piece did not parse.
    WholeAfterPieces,
}

/// [`parse_with_findings`], with pieces of about `piece_size` bytes (tests use
/// tiny pieces to exercise the piece boundaries), and how it parsed.
#[doc(hidden)]
pub fn parse_in_pieces(
    index: &LineIndex<'_>,
    piece_size: usize,
) -> (Option<ast::File>, Vec<Diagnostic>, Parsed) {
    let text = index.text();
    let piece_size = piece_size.max(1);
    let scan = prescan::scan(index, piece_size);
    let mut diags = scan.diags;
    if diags.iter().any(|d| d.code != Code::InvalidEscape) {
        return (None, diags, Parsed::NotAtAll);
    }
    let mut how = Parsed::Whole;
    if text.len() > piece_size {
        let pieces = chunks::plan(text, &scan.big_blocks, piece_size);
        drop(scan.big_blocks);
        if let Some(file) = chunks::build(index, &pieces) {
            return (Some(file), diags, Parsed::InPieces(pieces.len()));
        }
        how = Parsed::WholeAfterPieces;
    }
    match grammar::parse_file(text) {
        Ok(pair) => (Some(tree::build(index, pair)), diags, how),
        Err(e) => {
            diags.push(errors::to_diagnostic(index, &e));
            (None, diags, how)
        }
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
        file: source.id(),
        start: u32::try_from(valid_up_to.min(source.text.len())).unwrap_or(u32::MAX),
        end: u32::try_from(end).unwrap_or(u32::MAX),
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
