//! `policyc fmt [PATHS]... [--check]`: formats policy-language files canonically.

use super::{atomic, exit, inputs};
use policyc::diagnostic::render_human;
use policyc::engine::{self, SourceFormat};
use policyc::span::SourceFile;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc fmt policies/                 format every .policy file under policies/ in place
  policyc fmt --check policies/         exit 1 and show a diff when a file is not formatted
  policyc fmt - < site.policy           format standard input to standard output")]
pub struct Args {
    /// Policy files, or directories to search for `.policy` files; `-` reads
    /// standard input and writes the result to standard output.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Change nothing: print a unified diff for every file that is not formatted
    /// and exit 1 if there is one.
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub walk: inputs::Walk,
}

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    /// Syntax errors (reported): exit 1.
    Invalid,
}

fn report_errors(source: &SourceFile, diagnostics: &[policyc::diagnostic::Diagnostic]) {
    let color = super::ui::color_stderr();
    eprint!(
        "{}",
        render_human(diagnostics, std::slice::from_ref(source), color)
    );
}

/// The unified diff between a file and its formatted text.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}

/// Writes to standard output; false (with a message) when it cannot, e.g. a closed pipe.
fn write_out(text: &str) -> bool {
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("policyc: cannot write output: {e}");
            false
        }
    }
}

fn format_text(name: &str, text: String) -> Result<(SourceFile, String), ()> {
    let source = SourceFile::new(name, text);
    match policyc::fmt::format_source(&source) {
        Ok(formatted) => Ok((source, formatted)),
        Err(diagnostics) => {
            report_errors(&source, &diagnostics);
            Err(())
        }
    }
}

fn stdin(check: bool) -> u8 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("policyc: cannot read standard input: {e}");
        return exit::USAGE;
    }
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        let c = engine::compile_bytes("<stdin>", &bytes);
        report_errors(&c.source, &c.diagnostics);
        return exit::FINDINGS;
    };
    let Ok((source, formatted)) = format_text("<stdin>", text) else {
        return exit::FINDINGS;
    };
    if check {
        if source.text == formatted {
            return exit::OK;
        }
        if !write_out(&unified_diff("<stdin>", &source.text, &formatted)) {
            return exit::USAGE;
        }
        return exit::FINDINGS;
    }
    if write_out(&formatted) {
        exit::OK
    } else {
        exit::USAGE
    }
}

fn file(path: &Path, check: bool) -> Result<Outcome, String> {
    let bytes = engine::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.display().to_string();
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        let c = engine::compile_bytes(&name, &bytes);
        report_errors(&c.source, &c.diagnostics);
        return Ok(Outcome::Invalid);
    };
    let Ok((source, formatted)) = format_text(&name, text) else {
        return Ok(Outcome::Invalid);
    };
    if source.text == formatted {
        return Ok(Outcome::Unchanged);
    }
    if check {
        if !write_out(&unified_diff(&name, &source.text, &formatted)) {
            return Err("cannot write to standard output".to_string());
        }
    } else {
        atomic::write(path, formatted.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        super::ui::note(format_args!("formatted {name}"));
    }
    Ok(Outcome::Changed)
}

pub fn run(args: &Args) -> u8 {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            eprintln!("policyc: `-` (standard input) cannot be combined with other paths");
            return exit::USAGE;
        }
        return stdin(args.check);
    }
    let files = match inputs::expand_with(&args.paths, &args.walk) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("policyc: {e}");
            return exit::USAGE;
        }
    };
    // The formatter is for the policy language; YAML files found in directories
    // are left alone, and naming one is a usage error.
    let mut policies = Vec::new();
    for f in files {
        if SourceFormat::of(&f.to_string_lossy()) == SourceFormat::Policy {
            policies.push(f);
        } else if args.paths.contains(&f) {
            eprintln!(
                "policyc: {} is YAML; fmt formats policy-language files",
                f.display()
            );
            return exit::USAGE;
        }
    }
    let (mut changed, mut invalid) = (0usize, 0usize);
    for path in &policies {
        match file(path, args.check) {
            Ok(Outcome::Unchanged) => {}
            Ok(Outcome::Changed) => changed += 1,
            Ok(Outcome::Invalid) => invalid += 1,
            Err(e) => {
                eprintln!("policyc: {e}");
                return exit::USAGE;
            }
        }
    }
    if args.check && changed > 0 {
        eprintln!("policyc: {changed} file(s) not formatted; run `policyc fmt` on them");
    }
    if invalid > 0 || (args.check && changed > 0) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
