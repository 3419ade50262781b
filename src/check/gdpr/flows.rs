//! The practices a law pack reasons over, as a projection of the facts stage
//! (`src/facts/`): every `collect`, `cookie` and `share` block with its data
//! leaves (categories, sensitive categories), purposes and their choices,
//! recipients, and whether it identifies people (declared or derived), plus the
//! block's legal facts from the model (`PracticeLaw`). A purpose's basis is thus
//! checked on every practice the data flows through.

use crate::check::context::Context;
use crate::facts::{self, PolicyFacts, PracticeKind, PurposeFact};
use crate::model::{BasisUse, Exception, Party, PracticeLaw};
use crate::span::Origin;
use crate::vocabulary::{self, Disclosure, LegalBasis, Purpose, Recipient, Required, Sensitive};

/// What kind of block a practice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Collect,
    Cookie,
    Share,
}

/// One practice: a block through which personal data flows.
pub(crate) struct Practice<'a> {
    pub kind: Kind,
    pub fact: &'a facts::Practice,
    pub origin: &'a Origin,
    pub purposes: &'a [PurposeFact],
    pub law: &'a PracticeLaw,
    pub identifiable: bool,
    /// A `share`'s exception basis (`basis service-providers`).
    pub exception: Option<Exception>,
    /// A cookie's lifetime.
    pub lifetime: Option<&'a str>,
}

/// A legal basis as it applies to one purpose of a practice.
pub(crate) struct Basis<'a> {
    pub basis: LegalBasis,
    /// The declaring line, if any (a share's exception has none of its own).
    pub declared: Option<&'a BasisUse>,
}

impl<'a> Practice<'a> {
    /// The acknowledgment target (`collect registration`).
    pub fn target(&self) -> String {
        self.fact.target()
    }

    /// The basis `purpose` rests on: a `basis` line for it or for the whole
    /// block; for a `share`, the exceptions `consent` and `legal-requirement`.
    pub fn basis_for(&self, purpose: Purpose) -> Option<Basis<'a>> {
        if let Some(b) = self.law.basis_for(purpose) {
            return Some(Basis {
                basis: b.basis,
                declared: Some(b),
            });
        }
        let basis = match self.exception? {
            Exception::Consent => LegalBasis::Consent,
            Exception::LegalRequirement => LegalBasis::LegalObligation,
            _ => return None,
        };
        Some(Basis {
            basis,
            declared: None,
        })
    }

    /// The choice a purpose offers (a `share`'s own choice when it has one).
    pub fn choice(&self, u: &PurposeFact) -> Required {
        match self.fact.choice {
            Some(c) if c != Required::Always => c,
            _ => u.choice,
        }
    }

    /// Whether the practice reaches anyone but the site and its agents.
    pub fn reaches_third_party(&self) -> bool {
        self.fact
            .recipients
            .iter()
            .any(facts::RecipientFact::third_party)
    }

    /// Whether it collects data from children (a subject the facts recognise as such).
    pub fn children(&self) -> Option<&'a Origin> {
        self.fact
            .subjects
            .iter()
            .find(|s| s.children)
            .map(|s| &s.origin)
    }

    /// Kinds of sensitive data it handles: declared in `sensitive`, or implied
    /// by the data's categories and elements (crosswalk §1), each with where it shows.
    pub fn sensitive(&self) -> Vec<(Sensitive, &'a Origin)> {
        let mut out: Vec<(Sensitive, &'a Origin)> = self
            .law
            .sensitive
            .iter()
            .map(|s| (*s, &self.law.origin))
            .collect();
        for d in &self.fact.data {
            for c in &d.categories {
                out.extend(
                    vocabulary::sensitive_for_category(*c)
                        .iter()
                        .map(|s| (*s, &d.origin)),
                );
            }
            if let Some(e) = d.leaf.element() {
                out.extend(
                    vocabulary::sensitive_for_element(e)
                        .iter()
                        .map(|s| (*s, &d.origin)),
                );
            }
        }
        out
    }

    /// How the practice's disclosure counts under the CCPA: declared, else
    /// derived (crosswalk §2-3, judgements): `sale yes` is a sale; a cookie that
    /// follows people across sites, or personalised advertising reaching a third
    /// party, is sharing; `unrelated` recipients are presumed a sale. `None`:
    /// no disclosure to a third party, or one policyc cannot classify.
    pub fn disclosure(&self) -> Option<Disclosure> {
        if let Some(d) = self.law.disclosure {
            return Some(d);
        }
        if self.fact.sale {
            return Some(Disclosure::Sold);
        }
        if self.kind == Kind::Cookie && self.fact.cross_site() {
            return Some(Disclosure::Shared);
        }
        if self.reaches_third_party()
            && self
                .purposes
                .iter()
                .any(|u| u.purpose == Purpose::PseudoDecision)
        {
            return Some(Disclosure::Shared);
        }
        if self
            .fact
            .recipients
            .iter()
            .any(|r| r.kind == Some(Recipient::Unrelated))
        {
            return Some(Disclosure::Sold);
        }
        None
    }

    /// Whether personal information is sold or shared through this practice.
    pub fn sells_or_shares(&self) -> bool {
        self.identifiable
            && matches!(
                self.disclosure(),
                Some(Disclosure::Sold | Disclosure::Shared)
            )
    }
}

/// Every practice of the policy, in source order: statements, cookies, sharing
/// rules (retention rules carry no purposes of their own).
pub(crate) fn practices<'a>(cx: &Context<'a>, facts: &'a PolicyFacts) -> Vec<Practice<'a>> {
    let mut out = Vec::new();
    for fact in &facts.practices {
        let (kind, law, exception, lifetime) = match fact.kind {
            PracticeKind::Statement => match cx.statements.get(fact.name.as_str()) {
                Some(s) => (Kind::Collect, &s.legal, None, None),
                None => continue,
            },
            PracticeKind::Cookie => match cx.cookies.get(fact.name.as_str()) {
                Some(c) => (Kind::Cookie, &c.legal, None, c.lifetime.as_deref()),
                None => continue,
            },
            PracticeKind::Sharing => match cx.sharing.get(fact.name.as_str()) {
                Some(s) => (Kind::Share, &s.legal, s.basis, None),
                None => continue,
            },
            PracticeKind::Retention => continue,
        };
        let identifiable = match kind {
            // A first-party cookie not linked to people identifies nobody.
            Kind::Cookie => {
                fact.identifiable() || fact.cross_site() || fact.party == Some(Party::Third)
            }
            _ => fact.identifiable(),
        };
        out.push(Practice {
            kind,
            fact,
            origin: &fact.origin,
            purposes: &fact.purposes,
            law,
            identifiable,
            exception,
            lifetime,
        });
    }
    out
}

/// Whether a practice's retention states a period or criteria: in its own
/// `retain` line, a `retention` rule with a period that applies to it
/// (statements), or its lifetime (cookies). Data not retained needs none.
pub(crate) fn retention_stated(cx: &Context<'_>, pr: &Practice<'_>) -> bool {
    if let Some(r) = &pr.fact.retention {
        if r.value == Some(vocabulary::Retention::NoRetention)
            || r.period.as_deref().is_some_and(|t| !t.trim().is_empty())
        {
            return true;
        }
    }
    let ruled = pr.fact.retention_rules.iter().any(|name| {
        cx.policy
            .retention
            .iter()
            .any(|r| &r.name == name && !r.period.trim().is_empty())
    });
    match pr.kind {
        Kind::Collect => ruled,
        Kind::Cookie => ruled || pr.lifetime.is_some_and(|t| !t.trim().is_empty()),
        Kind::Share => true,
    }
}
