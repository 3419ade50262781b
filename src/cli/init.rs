//! `policyc init [PATH]`: writes a commented starter policy (`src/cli/starter.policy`).

use super::{atomic, exit};
use std::path::PathBuf;

/// The starter policy: every part commented; passes `policyc check`.
pub const STARTER: &str = include_str!("starter.policy");

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc init                      write privacy.policy here
  policyc init policies/            write policies/privacy.policy
  policyc init site.policy --force  overwrite site.policy")]
pub struct Args {
    /// The file to write, or a directory to write `privacy.policy` in.
    #[arg(default_value = "privacy.policy")]
    pub path: PathBuf,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args) -> u8 {
    let path = if args.path.is_dir() {
        args.path.join("privacy.policy")
    } else {
        args.path.clone()
    };
    if path.exists() && !args.force {
        eprintln!(
            "policyc: {} exists; use --force to overwrite it",
            path.display()
        );
        return exit::USAGE;
    }
    if let Err(e) = atomic::write(&path, STARTER.as_bytes()) {
        eprintln!("policyc: cannot write {}: {e}", path.display());
        return exit::USAGE;
    }
    if !super::ui::quiet() {
        println!(
            "wrote {p}\nnext: edit it, then run `policyc check {p}`",
            p = path.display()
        );
    }
    exit::OK
}
