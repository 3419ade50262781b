//! Gives every finding with a target its fingerprint (`crate::diagnostic::fingerprint`):
//! the flows it is about, as the checks recorded them (promise findings record
//! the flows that break the promise) or, for the other checks, every flow of the
//! practice its target names; then one fingerprint per code and target.

use super::context::Context;
use crate::diagnostic::{fingerprint, normalize_target, Code, Diagnostic, Flow};
use crate::facts::{Practice, PracticeKind, Row};
use crate::model::{Claim, Promise};
use crate::vocabulary::Term;
use std::collections::{BTreeMap, BTreeSet};

/// A row of the facts table as a flow. `promise` is the promise held against it.
pub(crate) fn flow(row: &Row<'_>, promise: Option<&Promise>) -> Flow {
    Flow {
        practice: row.practice.target(),
        subject: row.subject.map(|s| s.name.clone()),
        data: row.data.map(|d| d.leaf.text().to_string()),
        purpose: row.purpose.map(|u| format!("{} ({})", u.purpose, u.choice)),
        recipient: row.recipient.map(|r| {
            let mut s = format!(
                "{} ({}, {}",
                r.name,
                r.kind.map_or("undefined", Term::word),
                r.choice
            );
            if let Some(b) = r.basis {
                s.push_str(", basis ");
                s.push_str(&super::promises::exception_word(b));
            }
            s.push(')');
            s
        }),
        retention: None,
        promise: promise.map(promise_key),
    }
}

/// A promise as its name and claim (`no-sharing: no-third-party-sharing`): what
/// it commits to, not how it is worded.
pub(crate) fn promise_key(p: &Promise) -> String {
    format!("{}: {}", p.name, claim_text(&p.claim))
}

/// A claim as written after `claim` (`not-linked logs, ids`).
pub(crate) fn claim_text(claim: &Claim) -> String {
    match serde_json::to_value(claim) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k} \"{s}\""),
                serde_json::Value::Array(items) => {
                    let names: Vec<String> = items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect();
                    format!("{k} {}", names.join(", ")).trim_end().to_string()
                }
                _ => k,
            })
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

/// The practice a target names (`share marketers`), if it names one (looked up
/// by name in the context's index: one look-up per finding, not a search).
pub(crate) fn practice<'c>(cx: &'c Context<'_>, target: &str) -> Option<&'c Practice> {
    let target = normalize_target(target);
    let (keyword, name) = target.split_once(' ')?;
    let kind = [
        PracticeKind::Statement,
        PracticeKind::Cookie,
        PracticeKind::Sharing,
        PracticeKind::Retention,
    ]
    .into_iter()
    .find(|k| k.keyword() == keyword)?;
    cx.practice(kind, name)
}

/// Every flow of the practice a target names; for `promise NAME`, the promise.
pub(crate) fn flows_of_target(cx: &Context<'_>, target: &str) -> Vec<Flow> {
    if let Some(p) = practice(cx, target) {
        return p.rows().map(|r| flow(&r, None)).collect();
    }
    let target = normalize_target(target);
    if let Some(name) = target.strip_prefix("promise ") {
        if let Some(p) = cx.policy.promises.iter().find(|p| p.name == name) {
            return vec![Flow {
                practice: target.clone(),
                promise: Some(promise_key(p)),
                ..Flow::default()
            }];
        }
    }
    Vec::new()
}

/// Fills in the flows of findings that recorded none, then gives every finding
/// with a target the fingerprint of its code and target over the flows of all
/// the findings there.
pub(crate) fn assign(cx: &Context<'_>, diagnostics: &mut [Diagnostic]) {
    let mut groups: BTreeMap<(Code, String), BTreeSet<Flow>> = BTreeMap::new();
    for d in diagnostics.iter_mut() {
        let Some(target) = d.target.as_deref() else {
            continue;
        };
        if d.flows.is_empty() {
            d.flows = flows_of_target(cx, target);
        }
        groups
            .entry((d.code, normalize_target(target)))
            .or_default()
            .extend(d.flows.iter().cloned());
    }
    for d in diagnostics.iter_mut() {
        let Some(target) = d.target.as_deref() else {
            continue;
        };
        let key = (d.code, normalize_target(target));
        if let Some(flows) = groups.get(&key) {
            d.fingerprint = Some(fingerprint(d.code.id(), &key.1, flows));
        }
    }
}

/// Fingerprints for findings about no policy's practices (set-level checks).
pub(crate) fn assign_without_flows(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.fingerprint.is_none()) {
        if let Some(target) = d.target.as_deref() {
            d.fingerprint = Some(fingerprint(d.code.id(), target, &d.flows));
        }
    }
}
