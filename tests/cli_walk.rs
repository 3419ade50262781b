//! Folder walks and repository configuration end to end: `.gitignore`, hidden
//! folders, YAML files that are not policies, `--exclude`, `policyc.toml`,
//! `check -`, `--quiet`, `--color` on every command, and GitHub annotation paths
//! from a subfolder.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(dir: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_policyc"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    // A run that stops before reading its input closes the pipe early.
    let _ = input.write_all(stdin.unwrap_or("").as_bytes());
    drop(input);
    child.wait_with_output().unwrap()
}

fn policyc(dir: &Path, args: &[&str]) -> Output {
    run(dir, args, None, &[])
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn starter() -> String {
    repo_file("src/cli/starter.policy")
}

/// A policy with one warning and no error.
fn warning_policy() -> String {
    repo_file("tests/ui/P313-short-expiry.policy")
}

const BROKEN: &str = "policy broken {\n  title \"unterminated\n";

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn walks_skip_ignored_hidden_and_non_policy_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "policies/site.policy", &starter());
    write(
        d,
        "policies/form.yaml",
        &repo_file("examples/yaml-form.yaml"),
    );
    // What a repository keeps beside its policies: none of it is a policy.
    write(
        d,
        ".github/workflows/privacy.yml",
        &repo_file("examples/ci/github-workflow.yml"),
    );
    write(
        d,
        ".pre-commit-config.yaml",
        &repo_file("examples/ci/pre-commit-config.yaml"),
    );
    write(
        d,
        "docker-compose.yml",
        "services:\n  web:\n    image: nginx\n",
    );
    write(d, ".hidden/draft.policy", BROKEN);
    write(d, "build/generated.policy", BROKEN);
    write(d, ".gitignore", "build/\n");
    let o = policyc(d, &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(out(&o).contains("0 errors"), "{}", out(&o));

    // The YAML policy was checked: break it and the run fails.
    write(d, "policies/form.yaml", "policies:\n  - name: [\n");
    let o = policyc(d, &["check", "."]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("form.yaml"), "{}", out(&o));
    write(
        d,
        "policies/form.yaml",
        &repo_file("examples/yaml-form.yaml"),
    );

    // A file named on the command line is always checked, ignored or not.
    let o = policyc(d, &["check", "build/generated.policy"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");

    // --exclude leaves out folders and files (gitignore-style globs).
    write(d, "policies/drafts/wip.policy", BROKEN);
    assert_eq!(policyc(d, &["check", "."]).status.code(), Some(1));
    let o = policyc(d, &["check", ".", "--exclude", "policies/drafts/"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let o = policyc(d, &["check", ".", "--exclude", "wip.policy"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    // fmt and build walk the same way.
    let o = policyc(d, &["fmt", "--check", ".", "--exclude", "drafts"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

#[test]
fn policyc_toml_sets_repository_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    Command::new("git")
        .args(["init", "-q"])
        .current_dir(d)
        .output()
        .unwrap();
    write(d, "policies/site.policy", &warning_policy());
    write(d, "policies/drafts/wip.policy", BROKEN);
    write(d, "config/site.yaml", "policies:\n  - name: [\n");
    write(d, "config/unnamed.yml", "policies: x\n");
    assert_eq!(policyc(d, &["check", "policies"]).status.code(), Some(1));

    write(
        d,
        "policyc.toml",
        "exclude = [\"drafts/\"]\n\n[check]\ndeny = [\"warnings\"]\n\n[build]\nout = \"public/privacy\"\n",
    );
    // Drafts are excluded, and the warning now fails the run, from a subfolder too.
    let o = policyc(d, &["check", "policies"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("P313"), "{}", out(&o));
    assert!(!out(&o).contains("wip.policy"), "{}", out(&o));
    let o = policyc(&d.join("policies"), &["check", "."]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(!out(&o).contains("wip.policy"), "{}", out(&o));

    // build takes its output folder from the file, and denies warnings too.
    let o = policyc(d, &["build", "policies"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    write(d, "policies/site.policy", &starter());
    let o = policyc(d, &["build", "policies"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(d.join("public/privacy/site/w3c/policy.xml").exists());

    // A YAML file named in `policies` is checked even when it does not look like one.
    write(d, "config/odd.yaml", "# generated\n- not: a policy\n");
    write(d, "policyc.toml", "policies = [\"config/odd.yaml\"]\n");
    let o = policyc(d, &["check", "config"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("odd.yaml"), "{}", out(&o));

    // A mistake in the file is a located usage error.
    write(d, "policyc.toml", "[check]\ndeny = \"sometimes\"\n");
    let o = policyc(d, &["check", "policies"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(err(&o).contains("policyc.toml:2:"), "{}", err(&o));
    // --config names another file.
    write(
        d,
        "other.toml",
        "exclude = [\"drafts\"]\n[check]\ndeny = [\"warnings\"]\n",
    );
    let o = policyc(d, &["--config", "other.toml", "check", "policies"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

#[test]
fn check_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = run(d, &["check", "-"], Some(&starter()), &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let o = run(d, &["check", "-"], Some(BROKEN), &[]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("<stdin>"), "{}", out(&o));
    // YAML is recognised, or named.
    let yaml = repo_file("examples/yaml-form.yaml");
    let o = run(d, &["check", "-"], Some(&yaml), &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let o = run(
        d,
        &[
            "check",
            "-",
            "--stdin-name",
            "site.policy",
            "--format",
            "json",
        ],
        Some(BROKEN),
        &[],
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("site.policy"), "{}", out(&o));
    let o = run(d, &["check", "-", "-"], Some(BROKEN), &[]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}

#[test]
fn quiet_shows_only_what_fails() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "clean.policy", &starter());
    write(d, "warn.policy", &warning_policy());
    let o = policyc(d, &["check", "--quiet", "clean.policy", "warn.policy"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(o.stdout.is_empty() && o.stderr.is_empty(), "{o:?}");
    let o = policyc(d, &["check", "-q", "--deny", "warnings", "warn.policy"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(out(&o).contains("P313"), "{}", out(&o));
    let o = policyc(d, &["build", "--quiet", "clean.policy", "--out", "out"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(o.stderr.is_empty(), "{}", err(&o));
    write(
        d,
        "messy.policy",
        &starter().replace("  title \"", "  title    \""),
    );
    let o = policyc(d, &["fmt", "--quiet", "messy.policy"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(o.stderr.is_empty(), "{}", err(&o));
    let o = policyc(d, &["init", "--quiet", "new.policy"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(o.stdout.is_empty() && o.stderr.is_empty(), "{o:?}");
}

#[test]
fn every_command_takes_color_and_honours_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "warn.policy", &warning_policy());
    write(d, "broken.policy", BROKEN);
    let esc = |s: &str| s.contains('\u{1b}');
    let o = policyc(d, &["check", "warn.policy", "--color", "always"]);
    assert!(esc(&out(&o)), "{}", out(&o));
    let o = policyc(d, &["--color", "never", "check", "warn.policy"]);
    assert!(!esc(&out(&o)), "{}", out(&o));
    // Explicit `always` wins over NO_COLOR; `auto` off a terminal never colours.
    let o = run(
        d,
        &["check", "warn.policy", "--color", "always"],
        None,
        &[("NO_COLOR", "1")],
    );
    assert!(esc(&out(&o)));
    let o = run(d, &["check", "warn.policy"], None, &[("NO_COLOR", "1")]);
    assert!(!esc(&out(&o)));
    // Commands whose errors go to standard error colour them on request.
    let o = policyc(d, &["fmt", "broken.policy", "--color", "always"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(esc(&err(&o)), "{}", err(&o));
    let o = policyc(d, &["dump", "broken.policy", "--color", "always"]);
    assert!(esc(&err(&o)), "{}", err(&o));
    let o = policyc(
        d,
        &["build", "broken.policy", "--out", "o", "--color", "always"],
    );
    assert!(esc(&err(&o)), "{}", err(&o));
    // Every command accepts the flag.
    for args in [
        &["explain", "P302"][..],
        &["explain-cp", "CP=\"NOI DSP\""],
        &["header", "warn.policy"],
        &["completions", "bash"],
        &["man"],
        &["init", "--help"],
        &["import", "--help"],
    ] {
        let mut a = args.to_vec();
        a.extend(["--color", "never", "--quiet"]);
        let o = policyc(d, &a);
        assert_ne!(o.status.code(), Some(2), "{a:?}: {o:?}");
    }
}

#[test]
fn github_annotations_are_relative_to_the_repository_root_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    Command::new("git")
        .args(["init", "-q"])
        .current_dir(d)
        .output()
        .unwrap();
    write(d, "site/policies/warn.policy", &warning_policy());
    for (cwd, arg) in [
        (d.to_path_buf(), "site/policies/warn.policy"),
        (d.join("site"), "policies"),
        (d.join("site/policies"), "."),
        (d.join("site/policies"), "./warn.policy"),
        (d.join("site/policies"), "../policies/warn.policy"),
    ] {
        let o = policyc(&cwd, &["check", "--format", "github", arg]);
        let text = out(&o);
        assert!(
            text.contains("file=site/policies/warn.policy,"),
            "{cwd:?} {arg}: {text}"
        );
    }
}

#[test]
fn policyc_toml_laws_apply_to_policies_that_name_none() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A policy that passes the GDPR, UK GDPR and CCPA packs, naming no law itself,
    // and the starter policy, which was not written for them.
    let policy = repo_file("tests/fixtures/laws/all-laws.policy");
    write(d, "site.policy", &policy);
    write(d, "starter.policy", &starter());
    let applies = |o: &Output| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["policies"][0]["legal"]["applies"].clone()
    };
    let codes = |o: &Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let check = |file: &str| policyc(d, &["check", file, "--format", "json"]);
    assert_eq!(check("starter.policy").status.code(), Some(0));
    let o = policyc(d, &["dump", "site.policy", "--format", "json"]);
    assert_eq!(applies(&o), serde_json::Value::Null, "{}", out(&o));

    // The repository's laws apply to both, and the GDPR and CCPA checks run.
    write(d, "policyc.toml", "laws = [\"gdpr\", \"ccpa\"]\n");
    let o = policyc(d, &["dump", "site.policy", "--format", "json"]);
    assert_eq!(
        applies(&o),
        serde_json::json!(["gdpr", "ccpa"]),
        "{}",
        out(&o)
    );
    assert_eq!(check("site.policy").status.code(), Some(0));
    let o = check("starter.policy");
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let found = codes(&o);
    assert!(found.iter().any(|c| c.starts_with('G')), "{found:?}");
    assert!(found.iter().any(|c| c.starts_with('K')), "{found:?}");

    // A policy that names its laws keeps them.
    let own = policy.replacen("policy main {\n", "policy main {\n  applies uk-gdpr\n", 1);
    assert_ne!(own, policy);
    write(d, "own.policy", &own);
    let o = policyc(d, &["dump", "own.policy", "--format", "json"]);
    assert_eq!(applies(&o), serde_json::json!(["uk-gdpr"]), "{}", out(&o));
    let own = starter().replacen("policy main {\n", "policy main {\n  applies ccpa\n", 1);
    write(d, "own-starter.policy", &own);
    let found = codes(&check("own-starter.policy"));
    assert!(found.iter().any(|c| c.starts_with('K')), "{found:?}");
    assert!(!found.iter().any(|c| c.starts_with('G')), "{found:?}");

    // An unknown law is a located error in the file.
    write(d, "policyc.toml", "laws = [\"hipaa\"]\n");
    let o = policyc(d, &["check", "site.policy"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(err(&o).contains("policyc.toml:1:"), "{}", err(&o));
}

/// Runs policyc on a pseudo-terminal (util-linux `script`), as a person would.
fn on_terminal(dir: &Path, args: &str, no_color: bool) -> String {
    let mut cmd = Command::new("script");
    cmd.args([
        "-qec",
        &format!("{} {args}", env!("CARGO_BIN_EXE_policyc")),
        "/dev/null",
    ])
    .current_dir(dir)
    .env_remove("NO_COLOR")
    .stdin(Stdio::null());
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let o = cmd.output().unwrap();
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn on_a_terminal_output_is_coloured_unless_no_color_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "warn.policy", &warning_policy());
    write(d, "old.policy", &starter());
    write(
        d,
        "new.policy",
        &starter().replace("\"30 days\"", "\"90 days\""),
    );
    for args in ["check warn.policy", "diff old.policy new.policy"] {
        let plain = on_terminal(d, args, true);
        let coloured = on_terminal(d, args, false);
        assert!(coloured.contains('\u{1b}'), "{args}: {coloured}");
        assert!(!plain.contains('\u{1b}'), "{args}: {plain}");
        let forced = on_terminal(d, &format!("{args} --color never"), false);
        assert!(!forced.contains('\u{1b}'), "{args}: {forced}");
    }
}
