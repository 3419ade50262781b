//! UI tests: every file in `tests/ui/` is a failing example. Each is compiled, its
//! findings rendered for a terminal (no colour) and compared with a snapshot; the
//! code its file name starts with must be among the findings. Every diagnostic
//! code must have at least one such example.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::diagnostic::{self, Code};
use policyc::engine;
use policyc::span::SourceFile;
use std::path::PathBuf;

const UI_DIR: &str = "tests/ui";

/// Every example file, sorted by name.
fn examples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(UI_DIR);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/ui exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "policy" | "yaml" | "yml" | "xml" | "cp"))
        })
        .collect();
    files.sort();
    files
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The code a file's name starts with: `C402-share.policy` → `C402`.
fn code_of(name: &str) -> &str {
    name.split('-').next().unwrap_or(name)
}

/// The findings for one example: policy sources are compiled; `.xml` files are read
/// as `policyc import` reads P3P; `.cp` files are decoded as `policyc explain-cp` does.
fn findings(path: &str, bytes: &[u8]) -> (Vec<diagnostic::Diagnostic>, SourceFile) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let ext = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if ext == "xml" {
        let source = SourceFile::new(path, text);
        let read = policyc::p3p::read::read(&source);
        let mut diagnostics = read.diagnostics;
        // What the import itself rewrites or guesses (X707, X708), as `import` reports it.
        let imported = match read.document {
            Some(policyc::p3p::read::P3pDocument::Policies(p)) => Some((p, None)),
            Some(policyc::p3p::read::P3pDocument::Reference(r, Some(p))) => Some((p, Some(r))),
            _ => None,
        };
        if let Some((p, r)) = imported {
            let (_, notes) = policyc::p3p::import::import(&p, r.as_ref());
            diagnostics.extend(notes.diagnostics(std::slice::from_ref(&source)));
        }
        (diagnostics, source)
    } else if ext == "cp" {
        let source = SourceFile::new(path, text.trim_end_matches('\n'));
        (
            policyc::p3p::compact_decode::decode(&source).diagnostics,
            source,
        )
    } else if code_of(&file_name(std::path::Path::new(path))) == "S007" {
        // The input size limit, lowered so a small example can pass it.
        let c = engine::compile_bytes_limited(path, bytes, 64);
        (c.diagnostics, c.source)
    } else {
        let c = engine::compile_bytes(path, bytes);
        let mut diagnostics = c.diagnostics;
        // Custom templates beside the example (`H003-x.policy` → `H003-x.templates/`):
        // the page is rendered with them, as `build --templates` does.
        // Relative to the package root (the tests' working directory), so the
        // snapshot names the template as the repository does.
        let templates = std::path::Path::new(path).with_extension("templates");
        if let (Some(model), true) = (&c.model, templates.is_dir()) {
            let options = policyc::emit::EmitOptions {
                templates: Some(templates),
                ..Default::default()
            };
            diagnostics.extend(policyc::emit::html::catalogue_findings(model, &options));
        }
        (diagnostics, c.source)
    }
}

#[test]
fn ui_examples_match_their_snapshots_and_codes() {
    let mut missing = Vec::new();
    for path in examples() {
        let name = file_name(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let (diagnostics, source) = findings(&format!("{UI_DIR}/{name}"), &bytes);
        let rendered = diagnostic::render_human(&diagnostics, std::slice::from_ref(&source), false);
        insta::assert_snapshot!(stem, rendered);
        let code = code_of(&name);
        if !diagnostics.iter().any(|d| d.code.id() == code) {
            missing.push(format!("{name}: no {code} among {rendered}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_code_has_a_failing_example() {
    let names: Vec<String> = examples().iter().map(|p| file_name(p)).collect();
    let lacking: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.id())
        .filter(|id| !names.iter().any(|n| code_of(n) == *id))
        .collect();
    assert!(
        lacking.is_empty(),
        "codes without a failing example in tests/ui/: {lacking:?}"
    );
}

#[test]
fn example_names_start_with_a_known_code() {
    for name in examples().iter().map(|p| file_name(p)) {
        assert!(
            code_of(&name).parse::<Code>().is_ok(),
            "{name} does not start with a diagnostic code"
        );
    }
}
