//! `policyc build`: check every policy file, render every output in memory, check
//! every output path, and only when all of that succeeded write the files: the
//! whole tree of each policy file is staged beside its folder, flushed to disk
//! once, then swapped into place (`atomic.rs`), so a failed, interrupted or
//! concurrent build leaves each policy file's old outputs or its new ones, never a
//! mix. `OUT/<file-stem>/` is replaced as a whole.
//!
//! Layout: `OUT/<file-stem>/w3c/policy.xml`, `OUT/<file-stem>/w3c/p3p.xml`,
//! `OUT/<file-stem>/p3p-header.txt`, `nginx.conf`, `apache.conf`, `link.html`,
//! plus whatever the HTML emitter adds.

use super::{atomic, exit, inputs, previous, ui};
use policyc::check::output_names;
use policyc::diagnostic::{render_outstanding, Code, Diagnostic};
use policyc::emit::{emitters, EmitOptions, Output, Prepared};
use policyc::engine;
use policyc::span::Span;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Policy files, or directories to search for them.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output directory (default: `[build] out` of `policyc.toml`).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// A directory of templates overriding the built-in HTML templates (default:
    /// `[build] templates` of `policyc.toml`).
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Emit the HTML body only, to embed in an existing page.
    #[arg(long)]
    pub fragment: bool,
    /// Treat warnings as errors: nothing is written when one is found (`policyc.toml`:
    /// `[check] deny = ["warnings"]`).
    #[arg(long, value_enum)]
    pub deny: Option<super::check::Deny>,
    #[command(flatten)]
    pub walk: inputs::Walk,
    /// The previous published version of the policy file: the HTML notice says
    /// what changed since (one policy file only).
    #[arg(long, value_name = "FILE", conflicts_with = "previous_rev")]
    pub previous: Option<PathBuf>,
    /// Compare each policy file with its version at this git revision (`git show
    /// REV:FILE`): the HTML notice says what changed since.
    #[arg(long, value_name = "REV")]
    pub previous_rev: Option<String>,
    /// Outputs to write, comma-separated: p3p, html, gpc, apple, play, ropa, dpv.
    /// Default: every output whose facts the policy states.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub emit: Vec<String>,
}

pub fn run(args: &Args) -> u8 {
    let config = ui::config();
    let Some(out) = args
        .out
        .clone()
        .or_else(|| config.build.out.as_ref().map(|p| config.resolve(p)))
    else {
        eprintln!("policyc: give --out DIR, or set `[build] out` in policyc.toml");
        return exit::USAGE;
    };
    let files = match inputs::expand_with(&args.paths, &args.walk) {
        Ok(f) if f.is_empty() => {
            eprintln!("policyc: no policy files found");
            return exit::USAGE;
        }
        Ok(f) => f,
        Err(e) => {
            eprintln!("policyc: {e}");
            return exit::USAGE;
        }
    };
    let previous = match (&args.previous, &args.previous_rev) {
        (Some(file), _) if files.len() > 1 => {
            eprintln!(
                "policyc: --previous {} is the previous version of one policy file, but {} files are built; use --previous-rev REV for several",
                file.display(),
                files.len()
            );
            return exit::USAGE;
        }
        (Some(file), _) => Some(previous::Source::File(file.clone())),
        (None, Some(rev)) => Some(previous::Source::Rev(rev.clone())),
        (None, None) => None,
    };
    let options = EmitOptions {
        templates: args
            .templates
            .clone()
            .or_else(|| config.build.templates.as_ref().map(|p| config.resolve(p))),
        fragment: args.fragment || config.build.fragment,
        previous: None,
    };
    let known: Vec<&str> = emitters().iter().map(|e| e.name()).collect();
    if let Some(bad) = args.emit.iter().find(|n| !known.contains(&n.as_str())) {
        eprintln!(
            "policyc: `--emit {bad}` is not an output; expected some of {}",
            known.join(", ")
        );
        return exit::USAGE;
    }
    let deny_warnings = args.deny == Some(super::check::Deny::Warnings) || config.deny_warnings();
    match plan(
        &files,
        &options,
        deny_warnings,
        &args.emit,
        previous.as_ref(),
    ) {
        Ok(Plan::Failed(report)) => {
            eprint!("{report}");
            eprintln!("policyc: nothing written: the check found errors");
            exit::FINDINGS
        }
        Ok(Plan::Write(outputs, report)) => match write_all(&out, &outputs) {
            Ok(n) => {
                if !ui::quiet() {
                    eprint!("{report}");
                }
                ui::note(format_args!(
                    "policyc: wrote {n} files for {} policy files into {}",
                    outputs.len(),
                    out.display()
                ));
                exit::OK
            }
            Err(e) => {
                eprintln!("policyc: {e}");
                exit::USAGE
            }
        },
        Err(e) => {
            eprintln!("policyc: {e}");
            exit::USAGE
        }
    }
}

/// What a build will do: write these outputs per output subdirectory, or nothing.
pub enum Plan {
    /// The outputs, and the rendered findings (warnings) of the files.
    Write(Vec<(String, Vec<Output>)>, String),
    /// The rendered findings of the files that failed the check.
    Failed(String),
}

/// Checks every file and renders the selected emitters' outputs in memory (every
/// emitter when `selected` is empty), each file's HTML notice saying what changed
/// since its `previous` version when one is given. The report ends with one
/// summary line per file: what was emitted, and why an output was skipped.
pub fn plan(
    files: &[PathBuf],
    options: &EmitOptions,
    deny_warnings: bool,
    selected: &[String],
    previous: Option<&previous::Source>,
) -> Result<Plan, String> {
    let mut compiled = Vec::new();
    let mut report = String::new();
    let mut failed = false;
    for path in files {
        let bytes =
            engine::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let c = engine::compile_bytes_with(
            &path.display().to_string(),
            &bytes,
            &ui::config().options(),
        );
        if c.fails(deny_warnings) || c.model.is_none() {
            failed = true;
        }
        if !c.diagnostics.is_empty() {
            report.push_str(&render_outstanding(
                &c.diagnostics,
                std::slice::from_ref(&c.source),
                ui::color_stderr(),
            ));
        }
        compiled.push((path, c));
    }
    if failed {
        return Ok(Plan::Failed(report));
    }
    let mut outputs: Vec<(String, Vec<Output>)> = Vec::new();
    for (path, c) in &compiled {
        let Some(model) = c.valid_model() else {
            return Ok(Plan::Failed(report));
        };
        let name = path.display().to_string();
        let stem = output_names::file_stem(&name);
        if let Some(d) = output_names::file_stem_finding(&name) {
            report.push_str(&render_outstanding(
                &[d],
                std::slice::from_ref(&c.source),
                ui::color_stderr(),
            ));
            return Ok(Plan::Failed(report));
        }
        if let Some((other, _)) = outputs
            .iter()
            .find(|(s, _)| output_names::fold(s) == output_names::fold(&stem))
        {
            let d = Diagnostic::new(
                Code::OutputNameCollision,
                format!(
                    "this file's outputs go to OUT/{stem}/, those of another file to OUT/{other}/: the same folder on a case-insensitive file system, or the same folder"
                ),
            )
            .at(Some(Span::file_start(&c.source.path)))
            .help("rename one of the files: the name before the extension names the output folder");
            report.push_str(&render_outstanding(
                &[d],
                std::slice::from_ref(&c.source),
                ui::color_stderr(),
            ));
            return Ok(Plan::Failed(report));
        }
        let options = match with_previous(options, previous, path)? {
            Ok(o) => o,
            Err(r) => {
                report.push_str(&r);
                return Ok(Plan::Failed(report));
            }
        };
        let options = &options;
        let mut files_out = Vec::new();
        let (mut emitted, mut skipped) = (Vec::new(), Vec::new());
        // The facts and flows, derived once for every emitter and skip check.
        let mut input = Prepared::new(model);
        for emitter in emitters() {
            if !selected.is_empty() && !selected.iter().any(|s| s == emitter.name()) {
                continue;
            }
            if let Some(why) = emitter.skip_reason_prepared(&input) {
                skipped.push(format!("{} ({why})", emitter.name()));
                continue;
            }
            match emitter.emit_prepared(&input, options) {
                Ok(rendered) => {
                    emitted.push(emitter.name());
                    files_out.extend(rendered);
                    input.release_facts();
                }
                Err(e) => {
                    let _ = writeln!(
                        report,
                        "error: {}: cannot render the {} output: {e}",
                        path.display(),
                        emitter.name()
                    );
                    return Ok(Plan::Failed(report));
                }
            }
        }
        summary(&mut report, path, &emitted, &skipped);
        outputs.push((stem, files_out));
    }
    Ok(Plan::Write(outputs, report))
}

/// `options` with the previous version of `path` when one is asked for; the
/// outer error is a usage error, the inner one the previous version's findings.
fn with_previous(
    options: &EmitOptions,
    previous: Option<&previous::Source>,
    path: &Path,
) -> Result<Result<EmitOptions, String>, String> {
    let mut options = options.clone();
    if let Some(source) = previous {
        match previous::load(source, path) {
            Ok(set) => options.previous = Some(set),
            Err(previous::Failure::Usage(e)) => return Err(e),
            Err(previous::Failure::Findings(r)) => return Ok(Err(r)),
        }
    }
    Ok(Ok(options))
}

fn summary(report: &mut String, path: &Path, emitted: &[&str], skipped: &[String]) {
    let _ = write!(report, "policyc: {}: emitted ", path.display());
    report.push_str(&if emitted.is_empty() {
        "nothing".to_string()
    } else {
        emitted.join(", ")
    });
    if !skipped.is_empty() {
        let _ = write!(report, "; skipped {}", skipped.join(", "));
    }
    report.push('\n');
}

/// Writes every output: checks every path first, takes the output folder's lock,
/// removes stale staging folders, stages the whole tree of each policy file,
/// flushes them to disk at once, then swaps each into place. Returns how many
/// files were written.
pub fn write_all(out: &Path, outputs: &[(String, Vec<Output>)]) -> Result<usize, String> {
    preflight(out, outputs)?;
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create the output folder {}: {e}", out.display()))?;
    let _lock = atomic::BuildLock::take(out)?;
    atomic::clean_stale(out)?;
    let mut staged = Vec::new();
    let mut n = 0;
    for (stem, files) in outputs {
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|o| (o.path.as_str(), o.bytes.as_slice()))
            .collect();
        n += files.len();
        staged.push(atomic::stage(out, stem, &files)?);
    }
    atomic::sync(out, &staged)?;
    for s in staged {
        atomic::swap(out, s)?;
    }
    Ok(n)
}

/// The folder of well-known URIs (RFC 8615 §3).
const WELL_KNOWN: &str = ".well-known";

/// Every output path is relative, made of safe components and unique even with
/// case folded; nothing stands where a folder must be. Nothing is written when
/// any of that fails.
fn preflight(out: &Path, outputs: &[(String, Vec<Output>)]) -> Result<(), String> {
    if out.exists() && !out.is_dir() {
        return Err(format!("{} is not a folder", out.display()));
    }
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (stem, files) in outputs {
        let folder = out.join(stem);
        if std::fs::symlink_metadata(&folder).is_ok_and(|m| !m.is_dir()) {
            return Err(format!(
                "{} is in the way: the outputs of {stem} go to a folder of that name",
                folder.display()
            ));
        }
        for o in files {
            let full = format!("{stem}/{}", o.path);
            for part in full.split('/') {
                // The one hidden folder an output may go to: RFC 8615's well-known
                // URIs (`/.well-known/gpc.json`), a fixed name no user text makes.
                if part == WELL_KNOWN {
                    continue;
                }
                if let Some(why) = output_names::component_problem(part) {
                    return Err(format!("refusing to write {full}: `{part}`: {why}"));
                }
            }
            if let Some(first) = seen.insert(output_names::fold(&full), full.clone()) {
                return Err(format!(
                    "refusing to write both {first} and {full}: they name the same file on a case-insensitive file system"
                ));
            }
        }
    }
    Ok(())
}
