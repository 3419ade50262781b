//! Policy-level GDPR items: controller, representative, DPO, rights,
//! complaint, transfers, children (Art. 8, 13, 14, 27, 44-49).

use super::flows::Practice;
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Entity, MinorConsent, Region, RightKind};
use crate::span::Origin;
use crate::vocabulary::{self, Law, LawTerm, LegalBasis, Purpose};

fn has_contact(e: &Entity) -> bool {
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    filled(&e.email) || filled(&e.phone) || filled(&e.url) || e.postal.is_some()
}

pub(super) fn check(
    cx: &Context<'_>,
    laws: &[Law],
    practices: &[Practice<'_>],
    out: &mut Vec<Diagnostic>,
) {
    let p = cx.policy;
    let legal = &p.legal;
    let at_policy = |code: Code, msg: String, help: &str, origins: &[&Origin]| {
        cx.diag(code, msg, origins)
            .help(help.to_string())
            .target(cx.policy_target())
    };

    // A13.1.a / A14.1.a: the controller.
    match &p.entity {
        Some(e) if has_contact(e) => {}
        Some(e) => out.push(at_policy(
            Code::GdprController,
            format!(
                "the controller `{}` has no contact details (GDPR Art. 13(1)(a))",
                e.name
            ),
            "add `email`, `phone`, `url` or `postal` to the `entity` block",
            &[&e.origin],
        )),
        None => out.push(at_policy(
            Code::GdprController,
            format!(
                "policy `{}` does not name the controller (GDPR Art. 13(1)(a))",
                p.name
            ),
            "add `entity \"Legal Name\" { email \"...\" }`",
            &[&p.origin],
        )),
    }

    // A13.1.a.rep: a representative where the controller is established elsewhere.
    let country = p
        .entity
        .as_ref()
        .and_then(|e| e.postal.as_ref())
        .and_then(|a| a.country.as_deref());
    for law in laws {
        let (region, inside, name) = match law {
            Law::UkGdpr => (Region::Uk, vocabulary::is_uk as fn(&str) -> bool, "the UK"),
            _ => (
                Region::Eu,
                vocabulary::is_eea as fn(&str) -> bool,
                "the EEA",
            ),
        };
        if let Some(c) = country {
            if !inside(c) && !legal.representatives.iter().any(|r| r.region == region) {
                let word = if region == Region::Uk { "uk" } else { "eu" };
                out.push(at_policy(
                    Code::GdprRepresentative,
                    format!(
                        "the controller is established in `{c}`, outside {name}, but no representative is named (GDPR Art. 27, 13(1)(a))"
                    ),
                    &format!("add `representative {word} \"Name\" {{ email \"...\" }}`"),
                    &[p.entity.as_ref().map_or(&p.origin, |e| &e.origin)],
                ));
            }
        }
    }
    for r in &legal.representatives {
        if !has_contact(&r.contact) {
            out.push(at_policy(
                Code::GdprRepresentative,
                format!(
                    "the representative `{}` has no contact details (GDPR Art. 13(1)(a))",
                    r.contact.name
                ),
                "add `email`, `phone`, `url` or `postal` to the `representative` block",
                &[&r.origin],
            ));
        }
    }

    // A13.1.b: DPO contact details.
    if let Some(dpo) = &legal.dpo {
        if !has_contact(dpo) {
            out.push(at_policy(
                Code::GdprDpoContact,
                format!(
                    "the DPO `{}` has no contact details (GDPR Art. 13(1)(b))",
                    dpo.name
                ),
                "add `email`, `phone`, `url` or `postal` to the `dpo` block",
                &[&dpo.origin],
            ));
        }
    }

    rights(cx, practices, out);
    transfers(cx, out);
    children(cx, practices, out);
}

/// The first purpose (with its practice) whose basis satisfies `pred`.
fn first_purpose<'a>(
    practices: &'a [Practice<'a>],
    pred: impl Fn(Purpose, Option<LegalBasis>) -> bool,
) -> Option<(&'a Practice<'a>, &'a Origin)> {
    for pr in practices.iter().filter(|pr| pr.identifiable) {
        for u in pr.purposes {
            let basis = pr.basis_for(u.purpose).map(|b| b.basis);
            if pred(u.purpose, basis) {
                return Some((pr, &u.origin));
            }
        }
    }
    None
}

#[allow(clippy::too_many_lines)] // one block per right, in the order of Art. 13(2)
fn rights(cx: &Context<'_>, practices: &[Practice<'_>], out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let has = |k: RightKind| p.rights.iter().any(|r| r.kind == k);
    let always = [
        (
            RightKind::Access,
            Code::GdprRightAccess,
            "access",
            "Art. 15",
        ),
        (
            RightKind::Correction,
            Code::GdprRightRectification,
            "rectification",
            "Art. 16",
        ),
        (
            RightKind::Deletion,
            Code::GdprRightErasure,
            "erasure",
            "Art. 17",
        ),
        (
            RightKind::Restriction,
            Code::GdprRightRestriction,
            "restriction",
            "Art. 18",
        ),
    ];
    for (kind, code, word, art) in always {
        if !has(kind) {
            out.push(
                cx.diag(
                    code,
                    format!(
                        "the notice does not state the right to {word} (GDPR {art}, 13(2)(b), 14(2)(c))"
                    ),
                    &[&p.origin],
                )
                .help(format!("add `right {word} \"how to exercise it\"`"))
                .target(cx.policy_target()),
            );
        }
    }
    // Objection: exists for legitimate interests, public task and direct marketing.
    if !has(RightKind::Objection) {
        if let Some((pr, at)) = first_purpose(practices, |purpose, basis| {
            matches!(
                basis,
                Some(LegalBasis::LegitimateInterests | LegalBasis::PublicTask)
            ) || matches!(purpose, Purpose::Contact | Purpose::Telemarketing)
        }) {
            out.push(
                cx.diag(
                    Code::GdprRightObjection,
                    format!(
                        "{} rests on legitimate interests, a public task or direct marketing, but the notice does not state the right to object (GDPR Art. 21, 13(2)(b))",
                        pr.target()
                    ),
                    &[at, pr.origin],
                )
                .help("add `right objection \"how to object\"`")
                .target(pr.target()),
            );
        }
    }
    // Portability: exists for consent and contract.
    if !has(RightKind::Export) {
        if let Some((pr, at)) = first_purpose(practices, |_, basis| {
            matches!(basis, Some(LegalBasis::Consent | LegalBasis::Contract))
        }) {
            out.push(
                cx.diag(
                    Code::GdprRightPortability,
                    format!(
                        "{} rests on consent or a contract, but the notice does not state the right to data portability (GDPR Art. 20, 13(2)(b))",
                        pr.target()
                    ),
                    &[at, pr.origin],
                )
                .help("add `right portability \"how to get your data\"`")
                .target(pr.target()),
            );
        }
    }
    // Withdrawal of consent.
    if !has(RightKind::WithdrawConsent) {
        let consent = first_purpose(practices, |_, basis| basis == Some(LegalBasis::Consent))
            .or_else(|| {
                practices
                    .iter()
                    .find(|pr| {
                        pr.law
                            .conditions
                            .contains(&crate::vocabulary::Art9Condition::ExplicitConsent)
                    })
                    .map(|pr| (pr, pr.origin))
            });
        if let Some((pr, at)) = consent {
            out.push(
                cx.diag(
                    Code::GdprWithdrawConsent,
                    format!(
                        "{} rests on consent, but the notice does not state the right to withdraw it (GDPR Art. 7(3), 13(2)(c), 14(2)(d))",
                        pr.target()
                    ),
                    &[at, pr.origin],
                )
                .help("add `right withdraw-consent \"how to withdraw, as easily as you gave it\"`")
                .target(pr.target()),
            );
        }
    }
    // Complaint to a supervisory authority.
    if !has(RightKind::Complaint) && p.legal.authority.is_none() {
        out.push(
            cx.diag(
                Code::GdprComplaint,
                "the notice does not state the right to complain to a supervisory authority (GDPR Art. 77, 13(2)(d), 14(2)(e))",
                &[&p.origin],
            )
            .help("add `authority \"Name\" { url \"...\" }` or `right complaint \"how\"`")
            .target(cx.policy_target()),
        );
    }
    for r in &p.rights {
        if r.how.trim().is_empty() {
            out.push(
                cx.diag(
                    Code::GdprRightMeans,
                    format!(
                        "the right `{}` says nothing of how to exercise it (GDPR Art. 12(2))",
                        r.kind.word()
                    ),
                    &[&r.origin],
                )
                .help("write how, e.g. `right access \"Email privacy@example.com\"`")
                .target(format!("right {}", r.kind.word())),
            );
        }
    }
}

fn transfers(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for t in &cx.policy.legal.transfers {
        let target = format!("transfer {}", t.name);
        if t.to.iter().all(|d| d.trim().is_empty()) {
            out.push(
                cx.diag(
                    Code::GdprTransferDestination,
                    format!(
                        "transfer `{}` does not say where the data goes (GDPR Art. 13(1)(f))",
                        t.name
                    ),
                    &[&t.origin],
                )
                .help("add `to \"US\"` (the destination countries or regions)")
                .target(target.clone()),
            );
        }
        match t.safeguard {
            None => out.push(
                cx.diag(
                    Code::GdprTransferSafeguard,
                    format!(
                        "transfer `{}` rests on no safeguard (GDPR Art. 44-49, 13(1)(f))",
                        t.name
                    ),
                    &[&t.origin],
                )
                .help("add `safeguard adequacy`, `scc`, `bcr` or an Art. 49 derogation")
                .target(target.clone()),
            ),
            Some(s) if s.needs_copy() && t.copy.as_deref().is_none_or(|c| c.trim().is_empty()) => {
                out.push(
                    cx.diag(
                        Code::GdprTransferCopy,
                        format!(
                            "transfer `{}` rests on {} ({}) but does not say how to get a copy of them (GDPR Art. 13(1)(f))",
                            t.name,
                            s.label(),
                            s.cite()
                        ),
                        &[&t.origin],
                    )
                    .help("add `copy \"https://...\"` or how to ask for a copy")
                    .target(target.clone()),
                );
            }
            Some(_) => {}
        }
        for r in &t.recipients {
            if !cx.recipients.contains_key(r.as_str()) {
                let at = cx.locate_name(&t.origin, "recipients", r);
                out.push(
                    cx.diag(
                        Code::GdprTransferRecipient,
                        format!(
                            "transfer `{}` names `{r}`, which is not a defined recipient",
                            t.name
                        ),
                        &[&at, &t.origin],
                    )
                    .help(crate::check::context::suggestion(
                        r,
                        cx.recipients.keys().copied(),
                        "a recipient",
                    ))
                    .target(target.clone()),
                );
            }
        }
    }
}

fn children(cx: &Context<'_>, practices: &[Practice<'_>], out: &mut Vec<Diagnostic>) {
    let minors = cx.policy.legal.minors.as_ref();
    if minors
        .is_some_and(|m| matches!(m.consent, Some(MinorConsent::Parental | MinorConsent::Both)))
    {
        return;
    }
    // Children's data: declared (`minors { under-16 yes }`) or derived from a
    // practice's subjects (the facts recognise children by name or description).
    let declared = minors.filter(|m| m.under_16).map(|m| &m.origin);
    for pr in practices.iter().filter(|pr| pr.identifiable) {
        let Some(at) = pr.children().or(declared) else {
            continue;
        };
        let consent = pr.purposes.iter().any(|u| {
            pr.basis_for(u.purpose)
                .is_some_and(|b| b.basis == LegalBasis::Consent)
        });
        if consent {
            out.push(
                cx.diag(
                    Code::GdprChildConsent,
                    format!(
                        "{} handles data of children under 16 on the basis of consent, but no parental consent is stated (GDPR Art. 8)",
                        pr.target()
                    ),
                    &[at, pr.origin],
                )
                .help("add `minors { under-16 yes consent parental process \"how it is obtained and checked\" }`")
                .target(pr.target()),
            );
            return;
        }
    }
}
