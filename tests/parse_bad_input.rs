#![allow(clippy::expect_used, clippy::panic)]
//! Bad input never panics: every case gets a located diagnostic, through the
//! library and through the binary (exit 1 for findings, 2 for usage/IO errors).

use policyc::diagnostic::{Code, Diagnostic};
use policyc::engine;
use std::path::PathBuf;
use std::process::Command;

fn compile(name: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    let c = engine::compile_bytes(name, bytes);
    assert!(c.model.is_none() || !c.diagnostics.is_empty() || c.fails(false));
    c.diagnostics
}

/// The diagnostics include `code`, located (line and column) in `name`.
fn assert_located(diags: &[Diagnostic], code: Code, line: u32, col: u32) {
    let d = diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"));
    let span = d.span.as_ref().expect("located");
    assert_eq!(
        (span.line, span.col),
        (line, col),
        "{code} at the wrong place: {d:#?}"
    );
}

/// Writes `bytes` to a file in a fresh temporary directory, removed when the
/// returned guard is dropped.
fn tmp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    (dir, path)
}

/// Runs `policyc check` on the bytes; returns the exit code and stdout.
fn check_binary(name: &str, bytes: &[u8]) -> (i32, String) {
    let (_dir, path) = tmp_file(name, bytes);
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "--color", "never"])
        .arg(&path)
        .output()
        .expect("run policyc");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "panic: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn empty_file() {
    let d = compile("empty.policy", b"");
    assert_located(&d, Code::EmptyFile, 1, 1);
    assert_eq!(check_binary("empty.policy", b"").0, 1);
}

#[test]
fn whitespace_only() {
    let text = b"  \n\t\n\n   ";
    assert_located(&compile("ws.policy", text), Code::EmptyFile, 1, 1);
    assert_eq!(check_binary("ws.policy", text).0, 1);
}

#[test]
fn comments_only() {
    let text = b"# nothing here\n  # still nothing\n";
    assert_located(&compile("c.policy", text), Code::EmptyFile, 1, 1);
}

#[test]
fn binary_garbage() {
    let bytes: Vec<u8> = (0u32..4096)
        .map(|i| u8::try_from((i * 7919 + 13) % 256).unwrap_or(0))
        .collect();
    let d = compile("garbage.policy", &bytes);
    assert!(!d.is_empty());
    assert!(d.iter().all(|d| d.span.is_some()));
    assert_eq!(check_binary("garbage.policy", &bytes).0, 1);
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    let bytes = b"policy main {\n  title \"caf\xc3\xa9 \xff\"\n}\n";
    let d = compile("latin1.policy", bytes);
    // Line 2: `  title "café ` is 14 characters, so the bad byte is column 15.
    assert_located(&d, Code::NotUtf8, 2, 15);
    let (code, out) = check_binary("latin1.policy", bytes);
    assert_eq!(code, 1);
    assert!(out.contains("latin1.policy:2:15"), "{out}");
}

#[test]
fn one_megabyte_single_line() {
    // A valid policy whose summary is one 1 MB line.
    let mut text = String::from("policy main {\n  title \"T\"\n  summary \"");
    text.push_str(&"abc ".repeat(262_144));
    text.push_str("\"\n}\n");
    let c = engine::compile_bytes("big.policy", text.as_bytes());
    assert!(
        c.diagnostics
            .iter()
            .all(|d| !d.code.id().starts_with(['S', 'L'])),
        "{:#?}",
        c.diagnostics
    );
    // A 1 MB line of 200 000 values where one is expected: one L103, located.
    let mut bad = String::from("policy main {\n  title");
    for _ in 0..200_000 {
        bad.push_str(" word");
    }
    bad.push_str("\n}\n");
    let d = compile("big-bad.policy", bad.as_bytes());
    assert_located(&d, Code::UnexpectedValue, 2, 14);
    let (code, out) = check_binary("big-bad.policy", bad.as_bytes());
    assert_eq!(code, 1);
    assert!(out.len() < 10_000, "the excerpt of a huge line is cut");
}

#[test]
fn many_errors_on_one_huge_line_render_quickly() {
    // 10 000 unknown purposes on one line: the first ones reported, the rest counted
    // in one S009 finding (at most `MAX_FINDINGS` per file); rendering stays linear.
    let mut text = String::from("policy main {\n  title \"T\"\n  collect c {\n    for curent");
    for _ in 1..10_000 {
        text.push_str(", curent");
    }
    text.push_str("\n  }\n}\n");
    let d = compile("many.policy", text.as_bytes());
    let shown = d.iter().filter(|d| d.code == Code::UnknownTerm).count();
    assert!(
        shown > 100 && shown <= policyc::engine::MAX_FINDINGS,
        "{shown}"
    );
    assert!(
        d.iter().any(|d| d.code == Code::TooManyFindings
            && d.message
                .starts_with(&format!("{} more findings", 10_000 - shown))),
        "{:?}",
        d.last()
    );
    let (code, _) = check_binary("many.policy", text.as_bytes());
    assert_eq!(code, 1);
}

#[test]
fn unknown_keywords_are_all_reported() {
    let text = b"policy main {\n  titel \"x\"\n  colect c {\n  }\n  foo\n}\n";
    let d = compile("kw.policy", text);
    assert_located(&d, Code::UnknownKeyword, 2, 3);
    assert_eq!(
        d.iter().filter(|d| d.code == Code::UnknownKeyword).count(),
        3
    );
    assert_eq!(check_binary("kw.policy", text).0, 1);
}

#[test]
fn unterminated_string() {
    let text = b"policy main {\n  title \"never closed\n}\n";
    assert_located(&compile("str.policy", text), Code::UnterminatedString, 2, 9);
    assert_eq!(check_binary("str.policy", text).0, 1);
}

#[test]
fn ten_thousand_nested_blocks() {
    let mut text = String::from("policy main {\n");
    for _ in 0..10_000 {
        text.push_str("a {\n");
    }
    for _ in 0..10_001 {
        text.push_str("}\n");
    }
    let d = compile("deep.policy", text.as_bytes());
    // The policy's `{` is level 1; the 33rd `{` (line 33) is one too many.
    assert_located(&d, Code::NestingTooDeep, 33, 3);
    assert_eq!(check_binary("deep.policy", text.as_bytes()).0, 1);
}

#[test]
fn lone_closing_brace() {
    let text = b"}\n";
    assert_located(&compile("lone.policy", text), Code::SyntaxError, 1, 1);
    assert_eq!(check_binary("lone.policy", text).0, 1);
}

#[test]
fn unclosed_block() {
    let text = b"policy main {\n  title \"x\"\n";
    assert_located(&compile("open.policy", text), Code::SyntaxError, 1, 13);
}

#[test]
fn missing_file_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "/nonexistent/policyc/nothing.policy"])
        .output()
        .expect("run policyc");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn bad_yaml_is_located() {
    let text = b"policies:\n  - name: main\n    title: T\n    colour: red\n";
    let d = compile("p.yaml", text);
    assert_located(&d, Code::YamlError, 4, 5);
}

#[cfg(unix)]
#[test]
fn unreadable_file_in_a_directory_is_an_io_error_but_others_are_checked() {
    let guard = tempfile::tempdir().expect("temp dir");
    let dir = guard.path();
    std::fs::write(dir.join("a.policy"), "policy main {\n  titel \"x\"\n}\n").expect("write");
    let link = dir.join("b.policy");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("/nonexistent/policyc/b.policy", &link).expect("symlink");
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "--color", "never"])
        .arg(dir)
        .output()
        .expect("run policyc");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("L101"));
}

#[test]
fn deny_warnings_and_formats() {
    // A clean front end with a warning-free policy still parses in every format.
    let text = b"policy main {\n  title \"T\"\n}\n";
    let (_dir, path) = tmp_file("fmt.policy", text);
    for format in ["human", "json", "sarif", "github"] {
        let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
            .args(["check", "--format", format])
            .arg(&path)
            .output()
            .expect("run policyc");
        assert!(matches!(out.status.code(), Some(0 | 1)), "{format}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "--format", "xml"])
        .arg(&path)
        .output()
        .expect("run policyc");
    assert_eq!(
        out.status.code(),
        Some(2),
        "unknown format is a usage error"
    );
}

#[test]
fn byte_order_mark_is_ignored() {
    let text = "\u{feff}policy main {\n  titel \"T\"\n}\n";
    let d = compile("bom.policy", text.as_bytes());
    // Parsed: the only finding is the misspelt keyword, on line 2.
    assert_located(&d, Code::UnknownKeyword, 2, 3);
    assert!(d.iter().all(|d| d.code != Code::SyntaxError), "{d:#?}");
}
