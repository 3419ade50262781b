//! `policyc explain` (under construction).

use super::exit;

#[derive(clap::Args, Debug)]
pub struct Args {}

pub fn run(_args: &Args) -> u8 {
    eprintln!("policyc: this command is not built yet");
    exit::USAGE
}
