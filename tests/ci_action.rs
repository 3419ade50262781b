//! The composite action (`action.yml`) runs as GitHub runs it: the example workflow's
//! inputs, each step's `if`, `env` and `run` script (bash -eo pipefail), outputs
//! passed between steps through `$GITHUB_OUTPUT`, in a scratch clone of a pull
//! request whose base branch is not fetched yet. `gh` is a stand-in that records
//! the API calls, so the sticky comment's find-and-update is checked too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(path: &str) -> Value {
    yaml_serde::from_str(&std::fs::read_to_string(repo_root().join(path)).unwrap()).unwrap()
}

fn starter() -> String {
    std::fs::read_to_string(repo_root().join("src/cli/starter.policy")).unwrap()
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

/// An `origin` repository whose `main` holds the starter policy and whose branch
/// `pr` changes it to `new`, and a clone of `pr` alone (as actions/checkout makes
/// it: the base branch is not fetched).
fn pull_request(new: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin");
    std::fs::create_dir_all(origin.join("policies")).unwrap();
    git(&origin, &["init", "-q", "-b", "main"]);
    std::fs::write(origin.join("policies/site.policy"), starter()).unwrap();
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-q", "-m", "policy"]);
    git(&origin, &["checkout", "-q", "-b", "pr"]);
    std::fs::write(origin.join("policies/site.policy"), new).unwrap();
    git(&origin, &["commit", "-q", "-am", "change"]);
    git(
        dir.path(),
        &[
            "clone",
            "-q",
            "--branch",
            "pr",
            "--single-branch",
            "origin",
            "work",
        ],
    );
    dir
}

/// A stand-in for `gh`: records every call in `$FAKE_GH/log`; lists the comment
/// ids in `$FAKE_GH/existing`; a POST "creates" comment 101.
const FAKE_GH: &str = r#"#!/usr/bin/env bash
echo "gh $*" >> "$FAKE_GH/log"
for a in "$@"; do
  case "$a" in body=@*) cp "${a#body=@}" "$FAKE_GH/body" ;; esac
done
case "$*" in
  *--paginate*) cat "$FAKE_GH/existing" 2>/dev/null || true ;;
  *"--method POST"*) echo 101 > "$FAKE_GH/existing"; echo '{"id":101}' ;;
  *"--method PATCH"*) echo '{"id":101}' ;;
esac
"#;

struct Runner {
    work: PathBuf,
    temp: tempfile::TempDir,
    inputs: BTreeMap<String, String>,
    outputs: BTreeMap<String, BTreeMap<String, String>>,
}

impl Runner {
    /// The action with its defaults, the example workflow's `with:` and `extra`.
    fn new(work: &Path, extra: &[(&str, &str)]) -> Self {
        let action = yaml("action.yml");
        let mut inputs = BTreeMap::new();
        for (k, v) in action["inputs"].as_object().unwrap() {
            let d = v["default"].as_str().unwrap_or("").to_string();
            inputs.insert(k.clone(), d);
        }
        for (k, v) in workflow_with() {
            assert!(
                inputs.contains_key(&k),
                "the workflow sets an unknown input {k}"
            );
            inputs.insert(k, v);
        }
        for (k, v) in extra {
            inputs.insert((*k).to_string(), (*v).to_string());
        }
        let temp = tempfile::tempdir().unwrap();
        let bin = temp.path().join("fake-bin");
        std::fs::create_dir_all(&bin).unwrap();
        let gh = bin.join("gh");
        std::fs::write(&gh, FAKE_GH).unwrap();
        Command::new("chmod").arg("+x").arg(&gh).status().unwrap();
        Self {
            work: work.to_path_buf(),
            temp,
            inputs,
            outputs: BTreeMap::new(),
        }
    }

    fn gh_dir(&self) -> PathBuf {
        self.temp.path().join("fake-bin")
    }

    /// The value of a context expression (`inputs.paths`, `runner.temp`, ...).
    fn value(&self, expr: &str) -> String {
        let expr = expr.trim();
        if let Some(name) = expr.strip_prefix("inputs.") {
            let v = &self.inputs[name];
            // Defaults may themselves be expressions.
            return self.substitute(v);
        }
        if let Some(rest) = expr.strip_prefix("steps.") {
            let (id, key) = rest.split_once(".outputs.").unwrap();
            return self
                .outputs
                .get(id)
                .and_then(|o| o.get(key))
                .cloned()
                .unwrap_or_default();
        }
        if let Some(s) = expr.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
            return s.to_string();
        }
        match expr {
            "runner.temp" => self.temp.path().display().to_string(),
            "github.action_path" => repo_root().display().to_string(),
            "github.action_repository" => "OWNER/policyc".to_string(),
            "github.token" => "token".to_string(),
            "github.base_ref" => "main".to_string(),
            "github.event_name" => "pull_request".to_string(),
            "github.repository" => "acme/site".to_string(),
            "github.event.pull_request.number" => "7".to_string(),
            other => panic!("the test runner does not know `{other}`"),
        }
    }

    fn substitute(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find("${{") {
            out.push_str(&rest[..i]);
            let j = rest[i..].find("}}").unwrap() + i;
            out.push_str(&self.value(&rest[i + 3..j]));
            rest = &rest[j + 2..];
        }
        out.push_str(rest);
        out
    }

    /// A step's `if`: `always()`, and `A == 'x'` / `A != 'x'` joined by `&&`.
    fn condition(&self, cond: &str, failed: bool) -> bool {
        let mut always = false;
        let ok = cond.split("&&").all(|part| {
            let part = part.trim();
            if part == "always()" {
                always = true;
                return true;
            }
            if let Some((a, b)) = part.split_once("!=") {
                return self.value(a) != self.value(b);
            }
            if let Some((a, b)) = part.split_once("==") {
                return self.value(a) == self.value(b);
            }
            panic!("the test runner cannot evaluate `{part}`");
        });
        ok && (always || !failed)
    }

    /// Runs every step as the runner would; returns each run step's id (or
    /// name) and output. Steps after a failure run only with `always()`.
    fn run(&mut self) -> Vec<(String, Output)> {
        let action = yaml("action.yml");
        let mut failed = false;
        let mut results = Vec::new();
        let path = format!(
            "{}:{}:{}",
            self.gh_dir().display(),
            PathBuf::from(env!("CARGO_BIN_EXE_policyc"))
                .parent()
                .unwrap()
                .display(),
            std::env::var("PATH").unwrap_or_default()
        );
        for step in action["runs"]["steps"].as_array().unwrap() {
            let name = step["id"]
                .as_str()
                .or(step["name"].as_str())
                .unwrap()
                .to_string();
            if let Some(cond) = step["if"].as_str() {
                if !self.condition(cond, failed) {
                    continue;
                }
            } else if failed {
                continue;
            }
            let Some(script) = step["run"].as_str() else {
                panic!("step {name} runs an action although its condition holds");
            };
            assert_eq!(step["shell"], "bash", "{name}");
            assert!(
                !script.contains("${{"),
                "{name}: expressions belong in env:"
            );
            let out_file = self.temp.path().join(format!("output-{name}"));
            std::fs::write(&out_file, "").unwrap();
            let mut cmd = Command::new("bash");
            cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
                .current_dir(&self.work)
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("RUNNER_OS", "Linux")
                .env("RUNNER_ARCH", "X64")
                .env("FAKE_GH", self.temp.path())
                .env("GITHUB_OUTPUT", &out_file)
                .env("GITHUB_PATH", self.temp.path().join("path"))
                .env("GITHUB_STEP_SUMMARY", self.temp.path().join("summary"));
            if let Some(env) = step["env"].as_object() {
                for (k, v) in env {
                    cmd.env(k, self.substitute(v.as_str().unwrap()));
                }
            }
            let out = cmd.output().unwrap();
            if !out.status.success() {
                failed = true;
            }
            let mut outputs = BTreeMap::new();
            for line in std::fs::read_to_string(&out_file).unwrap().lines() {
                if let Some((k, v)) = line.split_once('=') {
                    outputs.insert(k.to_string(), v.to_string());
                }
            }
            self.outputs.insert(name.clone(), outputs);
            results.push((name, out));
        }
        results
    }

    fn gh_log(&self) -> String {
        std::fs::read_to_string(self.temp.path().join("log")).unwrap_or_default()
    }

    fn comment(&self) -> String {
        std::fs::read_to_string(self.temp.path().join("body")).unwrap_or_default()
    }
}

/// The `with:` of the example workflow's policyc step.
fn workflow_with() -> Vec<(String, String)> {
    let wf = yaml("examples/ci/github-workflow.yml");
    let steps = wf["jobs"]["policy"]["steps"].as_array().unwrap();
    let step = steps
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.contains("/policyc@")))
        .expect("the example workflow uses the policyc action");
    step["with"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

fn result<'a>(results: &'a [(String, Output)], id: &str) -> &'a Output {
    &results.iter().find(|(i, _)| i == id).unwrap().1
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
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
fn the_action_passes_a_versioned_change_and_keeps_one_comment() {
    let pr = pull_request(&versioned_change());
    let work = pr.path().join("work");
    let mut runner = Runner::new(&work, &[("version", "installed")]);
    let results = runner.run();
    let ran: Vec<&str> = results.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(
        ran,
        ["install", "check", "fmt", "diff", "comment", "Result"]
    );
    for (id, out) in &results {
        assert!(out.status.success(), "{id}: {out:?}");
    }
    // The base branch was fetched, and the diff found the change.
    let report = std::fs::read_to_string(&runner.outputs["diff"]["report"]).unwrap();
    assert!(report.starts_with("## Privacy policy changes"), "{report}");
    assert!(report.contains("### `policies/site.policy`"), "{report}");
    assert!(report.contains("period lengthened"), "{report}");
    assert!(report.contains("30 days | 90 days"), "{report}");
    // SARIF for code scanning.
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(work.join("policyc.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    // One comment, created with the marker.
    let log = runner.gh_log();
    assert!(log.contains("repos/acme/site/issues/7/comments"), "{log}");
    assert_eq!(log.matches("--method POST").count(), 1, "{log}");
    assert!(runner
        .comment()
        .starts_with("<!-- policyc-diff -->\n## Privacy policy changes"));

    // The next push updates the same comment instead of adding one.
    runner.outputs.clear();
    let again = runner.run();
    assert!(result(&again, "Result").status.success());
    let log = runner.gh_log();
    assert_eq!(log.matches("--method POST").count(), 1, "{log}");
    assert!(
        log.contains("--method PATCH repos/acme/site/issues/comments/101"),
        "{log}"
    );
}

#[test]
fn the_action_fails_an_unversioned_material_change_unformatted_files_and_findings() {
    let broken = starter()
        .replace("retain stated-purpose \"30 days\"", "retain indefinitely")
        .replace("  title \"Privacy", "  title    \"Privacy")
        .replace(
            "    from visitors\n    data contact\n",
            "    from vistors\n    data contact\n",
        );
    let pr = pull_request(&broken);
    let work = pr.path().join("work");
    let mut runner = Runner::new(&work, &[("version", "installed")]);
    let results = runner.run();
    assert_eq!(runner.outputs["check"]["status"], "1");
    assert_eq!(runner.outputs["fmt"]["status"], "1");
    let check = stdout(result(&results, "check"));
    assert!(
        check.contains("::error file=policies/site.policy,line="),
        "{check}"
    );
    assert!(check.contains("title=R201::"), "{check}");
    let fmt = stdout(result(&results, "fmt"));
    assert!(fmt.contains("+  title \"Privacy"), "{fmt}");
    let end = result(&results, "Result");
    assert_eq!(end.status.code(), Some(1), "{end:?}");
    assert!(stdout(end).contains("policyc failed: check fmt"), "{end:?}");

    // Formatted and without the typo, only the unversioned material change fails.
    let pr = pull_request(
        &starter().replace("retain stated-purpose \"30 days\"", "retain indefinitely"),
    );
    let mut runner = Runner::new(&pr.path().join("work"), &[("version", "installed")]);
    let results = runner.run();
    assert_eq!(runner.outputs["diff"]["status"], "1");
    assert!(runner.comment().contains("retention lengthened"));
    assert!(runner
        .comment()
        .contains("kept its version and effective date"));
    assert!(stdout(result(&results, "Result")).contains("policyc failed: diff"));
    // `fail-on: never` lets it pass, and the comment is still kept.
    let mut runner = Runner::new(
        &pr.path().join("work"),
        &[("version", "installed"), ("fail-on", "never")],
    );
    let results = runner.run();
    assert!(result(&results, "Result").status.success());
}

#[test]
fn the_action_declares_what_it_uses() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let text = std::fs::read_to_string(repo_root().join("action.yml")).unwrap();
    // Every input and step output an expression names exists.
    let inputs = action["inputs"].as_object().unwrap();
    let ids: Vec<&str> = action["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    for (i, _) in text.match_indices("inputs.") {
        let name: String = text[i + 7..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(inputs.contains_key(&name), "unknown input {name}");
    }
    for (i, _) in text.match_indices("steps.") {
        let id: String = text[i + 6..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(ids.contains(&id.as_str()), "unknown step {id}");
    }
    // The release workflow builds the three systems the action downloads for.
    let release =
        std::fs::read_to_string(repo_root().join(".github/workflows/release.yml")).unwrap();
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(release.contains(target), "{target}");
        assert!(text.contains(target), "{target}");
    }
}
