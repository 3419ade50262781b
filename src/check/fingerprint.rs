//! Gives every finding with a target its fingerprint (`crate::diagnostic::fingerprint`):
//! the flows it is about, as the checks recorded them (promise findings record
//! the flows that break the promise) or, for the other checks, every flow of the
//! practice its target names; then one fingerprint per code and target.

use super::context::Context;
use crate::diagnostic::{fingerprint, normalize_target, Code, Diagnostic, Flow};
use crate::facts::{Practice, PracticeKind, Row};
use crate::model::{Claim, Promise};
use crate::vocabulary::Term;
use std::collections::{BTreeSet, HashMap};

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

/// A target as [`normalize_target`] writes it, without copying one that is already.
pub(crate) fn normalized(target: &str) -> std::borrow::Cow<'_, str> {
    let plain = !target.starts_with(' ')
        && !target.ends_with(' ')
        && !target.contains("  ")
        && target.chars().all(|c| c == ' ' || !c.is_whitespace());
    if plain {
        std::borrow::Cow::Borrowed(target)
    } else {
        std::borrow::Cow::Owned(normalize_target(target))
    }
}

/// A fingerprint group: the policy whose checks found the findings, their code
/// and their target (normalized).
pub(crate) type GroupKey = (usize, Code, String);

/// The flows of one group as they are gathered.
#[derive(Default)]
struct Gathered {
    flows: BTreeSet<Flow>,
    /// Some finding recorded no flows: it is about every flow of its target.
    of_target: bool,
}

/// The fingerprint of every group in `keys`: its code and target over the flows
/// of all the findings there (those that recorded none are about every flow of
/// the practice their target names), in one pass over `findings`.
/// `contexts[i]` is the context of the policy with index `i`.
pub(crate) fn group_fingerprints<'d>(
    contexts: &[Context<'_>],
    findings: impl Iterator<Item = &'d Diagnostic>,
    keys: BTreeSet<GroupKey>,
) -> HashMap<GroupKey, String> {
    if keys.is_empty() {
        return HashMap::new();
    }
    let mut gathered: HashMap<(usize, Code), HashMap<String, Gathered>> = HashMap::new();
    for (policy, code, target) in keys {
        gathered
            .entry((policy, code))
            .or_default()
            .insert(target, Gathered::default());
    }
    for d in findings {
        let (Some(policy), Some(target)) = (d.pending, d.target.as_deref()) else {
            continue;
        };
        let Some(targets) = gathered.get_mut(&(policy, d.code)) else {
            continue;
        };
        let Some(g) = targets.get_mut(normalized(target).as_ref()) else {
            continue;
        };
        if d.flows.is_empty() {
            g.of_target = true;
        } else {
            g.flows.extend(d.flows.iter().cloned());
        }
    }
    let mut out = HashMap::new();
    for ((policy, code), targets) in gathered {
        for (target, mut g) in targets {
            if g.of_target {
                if let Some(cx) = contexts.get(policy) {
                    g.flows.extend(flows_of_target(cx, &target));
                }
            }
            let fp = fingerprint(code.id(), &target, &g.flows);
            out.insert((policy, code, target), fp);
        }
    }
    out
}

/// The group of a finding whose fingerprint is pending.
pub(crate) fn group_key(d: &Diagnostic) -> Option<GroupKey> {
    Some((
        d.pending?,
        d.code,
        normalized(d.target.as_deref()?).into_owned(),
    ))
}

/// The flows a finding is about: those it recorded, or, for a pending finding
/// that recorded none, every flow of the practice its target names.
pub(crate) fn flows_of(contexts: &[Context<'_>], d: &Diagnostic) -> Vec<Flow> {
    match (d.pending, d.target.as_deref()) {
        (Some(policy), Some(target)) if d.flows.is_empty() => contexts
            .get(policy)
            .map(|cx| flows_of_target(cx, target))
            .unwrap_or_default(),
        _ => d.flows.clone(),
    }
}

/// How every finding was fingerprinted before fingerprints were computed on
/// demand (the reference the tests hold [`group_fingerprints`] to): fills in the
/// flows of findings that recorded none, then gives every finding with a target
/// the fingerprint of its code and target over the flows of all the findings there.
#[cfg(test)]
pub(crate) fn assign_eagerly(cx: &Context<'_>, diagnostics: &mut [Diagnostic]) {
    let mut groups: std::collections::BTreeMap<(Code, String), BTreeSet<Flow>> =
        std::collections::BTreeMap::new();
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
