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

fn load(path: &PathBuf) -> Result<SourceFile, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
    Ok(SourceFile::new(path.display().to_string(), text))
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
        let result = read(&source);
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
    if !diagnostics.is_empty() {
        eprint!(
            "{}",
            render_human(&diagnostics, &sources, super::ui::color_stderr())
        );
    }
    if failed {
        return exit::FINDINGS;
    }
    for path in &followed {
        super::ui::note(format_args!(
            "policyc: note: read {}, named by the reference file",
            path.display()
        ));
    }
    let Some(policies) = policies else {
        eprintln!(
            "policyc: {} names policies but holds none, and the policy files it names were not found beside it; import the policy file, with the reference file second",
            args.file.display()
        );
        return exit::FINDINGS;
    };
    let (set, notes) = import(&policies, reference.as_ref());
    for name in &notes.skipped_cookie_policies {
        super::ui::note(format_args!(
            "policyc: note: left out policy {name}: it is the cookie policy `build` derives"
        ));
    }
    super::ui::note(
        "policyc: note: P3P does not carry retention periods, rights, security practices or prose; run `policyc check` on the result and add them",
    );
    let text = source::write(&set);
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

/// The local policy files the POLICY-REFs of a reference file point at, in order,
/// each once. An `about` is a URI reference (REC §2.3.2.1); its path part is looked
/// up relative to the reference file's folder when relative, and, when it starts
/// with `/` (a site path), under each folder above the reference file, nearest
/// first (the well-known `/w3c/p3p.xml` sits one folder below the site root).
/// Absolute URLs on other hosts cannot be read here and are skipped.
fn policy_files_named_by(reference: &ReferenceFile, reference_path: &Path) -> Vec<PathBuf> {
    let folder = reference_path.parent().unwrap_or_else(|| Path::new(""));
    let mut out: Vec<PathBuf> = Vec::new();
    for r in &reference.refs {
        let path = r.about.split('#').next().unwrap_or("");
        if path.is_empty() || path.contains("://") {
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
