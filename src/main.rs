//! The `policyc` command: a thin layer over the library. Each subcommand lives in
//! `src/cli/<command>.rs`; exit codes are defined once in `src/cli/exit.rs`.

mod cli;

/// The binary's allocator. A compilation allocates a small value per token,
/// span, model value and fact and frees most of them together; with jemalloc a
/// 10 MB `check` takes about a quarter less CPU time than with glibc's malloc at
/// the same peak memory (mimalloc was as fast but took 45 % more memory). See
/// README "Performance". The library itself leaves the choice to its user.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
