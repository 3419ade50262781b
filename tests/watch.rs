//! `policyc watch` builds, then builds again when a policy file changes. The
//! test reads the server's progress lines (no sleeps): the first build's line,
//! then a change, then the second build's line and exit (`--max-builds 2`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn watch_rebuilds_when_a_policy_changes() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("policies");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&src).unwrap();
    let starter = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli/starter.policy"),
    )
    .unwrap();
    let file = src.join("site.policy");
    std::fs::write(&file, &starter).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["watch", "--max-builds", "2", "--out"])
        .arg(&out)
        .arg(&src)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next_build_line = || loop {
        let line = lines.next().expect("watch keeps running").unwrap();
        if line.starts_with("policyc watch: build") {
            return line;
        }
    };
    assert!(next_build_line().contains("build 1 done (exit 0)"));
    let html = out.join("site/main.html");
    let before = std::fs::read_to_string(&html).unwrap();
    let changed = starter.replacen("title \"", "title \"Changed: ", 1);
    assert_ne!(changed, starter);
    std::fs::write(&file, &changed).unwrap();
    assert!(next_build_line().contains("build 2 done (exit 0)"));
    assert!(child.wait().unwrap().success());
    let after = std::fs::read_to_string(&html).unwrap();
    assert_ne!(before, after);
    assert!(after.contains("Changed: "));
}
