//! Renders every HTML fixture to files, for the browser checks of `.ci/run`:
//! `POLICYC_HTML_PAGES=DIR cargo test --test html_pages` writes the pages into DIR
//! (without it, into a temporary directory, to prove they render). The seed pages
//! come from `policyc build policies/` (the main job), not from here; the
//! `html-examples` fixtures are also written with the German and French
//! catalogues (`NAME.de-catalogue.html`), so every catalogue's page is measured.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::EmitOptions;

#[test]
fn every_fixture_renders_to_a_page() {
    // Without POLICYC_HTML_PAGES the pages go to a temporary directory removed
    // at the end of the test.
    let scratch = tempfile::tempdir().expect("temp dir");
    let dir = match std::env::var_os("POLICYC_HTML_PAGES") {
        Some(d) => std::path::PathBuf::from(d),
        None => scratch.path().to_path_buf(),
    };
    std::fs::create_dir_all(&dir).expect("output directory");
    let mut written = 0;
    for dir_name in [
        "tests/fixtures/html-examples",
        "tests/fixtures/html",
        "tests/fixtures/html-model",
    ] {
        for fixture in html_support::fixtures(dir_name) {
            let set = html_support::model(&fixture);
            for fragment in [false, true] {
                let options = EmitOptions {
                    templates: None,
                    fragment,
                    ..Default::default()
                };
                for out in html_support::render(&set, &options) {
                    std::fs::write(dir.join(&out.path), &out.bytes).expect("page written");
                    written += 1;
                }
            }
        }
    }
    // The largest fixture with the German and French catalogues too (its prose
    // stays English): long German words in the label, the tables and the cards
    // are measured by `.ci/run` as the English ones are.
    for fixture in html_support::fixtures("tests/fixtures/html-examples") {
        for lang in ["de", "fr"] {
            let mut set = html_support::model(&fixture);
            for p in &mut set.policies {
                p.language = Some(lang.to_string());
            }
            for out in html_support::render(&set, &EmitOptions::default()) {
                let path = out
                    .path
                    .replace(".html", &format!(".{lang}-catalogue.html"));
                std::fs::write(dir.join(path), &out.bytes).expect("page written");
                written += 1;
            }
        }
    }
    assert!(written >= 8, "only {written} pages written");
}
