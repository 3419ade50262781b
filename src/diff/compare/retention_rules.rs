//! Comparing retention rules (`retention NAME`).

use super::super::change::ChangeKind;
use super::{pair, Differ, Shown};
use crate::model::{Policy, RetentionRule};

impl Differ {
    pub(super) fn retention_rules(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.retention, &n.retention, |r| r.name.clone()) {
            let Some((a, b)) = self.one_sided(
                a,
                b,
                ChangeKind::RetentionRuleAdded,
                ChangeKind::RetentionRuleRemoved,
                |r| Shown::named("retention", &r.name, Some(r.period.clone()), &r.origin),
            ) else {
                continue;
            };
            let el = format!("retention {}", b.name);
            self.period(&el, "period", Some(&a.period), Some(&b.period), &b.origin);
            if a.applies_to != b.applies_to {
                let show = |r: &RetentionRule| Some(r.applies_to.join(", "));
                self.push(
                    ChangeKind::DetailChanged,
                    &el,
                    "applies-to",
                    show(a),
                    show(b),
                    &b.origin,
                );
            }
            self.commitment(
                &el,
                "destruction",
                a.destruction.as_ref(),
                b.destruction.as_ref(),
                &b.origin,
            );
            self.commitment(&el, "text", a.text.as_ref(), b.text.as_ref(), &b.origin);
        }
    }
}
