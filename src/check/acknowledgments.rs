//! Acknowledgments: findings the policy owners accepted in writing (`A6xx`).
//!
//! A finding matches an `acknowledge CODE at TARGET [fingerprint F]` line when its
//! code's id equals CODE and its target equals TARGET (both trimmed, runs of
//! spaces collapsed; the code compared without regard to case) and, when the line
//! carries a fingerprint, the finding's fingerprint (`crate::diagnostic::fingerprint`:
//! its code, target and flows) equals F. A matched finding keeps its severity but
//! carries the reason and no longer fails the run.
//!
//! - A line whose code and target match findings with another fingerprint is
//!   stale (A603): the findings are reported unacknowledged, and the line is named
//!   with the flows added or removed and a fix that writes the new fingerprint.
//! - A line without a fingerprint still matches by code and target, with a
//!   warning (A604) whose fix adds the fingerprint.

use crate::diagnostic::{
    explain_change, normalize_target, Change, Code, Diagnostic, Edit, Fix, Flow, Label,
};
use crate::model::{Acknowledgment, Policy, PolicySet};
use crate::span::{SourceFile, Span};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

fn locate(ack: &Acknowledgment, policy: &Policy, source: &SourceFile) -> Span {
    ack.origin
        .span()
        .or_else(|| policy.origin.span())
        .copied()
        .unwrap_or_else(|| Span::file_start(&source.path))
}

/// Byte ranges of each policy in the file, so an acknowledgment only matches
/// findings of its own policy (YAML models carry no spans: no limit).
fn policy_ranges(set: &PolicySet) -> Vec<Option<std::ops::Range<usize>>> {
    let starts: Vec<Option<usize>> = set
        .policies
        .iter()
        .map(|p| p.origin.span().map(Span::start))
        .collect();
    (0..starts.len())
        .map(|index| {
            starts[index].map(|start| {
                let end = starts[index + 1..]
                    .iter()
                    .flatten()
                    .copied()
                    .find(|s| *s > start)
                    .unwrap_or(usize::MAX);
                start..end
            })
        })
        .collect()
}

/// The findings each acknowledgment of a set could name, by code and target
/// (normalized), in the order of `diagnostics`: built in one pass, so matching
/// takes one look-up per acknowledgment rather than a search of every finding.
struct Named {
    by: HashMap<Code, HashMap<String, Vec<usize>>>,
}

impl Named {
    fn new(set: &PolicySet, diagnostics: &[Diagnostic]) -> Self {
        let mut by: HashMap<Code, HashMap<String, Vec<usize>>> = HashMap::new();
        for ack in set.policies.iter().flat_map(|p| &p.acknowledgments) {
            if let Ok(code) = ack.code.parse::<Code>() {
                by.entry(code)
                    .or_default()
                    .entry(normalize_target(&ack.at))
                    .or_default();
            }
        }
        for (i, d) in diagnostics.iter().enumerate() {
            let (Some(targets), Some(target)) = (by.get_mut(&d.code), d.target.as_deref()) else {
                continue;
            };
            if let Some(found) = targets.get_mut(super::fingerprint::normalized(target).as_ref()) {
                found.push(i);
            }
        }
        Self { by }
    }

    /// The findings an acknowledgment names by code and target (whatever their
    /// fingerprint), in its own policy.
    fn named(
        &self,
        diagnostics: &[Diagnostic],
        source: &SourceFile,
        range: Option<&std::ops::Range<usize>>,
        code: Code,
        at: &str,
    ) -> Vec<usize> {
        let Some(found) = self.by.get(&code).and_then(|t| t.get(at)) else {
            return Vec::new();
        };
        found
            .iter()
            .copied()
            .filter(|i| match (range, &diagnostics[*i].span) {
                (Some(r), Some(span)) => span.file == source.id() && r.contains(&span.start()),
                _ => true,
            })
            .collect()
    }
}

/// Marks matched findings acknowledged and reports acknowledgments that match
/// nothing (A601), name an unknown code (A602), accepted other flows (A603) or
/// carry no fingerprint (A604). With `checked`, the findings of its checks may
/// be pending (`crate::diagnostic::Diagnostic::pending`): the fingerprints and
/// flows of those an acknowledgment names are computed here.
pub(crate) fn apply(
    set: &PolicySet,
    source: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
    checked: Option<&super::Checked<'_>>,
) {
    let mut extra = Vec::new();
    let ranges = policy_ranges(set);
    let named = Named::new(set, diagnostics);
    // What each acknowledgment names, in order; then the fingerprints of the
    // pending findings named first, in one pass.
    let mut found = Vec::new();
    for (index, (policy, range)) in set.policies.iter().zip(&ranges).enumerate() {
        for ack in &policy.acknowledgments {
            let at = normalize_target(&ack.at);
            let matching = match ack.code.parse::<Code>() {
                Ok(code) => named.named(diagnostics, source, range.as_ref(), code, &at),
                Err(()) => Vec::new(),
            };
            found.push((index, policy, ack, at, matching));
        }
    }
    let keys: BTreeSet<super::fingerprint::GroupKey> = found
        .iter()
        .filter_map(|f| f.4.first())
        .filter_map(|i| super::fingerprint::group_key(&diagnostics[*i]))
        .collect();
    let prints = checked
        .map(|c| c.group_fingerprints(diagnostics, keys))
        .unwrap_or_default();
    for (index, policy, ack, at, matching) in found {
        let Ok(code) = ack.code.parse::<Code>() else {
            extra.push(unknown_code(ack, policy, source, at));
            continue;
        };
        let Some(first) = matching.first().copied() else {
            extra.push(
                Diagnostic::new(
                    Code::UnmatchedAcknowledgment,
                    format!("acknowledgment of {} at `{at}` matches no finding", code.id()),
                )
                .at(Some(locate(ack, policy, source)))
                .help("remove it if the finding was fixed, or correct the code or the target (e.g. `collect NAME`, `share NAME`)")
                .target(at),
            );
            continue;
        };
        let now = match super::fingerprint::group_key(&diagnostics[first]) {
            Some(key) if checked.is_some() => prints.get(&key).cloned(),
            _ => diagnostics[first].fingerprint.clone(),
        };
        match (&ack.fingerprint, &now) {
            (Some(then), Some(now)) if then != now => {
                let flows: BTreeSet<Flow> = matching
                    .iter()
                    .flat_map(|i| match checked {
                        Some(c) => c.flows_of(&diagnostics[*i]),
                        None => diagnostics[*i].flows.clone(),
                    })
                    .collect();
                let finding = &diagnostics[first];
                let cx = checked.and_then(|c| c.context(index));
                extra.push(stale(
                    ack,
                    (policy, cx),
                    source,
                    (code, &at),
                    (then, now),
                    &flows,
                    finding,
                ));
            }
            (fingerprint, _) => {
                for i in &matching {
                    diagnostics[*i].acknowledged = Some(ack.reason.clone());
                }
                if let (None, Some(now)) = (fingerprint, &now) {
                    extra.push(without_fingerprint(ack, policy, source, (code, &at), now));
                }
            }
        }
    }
    // Findings about acknowledgments are fingerprinted too (over no flows).
    for d in &mut extra {
        if let Some(t) = d.target.as_deref() {
            d.fingerprint = Some(crate::diagnostic::fingerprint(d.code.id(), t, &[]));
        }
    }
    diagnostics.extend(extra);
}

/// What `policyc check --update-acknowledgments` does to one acknowledgment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcknowledgmentUpdate {
    /// `C402 at share marketers`.
    pub acknowledgment: String,
    /// The fingerprint it carried, if any.
    pub then: Option<String>,
    /// The fingerprint of the findings it names now.
    pub now: String,
    /// The edit that writes `now` into the file.
    pub edit: Edit,
}

/// The fingerprints to write into a file's acknowledgments: added where one has
/// none, replaced where the findings it names have other flows now. Only
/// acknowledgments written in `source` (with locations) get an edit.
pub fn updates(
    set: &PolicySet,
    source: &SourceFile,
    diagnostics: &[Diagnostic],
) -> Vec<AcknowledgmentUpdate> {
    let mut out = Vec::new();
    let ranges = policy_ranges(set);
    let named = Named::new(set, diagnostics);
    for (policy, range) in set.policies.iter().zip(&ranges) {
        for ack in &policy.acknowledgments {
            let at = normalize_target(&ack.at);
            let Ok(code) = ack.code.parse::<Code>() else {
                continue;
            };
            let matching = named.named(diagnostics, source, range.as_ref(), code, &at);
            let Some(now) = matching
                .first()
                .and_then(|i| diagnostics[*i].fingerprint.clone())
            else {
                continue;
            };
            if ack.fingerprint.as_deref() == Some(now.as_str()) {
                continue;
            }
            let Some(span) = ack
                .fingerprint_origin
                .span()
                .filter(|s| s.file == source.id())
            else {
                continue;
            };
            let edit = match &ack.fingerprint {
                Some(_) => Edit {
                    span: *span,
                    replacement: now.clone(),
                },
                None => Edit {
                    span: Span {
                        end: span.start,
                        ..*span
                    },
                    replacement: format!("fingerprint {now} "),
                },
            };
            out.push(AcknowledgmentUpdate {
                acknowledgment: format!("{} at {at}", code.id()),
                then: ack.fingerprint.clone(),
                now,
                edit,
            });
        }
    }
    out
}

fn unknown_code(
    ack: &Acknowledgment,
    policy: &Policy,
    source: &SourceFile,
    at: String,
) -> Diagnostic {
    let close = crate::vocabulary::suggest(ack.code.trim(), Code::ALL.iter().map(|c| c.id()));
    let help = match close {
        Some(c) => format!("did you mean `{c}`? `policyc explain --list` lists every code"),
        None => "use a code a finding reports, such as `C402`; `policyc explain --list` lists every code".to_string(),
    };
    Diagnostic::new(
        Code::UnknownAcknowledgedCode,
        format!("acknowledgment names unknown code `{}`", ack.code.trim()),
    )
    .at(Some(locate(ack, policy, source)))
    .help(help)
    .target(at)
}

fn without_fingerprint(
    ack: &Acknowledgment,
    policy: &Policy,
    source: &SourceFile,
    (code, at): (Code, &str),
    now: &str,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::AcknowledgmentWithoutFingerprint,
        format!(
            "acknowledgment of {} at `{at}` has no fingerprint, so it would also accept flows added to `{at}` later",
            code.id()
        ),
    )
    .at(Some(locate(ack, policy, source)))
    .help(format!(
        "bind it to the finding it accepts: add `fingerprint {now}` before `because` (`acknowledge {} at {at} fingerprint {now} because \"...\"`); `policyc check --update-acknowledgments` adds the fingerprints of a file",
        code.id()
    ))
    .target(at);
    if let Some(because) = ack.fingerprint_origin.span() {
        d.fix = Some(Fix {
            message: format!("add `fingerprint {now}`"),
            edits: vec![Edit {
                span: Span {
                    end: because.start,
                    ..*because
                },
                replacement: format!("fingerprint {now} "),
            }],
        });
    }
    d
}

/// At most this many flows are listed in a message.
const LISTED: usize = 3;

/// Lists the first flows (without the promise, which the finding names).
fn list_flows(out: &mut String, flows: &[Flow]) {
    for f in flows.iter().take(LISTED) {
        let shown = Flow {
            promise: None,
            ..f.clone()
        };
        let _ = write!(out, "; {shown}");
    }
    if flows.len() > LISTED {
        let _ = write!(out, "; and {} more", flows.len() - LISTED);
    }
}

fn stale(
    ack: &Acknowledgment,
    (policy, cx): (&Policy, Option<&super::context::Context<'_>>),
    source: &SourceFile,
    (code, at): (Code, &str),
    (then, now): (&str, &str),
    flows: &BTreeSet<Flow>,
    finding: &Diagnostic,
) -> Diagnostic {
    // Flows of the same practice the finding is not about now: what may have
    // been acknowledged and since left the finding.
    let candidates: BTreeSet<Flow> = candidates((policy, cx), source, at, flows);
    let mut message = format!(
        "acknowledgment of {} at `{at}` accepted other flows than the finding has now (fingerprint {then} then, {now} now)",
        code.id()
    );
    match explain_change(code.id(), at, then, flows, &candidates) {
        Some(Change::Added {
            field,
            value,
            flows,
        }) => {
            let _ = write!(
                message,
                ": {} flow{} with {field} `{value}` added",
                flows.len(),
                if flows.len() == 1 { "" } else { "s" }
            );
            list_flows(&mut message, &flows);
        }
        Some(Change::Removed {
            field,
            value,
            flows,
        }) => {
            let _ = write!(
                message,
                ": {} flow{} with {field} `{value}` no longer in it",
                flows.len(),
                if flows.len() == 1 { "" } else { "s" }
            );
            list_flows(&mut message, &flows);
        }
        None => {
            let _ = write!(
                message,
                "; the finding is about {} flow{} now",
                flows.len(),
                if flows.len() == 1 { "" } else { "s" }
            );
            list_flows(&mut message, &flows.iter().cloned().collect::<Vec<_>>());
        }
    }
    let mut d = Diagnostic::new(Code::StaleAcknowledgment, message)
        .at(Some(locate(ack, policy, source)))
        .help(format!(
            "the {} finding is reported again; review it as it is now: if the owners still accept it, write `fingerprint {now}` (and revise the reason if it no longer covers the flows; `policyc check --update-acknowledgments` rewrites fingerprints), otherwise change the policy",
            code.id()
        ))
        .target(at);
    if let Some(span) = &finding.span {
        d.labels.push(Label {
            span: *span,
            message: format!("the {} finding as it is now", code.id()),
        });
    }
    if let Some(span) = ack.fingerprint_origin.span() {
        d.fix = Some(Fix {
            message: format!("accept the finding as it is now: `fingerprint {now}`"),
            edits: vec![Edit {
                span: *span,
                replacement: now.to_string(),
            }],
        });
    }
    d
}

/// Every flow of the practice the target names, against each promise the
/// finding's flows name (or none): the flows an older finding could have had.
fn candidates(
    (policy, cx): (&Policy, Option<&super::context::Context<'_>>),
    source: &SourceFile,
    at: &str,
    flows: &BTreeSet<Flow>,
) -> BTreeSet<Flow> {
    let base = match cx {
        Some(cx) => super::fingerprint::flows_of_target(cx, at),
        None => {
            super::fingerprint::flows_of_target(&super::context::Context::new(policy, source), at)
        }
    };
    let promises: BTreeSet<Option<String>> = flows.iter().map(|f| f.promise.clone()).collect();
    let retentions: BTreeSet<Option<String>> = flows.iter().map(|f| f.retention.clone()).collect();
    let mut out = BTreeSet::new();
    for f in base {
        for promise in &promises {
            for retention in &retentions {
                out.insert(Flow {
                    promise: promise.clone(),
                    retention: retention.clone(),
                    ..f.clone()
                });
            }
        }
    }
    out
}
