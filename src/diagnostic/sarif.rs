//! SARIF 2.1.0 output for GitHub code scanning and other SARIF consumers.
//!
//! Rule ids are the stable diagnostic codes; each rule carries the code's summary
//! and explanation. File paths are relative to the repository root, with
//! `uriBaseId` `%SRCROOT%`. Acknowledged findings are results with an `inSource`
//! suppression whose justification is the written reason.

use super::{position, Code, Diagnostic, Severity};
use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Suppression, Tool, ToolComponent,
};
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// The base id relative URIs are resolved against: the repository root.
pub const SRCROOT: &str = "%SRCROOT%";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn result_level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Note => ResultLevel::Note,
    }
}

/// Removes `.` and resolves `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
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

/// Percent-encodes what may not stand in a URI path (RFC 3986 `pchar` and `/`).
fn encode_uri_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The path of `file` relative to `root`, with `/` separators, URI-encoded.
/// Paths outside the root are kept as given (absolute ones become `file://` URIs).
pub fn relative_uri(file: &str, root: &Path) -> (String, bool) {
    let path = Path::new(file);
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = normalize(&cwd.join(path));
    let root_abs = normalize(&cwd.join(root));
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let relative = absolute
        .strip_prefix(&root_abs)
        .ok()
        .map(Path::to_path_buf)
        .or_else(|| {
            canon(&absolute)
                .strip_prefix(canon(&root_abs))
                .ok()
                .map(Path::to_path_buf)
        });
    match relative {
        Some(rel) => {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            (encode_uri_path(&parts.join("/")), true)
        }
        None if path.is_absolute() => (
            format!("file://{}", encode_uri_path(&file.replace('\\', "/"))),
            false,
        ),
        None => (encode_uri_path(&file.replace('\\', "/")), false),
    }
}

fn text(s: impl Into<String>) -> Message {
    Message {
        text: Some(s.into()),
        ..Message::default()
    }
}

fn multiformat(text: &str, markdown: Option<String>) -> MultiformatMessageString {
    let mut m = MultiformatMessageString::builder().text(text).build();
    m.markdown = markdown;
    m
}

fn rule(code: Code) -> ReportingDescriptor {
    let explain = code.explanation();
    let help = format!("{explain}\n\nRun `policyc explain {}` for more.", code.id());
    let mut r = ReportingDescriptor::builder().id(code.id()).build();
    r.name = Some(rule_name(code));
    r.short_description = Some(multiformat(code.summary(), None));
    r.full_description = Some(multiformat(explain, None));
    r.help = Some(multiformat(&help, Some(help.clone())));
    r.default_configuration = Some(ReportingConfiguration {
        level: Some(json!(level(code.severity()))),
        ..ReportingConfiguration::default()
    });
    r
}

/// A rule name in `PascalCase`, as SARIF viewers show it (`UnknownKeyword`).
fn rule_name(code: Code) -> String {
    format!("{code:?}")
}

struct Locator<'a> {
    root: &'a Path,
    ends: position::EndFinder,
}

impl Locator<'_> {
    fn location(&mut self, span: &crate::span::Span, message: Option<&str>) -> Location {
        let (uri, relative) = relative_uri(&span.path(), self.root);
        let end = self.ends.end(span);
        Location {
            physical_location: Some(PhysicalLocation {
                artifact_location: Some(ArtifactLocation {
                    uri: Some(uri),
                    uri_base_id: relative.then(|| SRCROOT.to_string()),
                    ..ArtifactLocation::default()
                }),
                region: Some(Region {
                    start_line: Some(i64::from(span.line)),
                    start_column: Some(i64::from(span.col)),
                    end_line: end.map(|(l, _)| i64::from(l)),
                    end_column: end.map(|(_, c)| i64::from(c)),
                    ..Region::default()
                }),
                ..PhysicalLocation::default()
            }),
            message: message.map(text),
            ..Location::default()
        }
    }
}

/// The key of the flows fingerprint in a result's `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "policycFlows/v1";

/// Renders findings as a SARIF 2.1.0 log. `root` is the repository root that
/// file paths are made relative to.
pub fn render_sarif(diagnostics: &[Diagnostic], root: &Path) -> String {
    let mut codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    let mut locator = Locator {
        root,
        ends: position::EndFinder::default(),
    };
    let results: Vec<SarifResult> = diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let related: Vec<Location> = d
                .labels
                .iter()
                .map(|l| locator.location(&l.span, Some(&l.message)))
                .collect();
            let mut r = SarifResult::builder().message(text(message)).build();
            r.rule_id = Some(d.code.id().to_string());
            r.rule_index = codes
                .iter()
                .position(|c| *c == d.code)
                .and_then(|i| i64::try_from(i).ok());
            r.level = Some(result_level(d.severity));
            r.locations = d.span.as_ref().map(|s| vec![locator.location(s, None)]);
            r.related_locations = (!related.is_empty()).then_some(related);
            // The flows fingerprint identifies the finding across edits that do
            // not change what it is about (SARIF §3.27.17).
            r.partial_fingerprints = d
                .fingerprint
                .as_ref()
                .map(|f| std::iter::once((FINGERPRINT_KEY.to_string(), f.clone())).collect());
            r.suppressions = d.acknowledged.as_ref().map(|reason| {
                let mut s = Suppression::builder().kind(json!("inSource")).build();
                s.status = Some(json!("accepted"));
                s.justification = Some(reason.clone());
                vec![s]
            });
            r
        })
        .collect();
    let mut driver = ToolComponent::builder().name("policyc").build();
    driver.version = Some(env!("CARGO_PKG_VERSION").to_string());
    driver.semantic_version = Some(env!("CARGO_PKG_VERSION").to_string());
    driver.rules = Some(codes.iter().copied().map(rule).collect());
    let mut run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .build();
    run.results = Some(results);
    run.column_kind = Some(json!("unicodeCodePoints"));
    let mut log = Sarif::builder()
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    log.schema = Some(serde_sarif::sarif::SCHEMA_URL.to_string());
    serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_string()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::{encode_uri_path, relative_uri};
    use std::path::Path;

    #[test]
    fn paths_are_made_relative_to_the_root() {
        let cwd = std::env::current_dir().unwrap_or_default();
        let abs = cwd.join("policies/site.policy");
        assert_eq!(
            relative_uri(&abs.display().to_string(), &cwd),
            ("policies/site.policy".to_string(), true)
        );
        assert_eq!(
            relative_uri("./policies/../policies/a b.policy", Path::new(".")),
            ("policies/a%20b.policy".to_string(), true)
        );
        assert_eq!(encode_uri_path("a#b%c"), "a%23b%25c");
    }
}
