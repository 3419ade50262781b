//! Inputs the fuzzers (`fuzz/`) found, kept as regression tests: each must now
//! keep the property its target checks.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use policyc::span::SourceFile;

/// fmt is idempotent and keeps meaning (the `fmt` fuzz target's property).
#[test]
fn fmt_crashes_found_by_fuzzing_keep_meaning() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions/fmt");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let source = SourceFile::new("fuzz.policy", text);
        let Ok(once) = policyc::fmt::format_source(&source) else {
            continue;
        };
        let formatted = SourceFile::new("fuzz.policy", once.as_str());
        let twice = policyc::fmt::format_source(&formatted).expect("formatted text parses");
        assert_eq!(once, twice, "{:?}: not idempotent", entry.path());
        let before = policyc::engine::compile(&source);
        let after = policyc::engine::compile(&formatted);
        assert_eq!(
            before.model,
            after.model,
            "{:?}: meaning changed",
            entry.path()
        );
        n += 1;
    }
    assert!(n >= 2, "the regression inputs are read");
}
