//! Positions: byte offsets of the engine ↔ LSP positions (line, UTF-16 column).

use lsp_types::{Position, Range};

/// The LSP position of byte offset `offset` in `text`.
pub fn position(text: &str, offset: usize) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(character).unwrap_or(u32::MAX),
    }
}

/// The byte offset of LSP position `pos` in `text` (clamped to the line and text).
pub fn offset(text: &str, pos: Position) -> usize {
    let mut start = 0;
    for _ in 0..pos.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line = text[start..].split('\n').next().unwrap_or("");
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= pos.character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    start + line.len()
}

/// The LSP range of bytes `start..end`.
pub fn range(text: &str, start: usize, end: usize) -> Range {
    Range {
        start: position(text, start),
        end: position(text, end.max(start)),
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The characters of a word in the policy language (grammar rule `word_char`).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || "-_./:@*+".contains(c)
}

/// The word around byte `at` and its byte range.
pub fn word_at(text: &str, at: usize) -> Option<(&str, usize, usize)> {
    let at = floor_char_boundary(text, at.min(text.len()));
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = at
        + text[at..]
            .chars()
            .take_while(|c| is_word_char(*c))
            .map(char::len_utf8)
            .sum::<usize>();
    (end > start).then(|| (&text[start..end], start, end))
}

/// The word being typed just before byte `at` (possibly empty) and where it starts.
pub fn prefix_at(text: &str, at: usize) -> (&str, usize) {
    let at = floor_char_boundary(text, at.min(text.len()));
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(at, |(i, _)| i);
    (&text[start..at], start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_with_utf16_columns() {
        let text = "a\n\u{201c}é\u{1F600}x\n";
        for at in [0, 1, 2, 5, 7, 11, 12, 13] {
            let p = position(text, at);
            assert_eq!(offset(text, p), at, "{at} {p:?}");
        }
        assert_eq!(
            position(text, 11),
            Position {
                line: 1,
                character: 4
            }
        );
    }

    #[test]
    fn words() {
        let text = "  for current, admin\n";
        assert_eq!(word_at(text, 8).map(|w| w.0), Some("current"));
        assert_eq!(prefix_at(text, 8), ("cu", 6));
    }
}
