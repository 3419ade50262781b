//! `policyc check [PATHS]... [--format ...] [--deny warnings] [--exclude GLOB]`;
//! `-` checks standard input.

use super::{atomic, exit, inputs, ui};
use policyc::diagnostic::{self, Diagnostic, Severity};
use policyc::engine::{self, Compilation};
use policyc::span::SourceFile;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Policy files, or directories to search for them (`.policy` files, and YAML
    /// files that are policies); `-` reads a policy from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The name standard input is reported under; its extension (`.policy`,
    /// `.yaml`) says its form (default: YAML when it looks like a policy set).
    #[arg(long, value_name = "NAME")]
    pub stdin_name: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors (`--deny warnings`; `policyc.toml` can set it).
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Write into each policy file the fingerprint of the findings its
    /// acknowledgments name: added where one has none, replaced where the
    /// findings' flows changed (each change is listed on stderr; review the
    /// file's diff), then check the updated files.
    #[arg(long)]
    pub update_acknowledgments: bool,
    /// For each promise, list the practices it was held to and why each passed
    /// (the scope line that left it out, the exception that matched, or why the
    /// claim is not about it) or broke it. Human and JSON formats (JSON: an
    /// object with `findings` and `promises`).
    #[arg(long)]
    pub explain_clean: bool,
    #[command(flatten)]
    pub walk: inputs::Walk,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-style text.
    Human,
    /// The findings as a JSON array.
    Json,
    /// A SARIF 2.1.0 log for code scanning.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deny {
    /// Any unacknowledged warning fails the run.
    Warnings,
}

/// Standard input as a file to compile: its name and bytes.
fn read_stdin(name: Option<&str>) -> Result<(String, Vec<u8>), String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    let name = match name {
        Some(n) => n.to_string(),
        None if inputs::looks_like_policy(&bytes) => "<stdin>.yaml".to_string(),
        None => "<stdin>".to_string(),
    };
    Ok((name, bytes))
}

pub fn run(args: &Args) -> u8 {
    let stdin = args.paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin > 1 {
        eprintln!("policyc: `-` (standard input) can be given once");
        return exit::USAGE;
    }
    let others: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let files = match inputs::expand_with(&others, &args.walk) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("policyc: {e}");
            return exit::USAGE;
        }
    };
    if files.is_empty() && stdin == 0 {
        eprintln!("policyc: no policy files (.policy, or YAML policies) found");
        return exit::USAGE;
    }
    if args.explain_clean && matches!(args.format, Format::Sarif | Format::Github) {
        eprintln!("policyc: --explain-clean prints with --format human or json");
        return exit::USAGE;
    }
    if stdin == 1 && args.update_acknowledgments {
        eprintln!("policyc: --update-acknowledgments writes files; standard input is only checked");
    }
    let options = ui::config().options();
    let mut compilations = Vec::new();
    // An unreadable file is reported and the others are still checked; the run exits 2.
    let mut unreadable = false;
    if stdin == 1 {
        match read_stdin(args.stdin_name.as_deref()) {
            Ok((name, bytes)) => {
                compilations.push(engine::compile_owned_with(&name, bytes, &options));
            }
            Err(e) => {
                eprintln!("policyc: {e}");
                unreadable = true;
            }
        }
    }
    for file in &files {
        match compile_file(file, args.update_acknowledgments, &options) {
            Ok(c) => compilations.push(c),
            Err(e) => {
                eprintln!("policyc: {e}");
                unreadable = true;
            }
        }
    }
    let deny_warnings = args.deny == Some(Deny::Warnings) || ui::config().deny_warnings();
    let mut diags: Vec<Diagnostic> = compilations
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    if ui::quiet() {
        // Only what fails the run.
        diags.retain(|d| {
            d.acknowledged.is_none()
                && (d.severity == Severity::Error
                    || (deny_warnings && d.severity == Severity::Warning))
        });
    }
    print_findings(args, &diags, &compilations);
    if unreadable {
        exit::USAGE
    } else if compilations.iter().any(|c| c.fails(deny_warnings)) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Prints the findings (and, with `--explain-clean`, the promise traces) in the
/// chosen format.
fn print_findings(args: &Args, diags: &[Diagnostic], compilations: &[Compilation]) {
    // Paths in SARIF and GitHub annotations are relative to the repository root
    // (code scanning and the Actions runner resolve them against the checkout),
    // or to the current directory outside a repository, whatever folder policyc
    // runs in.
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = repository_root(&cwd).unwrap_or(cwd);
    match args.format {
        Format::Human => {
            let sources: Vec<SourceFile> = compilations.iter().map(|c| c.source.clone()).collect();
            if !(ui::quiet() && diags.is_empty()) {
                print!(
                    "{}",
                    diagnostic::render_human(diags, &sources, ui::color_stdout())
                );
            }
            if args.explain_clean {
                println!(
                    "\nWhy each promise holds (--explain-clean):\n\n{}",
                    policyc::check::render_traces(&traces(compilations)).trim_end()
                );
            }
        }
        Format::Json if args.explain_clean => {
            let value = serde_json::json!({
                "findings": diags,
                "promises": traces(compilations),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
        }
        Format::Json => println!("{}", diagnostic::render_json(diags)),
        Format::Sarif => println!("{}", diagnostic::render_sarif(diags, &root)),
        Format::Github => print!("{}", diagnostic::render_github(diags, &root)),
    }
}

/// The promise traces of every compiled model (a file that did not resolve has none).
fn traces(compilations: &[Compilation]) -> Vec<policyc::check::PromiseTrace> {
    compilations
        .iter()
        .filter_map(|c| {
            c.model
                .as_ref()
                .map(|m| policyc::check::explain_promises(m, &c.source))
        })
        .flatten()
        .collect()
}

/// Compiles one file; with `update`, first writes its acknowledgments'
/// fingerprints and compiles the updated file.
fn compile_file(
    file: &Path,
    update: bool,
    options: &engine::Options,
) -> Result<Compilation, String> {
    let name = file.to_string_lossy();
    let read = |file: &Path| {
        engine::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))
    };
    let c = engine::compile_owned_with(&name, read(file)?, options);
    if update && update_acknowledgments(file, &c)? {
        return Ok(engine::compile_owned_with(&name, read(file)?, options));
    }
    Ok(c)
}

/// Writes the fingerprints of `policyc::check::acknowledgment_updates` into
/// `file`, listing each on stderr. True when the file changed.
fn update_acknowledgments(file: &Path, c: &Compilation) -> Result<bool, String> {
    let Some(set) = &c.model else {
        return Ok(false);
    };
    let mut updates = policyc::check::acknowledgment_updates(set, &c.source, &c.diagnostics);
    if updates.is_empty() {
        return Ok(false);
    }
    // Applied from the end of the file so earlier offsets stay valid.
    updates.sort_by_key(|u| std::cmp::Reverse(u.edit.span.start));
    let mut text = c.source.text.clone();
    for u in &updates {
        let span = &u.edit.span;
        if span.start > span.end
            || span.end() > text.len()
            || !text.is_char_boundary(span.start())
            || !text.is_char_boundary(span.end())
        {
            return Err(format!(
                "{}: the file changed while it was read; nothing was written",
                file.display()
            ));
        }
        text.replace_range(span.range(), &u.edit.replacement);
    }
    atomic::write(file, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    updates.reverse();
    for u in &updates {
        let line = u.edit.span.line;
        match &u.then {
            None => eprintln!(
                "{}:{line}: acknowledgment of {}: fingerprint {} added",
                file.display(),
                u.acknowledgment,
                u.now
            ),
            Some(then) => eprintln!(
                "{}:{line}: acknowledgment of {}: fingerprint {then} replaced by {} (the finding's flows changed: check that the reason still covers them)",
                file.display(),
                u.acknowledgment,
                u.now
            ),
        }
    }
    Ok(true)
}

/// Prints the findings of compilations to stderr, for commands that stop on errors.
pub fn print_diagnostics(compilations: &[Compilation], color: bool) {
    let diags: Vec<Diagnostic> = compilations
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    let sources: Vec<SourceFile> = compilations.iter().map(|c| c.source.clone()).collect();
    eprint!("{}", diagnostic::render_human(&diags, &sources, color));
}

/// The nearest directory at or above `dir` that holds a `.git` entry.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}
