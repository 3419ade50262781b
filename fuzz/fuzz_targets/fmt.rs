//! fmt is idempotent and keeps meaning: fmt(fmt(x)) == fmt(x), and x and fmt(x)
//! resolve to the same model (or both fail to).
#![no_main]

use libfuzzer_sys::fuzz_target;
use policyc::span::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz.policy", text);
    let Ok(once) = policyc::fmt::format_source(&source) else {
        return;
    };
    let formatted = SourceFile::new("fuzz.policy", once.as_str());
    let twice = policyc::fmt::format_source(&formatted)
        .unwrap_or_else(|d| panic!("formatted text does not parse: {d:?}\n{once}"));
    assert_eq!(once, twice, "fmt is not idempotent");
    let before = policyc::engine::compile(&source);
    let after = policyc::engine::compile(&formatted);
    assert_eq!(before.model, after.model, "fmt changed the meaning\n{once}");
});
