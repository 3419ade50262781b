//! Comparing a practice's legal facts (`basis`, `condition`, `sensitive`,
//! `requirement`, `automated`, `source`, `disclosure`) in `collect`, `cookie`
//! and `share` blocks.
//!
//! Legal bases are ordered by how much say people keep (GDPR Art. 6(1)):
//! consent < contract < legal-obligation < vital-interests < public-task <
//! legitimate-interests. Moving a purpose up the order (consent to legitimate
//! interests) is a material weakening; dropping a stated basis is material.
//! Under the CCPA, a disclosure that becomes a sale or sharing is material.

use super::super::change::ChangeKind;
use super::{kebab, Differ};
use crate::model::{PracticeLaw, PurposeUse};
use crate::span::Origin;
use crate::vocabulary::{Disclosure, LegalBasis, Purpose};
use std::collections::BTreeSet;

/// How much say people keep under a basis: lower keeps more.
fn rank(b: LegalBasis) -> u8 {
    match b {
        LegalBasis::Consent => 0,
        LegalBasis::Contract => 1,
        LegalBasis::LegalObligation => 2,
        LegalBasis::VitalInterests => 3,
        LegalBasis::PublicTask => 4,
        LegalBasis::LegitimateInterests => 5,
    }
}

/// How far a disclosure goes: a business purpose < shared < sold.
fn reach(d: Option<Disclosure>) -> u8 {
    match d {
        None | Some(Disclosure::BusinessPurpose) => 0,
        Some(Disclosure::Shared) => 1,
        Some(Disclosure::Sold) => 2,
    }
}

impl Differ {
    /// Compares the legal facts of two versions of the practice `el`, whose
    /// purposes are `pa` and `pb`.
    pub(super) fn practice_law(
        &mut self,
        el: &str,
        (a, pa): (&PracticeLaw, &[PurposeUse]),
        (b, pb): (&PracticeLaw, &[PurposeUse]),
        org: &Origin,
    ) {
        let purposes: BTreeSet<Purpose> = pa.iter().chain(pb).map(|u| u.purpose).collect();
        for p in purposes {
            let (x, y) = (a.basis_for(p), b.basis_for(p));
            let subject = format!("basis {p}");
            let word = |u: Option<&crate::model::BasisUse>| u.map(|u| kebab(&u.basis));
            match (x, y) {
                (Some(x), Some(y)) if rank(y.basis) > rank(x.basis) => self.push(
                    ChangeKind::BasisWeakened,
                    el,
                    &subject,
                    word(Some(x)),
                    word(Some(y)),
                    org,
                ),
                (Some(x), Some(y)) if rank(y.basis) < rank(x.basis) => self.push(
                    ChangeKind::BasisStrengthened,
                    el,
                    &subject,
                    word(Some(x)),
                    word(Some(y)),
                    org,
                ),
                (Some(x), Some(y)) => {
                    self.text(el, &subject, x.interest.as_ref(), y.interest.as_ref(), org);
                }
                // A purpose only one version has is reported as a purpose change.
                (Some(x), None) if pb.iter().any(|u| u.purpose == p) => self.push(
                    ChangeKind::BasisDropped,
                    el,
                    &subject,
                    word(Some(x)),
                    None,
                    org,
                ),
                (None, Some(y)) if pa.iter().any(|u| u.purpose == p) => self.push(
                    ChangeKind::BasisStated,
                    el,
                    &subject,
                    None,
                    word(Some(y)),
                    org,
                ),
                _ => {}
            }
        }
        let (ra, rb) = (reach(a.disclosure), reach(b.disclosure));
        let disclosure = |l: &PracticeLaw| l.disclosure.as_ref().map(kebab);
        if rb > ra {
            self.push(
                ChangeKind::DisclosureBroadened,
                el,
                "disclosure",
                disclosure(a),
                disclosure(b),
                org,
            );
        } else if rb < ra {
            self.push(
                ChangeKind::DisclosureNarrowed,
                el,
                "disclosure",
                disclosure(a),
                disclosure(b),
                org,
            );
        } else if a.disclosure != b.disclosure {
            self.detail(
                el,
                "disclosure",
                disclosure(a).as_ref(),
                disclosure(b).as_ref(),
                org,
            );
        }
        let words = |v: &[String]| -> BTreeSet<String> { v.iter().cloned().collect() };
        let (sa, sb) = (
            words(&a.sensitive.iter().map(kebab).collect::<Vec<_>>()),
            words(&b.sensitive.iter().map(kebab).collect::<Vec<_>>()),
        );
        self.set(ChangeKind::CategoryAdded, el, "sensitive ", &sa, &sb, org);
        let json = |v: &dyn erased::Json| v.json();
        let details: [(&str, Option<String>, Option<String>); 4] = [
            ("condition", json(&a.conditions), json(&b.conditions)),
            ("requirement", json(&a.requirement), json(&b.requirement)),
            ("automated", json(&a.automated), json(&b.automated)),
            ("source", json(&a.source), json(&b.source)),
        ];
        for (subject, x, y) in details {
            self.detail(el, subject, x.as_ref(), y.as_ref(), org);
        }
    }
}

mod erased {
    /// A value compared by its serialized form.
    pub trait Json {
        fn json(&self) -> Option<String>;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> Option<String> {
            serde_json::to_string(self)
                .ok()
                .filter(|s| s != "null" && s != "[]")
        }
    }
}
