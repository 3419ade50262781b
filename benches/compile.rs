//! Compile-time benchmark: `cargo bench --bench compile`.
//!
//! Generates policies of growing size (N collect statements, N cookies, N sharing
//! rules) and reports the time to compile (parse, resolve, check) and to emit every
//! output, per policy and per statement, so that non-linear growth shows up as a
//! rising per-statement cost. Under `cargo test --all-targets` (no `--bench` flag)
//! it runs one small size once, as a smoke test.
//!
//! `cargo bench --bench compile -- --write BYTES FILE [--no-findings] [--wide]`
//! writes a generated policy of about BYTES bytes to FILE and exits (used by
//! `scripts/ratios.sh`); with `--no-findings`, the variant `check` reports nothing
//! on; with `--wide`, the variant whose subjects, recipients, transfers and
//! security measures grow with it (so that look-ups by linear search per flow show
//! as time growing faster than the input: compare 1 and 10 MB).

#[path = "support/generator.rs"]
mod generator;

use generator::{policy_of_size, policy_of_size_with, policy_text, without_findings};
use policyc::emit::{emitters, EmitOptions};
use policyc::engine;
use policyc::span::SourceFile;
use std::time::{Duration, Instant};

fn time<F: FnMut()>(iterations: u32, mut f: F) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed() / iterations
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--write") {
        let (Some(bytes), Some(file)) = (args.get(i + 1), args.get(i + 2)) else {
            eprintln!("usage: compile --write BYTES FILE");
            std::process::exit(2);
        };
        let Ok(bytes) = bytes.parse::<usize>() else {
            eprintln!("BYTES must be a number, not `{bytes}`");
            std::process::exit(2);
        };
        let mut text = if args.iter().any(|a| a == "--wide") {
            policy_of_size_with(bytes, true)
        } else {
            policy_of_size(bytes)
        };
        if args.iter().any(|a| a == "--no-findings") {
            text = without_findings(&text);
        }
        if let Err(e) = std::fs::write(file, text) {
            eprintln!("cannot write {file}: {e}");
            std::process::exit(2);
        }
        return;
    }
    let bench = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if bench {
        &[1, 10, 100, 1000, 4000]
    } else {
        &[10]
    };
    println!(
        "{:>6} {:>9} {:>9} {:>10} {:>9} {:>11} {:>9} {:>14} {:>11}",
        "stmts",
        "bytes",
        "parse ms",
        "resolve ms",
        "check ms",
        "compile ms",
        "emit ms",
        "compile µs/st",
        "emit µs/st"
    );
    for &n in sizes {
        let text = policy_text(n);
        let source = SourceFile::new("bench.policy", text.clone());
        let compilation = engine::compile(&source);
        let Some(set) = compilation.valid_model().cloned() else {
            eprintln!("benchmark policy does not compile:");
            for d in &compilation.diagnostics {
                eprintln!("  {} {}", d.code, d.message);
            }
            std::process::exit(1);
        };
        let iterations = if bench {
            u32::try_from((2000 / n.max(1)).clamp(3, 200)).unwrap_or(200)
        } else {
            1
        };
        let compile = time(iterations, || {
            let c = engine::compile(&source);
            std::hint::black_box(c);
        });
        // The stages on their own, to show where the time goes.
        let Ok(ast) = policyc::parser::parse_source(&source) else {
            std::process::exit(1);
        };
        let parse = time(iterations, || {
            std::hint::black_box(policyc::parser::parse_source(&source).ok());
        });
        let resolve = time(iterations, || {
            std::hint::black_box(policyc::resolve::resolve(&ast, &source.path));
        });
        let check = time(iterations, || {
            std::hint::black_box(policyc::check::check(&set, &source));
        });
        let options = EmitOptions::default();
        let emit = time(iterations, || {
            for e in emitters() {
                let out = e.emit(&set, &options);
                std::hint::black_box(out.ok());
            }
        });
        #[allow(clippy::cast_precision_loss)]
        let per = |d: Duration| d.as_secs_f64() * 1e6 / n as f64;
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{:>6} {:>9} {:>9.3} {:>10.3} {:>9.3} {:>11.3} {:>9.3} {:>14.2} {:>11.2}",
            n,
            text.len(),
            ms(parse),
            ms(resolve),
            ms(check),
            compile.as_secs_f64() * 1e3,
            emit.as_secs_f64() * 1e3,
            per(compile),
            per(emit)
        );
    }
}
