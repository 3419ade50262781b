//! Comparing how people are told of changes to the policy (`changes`).

use super::super::change::ChangeKind;
use super::{kebab, Differ};
use crate::model::{ChangeNotice, NotifyMethod};
use crate::span::Origin;
use std::collections::BTreeSet;

impl Differ {
    pub(super) fn notice(
        &mut self,
        old: Option<&ChangeNotice>,
        new: Option<&ChangeNotice>,
        origin: &Origin,
    ) {
        let (a, b) = (
            old.cloned().unwrap_or_default(),
            new.cloned().unwrap_or_default(),
        );
        let org = new.map_or(origin, |c| &c.origin);
        let el = "changes";
        let method = kebab::<NotifyMethod>;
        let (pa, pb): (BTreeSet<_>, BTreeSet<_>) = (
            a.post.iter().map(method).collect(),
            b.post.iter().map(method).collect(),
        );
        self.set(ChangeKind::NoticeStrengthened, el, "post ", &pa, &pb, org);
        let (na, nb): (BTreeSet<_>, BTreeSet<_>) = (
            a.notify.iter().map(method).collect(),
            b.notify.iter().map(method).collect(),
        );
        self.set(ChangeKind::NoticeStrengthened, el, "notify ", &na, &nb, org);
        self.flag(
            ChangeKind::NoticeStrengthened,
            el,
            "before-effective",
            a.before_effective,
            b.before_effective,
            org,
        );
        self.flag(
            ChangeKind::NoticeStrengthened,
            el,
            "consent-for-new-uses",
            a.consent_for_new_uses,
            b.consent_for_new_uses,
            org,
        );
        self.commitment(el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }
}
