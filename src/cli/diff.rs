//! `policyc diff OLD NEW`: what changed in meaning between two versions of a policy.

use super::exit;
use policyc::diagnostic::render_human;
use policyc::diff::{self, PolicyDiff};
use policyc::engine::{self, Compilation};
use policyc::model::PolicySet;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Grouped by policy, material first; coloured on a terminal.
    Terminal,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// JSON, for other tools.
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Exit 1 when a material change is present and the version and effective date were not changed.
    Unversioned,
    /// Exit 1 whenever a material change is present.
    Material,
    /// Never exit 1 because of changes.
    Never,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc diff old.policy new.policy
  git show main:policies/site.policy | policyc diff - policies/site.policy
  policyc diff --git main policies/site.policy --format markdown")]
pub struct Args {
    /// The old version (`-` reads it from standard input); with `--git`, the file to compare.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new version (`-` reads it from standard input). Not given with `--git`.
    #[arg(value_name = "NEW")]
    pub new: Option<PathBuf>,
    /// Read the old version from git at this revision (`git show REV:PATH`).
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    pub format: Format,
    /// When to exit with status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Unversioned)]
    pub fail_on: FailOn,
    /// Colour the terminal output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

/// A version of a policy as read: its display name and bytes.
struct Version {
    name: String,
    bytes: Vec<u8>,
}

fn extension_of(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| format!(".{e}"))
        .unwrap_or_default()
}

fn read_path(path: &Path, other: Option<&Path>) -> Result<Version, String> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        // The source form of stdin is that of the other file.
        let ext = other.map(extension_of).unwrap_or_default();
        return Ok(Version {
            name: format!("<stdin>{ext}"),
            bytes,
        });
    }
    let bytes = engine::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(Version {
        name: path.display().to_string(),
        bytes,
    })
}

/// The file at `rev` in git: `git show REV:./NAME`, run in the file's directory so
/// the path is resolved from the repository root whatever the current directory.
fn read_git(rev: &str, path: &Path) -> Result<Version, String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let file = path
        .file_name()
        .and_then(|f| f.to_str())
        .ok_or_else(|| format!("not a file name: {}", path.display()))?;
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .arg("show")
        .arg(format!("{rev}:./{file}"))
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "git show {rev}:{} failed: {}",
            path.display(),
            err.trim()
        ));
    }
    Ok(Version {
        name: format!("{rev}:{}", path.display()),
        bytes: output.stdout,
    })
}

fn compile(v: &Version) -> Result<PolicySet, Compilation> {
    let c = engine::compile_bytes(&v.name, &v.bytes);
    match &c.model {
        Some(m) => {
            if c.fails(false) {
                eprintln!(
                    "policyc: warning: {} has errors (`policyc check` reports them); comparing what could be read",
                    v.name
                );
            }
            Ok(m.clone())
        }
        None => Err(c),
    }
}

/// Reads and compiles both versions, or says why it cannot (exit code).
fn load(args: &Args) -> Result<(PolicySet, PolicySet), u8> {
    let (old, new) = match (&args.git, &args.new) {
        (Some(rev), None) => (read_git(rev, &args.old), read_path(&args.old, None)),
        (Some(_), Some(_)) => {
            eprintln!("policyc: with --git, give only the file to compare");
            return Err(exit::USAGE);
        }
        (None, Some(new)) => {
            if args.old.as_os_str() == "-" && new.as_os_str() == "-" {
                eprintln!("policyc: only one of OLD and NEW can be `-`");
                return Err(exit::USAGE);
            }
            (
                read_path(&args.old, Some(new)),
                read_path(new, Some(&args.old)),
            )
        }
        (None, None) => {
            eprintln!("policyc: give OLD and NEW, or --git REV and a file");
            return Err(exit::USAGE);
        }
    };
    let (old, new) = match (old, new) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("policyc: {e}");
            return Err(exit::USAGE);
        }
    };
    match (compile(&old), compile(&new)) {
        (Ok(o), Ok(n)) => Ok((o, n)),
        (o, n) => {
            for c in [o.err(), n.err()].into_iter().flatten() {
                let color = std::io::stderr().is_terminal();
                eprint!(
                    "{}",
                    render_human(&c.diagnostics, std::slice::from_ref(&c.source), color)
                );
            }
            Err(exit::FINDINGS)
        }
    }
}

/// The exit status for a diff under `fail_on`.
pub fn status(d: &PolicyDiff, fail_on: FailOn) -> u8 {
    let fails = match fail_on {
        FailOn::Unversioned => !d.unversioned_material().is_empty(),
        FailOn::Material => d.has_material(),
        FailOn::Never => false,
    };
    if fails {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

pub fn run(args: &Args) -> u8 {
    let (old, new) = match load(args) {
        Ok(pair) => pair,
        Err(code) => return code,
    };
    let d = diff::diff(&old, &new);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = match args.format {
        Format::Terminal => diff::render_terminal(&d, color),
        Format::Markdown => diff::render_markdown(&d),
        Format::Json => diff::render_json(&d),
    };
    if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
        eprintln!("policyc: cannot write output: {e}");
        return exit::USAGE;
    }
    status(&d, args.fail_on)
}
