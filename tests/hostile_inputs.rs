//! Hostile inputs through the binary: each limit is a located finding with exit 1,
//! never a crash and never unbounded memory.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::format_push_string,
    clippy::case_sensitive_file_extension_comparisons
)]

use std::path::Path;
use std::process::{Command, Output};

fn policyc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .output()
        .expect("run policyc")
}

/// Standard output and error together (`check` reports on standard output).
fn stderr(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn xml_nested_200000_deep_is_a_finding_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 200_000;
    let xml = format!(
        "<POLICIES xmlns=\"http://www.w3.org/2002/01/P3Pv1\">{}{}</POLICIES>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let path = write(dir.path(), "deep.xml", &xml);
    let o = policyc(&["import", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[X709]"), "{}", stderr(&o));
}

#[test]
fn inputs_over_the_size_limit_are_findings_and_the_flag_raises_it() {
    let dir = tempfile::tempdir().unwrap();
    let policy = write(
        dir.path(),
        "big.policy",
        &format!("# {}\npolicy main {{\n}}\n", "x".repeat(9 << 20)),
    );
    let o = policyc(&["check", &policy]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[S007]"), "{}", stderr(&o));
    let o = policyc(&["--max-input-size", "20000000", "check", &policy]);
    assert!(!stderr(&o).contains("S007"), "{}", stderr(&o));

    let small = write(dir.path(), "small.yaml", "policies: []\n");
    let o = policyc(&["check", "--max-input-size", "4", &small]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[S007]"), "{}", stderr(&o));

    let xml = write(
        dir.path(),
        "big.xml",
        &format!("<!-- {} --><POLICIES/>", "x".repeat(100)),
    );
    let o = policyc(&["--max-input-size", "50", "import", &xml]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[S007]"), "{}", stderr(&o));

    let o = policyc(&[
        "--max-input-size",
        "10",
        "explain-cp",
        "CP=\"NOI DSP COR NID CUR OUR NOR\"",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[S007]"), "{}", stderr(&o));
}

/// A YAML document of aliases to aliases, `levels` deep, each 8 wide.
fn alias_bomb(levels: usize, padding: usize) -> String {
    let mut s = format!(
        "pad: \"{}\"\nanchors:\n  a0: &a0 [\"{}\"]\n",
        "p".repeat(padding),
        "x".repeat(1000)
    );
    for i in 1..=levels {
        let p = i - 1;
        s.push_str(&format!(
            "  a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 8].join(", ")
        ));
    }
    s.push_str(&format!("policies: *a{levels}\n"));
    s
}

#[test]
fn yaml_alias_bombs_are_refused_whatever_the_document_size() {
    let dir = tempfile::tempdir().unwrap();
    // 1 MB of padding raises the reader's own repetition limit past the bomb.
    for padding in [0, 1 << 20, 6 << 20] {
        let path = write(dir.path(), "bomb.yaml", &alias_bomb(7, padding));
        let o = policyc(&["check", &path]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("error[S010]"), "{}", stderr(&o));
    }
}

#[test]
fn control_characters_are_refused_in_the_dsl_and_yaml_alike() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("a.policy", "policy main {\n  title \"a \\u{1} b\"\n}\n"),
        ("b.policy", "policy main {\n  title \"a \\u{fffe} b\"\n}\n"),
        ("c.policy", "policy main {\n  title \"a \u{b} b\"\n}\n"),
        (
            "d.yaml",
            "policies:\n- name: main\n  title: \"a \\x01 b\"\n",
        ),
        (
            "e.yaml",
            "policies:\n- name: main\n  title: \"a \\uFFFE b\"\n",
        ),
        ("f.yaml", "policies:\n- name: main\n  title: \"a \\N b\"\n"),
    ] {
        let path = write(dir.path(), name, text);
        let o = policyc(&["check", &path]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("error[S008]"), "{name}: {}", stderr(&o));
        let line = if name.ends_with(".yaml") {
            ":3:"
        } else {
            ":2:"
        };
        assert!(
            stderr(&o).contains(line),
            "{name} is located: {}",
            stderr(&o)
        );
    }
    let path = write(
        dir.path(),
        "s.policy",
        "policy main {\n  title \"\\u{dc00}\"\n}\n",
    );
    let o = policyc(&["check", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[S006]"), "{}", stderr(&o));
}

#[test]
fn xml_character_references_to_forbidden_characters_are_refused_on_import() {
    let dir = tempfile::tempdir().unwrap();
    let xml = "<POLICIES xmlns=\"http://www.w3.org/2002/01/P3Pv1\"><POLICY name=\"a\" discuri=\"http://a/\"><ENTITY><DATA-GROUP><DATA ref=\"#business.name\">A&#1;B</DATA></DATA-GROUP></ENTITY></POLICY></POLICIES>";
    let path = write(dir.path(), "ctl.xml", xml);
    let o = policyc(&["import", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[X701]"), "{}", stderr(&o));
}
