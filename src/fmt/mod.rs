//! The canonical formatter: prints an [`ast::File`] back as source text.
//!
//! Layout rules: 2-space indentation per block; one space between the values of
//! an entry and `, ` between entries; a list continues on the next line (indented
//! one level) where the author broke it, after a comment, or where the line would
//! pass [`WIDTH`] columns; every comment kept where it was (leading, trailing, in a
//! list, at the end of a block or file); exactly one blank line between top-level
//! items and at most one anywhere else; trailing comments after two spaces;
//! strings re-escaped canonically (`strings.rs`); the file ends with one newline.
//! Formatting never changes meaning and is idempotent: `fmt(fmt(x)) == fmt(x)`.

mod printer;
mod strings;

pub use strings::canonical as canonical_string;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::span::SourceFile;

/// Lines are wrapped after a comma when they would pass this many columns.
pub const WIDTH: usize = 100;

/// The canonical text of a parsed file.
pub fn format(file: &ast::File) -> String {
    printer::print(file)
}

/// Parses and formats a policy-language source file.
pub fn format_source(source: &SourceFile) -> Result<String, Vec<Diagnostic>> {
    crate::parser::parse_source(source).map(|file| format(&file))
}
