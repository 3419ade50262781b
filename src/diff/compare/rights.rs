//! Comparing what people can do about their data: rights (`right KIND`) and
//! opt-outs (`opt-out NAME`).

use super::super::change::ChangeKind;
use super::{kebab, pair, Differ, Shown};
use crate::model::Policy;

impl Differ {
    pub(super) fn rights(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.rights, &n.rights, |r| r.kind) {
            let Some((a, b)) = self.one_sided(
                a,
                b,
                ChangeKind::RightAdded,
                ChangeKind::RightRemoved,
                |r| Shown::named("right", &kebab(&r.kind), Some(r.how.clone()), &r.origin),
            ) else {
                continue;
            };
            let el = format!("right {}", kebab(&b.kind));
            self.commitment(&el, "how", Some(&a.how), Some(&b.how), &b.origin);
            self.scope(&el, "subjects ", &a.subjects, &b.subjects, &b.origin);
            self.optional_text(
                ChangeKind::LimitAdded,
                &el,
                "limits",
                a.limits.as_ref(),
                b.limits.as_ref(),
                &b.origin,
            );
            self.commitment(
                &el,
                "response",
                a.response.as_ref(),
                b.response.as_ref(),
                &b.origin,
            );
            self.commitment(&el, "text", a.text.as_ref(), b.text.as_ref(), &b.origin);
        }
    }

    pub(super) fn opt_outs(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.opt_outs, &n.opt_outs, |r| r.name.clone()) {
            let Some((a, b)) = self.one_sided(
                a,
                b,
                ChangeKind::OptOutAdded,
                ChangeKind::OptOutRemoved,
                |r| Shown::named("opt-out", &r.name, Some(r.how.clone()), &r.origin),
            ) else {
                continue;
            };
            let el = format!("opt-out {}", b.name);
            self.scope(&el, "covers ", &a.covers, &b.covers, &b.origin);
            self.commitment(&el, "how", Some(&a.how), Some(&b.how), &b.origin);
            self.detail(&el, "url", a.url.as_ref(), b.url.as_ref(), &b.origin);
            self.commitment(&el, "text", a.text.as_ref(), b.text.as_ref(), &b.origin);
        }
    }
}
