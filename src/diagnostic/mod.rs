//! One `Diagnostic` value feeds every renderer: terminal, JSON, SARIF and GitHub.

mod code;
mod fingerprint;
mod github;
mod position;
mod render;
mod sarif;

pub use code::Code;
pub use fingerprint::{
    explain_change, fingerprint, is_fingerprint, normalize_target, Change, Flow, FINGERPRINT_LEN,
};
pub use github::{escape_data, escape_property, render_github};
pub use render::{render_human, render_json, render_outstanding};
pub use sarif::render_sarif;

use crate::span::{Origin, Span};
use serde::Serialize;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// A secondary location with its own message ("the promise is made here").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A finding: a stable code, a severity, where, what is wrong and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The primary location; `None` only for findings about no file at all.
    pub span: Option<Span>,
    /// Secondary locations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The policy element the finding is about, as an acknowledgment names it
    /// (`collect registration`, `cookie referral`, `policy main`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The written reason, when the policy acknowledges this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acknowledged: Option<String>,
    /// What the finding is about, as a hash of its code, target and flows (see
    /// [`fingerprint`]); an acknowledgment carrying it accepts exactly these flows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The flows the finding is about (the fingerprint's input).
    #[serde(skip)]
    pub flows: Vec<Flow>,
    /// Set by the checks on a finding whose fingerprint (and, when it recorded
    /// none, flows) is computed only when needed: the index of the policy whose
    /// checks found it (`crate::check::Checked`). `None` once computed.
    #[serde(skip)]
    pub(crate) pending: Option<usize>,
    /// An edit that resolves the finding, when one can be written mechanically.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A machine-applicable fix: what it does, and the edits (`policyc check
/// --update-acknowledgments` applies those of acknowledgment findings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub message: String,
    pub edits: Vec<Edit>,
}

/// Replace the text at `span` with `replacement` (an empty span inserts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Diagnostic {
    /// A finding with the code's default severity.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.severity(),
            message: message.into(),
            span: None,
            labels: Vec::new(),
            help: None,
            target: None,
            acknowledged: None,
            fingerprint: None,
            flows: Vec::new(),
            pending: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn at(mut self, span: Option<Span>) -> Self {
        self.span = span;
        self
    }

    #[must_use]
    pub fn at_origin(self, origin: &Origin) -> Self {
        self.at(origin.span().copied())
    }

    #[must_use]
    pub fn label(mut self, origin: &Origin, message: impl Into<String>) -> Self {
        if let Some(span) = origin.span() {
            self.labels.push(Label {
                span: *span,
                message: message.into(),
            });
        }
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// The flows the finding is about (its fingerprint is computed from them).
    #[must_use]
    pub fn flows(mut self, flows: Vec<Flow>) -> Self {
        self.flows = flows;
        self
    }

    /// True for an error that nobody acknowledged: it fails the run.
    pub fn is_blocking_error(&self) -> bool {
        self.severity == Severity::Error && self.acknowledged.is_none()
    }
}

/// Sorts findings by file, position, then code, so output is deterministic.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let at = match (&a.span, &b.span) {
            (Some(x), Some(y)) => {
                // By path (looked up only when the files differ), then offsets.
                let file = if x.file == y.file {
                    std::cmp::Ordering::Equal
                } else {
                    x.path().cmp(&y.path())
                };
                file.then(x.start.cmp(&y.start)).then(x.end.cmp(&y.end))
            }
            (x, y) => x.is_some().cmp(&y.is_some()),
        };
        at.then(a.code.cmp(&b.code)).then(a.message.cmp(&b.message))
    });
}

#[cfg(test)]
mod sort_tests {
    use super::{sort, Code, Diagnostic};
    use crate::span::Span;

    /// Files sort by path, not by the order their ids were made; unlocated
    /// findings first; then offsets, then code.
    #[test]
    fn findings_sort_by_path_then_position() {
        // "z.policy" is interned before "a.policy".
        let z = Span::new("sort-z.policy", "abcdef", 1, 2);
        let a_late = Span::new("sort-a.policy", "abcdef", 4, 5);
        let a_early = Span::new("sort-a.policy", "abcdef", 0, 1);
        let d = |span: Option<Span>, code| Diagnostic::new(code, "m").at(span);
        let mut found = vec![
            d(Some(z), Code::EmptyFile),
            d(Some(a_late), Code::EmptyFile),
            d(None, Code::EmptyFile),
            d(Some(a_early), Code::NotUtf8),
            d(Some(a_early), Code::EmptyFile),
        ];
        sort(&mut found);
        let got: Vec<(Option<(String, u32)>, Code)> = found
            .iter()
            .map(|d| (d.span.map(|s| (s.path().to_string(), s.start)), d.code))
            .collect();
        let mut want: Vec<(Option<(String, u32)>, Code)> = vec![
            (None, Code::EmptyFile),
            (Some(("sort-a.policy".into(), 0)), Code::EmptyFile),
            (Some(("sort-a.policy".into(), 0)), Code::NotUtf8),
            (Some(("sort-a.policy".into(), 4)), Code::EmptyFile),
            (Some(("sort-z.policy".into(), 1)), Code::EmptyFile),
        ];
        // Codes at one place follow the codes' own order.
        if Code::NotUtf8 < Code::EmptyFile {
            want.swap(1, 2);
        }
        assert_eq!(got, want);
    }
}
