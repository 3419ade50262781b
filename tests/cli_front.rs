//! `policyc explain` and `policyc dump` through the binary.

#![allow(clippy::expect_used)]

use policyc::diagnostic::Code;
use std::process::{Command, Output};

fn policyc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .output()
        .expect("run policyc")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn explain_a_code() {
    let o = policyc(&["explain", "l101"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.starts_with("L101 (error): unknown keyword\n\n"),
        "{out}"
    );
    assert!(out.contains(Code::UnknownKeyword.explanation()), "{out}");
}

#[test]
fn explain_an_unknown_code_suggests_one() {
    let o = policyc(&["explain", "L1O1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `L101`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn explain_list_names_every_code() {
    let o = policyc(&["explain", "--list"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), Code::ALL.len());
    for code in Code::ALL {
        assert!(out.contains(code.id()), "{} missing", code.id());
    }
}

#[test]
fn dump_yaml_and_json_print_the_model() {
    let path = "tests/fixtures/full/input.policy";
    let yaml = policyc(&["dump", path, "--format", "yaml"]);
    assert_eq!(yaml.status.code(), Some(0), "{}", stderr(&yaml));
    let from_yaml: policyc::model::PolicySet =
        yaml_serde::from_str(&stdout(&yaml)).expect("dump yaml is the model");
    let json = policyc(&["dump", path, "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    let from_json: policyc::model::PolicySet =
        serde_json::from_str(&stdout(&json)).expect("dump json is the model");
    assert_eq!(from_yaml, from_json);
    assert_eq!(from_yaml.policies[0].name, "main");
}

#[test]
fn dump_of_a_bad_file_prints_findings_and_fails() {
    let o = policyc(&["dump", "tests/ui/L101-unknown-keyword.policy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("error[L101]"), "{}", stderr(&o));
}

#[test]
fn dump_of_a_missing_file_is_a_usage_error() {
    let o = policyc(&["dump", "/nonexistent/x.policy"]);
    assert_eq!(o.status.code(), Some(2));
}

/// `policyc … | head`: the reader goes away mid-output. The output stops quietly (no panic
/// report), as any well-behaved command-line tool does.
#[test]
fn a_closed_output_pipe_is_not_a_crash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args([
            "dump",
            "--facts",
            "--format",
            "json",
            "policies/symphonycommerce.policy",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("policyc runs");
    // Read a little, then close our end while policyc still has more output to write.
    let mut out = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut out, &mut first).expect("some output");
    drop(out);
    let o = child.wait_with_output().expect("policyc ends");
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
}
