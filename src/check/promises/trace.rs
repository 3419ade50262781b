//! Why each practice kept (or broke) each promise, recorded as the promise
//! checks decide it (`policyc check --explain-clean`). The checks call
//! [`Scoped::row`](super::Scoped::row), [`Scoped::excused`](super::Scoped::excused)
//! and [`Scoped::skip`](super::Scoped::skip); with a recorder attached those calls
//! note their decision, so the trace is the checks' own reasoning, not a
//! re-implementation of it.

use crate::facts::{PolicyFacts, Practice};
use crate::span::Span;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

/// One promise and every practice it was held to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PromiseTrace {
    /// The policy's name.
    pub policy: String,
    /// The promise's name.
    pub promise: String,
    /// The claim as written after `claim` (`no-third-party-sharing`).
    pub claim: String,
    /// The promise's own wording.
    pub says: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Codes of the findings that break it (none: kept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub broken_by: Vec<String>,
    /// For claims about no practice (the change notice): what it was held to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_to: Option<String>,
    /// The practices, in policy order.
    pub practices: Vec<PracticeTrace>,
}

/// One practice against one promise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PracticeTrace {
    /// As a finding's target names it: `share marketers`.
    pub practice: String,
    /// `passed` or `broken`.
    pub outcome: Outcome,
    /// The codes of the findings it caused, when broken.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// Why its flows passed (for a broken practice: why the others did).
    pub reasons: Vec<Decision>,
}

/// Whether a practice kept the promise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Passed,
    Broken,
}

/// Why flows of a practice did not break a promise.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "because", rename_all = "kebab-case")]
pub enum Decision {
    /// A scope line of the promise leaves them out: `scope` is the line's keyword
    /// (`data`, `cookies`, `recipients`, `subjects`, `purposes`), `values` what
    /// the flows have that the line does not name.
    OutOfScope { scope: String, values: Vec<String> },
    /// An exception of the promise matched: `exception` is `basis`, `allow`,
    /// `consent`, `aggregate` or `compatible`.
    Excepted { exception: String, detail: String },
    /// The claim is not about them (not a sale, no third party, not identifiable, ...).
    NotApplicable { detail: String },
    /// They do what a positive claim asks (an opt-out procedure is given).
    Kept { detail: String },
}

/// What a promise check noted while it ran, practice by practice.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    /// Scope exclusions: practice → scope line → values.
    scope: BTreeMap<String, BTreeMap<&'static str, BTreeSet<String>>>,
    other: BTreeMap<String, BTreeSet<Decision>>,
}

impl Recorder {
    pub fn out_of_scope(&mut self, practice: &Practice, scope: &'static str, value: String) {
        self.scope
            .entry(practice.target())
            .or_default()
            .entry(scope)
            .or_default()
            .insert(value);
    }

    pub fn excepted(&mut self, practice: &Practice, exception: &'static str, detail: String) {
        self.other
            .entry(practice.target())
            .or_default()
            .insert(Decision::Excepted {
                exception: exception.to_string(),
                detail,
            });
    }

    pub fn not_applicable(&mut self, practice: &Practice, detail: String) {
        self.other
            .entry(practice.target())
            .or_default()
            .insert(Decision::NotApplicable { detail });
    }

    pub fn kept(&mut self, practice: &Practice, detail: String) {
        self.other
            .entry(practice.target())
            .or_default()
            .insert(Decision::Kept { detail });
    }

    /// The practices' traces, in policy order. `broken` maps practice targets to
    /// the codes found there; `unexamined` words why a practice the claim never
    /// looked at passed.
    pub fn finish(
        mut self,
        facts: &PolicyFacts,
        broken: &BTreeMap<String, BTreeSet<String>>,
        unexamined: &dyn Fn(&Practice) -> String,
    ) -> Vec<PracticeTrace> {
        let mut out = Vec::new();
        for p in &facts.practices {
            let target = p.target();
            let mut reasons: Vec<Decision> = Vec::new();
            if let Some(lines) = self.scope.remove(&target) {
                for (scope, values) in lines {
                    reasons.push(Decision::OutOfScope {
                        scope: scope.to_string(),
                        values: values.into_iter().collect(),
                    });
                }
            }
            if let Some(other) = self.other.remove(&target) {
                reasons.extend(other);
            }
            let codes: Vec<String> = broken
                .get(&target)
                .map(|c| c.iter().cloned().collect())
                .unwrap_or_default();
            if reasons.is_empty() && codes.is_empty() {
                reasons.push(Decision::NotApplicable {
                    detail: unexamined(p),
                });
            }
            out.push(PracticeTrace {
                practice: target,
                outcome: if codes.is_empty() {
                    Outcome::Passed
                } else {
                    Outcome::Broken
                },
                codes,
                reasons,
            });
        }
        out
    }
}

/// A recorder shared by the checks of one promise (`None`: not recording).
pub(crate) type Recording = Option<RefCell<Recorder>>;

/// Renders traces for a terminal: one block per promise, one line per practice.
pub fn render_traces(traces: &[PromiseTrace]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for t in traces {
        let place = t
            .span
            .as_ref()
            .map(|sp| format!(" ({}:{})", sp.file, sp.line))
            .unwrap_or_default();
        let verdict = if t.broken_by.is_empty() {
            "kept".to_string()
        } else {
            format!("broken ({})", t.broken_by.join(", "))
        };
        let _ = writeln!(
            s,
            "promise `{}` in policy `{}`{place}: claim {}: {verdict}",
            t.promise, t.policy, t.claim
        );
        if let Some(held) = &t.held_to {
            let _ = writeln!(s, "  held to {held}");
        }
        for p in &t.practices {
            let head = match p.outcome {
                Outcome::Passed => "passed".to_string(),
                Outcome::Broken => format!("broken ({})", p.codes.join(", ")),
            };
            let _ = writeln!(s, "  {head:<8} {}", p.practice);
            for r in &p.reasons {
                let _ = writeln!(s, "             {}", describe(r));
            }
        }
        s.push('\n');
    }
    s
}

/// Values listed in a line; the JSON form has them all.
const SHOWN: usize = 6;

/// One decision in words.
pub fn describe(d: &Decision) -> String {
    match d {
        Decision::OutOfScope { scope, values } => {
            let mut named: Vec<String> = values
                .iter()
                .take(SHOWN)
                .map(|v| format!("`{v}`"))
                .collect();
            if values.len() > SHOWN {
                named.push(format!("and {} more", values.len() - SHOWN));
            }
            format!(
                "out of scope: the promise's `{scope}` line does not name {}",
                named.join(", ")
            )
        }
        Decision::Excepted { exception, detail } => format!("excepted ({exception}): {detail}"),
        Decision::NotApplicable { detail } => format!("not what the claim is about: {detail}"),
        Decision::Kept { detail } => format!("kept: {detail}"),
    }
}
