//! Comparing cookies (`cookie NAME`).

use super::super::change::ChangeKind;
use super::{Differ, Shown};
use crate::model::{Cookie, Party, RecipientUse};
use crate::vocabulary::{Recipient, Required, Term};
use std::collections::BTreeSet;

impl Differ {
    pub(super) fn cookie(&mut self, a: Option<&Cookie>, b: Option<&Cookie>) {
        let Some((a, b)) = self.one_sided(
            a,
            b,
            ChangeKind::CookieAdded,
            ChangeKind::CookieRemoved,
            |c| Shown::named("cookie", &c.name, None, &c.origin),
        ) else {
            return;
        };
        let el = format!("cookie {}", b.name);
        let org = &b.origin;
        self.text(&el, "title", a.title.as_ref(), b.title.as_ref(), org);
        self.detail(
            &el,
            "name",
            a.cookie_name.as_ref(),
            b.cookie_name.as_ref(),
            org,
        );
        self.detail(&el, "domain", a.domain.as_ref(), b.domain.as_ref(), org);
        self.detail(&el, "path", a.path.as_ref(), b.path.as_ref(), org);
        self.period(
            &el,
            "lifetime",
            a.lifetime.as_deref(),
            b.lifetime.as_deref(),
            org,
        );
        self.practice_law(&el, (&a.legal, &a.purposes), (&b.legal, &b.purposes), org);
        let third = |c: &Cookie| c.party == Party::Third;
        self.flag(
            ChangeKind::CookieThirdParty,
            &el,
            "third-party",
            third(a),
            third(b),
            org,
        );
        let (pa, pb): (BTreeSet<_>, BTreeSet<_>) =
            (a.provider.iter().collect(), b.provider.iter().collect());
        self.set(ChangeKind::RecipientAdded, &el, "provider ", &pa, &pb, org);
        let basis = |c: &Cookie| c.provider_basis.as_ref().map(super::kebab);
        self.detail(
            &el,
            "provider basis",
            basis(a).as_ref(),
            basis(b).as_ref(),
            org,
        );
        self.text(&el, "holds", a.holds.as_ref(), b.holds.as_ref(), org);
        let (ca, cb): (BTreeSet<_>, BTreeSet<_>) =
            (a.categories.iter().collect(), b.categories.iter().collect());
        self.set(ChangeKind::CategoryAdded, &el, "category ", &ca, &cb, org);
        self.uses(&el, &a.purposes, &b.purposes, org);
        // An empty recipient list means `ours`.
        let ours = |c: &Cookie| {
            if c.recipients.is_empty() {
                vec![RecipientUse {
                    name: Recipient::Ours.word().to_string(),
                    required: Required::Always,
                    basis: None,
                    origin: c.origin,
                }]
            } else {
                c.recipients.clone()
            }
        };
        self.uses(&el, &ours(a), &ours(b), org);
        self.retention(&el, a.retention.as_ref(), b.retention.as_ref(), org);
        self.flag(
            ChangeKind::CookieLinked,
            &el,
            "linked",
            a.linked,
            b.linked,
            org,
        );
        self.flag(
            ChangeKind::CookieCrossSite,
            &el,
            "cross-site",
            a.cross_site,
            b.cross_site,
            org,
        );
        self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }
}
