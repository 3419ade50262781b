//! `policyc build --previous FILE` / `--previous-rev REV`: the previous published
//! version of a policy file, read from a file or from git (`git show
//! REV:./FILE`, run in the file's folder, as `policyc diff --git` does), and
//! compiled, so the HTML notice can say what changed since.
//!
//! Errors: a file that cannot be read, a folder that is not in a git work tree,
//! a revision git does not know, or a file git did not hold at the revision are
//! usage errors (exit 2), each naming the flag and the file; a previous version
//! that does not parse or resolve is reported with its own located findings
//! (exit 1).

use super::ui;
use policyc::diagnostic::{render_outstanding, Severity};
use policyc::engine;
use policyc::model::PolicySet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

/// Where the previous published version comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// One file: the previous version of the one policy file built.
    File(PathBuf),
    /// A git revision: each policy file's version at `REV`.
    Rev(String),
}

/// Why the previous version cannot be used.
pub enum Failure {
    /// A usage or I/O error (exit 2).
    Usage(String),
    /// The previous version has findings that keep it from being read (exit 1),
    /// rendered.
    Findings(String),
}

/// The previous version of `file`, compiled.
pub fn load(source: &Source, file: &Path) -> Result<Arc<PolicySet>, Failure> {
    let (name, bytes) = match source {
        Source::File(path) => {
            let bytes = engine::read(path).map_err(|e| {
                Failure::Usage(format!(
                    "--previous {}: cannot read the previous version: {e}",
                    path.display()
                ))
            })?;
            (path.display().to_string(), bytes)
        }
        Source::Rev(rev) => {
            let bytes = git_show(rev, file).map_err(Failure::Usage)?;
            (format!("{rev}:{}", file.display()), bytes)
        }
    };
    let c = engine::compile_bytes_with(&name, &bytes, &ui::config().options());
    // A previous version need not pass today's checks (a law pack may have been
    // added since); it must parse and resolve into a whole model.
    let unreadable = c.diagnostics.iter().any(|d| {
        d.acknowledged.is_none()
            && d.severity == Severity::Error
            && matches!(d.code.id().chars().next(), Some('S' | 'L'))
    });
    match c.model {
        Some(model) if !unreadable => Ok(Arc::new(model)),
        _ => {
            let shown: Vec<_> = c
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .cloned()
                .collect();
            let mut report =
                render_outstanding(&shown, std::slice::from_ref(&c.source), ui::color_stderr());
            let _ = writeln!(
                report,
                "policyc: the previous version {name} cannot be read: it must parse and resolve to say what changed"
            );
            Err(Failure::Findings(report))
        }
    }
}

/// The folder to run git in and the path to give it (`./NAME`, relative to that
/// folder, so the repository root does not matter).
fn split(path: &Path) -> (PathBuf, String) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    (dir, file)
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("--previous-rev: cannot run git: {e}"))
}

/// `git show REV:./FILE` with a clear message for each way it can fail.
fn git_show(rev: &str, file: &Path) -> Result<Vec<u8>, String> {
    let (dir, name) = split(file);
    let shown = file.display();
    let inside = git(&dir, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        return Err(format!(
            "--previous-rev {rev}: {shown} is not in a git work tree; give the previous version with --previous FILE"
        ));
    }
    let commit = format!("{rev}^{{commit}}");
    let known = git(&dir, &["rev-parse", "--verify", "--quiet", &commit])?;
    if !known.status.success() {
        return Err(format!(
            "--previous-rev {rev}: git does not know the revision `{rev}` (in {})",
            dir.display()
        ));
    }
    let spec = format!("{rev}:./{name}");
    let held = git(&dir, &["cat-file", "-e", &spec])?;
    if !held.status.success() {
        return Err(format!(
            "--previous-rev {rev}: {shown} did not exist at {rev}; build it without --previous-rev, or give its previous version with --previous FILE"
        ));
    }
    let out = git(&dir, &["show", &spec])?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "--previous-rev {rev}: git show {spec} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}
