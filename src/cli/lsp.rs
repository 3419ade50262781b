//! `policyc lsp`: the language server, on standard input and output.

use super::exit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Accepted for editors that pass it; standard input and output are the only transport.
    #[arg(long)]
    stdio: bool,
}

pub fn run(_args: &Args) -> u8 {
    match policyc::lsp::run_stdio() {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("policyc lsp: {e}");
            exit::USAGE
        }
    }
}
