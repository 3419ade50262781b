//! The CI examples in `examples/` run as written: the GitHub workflow's policyc
//! steps and the pre-commit hooks' commands are extracted and run in a scratch git
//! repository holding a policy and a pull-request change to it.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn starter() -> String {
    std::fs::read_to_string(repo_root().join("src/cli/starter.policy")).unwrap()
}

/// A PATH with the built `policyc` first.
fn path_env() -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_policyc"));
    format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

/// A repository whose `main` holds the starter policy and whose checked-out
/// branch `pr` changes it to `new`.
fn scratch_repo(new: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(d.join("policies")).unwrap();
    std::fs::write(d.join("policies/site.policy"), starter()).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "policy"]);
    git(d, &["checkout", "-q", "-b", "pr"]);
    std::fs::write(d.join("policies/site.policy"), new).unwrap();
    git(d, &["commit", "-q", "-am", "change"]);
    dir
}

/// Runs a script as GitHub Actions runs `run:` steps (bash -eo pipefail).
fn run_step(dir: &Path, script: &str) -> Output {
    Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path_env())
        .env("POLICY_DIR", "policies")
        .env("BASE", "main")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The `run` scripts of the workflow's steps with these ids.
fn workflow_steps() -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(repo_root().join("examples/ci/github-workflow.yml")).unwrap();
    let doc: serde_json::Value = yaml_serde::from_str(&text).unwrap();
    let steps = doc["jobs"]["policy"]["steps"].as_array().unwrap();
    steps
        .iter()
        .filter_map(|s| {
            let id = s.get("id")?.as_str()?.to_string();
            let run = s.get("run")?.as_str()?.to_string();
            Some((id, run))
        })
        .collect()
}

fn step<'a>(steps: &'a [(String, String)], id: &str) -> &'a str {
    &steps.iter().find(|(i, _)| i == id).unwrap().1
}

/// A material change (logs kept longer) with a new version.
fn versioned_change() -> String {
    starter()
        .replace(
            "retain stated-purpose \"30 days\"",
            "retain stated-purpose \"90 days\"",
        )
        .replace("version \"1\"", "version \"2\"")
}

#[test]
fn workflow_passes_a_versioned_material_change() {
    let steps = workflow_steps();
    let ids: Vec<&str> = steps.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(ids, ["check", "sarif", "fmt", "diff"]);
    let repo = scratch_repo(&versioned_change());
    let d = repo.path();

    let check = run_step(d, step(&steps, "check"));
    assert!(check.status.success(), "{check:?}");

    let sarif = run_step(d, step(&steps, "sarif"));
    assert!(sarif.status.success(), "{sarif:?}");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("policyc.sarif")).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");

    let fmt = run_step(d, step(&steps, "fmt"));
    assert!(fmt.status.success(), "{fmt:?}");

    let diff = run_step(d, step(&steps, "diff"));
    assert!(diff.status.success(), "{diff:?}");
    let md = std::fs::read_to_string(d.join("policy-diff.md")).unwrap();
    assert!(md.contains("#### `policies/site.policy`"), "{md}");
    assert!(md.contains("period lengthened"), "{md}");
    assert!(md.contains("30 days | 90 days"), "{md}");
}

#[test]
fn workflow_fails_an_unversioned_material_change_and_unformatted_files() {
    let steps = workflow_steps();
    let unversioned = starter()
        .replace("retain stated-purpose \"30 days\"", "retain indefinitely")
        .replace("  title \"Privacy", "  title    \"Privacy");
    let repo = scratch_repo(&unversioned);
    let d = repo.path();

    let diff = run_step(d, step(&steps, "diff"));
    assert_eq!(diff.status.code(), Some(1), "{diff:?}");
    let md = std::fs::read_to_string(d.join("policy-diff.md")).unwrap();
    assert!(md.contains("retention lengthened"), "{md}");
    assert!(md.contains("kept its version and effective date"), "{md}");

    let fmt = run_step(d, step(&steps, "fmt"));
    assert_eq!(fmt.status.code(), Some(1), "{fmt:?}");
    let shown = String::from_utf8_lossy(&fmt.stdout);
    assert!(shown.contains("-  title    \"Privacy"), "{shown}");
    assert!(shown.contains("+  title \"Privacy"), "{shown}");
}

#[test]
fn workflow_check_annotates_findings() {
    let steps = workflow_steps();
    let broken = starter().replace(
        "    from visitors\n    data contact\n",
        "    from vistors\n    data contact\n",
    );
    let repo = scratch_repo(&broken);
    let check = run_step(repo.path(), step(&steps, "check"));
    assert_eq!(check.status.code(), Some(1), "{check:?}");
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        out.contains("::error file=policies/site.policy,line="),
        "{out}"
    );
    assert!(out.contains("title=R201::"), "{out}");
}

/// Runs a pre-commit hook's entry with the given files, as pre-commit does.
fn run_hook(dir: &Path, entry: &str, files: &[&str]) -> Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("{entry} \"$@\""))
        .arg("hook")
        .args(files)
        .current_dir(dir)
        .env("PATH", path_env())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn hooks() -> Vec<(String, String, String)> {
    let text =
        std::fs::read_to_string(repo_root().join("examples/ci/pre-commit-config.yaml")).unwrap();
    let doc: serde_json::Value = yaml_serde::from_str(&text).unwrap();
    doc["repos"][0]["hooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["id"].as_str().unwrap().to_string(),
                h["entry"].as_str().unwrap().to_string(),
                h["files"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn pre_commit_hooks_pass_a_good_change_and_fail_a_bad_one() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h.0.as_str()).collect();
    assert_eq!(ids, ["policyc-check", "policyc-fmt", "policyc-diff"]);
    for (_, _, files) in &hooks {
        assert_eq!(files, "\\.policy$");
    }
    let files = ["policies/site.policy"];

    let good = scratch_repo(&versioned_change());
    for (id, entry, _) in &hooks {
        let out = run_hook(good.path(), entry, &files);
        assert!(out.status.success(), "{id}: {out:?}");
    }

    let bad = scratch_repo(
        &starter()
            .replace("retain stated-purpose \"30 days\"", "retain indefinitely")
            .replace("  title \"Privacy", "  title  \"Privacy"),
    );
    for (id, entry, _) in &hooks {
        let out = run_hook(bad.path(), entry, &files);
        let expected = i32::from(id != "policyc-check");
        assert_eq!(out.status.code(), Some(expected), "{id}: {out:?}");
    }
}
