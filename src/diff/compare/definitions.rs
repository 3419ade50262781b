//! Comparing the definitions a policy names and refers to: data subjects,
//! recipients and data sets. Only definitions both versions hold are compared.

use super::super::change::ChangeKind;
use super::{pair, Differ};
use crate::model::Policy;
use crate::vocabulary::Recipient;

fn recipient_rank(r: Recipient) -> u8 {
    match r {
        Recipient::Ours => 0,
        Recipient::Same => 1,
        Recipient::Delivery => 2,
        Recipient::OtherRecipient => 3,
        Recipient::Unrelated => 4,
        Recipient::Public => 5,
    }
}

impl Differ {
    pub(super) fn definitions(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.subjects, &n.subjects, |s| s.name.clone()) {
            if let (Some(a), Some(b)) = (a, b) {
                let el = format!("subject {}", b.name);
                self.text(
                    &el,
                    "description",
                    a.description.as_ref(),
                    b.description.as_ref(),
                    &b.origin,
                );
            }
        }
        for (a, b) in pair(&o.recipients, &n.recipients, |r| r.name.clone()) {
            if let (Some(a), Some(b)) = (a, b) {
                let el = format!("recipient {}", b.name);
                let (ra, rb) = (recipient_rank(a.kind), recipient_rank(b.kind));
                if ra != rb {
                    let kind = if rb > ra {
                        ChangeKind::RecipientBroadened
                    } else {
                        ChangeKind::RecipientNarrowed
                    };
                    self.push(
                        kind,
                        &el,
                        "kind",
                        Some(a.kind.to_string()),
                        Some(b.kind.to_string()),
                        &b.origin,
                    );
                }
                self.text(
                    &el,
                    "description",
                    a.description.as_ref(),
                    b.description.as_ref(),
                    &b.origin,
                );
            }
        }
        for (a, b) in pair(&o.datasets, &n.datasets, |s| s.name.clone()) {
            if let (Some(a), Some(b)) = (a, b) {
                let el = format!("data {}", b.name);
                self.text(
                    &el,
                    "description",
                    a.description.as_ref(),
                    b.description.as_ref(),
                    &b.origin,
                );
            }
        }
    }
}
