//! `build` as an attacker and an unlucky operator would run it: no path leaves
//! `--out`, nothing is written when any output cannot be, concurrent builds are
//! refused, new files follow the umask, and a build killed at any moment leaves
//! the old complete output set or the new one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

const EXE: &str = env!("CARGO_BIN_EXE_policyc");

fn policyc(args: &[&str]) -> Output {
    Command::new(EXE).args(args).output().expect("run policyc")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

const ONE_SITE: &str = "policies/ipmart.policy";
const TWO_SITES: &str = "policies/clickcommerce.policy";

fn build(input: &Path, out: &Path) -> Output {
    policyc(&[
        "build",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn file_names_that_would_leave_or_break_the_output_folder_are_refused() {
    let good = std::fs::read_to_string(ONE_SITE).unwrap();
    let long = format!("{}.policy", "a".repeat(200));
    for name in [
        "...policy",
        "..policy",
        ".hidden.policy",
        "CON.policy",
        "nul.policy",
        "com1.policy",
        long.as_str(),
    ] {
        let root = tempfile::tempdir().unwrap();
        let src = root.path().join("src");
        std::fs::create_dir(&src).unwrap();
        let input = src.join(name);
        std::fs::write(&input, &good).unwrap();
        let out = root.path().join("out");
        let o = build(&input, &out);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", text(&o));
        assert!(text(&o).contains("error[O101]"), "{name}: {}", text(&o));
        let written: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(written.len(), 1, "{name}: only src/ exists: {written:?}");
    }
}

#[test]
fn stems_that_differ_only_by_case_are_refused_before_anything_is_written() {
    let root = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(ONE_SITE).unwrap();
    std::fs::write(root.path().join("Site.policy"), &good).unwrap();
    std::fs::write(root.path().join("site.policy"), &good).unwrap();
    let out = root.path().join("out");
    let o = policyc(&[
        "build",
        root.path().join("Site.policy").to_str().unwrap(),
        root.path().join("site.policy").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("error[O102]"), "{}", text(&o));
    assert!(!out.exists());
}

#[test]
fn a_site_named_dot_dot_cannot_overwrite_the_main_reference_file() {
    let root = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(TWO_SITES)
        .unwrap()
        .replace("covers \"clickcommerce.com\"", "covers \"..\"");
    assert!(source.contains("covers \"..\""));
    let input = root.path().join("site.policy");
    std::fs::write(&input, source).unwrap();
    let o = build(&input, &root.path().join("out"));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("error[O101]"), "{}", text(&o));
    assert!(!root.path().join("out").exists());
}

#[test]
fn a_file_in_the_way_stops_the_build_before_any_output_changes() {
    let root = tempfile::tempdir().unwrap();
    let src = root.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(ONE_SITE, src.join("a.policy")).unwrap();
    let out = root.path().join("out");
    let o = build(&src, &out);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let before = tree(&out);
    // A new version of a, and a second file whose folder is taken by a file.
    let changed =
        std::fs::read_to_string(ONE_SITE)
            .unwrap()
            .replacen("title \"", "title \"Changed: ", 1);
    std::fs::write(src.join("a.policy"), changed).unwrap();
    std::fs::copy(ONE_SITE, src.join("b.policy")).unwrap();
    std::fs::write(out.join("b"), "not a folder").unwrap();
    let o = build(&src, &out);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("in the way"), "{}", text(&o));
    let mut after = tree(&out);
    after.remove("b");
    assert_eq!(before, after, "a/ must be untouched");
}

#[test]
fn stale_staging_folders_are_removed_and_the_tree_is_replaced_whole() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("site.policy");
    std::fs::copy(TWO_SITES, &input).unwrap();
    let out = root.path().join("out");
    assert_eq!(build(&input, &out).status.code(), Some(0));
    assert!(out.join("site/sites").is_dir());
    std::fs::create_dir_all(out.join(".policyc-staging-site/w3c")).unwrap();
    std::fs::write(out.join(".policyc-staging-site/w3c/p3p.xml"), "half").unwrap();
    // The one-site version writes no sites/ folder: the old one must go.
    std::fs::copy(ONE_SITE, &input).unwrap();
    let o = build(&input, &out);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!out.join(".policyc-staging-site").exists());
    assert!(!out.join("site/sites").exists());
    let fresh = root.path().join("fresh");
    assert_eq!(build(&input, &fresh).status.code(), Some(0));
    assert_eq!(tree(&out.join("site")), tree(&fresh.join("site")));
}

/// A copy of the built-in templates whose page fails when it is rendered, after
/// the P3P files of the build are written into the staging folder.
fn failing_templates(root: &Path) -> std::path::PathBuf {
    let dir = root.join("templates");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir("templates").unwrap().flatten() {
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    std::fs::write(dir.join("page.html"), "{{ 1 // 0 }}\n").unwrap();
    dir
}

#[test]
fn an_output_failing_half_way_leaves_the_old_outputs_and_nothing_staged() {
    let root = tempfile::tempdir().unwrap();
    let src = root.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::copy(ONE_SITE, src.join("a.policy")).unwrap();
    std::fs::copy(TWO_SITES, src.join("b.policy")).unwrap();
    let templates = failing_templates(root.path());
    let failing = |out: &Path| {
        policyc(&[
            "build",
            src.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--templates",
            templates.to_str().unwrap(),
        ])
    };
    // Into a new folder: no folder is left.
    let fresh = root.path().join("fresh");
    let o = failing(&fresh);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("cannot render the html output"),
        "{}",
        text(&o)
    );
    assert!(!fresh.exists(), "{:?}", tree(&fresh).keys());
    // Over a previous build: its files stay as they were, nothing else appears.
    let out = root.path().join("out");
    assert_eq!(build(&src, &out).status.code(), Some(0));
    let before = tree(&out);
    for policy in ["a.policy", "b.policy"] {
        let changed = std::fs::read_to_string(src.join(policy)).unwrap().replacen(
            "title \"",
            "title \"Changed: ",
            1,
        );
        std::fs::write(src.join(policy), changed).unwrap();
    }
    let o = failing(&out);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert_eq!(before, tree(&out));
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".policyc-staging-")),
        "{names:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_concurrent_build_into_the_same_folder_is_refused() {
    use rustix::fs::{flock, FlockOperation};
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let lock = std::fs::File::create(out.join(".policyc-build.lock")).unwrap();
    flock(&lock, FlockOperation::NonBlockingLockExclusive).unwrap();
    let o = build(Path::new(ONE_SITE), &out);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("another policyc build"), "{}", text(&o));
    assert!(!out.join("ipmart").exists());
    drop(lock);
    let o = build(Path::new(ONE_SITE), &out);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[cfg(unix)]
fn modes(dir: &Path) -> Vec<(String, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            out.push((p.display().to_string(), mode));
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn new_files_follow_the_umask_in_build_and_init() {
    for (umask, file_mode, dir_mode) in [("022", 0o644, 0o755), ("077", 0o600, 0o700)] {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        let init = root.path().join("privacy.policy");
        let script = format!(
            "umask {umask} && \"$0\" build {ONE_SITE} --out {} && \"$0\" init {}",
            out.display(),
            init.display()
        );
        let o = Command::new("sh")
            .arg("-c")
            .arg(&script)
            .arg(EXE)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        for (path, mode) in modes(&out).into_iter().chain(
            modes(root.path())
                .into_iter()
                .filter(|(p, _)| p.ends_with("privacy.policy")),
        ) {
            let lock = path.ends_with(".policyc-build.lock");
            let want = if Path::new(&path).is_dir() {
                dir_mode
            } else {
                file_mode
            };
            assert!(
                lock || mode == want,
                "umask {umask}: {path} is {mode:o}, not {want:o}"
            );
        }
    }
}

/// Builds alternate between two versions of one policy file; each build is
/// killed after a pseudo-random delay. Whatever the moment, `OUT/site/` holds
/// exactly the outputs of one complete build, the old or the new.
#[test]
fn builds_killed_at_random_moments_leave_one_complete_output_set() {
    let runs: usize = std::env::var("POLICYC_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let root = tempfile::tempdir().unwrap();
    let versions = [TWO_SITES, ONE_SITE];
    let mut complete = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        let dir = root.path().join(format!("v{i}"));
        std::fs::create_dir(&dir).unwrap();
        std::fs::copy(v, dir.join("site.policy")).unwrap();
        let out = root.path().join(format!("ref{i}"));
        let started = std::time::Instant::now();
        assert_eq!(build(&dir.join("site.policy"), &out).status.code(), Some(0));
        complete.push((tree(&out.join("site")), started.elapsed()));
    }
    assert_ne!(complete[0].0, complete[1].0);
    let span_us = complete
        .iter()
        .map(|(_, d)| d.as_micros())
        .max()
        .unwrap_or(1000)
        .max(1000);
    let input = root.path().join("site.policy");
    let out = root.path().join("out");
    std::fs::copy(versions[0], &input).unwrap();
    assert_eq!(build(&input, &out).status.code(), Some(0));
    let mut seen = [0usize; 2];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for run in 0..runs {
        std::fs::copy(versions[(run + 1) % 2], &input).unwrap();
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = u64::try_from(u128::from(state >> 33) % (span_us * 5 / 4)).unwrap();
        let mut child = Command::new(EXE)
            .args([
                "build",
                input.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out.join("site"));
        let which = complete.iter().position(|(t, _)| *t == now);
        let Some(which) = which else {
            panic!(
                "run {run}: killed after {delay}µs, OUT/site is neither complete set: {:?}",
                now.keys().collect::<Vec<_>>()
            );
        };
        seen[which] += 1;
    }
    eprintln!(
        "kill test: {runs} runs, build ≈ {span_us}µs; observed the two-site set {} times, the one-site set {} times",
        seen[0], seen[1]
    );
    // A later build removes whatever the killed ones left.
    assert_eq!(build(&input, &out).status.code(), Some(0));
    let left: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".policyc-staging"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// The README's main command writes the well-known GPC file (RFC 8615): the one
/// hidden folder an output may go to, a fixed name no user text makes.
#[test]
fn the_main_job_writes_the_well_known_gpc_file() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let manifest = env!("CARGO_MANIFEST_DIR");
    let o = policyc(&[
        "build",
        &format!("{manifest}/policies"),
        &format!("{manifest}/examples/app.policy"),
        &format!("{manifest}/examples/gdpr-saas.policy"),
        &format!("{manifest}/examples/ccpa-retailer.policy"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let gpc = out.join("ccpa-retailer/.well-known/gpc.json");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&gpc).expect("gpc.json written")).unwrap();
    assert_eq!(json["gpc"], serde_json::Value::Bool(true), "{json}");
}

#[test]
fn a_build_whose_every_selected_output_is_skipped_leaves_an_empty_tree() {
    // The seed states no Global Privacy Control stance: `--emit gpc` skips the
    // one output asked for. The build succeeds, says so, and the file's tree is
    // the (empty) set of this build's outputs, as after any build.
    let gpc_only = |out: &Path| {
        policyc(&[
            "build",
            ONE_SITE,
            "--emit",
            "gpc",
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    assert_eq!(build(Path::new(ONE_SITE), &out).status.code(), Some(0));
    assert!(!tree(&out.join("ipmart")).is_empty());
    let o = gpc_only(&out);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o).contains("emitted nothing; skipped gpc"),
        "{}",
        text(&o)
    );
    assert!(out.join("ipmart").is_dir());
    assert!(tree(&out.join("ipmart")).is_empty());
    assert!(!out.join(".policyc-staging-ipmart").exists());
    // Into a new folder as well.
    let fresh = root.path().join("fresh");
    let o = gpc_only(&fresh);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(fresh.join("ipmart").is_dir());
}
