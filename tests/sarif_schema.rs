//! SARIF output validates against the SARIF 2.1.0 JSON schema (vendored in
//! `tests/schemas/`) and has what GitHub code scanning needs.

#![allow(clippy::unwrap_used)]

use policyc::diagnostic::{render_sarif, Code, Diagnostic, Label, Severity};
use policyc::span::Span;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

const FIXTURE: &str = "tests/fixtures/diff/data-added/new.policy";

fn findings() -> Vec<Diagnostic> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(FIXTURE)).unwrap();
    // Paths as a user gives them on the command line: absolute here, so the test
    // does not depend on the directory it runs in.
    let file: Arc<str> = Arc::from(root.join(FIXTURE).display().to_string());
    let at = |needle: &str| {
        let start = text.find(needle).unwrap();
        Span::new(&file, &text, start, start + needle.len())
    };
    let error = Diagnostic::new(Code::UnknownKeyword, "unknown keyword `titel`")
        .at(Some(at("title \"Example privacy policy\"")))
        .help("did you mean `title`?");
    let mut warning = Diagnostic::new(
        Code::UnusedDefinition,
        "recipient `processor` is never used",
    )
    .at(Some(at("recipient processor")));
    warning.labels.push(Label {
        span: at("subject customers"),
        message: "this one is used".into(),
    });
    let mut acknowledged = Diagnostic::new(
        Code::DuplicateDefinition,
        "two data sets are called `contact`",
    )
    .at(Some(at("data contact {")));
    acknowledged.acknowledged = Some("The source policy defines it twice.".into());
    let mut note = Diagnostic::new(Code::UndefinedName, "a note about no file");
    note.severity = Severity::Note;
    vec![error, warning, acknowledged, note]
}

/// The vendored schema. Its `run.language` pattern has a stray `]`, which ECMA
/// regular expressions read as a literal but the validator's meta-schema check
/// rejects; it is escaped here (same meaning) so the schema compiles.
fn schema() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json"),
    )
    .unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(stray), "the vendored schema changed");
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    serde_json::from_str(&text).unwrap()
}

fn sarif() -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&render_sarif(&findings(), root)).unwrap()
}

#[test]
fn sarif_validates_against_the_schema() {
    let schema = schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for log in [
        sarif(),
        serde_json::from_str(&render_sarif(&[], Path::new("."))).unwrap(),
    ] {
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{log:#}");
    }
}

#[test]
fn a_broken_log_fails_the_schema() {
    let schema = schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut log = sarif();
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log));
}

#[test]
fn sarif_has_what_code_scanning_needs() {
    let log = sarif();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["L101", "R201", "R202", "R203"]);
    let l101 = &rules[0];
    assert_eq!(
        l101["fullDescription"]["text"],
        Code::UnknownKeyword.explanation()
    );
    assert_eq!(l101["shortDescription"]["text"], "unknown keyword");
    assert!(l101["help"]["text"]
        .as_str()
        .unwrap()
        .contains("policyc explain L101"));
    assert_eq!(l101["defaultConfiguration"]["level"], "error");

    let results = run["results"].as_array().unwrap();
    let error = &results[0];
    assert_eq!(error["ruleId"], "L101");
    assert_eq!(error["ruleIndex"], 0);
    assert_eq!(error["level"], "error");
    let loc = &error["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], FIXTURE);
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(loc["region"]["startLine"], 3);
    assert_eq!(loc["region"]["startColumn"], 3);
    assert_eq!(loc["region"]["endLine"], 3);
    // Exclusive end: one past `title "Example privacy policy"` (30 characters).
    assert_eq!(loc["region"]["endColumn"], 3 + 30);
    assert!(error["message"]["text"]
        .as_str()
        .unwrap()
        .ends_with("help: did you mean `title`?"));

    let warning = &results[1];
    assert_eq!(warning["level"], "warning");
    assert_eq!(
        warning["relatedLocations"][0]["message"]["text"],
        "this one is used"
    );

    let acknowledged = &results[2];
    assert_eq!(acknowledged["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        acknowledged["suppressions"][0]["justification"],
        "The source policy defines it twice."
    );
    assert!(results[3].get("locations").is_none());
    assert_eq!(results[3]["level"], "note");
}

#[test]
fn sarif_is_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        render_sarif(&findings(), root),
        render_sarif(&findings(), root)
    );
}
