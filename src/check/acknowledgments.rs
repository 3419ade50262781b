//! Acknowledgments: findings the policy owners accepted in writing (`A6xx`).
//!
//! A finding matches an `acknowledge CODE at TARGET` line when its code's id equals
//! CODE and its target equals TARGET (both trimmed, runs of spaces collapsed; the
//! code compared without regard to case). A matched finding keeps its severity but
//! carries the reason and no longer fails the run.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Acknowledgment, Policy, PolicySet};
use crate::span::{SourceFile, Span};

/// Trims and collapses runs of whitespace to one space.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn locate(ack: &Acknowledgment, policy: &Policy, source: &SourceFile) -> Span {
    ack.origin
        .span()
        .or_else(|| policy.origin.span())
        .cloned()
        .unwrap_or_else(|| Span::file_start(&source.path))
}

/// Marks matched findings acknowledged and reports acknowledgments that match
/// nothing (A601) or name an unknown code (A602).
pub(crate) fn apply(set: &PolicySet, source: &SourceFile, diagnostics: &mut Vec<Diagnostic>) {
    let mut extra = Vec::new();
    // Byte ranges of each policy in the file, so an acknowledgment only matches
    // findings of its own policy (YAML models carry no spans: no limit).
    let starts: Vec<Option<usize>> = set
        .policies
        .iter()
        .map(|p| p.origin.span().map(|s| s.start))
        .collect();
    for (index, policy) in set.policies.iter().enumerate() {
        let range = starts[index].map(|start| {
            let end = starts[index + 1..]
                .iter()
                .flatten()
                .copied()
                .find(|s| *s > start)
                .unwrap_or(usize::MAX);
            start..end
        });
        let in_policy = |d: &Diagnostic| match (&range, &d.span) {
            (Some(r), Some(span)) => *span.file == *source.path && r.contains(&span.start),
            _ => true,
        };
        for ack in &policy.acknowledgments {
            let at = normalize(&ack.at);
            let Ok(code) = ack.code.parse::<Code>() else {
                let close =
                    crate::vocabulary::suggest(ack.code.trim(), Code::ALL.iter().map(|c| c.id()));
                let help = match close {
                    Some(c) => format!("did you mean `{c}`? `policyc explain --list` lists every code"),
                    None => "use a code a finding reports, such as `C402`; `policyc explain --list` lists every code".to_string(),
                };
                extra.push(
                    Diagnostic::new(
                        Code::UnknownAcknowledgedCode,
                        format!("acknowledgment names unknown code `{}`", ack.code.trim()),
                    )
                    .at(Some(locate(ack, policy, source)))
                    .help(help)
                    .target(at),
                );
                continue;
            };
            let mut matched = false;
            for d in diagnostics.iter_mut() {
                if d.code == code
                    && in_policy(d)
                    && d.target.as_deref().map(normalize).as_deref() == Some(at.as_str())
                {
                    d.acknowledged = Some(ack.reason.clone());
                    matched = true;
                }
            }
            if !matched {
                extra.push(
                    Diagnostic::new(
                        Code::UnmatchedAcknowledgment,
                        format!("acknowledgment of {} at `{at}` matches no finding", code.id()),
                    )
                    .at(Some(locate(ack, policy, source)))
                    .help("remove it if the finding was fixed, or correct the code or the target (e.g. `collect NAME`, `share NAME`)")
                    .target(at),
                );
            }
        }
    }
    diagnostics.extend(extra);
}
