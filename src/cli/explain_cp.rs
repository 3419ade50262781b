//! `policyc explain-cp`: decode a compact policy into plain language and report
//! every problem with it.

use super::exit;
use policyc::diagnostic::{render_human, Severity};
use policyc::p3p::compact_decode::{decode, describe, group};
use policyc::span::SourceFile;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The compact policy: `CP="..."`, a whole `P3P:` header, or the tokens alone.
    pub cp: String,
    /// Exit 1 on any finding, warnings included (for CI: "reports clean").
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: &Args) -> u8 {
    let source = SourceFile::new("<compact policy>", args.cp.trim_end_matches(['\n', '\r']));
    if let Some(d) = policyc::engine::too_large(
        &source.path,
        source.text.len(),
        policyc::engine::max_input_bytes(),
    ) {
        let empty = SourceFile::new(source.path.clone(), "");
        eprint!("{}", render_human(&[d], &[empty], false));
        return exit::FINDINGS;
    }
    let mut decoded = decode(&source);
    policyc::engine::cap_findings(&mut decoded.diagnostics);
    for t in &decoded.tokens {
        match t.meaning {
            Some(m) => println!("{:<5} {:<16} {}", t.text, group(m), describe(m)),
            None => println!("{:<5} {:<16} (not a compact policy token)", t.text, "?"),
        }
    }
    if decoded.tokens.is_empty() && decoded.diagnostics.is_empty() {
        println!("(no compact policy: the header only points to the policy reference file, which REC §2.2.2 allows)");
    }
    if !decoded.diagnostics.is_empty() {
        eprint!(
            "{}",
            render_human(&decoded.diagnostics, std::slice::from_ref(&source), false)
        );
    }
    let errors = decoded
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    if errors || (args.strict && !decoded.is_clean()) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
