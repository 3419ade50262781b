//! Declared flags against derived facts (`F1xx`): a flag that says no where the
//! data says yes is a finding at the flag, labelled at the data that contradicts it.

use super::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{Derived, Practice, PracticeKind, RecipientRole};
use crate::model::Exception;
use crate::span::Origin;
use crate::vocabulary::{identifying, Recipient};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.facts.practices {
        match p.kind {
            PracticeKind::Statement | PracticeKind::Sharing => non_identifiable(cx, p, out),
            PracticeKind::Cookie => {
                not_linked(cx, p, out);
                not_cross_site(cx, p, out);
            }
            PracticeKind::Retention => {}
        }
        if p.kind == PracticeKind::Sharing && p.sale {
            sale(cx, p, out);
        }
    }
    described_buyer(cx, out);
}

/// A recipient declared `ours` (an agent of the site) whose own description
/// says it buys the data or uses it for itself (F104, as for `sale yes`).
fn described_buyer(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in cx
        .policy
        .recipients
        .iter()
        .filter(|r| r.kind == Recipient::Ours)
    {
        let target = format!("recipient {}", r.name);
        if out
            .iter()
            .any(|d| d.code == Code::DeclaredOursSold && d.target.as_deref() == Some(&target))
        {
            continue;
        }
        let Some(phrase) = r.description.as_deref().and_then(identifying::buyer_phrase) else {
            continue;
        };
        out.push(
            cx.diag(
                Code::DeclaredOursSold,
                format!(
                    "recipient `{}` is declared `ours` (an agent of the site), but its description says \"{phrase}\": a buyer uses the data for itself",
                    r.name
                ),
                &[&r.origin],
            )
            .help("declare the recipient's real kind (`other-recipient`, `unrelated`), or correct its description")
            .target(target),
        );
    }
}

/// Where a flag is written in a practice's block (its keyword line), else the practice.
fn flag_at(cx: &Context<'_>, p: &Practice, keyword: &str) -> Origin {
    cx.locate_name(&p.origin, keyword, keyword)
}

/// Labels at the first three reasons of a derived value.
fn with_reasons(mut d: Diagnostic, derived: &Derived) -> Diagnostic {
    for r in derived.because.iter().take(3) {
        d = d.label(&r.origin, r.detail.clone());
    }
    d
}

fn non_identifiable(cx: &Context<'_>, p: &Practice, out: &mut Vec<Diagnostic>) {
    if p.declared.identifiable != Some(false) || !p.derived.identifying.value {
        return;
    }
    let at = flag_at(cx, p, "non-identifiable");
    let d = cx
        .diag(
            Code::DeclaredNonIdentifiable,
            format!(
                "{} `{}` is marked `non-identifiable`, but {}",
                p.kind.noun(),
                p.name,
                p.derived.identifying.explain()
            ),
            &[&at, &p.origin],
        )
        .help("remove the identifying data (or move it to an identifiable practice), or drop `non-identifiable`; promises are held to the data either way")
        .target(p.target());
    out.push(with_reasons(d, &p.derived.identifying));
}

fn not_linked(cx: &Context<'_>, p: &Practice, out: &mut Vec<Diagnostic>) {
    if p.declared.linked != Some(false) || !p.derived.linked.value {
        return;
    }
    let at = flag_at(cx, p, "linked");
    let d = cx
        .diag(
            Code::DeclaredNotLinked,
            format!(
                "cookie `{}` says `linked no`, but {}",
                p.name,
                p.derived.linked.explain()
            ),
            &[&at, &p.origin],
        )
        .help("say `linked yes`, or change what the cookie holds")
        .target(p.target());
    out.push(with_reasons(d, &p.derived.linked));
}

fn not_cross_site(cx: &Context<'_>, p: &Practice, out: &mut Vec<Diagnostic>) {
    if p.declared.cross_site != Some(false) || !p.derived.cross_site.value {
        return;
    }
    let at = flag_at(cx, p, "cross-site");
    let d = cx
        .diag(
            Code::DeclaredNotCrossSite,
            format!(
                "cookie `{}` is not declared cross-site, but {}",
                p.name,
                p.derived.cross_site.explain()
            ),
            &[&at, &p.origin],
        )
        .help(
            "say `cross-site yes`, or make the cookie first-party and its purposes the site's own",
        )
        .target(p.target());
    out.push(with_reasons(d, &p.derived.cross_site));
}

fn sale(cx: &Context<'_>, p: &Practice, out: &mut Vec<Diagnostic>) {
    for r in p
        .recipients
        .iter()
        .filter(|r| r.role == RecipientRole::With && r.kind == Some(Recipient::Ours))
    {
        let def = cx
            .recipients
            .get(r.name.as_str())
            .map_or(&p.origin, |d| &d.origin);
        out.push(
            cx.diag(
                Code::DeclaredOursSold,
                format!(
                    "sharing rule `{}` sells data to `{}`, which is declared `ours` (an agent of the site); a buyer uses the data for itself",
                    p.name, r.name
                ),
                &[def],
            )
            .label(&p.origin, "`sale yes` here")
            .help("declare the recipient's real kind (`other-recipient`, `unrelated`), or correct `sale`")
            .target(format!("recipient {}", r.name)),
        );
    }
    let bad = |b: Exception| {
        matches!(
            b,
            Exception::LegalRequirement
                | Exception::ServiceProviders
                | Exception::Protection
                | Exception::Aggregate
        )
    };
    if let Some(b) = p
        .recipients
        .iter()
        .find_map(|r| r.basis)
        .filter(|b| bad(*b))
    {
        let at = flag_at(cx, p, "basis");
        out.push(
            cx.diag(
                Code::DeclaredSaleBasis,
                format!(
                    "sharing rule `{}` sells data with basis `{}`, which no sale has",
                    p.name,
                    super::promises::exception_word(b)
                ),
                &[&at, &p.origin],
            )
            .label(&p.origin, "`sale yes` in this rule")
            .help("give the basis the rule really has (`business-transfer`, `consent`) or none")
            .target(p.target()),
        );
    }
}
