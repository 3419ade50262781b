//! Characters a policy's text may not hold: those XML 1.0 (§2.2 `Char`) or HTML
//! (§13.2.2 "control characters" and "noncharacters" are parse errors) forbid.
//! Every user string ends up in `policy.xml` and the HTML page, so both the
//! policy language (the lexical pre-pass) and the YAML form refuse them, with a
//! located S008 finding. Tab, line feed and carriage return are allowed.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;

/// True for a character XML 1.0 or HTML forbids in text.
pub fn is_forbidden(c: char) -> bool {
    let n = u32::from(c);
    (n < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || (0x7f..=0x9f).contains(&n)
        || (0xfdd0..=0xfdef).contains(&n)
        || (n & 0xfffe) == 0xfffe
}

/// The first forbidden character of `text` and its byte offset.
pub fn first_forbidden(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| is_forbidden(c))
}

/// How a forbidden character is named in messages: `U+0001`.
pub fn name(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The S008 finding for `c` at `span`.
pub fn finding(c: char, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::ForbiddenCharacter,
        format!(
            "this string holds {}, a character XML 1.0 and HTML do not allow in text",
            name(c)
        ),
    )
    .at(Some(span))
    .help("remove it; only tab, line feed and carriage return are allowed among control characters")
}

#[cfg(test)]
mod tests {
    use super::{first_forbidden, is_forbidden};

    #[test]
    fn forbids_controls_and_noncharacters_and_allows_text() {
        for c in [
            '\u{0}', '\u{1}', '\u{b}', '\u{c}', '\u{1f}', '\u{7f}', '\u{85}', '\u{9f}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in [
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in [
            '\t', '\n', '\r', ' ', 'é', '\u{a0}', '\u{2028}', '\u{fffd}', '😀',
        ] {
            assert!(!is_forbidden(c), "{c:?}");
        }
        assert_eq!(first_forbidden("ab\u{b}c"), Some((2, '\u{b}')));
        assert_eq!(first_forbidden("plain text\r\n"), None);
    }
}
