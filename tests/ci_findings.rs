//! `check --format sarif|github` output for real findings, snapshotted: a file with
//! an error, a warning and an acknowledged finding.

#![allow(clippy::unwrap_used)]

use policyc::diagnostic::{render_github, render_sarif};
use policyc::engine;
use std::path::Path;

fn findings(rel: &str) -> Vec<policyc::diagnostic::Diagnostic> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The path as given on the command line, from the repository root; absolute so
    // the renderers find the file whatever the test's working directory.
    let path = root.join(rel);
    let bytes = std::fs::read(&path).unwrap();
    engine::compile_bytes(&path.display().to_string(), &bytes).diagnostics
}

/// Replaces the machine-specific repository path.
fn portable(text: &str) -> String {
    text.replace(env!("CARGO_MANIFEST_DIR"), "<repo>")
}

#[test]
fn github_annotations_for_findings() {
    let d = findings("tests/fixtures/ci/findings.policy");
    assert!(d.len() >= 3, "{d:?}");
    let out = portable(&render_github(&d, std::path::Path::new(".")));
    for line in out.lines() {
        assert!(line.starts_with("::"), "{line}");
        assert!(!line.contains('\n'));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn sarif_for_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d = findings("tests/fixtures/ci/findings.policy");
    let out = render_sarif(&d, root);
    assert!(
        !out.contains(env!("CARGO_MANIFEST_DIR")),
        "paths must be relative"
    );
    insta::assert_snapshot!(out);
}
