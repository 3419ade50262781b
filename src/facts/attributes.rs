//! The derived attributes of a practice (identifying, linked, cross-site,
//! sensitive), each with the reasons it came from.

use super::table::{Leaf, Practice, PracticeKind, Reason, ReasonSource};
use crate::model::Party;
use crate::vocabulary::{identifying, Purpose, Recipient, Term};

/// Purposes that build or use a profile of a person, or market to them.
fn profiling(p: Purpose) -> bool {
    matches!(
        p,
        Purpose::Tailoring
            | Purpose::PseudoAnalysis
            | Purpose::PseudoDecision
            | Purpose::IndividualAnalysis
            | Purpose::IndividualDecision
            | Purpose::Contact
            | Purpose::Telemarketing
    )
}

/// Fills in `practice.derived` from its data, purposes, party and subjects.
pub(super) fn attributes(practice: &mut Practice) {
    let mut d = std::mem::take(&mut practice.derived);
    for data in &practice.data {
        if let Some(why) = &data.identifying {
            let from = match data.leaf {
                Leaf::Element(_) => ReasonSource::Element,
                _ => ReasonSource::Category,
            };
            d.identifying.add(Reason {
                from,
                detail: if data.leaf.text() == &*data.written {
                    format!("`{}` is {why}", data.written)
                } else {
                    format!("`{}` includes {why}", data.written)
                },
                origin: data.origin,
            });
        }
        for c in &data.sensitive {
            d.sensitive.add(Reason {
                from: match data.leaf {
                    Leaf::Element(_) => ReasonSource::Element,
                    _ => ReasonSource::Category,
                },
                detail: format!("`{}` is {} data", data.written, c.word()),
                origin: data.origin,
            });
        }
    }
    for s in practice.subjects.iter().filter(|s| s.children) {
        d.sensitive.add(Reason {
            from: ReasonSource::Subject,
            detail: format!("subject `{}` is children", s.name),
            origin: s.origin,
        });
    }
    if practice.kind == PracticeKind::Cookie {
        for r in &d.identifying.because {
            d.linked.add(r.clone());
        }
        if let Some(Leaf::Cookie(holds)) = practice.data.first().map(|f| &f.leaf) {
            if let Some(word) = identifying::identifying_words(holds) {
                d.linked.add(Reason {
                    from: ReasonSource::Holds,
                    detail: format!("it holds \"{word}\""),
                    origin: practice.origin,
                });
            }
        }
        for p in practice.purposes.iter().filter(|p| {
            matches!(
                p.purpose,
                Purpose::IndividualAnalysis | Purpose::IndividualDecision
            )
        }) {
            d.linked.add(Reason {
                from: ReasonSource::Purpose,
                detail: format!(
                    "it is used for `{}`, which needs identified people",
                    p.purpose
                ),
                origin: p.origin,
            });
        }
        if let Some(p) = practice.purposes.iter().find(|p| profiling(p.purpose)) {
            if practice.party == Some(Party::Third) {
                d.cross_site.add(Reason {
                    from: ReasonSource::Party,
                    detail: format!(
                        "it is a third-party cookie used for `{}`, readable on every site its setter serves",
                        p.purpose
                    ),
                    origin: p.origin,
                });
            }
            let provider = practice.provider.as_deref().and_then(|name| {
                practice
                    .recipients
                    .iter()
                    .find(|r| r.name == name && r.kind != Some(Recipient::Ours))
            });
            if let Some(r) = provider {
                d.cross_site.add(Reason {
                    from: ReasonSource::Provider,
                    detail: format!(
                        "its provider `{}` is not the site's agent and uses it for `{}`",
                        r.name, p.purpose
                    ),
                    origin: p.origin,
                });
            }
        }
    }
    practice.derived = d;
}
