//! Options every command takes: `--color`, `--quiet`, `--config`, and the
//! repository's `policyc.toml`. Set once by `main` before a command runs.

use policyc::config::Config;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::OnceLock;

/// When to colour output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Color {
    /// On a terminal, unless the `NO_COLOR` environment variable is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// The options shared by every command.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Global {
    /// When to colour output (`auto` honours the `NO_COLOR` environment variable).
    #[arg(long, value_enum, global = true, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print only what fails the run: no progress, no summaries, no findings that
    /// do not fail it.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// The configuration file (default: the nearest `policyc.toml` at or above
    /// the current folder, up to the repository root).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

struct State {
    global: Global,
    config: Config,
}

static STATE: OnceLock<State> = OnceLock::new();

/// Reads the configuration and records the options; an unreadable or invalid
/// configuration file is an error.
pub fn init(global: Global) -> Result<(), String> {
    let config = match &global.config {
        Some(path) => Config::read(path)?,
        None => Config::discover(&std::env::current_dir().unwrap_or_default())?,
    };
    let _ = STATE.set(State { global, config });
    Ok(())
}

fn state() -> Option<&'static State> {
    STATE.get()
}

/// The repository's configuration (defaults when there is none).
pub fn config() -> Config {
    state().map(|s| s.config.clone()).unwrap_or_default()
}

/// Whether `--quiet` was given.
pub fn quiet() -> bool {
    state().is_some_and(|s| s.global.quiet)
}

fn color_for(is_terminal: bool) -> bool {
    match state().map_or(Color::Auto, |s| s.global.color) {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Whether to colour what is written to standard output.
pub fn color_stdout() -> bool {
    color_for(std::io::stdout().is_terminal())
}

/// Whether to colour what is written to standard error.
pub fn color_stderr() -> bool {
    color_for(std::io::stderr().is_terminal())
}

/// Prints an informational line to standard error, unless `--quiet`.
pub fn note(line: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("{line}");
    }
}
