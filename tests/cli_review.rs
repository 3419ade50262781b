//! What a reviewer relies on in `policyc diff`: periods compared by length,
//! reworded commitments never called harmless, one format name across commands,
//! reasons written for reviewers, and `--git` over a folder (new and removed files,
//! one Markdown document with its headings in order).

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn policyc(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
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

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn starter() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli/starter.policy"))
        .unwrap()
}

/// The starter policy with its log retention period (`"30 days"`) replaced.
fn with_period(period: &str) -> String {
    let s = starter();
    assert!(s.contains("retain stated-purpose \"30 days\""));
    s.replace(
        "retain stated-purpose \"30 days\"",
        &format!("retain stated-purpose \"{period}\""),
    )
}

/// The starter policy with its session cookie's lifetime replaced.
fn with_lifetime(lifetime: &str) -> String {
    let s = starter();
    assert!(s.contains("lifetime \"session\""));
    s.replace("lifetime \"session\"", &format!("lifetime \"{lifetime}\""))
}

/// `policyc diff OLD NEW --fail-on material --format json` on two texts.
fn diff_json(old: &str, new: &str) -> (Option<i32>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.policy"), old).unwrap();
    std::fs::write(dir.path().join("new.policy"), new).unwrap();
    let o = policyc(
        dir.path(),
        &[
            "diff",
            "old.policy",
            "new.policy",
            "--fail-on",
            "material",
            "--format",
            "json",
        ],
        None,
    );
    (o.status.code(), serde_json::from_slice(&o.stdout).unwrap())
}

fn kinds(v: &serde_json::Value) -> Vec<String> {
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn periods_are_compared_by_length() {
    // (old, new, kind, exit status with --fail-on material)
    let cases = [
        ("1.5 years", "3 years", "period-lengthened", 1),
        ("3 years", "1.5 years", "period-shortened", 0),
        ("24 months", "2 years", "period-restated", 0),
        ("2 years", "18 months", "period-shortened", 0),
        ("one and a half years", "2 years", "period-lengthened", 1),
        (
            "between 6 and 12 months",
            "up to 2 years",
            "period-lengthened",
            1,
        ),
        ("90 days", "6 months", "period-lengthened", 1),
        ("13 months", "up to 13 months", "period-restated", 0),
        ("2 years", "at least 2 years", "period-lengthened", 1),
        // Not comparable: needs review, counted as material.
        ("30 days", "1 month", "period-reworded", 1),
        (
            "30 days",
            "until you close your account",
            "period-reworded",
            1,
        ),
        (
            "2 years after your last visit",
            "2 years after you sign up",
            "period-reworded",
            1,
        ),
    ];
    for (old, new, kind, code) in cases {
        let (status, v) = diff_json(&with_period(old), &with_period(new));
        assert_eq!(kinds(&v), [kind], "{old} → {new}: {v}");
        assert_eq!(status, Some(code), "{old} → {new}: {v}");
    }
}

#[test]
fn a_renewed_cookie_lifetime_is_material() {
    let (status, v) = diff_json(
        &with_lifetime("13 months"),
        &with_lifetime("up to 13 months, renewed on every visit"),
    );
    assert_eq!(kinds(&v), ["period-renewed"], "{v}");
    assert_eq!(v["changes"][0]["material"], true);
    assert_eq!(status, Some(1));
}

#[test]
fn a_reworded_promise_needs_review_and_counts_as_material() {
    let old = starter();
    assert!(old.contains("\"We do not sell personal information.\""));
    let new = old.replace(
        "\"We do not sell personal information.\"",
        "\"We may sell your personal data to our marketing partners.\"",
    );
    let (status, v) = diff_json(&old, &new);
    assert_eq!(kinds(&v), ["reworded"], "{v}");
    assert_eq!(v["changes"][0]["needs_review"], true);
    assert_eq!(v["changes"][0]["material"], true);
    assert_eq!(v["needs_review"], true);
    assert_eq!(status, Some(1));

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("old.policy"), &old).unwrap();
    std::fs::write(d.join("new.policy"), &new).unwrap();
    // The default (unversioned material) fails too; `--fail-on definite` lets it pass.
    let o = policyc(d, &["diff", "old.policy", "new.policy"], None);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("needs review"), "{}", out(&o));
    assert!(!out(&o).contains("unchanged;"), "{}", out(&o));
    let o = policyc(
        d,
        &["diff", "old.policy", "new.policy", "--fail-on", "definite"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

#[test]
fn format_names_match_check_and_terminal_is_a_deprecated_alias() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("old.policy"), with_period("30 days")).unwrap();
    std::fs::write(d.join("new.policy"), with_period("90 days")).unwrap();
    let human = policyc(
        d,
        &["diff", "old.policy", "new.policy", "--format", "human"],
        None,
    );
    assert_eq!(human.status.code(), Some(1), "{human:?}");
    assert!(out(&human).contains("period lengthened"));
    assert!(err(&human).is_empty(), "{}", err(&human));
    let terminal = policyc(
        d,
        &["diff", "old.policy", "new.policy", "--format", "terminal"],
        None,
    );
    assert_eq!(out(&terminal), out(&human));
    assert!(err(&terminal).contains("deprecated"), "{}", err(&terminal));
    assert!(
        err(&terminal).contains("--format human"),
        "{}",
        err(&terminal)
    );
    let check = policyc(d, &["check", "new.policy", "--format", "human"], None);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

#[test]
fn reasons_never_cite_the_project_s_source_files() {
    let v = diff_json(
        &with_period("30 days"),
        &starter().replace("retain stated-purpose \"30 days\"", "retain indefinitely"),
    )
    .1;
    for c in v["changes"].as_array().unwrap() {
        let reason = c["reason"].as_str().unwrap();
        assert!(!reason.contains("src/"), "{reason}");
        assert!(!reason.contains(".rs"), "{reason}");
    }
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {o:?}");
}

#[test]
fn git_diff_over_a_folder_reports_changed_new_and_removed_files_in_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir_all(d.join("policies/sub")).unwrap();
    std::fs::write(d.join("policies/site.policy"), with_period("30 days")).unwrap();
    std::fs::write(d.join("policies/sub/gone.policy"), starter()).unwrap();
    // Not policies: a workflow-like YAML file and an ignored draft.
    std::fs::write(d.join("policies/notes.yaml"), "title: notes\n").unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "one"]);
    git(d, &["checkout", "-q", "-b", "pr"]);
    std::fs::write(d.join("policies/site.policy"), with_period("90 days")).unwrap();
    std::fs::remove_dir_all(d.join("policies/sub")).unwrap();
    std::fs::write(
        d.join("policies/new.policy"),
        starter().replace("policy main", "policy other"),
    )
    .unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "two"]);

    let o = policyc(
        d,
        &["diff", "--git", "main", "policies", "--format", "markdown"],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let md = out(&o);
    assert!(md.contains("### `policies/site.policy`\n"), "{md}");
    assert!(md.contains("### `policies/new.policy` (new file)"), "{md}");
    assert!(
        md.contains("### `policies/sub/gone.policy` (file removed)"),
        "{md}"
    );
    assert!(!md.contains("notes.yaml"), "{md}");
    // Headings nest: one title, then files, policies, groups.
    let levels: Vec<usize> = md
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.chars().take_while(|c| *c == '#').count())
        .collect();
    assert_eq!(levels[0], 2, "{md}");
    assert_eq!(levels.iter().filter(|l| **l == 2).count(), 1, "{md}");
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "a heading skips a level: {md}");
    }
    assert!(md.contains("period lengthened"), "{md}");
    assert!(md.contains("policy removed"), "{md}");

    // From a subfolder, with the folder as default, the same files are found.
    let o = policyc(
        &d.join("policies"),
        &["diff", "--git", "main", "--format", "json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        ["new.policy", "site.policy", "sub/gone.policy"],
        "{v}"
    );

    // A removed file named on its own, and a path known to neither side.
    let o = policyc(
        d,
        &["diff", "--git", "main", "policies/sub/gone.policy"],
        None,
    );
    assert!(
        out(&o).contains("policies/sub/gone.policy (file removed)"),
        "{o:?}"
    );
    let o = policyc(d, &["diff", "--git", "main", "policies/never.policy"], None);
    assert_eq!(o.status.code(), Some(2), "{o:?}");

    // An unknown revision is a usage error.
    let o = policyc(d, &["diff", "--git", "nope", "policies"], None);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(err(&o).contains("nope"), "{}", err(&o));
}

#[test]
fn quiet_diff_prints_nothing_and_keeps_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("old.policy"), with_period("30 days")).unwrap();
    std::fs::write(d.join("new.policy"), with_period("90 days")).unwrap();
    let o = policyc(d, &["diff", "--quiet", "old.policy", "new.policy"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty() && o.stderr.is_empty(), "{o:?}");
}
