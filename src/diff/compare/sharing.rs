//! Comparing sharing rules (`share NAME`).

use super::super::change::ChangeKind;
use super::{kebab, Differ, Shown};
use crate::model::{Policy, Sharing};
use std::collections::BTreeSet;

impl Differ {
    pub(super) fn sharing(
        &mut self,
        op: &Policy,
        np: &Policy,
        a: Option<&Sharing>,
        b: Option<&Sharing>,
    ) {
        let Some((a, b)) = self.one_sided(
            a,
            b,
            ChangeKind::SharingAdded,
            ChangeKind::SharingRemoved,
            |s| Shown::named("share", &s.name, Some(s.with.join(", ")), &s.origin),
        ) else {
            return;
        };
        let el = format!("share {}", b.name);
        let org = &b.origin;
        self.text(&el, "title", a.title.as_ref(), b.title.as_ref(), org);
        let (wa, wb): (BTreeSet<_>, BTreeSet<_>) =
            (a.with.iter().collect(), b.with.iter().collect());
        self.set(ChangeKind::RecipientAdded, &el, "with ", &wa, &wb, org);
        self.data(&el, op, np, &a.data, &b.data, org);
        self.uses(&el, &a.purposes, &b.purposes, org);
        self.choice(&el, "choice", a.choice, b.choice, org);
        self.optional_text(
            ChangeKind::ConditionAdded,
            &el,
            "when",
            a.conditions.as_ref(),
            b.conditions.as_ref(),
            org,
        );
        self.flag(ChangeKind::SaleStarted, &el, "sale", a.sale, b.sale, org);
        self.flag(
            ChangeKind::BecameIdentifiable,
            &el,
            "identifiable",
            a.identifiable,
            b.identifiable,
            org,
        );
        let basis = |s: &Sharing| s.basis.as_ref().map(kebab);
        self.detail(&el, "basis", basis(a).as_ref(), basis(b).as_ref(), org);
        self.commitment(&el, "text", a.text.as_ref(), b.text.as_ref(), org);
        self.practice_law(&el, (&a.legal, &a.purposes), (&b.legal, &b.purposes), org);
    }
}
