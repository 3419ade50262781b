//! The template environment: the built-in templates (embedded in the binary),
//! overridable file by file from a directory, auto-escaping HTML everywhere.

use super::catalog;
use crate::diagnostic::Code;
use crate::emit::EmitError;
use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, State, UndefinedBehavior};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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
    (
        "essentials.html",
        include_str!("../../../templates/essentials.html"),
    ),
    ("label.html", include_str!("../../../templates/label.html")),
    (
        "practices.html",
        include_str!("../../../templates/practices.html"),
    ),
    ("legal.html", include_str!("../../../templates/legal.html")),
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

/// `t("id", name=value, ...)`: a message of the page's catalogue (picked by the
/// page's `ui` value). A message no catalogue has is an error, located at the
/// template's line.
#[allow(clippy::needless_pass_by_value)] // minijinja passes keyword arguments by value
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let ui = state
        .lookup("ui")
        .and_then(|v| v.as_str().map(str::to_string));
    let cat = catalog::for_tag_or_english(ui.as_deref());
    let mut args: Vec<(String, FluentValue<'static>)> = Vec::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let fluent = match i64::try_from(value.clone()) {
            Ok(n) => FluentValue::from(n),
            Err(_) => FluentValue::from(value.to_string()),
        };
        args.push((name.to_string(), fluent));
    }
    let borrowed: Vec<(&str, FluentValue<'static>)> =
        args.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
    cat.try_format(id, None, &borrowed).ok_or_else(|| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "error[{}]: the `{}` {MISSING_MESSAGE} `{id}` (the catalogues are locales/*.ftl)",
                Code::CatalogueMessage.id(),
                cat.lang
            ),
        )
    })
}

/// What a missing message's error says (after the catalogue's language).
pub const MISSING_MESSAGE: &str = "message catalogue has no message";

/// The built-in environment, its templates compiled once per process.
pub fn builtin() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| environment(None))
}

/// The environment: the override directory first, then the built-ins.
pub fn environment(dir: Option<PathBuf>) -> Environment<'static> {
    let mut env = Environment::new();
    // Auto-escape everything, whatever the file's extension (policy text is
    // only ever rendered through auto-escaping; no template uses `|safe`).
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.remove_filter("safe");
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.add_function("t", translate);
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
