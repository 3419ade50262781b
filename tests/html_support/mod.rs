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
pub fn model(relative: &str) -> PolicySet {
    let path = root().join(relative);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
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

/// The fixtures every page test renders: `*.yaml` and `*.policy` under `dir`.
pub fn fixtures(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join(dir))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "policy"))
                .filter_map(|p| {
                    p.strip_prefix(root())
                        .ok()
                        .map(Path::to_string_lossy)
                        .map(|s| s.replace('\\', "/"))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}
