//! Claims about where data goes: `no-sale`, `no-third-party-sharing`, `no-flow`,
//! `silo` and `consent-only-publication`.

use super::{broken, excepts, quoted, Scoped};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{PracticeKind, Row};
use crate::model::{Claim, Exception};
use crate::vocabulary::{Recipient, Required};

/// The rows of each practice the claim is about (`applies`: `Err` says why a
/// row is not), in scope and not excused, practice by practice.
fn offending<'f>(
    cx: &'f Context<'_>,
    scoped: &Scoped<'_>,
    applies: impl Fn(&Row<'f>) -> Result<(), &'static str>,
) -> Vec<Vec<Row<'f>>> {
    cx.facts
        .practices
        .iter()
        .map(|p| {
            p.rows()
                .filter(|r| match applies(r) {
                    Err(why) => {
                        scoped.skip(p, || why.to_string());
                        false
                    }
                    Ok(()) => scoped.row(r) && scoped.excused(r).is_none(),
                })
                .collect::<Vec<_>>()
        })
        .filter(|rows| !rows.is_empty())
        .map(|mut rows| {
            // The flow shown first is one of identifying data, where there is one.
            rows.sort_by_key(|r| r.data.is_none_or(|d| d.identifying.is_none()));
            rows
        })
        .collect()
}

/// `except as-disclosed`: every practice of the policy is disclosed.
fn as_disclosed(cx: &Context<'_>, scoped: &Scoped<'_>) {
    for p in &cx.facts.practices {
        scoped.excepted(p, "as-disclosed", || {
            "the promise excepts what the policy discloses, and the policy writes this practice"
                .to_string()
        });
    }
}

/// A row's recipient, when it is a third party.
fn to_third_party(r: &Row<'_>) -> Result<(), &'static str> {
    match r.recipient {
        None => Err("the flow has no recipient"),
        Some(rec) if !rec.third_party() => Err("the recipient is `ours` (not a third party)"),
        Some(_) => Ok(()),
    }
}

pub(super) fn no_sale(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    if excepts(promise, Exception::AsDisclosed) {
        as_disclosed(cx, scoped);
        return;
    }
    // The claim is about personal data: selling aggregate data does not break it.
    let rows = offending(cx, scoped, |r| {
        if r.practice.kind != PracticeKind::Sharing {
            Err("only sharing rules sell data")
        } else if !r.practice.sale {
            Err("the rule is not a sale (`sale no`)")
        } else if !r.practice.identifiable() {
            Err("the data sold identifies no one")
        } else {
            Ok(())
        }
    });
    for rows in rows {
        let row = &rows[0];
        let p = row.practice;
        out.push(
            broken(
                cx,
                Code::BrokenNoSale,
                promise,
                format!(
                    "sharing rule `{}` sells identifiable data, but promise `{}` says personal data is not sold",
                    p.name, promise.name
                ),
                &[&p.origin],
                &rows,
            )
            .help("make the rule `sale no` or `non-identifiable`, give it a `basis` the promise excepts, or correct the promise"),
        );
    }
}

const SHARING_HELP: &str = "remove the third party, state the exception the policy makes (`except ...` or `allow RECIPIENT` on the promise, `basis ...` on the rule or after the recipient: `to NAME basis ...`), narrow the promise with a scope line (`data`, `recipients`, `subjects`, `purposes`), or correct the promise";

pub(super) fn no_third_party_sharing(
    cx: &Context<'_>,
    scoped: &Scoped<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let promise = scoped.promise;
    if excepts(promise, Exception::AsDisclosed) {
        as_disclosed(cx, scoped);
        return;
    }
    for rows in offending(cx, scoped, to_third_party) {
        let p = rows[0].practice;
        let mut parties: Vec<&str> = Vec::new();
        for r in &rows {
            if let Some(rec) = r.recipient {
                if !parties.contains(&rec.name.as_str()) {
                    parties.push(&rec.name);
                }
            }
        }
        if p.kind == PracticeKind::Sharing {
            out.push(
                broken(
                    cx,
                    Code::BrokenNoThirdPartySharing,
                    promise,
                    format!(
                        "sharing rule `{}` gives {}data to third party {}, but promise `{}` says data is not shared with third parties",
                        p.name,
                        if p.identifiable() { "" } else { "non-identifiable " },
                        quoted(&parties),
                        promise.name
                    ),
                    &[&p.origin],
                    &rows,
                )
                .help(SHARING_HELP),
            );
            continue;
        }
        for name in parties {
            let to_party: Vec<Row<'_>> = rows
                .iter()
                .filter(|r| r.recipient.is_some_and(|rec| rec.name == name))
                .copied()
                .collect();
            let Some(row) = to_party.first() else {
                continue;
            };
            let origin = row.recipient.map_or(&p.origin, |r| &r.origin);
            out.push(
                broken(
                    cx,
                    Code::BrokenNoThirdPartySharing,
                    promise,
                    format!(
                        "{} `{}` gives data to third party `{name}`, but promise `{}` says data is not shared with third parties",
                        p.kind.keyword(),
                        p.name,
                        promise.name
                    ),
                    &[origin, &p.origin],
                    &to_party,
                )
                .help(SHARING_HELP),
            );
        }
    }
}

/// `no-flow` and `silo`: no flow in scope may exist at all.
pub(super) fn no_flow(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    let silo = promise.claim == Claim::Silo;
    for rows in offending(cx, scoped, |r| {
        // Retention rules restate statements' data: the statements are the flows.
        if r.practice.kind == PracticeKind::Retention {
            Err("retention rules restate the statements' data; the statements are the flows")
        } else if silo && r.recipient.is_none() {
            Err("the flow has no recipient, so it passes nothing to another party")
        } else {
            Ok(())
        }
    }) {
        let row = &rows[0];
        let p = row.practice;
        let (code, what) = if silo {
            (
                Code::BrokenSilo,
                format!(
                    "{} `{}` passes data from `{}` to `{}`, but promise `{}` says the data of one stays apart from the other",
                    p.kind.noun(),
                    p.name,
                    row.subject.map_or("everyone", |s| s.name.as_str()),
                    row.recipient.map_or("?", |r| r.name.as_str()),
                    promise.name
                ),
            )
        } else {
            (
                Code::BrokenNoFlow,
                format!(
                    "{} `{}` has a flow that promise `{}` says does not happen",
                    p.kind.noun(),
                    p.name,
                    promise.name
                ),
            )
        };
        let at = row.recipient.map_or(&p.origin, |r| &r.origin);
        out.push(
            broken(cx, code, promise, what, &[at, &p.origin], &rows)
                .help("remove the flow, narrow the promise's scope to what it really says, or acknowledge a contradiction the source text contains"),
        );
    }
}

pub(super) fn consent_only_publication(
    cx: &Context<'_>,
    scoped: &Scoped<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let promise = scoped.promise;
    let consented = |r: &Row<'_>| {
        r.recipient.is_some_and(|x| x.choice == Required::OptIn)
            || r.purpose.is_some_and(|u| u.choice == Required::OptIn)
    };
    for rows in offending(cx, scoped, |r| {
        if r.recipient
            .is_none_or(|x| x.kind != Some(Recipient::Public))
        {
            Err("the recipient is not `public`: nothing is published")
        } else if consented(r) {
            Err("the publication is opt-in (consent)")
        } else {
            Ok(())
        }
    }) {
        let row = &rows[0];
        let p = row.practice;
        let at = row.recipient.map_or(&p.origin, |r| &r.origin);
        out.push(
            broken(
                cx,
                Code::BrokenConsentOnlyPublication,
                promise,
                format!(
                    "{} `{}` publishes data (recipient `{}` is `public`) without an opt-in, but promise `{}` says it is published only with consent",
                    p.kind.noun(),
                    p.name,
                    row.recipient.map_or("?", |r| r.name.as_str()),
                    promise.name
                ),
                &[at, &p.origin],
                &rows,
            )
            .help("make the public recipient (or the purpose) `opt-in`, or correct the promise"),
        );
    }
}
