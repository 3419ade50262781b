//! `policyc man`: the manual page (roff) on standard output, from the clap definition.

use super::exit;

#[derive(clap::Args, Debug)]
#[command(after_help = "\
Examples:
  policyc man > policyc.1 && man ./policyc.1
  policyc man --command diff > policyc-diff.1")]
pub struct Args {
    /// Write the page of one subcommand (`policyc-diff(1)`) instead of the main page.
    #[arg(long, value_name = "SUBCOMMAND")]
    pub command: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    let root = super::command();
    let man = if let Some(name) = &args.command {
        let Some(sub) = root.find_subcommand(name) else {
            eprintln!("policyc: no such subcommand: {name}");
            return exit::USAGE;
        };
        clap_mangen::Man::new(sub.clone()).title(format!("policyc-{name}"))
    } else {
        clap_mangen::Man::new(root)
    };
    let mut out = Vec::new();
    let written = man
        .render(&mut out)
        .and_then(|()| std::io::Write::write_all(&mut std::io::stdout(), &out));
    match written {
        Ok(()) => exit::OK,
        Err(e) => {
            eprintln!("policyc: cannot write the manual page: {e}");
            exit::USAGE
        }
    }
}
