//! `policyc import`: a P3P 1.0 policy file (optionally with its reference file)
//! → policy source in our language, on standard output or into `--out`.

use super::{atomic, exit};
use policyc::diagnostic::{render_human, Diagnostic};
use policyc::emit::source;
use policyc::p3p::document::{PolicyFile, ReferenceFile};
use policyc::p3p::import::import;
use policyc::p3p::read::{read, P3pDocument};
use policyc::span::SourceFile;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The P3P policy file (`POLICIES`), or a reference file (`META`): its embedded
    /// policies, or the policy files its POLICY-REFs name, found on disk beside it.
    pub file: PathBuf,
    /// The site's policy reference file (`/w3c/p3p.xml`): fills each policy's `covers`.
    pub reference: Option<PathBuf>,
    /// Write the source here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Reads one XML file: its source, or the S007 finding when it passes the input
/// size limit.
fn load(path: &Path) -> Result<Result<SourceFile, Diagnostic>, String> {
    let bytes =
        policyc::engine::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.display().to_string();
    if let Some(d) =
        policyc::engine::too_large(&name, bytes.len(), policyc::engine::max_input_bytes())
    {
        return Ok(Err(d));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
    Ok(Ok(SourceFile::new(name, text)))
}

pub fn run(args: &Args) -> u8 {
    let mut sources = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut policies: Option<PolicyFile> = None;
    let mut reference: Option<ReferenceFile> = None;
    // Loads and reads one XML file, keeping its source for the findings.
    let mut read_file = |path: &PathBuf| -> Result<Option<P3pDocument>, u8> {
        let source = load(path).map_err(|e| {
            eprintln!("policyc: {e}");
            exit::USAGE
        })?;
        let source = match source {
            Ok(source) => source,
            Err(d) => {
                diagnostics.push(d);
                sources.push(SourceFile::new(path.display().to_string(), ""));
                return Ok(None);
            }
        };
        let mut result = read(&source);
        policyc::engine::cap_findings(&mut result.diagnostics);
        diagnostics.extend(result.diagnostics);
        sources.push(source);
        Ok(result.document)
    };
    for path in std::iter::once(&args.file).chain(args.reference.iter()) {
        match read_file(path) {
            Ok(Some(P3pDocument::Policies(p))) => policies = policies.or(Some(p)),
            Ok(Some(P3pDocument::Reference(r, embedded))) => {
                reference = Some(r);
                policies = policies.or(embedded);
            }
            Ok(None) => {}
            Err(code) => return code,
        }
    }
    // A reference file given alone: follow its POLICY-REFs (REC §2.3.2.1 `about`)
    // to the policy files they name, as a user agent would, but on disk.
    let mut followed: Vec<PathBuf> = Vec::new();
    if policies.is_none() && args.reference.is_none() {
        let named = reference
            .as_ref()
            .map(|r| policy_files_named_by(r, &args.file))
            .unwrap_or_default();
        for path in named {
            match read_file(&path) {
                Ok(Some(P3pDocument::Policies(p))) => {
                    policies = Some(match policies.take() {
                        None => p,
                        Some(mut all) => {
                            all.policies.extend(p.policies);
                            all
                        }
                    });
                }
                Ok(_) => {}
                Err(code) => return code,
            }
            followed.push(path);
        }
    }
    let failed = diagnostics.iter().any(Diagnostic::is_blocking_error);
    if failed {
        eprint!(
            "{}",
            render_human(&diagnostics, &sources, super::ui::color_stderr())
        );
        return exit::FINDINGS;
    }
    for path in &followed {
        super::ui::note(format_args!(
            "policyc: note: read {}, named by the reference file",
            path.display()
        ));
    }
    let Some(policies) = policies else {
        if !diagnostics.is_empty() {
            eprint!(
                "{}",
                render_human(&diagnostics, &sources, super::ui::color_stderr())
            );
        }
        report_reference_only(&args.file, reference.as_ref());
        return exit::FINDINGS;
    };
    let (set, notes) = import(&policies, reference.as_ref());
    diagnostics.extend(notes.diagnostics(&sources));
    if !diagnostics.is_empty() {
        eprint!(
            "{}",
            render_human(&diagnostics, &sources, super::ui::color_stderr())
        );
    }
    for name in &notes.skipped_cookie_policies {
        super::ui::note(format_args!(
            "policyc: note: left out policy {name}: it is the cookie policy `build` derives"
        ));
    }
    super::ui::note(
        "policyc: note: P3P does not carry retention periods, rights, security practices or prose; run `policyc check` on the result and add them",
    );
    write_source(args, &source::write(&set))
}

/// A reference file without policies: which policies it names, and what to do.
fn report_reference_only(file: &Path, reference: Option<&ReferenceFile>) {
    let named = reference.map(referenced_files).unwrap_or_default();
    if named.is_empty() {
        eprintln!(
            "policyc: {} is a policy reference file that names no policy file; import the policy file, with the reference file second",
            file.display()
        );
    } else {
        eprintln!(
            "policyc: {} is a policy reference file: it holds no policies, and the policies it names ({}) were not found on disk beside it (URLs on other hosts are not fetched); import the policy file, with the reference file second: `policyc import POLICY.xml {}`",
            file.display(),
            named.join(", "),
            file.display()
        );
    }
}

/// Writes the imported source, after making sure it parses and resolves: a
/// defect of the import must never reach the user's files.
fn write_source(args: &Args, text: &str) -> u8 {
    let written = SourceFile::new("<imported>", text);
    let (model, findings) = policyc::resolve::compile_policy_source(&written);
    let broken: Vec<Diagnostic> = findings
        .into_iter()
        .filter(Diagnostic::is_blocking_error)
        .collect();
    if model.is_none() || !broken.is_empty() {
        eprintln!("policyc: error: the imported source would not parse (a defect of policyc import; please report it):");
        eprint!(
            "{}",
            render_human(
                &broken,
                std::slice::from_ref(&written),
                super::ui::color_stderr()
            )
        );
        return exit::FINDINGS;
    }
    match &args.out {
        Some(path) => {
            if let Err(e) = atomic::write(path, text.as_bytes()) {
                eprintln!("policyc: cannot write {}: {e}", path.display());
                return exit::USAGE;
            }
        }
        None => print!("{text}"),
    }
    exit::OK
}

/// Every policy file a reference file's POLICY-REFs name (the `about` without its
/// fragment), each once, as written.
fn referenced_files(reference: &ReferenceFile) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &reference.refs {
        let file = match r.about.split_once('#') {
            Some(("", fragment)) => format!("#{fragment}, a policy the file itself should hold"),
            Some((file, _)) => file.to_string(),
            None => r.about.clone(),
        };
        if !file.is_empty() && !out.contains(&file) {
            out.push(file);
        }
    }
    out
}

/// The local policy files the POLICY-REFs of a reference file point at, in order,
/// each once. An `about` is a URI reference (REC §2.3.2.1); its path part is looked
/// up relative to the reference file's folder when relative, and, when it starts
/// with `/` (a site path), under each folder above the reference file, nearest
/// first (the well-known `/w3c/p3p.xml` sits one folder below the site root).
/// An absolute URL's path is looked up as a site path (nothing is fetched).
fn policy_files_named_by(reference: &ReferenceFile, reference_path: &Path) -> Vec<PathBuf> {
    let folder = reference_path.parent().unwrap_or_else(|| Path::new(""));
    let mut out: Vec<PathBuf> = Vec::new();
    for r in &reference.refs {
        let mut path = r.about.split('#').next().unwrap_or("");
        // An absolute URL: its path, looked up as a site path (the reference file
        // usually names its own host's policy file that way).
        if let Some((_, rest)) = path.split_once("://") {
            path = rest.find('/').map_or("", |i| &rest[i..]);
        }
        if path.is_empty() {
            continue;
        }
        let found = if let Some(site_path) = path.strip_prefix('/') {
            folder
                .ancestors()
                .map(|root| root.join(site_path))
                .find(|candidate| candidate.is_file())
        } else {
            Some(folder.join(path)).filter(|candidate| candidate.is_file())
        };
        if let Some(file) = found {
            if !out.contains(&file) {
                out.push(file);
            }
        }
    }
    out
}
