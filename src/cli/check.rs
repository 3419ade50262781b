//! `policyc check [PATHS]... [--format ...] [--deny warnings] [--color ...]`.

use super::{exit, inputs};
use policyc::diagnostic::{self, Diagnostic};
use policyc::engine::{self, Compilation};
use policyc::span::SourceFile;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Policy files, or directories to search for them (`.policy`, `.yaml`, `.yml`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
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

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

pub fn run(args: &Args) -> u8 {
    let files = match inputs::expand(&args.paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("policyc: {e}");
            return exit::USAGE;
        }
    };
    if files.is_empty() {
        eprintln!("policyc: no policy files (.policy, .yaml, .yml) found");
        return exit::USAGE;
    }
    let mut compilations = Vec::new();
    // An unreadable file is reported and the others are still checked; the run exits 2.
    let mut unreadable = false;
    for file in &files {
        match engine::read(file) {
            Ok(bytes) => compilations.push(engine::compile_bytes(&file.to_string_lossy(), &bytes)),
            Err(e) => {
                eprintln!("policyc: cannot read {}: {e}", file.display());
                unreadable = true;
            }
        }
    }
    let deny_warnings = args.deny == Some(Deny::Warnings);
    let diags: Vec<Diagnostic> = compilations
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    match args.format {
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let sources: Vec<SourceFile> = compilations.iter().map(|c| c.source.clone()).collect();
            print!("{}", diagnostic::render_human(&diags, &sources, color));
        }
        Format::Json => println!("{}", diagnostic::render_json(&diags)),
        Format::Sarif => {
            // SARIF paths are relative to the repository root (code scanning
            // resolves them against the checkout), or to the current directory
            // outside a repository.
            let cwd = std::env::current_dir().unwrap_or_default();
            let root = repository_root(&cwd).unwrap_or(cwd);
            println!("{}", diagnostic::render_sarif(&diags, &root));
        }
        Format::Github => print!("{}", diagnostic::render_github(&diags)),
    }
    if unreadable {
        exit::USAGE
    } else if compilations.iter().any(|c| c.fails(deny_warnings)) {
        exit::FINDINGS
    } else {
        exit::OK
    }
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
fn repository_root(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(std::path::Path::to_path_buf)
}
