//! UI tests: every file in `tests/ui/` is a failing example named
//! `<CODE>-<short-name>.<ext>`. Each is compiled, its rendered diagnostics are
//! snapshotted (snapshot name = file stem), and the code in its name must be
//! among the findings.

#![allow(clippy::expect_used)]

use policyc::diagnostic::render_human;
use policyc::engine;
use std::path::Path;

#[test]
fn ui() {
    let dir = Path::new("tests/ui");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/ui exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no UI tests found");
    for path in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("UTF-8 file name")
            .to_string();
        let code = stem.split('-').next().unwrap_or_default().to_string();
        let name = format!(
            "tests/ui/{}",
            path.file_name()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
        );
        let bytes = engine::read(&path).expect("readable");
        let compilation = engine::compile_bytes(&name, &bytes);
        assert!(
            compilation.diagnostics.iter().any(|d| d.code.id() == code),
            "{name}: expected {code}, got {:#?}",
            compilation.diagnostics
        );
        let rendered = render_human(
            &compilation.diagnostics,
            std::slice::from_ref(&compilation.source),
            false,
        );
        insta::assert_snapshot!(stem, rendered);
    }
}
