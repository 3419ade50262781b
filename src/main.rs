//! The `policyc` command: a thin layer over the library. Each subcommand lives in
//! `src/cli/<command>.rs`; exit codes are defined once in `src/cli/exit.rs`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
