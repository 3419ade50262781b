//! Command-line interface: argument parsing and dispatch.

mod atomic;
mod build;
mod check;
mod completions;
mod diff;
mod dump;
mod exit;
mod explain;
mod explain_cp;
mod fmt;
mod header;
mod import;
mod init;
mod inputs;
mod lsp;
mod man;
mod previous;
pub mod ui;
mod watch;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// policyc: privacy policies as code.
///
/// Write a site's privacy policy as a source file; policyc checks it for
/// consistency and emits a human-readable HTML policy, a P3P 1.0 policy, the
/// policy reference file and the compact policy header.
#[derive(Parser, Debug)]
#[command(name = "policyc", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// The largest input file read, in bytes (default 8 MiB); larger inputs are a
    /// finding (S007), so a hostile file cannot take unbounded memory.
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_input_size: Option<usize>,
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: ui::Global,
}

const EXAMPLES: &str = "\
Examples:
  policyc check policies/                 check every policy under policies/
  policyc check --deny warnings site.policy
  policyc explain P302                    explain a diagnostic code
  policyc dump site.policy --format yaml  print the resolved model
  policyc build policies/ --out out/      write HTML, P3P and header files
  policyc header site.policy --format nginx
  policyc diff --git main policies/site.policy
  git show HEAD:site.policy | policyc check -

Every command takes --color auto|always|never (auto honours NO_COLOR), --quiet
and --config FILE; defaults come from the nearest policyc.toml.

Exit codes: 0 clean, 1 findings, 2 usage or I/O error.";

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check policy files for errors and inconsistencies.
    Check(check::Args),
    /// Explain a diagnostic code.
    Explain(explain::Args),
    /// Print the resolved policy model as JSON or YAML.
    Dump(dump::Args),
    /// Write the HTML policy, P3P policy, reference file and header for each policy file.
    Build(build::Args),
    /// Print the P3P header or its web-server configuration equivalent.
    Header(header::Args),
    /// Decode a compact policy (`CP="..."`) into plain language and report its problems.
    #[command(name = "explain-cp")]
    ExplainCp(explain_cp::Args),
    /// Convert an existing P3P 1.0 policy file into policy source.
    Import(import::Args),
    /// Compare two versions of a policy by meaning.
    Diff(diff::Args),
    /// Format policy files canonically.
    Fmt(fmt::Args),
    /// Print shell completions.
    Completions(completions::Args),
    /// Print the manual page.
    Man(man::Args),
    /// Write a starter policy.
    Init(init::Args),
    /// Run the language server (for editors) on standard input and output.
    Lsp(lsp::Args),
    /// Build, then build again whenever a policy file or template changes.
    Watch(watch::WatchArgs),
}

pub fn main() -> ExitCode {
    exit::quiet_on_broken_pipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return exit::code(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    if let Some(limit) = cli.max_input_size {
        policyc::engine::set_max_input_bytes(limit);
    }
    if let Err(e) = ui::init(cli.global.clone()) {
        eprintln!("policyc: {e}");
        return exit::code(exit::USAGE);
    }
    let code = match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Explain(a) => explain::run(&a),
        Command::Dump(a) => dump::run(&a),
        Command::Build(a) => build::run(&a),
        Command::Header(a) => header::run(&a),
        Command::ExplainCp(a) => explain_cp::run(&a),
        Command::Import(a) => import::run(&a),
        Command::Diff(a) => diff::run(&a),
        Command::Fmt(a) => fmt::run(&a),
        Command::Completions(a) => completions::run(&a),
        Command::Man(a) => man::run(&a),
        Command::Init(a) => init::run(&a),
        Command::Lsp(a) => lsp::run(&a),
        Command::Watch(a) => watch::run(&a),
    };
    exit::code(code)
}

/// Builds the clap command, for completions and the man page.
#[allow(dead_code)] // used by `completions` and `man` once they are built
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}
