//! `policyc dump FILE [--format json|yaml]`: print the resolved model;
//! `policyc dump FILE --facts [--format table|json|yaml]`: print its facts (the
//! derived data flows, `policyc::facts`).

use super::exit;
use crate::cli::check::print_diagnostics;
use policyc::engine;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The policy file (`.policy`, `.yaml`, `.yml`).
    pub file: PathBuf,
    /// Output format (default: `yaml` for the model, `table` for the facts).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Print the facts (the policy as derived data flows, with derived attributes
    /// and their reasons) instead of the model.
    #[arg(long)]
    pub facts: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
    /// A text table (facts only).
    Table,
}

pub fn run(args: &Args) -> u8 {
    let bytes = match engine::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("policyc: cannot read {}: {e}", args.file.display());
            return exit::USAGE;
        }
    };
    let path = args.file.to_string_lossy();
    let compilation =
        engine::compile_bytes_with(&path, &bytes, &crate::cli::ui::config().options());
    let Some(model) = compilation.valid_model() else {
        print_diagnostics(&[compilation], crate::cli::ui::color_stderr());
        return exit::FINDINGS;
    };
    let text = if args.facts {
        let facts = policyc::facts::derive(model);
        match args.format.unwrap_or(Format::Table) {
            Format::Table => Ok(policyc::facts::to_table(&facts)),
            Format::Json => json(&policyc::facts::to_json(&facts)),
            Format::Yaml => {
                yaml_serde::to_string(&policyc::facts::to_json(&facts)).map_err(|e| e.to_string())
            }
        }
    } else {
        match args.format.unwrap_or(Format::Yaml) {
            Format::Json => json(model),
            Format::Yaml => yaml_serde::to_string(model).map_err(|e| e.to_string()),
            Format::Table => {
                eprintln!("policyc: `--format table` prints the facts: add `--facts`");
                return exit::USAGE;
            }
        }
    };
    match text {
        Ok(t) => {
            print!("{t}");
            exit::OK
        }
        Err(e) => {
            eprintln!("policyc: cannot serialize the model: {e}");
            exit::USAGE
        }
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}
