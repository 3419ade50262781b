//! Comparing collection statements (`collect NAME`).

use super::super::change::ChangeKind;
use super::{Differ, Shown};
use crate::model::{Policy, Statement};
use std::collections::BTreeSet;

impl Differ {
    pub(super) fn statement(
        &mut self,
        op: &Policy,
        np: &Policy,
        a: Option<&Statement>,
        b: Option<&Statement>,
    ) {
        let Some((a, b)) = self.one_sided(
            a,
            b,
            ChangeKind::StatementAdded,
            ChangeKind::StatementRemoved,
            |s| Shown::named("collect", &s.name, None, &s.origin),
        ) else {
            return;
        };
        let el = format!("collect {}", b.name);
        let org = &b.origin;
        self.text(&el, "title", a.title.as_ref(), b.title.as_ref(), org);
        let (sa, sb): (BTreeSet<_>, BTreeSet<_>) =
            (a.subjects.iter().collect(), b.subjects.iter().collect());
        self.set(ChangeKind::SubjectAdded, &el, "from ", &sa, &sb, org);
        self.data(&el, op, np, &a.data, &b.data, org);
        self.uses(&el, &a.purposes, &b.purposes, org);
        self.uses(&el, &a.recipients, &b.recipients, org);
        self.retention(&el, a.retention.as_ref(), b.retention.as_ref(), org);
        self.practice_law(&el, (&a.legal, &a.purposes), (&b.legal, &b.purposes), org);
        self.flag(
            ChangeKind::BecameIdentifiable,
            &el,
            "identifiable",
            a.identifiable,
            b.identifiable,
            org,
        );
        self.text(
            &el,
            "consequence",
            a.consequence.as_ref(),
            b.consequence.as_ref(),
            org,
        );
        self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }
}
