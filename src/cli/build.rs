//! `policyc build` (under construction).

use super::exit;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Policy files, or directories to search for them.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output directory.
    #[arg(long, short)]
    pub out: PathBuf,
    /// A directory of templates overriding the built-in HTML templates.
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Emit the HTML body only, to embed in an existing page.
    #[arg(long)]
    pub fragment: bool,
}

pub fn run(_args: &Args) -> u8 {
    eprintln!("policyc: this command is not built yet");
    exit::USAGE
}
