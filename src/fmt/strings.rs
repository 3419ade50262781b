//! Strings re-escaped canonically, keeping the author's line breaks.
//!
//! A string is printed line by line as written: each line's escapes are decoded
//! and written again in one canonical way (`\"`, `\\`, `\n`, `\t`, `\u{hex}` for
//! other control characters, every other character as itself); continuation lines
//! are re-indented; a run of blank lines becomes one (a paragraph break). Spaces
//! that the line folding would swallow (at the end of a line, or at the start of a
//! continuation line) but that the author escaped stay escaped, so the meaning
//! (`parser::decode_string`) never changes.

use crate::parser::decode_string;
use std::fmt::Write as _;

/// One character, escaped canonically.
fn escape_char(c: char, out: &mut String) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        // Control characters and invisible ones (other spaces, zero-width and
        // direction marks) stay escaped so the text shows what it holds.
        c if c.is_control()
            || (c.is_whitespace() && c != ' ')
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}') =>
        {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Escapes one line of a string; `keep_leading`/`keep_trailing` escape the
/// spaces at its ends that folding would otherwise swallow.
fn escape_line(text: &str, keep_leading: bool, keep_trailing: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lead = if keep_leading {
        chars.iter().take_while(|c| **c == ' ').count()
    } else {
        0
    };
    let trail = if keep_trailing {
        chars[lead..]
            .iter()
            .rev()
            .take_while(|c| **c == ' ')
            .count()
    } else {
        0
    };
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if *c == ' ' && (i < lead || i >= chars.len() - trail) {
            out.push_str("\\u{20}");
        } else {
            escape_char(*c, &mut out);
        }
    }
    out
}

/// `raw` with every line break written as `\n`, keeping what each break means.
/// The decoder reads a run of line-break characters, spaces and tabs as one
/// break: a paragraph when the run holds two or more line feeds, else a space;
/// a carriage return only starts a run and is not counted. So within a run with
/// line feeds the carriage returns are dropped (`\n\r` is one break, not a
/// paragraph), and a run of bare carriage returns becomes one line feed.
fn normalize_breaks(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(c);
            if let Some(next) = chars.next() {
                out.push(next);
            }
            continue;
        }
        if c != '\r' && c != '\n' {
            out.push(c);
            continue;
        }
        let mut run = String::from(c);
        while let Some(&w) = chars.peek() {
            if !matches!(w, '\n' | '\r' | ' ' | '\t') {
                break;
            }
            run.push(w);
            chars.next();
        }
        if run.contains('\n') {
            out.extend(run.chars().filter(|c| *c != '\r'));
        } else {
            out.push('\n');
            out.extend(run.chars().filter(|c| *c != '\r'));
        }
    }
    out
}

/// The canonical spelling of a string written as `raw` (between the quotes),
/// quotes included; continuation lines are indented by `indent` spaces.
pub fn canonical(raw: &str, indent: usize) -> String {
    let normalized = normalize_breaks(raw);
    let raw_lines: Vec<&str> = normalized.split('\n').collect();
    let last = raw_lines.len().saturating_sub(1);
    // Each written line without the raw whitespace that folding swallows, decoded
    // on its own (a line holds no line break, so decoding only resolves escapes).
    let mut texts: Vec<String> = raw_lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut t = *line;
            if i > 0 {
                t = t.trim_start_matches([' ', '\t']);
            }
            if i < last {
                t = t.trim_end_matches([' ', '\t']);
            }
            decode_string(t)
        })
        .collect();
    // A line break just after the opening quote or just before the closing one
    // folds away: drop the empty lines there.
    while texts.len() > 1 && texts.last().is_some_and(String::is_empty) {
        texts.pop();
    }
    let leading_empty = texts.iter().take_while(|t| t.is_empty()).count();
    texts.drain(..leading_empty.min(texts.len().saturating_sub(1)));
    // A run of blank lines is one paragraph break.
    let mut lines: Vec<&str> = Vec::new();
    for t in &texts {
        if t.is_empty() && lines.last().is_some_and(|l| l.is_empty()) {
            continue;
        }
        lines.push(t);
    }
    let mut out = String::from("\"");
    let pad = " ".repeat(indent);
    let n = lines.len();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(&escape_line(line, i > 0, i + 1 < n));
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::canonical;
    use crate::parser::decode_string;

    fn same_meaning(raw: &str) {
        let c = canonical(raw, 4);
        let inner = &c[1..c.len() - 1];
        assert_eq!(decode_string(inner), decode_string(raw), "{raw:?} -> {c:?}");
        assert_eq!(canonical(inner, 4), c, "not idempotent: {raw:?}");
    }

    #[test]
    fn bare_carriage_returns_keep_their_meaning() {
        // Found by fuzzing fmt: a line feed then a bare carriage return is one
        // line break (a space), not a paragraph break.
        for raw in [
            "a\n\rb",
            "a\r\rb",
            "a\n\r\nb",
            "a\r b",
            "a\n\r\r\n\rb",
            "a\r\n\r  b",
        ] {
            same_meaning(raw);
        }
        assert_eq!(canonical("a\n\rb", 0), "\"a\nb\"");
    }

    #[test]
    fn escapes_canonically() {
        assert_eq!(canonical(r"a \u{22}b\u{5c} \u{e9}", 0), r#""a \"b\\ é""#);
        assert_eq!(canonical("tab\there", 0), r#""tab\there""#);
        assert_eq!(canonical("x\\u{7}", 0), r#""x\u{7}""#);
    }

    #[test]
    fn reindents_and_keeps_paragraphs() {
        assert_eq!(
            canonical("one  \n        two\n\n\n   three", 4),
            "\"one\n    two\n\n    three\""
        );
    }

    #[test]
    fn keeps_meaning() {
        for raw in [
            "plain",
            "a\\u{20}\n  b",
            "a\n\\u{20}b",
            "\n  starts on the next line\n",
            "one\r\n  two\r\n\r\n  three",
            "quote \\\" and \\\\ and \\n",
            "a\\t\n b",
            "x\n\n",
            "",
            "  leading spaces",
        ] {
            same_meaning(raw);
        }
    }
}
