//! Promises against practices (`C4xx`): every `promise` is a claim scoped by data,
//! cookies, recipients, subjects and purposes, held against every flow of the
//! facts table (statements, cookies, sharing rules, retention rules) in its scope.
//! A broken promise is an error at the practice, labelled at the promise and at the
//! flow that breaks it.
//!
//! Exceptions (`except`, `allow`) excuse a flow when:
//! - its recipient's `basis` is in the `except` list (sharing rules carry one);
//! - its recipient is named in `allow`, by name or by P3P kind (`same`);
//! - `consent` is excepted and the purpose or the recipient is `opt-in`;
//! - `aggregate` is excepted and the practice is not identifiable (as declared
//!   and as derived: a flag cannot hide a name or an email);
//! - `as-disclosed` limits sharing and sale promises to undisclosed practices,
//!   which a written practice never is.

mod collection;
mod cookies;
mod flows;
mod notice;
mod opt_out;
mod purpose;
mod retention;
mod scope;
mod trace;

use super::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::Row;
use crate::model::{Claim, Exception, Promise};
use crate::span::Origin;
use crate::vocabulary::{Required, Term};
pub(crate) use scope::Scoped;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
pub use trace::{
    describe as describe_decision, render_traces, Decision, Outcome, PracticeTrace, PromiseTrace,
};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    run(cx, out, None);
}

/// Every promise of the policy with the practices it was held to and why each
/// passed or broke it, as the checks decided.
pub(crate) fn traces(cx: &Context<'_>) -> Vec<PromiseTrace> {
    let mut out = Vec::new();
    let mut traces = Vec::new();
    run(cx, &mut out, Some(&mut traces));
    traces
}

fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>, mut traces: Option<&mut Vec<PromiseTrace>>) {
    for promise in &cx.policy.promises {
        let mut scoped = Scoped::new(cx, promise);
        if traces.is_some() {
            scoped.record();
        }
        let start = out.len();
        match &promise.claim {
            Claim::NoSale => flows::no_sale(cx, &scoped, out),
            Claim::NoThirdPartySharing => flows::no_third_party_sharing(cx, &scoped, out),
            Claim::NoFlow | Claim::Silo => flows::no_flow(cx, &scoped, out),
            Claim::ConsentOnlyPublication => flows::consent_only_publication(cx, &scoped, out),
            Claim::CookiesNotLinked => cookies::not_linked(cx, &scoped, out),
            Claim::NoCrossSiteTracking => cookies::no_cross_site(cx, &scoped, out),
            Claim::NotifyBeforeNewUse => notice::before_new_use(cx, promise, out),
            Claim::NotifyNewUse => notice::new_use(cx, promise, out),
            Claim::OptOutProcedure => opt_out::procedure(cx, &scoped, out),
            Claim::NotLinked(_) => collection::not_linked(cx, &scoped, out),
            Claim::NoIdentifiableCollection(_) => {
                collection::no_identifiable_collection(cx, &scoped, out);
            }
            Claim::OnlyStatedPurpose => purpose::only_stated(cx, &scoped, out),
            Claim::NoStorage => retention::no_storage(cx, &scoped, out),
            Claim::RetentionCeiling(period) => retention::ceiling(cx, &scoped, period, out),
        }
        if let Some(traces) = traces.as_deref_mut() {
            traces.push(trace_of(cx, promise, scoped, &out[start..]));
        }
    }
}

/// The trace of one promise from its recorder and the findings it produced.
fn trace_of(
    cx: &Context<'_>,
    promise: &Promise,
    scoped: Scoped<'_>,
    found: &[Diagnostic],
) -> PromiseTrace {
    let mut broken: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in found {
        let mut practices: BTreeSet<&str> = d.flows.iter().map(|f| f.practice.as_str()).collect();
        if let Some(t) = d.target.as_deref() {
            practices.insert(t);
        }
        for p in practices {
            broken
                .entry(p.to_string())
                .or_default()
                .insert(d.code.id().to_string());
        }
    }
    let mut broken_by: Vec<String> = found.iter().map(|d| d.code.id().to_string()).collect();
    broken_by.sort();
    broken_by.dedup();
    let notice = matches!(
        promise.claim,
        Claim::NotifyBeforeNewUse | Claim::NotifyNewUse
    );
    let practices = if notice {
        Vec::new()
    } else {
        let claim = &promise.claim;
        scoped
            .take_trace()
            .unwrap_or_default()
            .finish(&cx.facts, &broken, &|p| unexamined(claim, p))
    };
    PromiseTrace {
        policy: cx.policy.name.clone(),
        promise: promise.name.clone(),
        claim: crate::check::fingerprint::claim_text(&promise.claim),
        says: promise.says.clone(),
        span: promise.origin.span().copied(),
        held_to: notice.then(|| match &cx.policy.changes {
            Some(c) => format!(
                "the `changes` block: notify {}{}{}",
                if c.notify.is_empty() {
                    "(none)".to_string()
                } else {
                    c.notify
                        .iter()
                        .map(serde_word)
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                if c.before_effective {
                    ", before-effective"
                } else {
                    ""
                },
                if c.consent_for_new_uses {
                    ", consent-for-new-uses"
                } else {
                    ""
                },
            ),
            None => "the `changes` block, which the policy does not have".to_string(),
        }),
        broken_by,
        practices,
    }
}

/// Why a practice the claim never looked at passed it.
fn unexamined(claim: &Claim, p: &crate::facts::Practice) -> String {
    use crate::facts::PracticeKind as K;
    match (claim, p.kind) {
        (Claim::NoSale, K::Sharing) => "the rule is not a sale".to_string(),
        (Claim::NoSale, _) => "only sharing rules sell data".to_string(),
        (Claim::CookiesNotLinked | Claim::NoCrossSiteTracking, K::Cookie) => {
            "the cookie is out of the claim's reach".to_string()
        }
        (Claim::CookiesNotLinked | Claim::NoCrossSiteTracking, _) => {
            "the claim is about cookies".to_string()
        }
        (Claim::NoIdentifiableCollection(_), K::Sharing | K::Retention) => {
            "the claim is about collection (statements and cookies)".to_string()
        }
        (_, K::Retention) => {
            "retention rules restate the statements' data; the statements are the flows".to_string()
        }
        _ => format!("the claim does not hold a {} to it", p.kind.noun()),
    }
}

fn excepts(promise: &Promise, e: Exception) -> bool {
    promise.except.contains(&e)
}

/// Which exception of the promise excuses a flow (`basis`, `allow`, `consent`,
/// `aggregate`) and why, if one does.
pub(crate) fn excuse(promise: &Promise, row: &Row<'_>) -> Option<(&'static str, String)> {
    if let Some(r) = row.recipient {
        if let Some(b) = r.basis.filter(|b| excepts(promise, *b)) {
            return Some((
                "basis",
                format!(
                    "recipient `{}` has basis `{}`, which the promise excepts",
                    r.name,
                    exception_word(b)
                ),
            ));
        }
        if promise
            .allow
            .iter()
            .any(|a| *a == r.name || r.kind.is_some_and(|k| k.word() == a))
        {
            return Some((
                "allow",
                format!("recipient `{}` is allowed by the promise", r.name),
            ));
        }
    }
    if excepts(promise, Exception::Consent) {
        if let Some(u) = row.purpose.filter(|u| u.choice == Required::OptIn) {
            return Some((
                "consent",
                format!("purpose `{}` is opt-in (consent)", u.purpose),
            ));
        }
        if let Some(r) = row.recipient.filter(|r| r.choice == Required::OptIn) {
            return Some((
                "consent",
                format!("recipient `{}` is opt-in (consent)", r.name),
            ));
        }
    }
    if excepts(promise, Exception::Aggregate) && !row.practice.identifiable() {
        return Some((
            "aggregate",
            "the data is not identifiable (aggregate)".to_string(),
        ));
    }
    None
}

/// The kebab-case word serde gives a unit enum value.
fn serde_word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn exception_word(e: Exception) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A flow in words: "`share marketers`: `user.home-info.online.email` for
/// `contact` (opt-out) to `buyers` (unrelated)".
pub(crate) fn describe(row: &Row<'_>) -> String {
    let mut s = format!("`{}`", row.practice.target());
    if let Some(d) = row.data {
        let _ = write!(s, ": `{}`", d.leaf.text());
    }
    if let Some(subject) = row.subject {
        let _ = write!(s, " from `{}`", subject.name);
    }
    if let Some(u) = row.purpose {
        let _ = write!(s, " for `{}` ({})", u.purpose, u.choice);
    }
    if let Some(r) = row.recipient {
        let _ = write!(
            s,
            " to `{}` ({})",
            r.name,
            r.kind.map_or("undefined", Term::word)
        );
    }
    s
}

/// The finding for a broken promise: at `at`, labelled at the promise and at the
/// first of the flows that break it; all of them are the finding's flows (its
/// fingerprint). Without rows the finding is about the promise itself.
pub(crate) fn broken(
    cx: &Context<'_>,
    code: Code,
    promise: &Promise,
    message: String,
    at: &[&Origin],
    rows: &[Row<'_>],
) -> Diagnostic {
    let mut d = cx.diag(code, message, at).label(
        &promise.origin,
        format!("promised here: \"{}\"", shorten(&promise.says)),
    );
    if let Some(row) = rows.first() {
        let origin = row.data.map_or(&row.practice.origin, |d| &d.origin);
        d = d.label(origin, format!("flow: {}", describe(row)));
        d = d.target(row.practice.target());
        d.flows = rows
            .iter()
            .map(|r| crate::check::fingerprint::flow(r, Some(promise)))
            .collect();
    } else {
        d.flows = vec![crate::diagnostic::Flow {
            practice: format!("promise {}", promise.name),
            promise: Some(crate::check::fingerprint::promise_key(promise)),
            ..crate::diagnostic::Flow::default()
        }];
    }
    d
}

/// The first 60 characters of a promise's wording, for labels.
pub(crate) fn shorten(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}

pub(crate) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
