//! `--templates DIR`: files there replace the built-in templates of the same name;
//! a template error names the template file and line.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::html::HtmlEmitter;
use policyc::emit::{EmitOptions, Emitter};
use std::path::Path;

const EXAMPLE: &str = "tests/fixtures/html-examples/symphony.yaml";

fn emit_with(dir: &Path, fragment: bool) -> Result<String, String> {
    let set = html_support::model(EXAMPLE);
    let options = EmitOptions {
        templates: Some(dir.to_path_buf()),
        fragment,
        ..Default::default()
    };
    HtmlEmitter
        .emit(&set, &options)
        .map(|outputs| String::from_utf8(outputs[0].bytes.clone()).expect("UTF-8"))
        .map_err(|e| e.message)
}

#[test]
fn a_file_in_the_override_directory_replaces_the_builtin_of_that_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("policy.css"),
        "body { font-family: \"Acme Sans\"; }\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("label.html"),
        "<h2 id=\"label-h\">Acme at a glance: {{ title }}</h2>\n",
    )
    .expect("write");
    let html = emit_with(dir.path(), false).expect("renders");
    assert!(html.contains("<style>\nbody { font-family: \"Acme Sans\"; }"));
    assert!(
        !html.contains("--ink"),
        "the built-in stylesheet is replaced"
    );
    assert!(html.contains("Acme at a glance: Symphony Commerce Privacy Policy"));
    assert!(!html.contains("<h2 id=\"label-h\">Privacy at a glance"));
    // Everything else is still the built-in.
    assert!(html.contains("<h2 id=\"essentials-h\">The essentials</h2>"));
}

#[test]
fn overrides_are_auto_escaped_and_cannot_mark_text_safe() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("page.html"), "<p>{{ '<b>' }}</p>\n").expect("write");
    assert_eq!(
        emit_with(dir.path(), false).expect("renders").trim(),
        "<p>&lt;b&gt;</p>"
    );
    std::fs::write(dir.path().join("page.html"), "line one\n{{ title|safe }}\n").expect("write");
    let err = emit_with(dir.path(), false).expect_err("safe is not available");
    assert!(err.contains("page.html:2"), "{err}");
    assert!(err.contains("safe"), "{err}");
}

#[test]
fn a_syntax_error_names_the_override_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("article.html"),
        "<article>\n<h1>{{ title }}</h1>\n{% if entity %}\n<p>unclosed\n",
    )
    .expect("write");
    let err = emit_with(dir.path(), false).expect_err("syntax error");
    let path = dir.path().join("article.html").display().to_string();
    assert!(err.starts_with(&format!("{path}:")), "{err}");
    assert!(err.contains("syntax error"), "{err}");
}

#[test]
fn a_runtime_error_in_an_included_template_names_that_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("label.html"),
        "<h2>label</h2>\n<p>{{ title }}</p>\n<p>{{ no_such_thing.field }}</p>\n",
    )
    .expect("write");
    let err = emit_with(dir.path(), true).expect_err("undefined value");
    let path = dir.path().join("label.html").display().to_string();
    assert!(
        err.starts_with(&format!("{path}:3: template error: undefined value")),
        "{err}"
    );
}

#[test]
fn fragment_mode_emits_the_article_only() {
    let set = html_support::model(EXAMPLE);
    let options = EmitOptions {
        templates: None,
        fragment: true,
        ..Default::default()
    };
    let outputs = HtmlEmitter.emit(&set, &options).expect("renders");
    assert_eq!(outputs.len(), 1);
    assert_eq!(outputs[0].path, "example.fragment.html");
    let html = String::from_utf8(outputs[0].bytes.clone()).expect("UTF-8");
    assert!(html.trim_start().starts_with("<article class=\"policyc\""));
    assert!(html.trim_end().ends_with("</article>"));
    for page_only in ["<!DOCTYPE", "<head>", "<style", "<main", "<body"] {
        assert!(!html.contains(page_only), "fragment has {page_only}");
    }
    let page = HtmlEmitter
        .emit(&set, &EmitOptions::default())
        .expect("renders");
    assert_eq!(page[0].path, "example.html");
}

#[test]
fn output_is_deterministic() {
    let set = html_support::model(EXAMPLE);
    let a = HtmlEmitter
        .emit(&set, &EmitOptions::default())
        .expect("renders");
    let b = HtmlEmitter
        .emit(&set, &EmitOptions::default())
        .expect("renders");
    assert_eq!(a, b);
}

#[test]
fn a_policy_name_that_is_not_a_file_name_is_an_error() {
    let mut set = html_support::model(EXAMPLE);
    set.policies[0].name = "../../etc/passwd".to_string();
    let err = HtmlEmitter
        .emit(&set, &EmitOptions::default())
        .expect_err("refused");
    assert!(err.message.contains("cannot be a file name"), "{err}");
}

#[test]
fn a_missing_templates_directory_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-dir");
    let err = emit_with(&missing, false).expect_err("refused");
    assert!(
        err.contains("the templates directory does not exist"),
        "{err}"
    );
}

#[test]
fn one_page_per_policy() {
    let mut set = html_support::model(EXAMPLE);
    let mut second = set.policies[0].clone();
    second.name = "hosted-service".to_string();
    second.title = "Hosted service".to_string();
    set.policies.push(second);
    let outputs = HtmlEmitter
        .emit(&set, &EmitOptions::default())
        .expect("renders");
    let paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(paths, ["example.html", "hosted-service.html"]);
    let second = String::from_utf8(outputs[1].bytes.clone()).expect("UTF-8");
    assert!(second.contains("<title>Hosted service</title>"));
}
