//! The lexical pre-pass run before pest. It finds what the grammar would report
//! badly or could not survive: unterminated strings (S002), invalid escapes
//! (S006), unbalanced braces (S001) and nesting deeper than [`MAX_DEPTH`] (S003;
//! pest's recursion would overflow the stack on 10 000 nested blocks). One
//! linear scan over the bytes, which also finds the blocks large enough for the
//! file to be parsed in pieces (`chunks.rs`).

use crate::diagnostic::{Code, Diagnostic};
use crate::resolve::text_chars;
use crate::span::LineIndex;

/// The deepest nesting of blocks the language allows.
pub const MAX_DEPTH: usize = 32;

/// What the pre-pass found.
pub struct Scan {
    /// Every lexical problem; none (but S006) when pest may run.
    pub diags: Vec<Diagnostic>,
    /// The blocks at least `big` bytes long from `{` to `}`, as the offsets of
    /// their braces, in the order of their `{` (complete when the braces balance).
    pub big_blocks: Vec<(usize, usize)>,
}

/// Every lexical problem in `text`; empty when pest may run.
pub fn scan(index: &LineIndex<'_>, big: usize) -> Scan {
    let mut big_blocks = Vec::new();
    let diags = scan_into(index, big, &mut big_blocks);
    big_blocks.sort_unstable();
    Scan { diags, big_blocks }
}

fn scan_into(
    index: &LineIndex<'_>,
    big: usize,
    big_blocks: &mut Vec<(usize, usize)>,
) -> Vec<Diagnostic> {
    let text = index.text();
    let bytes = text.as_bytes();
    let mut diags = Vec::new();
    // Byte offsets of the open `{`s.
    let mut open: Vec<usize> = Vec::new();
    // The first block whose `}` came less indented than its opening line: the
    // block probably left unclosed, when the braces do not balance.
    let mut suspect: Option<usize> = None;
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
            b'}' if open.last().is_some() => {
                if let Some(at) = open.pop() {
                    if i - at >= big {
                        big_blocks.push((at, i));
                    }
                    let closing = own_line_indent(text, i);
                    if suspect.is_none() && closing.is_some_and(|c| c < indent_of(text, at)) {
                        suspect = Some(at);
                    }
                }
            }
            b'}' => {
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
    if let Some(&last) = open.last() {
        diags.push(unclosed(index, suspect.unwrap_or(last)));
    }
    diags
}

/// S001 for the block opened at `at`, which is never closed; the help names the
/// line where the block seems to end (the next line indented no deeper than
/// the block's own line).
fn unclosed(index: &LineIndex<'_>, at: usize) -> Diagnostic {
    let text = index.text();
    let indent = indent_of(text, at);
    let after = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    let mut pos = after;
    let mut ends_before = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        let content = line.trim_start();
        if !content.is_empty() && !content.starts_with('#') && line.len() - content.len() <= indent
        {
            ends_before = Some(pos);
            break;
        }
        pos = end + 1;
    }
    let help = match ends_before {
        Some(p) => {
            let (line, _) = index.line_col(p);
            format!("add a `}}` on its own line where the block ends, before line {line} (where the indentation comes back to the block's level)")
        }
        None => "add a `}` on its own line where the block ends".to_string(),
    };
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = text[start..at].trim();
    let message = if head.is_empty() || head.contains(['#', '"']) || head.len() > 60 {
        "this `{` is never closed".to_string()
    } else {
        format!("the `{head}` block is never closed: its `{{` has no matching `}}`")
    };
    Diagnostic::new(Code::SyntaxError, message)
        .at(Some(index.span(at, at + 1)))
        .help(help)
}

/// The indentation (in bytes of blanks) of the line holding `pos`.
fn indent_of(text: &str, pos: usize) -> usize {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[start..pos].len() - text[start..pos].trim_start_matches([' ', '\t']).len()
}

/// The indentation of the `}` at `pos` when it is the first thing on its line.
fn own_line_indent(text: &str, pos: usize) -> Option<usize> {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[start..pos]
        .bytes()
        .all(|b| b == b' ' || b == b'\t')
        .then_some(pos - start)
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
