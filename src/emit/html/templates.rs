//! The template environment: the built-in templates (embedded in the binary),
//! overridable file by file from a directory, auto-escaping HTML everywhere.

use crate::emit::EmitError;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use std::path::{Path, PathBuf};

/// The built-in templates, by file name. `templates/` in the repository.
pub const BUILTIN: &[(&str, &str)] = &[
    ("page.html", include_str!("../../../templates/page.html")),
    (
        "fragment.html",
        include_str!("../../../templates/fragment.html"),
    ),
    (
        "article.html",
        include_str!("../../../templates/article.html"),
    ),
    ("label.html", include_str!("../../../templates/label.html")),
    (
        "practices.html",
        include_str!("../../../templates/practices.html"),
    ),
    (
        "commitments.html",
        include_str!("../../../templates/commitments.html"),
    ),
    (
        "macros.html",
        include_str!("../../../templates/macros.html"),
    ),
    ("policy.css", include_str!("../../../templates/policy.css")),
];

/// A template's name as an error should show it: the override file's path when
/// it came from the override directory, else `templates/NAME` (the built-in).
pub fn origin_of(dir: Option<&Path>, name: &str) -> String {
    match dir.map(|d| d.join(name)) {
        Some(path) if path.is_file() => path.display().to_string(),
        _ => format!("templates/{name}"),
    }
}

fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && !name.starts_with('.')
}

/// The environment: the override directory first, then the built-ins.
pub fn environment(dir: Option<PathBuf>) -> Environment<'static> {
    let mut env = Environment::new();
    // Auto-escape everything, whatever the file's extension (policy text is
    // only ever rendered through auto-escaping; no template uses `|safe`).
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.remove_filter("safe");
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env.set_loader(move |name| {
        if let Some(dir) = &dir {
            if plain_name(name) {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("cannot read template {}: {e}", path.display()),
                        )
                    });
                }
            }
        }
        Ok(BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| (*text).to_string()))
    });
    env
}

/// Turns a minijinja error into an `EmitError` naming the template file and line
/// (of the innermost template the error happened in).
pub fn emit_error(dir: Option<&Path>, err: &minijinja::Error) -> EmitError {
    let mut innermost = err;
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(s) = source {
        if let Some(e) = s.downcast_ref::<minijinja::Error>() {
            if e.name().is_some() {
                innermost = e;
            }
        }
        source = s.source();
    }
    let location = match (innermost.name(), innermost.line()) {
        (Some(name), Some(line)) => format!("{}:{line}", origin_of(dir, name)),
        (Some(name), None) => origin_of(dir, name),
        _ => "template".to_string(),
    };
    let detail = innermost.detail().map_or_else(
        || innermost.kind().to_string(),
        |d| format!("{}: {d}", innermost.kind()),
    );
    EmitError {
        message: format!("{location}: template error: {detail}"),
    }
}
