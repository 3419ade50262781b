//! P3P XML → import → policy source. The imported source must parse and re-check:
//! it parses, resolves to a model, and has no syntax, language or reference error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policyc::p3p::read::{read, P3pDocument};
use policyc::span::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz.xml", text);
    let result = read(&source);
    let (policies, reference) = match result.document {
        Some(P3pDocument::Policies(p)) => (p, None),
        Some(P3pDocument::Reference(r, Some(p))) => (p, Some(r)),
        _ => return,
    };
    let (set, _notes) = policyc::p3p::import::import(&policies, reference.as_ref());
    if set.policies.is_empty() {
        return;
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
        .collect();
    assert!(
        bad.is_empty() && c.model.is_some(),
        "imported source does not re-check: {bad:?}\n{written}"
    );
});
