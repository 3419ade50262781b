//! The lexical pre-pass run before pest. It finds what the grammar would report
//! badly or could not survive: unterminated strings (S002), invalid escapes
//! (S006), unbalanced braces (S001) and nesting deeper than [`MAX_DEPTH`] (S003;
//! pest's recursion would overflow the stack on 10 000 nested blocks). One
//! linear scan over the bytes.

use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::text_chars;
use crate::span::LineIndex;

/// The deepest nesting of blocks the language allows.
pub const MAX_DEPTH: usize = 32;

/// Every lexical problem in `text`; empty when pest may run.
pub fn scan(index: &LineIndex<'_>) -> Vec<Diagnostic> {
    let text = index.text();
    let bytes = text.as_bytes();
    let mut diags = Vec::new();
    // Byte offsets of the open `{`s.
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => match scan_string(index, i, &mut diags) {
                Some(end) => i = end,
                None => return diags,
            },
            b'{' => {
                if open.len() >= MAX_DEPTH {
                    diags.push(
                        Diagnostic::new(
                            Code::NestingTooDeep,
                            format!("this block is nested more than {MAX_DEPTH} levels deep"),
                        )
                        .at(Some(index.span(i, i + 1)))
                        .help("blocks nest at most 32 deep; the file is probably damaged"),
                    );
                    return diags;
                }
                open.push(i);
            }
            // The guard closes the innermost block; it fails when none is open.
            b'}' if open.pop().is_none() => {
                diags.push(
                    Diagnostic::new(Code::SyntaxError, "unexpected `}`: no block is open here")
                        .at(Some(index.span(i, i + 1)))
                        .help("remove it, or add the item and `{` it was meant to close"),
                );
                return diags;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(&at) = open.last() {
        diags.push(
            Diagnostic::new(Code::SyntaxError, "this `{` is never closed")
                .at(Some(index.span(at, at + 1)))
                .help("add a `}` on its own line where the block ends"),
        );
    }
    diags
}

/// Scans the string opening at `start`; returns the offset of its closing quote,
/// or `None` (after reporting S002) when it never closes.
fn scan_string(index: &LineIndex<'_>, start: usize, diags: &mut Vec<Diagnostic>) -> Option<usize> {
    let text = index.text();
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some(i),
            b'\\' => {
                let len = escape_len(&bytes[i + 1..]);
                match len {
                    Ok(n) => {
                        if let Some(c) = escaped_char(&bytes[i + 1..i + 1 + n]) {
                            if text_chars::is_forbidden(c) {
                                diags.push(text_chars::finding(c, index.span(i, i + 1 + n)));
                            }
                        }
                        i += 1 + n;
                    }
                    Err(n) => {
                        let end = (i + 1 + n).min(bytes.len());
                        let end = next_char_boundary(text, end);
                        let written = text.get(i..end).unwrap_or("\\");
                        diags.push(
                            Diagnostic::new(
                                Code::InvalidEscape,
                                format!("`{written}` is not a valid escape"),
                            )
                            .at(Some(index.span(i, end)))
                            .help("escapes are \\\", \\\\, \\n, \\t and \\u{hex}; write \\\\ for a backslash"),
                        );
                        i += 1 + n.max(1);
                    }
                }
                continue;
            }
            b if !(0x20..0x7f).contains(&b) => {
                let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0');
                if text_chars::is_forbidden(c) {
                    diags.push(text_chars::finding(c, index.span(i, i + c.len_utf8())));
                }
                i += c.len_utf8().max(1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    diags.push(
        Diagnostic::new(Code::UnterminatedString, "this string is never closed")
            .at(Some(index.span(start, start + 1)))
            .help("add the closing `\"`; write `\\\"` for a quote inside the text"),
    );
    None
}

/// The character a valid `\\u{hex}` escape (given without its backslash) stands for.
fn escaped_char(escape: &[u8]) -> Option<char> {
    let hex = escape.strip_prefix(b"u{")?.strip_suffix(b"}")?;
    let hex = std::str::from_utf8(hex).ok()?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

/// The length of a valid escape after its backslash, or `Err(bytes to skip)`.
fn escape_len(rest: &[u8]) -> Result<usize, usize> {
    match rest.first() {
        Some(b'"' | b'\\' | b'n' | b't') => Ok(1),
        Some(b'u') => {
            if rest.get(1) != Some(&b'{') {
                return Err(1);
            }
            // On error, cover up to a nearby `}` so the message shows the whole escape.
            let close = rest
                .iter()
                .take(10)
                .position(|b| *b == b'}')
                .filter(|&i| !rest[..i].iter().any(|b| matches!(b, b'"' | b'\n' | b'\\')));
            let digits = rest[2..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            if rest.get(2 + digits) != Some(&b'}') || digits == 0 || digits > 6 {
                return Err(close.map_or(2 + digits, |i| i + 1));
            }
            let hex = std::str::from_utf8(&rest[2..2 + digits]).unwrap_or("");
            match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                Some(_) => Ok(3 + digits),
                None => Err(close.map_or(3 + digits, |i| i + 1)),
            }
        }
        Some(_) => Err(1),
        None => Err(0),
    }
}

fn next_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
