//! diff(x, x) is empty for every policy that resolves.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let c = policyc::engine::compile_bytes("fuzz.policy", data);
    if let Some(model) = &c.model {
        let d = policyc::diff::diff(model, model);
        assert!(d.changes.is_empty(), "diff(x, x) = {:?}", d.changes);
        let _ = policyc::diff::render_markdown(&d);
    }
});
