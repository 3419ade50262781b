//! The formatter keeps meaning and comments and is idempotent: on every `.policy`
//! file in the repository and on generated policies.

#![allow(clippy::unwrap_used, clippy::panic)]

use policyc::ast::{Block, File, Item, Value};
use policyc::engine;
use policyc::fmt::format_source;
use policyc::parser::parse_source;
use policyc::span::SourceFile;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::PathBuf;

mod repo_files;
use repo_files::root;

/// Every `.policy` file in the repository (outside `target/` and hidden folders).
fn policy_files() -> Vec<PathBuf> {
    repo_files::policy_files(&[""])
}

/// The file's content without its layout: keywords, values by meaning, block
/// nesting and every comment's text, in order.
fn shape(file: &File) -> String {
    fn items(items: &[Item], depth: usize, out: &mut String) {
        for it in items {
            for c in &it.leading_comments {
                let _ = writeln!(out, "{:depth$}#{}", "", c.text);
            }
            let _ = write!(out, "{:depth$}{}", "", it.keyword.value);
            for e in &it.entries {
                out.push_str(" [");
                for v in &e.values {
                    match v {
                        Value::Word(w) => {
                            let _ = write!(out, " w:{}", w.value);
                        }
                        Value::String(s) => {
                            let _ = write!(out, " s:{:?}", s.value);
                        }
                    }
                }
                out.push_str(" ]");
                for c in &e.comments_after {
                    let _ = write!(out, " #{}", c.text);
                }
            }
            if let Some(b) = &it.block {
                block(b, depth + 1, out);
            }
            if let Some(c) = &it.trailing_comment {
                let _ = write!(out, " #{}", c.text);
            }
            out.push('\n');
        }
    }
    fn block(b: &Block, depth: usize, out: &mut String) {
        out.push_str(" {");
        if let Some(c) = &b.open_comment {
            let _ = write!(out, " #{}", c.text);
        }
        out.push('\n');
        items(&b.items, depth, out);
        for c in &b.trailing_comments {
            let _ = writeln!(out, "{:depth$}#{}", "", c.text);
        }
        out.push('}');
    }
    let mut out = String::new();
    items(&file.items, 0, &mut out);
    for c in &file.trailing_comments {
        let _ = writeln!(out, "#{}", c.text);
    }
    out
}

/// Checks idempotence and meaning on one source; `None` if it does not parse.
fn check_source(name: &str, text: &str) -> Option<String> {
    let source = SourceFile::new(name, text);
    let before = parse_source(&source).ok()?;
    let once = format_source(&source).unwrap();
    let formatted = SourceFile::new(name, once.clone());
    let after = parse_source(&formatted)
        .unwrap_or_else(|d| panic!("{name}: formatted text does not parse: {d:?}\n{once}"));
    assert_eq!(
        shape(&before),
        shape(&after),
        "{name}: content changed\n{once}"
    );
    let twice = format_source(&formatted).unwrap();
    assert_eq!(once, twice, "{name}: not idempotent");
    Some(once)
}

#[test]
fn every_policy_file_is_formatted_idempotently_and_keeps_its_meaning() {
    let files = policy_files();
    assert!(files.len() >= 3, "found {files:?}");
    let mut formatted = 0;
    for path in files {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        let Ok(text) = String::from_utf8(std::fs::read(&path).unwrap()) else {
            continue; // the not-UTF-8 example
        };
        let Some(once) = check_source(&name, &text) else {
            continue; // a syntax-error example
        };
        formatted += 1;
        // Same model before and after (origins compare equal).
        let a = engine::compile(&SourceFile::new(name.as_str(), text.as_str()));
        let b = engine::compile(&SourceFile::new(name.as_str(), once.as_str()));
        assert_eq!(a.model, b.model, "{name}: model changed");
        assert_eq!(
            a.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            b.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            "{name}: findings changed"
        );
    }
    assert!(formatted >= 3);
}

#[test]
fn messy_fixture_snapshot() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/fmt/messy.policy")).unwrap();
    let once = check_source("messy.policy", &text).unwrap();
    insta::assert_snapshot!(once);
}

#[test]
fn starter_policy_is_formatted() {
    let text = std::fs::read_to_string(root().join("src/cli/starter.policy")).unwrap();
    assert_eq!(check_source("starter.policy", &text).unwrap(), text);
}

// ---- generated policies ----

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("current".to_string()),
        Just("opt-in".to_string()),
        Just("user.home-info.online.email".to_string()),
        Just("2024-01-01".to_string()),
        "[a-z][a-z0-9_-]{0,12}",
    ]
}

fn string() -> impl Strategy<Value = String> {
    // Raw string bodies: text, escapes, line breaks with indentation, blank lines.
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z ,.]{1,30}",
            Just("\\\"".to_string()),
            Just("\\\\".to_string()),
            Just("\\n".to_string()),
            Just("\\t".to_string()),
            Just("\\u{e9}".to_string()),
            Just("\\u{20}".to_string()),
            Just("é ü".to_string()),
            Just("\n      ".to_string()),
            Just("  \n\n   ".to_string()),
        ],
        0..8,
    )
    .prop_map(|parts| format!("\"{}\"", parts.concat()))
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![3 => word(), 1 => string()]
}

fn comment() -> impl Strategy<Value = String> {
    "[ a-zA-Z#:,.]{0,20}".prop_map(|t| format!("#{}", t.trim_end()))
}

fn space() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".to_string()),
        Just("   ".to_string()),
        Just("\t".to_string())
    ]
}

fn entry() -> impl Strategy<Value = String> {
    (prop::collection::vec((value(), space()), 1..3)).prop_map(|vs| {
        let mut out = String::new();
        for (v, s) in vs {
            out.push_str(&v);
            out.push_str(&s);
        }
        out.trim_end().to_string()
    })
}

fn separator() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(", ".to_string()),
        1 => Just(",".to_string()),
        1 => Just(",\n      ".to_string()),
        1 => comment().prop_map(|c| format!(",  {c}\n    ")),
        1 => comment().prop_map(|c| format!(",\n  {c}\n    ")),
    ]
}

/// A generated item line (and block), as text, at `depth`.
fn item(depth: u32) -> BoxedStrategy<String> {
    let head = (
        word(),
        prop::collection::vec((entry(), separator()), 0..6),
        prop::option::of(comment()),
        space(),
    )
        .prop_map(|(kw, entries, trailing, sp)| {
            let mut line = kw;
            let n = entries.len();
            for (i, (e, sep)) in entries.into_iter().enumerate() {
                line.push_str(if i == 0 { " " } else { "" });
                line.push_str(&e);
                if i + 1 < n {
                    line.push_str(&sep);
                }
            }
            (line, trailing, sp)
        });
    if depth == 0 {
        return (head, prop::bool::ANY)
            .prop_map(|((line, trailing, sp), blank)| {
                let c = trailing.map(|c| format!("{sp}{c}")).unwrap_or_default();
                format!("{}{line}{c}\n", if blank { "\n" } else { "" })
            })
            .boxed();
    }
    (
        head,
        prop::bool::ANY,
        prop::option::of(prop::collection::vec(item(depth - 1), 0..5)),
        prop::option::of(comment()),
    )
        .prop_map(|((line, trailing, sp), blank, block, end_comment)| {
            let mut out = String::new();
            if blank {
                out.push('\n');
            }
            out.push_str(&line);
            if let Some(items) = block {
                {
                    out.push_str(" {");
                    if let Some(c) = &trailing {
                        let _ = write!(out, "{sp}{c}");
                    }
                    out.push('\n');
                    for it in items {
                        out.push_str(&it);
                    }
                    if let Some(c) = end_comment {
                        let _ = writeln!(out, "   {c}");
                    }
                    out.push_str("}\n");
                }
            } else {
                if let Some(c) = trailing {
                    let _ = write!(out, "{sp}{c}");
                }
                out.push('\n');
            }
            out
        })
        .boxed()
}

fn file() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((prop::option::of(comment()), item(2)), 1..4),
        prop::option::of(comment()),
    )
        .prop_map(|(items, tail)| {
            let mut out = String::new();
            for (c, it) in items {
                if let Some(c) = c {
                    out.push_str(&c);
                    out.push('\n');
                }
                out.push_str(&it);
            }
            if let Some(c) = tail {
                out.push_str(&c);
                out.push('\n');
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_policies_format_idempotently_and_keep_content(text in file()) {
        let parsed = check_source("generated.policy", &text);
        prop_assume!(parsed.is_some());
    }
}

#[test]
fn most_generated_policies_parse() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = file();
    let mut parsed = 0;
    for _ in 0..200 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        if parse_source(&SourceFile::new("g.policy", text.as_str())).is_ok() {
            parsed += 1;
        }
    }
    assert!(
        parsed >= 150,
        "only {parsed} of 200 generated policies parse"
    );
}

#[test]
fn seed_policies_and_examples_are_kept_formatted() {
    let mut checked = 0;
    for dir in ["policies", "examples"] {
        for path in policy_files()
            .into_iter()
            .filter(|p| p.starts_with(root().join(dir)))
        {
            let name = path.strip_prefix(root()).unwrap().display().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let formatted = format_source(&SourceFile::new(name.as_str(), text.as_str())).unwrap();
            assert!(
                formatted == text,
                "{name} is not formatted: run `policyc fmt {name}`"
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} files checked");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text: fmt either reports syntax errors or formats it idempotently; it never panics.
    #[test]
    fn arbitrary_text_never_panics(text in "[a-z \"\\\\{}#,\n\t.u]{0,120}") {
        let source = SourceFile::new("any.policy", text.as_str());
        if let Ok(once) = format_source(&source) {
            let twice = format_source(&SourceFile::new("any.policy", once.as_str())).unwrap();
            prop_assert_eq!(once, twice);
        }
    }
}
