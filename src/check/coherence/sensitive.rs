//! Sensitive data: health or financial data given to the public or to unrelated
//! third parties without an opt-in (Q517); a security measure of another party
//! counted for the site's own data (Q518).

use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::PracticeKind;
use crate::model::{Exception, MeasureKind};
use crate::vocabulary::{Category, Recipient, Required};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    sensitive_to_public(cx, out);
    measure_of_another_party(cx, out);
}

fn sensitive_to_public(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx
        .facts
        .practices
        .iter()
        .filter(|p| p.kind != PracticeKind::Retention)
        // Aggregate, non-identifying data (judged from the data, not the flag)
        // reveals nobody's health or finances.
        .filter(|p| p.identifiable())
    {
        let hit = p.rows().find(|r| {
            r.data.is_some_and(|d| {
                d.sensitive
                    .iter()
                    .any(|c| matches!(c, Category::Health | Category::Financial))
            }) && r.recipient.is_some_and(|x| {
                matches!(x.kind, Some(Recipient::Public | Recipient::Unrelated))
                    && x.choice != Required::OptIn
                    // Disclosure the law requires is not a choice the site makes.
                    && !matches!(
                        x.basis,
                        Some(Exception::LegalRequirement | Exception::Protection)
                    )
            }) && r.purpose.is_none_or(|u| u.choice != Required::OptIn)
        });
        let Some(row) = hit else { continue };
        let (Some(d), Some(r)) = (row.data, row.recipient) else {
            continue;
        };
        out.push(
            cx.diag(
                Code::SensitiveDataToPublic,
                format!(
                    "{} `{}` gives {} data (`{}`) to `{}`, a{} recipient, without an opt-in",
                    p.kind.noun(),
                    p.name,
                    d.sensitive.iter().map(|c| crate::vocabulary::Term::word(*c)).collect::<Vec<_>>().join(" and "),
                    d.leaf.text(),
                    r.name,
                    if r.kind == Some(Recipient::Public) { " `public`" } else { "n `unrelated`" }
                ),
                &[&r.origin, &p.origin],
            )
            .label(&d.origin, "sensitive data here")
            .help("make the recipient `opt-in` (explicit consent, GDPR Art. 9(2)(a)), keep the data from it, or share it non-identifiably")
            .target(p.target()),
        );
    }
}

/// Words that open a phrase without naming anyone ("Our payment processor",
/// "The booking site"): a measure and a recipient that share only these are
/// not the same party.
const DETERMINERS: &[&str] = &[
    "our", "the", "a", "an", "we", "all", "your", "every", "each", "this", "these", "its",
];

/// The first two words of a phrase after its determiners, lower-cased, without
/// possessives ("Stripe's servers" → "stripe servers").
fn head(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_matches('\'')
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .skip_while(|w| DETERMINERS.contains(&w.as_str()))
        .take(2)
        .collect()
}

/// The defined recipient (an agent or a third party) a measure's description
/// names as its owner, if any: by the recipient's name as its first word
/// ("`WorldPay` keeps your credit card information ... SSL"), or by the first
/// two words of the recipient's description ("Our payment processor encrypts
/// ..." for a recipient described as "Our payment processor, ..."). Determiners
/// are skipped on both sides: "Our site uses TLS" is not the measure of "Our
/// hosting provider", nor "Our payment pages" that of "Our payment processor".
fn owner<'a>(cx: &Context<'a>, description: &str) -> Option<&'a crate::model::RecipientDef> {
    let words = head(description);
    let first = words.first()?;
    cx.policy.recipients.iter().find(|r| {
        *first == r.name.to_ascii_lowercase()
            || r.description.as_deref().is_some_and(|d| {
                appositive_name(d).is_some_and(|n| n == *first) || {
                    let d = head(d);
                    d.len() == 2 && d.iter().all(|w| w.len() > 2) && d == words
                }
            })
    })
}

/// The name a recipient's description opens with, set off by a comma
/// ("Amadeus, the reservation system we book through"), lower-cased.
fn appositive_name(description: &str) -> Option<String> {
    let (before, _) = description.split_once(',')?;
    let words = head(before);
    (words.len() == 1 && words[0].len() > 2 && before.split_whitespace().count() <= 2)
        .then(|| words[0].clone())
}

fn measure_of_another_party(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in cx
        .policy
        .security
        .iter()
        .filter(|m| m.kind == MeasureKind::TransportEncryption)
    {
        let Some(who) = owner(cx, &m.description) else {
            continue;
        };
        // Sensitive data the measure would cover that the site itself receives.
        // One finding per such statement: each is its own breach, and a finding's target
        // must not move to another statement when one more of them holds sensitive data.
        let own = cx.facts.of_kind(PracticeKind::Statement).filter(|p| {
            p.recipients.iter().any(|r| r.name == "ours")
                && p.data.iter().any(|d| {
                    d.sensitive
                        .iter()
                        .any(|c| m.covers.is_empty() || m.covers.contains(c))
                })
        });
        for p in own {
            out.push(
            cx.diag(
                Code::MeasureOfAnotherParty,
                format!(
                    "this `transport-encryption` measure is `{}`'s, yet it covers sensitive data that statement `{}` gives the site itself",
                    who.name, p.name
                ),
                &[&m.origin],
            )
            .label(&p.origin, "the site's own sensitive data")
            .help("state the site's own measure for its data; a measure says whose it is, and another party's protects only what that party holds")
            .target(p.target()),
        );
        }
    }
}
