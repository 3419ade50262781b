//! Per-practice GDPR items: purposes and their legal bases (checked on every
//! block the data flows through), legitimate interests, recipients, storage,
//! Art. 13(2)(e) requirement, automated decisions, Art. 14 sources, special
//! categories.

use super::flows::{retention_stated, Kind, Practice};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::RequirementKind;
use crate::vocabulary::{LawTerm, LegalBasis, Purpose, Required, Term};

pub(super) fn check(cx: &Context<'_>, practices: &[Practice<'_>], out: &mut Vec<Diagnostic>) {
    for pr in practices {
        bases(cx, pr, out);
        if !pr.identifiable {
            continue;
        }
        let target = pr.target();
        let at = |code: Code, msg: String, help: &str, origins: &[&crate::span::Origin]| {
            cx.diag(code, msg, origins)
                .help(help.to_string())
                .target(target.clone())
        };
        if pr.purposes.is_empty() {
            out.push(at(
                Code::GdprPurpose,
                format!("{target} states no purpose (GDPR Art. 13(1)(c))"),
                "add `for ...` with the purposes",
                &[pr.origin],
            ));
        }
        if pr.kind == Kind::Collect && pr.fact.recipients.is_empty() {
            out.push(at(
                Code::GdprRecipients,
                format!("{target} does not say who receives the data (GDPR Art. 13(1)(e))"),
                "add `to ours` and the other recipients",
                &[pr.origin],
            ));
        }
        if pr.kind != Kind::Share && !retention_stated(cx, pr) {
            let origins = [
                pr.fact.retention.as_ref().map_or(pr.origin, |r| &r.origin),
                pr.origin,
            ];
            out.push(at(
                Code::GdprRetention,
                format!("{target} does not state how long the data is kept or the criteria (GDPR Art. 13(2)(a))"),
                "write the period or criteria, e.g. `retain stated-purpose \"13 months after your last order\"`",
                &origins,
            ));
        }
        requirement(cx, pr, out);
        automated(cx, pr, out);
        source(cx, pr, out);
        special(cx, pr, out);
    }
}

fn bases(cx: &Context<'_>, pr: &Practice<'_>, out: &mut Vec<Diagnostic>) {
    let target = pr.target();
    for b in &pr.law.bases {
        if let Some(purpose) = b.purpose {
            if !pr.purposes.iter().any(|u| u.purpose == purpose) {
                out.push(
                    cx.diag(
                        Code::GdprBasisPurpose,
                        format!(
                            "`basis {purpose} ...` in {target}, which has no purpose `{purpose}`"
                        ),
                        &[&b.origin],
                    )
                    .help("fix the purpose, or add it to `for`")
                    .target(target.clone()),
                );
            }
        }
        if b.basis == LegalBasis::LegitimateInterests
            && b.interest.as_deref().is_none_or(|t| t.trim().is_empty())
        {
            out.push(
                cx.diag(
                    Code::GdprInterest,
                    format!("{target} rests on legitimate interests without saying which (GDPR Art. 13(1)(d), 14(2)(b))"),
                    &[&b.origin],
                )
                .help("write the interest after the basis: `basis legitimate-interests \"...\"`")
                .target(target.clone()),
            );
        }
    }
    if !pr.identifiable {
        return;
    }
    for u in pr.purposes {
        match pr.basis_for(u.purpose) {
            None => out.push(
                cx.diag(
                    Code::GdprBasis,
                    format!(
                        "purpose `{}` of {target} has no legal basis (GDPR Art. 6(1), 13(1)(c))",
                        u.purpose.word()
                    ),
                    &[&u.origin, pr.origin],
                )
                .help(format!(
                    "add `basis {} BASIS` or `basis BASIS` for the whole block; bases: {}",
                    u.purpose.word(),
                    LegalBasis::ALL
                        .iter()
                        .map(|b| b.word())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .target(target.clone()),
            ),
            Some(b) if b.basis == LegalBasis::Consent && pr.choice(u) != Required::OptIn => {
                let mut d = cx
                    .diag(
                        Code::GdprConsentChoice,
                        format!(
                            "purpose `{}` of {target} rests on consent but is not opt-in (GDPR Art. 4(11), 7)",
                            u.purpose.word()
                        ),
                        &[&u.origin, pr.origin],
                    )
                    .help(if u.purpose == Purpose::Current {
                        "completing what the person asked for cannot be opt-in: use `contract` (or another basis) for `current`".to_string()
                    } else {
                        format!("write `{} opt-in` in `for`, or choose another basis", u.purpose.word())
                    })
                    .target(target.clone());
                if let Some(decl) = b.declared {
                    d = d.label(&decl.origin, "consent is declared here");
                }
                out.push(d);
            }
            Some(_) => {}
        }
    }
}

fn requirement(cx: &Context<'_>, pr: &Practice<'_>, out: &mut Vec<Diagnostic>) {
    // Art. 13(2)(e) applies to data collected from the person.
    if pr.kind != Kind::Collect || pr.law.source.is_some() || pr.fact.data.is_empty() {
        return;
    }
    let target = pr.target();
    match &pr.law.requirement {
        None => out.push(
            cx.diag(
                Code::GdprRequirement,
                format!("{target} does not say whether giving the data is required (GDPR Art. 13(2)(e))"),
                &[pr.origin],
            )
            .help("add `requirement statutory|contractual|contract-entry|voluntary \"what happens if it is not given\"`")
            .target(target),
        ),
        Some(r)
            if r.kind != RequirementKind::Voluntary
                && r.consequence.as_deref().is_none_or(|t| t.trim().is_empty()) =>
        {
            out.push(
                cx.diag(
                    Code::GdprConsequence,
                    format!("{target} does not say what happens if the data is not given (GDPR Art. 13(2)(e))"),
                    &[&r.origin],
                )
                .help("write the consequence after the requirement, e.g. `requirement contractual \"Without it we cannot deliver your order.\"`")
                .target(target),
            );
        }
        Some(_) => {}
    }
}

fn automated(cx: &Context<'_>, pr: &Practice<'_>, out: &mut Vec<Diagnostic>) {
    let target = pr.target();
    let empty = |v: &Option<String>| v.as_deref().is_none_or(|t| t.trim().is_empty());
    match &pr.law.automated {
        Some(a) => {
            if empty(&a.logic) {
                out.push(
                    cx.diag(
                        Code::GdprAutomatedLogic,
                        format!("the automated decision in {target} does not explain its logic (GDPR Art. 13(2)(f), 14(2)(g))"),
                        &[&a.origin],
                    )
                    .help("add `logic \"...\"` to the `automated` block")
                    .target(target.clone()),
                );
            }
            if empty(&a.effects) {
                out.push(
                    cx.diag(
                        Code::GdprAutomatedEffects,
                        format!("the automated decision in {target} does not state its significance and consequences (GDPR Art. 13(2)(f), 14(2)(g))"),
                        &[&a.origin],
                    )
                    .help("add `effects \"...\"` to the `automated` block")
                    .target(target),
                );
            }
        }
        None => {
            if let Some(u) = pr
                .purposes
                .iter()
                .find(|u| u.purpose == Purpose::IndividualDecision)
            {
                out.push(
                    cx.diag(
                        Code::GdprAutomatedUndeclared,
                        format!("{target} makes individual decisions but says nothing of automated decision-making (GDPR Art. 22, 13(2)(f))"),
                        &[&u.origin, pr.origin],
                    )
                    .help("add `automated { logic \"...\" effects \"...\" }`, or acknowledge the finding if no decision is solely automated")
                    .target(target),
                );
            }
        }
    }
}

fn source(cx: &Context<'_>, pr: &Practice<'_>, out: &mut Vec<Diagnostic>) {
    let Some(s) = &pr.law.source else {
        return;
    };
    let target = pr.target();
    if pr.fact.data.is_empty() && pr.kind != Kind::Cookie {
        out.push(
            cx.diag(
                Code::GdprCategories,
                format!("{target} obtains data from another source but does not say which data (GDPR Art. 14(1)(d))"),
                &[pr.origin],
            )
            .help("add `data ...`")
            .target(target.clone()),
        );
    }
    if s.description.as_deref().is_none_or(|t| t.trim().is_empty()) {
        out.push(
            cx.diag(
                Code::GdprSource,
                format!("{target} does not say where the data comes from (GDPR Art. 14(2)(f))"),
                &[&s.origin],
            )
            .help("describe the source: `source third-party \"our resellers\"`")
            .target(target),
        );
    }
}

fn special(cx: &Context<'_>, pr: &Practice<'_>, out: &mut Vec<Diagnostic>) {
    if !pr.law.conditions.is_empty() {
        return;
    }
    if let Some((kind, at)) = pr
        .sensitive()
        .into_iter()
        .find(|(s, _)| s.is_gdpr_special())
    {
        out.push(
            cx.diag(
                Code::GdprSpecialCategory,
                format!(
                    "{} processes special-category data ({}) without an Art. 9(2) condition (GDPR Art. 9)",
                    pr.target(),
                    kind.label().to_lowercase()
                ),
                &[at, pr.origin],
            )
            .help("add `condition explicit-consent` (or another Art. 9(2) condition)")
            .target(pr.target()),
        );
    }
}
