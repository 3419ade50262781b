//! Writing outputs so that readers see an old set or a new one, never a mix.
//!
//! [`write`] replaces one file atomically (a temporary file in the target's folder,
//! flushed, then renamed over the target); `fmt`, `import --out` and `init` use it.
//!
//! `build` writes whole trees: [`BuildLock`] refuses a concurrent build into the
//! same folder; [`clean_stale`] removes what a killed build left; [`stage`] writes
//! the whole output tree of one policy file into a sibling staging folder;
//! [`sync`] flushes every staged file to disk at once; [`swap`] puts the staged
//! tree in place with one rename (on Linux an atomic exchange with the old tree,
//! which is then removed). A build killed at any moment leaves, for each policy
//! file, its old complete tree or its new complete tree.
//!
//! New files get mode `0666 & !umask`, as any program's files do; a replaced file
//! keeps its mode.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The lock file `build` holds in the output folder while it writes.
pub const LOCK_FILE: &str = ".policyc-build.lock";

/// Staging folders are named this, then the policy file's stem.
const STAGING_PREFIX: &str = ".policyc-staging-";

/// Writes `bytes` to `target` atomically, keeping the permissions of a file it
/// replaces (a new file gets `0666 & !umask`). The folder must exist: callers
/// decide whether to create it (`init` refuses a mistyped folder).
pub fn write(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Applied at creation, so the process's umask masks it.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(target) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// An exclusive lock on the output folder, released when dropped or when the
/// process ends (however it ends: the lock is the kernel's, not the file's
/// existence).
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// Takes the lock of `out`, or says that another build holds it.
    pub fn take(out: &Path) -> Result<Self, String> {
        let path = out.join(LOCK_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| format!("cannot create the lock file {}: {e}", path.display()))?;
        #[cfg(unix)]
        {
            use rustix::fs::{flock, FlockOperation};
            if let Err(e) = flock(&file, FlockOperation::NonBlockingLockExclusive) {
                return Err(if e == rustix::io::Errno::WOULDBLOCK {
                    format!(
                        "another policyc build is writing into {} (it holds {}); wait for it to finish, or build into another folder",
                        out.display(),
                        path.display()
                    )
                } else {
                    format!("cannot lock {}: {e}", path.display())
                });
            }
        }
        Ok(Self { _file: file })
    }
}

/// The staging folder of the tree for `stem`.
fn staging(out: &Path, stem: &str) -> PathBuf {
    out.join(format!("{STAGING_PREFIX}{stem}"))
}

/// Removes staging folders a killed build left behind. Call with the lock held.
pub fn clean_stale(out: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(out).map_err(|e| format!("cannot list {}: {e}", out.display()))?;
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(STAGING_PREFIX))
        {
            let path = entry.path();
            std::fs::remove_dir_all(&path)
                .map_err(|e| format!("cannot remove the stale {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// One staged tree, ready to swap into `OUT/<stem>`.
pub struct Staged {
    stem: String,
    dir: PathBuf,
    files: Vec<PathBuf>,
}

/// Writes `files` (relative paths with `/`, and contents) into the staging folder
/// for `stem`. A file that replaces one of the current tree keeps its mode.
pub fn stage(out: &Path, stem: &str, files: &[(&str, &[u8])]) -> Result<Staged, String> {
    let dir = staging(out, stem);
    let current = out.join(stem);
    let mut written = Vec::new();
    for (relative, bytes) in files {
        let target = dir.join(relative);
        let result = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                let mut f = File::create(&target)?;
                f.write_all(bytes)?;
                if let Ok(meta) = std::fs::symlink_metadata(current.join(relative)) {
                    if meta.is_file() {
                        f.set_permissions(meta.permissions())?;
                    }
                }
                Ok(())
            });
        result.map_err(|e| format!("cannot write {}: {e}", current.join(relative).display()))?;
        written.push(target);
    }
    Ok(Staged {
        stem: stem.to_string(),
        dir,
        files: written,
    })
}

/// Flushes every staged file to disk: one `syncfs` of the output folder's file
/// system on Linux, a flush per file elsewhere.
pub fn sync(out: &Path, staged: &[Staged]) -> Result<(), String> {
    let failed = |e: std::io::Error| format!("cannot flush the outputs to disk: {e}");
    #[cfg(target_os = "linux")]
    {
        let _ = staged;
        let dir = File::open(out).map_err(failed)?;
        rustix::fs::syncfs(&dir).map_err(|e| failed(e.into()))?;
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = out;
        for f in staged.iter().flat_map(|s| &s.files) {
            File::open(f).and_then(|f| f.sync_all()).map_err(failed)?;
        }
    }
    Ok(())
}

/// Puts a staged tree in place of `OUT/<stem>` and removes the old tree.
pub fn swap(out: &Path, staged: Staged) -> Result<(), String> {
    let target = out.join(&staged.stem);
    let failed =
        |e: std::io::Error| format!("cannot move the new outputs into {}: {e}", target.display());
    if std::fs::symlink_metadata(&target).is_err() {
        std::fs::rename(&staged.dir, &target).map_err(failed)?;
    } else {
        exchange(&staged.dir, &target).map_err(failed)?;
        // The staging folder now holds the old tree.
        std::fs::remove_dir_all(&staged.dir).map_err(failed)?;
    }
    if let Ok(dir) = File::open(out) {
        // The renames themselves reach the disk.
        let _ = dir.sync_all();
    }
    drop(staged.files);
    Ok(())
}

/// Exchanges two folders atomically (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(Into::into)
}

/// Elsewhere: the old tree moves aside, then the new one into place (a reader
/// may find no tree for a moment; never a mixed one).
#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    let aside = a.with_extension("old");
    std::fs::rename(b, &aside)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&aside, a)
}
