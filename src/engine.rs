//! The engine facade: the one entry point the CLI (and any other front end) uses.
//! Source text in, model and findings out.

use crate::diagnostic::{self, Diagnostic};
use crate::model::PolicySet;
use crate::span::SourceFile;
use std::io::Read as _;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// The largest input read by default (policy source, YAML, P3P XML, compact
/// policy): 8 MiB. Real policies are a few kilobytes; the limit keeps a hostile
/// file from taking unbounded memory. `--max-input-size` raises it.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 8 << 20;

/// At most this many findings are reported per file; then one S009 finding says
/// how many more there are.
pub const MAX_FINDINGS: usize = 200;

static MAX_INPUT_BYTES: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_INPUT_BYTES);

/// The largest limit [`set_max_input_bytes`] accepts: spans store byte offsets
/// as `u32` (see [`crate::span`]), so no input may reach 4 GiB.
pub const MAX_INPUT_BYTES_CEILING: usize = u32::MAX as usize - 1;

/// Sets the input size limit for this process (the CLI's `--max-input-size`),
/// at most [`MAX_INPUT_BYTES_CEILING`].
pub fn set_max_input_bytes(limit: usize) {
    MAX_INPUT_BYTES.store(limit.min(MAX_INPUT_BYTES_CEILING), Ordering::Relaxed);
}

/// The input size limit in force.
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES.load(Ordering::Relaxed)
}

/// Reads a file as bytes, at most one byte more than [`max_input_bytes`] (so a
/// larger file is detected without reading it all). Invalid UTF-8 and a too
/// large file are reported as located findings by [`compile_bytes`], not as
/// I/O errors.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    read_limited(std::fs::File::open(path)?)
}

/// Reads at most one byte more than [`max_input_bytes`] from `reader`.
pub fn read_limited(reader: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    let limit = max_input_bytes();
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The S007 finding when `bytes` passes `limit`, located at the start of `path`.
pub fn too_large(path: &str, len: usize, limit: usize) -> Option<Diagnostic> {
    (len > limit).then(|| {
        Diagnostic::new(
            diagnostic::Code::InputTooLarge,
            format!("this input is larger than the maximum input size of {limit} bytes"),
        )
        .at(Some(crate::span::Span::file_start(&std::sync::Arc::from(path))))
        .help("a policy is a few kilobytes; if this file is genuine, raise the limit with `--max-input-size BYTES`")
    })
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

/// [`compile_bytes`] with an explicit input size limit.
pub fn compile_bytes_limited(path: &str, bytes: &[u8], limit: usize) -> Compilation {
    compile_bytes_limited_with(path, bytes, limit, &Options::default())
}

/// [`compile_bytes`] with a repository's options.
pub fn compile_bytes_with(path: &str, bytes: &[u8], options: &Options) -> Compilation {
    compile_bytes_limited_with(path, bytes, max_input_bytes(), options)
}

/// [`compile_bytes`] with an explicit input size limit and a repository's options.
pub fn compile_bytes_limited_with(
    path: &str,
    bytes: &[u8],
    limit: usize,
    options: &Options,
) -> Compilation {
    if let Some(d) = too_large(path, bytes.len(), limit) {
        return Compilation {
            source: SourceFile::new(path, ""),
            model: None,
            diagnostics: vec![d],
        };
    }
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

/// [`compile_bytes_with`], taking the bytes: valid UTF-8 becomes the source
/// text without a copy, so a large input is held once, not twice.
pub fn compile_owned_with(path: &str, bytes: Vec<u8>, options: &Options) -> Compilation {
    if too_large(path, bytes.len(), max_input_bytes()).is_some() {
        return compile_bytes_with(path, &bytes, options);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            let source = SourceFile::new(path, text);
            let (model, diagnostics) = compile_parts(&source, options, streamed());
            Compilation {
                source,
                model,
                diagnostics,
            }
        }
        Err(e) => compile_bytes_with(path, e.as_bytes(), options),
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
    compile_as(source, options, streamed())
}

/// How policy-language sources are compiled: resolved as parsed, piece by piece.
fn streamed() -> crate::resolve::How {
    crate::resolve::How::Streamed(crate::parser::PIECE_SIZE)
}

/// [`compile_with`], a policy-language source parsed and resolved as `how`
/// says (tests compare resolving as parsed with resolving the whole tree).
#[doc(hidden)]
pub fn compile_as(source: &SourceFile, options: &Options, how: crate::resolve::How) -> Compilation {
    let (model, diagnostics) = compile_parts(source, options, how);
    Compilation {
        source: source.clone(),
        model,
        diagnostics,
    }
}

/// The model (when the source resolved without error) and the findings.
fn compile_parts(
    source: &SourceFile,
    options: &Options,
    how: crate::resolve::How,
) -> (Option<PolicySet>, Vec<Diagnostic>) {
    let mut resolution = match SourceFormat::of(&source.path) {
        SourceFormat::Policy => crate::resolve::resolve_source_as(source, how),
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
        // Fingerprints are computed for the findings acknowledgments name and
        // for those reported (after the cap), not for every finding.
        let mut checked = crate::check::Checked::run(set, source);
        checked.retain(|d| resolution.damage.keeps(d));
        diagnostics.append(&mut checked.diagnostics);
        checked.apply_acknowledgments(set, source, &mut diagnostics);
        diagnostic::sort(&mut diagnostics);
        checked.fingerprint_first(&mut diagnostics, MAX_FINDINGS);
    } else {
        diagnostic::sort(&mut diagnostics);
    }
    cap_findings(&mut diagnostics);
    (resolution.set.filter(|_| resolution.complete), diagnostics)
}

/// Keeps the first [`MAX_FINDINGS`] findings and replaces the rest by one S009
/// finding (located at the first one left out, as severe as the worst of them).
pub fn cap_findings(diagnostics: &mut Vec<Diagnostic>) {
    if diagnostics.len() <= MAX_FINDINGS {
        return;
    }
    let rest = diagnostics.split_off(MAX_FINDINGS);
    // `Severity` orders the most severe first.
    let worst = rest
        .iter()
        .filter(|d| d.acknowledged.is_none())
        .map(|d| d.severity)
        .min()
        .unwrap_or(diagnostic::Severity::Note);
    let mut d = Diagnostic::new(
        diagnostic::Code::TooManyFindings,
        format!(
            "{} more findings in this file are not shown (at most {MAX_FINDINGS} are reported)",
            rest.len()
        ),
    )
    .at(rest.first().and_then(|d| d.span))
    .help("fix the findings above and check again");
    d.severity = worst;
    diagnostics.push(d);
}

#[cfg(test)]
mod tests {
    use super::{compile_bytes_with, compile_owned_with, Options};

    /// Taking the bytes compiles exactly as borrowing them: valid text, text
    /// with findings, invalid UTF-8 and an input over the limit.
    #[test]
    fn owned_bytes_compile_as_borrowed_ones() {
        let valid = b"policy p {\n  title \"T\"\n}\n".to_vec();
        let findings = b"policy p {\n  titel \"T\"\n}\n".to_vec();
        let mut invalid = valid.clone();
        invalid.insert(12, 0xff);
        let huge = vec![b' '; super::max_input_bytes() + 1];
        for bytes in [valid, findings, invalid, huge] {
            let options = Options::default();
            let borrowed = compile_bytes_with("t.policy", &bytes, &options);
            let owned = compile_owned_with("t.policy", bytes, &options);
            assert_eq!(owned.source.text, borrowed.source.text);
            assert_eq!(owned.model, borrowed.model);
            assert_eq!(
                format!("{:?}", owned.diagnostics),
                format!("{:?}", borrowed.diagnostics)
            );
        }
    }
}
