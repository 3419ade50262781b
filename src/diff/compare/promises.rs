//! Comparing promises (`promise NAME`).

use super::super::change::ChangeKind;
use super::{kebab, pair, Differ, Shown};
use crate::model::{Claim, Policy};
use std::collections::BTreeSet;

/// A claim as the language writes it (`not-linked user.name, logs`).
fn claim_text(c: &Claim) -> String {
    match c {
        Claim::NotLinked(list) => format!("not-linked {}", list.join(", ")),
        Claim::NoIdentifiableCollection(list) => {
            format!("no-identifiable-collection {}", list.join(", "))
        }
        Claim::RetentionCeiling(period) => format!("retention-ceiling \"{period}\""),
        other => kebab(other),
    }
}

impl Differ {
    pub(super) fn promises(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.promises, &n.promises, |p| p.name.clone()) {
            let Some((a, b)) = self.one_sided(
                a,
                b,
                ChangeKind::PromiseAdded,
                ChangeKind::PromiseWithdrawn,
                |p| Shown::named("promise", &p.name, Some(p.says.clone()), &p.origin),
            ) else {
                continue;
            };
            let el = format!("promise {}", b.name);
            if a.claim != b.claim {
                let show = |c: &Claim| Some(claim_text(c));
                self.push(
                    ChangeKind::PromiseChanged,
                    &el,
                    "claim",
                    show(&a.claim),
                    show(&b.claim),
                    &b.origin,
                );
            }
            let (ea, eb): (BTreeSet<_>, BTreeSet<_>) = (
                a.except.iter().map(kebab).collect(),
                b.except.iter().map(kebab).collect(),
            );
            self.set(
                ChangeKind::ExceptionAdded,
                &el,
                "except ",
                &ea,
                &eb,
                &b.origin,
            );
            self.commitment(&el, "says", Some(&a.says), Some(&b.says), &b.origin);
        }
    }
}
