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
