//! The CI examples run as written: the pre-commit hooks (this repository's
//! `.pre-commit-hooks.yaml`, used by `examples/ci/pre-commit-config.yaml`) run as
//! pre-commit runs them, and the README's CI section is followed step by step in a
//! scratch repository. The GitHub Action's steps are run by `tests/ci_action.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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

/// A material change (logs kept longer) with a new version.
fn versioned_change() -> String {
    starter()
        .replace(
            "retain stated-purpose \"30 days\"",
            "retain stated-purpose \"90 days\"",
        )
        .replace("version \"1\"", "version \"2\"")
}

/// Runs a pre-commit hook as pre-commit does: `entry`, then `args`, then the
/// changed files matching `files` unless `pass_filenames` is false.
fn run_hook(dir: &Path, hook: &Hook, changed: &[&str]) -> Output {
    let mut words: Vec<String> = hook.args.clone();
    if hook.pass_filenames {
        let re_ext = hook.files.trim_start_matches("\\.").trim_end_matches('$');
        words.extend(
            changed
                .iter()
                .filter(|f| f.ends_with(&format!(".{re_ext}")))
                .map(|f| (*f).to_string()),
        );
    }
    Command::new("bash")
        .arg("-c")
        .arg(format!("{} \"$@\"", hook.entry))
        .arg("hook")
        .args(&words)
        .current_dir(dir)
        .env("PATH", path_env())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

struct Hook {
    id: String,
    entry: String,
    args: Vec<String>,
    files: String,
    pass_filenames: bool,
}

/// The hooks the example configuration uses, as `.pre-commit-hooks.yaml` defines them.
fn hooks() -> Vec<Hook> {
    let read = |p: &str| -> serde_json::Value {
        yaml_serde::from_str(&std::fs::read_to_string(repo_root().join(p)).unwrap()).unwrap()
    };
    let config = read("examples/ci/pre-commit-config.yaml");
    let defined = read(".pre-commit-hooks.yaml");
    let used: Vec<&str> = config["repos"][0]["hooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    used.iter()
        .map(|id| {
            let h = defined
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h["id"] == *id)
                .unwrap_or_else(|| panic!("hook {id} is not defined"));
            assert_eq!(
                h["language"], "rust",
                "{id}: pre-commit builds policyc itself"
            );
            Hook {
                id: (*id).to_string(),
                entry: h["entry"].as_str().unwrap().to_string(),
                args: h["args"]
                    .as_array()
                    .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
                    .unwrap_or_default(),
                files: h["files"].as_str().unwrap().to_string(),
                pass_filenames: h["pass_filenames"].as_bool().unwrap_or(true),
            }
        })
        .collect()
}

#[test]
fn pre_commit_hooks_pass_a_good_change_and_fail_a_bad_one() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["policyc-check", "policyc-fmt", "policyc-diff"]);
    let changed = ["policies/site.policy"];

    let good = scratch_repo(&versioned_change());
    // The hooks' own configuration beside the policies is not a policy.
    std::fs::copy(
        repo_root().join("examples/ci/pre-commit-config.yaml"),
        good.path().join(".pre-commit-config.yaml"),
    )
    .unwrap();
    for hook in &hooks {
        let out = run_hook(good.path(), hook, &changed);
        assert!(out.status.success(), "{}: {out:?}", hook.id);
    }

    let bad = scratch_repo(
        &starter()
            .replace("retain stated-purpose \"30 days\"", "retain indefinitely")
            .replace("  title \"Privacy", "  title  \"Privacy"),
    );
    for hook in &hooks {
        let out = run_hook(bad.path(), hook, &changed);
        let expected = i32::from(hook.id != "policyc-check");
        assert_eq!(out.status.code(), Some(expected), "{}: {out:?}", hook.id);
    }
}

/// The README's "policyc in CI" section.
fn ci_section() -> String {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let start = readme
        .find("## policyc in CI")
        .expect("README has the CI section");
    let rest = &readme[start + 3..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end].to_string()
}

/// Every "Copy `FROM` to `TO`" instruction of the section.
fn copy_instructions(section: &str) -> Vec<(String, String)> {
    let flat = section.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut rest = flat.as_str();
    while let Some(i) = rest.find("Copy `") {
        rest = &rest[i + 6..];
        let Some((from, after)) = rest.split_once('`') else {
            break;
        };
        let Some(after) = after.strip_prefix(" to `") else {
            continue;
        };
        let Some((to, _)) = after.split_once('`') else {
            break;
        };
        out.push((from.to_string(), to.to_string()));
    }
    out
}

#[test]
fn the_readme_ci_section_works_as_written_in_a_scratch_repository() {
    let section = ci_section();
    let copies = copy_instructions(&section);
    let targets: Vec<&str> = copies.iter().map(|(_, to)| to.as_str()).collect();
    assert_eq!(
        targets,
        [
            ".github/workflows/privacy-policy.yml",
            ".pre-commit-config.yaml"
        ],
        "{section}"
    );
    let toml = section
        .split("```toml\n")
        .nth(1)
        .and_then(|t| t.split("```").next())
        .expect("the section shows a policyc.toml");

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    // A policy, as `policyc init` writes it.
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_policyc"))
            .args(args)
            .current_dir(d)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    std::fs::create_dir(d.join("policies")).unwrap();
    let init = run(&["init", "policies/site.policy"]);
    assert!(init.status.success(), "{init:?}");
    for (from, to) in &copies {
        let target = d.join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(repo_root().join(from), target).unwrap();
    }
    std::fs::write(d.join("policyc.toml"), toml).unwrap();
    // Something a site keeps that is neither a policy nor committed.
    std::fs::write(d.join(".gitignore"), "public/\n").unwrap();
    std::fs::create_dir_all(d.join("public")).unwrap();
    std::fs::write(d.join("public/old.policy"), "policy {").unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "policies and CI"]);

    let check = run(&["check", "."]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let fmt = run(&["fmt", "--check", "."]);
    assert_eq!(fmt.status.code(), Some(0), "{fmt:?}");
    let diff = run(&["diff", "--git", "main", "."]);
    assert_eq!(diff.status.code(), Some(0), "{diff:?}");
    assert!(String::from_utf8_lossy(&diff.stdout).contains("no changes in meaning"));
    // The configuration's build folder is used.
    let build = run(&["build", "policies"]);
    assert_eq!(build.status.code(), Some(0), "{build:?}");
    assert!(d.join("public/privacy/site/w3c/policy.xml").exists());
}
