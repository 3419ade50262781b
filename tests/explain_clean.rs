//! `policyc check --explain-clean`: for each promise, the practices it was held
//! to and why each passed or broke it, recorded by the promise checks as they
//! decide. Snapshots on examples and on clean and defect policies of the defect
//! corpus; and, over every example and corpus policy, the trace agrees with the
//! findings (a practice is `broken` exactly where a promise finding is).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::check::{explain_promises, render_traces, Outcome, PromiseTrace};
use policyc::engine;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn traces(path: &str) -> (Vec<PromiseTrace>, Vec<policyc::diagnostic::Diagnostic>) {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let c = engine::compile_bytes(path, &bytes);
    let model = c.model.as_ref().expect("a model");
    (explain_promises(model, &c.source), c.diagnostics)
}

#[test]
fn promises_example() {
    let (t, _) = traces("examples/promises.policy");
    insta::assert_snapshot!("promises_example", render_traces(&t));
}

#[test]
fn acknowledged_contradiction() {
    let (t, _) = traces("examples/acknowledgment.policy");
    insta::assert_snapshot!("acknowledgment_example", render_traces(&t));
    insta::assert_json_snapshot!("acknowledgment_example_json", t);
}

#[test]
fn clean_corpus_policy() {
    let (t, d) = traces("tests/defects/clean/saas-1.policy");
    assert!(d.iter().all(|d| !d.is_blocking_error()));
    insta::assert_snapshot!("clean_saas_1", render_traces(&t));
}

#[test]
fn defect_corpus_policy() {
    let (t, _) = traces("tests/defects/defect/C402-newsletter-sponsor.policy");
    assert!(t.iter().any(|p| p.broken_by.contains(&"C402".to_string())));
    insta::assert_snapshot!("defect_c402_newsletter_sponsor", render_traces(&t));
}

fn policies() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "examples",
        "tests/defects/clean",
        "tests/defects/defect",
        "policies",
    ] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "policy") {
                out.push(p.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn traces_agree_with_the_findings() {
    let mut checked = 0;
    for path in policies() {
        let path = path.to_string_lossy().into_owned();
        let (traces, diagnostics) = traces(&path);
        // The C4xx findings, by code and practice (promise findings target the
        // practice that breaks them).
        let found: BTreeSet<(String, String)> = diagnostics
            .iter()
            .filter(|d| d.code.id().starts_with("C4"))
            .flat_map(|d| {
                let mut targets: BTreeSet<String> =
                    d.flows.iter().map(|f| f.practice.clone()).collect();
                targets.extend(d.target.clone());
                targets
                    .into_iter()
                    .map(move |t| (d.code.id().to_string(), t))
            })
            .collect();
        let mut marked: BTreeSet<(String, String)> = BTreeSet::new();
        for t in &traces {
            if t.held_to.is_none() {
                assert_eq!(
                    t.broken_by.is_empty(),
                    t.practices.iter().all(|p| p.outcome == Outcome::Passed),
                    "{path}: promise {} verdict and practices disagree",
                    t.promise
                );
            }
            for p in &t.practices {
                assert!(
                    !p.reasons.is_empty() || p.outcome == Outcome::Broken,
                    "{path}: {} passed without a reason",
                    p.practice
                );
                for code in &p.codes {
                    marked.insert((code.clone(), p.practice.clone()));
                }
            }
            for code in &t.broken_by {
                assert!(
                    found.iter().any(|(c, _)| c == code),
                    "{path}: {code} traced, not found"
                );
            }
        }
        // Every practice a promise finding names is traced as broken.
        for (code, practice) in &found {
            // Targets that name no practice (the promise, the change notice, an
            // opt-out channel): the flows the finding records name the practices.
            let kinds = ["collect ", "cookie ", "share ", "retention "];
            if !kinds.iter().any(|k| practice.starts_with(k)) {
                continue;
            }
            assert!(
                marked.contains(&(code.clone(), practice.clone())),
                "{path}: {code} at {practice} found but not traced as broken"
            );
        }
        checked += 1;
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn cli_prints_traces_in_human_and_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "--explain-clean", "examples/promises.policy"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Why each promise holds"), "{text}");
    assert!(
        text.contains("excepted (allow): recipient `couriers` is allowed by the promise"),
        "{text}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args([
            "check",
            "--explain-clean",
            "--format",
            "json",
            "examples/promises.policy",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["findings"].is_array());
    assert!(v["promises"].as_array().is_some_and(|p| !p.is_empty()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args([
            "check",
            "--explain-clean",
            "--format",
            "sarif",
            "examples/promises.policy",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
