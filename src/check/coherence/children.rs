//! Children: identifying data from subjects who are children without parental
//! consent (Q519), marketing to children (Q520).

use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::PracticeKind;
use crate::vocabulary::Purpose;

/// Whether a text says a parent or guardian agrees.
fn parental(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    (t.contains("parent") || t.contains("guardian"))
        && (t.contains("consent") || t.contains("permission") || t.contains("agree"))
}

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in cx.facts.of_kind(PracticeKind::Statement) {
        let Some(child) = p.subjects.iter().find(|s| s.children) else {
            continue;
        };
        let statement = cx.statements.get(p.name.as_str());
        let subject = cx.subjects.get(child.name.as_str());
        let consent = [
            statement.and_then(|s| s.text.as_deref()),
            statement.and_then(|s| s.consequence.as_deref()),
            subject.and_then(|s| s.description.as_deref()),
        ]
        .into_iter()
        .flatten()
        .any(parental)
            // The policy's `minors { consent parental }` (or `both`) says how a
            // parent consents for every practice.
            || cx.policy.legal.minors.as_ref().is_some_and(|m| {
                matches!(
                    m.consent,
                    Some(crate::model::MinorConsent::Parental | crate::model::MinorConsent::Both)
                )
            });
        if p.derived.identifying.value && !consent {
            out.push(
                cx.diag(
                    Code::ChildDataWithoutParentalConsent,
                    format!(
                        "statement `{}` collects identifying data from `{}`, who are children, without saying a parent consents",
                        p.name, child.name
                    ),
                    &[&p.origin],
                )
                .label(&child.origin, "children here")
                .help("say how a parent or guardian consents (in the statement's `text` or `consequence`), or do not collect identifying data from children (COPPA 16 CFR §312.5, GDPR Art. 8)")
                .target(p.target()),
            );
        }
        if let Some(u) = p
            .purposes
            .iter()
            .find(|u| matches!(u.purpose, Purpose::Contact | Purpose::Telemarketing))
        {
            out.push(
                cx.diag(
                    Code::MarketingToChildren,
                    format!(
                        "statement `{}` uses data from `{}`, who are children, for `{}`",
                        p.name, child.name, u.purpose
                    ),
                    &[&u.origin, &p.origin],
                )
                .label(&child.origin, "children here")
                .help("do not market to children; contact their parents, or drop the purpose (COPPA 16 CFR §312.7, GDPR recital 38)")
                .target(p.target()),
            );
        }
    }
}
