//! YAML source → model → checks → every output. Bounded memory on alias bombs.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let c = policyc::engine::compile_bytes("fuzz.yaml", data);
    common::emit_all(&c);
});
