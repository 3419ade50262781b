//! Every file in `examples/` is a complete, valid policy: it compiles with no
//! unacknowledged error and defines at least one policy with at least one statement.

#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is the test failing

use policyc::diagnostic::{render_human, Severity};
use policyc::engine;
use policyc::span::SourceFile;
use std::path::{Path, PathBuf};

fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "policy" | "yaml" | "yml"))
        })
        .collect();
    files.sort();
    files
}

fn compile(path: &Path) -> engine::Compilation {
    let text = std::fs::read_to_string(path).expect("example is UTF-8 text");
    let name = format!(
        "examples/{}",
        path.file_name()
            .and_then(|n| n.to_str())
            .expect("example file name is UTF-8")
    );
    engine::compile(&SourceFile::new(name, text))
}

#[test]
fn every_language_feature_has_an_example() {
    let names: Vec<String> = example_files()
        .iter()
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(str::to_owned))
        .collect();
    for expected in [
        "minimal.policy",
        "metadata.policy",
        "cookies.policy",
        "sharing.policy",
        "promises.policy",
        "data-sets.policy",
        "rights-and-choices.policy",
        "security-and-retention.policy",
        "disputes.policy",
        "multiple-policies.policy",
        "acknowledgment.policy",
        "prose.policy",
        "yaml-form.yaml",
        "app.policy",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "missing examples/{expected}"
        );
    }
}

#[test]
fn every_example_compiles_without_unacknowledged_errors() {
    let mut failures = Vec::new();
    for path in example_files() {
        let compilation = compile(&path);
        let blocking: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.is_blocking_error())
            .cloned()
            .collect();
        if !blocking.is_empty() || compilation.fails(false) {
            failures.push(render_human(
                &blocking,
                std::slice::from_ref(&compilation.source),
                false,
            ));
        }
        let model = compilation
            .model
            .as_ref()
            .unwrap_or_else(|| panic!("{} produced no model", path.display()));
        assert!(
            !model.policies.is_empty(),
            "{} defines no policy",
            path.display()
        );
        for policy in &model.policies {
            assert!(
                !policy.statements.is_empty(),
                "{}: policy {} has no collect statement",
                path.display(),
                policy.name
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn examples_have_no_unacknowledged_warnings() {
    for path in example_files() {
        let compilation = compile(&path);
        let warnings: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning && d.acknowledged.is_none())
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
    }
}

#[test]
fn the_acknowledgment_example_acknowledges_a_real_finding() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acknowledgment.policy");
    let compilation = compile(&path);
    let acknowledged: Vec<_> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.acknowledged.is_some())
        .map(|d| (d.code.id(), d.target.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        acknowledged,
        vec![("C402", "share card-processor".to_owned())]
    );
}

/// The README's language tour quotes `examples/`: every code block in that section
/// appears, verbatim, in one of the example files.
#[test]
fn readme_tour_quotes_the_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md is readable");
    let start = readme
        .find("\n## The policy language\n")
        .expect("README has the language section");
    let end = readme[start + 1..]
        .find("\n## ")
        .map(|i| start + 1 + i)
        .expect("the language section ends at the next heading");
    let section = &readme[start..end];
    let examples: Vec<String> = example_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("example is readable"))
        .collect();
    let blocks: Vec<&str> = section.split("```").skip(1).step_by(2).collect();
    assert!(!blocks.is_empty(), "the language tour quotes no example");
    for block in blocks {
        let snippet = block
            .trim_start_matches(|c: char| c != '\n')
            .trim_start_matches('\n');
        assert!(
            examples.iter().any(|e| e.contains(snippet)),
            "README snippet not found verbatim in examples/:\n{snippet}"
        );
    }
}
