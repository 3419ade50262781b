//! The repository's own policy files, for the tests that run over all of them.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.policy` file under each of `dirs` (relative to the root; `""` is the
/// root itself), sorted, outside hidden folders and build output (`target`,
/// `*-target`).
pub fn policy_files(dirs: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                if !name.starts_with('.') && !name.ends_with("target") {
                    walk(&p, out);
                }
            } else if name.ends_with(".policy") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    for dir in dirs {
        walk(&root().join(dir), &mut out);
    }
    out
}
