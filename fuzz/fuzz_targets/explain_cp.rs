//! Compact policy text → decoded tokens and findings, then their plain wording.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policyc::p3p::compact_decode::{decode, describe, group};
use policyc::span::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let decoded = decode(&SourceFile::new("fuzz.cp", text));
    for t in &decoded.tokens {
        if let Some(m) = t.meaning {
            let _ = (describe(m), group(m));
        }
    }
    let _ = policyc::diagnostic::render_human(
        &decoded.diagnostics,
        &[SourceFile::new("fuzz.cp", text)],
        false,
    );
});
