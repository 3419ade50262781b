//! pest errors → diagnostics in words. Rule names never reach the user.

use super::grammar::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::LineIndex;
use pest::error::{Error, ErrorVariant, InputLocation};

/// The syntax error at pest's failure position, said in words.
pub fn to_diagnostic(index: &LineIndex<'_>, e: &Error<Rule>) -> Diagnostic {
    let text = index.text();
    let pos = match e.location {
        InputLocation::Pos(p) | InputLocation::Span((p, _)) => p.min(text.len()),
    };
    let found = describe_found(text, pos);
    let expected = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            expected_words(positives, mid_line(text, pos))
        }
        ErrorVariant::CustomError { message } => vec![message.clone()],
    };
    // Underline the word found, or the one character.
    let word: usize = text[pos..]
        .chars()
        .take_while(|c| is_word_char(*c))
        .take(40)
        .map(char::len_utf8)
        .sum();
    let end = if word > 0 {
        pos + word
    } else {
        text[pos..].chars().next().map_or(pos, |c| {
            if c == '\n' || c == '\r' {
                pos
            } else {
                pos + c.len_utf8()
            }
        })
    };
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", or_list(&expected))
    };
    let mut d = Diagnostic::new(Code::SyntaxError, message).at(Some(index.span(pos, end)));
    if let Some(help) = help_for(text, pos) {
        d = d.help(help);
    }
    d
}

/// Whether something other than blanks precedes `pos` on its line.
fn mid_line(text: &str, pos: usize) -> bool {
    !text[..pos]
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim()
        .is_empty()
}

/// What stands at `pos`, in words.
fn describe_found(text: &str, pos: usize) -> String {
    match text[pos..].chars().next() {
        None => "the end of the file".to_string(),
        Some('\n' | '\r') => "the end of the line".to_string(),
        Some('{') => "`{`".to_string(),
        Some('}') => "`}`".to_string(),
        Some(',') => "`,`".to_string(),
        Some('"') => "a string".to_string(),
        Some(c) if c.is_whitespace() => "a space".to_string(),
        Some(c) if is_word_char(c) => {
            let word: String = text[pos..]
                .chars()
                .take_while(|c| is_word_char(*c))
                .take(40)
                .collect();
            format!("`{word}`")
        }
        Some(c) if c.is_ascii_graphic() => format!("`{c}`"),
        Some(c) if c.is_ascii() => format!("`{}`", c.escape_default()),
        // A character beyond ASCII: itself and its code point, e.g. `“` (U+201C).
        Some(c) if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        Some(c) => format!("`{c}` (U+{:04X})", u32::from(c)),
    }
}

/// The phrases for expected rules, in the order they are listed.
const ORDER: [&str; 7] = [
    "a keyword",
    "a value",
    "`,`",
    "a `{`",
    "a `}`",
    "the end of the line",
    "the end of the file",
];

/// The characters of a word (grammar rule `word_char`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || "-_./:@*+".contains(c)
}

/// The positive rules, as distinct phrases in a stable order.
fn expected_words(positives: &[Rule], mid_line: bool) -> Vec<String> {
    let mut out: Vec<&'static str> = Vec::new();
    for rule in positives {
        let phrase = match rule {
            Rule::keyword | Rule::item => "a keyword",
            Rule::word | Rule::string | Rule::string_text | Rule::entry => "a value",
            Rule::comma => "`,`",
            Rule::block | Rule::open_brace => "a `{`",
            Rule::close_brace => "a `}`",
            Rule::eol | Rule::line_end => "the end of the line",
            // After something on a line, the end of input stands for the end of the line.
            Rule::EOI if mid_line => "the end of the line",
            Rule::EOI => "the end of the file",
            // Comments may go almost anywhere; naming them would only add noise.
            _ => continue,
        };
        if !out.contains(&phrase) {
            out.push(phrase);
        }
    }
    out.sort_by_key(|p| ORDER.iter().position(|o| o == p));
    out.into_iter().map(str::to_string).collect()
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Typographic quotes that word processors put in place of `"` and `'`.
const SMART_QUOTES: &[char] = &[
    '\u{201c}', '\u{201d}', '\u{201e}', '\u{201f}', '\u{2033}', '\u{00ab}', '\u{00bb}', '\u{2018}',
    '\u{2019}', '\u{201a}', '\u{201b}', '\u{2039}', '\u{203a}',
];

/// A hint for a character that often slips in where the grammar has no place for it.
fn help_for_char(c: char, line_before: &str) -> Option<&'static str> {
    Some(match c {
        c if SMART_QUOTES.contains(&c) => {
            "this is a typographic quote, as a word processor writes it: strings go between straight double quotes; replace `\u{201c}` and `\u{201d}` by `\"` (and turn off smart quotes in the editor)"
        }
        '\'' | '`' => "strings go between double quotes: write `\"...\"`",
        '=' => "a keyword and its value are separated by a space, without `=`: write e.g. `title \"Our policy\"`",
        ';' => "a line ends without `;`: remove it",
        '[' | ']' => "lists are written without brackets: separate the entries with commas, e.g. `for current, admin`",
        '(' | ')' => "values are written without parentheses: put a text in a string, e.g. `\"up to 13 months (renewed)\"`",
        '}' if line_before.trim().is_empty() => return None,
        '\u{a0}' | '\u{2007}' | '\u{202f}' => {
            "this is a no-break space, as a word processor writes it: replace it by an ordinary space"
        }
        '\u{2013}' | '\u{2014}' => "this is a dash from a word processor: write `-` (a hyphen), or put the text in a string",
        _ => return None,
    })
}

/// A hint for common mistakes at `pos`.
fn help_for(text: &str, pos: usize) -> Option<&'static str> {
    let rest = &text[pos..];
    if let Some(help) = rest
        .chars()
        .next()
        .and_then(|c| help_for_char(c, text[..pos].rsplit('\n').next().unwrap_or("")))
    {
        return Some(help);
    }
    let line_before = text[..pos].rsplit('\n').next().unwrap_or("");
    let before = &text[..pos];
    let after_comma = before.trim_end();
    if after_comma.ends_with(',') && before[after_comma.len()..].contains('\n') {
        return Some(
            "a line ending in a comma continues the list on the next line: add the next entry or remove the comma",
        );
    }
    if rest.starts_with('{') && line_before.trim().is_empty() {
        return Some("a block's `{` goes at the end of its item's line, not on a line of its own");
    }
    if rest.starts_with(',') {
        return Some("a comma separates two entries of a list; remove the extra comma");
    }
    if line_before.trim_end().ends_with('{') || line_before.contains('{') {
        return Some("a block's `{` ends its line: put the block's items on the following lines");
    }
    if rest.starts_with('}') {
        return Some("a block's `}` stands on its own line");
    }
    None
}
