//! Throughput of the commands on generated policies (issue 15), with divan:
//! `check` (also on a variant with no findings), `build`, `fmt`, `diff` and
//! `import`, each at 1 MB by default.
//!
//! ```text
//! cargo bench --bench commands                            # 1 MB, a short run
//! POLICYC_BENCH_SIZES=1,10,100 cargo bench --bench commands
//! cargo bench --bench commands -- import                  # one command (divan filter)
//! ```
//!
//! Each benchmark runs the library as the command does, in memory: `check` is
//! parse → resolve → facts → checks; `build` adds every emitter (no files are
//! written); `fmt` parses and prints; `diff` compiles both versions and compares
//! them (the new version has one more purpose in its first statement); `import`
//! reads the P3P policy file our own P3P emitter wrote for the generated policy and
//! writes the policy source back. Sizes are those of the policy text (for
//! `import`, of the policy whose P3P file is read; its throughput counts the XML). Under `cargo test
//! --all-targets` (no `--bench` flag) divan runs each benchmark once, on a small
//! policy, as a smoke test. No test asserts a time: `scripts/ratios.sh` gives the
//! whole-process figures and the ratios against xmllint.

// `policy_text` is the compile benchmark's.
#[allow(dead_code)]
#[path = "support/generator.rs"]
mod generator;

use divan::counter::BytesCount;
use divan::Bencher;
use policyc::emit::{emitters, EmitOptions, Emitter};
use policyc::engine;
use policyc::model::PolicySet;
use policyc::span::SourceFile;

fn main() {
    divan::main();
}

/// The sizes to run, in MB: `POLICYC_BENCH_SIZES` (comma-separated), 1 by
/// default; a 20 KB policy when run as a test.
fn sizes() -> Vec<f64> {
    if !std::env::args().any(|a| a == "--bench") {
        return vec![0.02];
    }
    let sizes: Vec<f64> = std::env::var("POLICYC_BENCH_SIZES")
        .unwrap_or_default()
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .filter(|mb: &f64| *mb > 0.0)
        .collect();
    if sizes.is_empty() {
        vec![1.0]
    } else {
        sizes
    }
}

/// A generated policy of about `mb` megabytes (10^6 bytes).
fn policy(mb: f64) -> SourceFile {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "sizes are small positive numbers of megabytes"
    )]
    let bytes = (mb * 1e6) as usize;
    SourceFile::new("bench.policy", generator::policy_of_size(bytes))
}

/// The model of a source that must compile.
fn model(source: &SourceFile) -> PolicySet {
    let compilation = engine::compile(source);
    if let Some(set) = compilation.valid_model() {
        return set.clone();
    }
    for d in &compilation.diagnostics {
        eprintln!("{} {}", d.code, d.message);
    }
    eprintln!("the generated policy {} does not compile", source.path);
    std::process::exit(1);
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn check(bencher: Bencher, mb: f64) {
    let source = policy(mb);
    bencher
        .counter(BytesCount::of_str(&source.text))
        .bench(|| engine::compile(&source));
}

/// `check` on the variant with no findings.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn check_no_findings(bencher: Bencher, mb: f64) {
    let source = policy(mb);
    let source = SourceFile::new("bench.policy", generator::without_findings(&source.text));
    bencher
        .counter(BytesCount::of_str(&source.text))
        .bench(|| engine::compile(&source));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn build(bencher: Bencher, mb: f64) {
    let source = policy(mb);
    let options = EmitOptions::default();
    bencher.counter(BytesCount::of_str(&source.text)).bench(|| {
        let compilation = engine::compile(&source);
        let set = compilation.valid_model()?;
        let mut written = 0;
        for e in emitters() {
            if e.skip_reason(set).is_none() {
                written += e.emit(set, &options).ok()?.len();
            }
        }
        Some(written)
    });
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn fmt(bencher: Bencher, mb: f64) {
    let source = policy(mb);
    bencher
        .counter(BytesCount::of_str(&source.text))
        .bench(|| policyc::fmt::format_source(&source).ok());
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn diff(bencher: Bencher, mb: f64) {
    let old = policy(mb);
    let new = SourceFile::new(
        "bench-new.policy",
        old.text.replacen(
            "for current, contact opt-in, develop",
            "for current, contact opt-in, develop, admin",
            1,
        ),
    );
    bencher.counter(BytesCount::of_str(&old.text)).bench(|| {
        let old = engine::compile(&old);
        let new = engine::compile(&new);
        Some(policyc::diff::diff(old.valid_model()?, new.valid_model()?))
    });
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn import(bencher: Bencher, mb: f64) {
    use policyc::p3p::read::{read, P3pDocument};
    let set = model(&policy(mb));
    let outputs = policyc::emit::p3p::P3pEmitter
        .emit(&set, &EmitOptions::default())
        .unwrap_or_default();
    let Some(xml) = outputs.into_iter().find(|o| o.path == "w3c/policy.xml") else {
        eprintln!("the P3P emitter wrote no w3c/policy.xml");
        std::process::exit(1);
    };
    let xml = SourceFile::new(
        "policy.xml",
        String::from_utf8_lossy(&xml.bytes).into_owned(),
    );
    bencher.counter(BytesCount::of_str(&xml.text)).bench(|| {
        let Some(P3pDocument::Policies(file)) = read(&xml).document else {
            return None;
        };
        let (set, _notes) = policyc::p3p::import::import(&file, None);
        Some(policyc::emit::source::write(&set))
    });
}
