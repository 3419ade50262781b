//! The facts stage on the seeds and examples: the flow table of each is
//! snapshotted (read them: every derived value names its reasons), and the JSON
//! form has one flow per table row.
#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is the test failing

use policyc::engine;
use policyc::facts;
use policyc::span::SourceFile;
use std::path::Path;

fn facts_of(relative: &str) -> facts::Facts {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).expect("readable policy");
    let compilation = engine::compile(&SourceFile::new(relative, text));
    let model = compilation.model.as_ref().expect("the policy resolves");
    facts::derive(model)
}

fn files(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .expect("directory exists")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e == "policy" || e == "yaml")
        })
        .map(|n| format!("{dir}/{n}"))
        .collect();
    out.sort();
    out
}

#[test]
fn seeds_and_examples_facts() {
    for file in files("policies").into_iter().chain(files("examples")) {
        let facts = facts_of(&file);
        let name = file.replace(['/', '.'], "_");
        insta::assert_snapshot!(name, facts::to_table(&facts));
        let json = facts::to_json(&facts);
        for (policy, out) in facts
            .policies
            .iter()
            .zip(json["policies"].as_array().expect("policies array").iter())
        {
            let flows = out["flows"].as_array().expect("flows array");
            assert_eq!(flows.len(), policy.rows().count(), "{file}");
        }
    }
}
