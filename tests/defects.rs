//! The defect corpora: `tests/defects/` (written by `tests/defects/generate.py`)
//! and `tests/defects-independent/` (written by hand, in other site styles, data,
//! phrasings and the YAML form, to measure the checker on material the generator
//! did not shape). In each, every `clean/` policy must check clean (no
//! unacknowledged error or warning), and every `defect/` policy must report the
//! code its `# expect CODE` line names, pointing at the line after it. Prints
//! recall and false positives per corpus; both must be perfect.
#![allow(clippy::expect_used, clippy::panic, clippy::cast_precision_loss)]

use policyc::diagnostic::Severity;
use policyc::engine;
use std::path::Path;

fn files(corpus: &str, dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(corpus).join(dir);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&root)
        .expect("corpus folder exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "policy" || e == "yaml" || e == "yml")
        })
        .map(|p| {
            let name = format!(
                "{corpus}/{dir}/{}",
                p.file_name().expect("a file").to_string_lossy()
            );
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

/// The expected code and the 1-based line it must point at.
fn expectation(text: &str) -> (String, u32) {
    for (i, line) in text.lines().enumerate() {
        if let Some(code) = line.trim_start().strip_prefix("# expect ") {
            let at = u32::try_from(i + 2).expect("small file");
            return (code.trim().to_string(), at);
        }
    }
    panic!("no `# expect CODE` line")
}

#[test]
fn corpus_recall_and_false_positives() {
    measure("tests/defects", 25, 80);
}

#[test]
fn independent_corpus_recall_and_false_positives() {
    measure("tests/defects-independent", 20, 40);
}

fn measure(corpus: &str, min_clean: usize, min_defects: usize) {
    let clean = files(corpus, "clean");
    let defects = files(corpus, "defect");
    assert!(
        clean.len() >= min_clean,
        "at least {min_clean} clean policies"
    );
    assert!(
        defects.len() >= min_defects,
        "at least {min_defects} one-defect policies"
    );
    let mut false_positives = Vec::new();
    for (name, text) in &clean {
        let c = engine::compile_bytes(name, text.as_bytes());
        for d in c.diagnostics.iter().filter(|d| {
            d.acknowledged.is_none() && matches!(d.severity, Severity::Error | Severity::Warning)
        }) {
            false_positives.push(format!("{name}: {} {}", d.code.id(), d.message));
        }
    }
    let mut missed = Vec::new();
    let mut consequences = 0usize;
    for (name, text) in &defects {
        let (code, line) = expectation(text);
        let c = engine::compile_bytes(name, text.as_bytes());
        let found = c
            .diagnostics
            .iter()
            .any(|d| d.code.id() == code && d.span.as_ref().is_some_and(|s| s.line == line));
        consequences += c
            .diagnostics
            .iter()
            .filter(|d| d.code.id() != code && d.severity != Severity::Note)
            .count();
        if !found {
            let got: Vec<String> = c
                .diagnostics
                .iter()
                .map(|d| format!("{}@{}", d.code.id(), d.span.as_ref().map_or(0, |s| s.line)))
                .collect();
            missed.push(format!("{name}: wanted {code}@{line}, got {got:?}"));
        }
    }
    let found = defects.len() - missed.len();
    println!(
        "{corpus}: recall {found}/{} ({:.1}%), false positives {} on {} clean policies, {consequences} further findings that follow from the injected defects",
        defects.len(),
        100.0 * found as f64 / defects.len() as f64,
        false_positives.len(),
        clean.len()
    );
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
    assert!(
        false_positives.is_empty(),
        "false positives:\n{}",
        false_positives.join("\n")
    );
}
