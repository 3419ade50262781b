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

use super::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::Row;
use crate::model::{Claim, Exception, Promise};
use crate::span::Origin;
use crate::vocabulary::{Required, Term};
pub(crate) use scope::Scoped;
use std::fmt::Write as _;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for promise in &cx.policy.promises {
        let scoped = Scoped::new(cx, promise);
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
    }
}

fn excepts(promise: &Promise, e: Exception) -> bool {
    promise.except.contains(&e)
}

/// Why a flow is excused by the promise's exceptions, if it is.
pub(crate) fn excused(promise: &Promise, row: &Row<'_>) -> Option<String> {
    if let Some(r) = row.recipient {
        if let Some(b) = r.basis.filter(|b| excepts(promise, *b)) {
            return Some(format!(
                "recipient `{}` has basis `{}`, which the promise excepts",
                r.name,
                exception_word(b)
            ));
        }
        if promise
            .allow
            .iter()
            .any(|a| *a == r.name || r.kind.is_some_and(|k| k.word() == a))
        {
            return Some(format!("recipient `{}` is allowed by the promise", r.name));
        }
    }
    if excepts(promise, Exception::Consent) {
        if let Some(u) = row.purpose.filter(|u| u.choice == Required::OptIn) {
            return Some(format!("purpose `{}` is opt-in (consent)", u.purpose));
        }
        if let Some(r) = row.recipient.filter(|r| r.choice == Required::OptIn) {
            return Some(format!("recipient `{}` is opt-in (consent)", r.name));
        }
    }
    if excepts(promise, Exception::Aggregate) && !row.practice.identifiable() {
        return Some("the data is not identifiable (aggregate)".to_string());
    }
    None
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
