//! `policyc build`: check every policy file, render every output in memory, and
//! only when all of that succeeded write the files, each atomically (a temporary
//! file in the target directory, then a rename), so a failed or interrupted build
//! leaves earlier outputs untouched.
//!
//! Layout: `OUT/<file-stem>/w3c/policy.xml`, `OUT/<file-stem>/w3c/p3p.xml`,
//! `OUT/<file-stem>/p3p-header.txt`, `nginx.conf`, `apache.conf`, `link.html`,
//! plus whatever the HTML emitter adds.

use super::{atomic, exit, inputs, ui};
use policyc::diagnostic::render_outstanding;
use policyc::emit::{emitters, EmitOptions, Output};
use policyc::engine;
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
    let options = EmitOptions {
        templates: args
            .templates
            .clone()
            .or_else(|| config.build.templates.as_ref().map(|p| config.resolve(p))),
        fragment: args.fragment || config.build.fragment,
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
    match plan(&files, &options, deny_warnings, &args.emit) {
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
/// emitter when `selected` is empty). The report ends with one summary line per
/// file: what was emitted, and why an output was skipped.
pub fn plan(
    files: &[PathBuf],
    options: &EmitOptions,
    deny_warnings: bool,
    selected: &[String],
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
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("policy")
            .to_string();
        if outputs.iter().any(|(s, _)| *s == stem) {
            return Err(format!(
                "two policy files are named {stem}; their outputs would collide in OUT/{stem}/"
            ));
        }
        let mut files_out = Vec::new();
        let (mut emitted, mut skipped) = (Vec::new(), Vec::new());
        for emitter in emitters() {
            if !selected.is_empty() && !selected.iter().any(|s| s == emitter.name()) {
                continue;
            }
            if let Some(why) = emitter.skip_reason(model) {
                skipped.push(format!("{} ({why})", emitter.name()));
                continue;
            }
            match emitter.emit(model, options) {
                Ok(rendered) => {
                    emitted.push(emitter.name());
                    files_out.extend(rendered);
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

/// Writes every output, each atomically; returns how many files were written.
pub fn write_all(out: &Path, outputs: &[(String, Vec<Output>)]) -> Result<usize, String> {
    let mut n = 0;
    for (stem, files) in outputs {
        for o in files {
            let target = out.join(stem).join(&o.path);
            target
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| atomic::write(&target, &o.bytes))
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            n += 1;
        }
    }
    Ok(n)
}
