//! `policyc diff OLD NEW`, or `policyc diff --git REV [PATHS]...`: what changed in
//! meaning between two versions of a policy, or between the policy files of a
//! revision and the work tree (new and removed files included).

use super::{exit, inputs, ui};
use policyc::diagnostic::render_human;
use policyc::diff::{self, FileDiff, FileStatus, PolicyDiff};
use policyc::engine::{self, Compilation};
use policyc::model::PolicySet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Grouped by policy: material, needing review, non-material; coloured on a terminal.
    Human,
    /// Deprecated name of `human`.
    #[value(hide = true)]
    Terminal,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// JSON, for other tools.
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Exit 1 when a material change (or one needing review) is present and the
    /// version and effective date were not changed.
    Unversioned,
    /// Exit 1 whenever a material change (or one needing review) is present.
    Material,
    /// Exit 1 whenever a change is material for certain; changes needing review do not count.
    Definite,
    /// Never exit 1 because of changes.
    Never,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc diff old.policy new.policy
  git show main:policies/site.policy | policyc diff - policies/site.policy
  policyc diff --git main policies/site.policy --format markdown
  policyc diff --git origin/main policies/      every policy file, new and removed ones too

A change whose words changed in a way no program can weigh (a promise, a right, a
retention rule or an opt-out reworded; a period that cannot be compared by length)
needs review and counts as material, unless --fail-on definite.")]
pub struct Args {
    /// OLD and NEW (`-` reads one of them from standard input); with `--git`, the
    /// files or folders to compare with the revision (default: the current folder).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Compare with the files at this revision (`git show REV:PATH`).
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to exit with status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Unversioned)]
    pub fail_on: FailOn,
    #[command(flatten)]
    pub walk: inputs::Walk,
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
    let (dir, file) = split(path);
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

/// Whether git knows `path` at `rev`.
fn git_has(rev: &str, path: &Path) -> bool {
    let (dir, file) = split(path);
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "-e"])
        .arg(format!("{rev}:./{file}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Where to run git and the path to give it: a relative path from the current
/// folder (its folder may be gone at the revision's side), an absolute one from
/// its folder.
fn split(path: &Path) -> (&Path, String) {
    if path.is_relative() {
        return (Path::new("."), path.to_string_lossy().replace('\\', "/"));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    (dir, file)
}

/// Fails unless `rev` names a commit.
fn check_revision(rev: &str) -> Result<(), String> {
    let o = Command::new("git")
        .args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{rev}^{{commit}}"))
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if o.status.success() {
        Ok(())
    } else {
        Err(format!("git does not know the revision `{rev}`"))
    }
}

/// The files git holds at `rev` under `path` (a folder), relative to the current folder.
fn git_files(rev: &str, path: &Path) -> Result<Vec<PathBuf>, String> {
    let o = Command::new("git")
        .args(["ls-tree", "-r", "--name-only", "-z", rev, "--"])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !o.status.success() {
        return Err(format!(
            "git ls-tree {rev} {} failed: {}",
            path.display(),
            String::from_utf8_lossy(&o.stderr).trim()
        ));
    }
    Ok(o.stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).to_string()))
        .collect())
}

fn compile(v: &Version) -> Result<PolicySet, Compilation> {
    let c = engine::compile_bytes_with(&v.name, &v.bytes, &ui::config().options());
    match &c.model {
        Some(m) => {
            if c.fails(false) {
                ui::note(format_args!(
                    "policyc: warning: {} has errors (`policyc check` reports them); comparing what could be read",
                    v.name
                ));
            }
            Ok(m.clone())
        }
        None => Err(c),
    }
}

/// Compiles both versions, or prints why it cannot (exit code).
fn compile_pair(old: &Version, new: &Version) -> Result<(PolicySet, PolicySet), u8> {
    match (compile(old), compile(new)) {
        (Ok(o), Ok(n)) => Ok((o, n)),
        (o, n) => {
            for c in [o.err(), n.err()].into_iter().flatten() {
                report(&c);
            }
            Err(exit::FINDINGS)
        }
    }
}

fn compile_one(v: &Version) -> Result<PolicySet, u8> {
    compile(v).map_err(|c| {
        report(&c);
        exit::FINDINGS
    })
}

fn report(c: &Compilation) {
    eprint!(
        "{}",
        render_human(
            &c.diagnostics,
            std::slice::from_ref(&c.source),
            ui::color_stderr()
        )
    );
}

/// Reads and compiles OLD and NEW.
fn load_pair(old: &Path, new: &Path) -> Result<(PolicySet, PolicySet), u8> {
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        eprintln!("policyc: only one of OLD and NEW can be `-`");
        return Err(exit::USAGE);
    }
    match (read_path(old, Some(new)), read_path(new, Some(old))) {
        (Ok(o), Ok(n)) => compile_pair(&o, &n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("policyc: {e}");
            Err(exit::USAGE)
        }
    }
}

/// Every policy file under `paths` now or at `rev`, each compared with its other
/// version (nothing, for a new or removed file).
fn load_git(rev: &str, paths: &[PathBuf], walk: &inputs::Walk) -> Result<Vec<FileDiff>, u8> {
    let usage = |e: String| {
        eprintln!("policyc: {e}");
        exit::USAGE
    };
    check_revision(rev).map_err(usage)?;
    let finder = inputs::Finder::new(&ui::config(), walk).map_err(usage)?;
    // Paths gone from the work tree may still name files or folders at REV.
    let present: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    let mut files: Vec<PathBuf> = finder.expand(&present).map_err(usage)?;
    let tidy = |p: &Path| p.strip_prefix(".").unwrap_or(p).to_path_buf();
    files = files.iter().map(|p| tidy(p)).collect();
    // Files git held at REV under the folders given and that are gone now.
    for p in paths.iter().filter(|p| p.is_dir() || !p.exists()) {
        for f in git_files(rev, p).map_err(usage)? {
            if f.exists() || files.contains(&f) {
                continue;
            }
            let Ok(old) = read_git(rev, &f) else { continue };
            if finder.is_policy(&f, Some(&old.bytes)) {
                files.push(f);
            }
        }
    }
    if files.is_empty() {
        return Err(usage(
            "no policy files found, now or at the revision".to_string(),
        ));
    }
    files.sort();
    files.dedup();
    let mut out = Vec::new();
    let mut failed = None;
    for f in files {
        let status = match (f.exists(), git_has(rev, &f)) {
            (true, true) => FileStatus::Changed,
            (true, false) => FileStatus::Added,
            (false, _) => FileStatus::Removed,
        };
        let name = f.display().to_string();
        let old = match status {
            FileStatus::Added => None,
            _ => Some(read_git(rev, &f).map_err(usage)?),
        };
        let new = match status {
            FileStatus::Removed => None,
            _ => Some(read_path(&f, None).map_err(usage)?),
        };
        // A missing side is an empty policy set: every policy is added or removed.
        let pair = match (&old, &new) {
            (Some(o), Some(n)) => compile_pair(o, n),
            (None, Some(v)) => compile_one(v).map(|n| (PolicySet::default(), n)),
            (Some(v), None) => compile_one(v).map(|o| (o, PolicySet::default())),
            (None, None) => continue,
        };
        match pair {
            Ok((o, n)) => out.push(FileDiff {
                path: name,
                status,
                diff: diff::diff(&o, &n),
            }),
            Err(code) => failed = Some(code),
        }
    }
    match failed {
        Some(code) => Err(code),
        None => Ok(out),
    }
}

/// The exit status for diffs under `fail_on`.
pub fn status(diffs: &[&PolicyDiff], fail_on: FailOn) -> u8 {
    let fails = diffs.iter().any(|d| match fail_on {
        FailOn::Unversioned => !d.unversioned_material().is_empty(),
        FailOn::Material => d.has_material(),
        FailOn::Definite => d.has_definite_material(),
        FailOn::Never => false,
    });
    if fails {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

pub fn run(args: &Args) -> u8 {
    let format = match args.format {
        Format::Terminal => {
            eprintln!("policyc: warning: `--format terminal` is deprecated; use `--format human`");
            Format::Human
        }
        f => f,
    };
    let color = ui::color_stdout();
    let (text, code) = match (&args.git, args.paths.as_slice()) {
        // One file against a revision, or OLD NEW: a single diff.
        (Some(rev), [file]) if !file.is_dir() && file.exists() && git_has(rev, file) => {
            let pair = match read_git(rev, file) {
                Ok(old) => match read_path(file, None) {
                    Ok(new) => compile_pair(&old, &new),
                    Err(e) => {
                        eprintln!("policyc: {e}");
                        Err(exit::USAGE)
                    }
                },
                Err(e) => {
                    eprintln!("policyc: {e}");
                    Err(exit::USAGE)
                }
            };
            match pair {
                Ok((o, n)) => single(&diff::diff(&o, &n), format, color, args.fail_on),
                Err(code) => return code,
            }
        }
        (Some(rev), paths) => {
            let default = [PathBuf::from(".")];
            let paths = if paths.is_empty() {
                &default[..]
            } else {
                paths
            };
            match load_git(rev, paths, &args.walk) {
                Ok(files) => {
                    let text = match format {
                        Format::Human | Format::Terminal => {
                            diff::render_terminal_files(&files, color)
                        }
                        Format::Markdown => diff::render_markdown_files(&files),
                        Format::Json => diff::render_json_files(&files),
                    };
                    let diffs: Vec<&PolicyDiff> = files.iter().map(|f| &f.diff).collect();
                    (text, status(&diffs, args.fail_on))
                }
                Err(code) => return code,
            }
        }
        (None, [old, new]) => match load_pair(old, new) {
            Ok((o, n)) => single(&diff::diff(&o, &n), format, color, args.fail_on),
            Err(code) => return code,
        },
        (None, _) => {
            eprintln!(
                "policyc: give OLD and NEW, or --git REV and the files or folders to compare"
            );
            return exit::USAGE;
        }
    };
    if !ui::quiet() {
        if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
            eprintln!("policyc: cannot write output: {e}");
            return exit::USAGE;
        }
    }
    code
}

/// The rendered text and exit status of one diff.
fn single(d: &PolicyDiff, format: Format, color: bool, fail_on: FailOn) -> (String, u8) {
    let text = match format {
        Format::Human | Format::Terminal => diff::render_terminal(d, color),
        Format::Markdown => diff::render_markdown(d),
        Format::Json => diff::render_json(d),
    };
    (text, status(&[d], fail_on))
}
