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

/// The inputs of one regression folder that are UTF-8 text, with their paths.
fn regressions(target: &str) -> Vec<(std::path::PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let text = String::from_utf8(std::fs::read(e.path()).ok()?).ok()?;
            Some((e.path(), text))
        })
        .collect();
    out.sort();
    out
}

/// P3P import writes source that parses and re-checks with no syntax, language or
/// reference error (the `import` fuzz target's property).
#[test]
fn import_crashes_found_by_fuzzing_write_source_that_rechecks() {
    use policyc::p3p::read::{read, P3pDocument};
    let inputs = regressions("import");
    assert!(inputs.len() >= 50, "the regression inputs are read");
    let mut imported = 0;
    for (path, text) in inputs {
        let result = read(&SourceFile::new("fuzz.xml", text.as_str()));
        let (policies, reference) = match result.document {
            Some(P3pDocument::Policies(p)) => (p, None),
            Some(P3pDocument::Reference(r, Some(p))) => (p, Some(r)),
            _ => continue,
        };
        let (set, _notes) = policyc::p3p::import::import(&policies, reference.as_ref());
        if set.policies.is_empty() {
            continue;
        }
        let written = policyc::emit::source::write(&set);
        let c = policyc::engine::compile(&SourceFile::new("imported.policy", written.as_str()));
        let bad: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| {
                d.severity == policyc::diagnostic::Severity::Error
                    && matches!(d.code.id().as_bytes()[0], b'S' | b'L' | b'R')
            })
            .map(|d| format!("{}: {}", d.code.id(), d.message))
            .collect();
        assert!(
            bad.is_empty() && c.model.is_some(),
            "{path:?}: imported source does not re-check: {bad:?}\n{written}"
        );
        imported += 1;
    }
    assert!(imported >= 50, "most inputs import ({imported})");
}

/// A YAML policy that names data outside the base data schema is refused with a
/// located L108, so `build` never writes P3P that `import` refuses (the `yaml`
/// fuzz target found these).
#[test]
fn yaml_crashes_found_by_fuzzing_are_located_findings() {
    let inputs = regressions("yaml");
    assert!(inputs.len() >= 4, "the regression inputs are read");
    for (path, text) in inputs {
        let c = policyc::engine::compile(&SourceFile::new("fuzz.yaml", text.as_str()));
        assert!(c.valid_model().is_none(), "{path:?} is refused");
        let l108: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| d.code.id() == "L108")
            .collect();
        assert!(!l108.is_empty(), "{path:?}: {:?}", c.diagnostics);
        assert!(l108.iter().all(|d| d.span.is_some()), "{path:?}: located");
    }
}
