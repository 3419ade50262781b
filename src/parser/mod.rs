//! Parsing: source text → AST. pest is used here and nowhere else.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{SourceFile, Span};

/// The finding for a file that is not UTF-8, located at the first bad byte.
pub fn not_utf8(source: &SourceFile, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    let span = Span::new(&source.path, &source.text, 0, 0);
    let _ = valid_up_to;
    Diagnostic::new(
        Code::NotUtf8,
        format!("byte 0x{byte:02x} at offset {valid_up_to} is not valid UTF-8"),
    )
    .at(Some(span))
    .help("re-save the file as UTF-8 text")
}
