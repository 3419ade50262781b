//! `policyc init [PATH] [--law gdpr|ccpa]`: writes a commented starter policy
//! (`src/cli/starter.policy`; with `--law`, `starter-gdpr.policy` or `starter-ccpa.policy`).

use super::{atomic, exit};
use std::path::PathBuf;

/// The starter policy: every part commented; passes `policyc check`.
pub const STARTER: &str = include_str!("starter.policy");
/// The starter for a GDPR notice (`--law gdpr`): passes the GDPR pack.
pub const STARTER_GDPR: &str = include_str!("starter-gdpr.policy");
/// The starter for a CCPA/CPRA policy (`--law ccpa`): passes the CCPA pack.
pub const STARTER_CCPA: &str = include_str!("starter-ccpa.policy");

/// The law a starter is written for.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LawStarter {
    /// An EU notice under the GDPR (Art. 13 and 14).
    Gdpr,
    /// A California privacy policy under the CCPA as amended by the CPRA.
    Ccpa,
}

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc init                      write privacy.policy here
  policyc init policies/            write policies/privacy.policy
  policyc init site.policy --force  overwrite site.policy
  policyc init --law gdpr           a GDPR notice (legal bases, rights, transfers)
  policyc init --law ccpa           a CCPA/CPRA privacy policy")]
pub struct Args {
    /// The file to write, or a directory to write `privacy.policy` in.
    #[arg(default_value = "privacy.policy")]
    pub path: PathBuf,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Write a starter that satisfies this law's notice requirements.
    #[arg(long, value_enum)]
    pub law: Option<LawStarter>,
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
    let starter = match args.law {
        None => STARTER,
        Some(LawStarter::Gdpr) => STARTER_GDPR,
        Some(LawStarter::Ccpa) => STARTER_CCPA,
    };
    if let Err(e) = atomic::write(&path, starter.as_bytes()) {
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
