//! A large file is parsed in pieces (src/parser/chunks.rs): the tree and the
//! findings must be exactly those of the whole-file parse, whatever the piece
//! size, and the pieces must really be used.

#![allow(clippy::unwrap_used, clippy::panic)]

use policyc::parser::{parse_in_pieces, Parsed, PIECE_SIZE};
use policyc::span::LineIndex;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

mod repo_files;
use repo_files::root;

/// Every `.policy` file under policies/, examples/ and tests/.
fn policy_files() -> Vec<PathBuf> {
    repo_files::policy_files(&["policies", "examples", "tests"])
}

/// Parses `text` whole and in pieces of `size` bytes; panics unless both give
/// the same tree and findings. Returns how the pieces parse went.
fn same_in_pieces(name: &str, text: &str, size: usize) -> Parsed {
    let file: Arc<str> = Arc::from(name);
    let whole_index = LineIndex::new(&file, text);
    let (whole, whole_diags, how) = parse_in_pieces(&whole_index, usize::MAX);
    assert!(matches!(how, Parsed::Whole | Parsed::NotAtAll), "{how:?}");
    let index = LineIndex::new(&file, text);
    let (pieces, diags, how) = parse_in_pieces(&index, size);
    assert_eq!(
        whole_diags, diags,
        "{name}, pieces of {size}: findings differ"
    );
    assert!(
        whole == pieces,
        "{name}, pieces of {size} ({how:?}): trees differ\nwhole: {whole:#?}\npieces: {pieces:#?}"
    );
    how
}

/// The variants of a text that move line breaks and boundaries around.
fn variants(text: &str) -> Vec<(&'static str, String)> {
    let lf = text.replace("\r\n", "\n");
    vec![
        ("as is", text.to_string()),
        ("crlf", lf.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{text}")),
        ("no final newline", lf.trim_end_matches('\n').to_string()),
        ("blanks at the end", format!("{lf}  \t")),
    ]
}

const SIZES: [usize; 4] = [1, 7, 90, 1500];

#[test]
fn every_policy_parses_the_same_in_pieces() {
    let files = policy_files();
    assert!(files.len() >= 100, "found {}", files.len());
    let mut in_pieces = 0;
    for path in files {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) else {
            continue; // not UTF-8
        };
        for (variant, text) in variants(&text) {
            let name = format!("{name} ({variant})");
            for size in SIZES {
                let how = same_in_pieces(&name, &text, size);
                // A file that parses is parsed in pieces: the plan never cuts
                // a valid file where the grammar would not.
                if size == 1 && !matches!(how, Parsed::NotAtAll | Parsed::WholeAfterPieces) {
                    assert!(
                        matches!(how, Parsed::InPieces(n) if n > 1),
                        "{name}: {how:?}"
                    );
                    in_pieces += 1;
                }
                if how == Parsed::WholeAfterPieces {
                    // Only a file with a syntax error falls back.
                    let (file, _, _) =
                        parse_in_pieces(&LineIndex::new(&Arc::from("f"), &text), usize::MAX);
                    assert!(file.is_none(), "{name}, pieces of {size}: fell back");
                }
            }
        }
    }
    assert!(in_pieces >= 100, "{in_pieces}");
}

/// Edge cases around piece boundaries.
const EDGES: &[&str] = &[
    // Comments before an item, before a block's `}`, after `{` and `}`, with blank lines.
    "policy p {  # open\n  # lead\n\n  # lead 2\n  title \"t\"  # trail\n\n  # end of block\n}  # close\n# end of file\n",
    // A list continued over blank and comment lines.
    "policy p {\n  collect c {\n    for current,\n\n      # why\n      admin,  # and\n      develop\n  }\n}\n",
    // A list continued up to a block's `{`.
    "policy p {\n  collect c \"t\",\n    \"u\" {\n    from visitors\n  }\n}\n",
    // Multi-line strings holding lines that look like items, braces and comments.
    "policy p {\n  section \"Heading\" \"first\n  data x {\n  }\n  # not a comment\n}\n  collect c {\"\n  title \"a \\\" } {\n quote\"\n}\n",
    // Empty blocks, `{}` on one line, a block ending the file without a line break.
    "policy p {\n  data d {}\n  security { }\n  data e {\n  }\n}",
    // Indentation with tabs, blank lines with spaces, a comment ending in `\\r`.
    "policy p {\n\t title \"t\"\n   \n\t# c\r\n\t}\n",
    // Two top-level items, and nested large blocks.
    "policy a {\n  collect c {\n    data d {\n      x\n    }\n  }\n}\n\npolicy b {\n  title \"b\"\n}\n",
];

#[test]
fn edge_cases_parse_the_same_in_pieces() {
    for (i, text) in EDGES.iter().enumerate() {
        for (variant, text) in variants(text) {
            for size in 1..=text.len() + 1 {
                let how = same_in_pieces(&format!("edge {i} ({variant})"), &text, size);
                if size == 1 {
                    assert!(
                        matches!(how, Parsed::InPieces(_)),
                        "edge {i} ({variant}): {how:?}"
                    );
                }
            }
        }
    }
}

/// A policy like the benchmark's: one `policy` item holding `n` groups of items.
fn big_policy(n: usize) -> String {
    let mut s = String::from("# A large policy\npolicy bench {\n  title \"Benchmark\"\n");
    for i in 0..n {
        let _ = write!(
            s,
            "  # group {i}\n  data set{i} \"Data set {i}\" {{\n    user.name\n    custom \"details {i}\" categories purchase\n  }}\n  collect c{i} \"Collection {i}\" {{  # c\n    data set{i}\n    for current,\n      contact opt-in\n    consequence \"We use\n      this.\"\n  }}\n\n"
        );
    }
    s.push_str("  # the end\n}\n");
    s
}

#[test]
fn a_large_file_is_parsed_in_pieces() {
    let text = big_policy(2000);
    assert!(text.len() > 8 * PIECE_SIZE);
    let how = same_in_pieces("big", &text, PIECE_SIZE);
    match how {
        Parsed::InPieces(n) => assert!(n >= text.len() / PIECE_SIZE, "{n} pieces"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_syntax_error_in_a_large_file_is_reported_as_by_the_whole_parse() {
    let text = big_policy(2000);
    let middle = text.len() / 2;
    let line = middle + text[middle..].find('\n').unwrap() + 1;
    // Errors the pre-pass lets through (the braces balance): pest finds them.
    for bad in [
        "  title = \"x\"\n",
        "  collect x { y }\n",
        "  for a,,\n",
        "  }\n  {\n",
        "  data d {\n  x\n}  y\n",
    ] {
        let mut t = text.clone();
        t.insert_str(line, bad);
        let file: Arc<str> = Arc::from("bad");
        let (whole, whole_diags, _) = parse_in_pieces(&LineIndex::new(&file, &t), usize::MAX);
        let (pieces, diags, how) = parse_in_pieces(&LineIndex::new(&file, &t), PIECE_SIZE);
        assert_eq!(how, Parsed::WholeAfterPieces, "{bad:?}");
        assert!(whole.is_none() && pieces.is_none(), "{bad:?}");
        assert!(!diags.is_empty(), "{bad:?}");
        assert_eq!(whole_diags, diags, "{bad:?}");
    }
}

/// Fragments glued together at random: most do not parse, some do.
const FRAGMENTS: &[&str] = &[
    "policy",
    " p",
    " ",
    "\t",
    " {\n",
    "{",
    "}",
    "\n",
    "}\n",
    "\r\n",
    "\n\n",
    "\"",
    "\"s\"",
    " \"a\nb\"",
    "\\\"",
    ",",
    ",\n",
    "# c\n",
    " # c",
    "title",
    " x",
    "data",
    " user.name",
    "collect",
    "for",
    " current",
    "  ",
    "é",
    "\u{feff}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_texts_parse_the_same_in_pieces(
        parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..80),
        size in 1usize..40,
    ) {
        let text: String = parts.concat();
        same_in_pieces("random", &text, size);
    }

    #[test]
    fn random_valid_bodies_parse_the_same_in_pieces(
        lines in proptest::collection::vec(proptest::sample::select(&[
            "  title \"t\"\n", "  # c\n", "\n", "  data d {\n", "  }\n", "  for a,\n", "    b\n",
            "  x \"multi\n  line\"\n", "  y {}  # z\n", "  # c\r\n", "  z,  # w\n", "\t\n",
        ][..]), 0..60),
        size in 1usize..60,
    ) {
        // Balance the braces so that more of these parse.
        let mut text = String::from("policy p {\n");
        let mut depth = 0usize;
        for l in lines {
            if l == "  }\n" {
                if depth == 0 { continue; }
                depth -= 1;
            } else if l.ends_with("{\n") {
                depth += 1;
            }
            text.push_str(l);
        }
        for _ in 0..depth { text.push_str("  }\n"); }
        text.push_str("}\n");
        same_in_pieces("random body", &text, size);
    }
}

// ---------------------------------------------------------------------------
// Resolving as parsed: a file parsed in pieces gives each item of a top-level
// `policy` block to the resolver as soon as it is complete (the tree is never
// whole). The compilation must be exactly that of resolving the whole tree.

use policyc::ast::Item;
use policyc::engine::{compile_as, Options};
use policyc::parser::{parse_into, Outcome, Sink};
use policyc::resolve::{resolve_source_as, How};
use policyc::span::SourceFile;

/// What a sink was given, in order: the keyword and head of each item.
#[derive(Default)]
struct Record(Vec<String>);

impl Record {
    fn push(&mut self, what: &str, item: &Item) {
        self.0.push(format!(
            "{what} {} {}..{}",
            item.key(),
            item.head.start,
            item.head.end
        ));
    }
}

impl Sink for Record {
    fn item(&mut self, item: &Item) {
        self.push("item", item);
    }
    fn open(&mut self, head: &Item) -> bool {
        self.push("open", head);
        head.key() == "policy"
    }
    fn child(&mut self, item: &Item) {
        self.push("child", item);
    }
    fn close(&mut self) {
        self.0.push("close".to_string());
    }
}

/// The events a sink that streams the `policy` items must get for `file`.
fn expected_events(file: &policyc::ast::File, streamed: &[bool]) -> Vec<String> {
    let mut r = Record::default();
    let mut streamed = streamed.iter();
    for item in &file.items {
        let opened = streamed.next() == Some(&true);
        match &item.block {
            Some(block) if opened => {
                r.push("open", item);
                for child in &block.items {
                    r.push("child", child);
                }
                r.0.push("close".to_string());
            }
            _ => r.push("item", item),
        }
    }
    r.0
}

/// Compiles `text` resolving the whole tree and resolving as parsed in pieces
/// of `size` bytes; panics unless the resolutions (model with its origins,
/// findings in the order found, damage) and the compilations are the same,
/// and unless the sink was given every item of the tree, in order. Returns
/// whether items of a `policy` block were streamed.
fn same_streamed(name: &str, text: &str, size: usize) -> bool {
    let source = SourceFile::new(name, text);
    let tree = resolve_source_as(&source, How::Tree);
    let streamed = resolve_source_as(&source, How::Streamed(size));
    assert_eq!(
        format!("{:#?}", tree.set),
        format!("{:#?}", streamed.set),
        "{name}, pieces of {size}: models differ"
    );
    assert_eq!(
        tree.diagnostics, streamed.diagnostics,
        "{name}, pieces of {size}: resolve findings differ"
    );
    assert_eq!(tree.complete, streamed.complete, "{name}");
    assert_eq!(
        format!("{:?}", tree.damage),
        format!("{:?}", streamed.damage),
        "{name}, pieces of {size}: damage differs"
    );
    let options = Options::default();
    let a = compile_as(&source, &options, How::Tree);
    let b = compile_as(&source, &options, How::Streamed(size));
    assert_eq!(
        format!("{:#?}", a.model),
        format!("{:#?}", b.model),
        "{name}, pieces of {size}: compiled models differ"
    );
    assert_eq!(
        a.diagnostics, b.diagnostics,
        "{name}, pieces of {size}: findings differ"
    );

    // The sink is given every item, in order.
    let file: Arc<str> = Arc::from(name);
    let mut record = Record::default();
    let (out, _, how) = parse_into(&LineIndex::new(&file, text), size, &mut record);
    if !matches!(out, Outcome::Sent) {
        return false;
    }
    assert!(matches!(how, Parsed::InPieces(_)), "{name}: {how:?}");
    let (whole, _, _) = parse_in_pieces(&LineIndex::new(&file, text), usize::MAX);
    // An item opened but not streamed is given whole when it closes.
    let given: Vec<String> = record
        .0
        .into_iter()
        .filter(|e| !e.starts_with("open ") || e.starts_with("open policy "))
        .collect();
    // Which top-level items were streamed (their block is larger than a piece).
    let streamed: Vec<bool> = given
        .iter()
        .filter(|e| e.starts_with("open ") || e.starts_with("item "))
        .map(|e| e.starts_with("open "))
        .collect();
    assert_eq!(
        given,
        expected_events(&whole.unwrap(), &streamed),
        "{name}, pieces of {size}: the sink's items"
    );
    given.iter().any(|e| e.starts_with("child "))
}

const STREAM_SIZES: [usize; 4] = [1, 7, 90, 1500];

#[test]
fn every_policy_compiles_the_same_resolved_as_parsed() {
    let files = policy_files();
    let mut streamed = 0;
    assert!(files.len() >= 100, "found {}", files.len());
    for path in files {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) else {
            continue; // not UTF-8
        };
        for size in STREAM_SIZES {
            if same_streamed(&name, &text, size) && size == 1 {
                streamed += 1;
            }
        }
    }
    assert!(streamed >= 100, "{streamed}");
}

/// Texts whose findings depend on the whole policy block, or on items the
/// resolver must see in order.
const STREAM_EDGES: &[&str] = &[
    // `language` after the strings it refers to; translations before it, one
    // twice, one into an undeclared language, one of a text the policy lacks.
    "policy p {\n  title \"T\"\n  summary \"Hello\"\n  section \"S\" \"Body\"\n  translation de {\n    string \"Hello\", \"Hallo\"\n    string \"Nope\", \"Nein\"\n  }\n  translation de {\n    string \"T\", \"T2\"\n  }\n  language en, de, xx\n  translation fr {\n    keep \"T\"\n  }\n  summary \"Hello\"\n}\n",
    // A misspelt `title` (no L102 for the missing one), after other items.
    "policy p {\n  summary \"s\"\n  titel \"x\"\n}\n# end\n",
    // No title at all; a second policy with a title.
    "policy p {\n  version \"1\"\n}\n\npolicy q {\n  title \"q\"\n}\n",
    // Resolve errors in several items (the checks' findings about them dropped).
    "policy p {\n  title \"t\"\n  version \"1\"\n  version \"2\"\n  effective 2026-02-30\n  test {\n  }\n  bogus x\n  data d {\n    user.nope\n  }\n  collect c {\n    from visitors\n    data d\n    for current\n  }\n  share s {\n    with nobody\n    data d\n  }\n}\n",
    // Top-level items that are not a policy, a misspelt one, a policy with no name.
    "title \"x\"\npolcy p {\n  title \"t\"\n}\npolicy {\n  title \"t\"\n}\n",
    // No policy at all (S005 at the first item).
    "data d {\n  user.name\n}\n",
    // An invalid escape: the tree is built, resolve runs.
    "policy p {\n  title \"a\\q\"\n  summary \"b\"\n}\n",
    // A policy with an empty block, and one with a comment after `{`.
    "policy p {}\npolicy q {  # c\n  title \"q\"\n}\n",
];

#[test]
fn edge_cases_compile_the_same_resolved_as_parsed() {
    for (i, text) in STREAM_EDGES.iter().enumerate() {
        for size in 1..=text.len() + 1 {
            same_streamed(&format!("edge {i}.policy"), text, size);
        }
    }
}

#[test]
fn a_large_policy_compiles_the_same_resolved_as_parsed() {
    let mut text = big_policy(300);
    assert!(same_streamed("big.policy", &text, PIECE_SIZE));
    // With errors in the middle and at the end, and the title misspelt.
    let middle = text.len() / 2;
    let line = middle + text[middle..].find('\n').unwrap() + 1;
    text.insert_str(line, "  version \"1\"\n  version \"2\"\n  bogus x\n");
    let text = text.replace("title \"Benchmark\"", "titel \"Benchmark\"");
    let end = text.rfind('}').unwrap();
    let text = format!("{}  language en, de\n{}", &text[..end], &text[end..]);
    assert!(same_streamed("big.policy", &text, PIECE_SIZE));
    assert!(same_streamed("big.policy", &text, 1000));
}
