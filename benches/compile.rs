//! Compile-time benchmark: `cargo bench --bench compile`.
//!
//! Generates policies of growing size (N collect statements, N cookies, N sharing
//! rules) and reports the time to compile (parse, resolve, check) and to emit every
//! output, per policy and per statement, so that non-linear growth shows up as a
//! rising per-statement cost. Under `cargo test --all-targets` (no `--bench` flag)
//! it runs one small size once, as a smoke test.

use policyc::emit::{emitters, EmitOptions};
use policyc::engine;
use policyc::span::SourceFile;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

fn policy_text(n: usize) -> String {
    let mut s = String::new();
    s.push_str(
        "policy bench {\n  title \"Benchmark policy\"\n  discuri \"https://example.com/privacy\"\n  opturi \"https://example.com/choices\"\n  covers \"www.example.com\"\n  entity \"Example, Inc.\" {\n    email \"privacy@example.com\"\n  }\n  access contact-and-other\n  subject visitors \"People who visit the site\"\n  recipient partners same \"Our partners\"\n",
    );
    s.push_str("  security {\n    transport-encryption \"TLS everywhere\"\n  }\n");
    for i in 0..n {
        let _ = write!(
            s,
            "  data set{i} \"Data set {i}\" {{\n    user.name\n    user.home-info.online.email optional\n    custom \"order details {i}\" categories purchase\n  }}\n  collect c{i} \"Collection {i}\" {{\n    from visitors\n    data set{i}\n    for current, contact opt-in, develop\n    to ours, partners opt-in\n    retain stated-purpose \"{i} months\"\n    consequence \"We use this to serve request {i}.\"\n  }}\n  cookie k{i} {{\n    name \"cookie{i}\"\n    lifetime \"30 days\"\n    holds \"session state {i}\"\n    categories state\n    for current\n    retain stated-purpose \"30 days\"\n  }}\n  share s{i} {{\n    with partners\n    data set{i}\n    for current\n    choice opt-in\n  }}\n"
        );
    }
    s.push_str("}\n");
    s
}

fn time<F: FnMut()>(iterations: u32, mut f: F) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed() / iterations
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if bench {
        &[1, 10, 100, 1000, 4000]
    } else {
        &[10]
    };
    println!(
        "{:>6} {:>9} {:>12} {:>12} {:>14} {:>14}",
        "stmts", "bytes", "compile ms", "emit ms", "compile µs/st", "emit µs/st"
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
        let options = EmitOptions::default();
        let emit = time(iterations, || {
            for e in emitters() {
                let out = e.emit(&set, &options);
                std::hint::black_box(out.ok());
            }
        });
        #[allow(clippy::cast_precision_loss)]
        let per = |d: Duration| d.as_secs_f64() * 1e6 / n as f64;
        println!(
            "{:>6} {:>9} {:>12.3} {:>12.3} {:>14.2} {:>14.2}",
            n,
            text.len(),
            compile.as_secs_f64() * 1e3,
            emit.as_secs_f64() * 1e3,
            per(compile),
            per(emit)
        );
    }
}
