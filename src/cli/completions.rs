//! `policyc completions SHELL`: the shell completion script, from the clap definition.

use super::exit;
use clap_complete::Shell;

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc completions bash > ~/.local/share/bash-completion/completions/policyc
  policyc completions zsh > ~/.zfunc/_policyc
  policyc completions fish > ~/.config/fish/completions/policyc.fish")]
pub struct Args {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: &Args) -> u8 {
    let mut command = super::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "policyc", &mut out);
    match std::io::Write::write_all(&mut std::io::stdout(), &out) {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("policyc: cannot write completions: {e}");
            exit::USAGE
        }
    }
}
