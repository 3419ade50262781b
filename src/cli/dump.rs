//! `policyc dump FILE --format json|yaml`: print the resolved model.

use super::exit;
use crate::cli::check::print_diagnostics;
use policyc::engine;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The policy file (`.policy`, `.yaml`, `.yml`).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Yaml)]
    pub format: Format,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Yaml,
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
    let compilation = engine::compile_bytes(&path, &bytes);
    let Some(model) = compilation.valid_model() else {
        print_diagnostics(&[compilation], crate::cli::ui::color_stderr());
        return exit::FINDINGS;
    };
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(model)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string()),
        Format::Yaml => yaml_serde::to_string(model).map_err(|e| e.to_string()),
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
