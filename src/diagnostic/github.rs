//! GitHub Actions workflow commands: one `::error file=F,line=L,col=C,...::message`
//! per finding, so a pull request is annotated without code scanning.
//!
//! Escaping follows the Actions runner: in the message, `%`, `\r` and `\n` are
//! percent-encoded; in property values, `:` and `,` are too.

use super::{position, Diagnostic, Severity};
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The path GitHub resolves against the workspace: relative to `root` (the
/// repository root; the checkout is the workspace) whatever folder policyc ran
/// in, with `./` and `..` steps resolved; as given when outside `root`.
pub fn workspace_path(file: &str, root: &Path) -> String {
    let path = Path::new(file);
    let cwd = std::env::current_dir().unwrap_or_default();
    let full = normalize(&cwd.join(path));
    let root = normalize(&cwd.join(root));
    match full.strip_prefix(&root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => file.to_string(),
    }
}

/// `a/./b/../c` → `a/c`, without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Renders findings as GitHub Actions workflow commands, one per line.
/// Acknowledged findings become `::notice` with their reason.
pub fn render_github(diagnostics: &[Diagnostic], root: &Path) -> String {
    let mut ends = position::EndFinder::default();
    let mut out = String::new();
    for d in diagnostics {
        let command = match (&d.acknowledged, d.severity) {
            (Some(_), _) | (None, Severity::Note) => "notice",
            (None, Severity::Error) => "error",
            (None, Severity::Warning) => "warning",
        };
        let mut props = Vec::new();
        if let Some(span) = &d.span {
            props.push(format!(
                "file={}",
                escape_property(&workspace_path(&span.path(), root))
            ));
            props.push(format!("line={}", span.line));
            props.push(format!("col={}", span.col));
            // GitHub's end column is inclusive: the last character of the span.
            if let Some((line, col)) = ends.end(span).filter(|(_, c)| *c > 1) {
                props.push(format!("endLine={line}"));
                props.push(format!("endColumn={}", col - 1));
            }
        }
        props.push(format!("title={}", escape_property(d.code.id())));
        let mut message = format!("{} ({})", d.message, d.code.summary());
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        if let Some(reason) = &d.acknowledged {
            let _ = write!(message, "\nacknowledged: {reason}");
        }
        if let Some(f) = &d.fingerprint {
            let _ = write!(message, "\nfingerprint: {f}");
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::span::Span;
    use std::sync::Arc;

    #[test]
    fn escapes_message_and_properties() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn renders_error_with_location_and_acknowledged_as_notice() {
        let file: Arc<str> = Arc::from("dir,x/a:b.policy");
        let text = "policy x {\n  titel \"x\"\n}\n";
        let d = Diagnostic::new(Code::UnknownKeyword, "unknown keyword `titel`, 100% sure")
            .at(Some(Span::new(&file, text, 13, 18)))
            .help("did you mean `title`?");
        let mut acked = d.clone();
        acked.acknowledged = Some("we know: it's fine".into());
        let out = render_github(&[d, acked], Path::new("."));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "::error file=dir%2Cx/a%3Ab.policy,line=2,col=3,title=L101::unknown keyword `titel`, 100%25 sure (unknown keyword)%0Ahelp: did you mean `title`?"
        );
        assert!(lines[1].starts_with("::notice file="), "{}", lines[1]);
        assert!(lines[1].ends_with("%0Aacknowledged: we know: it's fine"));
    }
}
