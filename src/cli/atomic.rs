//! Writing a file atomically: a temporary file in the target's folder, flushed to
//! disk, then renamed over the target, so readers see the old file or the new one,
//! never half of it, and a failed write leaves the old file untouched. Used by
//! `build`, `fmt`, `import --out` and `init`.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `target` atomically, keeping the permissions of a file it
/// replaces. The folder must exist: callers decide whether to create it (`build`
/// does; `init` refuses a mistyped folder).
pub fn write(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(target) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write;

    #[test]
    fn replaces_the_file_keeps_permissions_and_leaves_no_temporary_file() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("nested/out.txt");
        assert!(write(&target, b"one").is_err(), "the folder must exist");
        std::fs::create_dir(dir.path().join("nested"))?;
        write(&target, b"one")?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640))?;
        }
        write(&target, b"two")?;
        assert_eq!(std::fs::read(&target)?, b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&target)?.permissions().mode() & 0o777,
                0o640
            );
        }
        let names: Vec<_> = std::fs::read_dir(dir.path().join("nested"))?
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        Ok(())
    }
}
