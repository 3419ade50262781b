//! Exit codes, in one place.

use std::process::ExitCode;

/// Success: no unacknowledged errors (warnings allowed unless denied).
pub const OK: u8 = 0;
/// Findings: an unacknowledged error, a denied warning, a material change, an unformatted file.
pub const FINDINGS: u8 = 1;
/// Usage or I/O error: bad arguments, unreadable files, unwritable output.
pub const USAGE: u8 = 2;

pub fn code(c: u8) -> ExitCode {
    ExitCode::from(c)
}

/// A reader that stops reading our output (`policyc check --format json | head`) closes the
/// pipe; Rust's `print!` then panics with "Broken pipe". That is not a crash: end quietly,
/// as a process ended by SIGPIPE would, with the output the reader asked for already written.
/// Every other panic keeps the default report.
pub fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") || message.contains("os error 32") {
            std::process::exit(i32::from(OK));
        }
        default(info);
    }));
}
