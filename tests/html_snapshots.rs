//! Snapshots of the human-readable policy: the article of every example and seed
//! policy (`policies/`, when present), and one whole page.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::EmitOptions;

fn snapshot_dir(dir: &str) {
    let fragment = EmitOptions {
        templates: None,
        fragment: true,
        ..Default::default()
    };
    for fixture in html_support::fixtures(dir) {
        let set = html_support::model(&fixture);
        for out in html_support::render(&set, &fragment) {
            let html = String::from_utf8(out.bytes).expect("UTF-8");
            let stem = std::path::Path::new(&fixture)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = format!("{stem}__{}", out.path.replace('.', "_"));
            insta::assert_snapshot!(name, html);
        }
    }
}

#[test]
fn example_articles() {
    snapshot_dir("tests/fixtures/html-examples");
    snapshot_dir("tests/fixtures/html");
    snapshot_dir("tests/fixtures/html-model");
}

#[test]
fn seed_articles() {
    // The five seed policies, once they are written (`policies/`).
    snapshot_dir("policies");
}

#[test]
fn whole_page() {
    insta::assert_snapshot!(html_support::page(
        "tests/fixtures/html-examples/symphony.yaml"
    ));
}
