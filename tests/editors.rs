//! The editor package (`editors/`): its JSON files parse, the VS Code manifest
//! points at files that exist, and the `TextMate` grammar's regular expressions
//! compile and highlight a policy as expected (its term list is the
//! vocabulary's).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("editors")
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const GRAMMAR: &str = "vscode/syntaxes/policy.tmLanguage.json";

/// The regular expression of the grammar's `terms` rule, built from the vocabulary.
fn terms_regex() -> String {
    let mut words = policyc::lsp::vocabulary_words();
    // Longest first, so `contact-and-other` wins over `contact`.
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    format!("(?<![\\w.-])(?:{})(?![\\w.-])", escaped.join("|"))
}

#[test]
fn vscode_manifest_points_at_files_that_exist() {
    let dir = root().join("vscode");
    let manifest = json(&dir.join("package.json"));
    assert_eq!(manifest["contributes"]["languages"][0]["id"], "policy");
    let configuration = manifest["contributes"]["languages"][0]["configuration"]
        .as_str()
        .unwrap();
    json(&dir.join(configuration));
    let grammar = manifest["contributes"]["grammars"][0]["path"]
        .as_str()
        .unwrap();
    assert_eq!(dir.join(grammar), root().join(GRAMMAR));
    let main = manifest["main"].as_str().unwrap();
    let client = std::fs::read_to_string(dir.join(main)).unwrap();
    assert!(
        client.contains("args: ['lsp']"),
        "the client starts `policyc lsp`"
    );
}

/// Every `match`, `begin` and `end` in the grammar, with where it is.
fn regexes(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{at}/{k}");
                if matches!(k.as_str(), "match" | "begin" | "end") {
                    out.push((here.clone(), v.as_str().expect("a string").to_string()));
                }
                regexes(v, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                regexes(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn textmate_grammar_is_valid_and_its_terms_are_the_vocabulary() {
    let grammar = json(&root().join(GRAMMAR));
    assert_eq!(grammar["scopeName"], "source.policy");
    assert_eq!(grammar["fileTypes"][0], "policy");
    assert!(grammar["patterns"]
        .as_array()
        .is_some_and(|p| !p.is_empty()));
    // Every include names a rule of the repository.
    let repository = grammar["repository"].as_object().unwrap();
    let text = std::fs::read_to_string(root().join(GRAMMAR)).unwrap();
    for part in text.split("\"include\": \"#").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(
            repository.contains_key(name),
            "include of unknown rule #{name}"
        );
    }
    let mut found = Vec::new();
    regexes(&grammar, "", &mut found);
    assert!(found.len() >= 8, "{found:?}");
    for (at, re) in &found {
        fancy_regex::Regex::new(re).unwrap_or_else(|e| panic!("{at}: {re}: {e}"));
    }
    let terms = repository["terms"]["match"].as_str().unwrap();
    assert_eq!(
        terms,
        terms_regex(),
        "the grammar's term list is out of date; the expected rule is printed above"
    );
}

/// The scope the grammar gives the first match of `needle` on `line`, from the
/// grammar's single-line rules, tried in order.
fn scope_of(grammar: &Value, line: &str, needle: &str) -> Option<String> {
    let at = line.find(needle)?;
    let repository = &grammar["repository"];
    let mut pos = 0;
    while pos < line.len() {
        let mut best: Option<(usize, usize, String)> = None;
        for rule in grammar["patterns"].as_array()? {
            let name = rule["include"].as_str()?.trim_start_matches('#');
            let r = &repository[name];
            let (re, scope) = match (r["match"].as_str(), r["begin"].as_str()) {
                (Some(m), _) => (
                    m,
                    r["name"].as_str().or(r["captures"]["1"]["name"].as_str())?,
                ),
                (None, Some(b)) => (b, r["name"].as_str()?),
                _ => continue,
            };
            let re = fancy_regex::Regex::new(re).ok()?;
            if let Ok(Some(m)) = re.find_from_pos(line, pos) {
                if best.as_ref().is_none_or(|b| m.start() < b.0) {
                    let end = match r["end"].as_str() {
                        Some(end) => region_end(r, end, line, m.end()),
                        None => m.end().max(m.start() + 1),
                    };
                    best = Some((m.start(), end, scope.to_string()));
                }
            }
        }
        let (start, end, scope) = best?;
        if start <= at && at < end {
            return Some(scope);
        }
        pos = end;
    }
    None
}

/// Where a begin/end region that starts before `from` ends: its inner patterns
/// (escapes) are skipped, the first `end` after them closes it.
fn region_end(rule: &Value, end: &str, line: &str, from: usize) -> usize {
    let end = fancy_regex::Regex::new(end).expect("end compiles");
    let inner: Vec<fancy_regex::Regex> = rule["patterns"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["match"].as_str())
        .filter_map(|m| fancy_regex::Regex::new(m).ok())
        .collect();
    let mut pos = from;
    loop {
        let e = end.find_from_pos(line, pos).ok().flatten();
        let i = inner
            .iter()
            .filter_map(|r| r.find_from_pos(line, pos).ok().flatten())
            .min_by_key(fancy_regex::Match::start);
        match (e, i) {
            (Some(e), Some(i)) if i.start() < e.start() => pos = i.end(),
            (Some(e), _) => return e.end(),
            (None, _) => return line.len(),
        }
    }
}

#[test]
fn textmate_grammar_highlights_a_policy() {
    let grammar = json(&root().join(GRAMMAR));
    let cases = [
        ("  collect signup {", "collect", "keyword.other.policy"),
        (
            "    for current, contact opt-out",
            "current",
            "support.constant.term.policy",
        ),
        (
            "    for current, contact opt-out",
            "opt-out",
            "support.constant.term.policy",
        ),
        (
            "    data user.home-info.online.email",
            "user.home",
            "variable.other.data.policy",
        ),
        (
            "  title \"Our \\\"policy\\\"\"",
            "Our",
            "string.quoted.double.policy",
        ),
        (
            "  # a comment with \"quotes\"",
            "quotes",
            "comment.line.number-sign.policy",
        ),
        (
            "  effective 2026-02-28",
            "2026",
            "constant.numeric.date.policy",
        ),
        (
            "  acknowledge C402 \"reason\"",
            "C402",
            "constant.other.diagnostic-code.policy",
        ),
    ];
    for (line, needle, scope) in cases {
        assert_eq!(
            scope_of(&grammar, line, needle).as_deref(),
            Some(scope),
            "{needle} in {line:?}"
        );
    }
}

#[test]
fn print_the_terms_rule() {
    // `cargo test --test editors print -- --nocapture` prints the rule to paste.
    println!("{}", serde_json::to_string(&terms_regex()).unwrap());
}
