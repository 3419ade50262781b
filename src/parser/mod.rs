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
    let (out, diags, how) = parse_inner(index, piece_size, None);
    match out {
        Outcome::Tree(file) => (Some(file), diags, how),
        Outcome::Failed | Outcome::Sent => (None, diags, how),
    }
}

/// Where a file parsed in pieces sends its items, each as soon as it is
/// complete, instead of building the whole tree ([`parse_into`]).
pub trait Sink {
    /// A complete top-level item.
    fn item(&mut self, item: &ast::Item);
    /// A top-level item whose block is parsed in pieces opens: `head` holds
    /// its keyword and values and a block with no items yet. Whether the
    /// items directly in its block are to go to [`Sink::child`], each as it
    /// is complete, then [`Sink::close`] (else the item is built whole and
    /// given to [`Sink::item`]).
    fn open(&mut self, head: &ast::Item) -> bool;
    /// The next item of the opened item's block.
    fn child(&mut self, item: &ast::Item);
    /// The opened item's block is closed.
    fn close(&mut self);
}

/// What [`parse_into`] made of a file.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing: the structure could not be read (the findings say why).
    Failed,
    /// The whole tree: the file is one piece, or a piece did not parse and
    /// the file was parsed whole. What the sink was given is to be discarded.
    Tree(ast::File),
    /// Every item went to the sink.
    Sent,
}

/// [`parse_with_findings`], but a file parsed in pieces (larger than
/// `piece_size`) gives its items to `sink` as each is complete, so that the
/// whole tree is never built.
pub fn parse_into(
    index: &LineIndex<'_>,
    piece_size: usize,
    sink: &mut dyn Sink,
) -> (Outcome, Vec<Diagnostic>, Parsed) {
    parse_inner(index, piece_size, Some(sink))
}

fn parse_inner(
    index: &LineIndex<'_>,
    piece_size: usize,
    sink: Option<&mut dyn Sink>,
) -> (Outcome, Vec<Diagnostic>, Parsed) {
    let text = index.text();
    let piece_size = piece_size.max(1);
    let scan = prescan::scan(index, piece_size);
    let mut diags = scan.diags;
    if diags.iter().any(|d| d.code != Code::InvalidEscape) {
        return (Outcome::Failed, diags, Parsed::NotAtAll);
    }
    let mut how = Parsed::Whole;
    if text.len() > piece_size {
        let pieces = chunks::plan(text, &scan.big_blocks, piece_size);
        drop(scan.big_blocks);
        let n = pieces.len();
        match sink {
            Some(sink) => {
                if chunks::stream(index, &pieces, sink).is_some() {
                    return (Outcome::Sent, diags, Parsed::InPieces(n));
                }
            }
            None => {
                if let Some(file) = chunks::build(index, &pieces) {
                    return (Outcome::Tree(file), diags, Parsed::InPieces(n));
                }
            }
        }
        how = Parsed::WholeAfterPieces;
    }
    match grammar::parse_file(text) {
        Ok(pair) => (Outcome::Tree(tree::build(index, pair)), diags, how),
        Err(e) => {
            diags.push(errors::to_diagnostic(index, &e));
            (Outcome::Failed, diags, how)
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
