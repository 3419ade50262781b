//! The meaning of a string as written: escapes decoded, lines folded.

/// Decodes escapes and folds line breaks (grammar/README.md, "Lexical structure"):
/// a line break plus the indentation after it (and any spaces before it) becomes
/// one space; a blank line inside the string becomes `\n\n`, a new paragraph.
/// Escapes have been validated by the pre-pass; anything unexpected is kept as written.
pub fn decode(raw: &str) -> String {
    // Most strings have neither escapes nor line breaks: their meaning is the text.
    if !raw.bytes().any(|b| matches!(b, b'\\' | b'\n' | b'\r')) {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    // How many bytes at the end of `out` are whitespace written as-is (not escaped),
    // which a following line break swallows.
    let mut raw_ws = 0usize;
    let mut chars = raw.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                raw_ws = 0;
                match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, 'u')) => {
                        let mut hex = String::new();
                        if chars.peek().map(|(_, c)| *c) == Some('{') {
                            chars.next();
                            for (_, h) in chars.by_ref() {
                                if h == '}' {
                                    break;
                                }
                                hex.push(h);
                            }
                        }
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            out.push(ch);
                        } else {
                            out.push_str("\\u{");
                            out.push_str(&hex);
                            out.push('}');
                        }
                    }
                    Some((_, other)) => out.push(other),
                    None => out.push('\\'),
                }
            }
            '\r' | '\n' => {
                out.truncate(out.len() - raw_ws);
                let mut newlines = usize::from(c == '\n');
                while let Some(&(_, w)) = chars.peek() {
                    match w {
                        '\n' => newlines += 1,
                        ' ' | '\t' | '\r' => {}
                        _ => break,
                    }
                    chars.next();
                }
                if chars.peek().is_none() || out.is_empty() {
                    // A line break just after the opening quote or just before
                    // the closing one folds away.
                    raw_ws = 0;
                    continue;
                }
                out.push_str(if newlines >= 2 { "\n\n" } else { " " });
                raw_ws = 0;
            }
            ' ' | '\t' => {
                out.push(c);
                raw_ws += 1;
            }
            _ => {
                out.push(c);
                raw_ws = 0;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn escapes() {
        assert_eq!(decode(r#"a \"b\" \\ \n\t\u{e9}"#), "a \"b\" \\ \n\t\u{e9}");
    }

    #[test]
    fn folds_lines_and_keeps_paragraphs() {
        assert_eq!(decode("one  \n    two\n   three"), "one two three");
        assert_eq!(decode("one\n\n    two"), "one\n\ntwo");
        assert_eq!(decode("one\r\n  \r\n  two"), "one\n\ntwo");
        assert_eq!(decode("one\n  "), "one");
        assert_eq!(decode("\n  one"), "one");
    }

    #[test]
    fn escaped_space_before_break_is_kept() {
        assert_eq!(decode("a\\t\n b"), "a\t b");
    }
}
