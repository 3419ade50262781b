//! Comparing the policy-level legal facts (`applies`, `representative`, `dpo`,
//! `authority`, `transfer`, `gpc`, `updated`, `minors`, `ccpa`).
//!
//! Material: a law no longer claimed, a new transfer out of the EEA, a transfer's
//! safeguard or destinations changed, Global Privacy Control no longer honoured.
//! Contacts, links and prose are details or text edits.

use super::super::change::ChangeKind;
use super::{kebab, pair, Differ, Shown};
use crate::model::{LegalNotice, Policy, Transfer};
use std::collections::BTreeSet;

/// The serialized form of a value, for comparing parts the diff reports as details.
fn json<T: serde::Serialize>(t: &T) -> Option<String> {
    serde_json::to_string(t)
        .ok()
        .filter(|s| s != "null" && s != "[]")
}

impl Differ {
    pub(super) fn legal_notice(&mut self, o: &Policy, n: &Policy) {
        let (a, b) = (&o.legal, &n.legal);
        let el = format!("policy {}", n.name);
        let org = &n.origin;
        let (la, lb): (BTreeSet<String>, BTreeSet<String>) = (
            a.applies.iter().map(kebab).collect(),
            b.applies.iter().map(kebab).collect(),
        );
        self.set(ChangeKind::LawAdded, &el, "applies ", &la, &lb, org);
        self.transfers(a, b);
        match (a.gpc_honoured, b.gpc_honoured) {
            (Some(true), Some(false) | None) => self.push(
                ChangeKind::GpcDropped,
                &el,
                "gpc",
                Some("honoured".into()),
                b.gpc_honoured.map(|_| "not-honoured".into()),
                org,
            ),
            (Some(false) | None, Some(true)) => self.push(
                ChangeKind::GpcHonoured,
                &el,
                "gpc",
                a.gpc_honoured.map(|_| "not-honoured".into()),
                Some("honoured".into()),
                org,
            ),
            _ => {}
        }
        let details: [(&str, Option<String>, Option<String>); 6] = [
            (
                "representative",
                json(&a.representatives),
                json(&b.representatives),
            ),
            ("dpo", json(&a.dpo), json(&b.dpo)),
            ("authority", json(&a.authority), json(&b.authority)),
            ("updated", a.updated.clone(), b.updated.clone()),
            ("minors", json(&a.minors), json(&b.minors)),
            ("ccpa", json(&a.ccpa), json(&b.ccpa)),
        ];
        for (subject, x, y) in details {
            self.detail(&el, subject, x.as_ref(), y.as_ref(), org);
        }
    }

    fn transfers(&mut self, a: &LegalNotice, b: &LegalNotice) {
        for (x, y) in pair(&a.transfers, &b.transfers, |t| t.name.clone()) {
            let Some((x, y)) = self.one_sided(
                x,
                y,
                ChangeKind::TransferAdded,
                ChangeKind::TransferRemoved,
                |t| Shown::named("transfer", &t.name, Some(t.to.join(", ")), &t.origin),
            ) else {
                continue;
            };
            let el = format!("transfer {}", y.name);
            let org = &y.origin;
            let safeguard = |t: &Transfer| t.safeguard.as_ref().map(kebab);
            self.field(
                ChangeKind::SafeguardChanged,
                &el,
                "safeguard",
                safeguard(x).as_ref(),
                safeguard(y).as_ref(),
                org,
            );
            let (dx, dy): (BTreeSet<_>, BTreeSet<_>) =
                (x.to.iter().collect(), y.to.iter().collect());
            if dx != dy {
                self.push(
                    ChangeKind::SafeguardChanged,
                    &el,
                    "to",
                    Some(x.to.join(", ")),
                    Some(y.to.join(", ")),
                    org,
                );
            }
            let (rx, ry): (BTreeSet<_>, BTreeSet<_>) =
                (x.recipients.iter().collect(), y.recipients.iter().collect());
            self.set(
                ChangeKind::RecipientAdded,
                &el,
                "recipients ",
                &rx,
                &ry,
                org,
            );
            self.detail(&el, "copy", x.copy.as_ref(), y.copy.as_ref(), org);
            self.text(&el, "text", x.text.as_ref(), y.text.as_ref(), org);
        }
    }
}
