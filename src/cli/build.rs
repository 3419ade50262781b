//! `policyc build`: check every policy file, then render every output straight
//! into the staging folder of its policy file beside its folder (each path
//! checked before its file is written), and only when all of that succeeded flush
//! the staged trees to disk once and swap each into place (`atomic.rs`); on any
//! failure the staging folders are removed. So a failed, interrupted or
//! concurrent build leaves each policy file's old outputs or its new ones, never a
//! mix, and no output is held in memory longer than its rendering (the XLSX
//! workbook, made whole by its library, is dropped once written).
//! `OUT/<file-stem>/` is replaced as a whole.
//!
//! Layout: `OUT/<file-stem>/w3c/policy.xml`, `OUT/<file-stem>/w3c/p3p.xml`,
//! `OUT/<file-stem>/p3p-header.txt`, `nginx.conf`, `apache.conf`, `link.html`,
//! plus whatever the HTML emitter adds.

use super::{atomic, exit, inputs, previous, ui};
use policyc::check::output_names;
use policyc::diagnostic::{render_outstanding, Code, Diagnostic};
use policyc::emit::{emitters, EmitError, EmitOptions, Prepared, Sink};
use policyc::engine;
use policyc::model::PolicySet;
use policyc::span::Span;
use std::collections::HashMap;
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
    match build(
        &out,
        &files,
        &options,
        deny_warnings,
        &args.emit,
        previous.as_ref(),
    ) {
        Ok(Built::Failed(report)) => {
            eprint!("{report}");
            eprintln!("policyc: nothing written: the check found errors");
            exit::FINDINGS
        }
        Ok(Built::Written {
            files: n,
            sets,
            report,
        }) => {
            if !ui::quiet() {
                eprint!("{report}");
            }
            ui::note(format_args!(
                "policyc: wrote {n} files for {sets} policy files into {}",
                out.display()
            ));
            exit::OK
        }
        Err(e) => {
            eprintln!("policyc: {e}");
            exit::USAGE
        }
    }
}

/// What a build did.
pub enum Built {
    /// Wrote `files` files for `sets` policy files; the rendered findings
    /// (warnings) of the files and a summary line per file.
    Written {
        files: usize,
        sets: usize,
        report: String,
    },
    /// Wrote nothing: the rendered findings of the files that failed the check, or
    /// why an output could not be rendered.
    Failed(String),
}

/// Why a build stopped half-way: the check or a renderer failed (the report
/// says why), or an output could not be written (a usage error).
enum Stop {
    Failed,
    Usage(String),
}

/// Checks every file, then renders the selected emitters' outputs (every emitter
/// when `selected` is empty) of each file straight into its staging folder in
/// `out`, each file's HTML notice saying what changed since its `previous`
/// version when one is given; when every output of every file is staged, flushes
/// them to disk at once and swaps each file's tree into place. On any failure the
/// staging folders are removed: nothing of the new build is visible, the old
/// outputs stay. The report ends with one summary line per file: what was
/// emitted, and why an output was skipped. The error is a usage error (an output
/// path refused, the output folder unusable, a write failed).
pub fn build(
    out: &Path,
    files: &[PathBuf],
    options: &EmitOptions,
    deny_warnings: bool,
    selected: &[String],
    previous: Option<&previous::Source>,
) -> Result<Built, String> {
    let mut report = String::new();
    let Some(compiled) = compile(files, deny_warnings, &mut report)? else {
        return Ok(Built::Failed(report));
    };
    // Every file's model and output folder, before anything is written.
    let mut sets: Vec<(&PathBuf, &PolicySet, String)> = Vec::new();
    for (path, c) in &compiled {
        let Some(model) = c.valid_model() else {
            return Ok(Built::Failed(report));
        };
        let name = path.display().to_string();
        let stem = output_names::file_stem(&name);
        if let Some(d) = output_names::file_stem_finding(&name) {
            report.push_str(&render_outstanding(
                &[d],
                std::slice::from_ref(&c.source),
                ui::color_stderr(),
            ));
            return Ok(Built::Failed(report));
        }
        if let Some((_, _, other)) = sets
            .iter()
            .find(|(_, _, s)| output_names::fold(s) == output_names::fold(&stem))
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
            return Ok(Built::Failed(report));
        }
        sets.push((path, model, stem));
    }
    preflight(out, sets.iter().map(|(_, _, stem)| stem.as_str()))?;
    let existed = out.is_dir();
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create the output folder {}: {e}", out.display()))?;
    let lock = atomic::BuildLock::take(out)?;
    atomic::clean_stale(out)?;
    let mut staged = Vec::new();
    let mut seen = HashMap::new();
    let mut stop = None;
    for (path, model, stem) in &sets {
        match stage(
            out,
            stem,
            path,
            model,
            options,
            selected,
            previous,
            &mut seen,
            &mut report,
        ) {
            Ok(s) => staged.push(s),
            Err(e) => {
                stop = Some(e);
                break;
            }
        }
    }
    let stop = stop.or_else(|| atomic::sync(out, &staged).err().map(Stop::Usage));
    if let Some(stop) = stop {
        // Nothing of this build stays: its staging folders, and the output folder
        // when the build made it (empty but for the lock).
        atomic::abandon(out, sets.iter().map(|(_, _, stem)| stem.as_str()));
        if !existed {
            let _ = std::fs::remove_file(out.join(atomic::LOCK_FILE));
            let _ = std::fs::remove_dir(out);
        }
        drop(lock);
        return match stop {
            Stop::Failed => Ok(Built::Failed(report)),
            Stop::Usage(e) => Err(e),
        };
    }
    let n = staged.iter().map(atomic::Staged::len).sum();
    for s in staged {
        atomic::swap(out, s)?;
    }
    drop(lock);
    Ok(Built::Written {
        files: n,
        sets: sets.len(),
        report,
    })
}

/// Compiles every file, adding their rendered findings to `report`; `None` when
/// one fails the check.
fn compile<'a>(
    files: &'a [PathBuf],
    deny_warnings: bool,
    report: &mut String,
) -> Result<Option<Vec<(&'a PathBuf, engine::Compilation)>>, String> {
    let mut compiled = Vec::new();
    let mut failed = false;
    for path in files {
        let bytes =
            engine::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let c =
            engine::compile_owned_with(&path.display().to_string(), bytes, &ui::config().options());
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
        return Ok(None);
    }
    Ok(Some(compiled))
}

/// Renders the outputs of one policy file into the staging folder of `stem`,
/// adding its summary line (or why an output could not be rendered) to `report`.
#[allow(clippy::too_many_arguments)]
fn stage(
    out: &Path,
    stem: &str,
    path: &Path,
    model: &PolicySet,
    options: &EmitOptions,
    selected: &[String],
    previous: Option<&previous::Source>,
    seen: &mut HashMap<String, String>,
    report: &mut String,
) -> Result<atomic::Staged, Stop> {
    let options = match with_previous(options, previous, path).map_err(Stop::Usage)? {
        Ok(o) => o,
        Err(r) => {
            report.push_str(&r);
            return Err(Stop::Failed);
        }
    };
    let mut sink = Staging {
        staged: atomic::Staged::new(out, stem),
        stem,
        seen,
        refused: None,
    };
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
        match emitter.emit_to(&input, &options, &mut sink) {
            Ok(()) => {
                emitted.push(emitter.name());
                input.release_facts();
            }
            Err(_) if sink.refused.is_some() => {
                return Err(Stop::Usage(sink.refused.take().unwrap_or_default()));
            }
            Err(e) => {
                let _ = writeln!(
                    report,
                    "error: {}: cannot render the {} output: {e}",
                    path.display(),
                    emitter.name()
                );
                return Err(Stop::Failed);
            }
        }
    }
    summary(report, path, &emitted, &skipped);
    Ok(sink.staged)
}

/// The sink of one policy file's outputs: each path checked, then the file
/// written into the staging folder as it is rendered.
struct Staging<'a> {
    staged: atomic::Staged,
    stem: &'a str,
    /// Every output path of the build so far, case folded.
    seen: &'a mut HashMap<String, String>,
    /// Why the last file was refused or could not be written (a usage error,
    /// not the renderer's).
    refused: Option<String>,
}

impl Sink for Staging<'_> {
    fn file(
        &mut self,
        path: &str,
        render: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), EmitError>,
    ) -> Result<(), EmitError> {
        let written =
            check_path(self.stem, path, self.seen).and_then(|()| self.staged.file(path, render));
        match written {
            Ok(rendered) => rendered,
            Err(message) => {
                self.refused = Some(message.clone());
                Err(EmitError { message })
            }
        }
    }
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

/// The folder of well-known URIs (RFC 8615 §3).
const WELL_KNOWN: &str = ".well-known";

/// The output folder is a folder and each file's output folder can be one.
/// Nothing is written when that fails.
fn preflight<'a>(out: &Path, stems: impl Iterator<Item = &'a str>) -> Result<(), String> {
    if out.exists() && !out.is_dir() {
        return Err(format!("{} is not a folder", out.display()));
    }
    for stem in stems {
        let folder = out.join(stem);
        if std::fs::symlink_metadata(&folder).is_ok_and(|m| !m.is_dir()) {
            return Err(format!(
                "{} is in the way: the outputs of {stem} go to a folder of that name",
                folder.display()
            ));
        }
    }
    Ok(())
}

/// An output path is relative, made of safe components and unique even with case
/// folded (`seen` holds the build's paths so far). Nothing is written when any of
/// that fails.
fn check_path(stem: &str, path: &str, seen: &mut HashMap<String, String>) -> Result<(), String> {
    let full = format!("{stem}/{path}");
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
    Ok(())
}
