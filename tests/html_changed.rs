//! "What changed" on the notice: `policyc build --previous FILE` and
//! `--previous-rev REV` compare the policy with its previous published version
//! (`policyc diff`) and the page lists the changes in plain words, dated.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod html_support;

use policyc::diff::{self, ChangeKind};
use policyc::emit::html::catalog;
use policyc::emit::EmitOptions;
use policyc::engine;
use policyc::model::PolicySet;
use policyc::span::SourceFile;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

const OLD: &str = "tests/fixtures/html-changed/old.policy";
const NEW: &str = "tests/fixtures/html-changed/new.policy";

/// The page of `new` with what changed since `old`, in `lang`.
fn page_since(old: &str, new: &str, lang: Option<&str>) -> String {
    let mut previous = html_support::model(old);
    let mut set = html_support::model(new);
    if let Some(lang) = lang {
        for p in set.policies.iter_mut().chain(&mut previous.policies) {
            p.language = Some(lang.to_string());
        }
    }
    let options = EmitOptions {
        previous: Some(Arc::new(previous)),
        ..Default::default()
    };
    let out = html_support::render(&set, &options);
    String::from_utf8(out[0].bytes.clone()).expect("UTF-8")
}

/// The `#what-changed` section of a page.
fn section(html: &str) -> &str {
    let start = html
        .find("<section class=\"changed\"")
        .expect("a what-changed section");
    let end = html[start..].find("</section>").expect("closed") + start;
    &html[start..end + "</section>".len()]
}

#[test]
fn the_section_lists_a_realistic_pair_in_every_language() {
    for lang in catalog::languages() {
        let html = page_since(OLD, NEW, Some(lang));
        assert!(
            html.contains("href=\"#what-changed\""),
            "{lang}: the header links to the section"
        );
        insta::assert_snapshot!(format!("what_changed_{lang}"), section(&html));
    }
}

#[test]
fn without_a_previous_version_there_is_no_section() {
    let html = html_support::page(NEW);
    assert!(!html.contains("what-changed"));
}

/// The model of a policy file, findings of the checks allowed (the diff
/// fixtures show one change each, not clean policies).
fn lenient(relative: &str) -> PolicySet {
    let text = std::fs::read_to_string(html_support::root().join(relative)).expect("fixture");
    engine::compile(&SourceFile::new(relative, text))
        .model
        .expect("the fixture resolves")
}

#[test]
fn every_change_policyc_diff_finds_is_listed_or_counted() {
    let dir = html_support::root().join("tests/fixtures/diff");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("diff fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("old.policy").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() > 80, "every change kind has a fixture");
    let mut sections = 0;
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let old = lenient(&format!("tests/fixtures/diff/{name}/old.policy"));
        let new = lenient(&format!("tests/fixtures/diff/{name}/new.policy"));
        let found = diff::diff(&old, &new);
        let previous = Arc::new(old);
        for lang in catalog::languages() {
            let mut set = new.clone();
            for p in &mut set.policies {
                p.language = Some(lang.to_string());
            }
            let options = EmitOptions {
                previous: Some(previous.clone()),
                ..Default::default()
            };
            for out in html_support::render(&set, &options) {
                let html = String::from_utf8(out.bytes).expect("UTF-8");
                let policy = out.path.trim_end_matches(".html");
                let ours: Vec<_> = found
                    .changes
                    .iter()
                    .filter(|c| c.policy == policy)
                    .filter(|c| {
                        !matches!(c.kind, ChangeKind::PolicyAdded | ChangeKind::PolicyRemoved)
                    })
                    .collect();
                if !html.contains("id=\"what-changed\"") {
                    assert!(
                        ours.is_empty(),
                        "{name} ({lang}) {policy}: no section for {ours:?}"
                    );
                    continue;
                }
                sections += 1;
                let s = section(&html);
                let listed = s.matches("<li").count();
                assert!(
                    listed > 0 || s.contains("class=\"hint\"") || ours.is_empty(),
                    "{name} ({lang}): nothing listed for {ours:?}"
                );
                let material = ours.iter().filter(|c| c.material).count();
                assert_eq!(
                    s.matches("<li class=\"material\"").count(),
                    material,
                    "{name} ({lang}): every material change is listed as important:\n{s}\n{ours:#?}"
                );
                // No message id leaks through (a missing message shows its id).
                assert!(
                    !s.replace("what-changed", "").contains("changed-"),
                    "{name} ({lang}): {s}"
                );
                assert!(!s.contains("{ $"), "{name} ({lang}): {s}");
            }
        }
    }
    assert!(sections > 200, "the pages have their section ({sections})");
}

fn policyc(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("policyc runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
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
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(html_support::root().join(path)).expect("fixture")
}

#[test]
fn build_compares_with_a_git_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    std::fs::create_dir_all(repo.join("policies")).unwrap();
    git(repo, &["init", "-q"]);
    std::fs::write(repo.join("policies/site.policy"), fixture(OLD)).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "version 3"]);
    std::fs::write(repo.join("policies/site.policy"), fixture(NEW)).unwrap();

    let (code, err) = policyc(
        repo,
        &[
            "build",
            "policies/site.policy",
            "--previous-rev",
            "HEAD",
            "-o",
            "out",
            "--emit",
            "html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(repo.join("out/site/main.html")).unwrap();
    let s = section(&html);
    assert!(s.contains("<time datetime=\"2026-01-15\">"), "{s}");
    assert!(s.contains("<time datetime=\"2026-06-01\">"), "{s}");
    assert!(s.contains("India"), "{s}");

    // From another folder, with the file's path through a subfolder.
    let (code, err) = policyc(
        &repo.join("policies"),
        &[
            "build",
            "site.policy",
            "--previous-rev",
            "HEAD",
            "-o",
            "../out2",
            "--emit",
            "html",
        ],
    );
    assert_eq!(code, 0, "{err}");

    // The same with --previous FILE.
    std::fs::write(repo.join("old.policy"), fixture(OLD)).unwrap();
    let (code, err) = policyc(
        repo,
        &[
            "build",
            "policies/site.policy",
            "--previous",
            "old.policy",
            "-o",
            "out3",
            "--emit",
            "html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let again = std::fs::read_to_string(repo.join("out3/site/main.html")).unwrap();
    assert_eq!(section(&again), s, "a file and a revision say the same");
}

#[test]
fn previous_version_errors_are_reported_with_their_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("site.policy"), fixture(NEW)).unwrap();
    std::fs::write(dir.join("other.policy"), fixture(NEW)).unwrap();
    std::fs::write(
        dir.join("broken.policy"),
        "policy main {\n  title \"x\"\n  bogus 1\n}\n",
    )
    .unwrap();
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "site.policy", "-o", "out"];
        args.extend_from_slice(extra);
        policyc(dir, &args)
    };

    // Not a git work tree (GIT_CEILING_DIRECTORIES keeps git from finding an
    // enclosing repository).
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args([
            "build",
            "site.policy",
            "-o",
            "out",
            "--previous-rev",
            "HEAD",
        ])
        .current_dir(dir)
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("site.policy is not in a git work tree"),
        "{err}"
    );

    // A missing file.
    let (code, err) = build(&["--previous", "gone.policy"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--previous gone.policy: cannot read"), "{err}");

    // A previous version that does not resolve: its findings, located, exit 1.
    let (code, err) = build(&["--previous", "broken.policy"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("broken.policy:3"), "{err}");
    assert!(
        err.contains("previous version broken.policy cannot be read"),
        "{err}"
    );

    // --previous names one file's previous version.
    let (code, err) = policyc(
        dir,
        &[
            "build",
            "site.policy",
            "other.policy",
            "-o",
            "out",
            "--previous",
            "site.policy",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--previous-rev"), "{err}");

    // An unknown revision, and a file the revision did not hold.
    git(dir, &["init", "-q"]);
    git(dir, &["add", "site.policy"]);
    git(dir, &["commit", "-q", "-m", "one"]);
    let (code, err) = build(&["--previous-rev", "no-such-rev"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("git does not know the revision `no-such-rev`"),
        "{err}"
    );
    let (code, err) = policyc(
        dir,
        &[
            "build",
            "other.policy",
            "-o",
            "out",
            "--previous-rev",
            "HEAD",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("other.policy did not exist at HEAD"), "{err}");
    assert!(!dir.join("out").exists(), "nothing is written");
}
