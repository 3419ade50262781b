//! Expanding FILES or DIRECTORIES arguments into policy files.
//!
//! A file named on the command line is always taken. A folder is walked with the
//! `ignore` crate, as git sees it: `.gitignore` (and `.ignore`, `.git/info/exclude`)
//! honoured, hidden files and folders skipped, globs of `--exclude` and of the
//! configuration's `exclude` left out. In a folder, `.policy` files are policies;
//! a `.yaml`/`.yml` file is one only when it looks like one (a top-level
//! `policies:` key) or the configuration names it, so the workflow and
//! pre-commit files a repository keeps are not mistaken for policies.

use super::ui;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::WalkBuilder;
use policyc::config::Config;
use std::path::{Path, PathBuf};

/// Extensions of policy source files.
pub const EXTENSIONS: &[&str] = &["policy", "yaml", "yml"];

/// `--exclude GLOB`, for every command that walks folders.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Walk {
    /// Leave out files and folders matching this glob (gitignore style, relative
    /// to the current folder; repeatable). `policyc.toml`'s `exclude` adds more.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
}

/// Every policy file named or found (recursively, sorted) under the given paths,
/// with the repository's configuration.
#[allow(dead_code)] // for commands that take no `--exclude`
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    expand_with(paths, &Walk::default())
}

/// Like [`expand`], leaving out what `walk` excludes.
pub fn expand_with(paths: &[PathBuf], walk: &Walk) -> Result<Vec<PathBuf>, String> {
    Finder::new(&ui::config(), walk)?.expand(paths)
}

/// Decides which files of a walk are policies.
pub struct Finder {
    excludes: Vec<Gitignore>,
    /// YAML files the configuration names as policies (as given and canonical).
    named: Vec<PathBuf>,
}

fn matcher(root: &Path, globs: &[String], origin: &str) -> Result<Gitignore, String> {
    let mut b = GitignoreBuilder::new(root);
    for g in globs {
        b.add_line(None, g)
            .map_err(|e| format!("{origin}: invalid exclude glob `{g}`: {e}"))?;
    }
    b.build()
        .map_err(|e| format!("{origin}: invalid exclude globs: {e}"))
}

impl Finder {
    pub fn new(config: &Config, walk: &Walk) -> Result<Self, String> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let config_root = if config.dir.as_os_str().is_empty() {
            cwd.clone()
        } else {
            std::path::absolute(&config.dir).unwrap_or_else(|_| config.dir.clone())
        };
        let excludes = vec![
            matcher(&cwd, &walk.exclude, "--exclude")?,
            matcher(&config_root, &config.exclude, policyc::config::FILE_NAME)?,
        ];
        let named = config
            .policies
            .iter()
            .map(|p| config.resolve(p))
            .map(|p| std::fs::canonicalize(&p).unwrap_or(p))
            .collect();
        Ok(Self { excludes, named })
    }

    fn named(&self, path: &Path) -> bool {
        let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.named.contains(&canon)
    }

    /// Whether a file found in a folder is a policy: `.policy`, or YAML that
    /// looks like a policy or is named in the configuration.
    pub fn is_policy(&self, path: &Path, text: Option<&[u8]>) -> bool {
        match extension(path).as_deref() {
            Some("policy") => true,
            Some("yaml" | "yml") => {
                self.named(path)
                    || match text {
                        Some(t) => looks_like_policy(t),
                        None => std::fs::read(path).is_ok_and(|t| looks_like_policy(&t)),
                    }
            }
            _ => false,
        }
    }

    pub fn expand(&self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
        let mut out = Vec::new();
        for p in paths {
            if p.is_dir() {
                self.walk(p, &mut out)?;
            } else if p.exists() {
                out.push(p.clone());
            } else {
                return Err(format!("no such file or directory: {}", p.display()));
            }
        }
        Ok(out)
    }

    fn walk(&self, dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
        let mut found = Vec::new();
        let excludes = self.excludes.clone();
        let walker = WalkBuilder::new(dir)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(false)
            .ignore(true)
            .parents(true)
            // .gitignore files count outside a git repository too.
            .require_git(false)
            .sort_by_file_path(Path::cmp)
            .filter_entry(move |e| {
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                e.depth() == 0 || !excluded(&excludes, e.path(), is_dir)
            })
            .build();
        for entry in walker {
            let entry =
                entry.map_err(|e| format!("cannot read directory {}: {e}", dir.display()))?;
            let path = entry.path();
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if is_dir || entry.depth() == 0 {
                continue;
            }
            if self.is_policy(path, None) {
                found.push(path.to_path_buf());
            }
        }
        out.extend(found);
        Ok(())
    }
}

/// Whether an exclude glob matches `path` (a folder's files are pruned with it).
fn excluded(excludes: &[Gitignore], path: &Path, is_dir: bool) -> bool {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    excludes.iter().any(|m| m.matched(&abs, is_dir).is_ignore())
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| EXTENSIONS.contains(&e.as_str()))
}

/// Whether YAML text is a policy set: a top-level `policies:` key (the YAML form
/// of the model). Read from the text, not parsed, so a policy with a YAML error is
/// still found and its error reported.
pub fn looks_like_policy(text: &[u8]) -> bool {
    String::from_utf8_lossy(text).lines().any(|l| {
        let l = l.strip_prefix('\u{feff}').unwrap_or(l);
        l.strip_prefix("policies")
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
            || l.strip_prefix("\"policies\"")
                .or_else(|| l.strip_prefix("'policies'"))
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

#[cfg(test)]
mod tests {
    use super::looks_like_policy;

    #[test]
    fn yaml_policies_are_recognised_by_their_top_level_key() {
        assert!(looks_like_policy(
            b"# a policy\npolicies:\n  - name: main\n"
        ));
        assert!(looks_like_policy(b"---\npolicies: []\n"));
        assert!(!looks_like_policy(
            b"name: privacy policy\non:\n  pull_request:\n"
        ));
        assert!(!looks_like_policy(b"repos:\n  - policies: x\n"));
    }
}
