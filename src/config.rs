//! `policyc.toml`: a repository's defaults for the command line, found in the
//! current folder or the nearest folder above it (up to the repository root).
//!
//! ```toml
//! # Files: globs (gitignore style, relative to this file's folder) left out of
//! # folder walks, and YAML files that are policies whatever they look like.
//! exclude = ["drafts/", "*.draft.policy"]
//! policies = ["privacy/site.yaml"]
//! # Laws every policy must satisfy when it names none itself (`applies ...`).
//! laws = ["gdpr", "ccpa"]
//!
//! [check]
//! deny = ["warnings"]       # warnings fail `check` (and `build`)
//!
//! [build]
//! out = "public/privacy"    # default for `build --out`
//! templates = "templates/"  # default for `build --templates`
//! fragment = false
//! ```
//!
//! Paths are relative to the folder that holds `policyc.toml`. Flags given on the
//! command line win over the file.

use crate::engine::Options;
use crate::vocabulary::Law;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file's name.
pub const FILE_NAME: &str = "policyc.toml";

/// A repository's defaults.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Globs left out of folder walks.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// YAML files (relative paths) that are policies even when they do not look like one.
    #[serde(default)]
    pub policies: Vec<PathBuf>,
    /// Laws that apply to every policy that names none itself (`applies`).
    #[serde(default)]
    pub laws: Vec<Law>,
    #[serde(default)]
    pub check: CheckConfig,
    #[serde(default)]
    pub build: BuildConfig,
    /// The folder that holds the file (set when read; not a key).
    #[serde(skip)]
    pub dir: PathBuf,
}

/// `[check]`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    /// Kinds of findings that fail the run: `warnings`.
    #[serde(default)]
    pub deny: Vec<Deny>,
}

/// What `deny` can name.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Deny {
    Warnings,
}

/// `[build]`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BuildConfig {
    pub out: Option<PathBuf>,
    pub templates: Option<PathBuf>,
    #[serde(default)]
    pub fragment: bool,
}

impl Config {
    /// Reads a configuration file; errors name the file, line and column.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut config = Self::parse(&text).map_err(|e| {
            // `FILE:LINE:COL: message` when the error is located.
            let sep = if e.starts_with(|c: char| c.is_ascii_digit()) {
                ":"
            } else {
                ": "
            };
            format!("{}{sep}{e}", path.display())
        })?;
        config.dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."))
            .to_path_buf();
        Ok(config)
    }

    /// Parses the text of a configuration file.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e: toml::de::Error| {
            let msg = e.message().to_string();
            match e.span() {
                Some(span) => {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!("{line}:{col}: {msg}")
                }
                None => msg,
            }
        })
    }

    /// The nearest `policyc.toml` at or above `dir`, stopping at the repository
    /// root (the first folder with a `.git` entry).
    pub fn find(dir: &Path) -> Option<PathBuf> {
        for d in dir.ancestors() {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            if d.join(".git").exists() {
                break;
            }
        }
        None
    }

    /// The configuration that applies in `dir`: the nearest file's, or defaults.
    pub fn discover(dir: &Path) -> Result<Self, String> {
        match Self::find(dir) {
            Some(path) => Self::read(&path),
            None => Ok(Self::default()),
        }
    }

    /// The compile options the file sets.
    pub fn options(&self) -> Options {
        Options {
            laws: self.laws.clone(),
        }
    }

    /// Whether warnings fail the run.
    pub fn deny_warnings(&self) -> bool {
        self.check.deny.contains(&Deny::Warnings)
    }

    /// A path of the file, made relative to the current folder's view (joined to
    /// the file's folder).
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() || self.dir.as_os_str().is_empty() {
            p.to_path_buf()
        } else {
            self.dir.join(p)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{Config, Deny, Law};
    use std::path::PathBuf;

    #[test]
    fn reads_every_key() {
        let c = Config::parse(
            "exclude = [\"drafts/\"]\npolicies = [\"a.yaml\"]\nlaws = [\"gdpr\", \"uk-gdpr\"]\n[check]\ndeny = [\"warnings\"]\n[build]\nout = \"site\"\ntemplates = \"t\"\nfragment = true\n",
        )
        .unwrap();
        assert_eq!(c.exclude, ["drafts/"]);
        assert_eq!(c.policies, [PathBuf::from("a.yaml")]);
        assert_eq!(c.laws, [Law::Gdpr, Law::UkGdpr]);
        assert_eq!(c.check.deny, [Deny::Warnings]);
        assert!(c.deny_warnings());
        assert_eq!(c.build.out, Some(PathBuf::from("site")));
        assert!(c.build.fragment);
    }

    #[test]
    fn unknown_keys_are_located_errors() {
        let e = Config::parse("[check]\ndenny = [\"warnings\"]\n").unwrap_err();
        assert!(e.starts_with("2:1:"), "{e}");
        assert!(e.contains("denny"), "{e}");
        let e = Config::parse("[check]\ndeny = [\"errors\"]\n").unwrap_err();
        assert!(e.contains("warnings"), "{e}");
    }
}
