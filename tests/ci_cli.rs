//! The CI-facing commands end to end: `diff` (files, stdin, `--git`, exit codes),
//! `fmt` (in place, `--check`, stdin), `init`, `completions` and `man`.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn policyc(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn fixture(kind: &str, which: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(kind)
        .join(format!("{which}.policy"))
        .display()
        .to_string()
}

fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn diff_exit_codes() {
    let (old, new) = (
        fixture("purpose-added", "old"),
        fixture("purpose-added", "new"),
    );
    // Material, version unchanged: 1.
    let o = policyc(here(), &["diff", &old, &new], None);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(stdout(&o).contains("purpose added"));
    // Not material: 0, unless --fail-on material and something material is there.
    let (a, b) = (
        fixture("purpose-removed", "old"),
        fixture("purpose-removed", "new"),
    );
    assert_eq!(
        policyc(here(), &["diff", &a, &b], None).status.code(),
        Some(0)
    );
    let o = policyc(here(), &["diff", &old, &new, "--fail-on", "never"], None);
    assert_eq!(o.status.code(), Some(0));
    // Versioned: the default passes a material change, --fail-on material does not.
    let (a, b) = (
        fixture("version-changed", "old"),
        fixture("version-changed", "new"),
    );
    assert_eq!(
        policyc(here(), &["diff", &a, &b], None).status.code(),
        Some(0)
    );
    // The same file: no changes.
    let o = policyc(here(), &["diff", &old, &old, "--fail-on", "material"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "no changes in meaning\n");
    let o = policyc(here(), &["diff", &old, &new, "--fail-on", "material"], None);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn diff_reads_stdin_and_formats() {
    let (old, new) = (
        fixture("cookie-added", "old"),
        fixture("cookie-added", "new"),
    );
    let text = std::fs::read_to_string(&old).unwrap();
    let o = policyc(
        here(),
        &["diff", "-", &new, "--format", "json"],
        Some(&text),
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let j: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(j["changes"][0]["kind"], "cookie-added");
    assert_eq!(j["needs_new_version"], true);
    let md = stdout(&policyc(
        here(),
        &["diff", &old, &new, "--format", "markdown"],
        None,
    ));
    assert!(md.starts_with("## Privacy policy changes"), "{md}");
    let coloured = stdout(&policyc(
        here(),
        &["diff", &old, &new, "--color", "always"],
        None,
    ));
    assert!(coloured.contains("\x1b["), "{coloured}");
}

#[test]
fn diff_usage_and_input_errors() {
    let new = fixture("cookie-added", "new");
    let o = policyc(here(), &["diff", "-", "-"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = policyc(here(), &["diff", "no/such.policy", &new], None);
    assert_eq!(o.status.code(), Some(2));
    // A file that does not parse: its findings, exit 1.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.policy"), "policy x {\n  title \"x\n").unwrap();
    let o = policyc(dir.path(), &["diff", "bad.policy", &new], None);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("S002"), "{o:?}");
}

#[test]
fn diff_git_reads_the_old_version_from_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(d)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    std::fs::create_dir(d.join("policies")).unwrap();
    let old = std::fs::read_to_string(fixture("sale-started", "old")).unwrap();
    let new = std::fs::read_to_string(fixture("sale-started", "new")).unwrap();
    std::fs::write(d.join("policies/site.policy"), old).unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "one"]);
    std::fs::write(d.join("policies/site.policy"), new).unwrap();
    // From the repository root and from a subdirectory.
    let o = policyc(d, &["diff", "--git", "main", "policies/site.policy"], None);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(stdout(&o).contains("data now sold"), "{o:?}");
    let o = policyc(
        &d.join("policies"),
        &["diff", "--git", "HEAD", "site.policy"],
        None,
    );
    assert!(stdout(&o).contains("data now sold"), "{o:?}");
    // A revision or path git does not know: exit 2.
    let o = policyc(d, &["diff", "--git", "nope", "policies/site.policy"], None);
    assert_eq!(o.status.code(), Some(2));
    // A file new since the revision is compared with nothing: every policy in it is added.
    let fresh = std::fs::read_to_string(fixture("sale-started", "old")).unwrap();
    std::fs::write(d.join("policies/new.policy"), fresh).unwrap();
    let o = policyc(d, &["diff", "--git", "main", "policies/new.policy"], None);
    // A new policy is its own first version: material, but not unversioned.
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(
        stdout(&o).contains("policies/new.policy (new file)"),
        "{o:?}"
    );
    assert!(stdout(&o).contains("policy added"), "{o:?}");
    let o = policyc(
        d,
        &[
            "diff",
            "--git",
            "main",
            "policies/new.policy",
            "--fail-on",
            "material",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
}

#[test]
fn fmt_rewrites_checks_and_reads_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let messy = "policy   x {\n    title   \"X\"   # t\n}\n";
    let clean = "policy x {\n  title \"X\"  # t\n}\n";
    std::fs::write(d.join("a.policy"), messy).unwrap();
    std::fs::write(d.join("b.yaml"), "policies: []\n").unwrap();

    let o = policyc(d, &["fmt", "--check", "."], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("\n-policy   x {\n"), "{o:?}");
    assert!(stdout(&o).contains("\n+policy x {\n"), "{o:?}");
    assert_eq!(std::fs::read_to_string(d.join("a.policy")).unwrap(), messy);

    let o = policyc(d, &["fmt", "."], None);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(std::fs::read_to_string(d.join("a.policy")).unwrap(), clean);
    assert_eq!(
        std::fs::read_to_string(d.join("b.yaml")).unwrap(),
        "policies: []\n"
    );
    assert_eq!(
        policyc(d, &["fmt", "--check", "a.policy"], None)
            .status
            .code(),
        Some(0)
    );

    let o = policyc(d, &["fmt", "-"], Some(messy));
    assert_eq!(stdout(&o), clean);
    let o = policyc(d, &["fmt", "--check", "-"], Some(messy));
    assert_eq!(o.status.code(), Some(1));
    // Syntax errors: reported, exit 1; unknown paths and named YAML: exit 2.
    let o = policyc(d, &["fmt", "-"], Some("policy x {\n  title \"x\n"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        policyc(d, &["fmt", "nope.policy"], None).status.code(),
        Some(2)
    );
    assert_eq!(policyc(d, &["fmt", "b.yaml"], None).status.code(), Some(2));
}

#[test]
fn init_writes_a_starter_that_passes_check_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = policyc(d, &["init"], None);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let check = policyc(d, &["check", "--deny", "warnings", "privacy.policy"], None);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    assert_eq!(
        policyc(d, &["fmt", "--check", "privacy.policy"], None)
            .status
            .code(),
        Some(0)
    );
    assert_eq!(policyc(d, &["init"], None).status.code(), Some(2));
    assert_eq!(
        policyc(d, &["init", "--force"], None).status.code(),
        Some(0)
    );
    std::fs::create_dir(d.join("sub")).unwrap();
    assert_eq!(policyc(d, &["init", "sub"], None).status.code(), Some(0));
    assert!(d.join("sub/privacy.policy").exists());
    assert_eq!(
        policyc(d, &["init", "missing/dir/x.policy"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn completions_and_man() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = policyc(here(), &["completions", shell], None);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(text.contains("policyc"), "{shell}");
        assert!(
            text.contains("fail-on"),
            "{shell}: diff's options are completed"
        );
    }
    assert_eq!(
        policyc(here(), &["completions", "tcsh"], None)
            .status
            .code(),
        Some(2)
    );
    let man = stdout(&policyc(here(), &["man"], None));
    assert!(man.starts_with(".ie"), "{man}");
    assert!(man.contains(".TH policyc 1"), "{man}");
    let diff = stdout(&policyc(here(), &["man", "--command", "diff"], None));
    assert!(
        diff.contains(".TH policyc\\-diff 1") || diff.contains(".TH policyc-diff 1"),
        "{diff}"
    );
    assert_eq!(
        policyc(here(), &["man", "--command", "nope"], None)
            .status
            .code(),
        Some(2)
    );
}
