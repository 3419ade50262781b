//! Policy source → parse, resolve, check → every output. Never panics; every
//! output path stays in its folder; the XML reads back.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let c = policyc::engine::compile_bytes("fuzz.policy", data);
    common::emit_all(&c);
});
