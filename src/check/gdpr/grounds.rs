//! The legal grounds of a policy's practices as the GDPR pack sees them, for
//! the outputs that show them (the HTML notice): every practice the data flows
//! through ([`flows::practices`], a projection of the facts), each purpose with
//! the basis [`flows::Practice::basis_for`] finds for it (G805 fires for an
//! identifying practice's purpose that has none), the interest pursued for
//! legitimate interests, and the practice's Art. 9(2) conditions and kinds of
//! sensitive data.

use super::flows;
use crate::check::context::Context;
use crate::facts::PolicyFacts;
use crate::model::Policy;
use crate::span::SourceFile;
use crate::vocabulary::{
    ccpa_for_category, ccpa_for_element, Art9Condition, CcpaCategory, Disclosure, LegalBasis,
    Purpose, Sensitive,
};

/// The ground one purpose of one practice rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ground {
    /// The practice's target (`collect account`, `cookie analytics`, `share ads`).
    pub practice: String,
    /// The practice's name in the policy.
    pub name: String,
    pub purpose: Purpose,
    /// `None`: the policy names no basis for this purpose.
    pub basis: Option<LegalBasis>,
    /// The legitimate interest pursued, as the policy words it.
    pub interest: Option<String>,
    /// The practice's Art. 9(2) conditions.
    pub conditions: Vec<Art9Condition>,
    /// The kinds of sensitive data it handles (declared or implied by the data).
    pub sensitive: Vec<Sensitive>,
    /// Whether the practice's data identifies people (facts).
    pub identifiable: bool,
}

/// Every purpose of every practice, in source order, with its legal ground.
pub fn grounds(policy: &Policy) -> Vec<Ground> {
    grounds_of(policy, &crate::facts::derive_policy(policy))
}

/// [`grounds`] from the policy's facts already derived.
pub fn grounds_of(policy: &Policy, facts: &PolicyFacts) -> Vec<Ground> {
    let source = SourceFile::new("", "");
    let cx = Context::with_facts(policy, &source, facts);
    let mut out = Vec::new();
    for pr in flows::practices(&cx, facts) {
        let mut sensitive: Vec<Sensitive> = pr.sensitive().into_iter().map(|(s, _)| s).collect();
        sensitive.sort();
        sensitive.dedup();
        for u in pr.purposes {
            let basis = pr.basis_for(u.purpose);
            out.push(Ground {
                practice: pr.target(),
                name: pr.fact.name.clone(),
                purpose: u.purpose,
                basis: basis.as_ref().map(|b| b.basis),
                interest: basis
                    .as_ref()
                    .and_then(|b| b.declared)
                    .and_then(|d| d.interest.clone())
                    .filter(|t| !t.trim().is_empty()),
                conditions: pr.law.conditions.clone(),
                sensitive: sensitive.clone(),
                identifiable: pr.identifiable,
            });
        }
    }
    out
}

/// Personal information one practice gives to others, as the CCPA counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disclosed {
    /// The practice's target (`share ads`).
    pub practice: String,
    /// Sold, shared for cross-context advertising, or disclosed for a business purpose.
    pub disclosure: Disclosure,
    /// The CCPA categories of its data (derived from the data, as K906 reads them).
    pub categories: Vec<CcpaCategory>,
}

/// Every identifying practice that gives personal information to a third
/// party, with how the CCPA pack classifies it ([`flows::Practice::disclosure`])
/// and the CCPA categories of its data.
pub fn disclosures(policy: &Policy) -> Vec<Disclosed> {
    disclosures_of(policy, &crate::facts::derive_policy(policy))
}

/// [`disclosures`] from the policy's facts already derived.
pub fn disclosures_of(policy: &Policy, facts: &PolicyFacts) -> Vec<Disclosed> {
    let source = SourceFile::new("", "");
    let cx = Context::with_facts(policy, &source, facts);
    let mut out = Vec::new();
    for pr in flows::practices(&cx, facts) {
        if !pr.identifiable {
            continue;
        }
        let Some(disclosure) = pr.disclosure() else {
            continue;
        };
        let mut categories: Vec<CcpaCategory> = Vec::new();
        for d in &pr.fact.data {
            match d.leaf.element() {
                Some(e) => categories.extend(ccpa_for_element(e, &d.categories)),
                None => {
                    for c in &d.categories {
                        categories.extend_from_slice(ccpa_for_category(*c));
                    }
                }
            }
        }
        categories.sort();
        categories.dedup();
        out.push(Disclosed {
            practice: pr.target(),
            disclosure,
            categories,
        });
    }
    out
}
