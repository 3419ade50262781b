//! Shared by the `html_*` tests: compile a fixture and render its pages.
#![allow(dead_code, clippy::expect_used, clippy::panic)]

use policyc::emit::html::HtmlEmitter;
use policyc::emit::{EmitOptions, Emitter, Output};
use policyc::engine;
use policyc::model::PolicySet;
use policyc::span::SourceFile;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The model of a fixture (relative to the crate root); panics with the findings
/// when it does not compile cleanly (the fixtures are policies `build` accepts).
/// The fixtures of `html-model/` are models that hold values both source forms
/// refuse (`javascript:` URLs, malformed addresses): they are deserialized
/// directly, as a program handing the emitter a model would.
pub fn model(relative: &str) -> PolicySet {
    let path = root().join(relative);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    if relative.contains("html-model/") {
        return yaml_serde::from_str(&text).expect("a model in YAML form");
    }
    let compilation = engine::compile(&SourceFile::new(relative, text));
    assert!(
        !compilation.fails(false),
        "{relative} has errors: {:#?}",
        compilation.diagnostics
    );
    match compilation.model {
        Some(set) => set,
        None => panic!("{relative} did not compile: {:#?}", compilation.diagnostics),
    }
}

pub fn render(set: &PolicySet, options: &EmitOptions) -> Vec<Output> {
    HtmlEmitter.emit(set, options).expect("renders")
}

pub fn page(relative: &str) -> String {
    let outputs = render(&model(relative), &EmitOptions::default());
    String::from_utf8(outputs[0].bytes.clone()).expect("UTF-8")
}

/// The policy files (`*.policy`, `*.yaml`) under `dir`, recursively, sorted.
pub fn fixtures(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                walk(&path, out);
            } else if path
                .extension()
                .is_some_and(|x| x == "yaml" || x == "yml" || x == "policy")
            {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root().join(dir), &mut paths);
    let mut out: Vec<String> = paths
        .iter()
        .filter_map(|p| p.strip_prefix(root()).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    out.sort();
    out
}
