//! The engine facade: the one entry point the CLI (and any other front end) uses.
//! Source text in, model and findings out.

use crate::diagnostic::{self, Diagnostic};
use crate::model::PolicySet;
use crate::span::SourceFile;
use std::path::Path;

/// The source forms a policy may be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// The policy language (`.policy`).
    Policy,
    /// YAML deserialized into the model (`.yaml`, `.yml`).
    Yaml,
}

impl SourceFormat {
    /// The form a file is written in, from its extension.
    pub fn of(path: &str) -> Self {
        let ext = std::path::Path::new(path)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") {
            Self::Yaml
        } else {
            Self::Policy
        }
    }
}

/// The result of compiling one source file.
#[derive(Debug)]
pub struct Compilation {
    pub source: SourceFile,
    /// The resolved model; `None` when the file could not be parsed into one.
    pub model: Option<PolicySet>,
    /// Every finding, sorted, acknowledgments applied.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    /// True when an unacknowledged error (or, with `deny_warnings`, any
    /// unacknowledged warning) is present.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.diagnostics.iter().any(|d| {
            d.acknowledged.is_none()
                && (d.severity == diagnostic::Severity::Error
                    || (deny_warnings && d.severity == diagnostic::Severity::Warning))
        })
    }

    /// The model, when compilation produced one and no unacknowledged error exists.
    pub fn valid_model(&self) -> Option<&PolicySet> {
        if self.fails(false) {
            None
        } else {
            self.model.as_ref()
        }
    }
}

/// Reads a file as bytes. Invalid UTF-8 is reported as a located finding by
/// [`compile_bytes`], not as an I/O error.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// What a repository's configuration (`policyc.toml`) adds to every compilation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Laws that apply to every policy that names none itself (`applies`).
    pub laws: Vec<crate::vocabulary::Law>,
}

/// Compiles raw bytes (as read from `path`): decodes, parses, resolves, checks.
pub fn compile_bytes(path: &str, bytes: &[u8]) -> Compilation {
    compile_bytes_with(path, bytes, &Options::default())
}

/// [`compile_bytes`] with a repository's options.
pub fn compile_bytes_with(path: &str, bytes: &[u8], options: &Options) -> Compilation {
    match std::str::from_utf8(bytes) {
        Ok(text) => compile_with(&SourceFile::new(path, text), options),
        Err(e) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let source = SourceFile::new(path, lossy);
            let d = crate::parser::not_utf8(&source, bytes, e.valid_up_to());
            Compilation {
                source,
                model: None,
                diagnostics: vec![d],
            }
        }
    }
}

/// Compiles one source file: parse → AST → resolve → model → check.
pub fn compile(source: &SourceFile) -> Compilation {
    compile_with(source, &Options::default())
}

/// [`compile`] with a repository's options: a policy that names no law gets the
/// options' laws before it is checked.
///
/// Every stage reports in one run where the file parses: when resolve finds
/// errors, the checks still run on the model as far as it resolved, and their
/// findings about the damaged parts are dropped (see
/// [`crate::resolve::Damage`]). The model is kept only when resolve found no
/// error.
pub fn compile_with(source: &SourceFile, options: &Options) -> Compilation {
    let mut resolution = match SourceFormat::of(&source.path) {
        SourceFormat::Policy => crate::resolve::resolve_source(source),
        SourceFormat::Yaml => {
            let (set, diagnostics) = crate::resolve::compile_yaml_source(source);
            // The YAML form has value errors only (no damaged elements to drop).
            let complete = !diagnostics
                .iter()
                .any(|d| d.severity == diagnostic::Severity::Error);
            crate::resolve::Resolution {
                set,
                complete,
                diagnostics,
                damage: crate::resolve::Damage::default(),
            }
        }
    };
    if let Some(set) = &mut resolution.set {
        for p in &mut set.policies {
            if p.legal.applies.is_empty() {
                p.legal.applies.clone_from(&options.laws);
            }
        }
    }
    let mut diagnostics = resolution.diagnostics;
    if let Some(set) = &resolution.set {
        let found = crate::check::check(set, source);
        diagnostics.extend(found.into_iter().filter(|d| resolution.damage.keeps(d)));
        crate::check::apply_acknowledgments(set, source, &mut diagnostics);
    }
    diagnostic::sort(&mut diagnostics);
    Compilation {
        source: source.clone(),
        model: resolution.set.filter(|_| resolution.complete),
        diagnostics,
    }
}
