//! Writing outputs so that readers see an old set or a new one, never a mix.
//!
//! [`write`] replaces one file atomically (a temporary file in the target's folder,
//! flushed, then renamed over the target); `fmt`, `import --out` and `init` use it.
//!
//! `build` writes whole trees: [`BuildLock`] refuses a concurrent build into the
//! same folder; [`clean_stale`] removes what a killed build left; [`Staged`]
//! writes the output tree of one policy file, file by file as the emitters render
//! them, into a sibling staging folder ([`abandon`] removes it when the build fails);
//! [`sync`] flushes every staged file to disk at once; [`swap`] puts the staged
//! tree in place with one rename (on Linux an atomic exchange with the old tree,
//! which is then removed). A build killed at any moment leaves, for each policy
//! file, its old complete tree or its new complete tree.
//!
//! New files get mode `0666 & !umask`, as any program's files do; a replaced file
//! keeps its mode.

use std::fs::File;
use std::io::{BufWriter, Write};
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

/// One staged tree: its files are written one by one into the staging folder of
/// `stem` ([`Staged::file`]), then the tree is swapped into `OUT/<stem>`.
pub struct Staged {
    stem: String,
    dir: PathBuf,
    current: PathBuf,
    files: Vec<PathBuf>,
}

impl Staged {
    /// An empty tree for `stem`; the staging folder is made with its first file.
    pub fn new(out: &Path, stem: &str) -> Self {
        Self {
            stem: stem.to_string(),
            dir: staging(out, stem),
            current: out.join(stem),
            files: Vec::new(),
        }
    }

    /// How many files are staged.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Writes the file `relative` (a path with `/`) of what `render` writes, as it
    /// writes it (buffered). A file that replaces one of the current tree keeps its
    /// mode. The outer error says which file could not be written; the inner
    /// result is `render`'s own.
    pub fn file<E>(
        &mut self,
        relative: &str,
        render: &mut dyn FnMut(&mut dyn Write) -> Result<(), E>,
    ) -> Result<Result<(), E>, String> {
        let target = self.dir.join(relative);
        let failed = |e: std::io::Error| {
            format!(
                "cannot write {}: {e}",
                self.current.join(relative).display()
            )
        };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        let file = File::create(&target).map_err(failed)?;
        self.files.push(target);
        let mut w = Recording {
            w: BufWriter::with_capacity(1 << 16, file),
            failed: None,
        };
        let rendered = render(&mut w);
        if let Some(e) = w.failed {
            return Err(failed(e));
        }
        if rendered.is_err() {
            return Ok(rendered);
        }
        let file = w.w.into_inner().map_err(|e| failed(e.into_error()))?;
        if let Ok(meta) = std::fs::symlink_metadata(self.current.join(relative)) {
            if meta.is_file() {
                file.set_permissions(meta.permissions()).map_err(failed)?;
            }
        }
        Ok(rendered)
    }
}

/// Removes the staging folders of `stems` (a build that failed half-way).
pub fn abandon<'a>(out: &Path, stems: impl IntoIterator<Item = &'a str>) {
    for stem in stems {
        let dir = staging(out, stem);
        if dir.exists() {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

/// A writer that keeps the first error of the writer it wraps, so that a failed
/// write is told apart from the renderer's own errors.
struct Recording<W> {
    w: W,
    failed: Option<std::io::Error>,
}

impl<W: Write> Recording<W> {
    fn keep<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        r.map_err(|e| {
            let copy = std::io::Error::new(e.kind(), e.to_string());
            self.failed.get_or_insert(e);
            copy
        })
    }
}

impl<W: Write> Write for Recording<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.w.write(buf);
        self.keep(r)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let r = self.w.write_all(buf);
        self.keep(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.w.flush();
        self.keep(r)
    }
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
    if staged.files.is_empty() {
        // Every selected output was skipped: the new tree is empty (staging
        // folders are made by the first file written into them).
        std::fs::create_dir_all(&staged.dir).map_err(failed)?;
    }
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
