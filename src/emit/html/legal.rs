//! The notice's legal contents (GDPR Art. 13/14; CCPA § 1798.130, § 1798.135):
//! the legal ground of every use, the legitimate interests pursued, transfers
//! abroad with what protects them and how to get a copy, representatives, and
//! the California links and request details. The grounds come from the facts
//! the GDPR checks use ([`crate::check::legal_grounds`]); every legal term is
//! worded by its reader wording (`vocabulary/reader/LANG.ftl`).

use super::catalog::Catalog;
use super::href::Link;
use super::names::Names;
use super::terms::recipient_view;
use super::view::{EntityView, Prose};
use super::words::{self, humanize};
use crate::check::{ccpa_disclosures_of, legal_grounds_of, Ground};
use crate::model::{Policy, Region};
use crate::vocabulary::{reader, CcpaCategory, Disclosure, LegalBasis, Purpose, Required, Term};
use serde::Serialize;
use std::collections::HashMap;

/// A legal term as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LawWords {
    pub label: String,
    pub description: String,
}

impl LawWords {
    fn of<T: crate::vocabulary::LawTerm>(cat: &Catalog, term: T) -> Self {
        let (label, description) = words::law_term(cat, term);
        Self { label, description }
    }
}

/// One practice serving a use, and the ground it rests on.
#[derive(Clone, Debug, Serialize)]
pub struct GroundView {
    /// The practice's title (policy text).
    pub practice: String,
    /// The anchor of the practice's details.
    pub href: Option<String>,
    pub basis: LawWords,
    /// The legitimate interest pursued (policy text).
    pub interest: Option<String>,
    /// Grounds for especially sensitive information (Art. 9(2)).
    pub conditions: Vec<LawWords>,
    /// The ground is consent: it can be withdrawn.
    pub consent: bool,
}

/// One use (purpose) and the grounds of every practice serving it.
#[derive(Clone, Debug, Serialize)]
pub struct UseGroundsView {
    pub id: String,
    /// The use in reader wording.
    pub label: String,
    pub grounds: Vec<GroundView>,
}

/// A transfer of information out of the EU or the UK.
#[derive(Clone, Debug, Serialize)]
pub struct TransferView {
    pub id: String,
    /// Destinations, as the policy names them.
    pub to: Vec<String>,
    /// Who receives it there, as the policy describes them.
    pub recipients: Vec<String>,
    pub safeguard: Option<LawWords>,
    /// How to get a copy of the safeguards (a link or words).
    pub copy: Option<Link>,
    pub text: Option<Prose>,
}

/// A representative in the EU or the UK (GDPR Art. 27).
#[derive(Clone, Debug, Serialize)]
pub struct RepresentativeView {
    /// "Our representative in the EU".
    pub role: String,
    pub contact: EntityView,
}

/// A financial incentive (CCPA § 1798.125(b)).
#[derive(Clone, Debug, Serialize)]
pub struct IncentiveView {
    pub title: String,
    pub summary: Prose,
    pub terms: Option<Prose>,
    pub value: Option<Prose>,
    pub join: Option<Prose>,
    pub withdraw: Option<Prose>,
}

/// Personal information given to others one way (sold, shared for advertising,
/// given to companies working for us), by CCPA category.
#[derive(Clone, Debug, Serialize)]
pub struct DisclosedView {
    pub how: LawWords,
    pub categories: Vec<String>,
}

/// The California items (CCPA/CPRA) the policy states.
#[derive(Clone, Debug, Serialize)]
pub struct CaliforniaView {
    /// The "Do Not Sell or Share My Personal Information" link.
    pub do_not_sell: Option<Link>,
    /// The "Limit the Use of My Sensitive Personal Information" link.
    pub limit_use: Option<Link>,
    /// Whether sensitive information is used beyond what the service needs.
    pub sensitive_beyond: Option<bool>,
    pub sensitive_text: Option<Prose>,
    pub methods: Vec<Link>,
    pub verification: Option<Prose>,
    pub agent: Option<Prose>,
    pub incentives: Vec<IncentiveView>,
    /// Whether a Global Privacy Control signal is honoured (`None`: not said).
    pub gpc: Option<bool>,
    /// What is sold, shared or given for a business purpose, derived from the
    /// facts as the CCPA checks read them; empty: nothing is.
    pub disclosed: Vec<DisclosedView>,
}

/// Everything legal the page shows.
#[derive(Clone, Debug, Serialize)]
pub struct LegalView {
    /// Uses with the grounds of the practices serving them, in the vocabulary's order.
    pub uses: Vec<UseGroundsView>,
    pub transfers: Vec<TransferView>,
    pub representatives: Vec<RepresentativeView>,
    pub california: Option<CaliforniaView>,
    /// The anchor of the right to object, when the policy offers it.
    pub object_href: Option<String>,
    /// The anchor of the right to withdraw consent, when the policy offers it.
    pub withdraw_href: Option<String>,
}

/// A link or plain words: `https:`/`mailto:` addresses and e-mail addresses link.
fn link_or_words(text: &str) -> Link {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if ["https://", "http://", "mailto:", "/"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        Link::url(t)
    } else if t.contains('@') && !t.contains(char::is_whitespace) {
        Link::email(t)
    } else {
        Link {
            text: t.to_string(),
            href: None,
        }
    }
}

/// The anchor of a practice's details (`collect-2`, `cookie-1`, `share-3`).
/// A policy's practices by name with their positions (the first of a name, as a
/// search from the top finds it), and its definitions: built once per page, so
/// that each ground finds its practice in constant time.
struct Practices<'p> {
    names: Names<'p>,
    statements: HashMap<&'p str, usize>,
    cookies: HashMap<&'p str, usize>,
    sharing: HashMap<&'p str, usize>,
}

impl<'p> Practices<'p> {
    fn new(policy: &'p Policy) -> Self {
        fn positions<'p, T>(
            items: &'p [T],
            name: impl Fn(&'p T) -> &'p str,
        ) -> HashMap<&'p str, usize> {
            let mut at = HashMap::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                at.entry(name(item)).or_insert(i);
            }
            at
        }
        Self {
            names: Names::new(policy),
            statements: positions(&policy.statements, |s| s.name.as_str()),
            cookies: positions(&policy.cookies, |c| c.name.as_str()),
            sharing: positions(&policy.sharing, |s| s.name.as_str()),
        }
    }
}

fn practice_href(practices: &Practices<'_>, g: &Ground) -> Option<String> {
    let kind = g.practice.split_whitespace().next().unwrap_or_default();
    let (prefix, index) = match kind {
        "collect" => ("collect", practices.statements.get(g.name.as_str())),
        "cookie" => ("cookie", practices.cookies.get(g.name.as_str())),
        "share" => ("share", practices.sharing.get(g.name.as_str())),
        _ => return None,
    };
    index.map(|i| format!("#{prefix}-{}", i + 1))
}

/// The title of the practice a ground is about.
fn practice_title(cat: &Catalog, practices: &Practices<'_>, g: &Ground) -> String {
    let policy = practices.names.policy;
    let kind = g.practice.split_whitespace().next().unwrap_or_default();
    let name = g.name.as_str();
    let title = match kind {
        "collect" => practices
            .statements
            .get(name)
            .and_then(|i| policy.statements[*i].title.clone()),
        "cookie" => practices
            .cookies
            .get(name)
            .and_then(|i| policy.cookies[*i].title.clone()),
        "share" => practices.sharing.get(name).map(|i| {
            let s = &policy.sharing[*i];
            s.title.clone().unwrap_or_else(|| {
                let with: Vec<String> = s
                    .with
                    .iter()
                    .map(|w| recipient_view(cat, &practices.names, w, s.choice).label)
                    .collect();
                words::list(cat, &with)
            })
        }),
        _ => None,
    };
    title.unwrap_or_else(|| humanize(&g.name))
}

/// The grounds of every use, grouped by use in the vocabulary's order; a use
/// none of whose practices names a ground is left out.
pub fn uses(cat: &Catalog, policy: &Policy, grounds: &[Ground]) -> Vec<UseGroundsView> {
    uses_in(cat, &Practices::new(policy), grounds)
}

fn uses_in(cat: &Catalog, practices: &Practices<'_>, grounds: &[Ground]) -> Vec<UseGroundsView> {
    let mut out = Vec::new();
    for (i, purpose) in Purpose::ALL.iter().enumerate() {
        let list: Vec<GroundView> = grounds
            .iter()
            .filter(|g| g.purpose == *purpose)
            .filter_map(|g| {
                let basis = g.basis?;
                Some(GroundView {
                    practice: practice_title(cat, practices, g),
                    href: practice_href(practices, g),
                    basis: LawWords::of(cat, basis),
                    interest: (basis == LegalBasis::LegitimateInterests)
                        .then(|| g.interest.clone())
                        .flatten(),
                    conditions: g.conditions.iter().map(|c| LawWords::of(cat, *c)).collect(),
                    consent: basis == LegalBasis::Consent,
                })
            })
            .collect();
        if !list.is_empty() {
            out.push(UseGroundsView {
                id: format!("ground-{}", i + 1),
                label: cat.msg(&reader::message_id(*purpose)),
                grounds: list,
            });
        }
    }
    out
}

/// The distinct grounds a use rests on, in reader wording, for the first screen.
pub fn grounds_of(cat: &Catalog, grounds: &[Ground], purpose: Purpose) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in <LegalBasis as crate::vocabulary::LawTerm>::ALL {
        if grounds
            .iter()
            .any(|g| g.purpose == purpose && g.basis == Some(*b))
        {
            out.push(LawWords::of(cat, *b).label);
        }
    }
    out
}

/// The legal contents of `policy`, worded from `cat`.
pub fn legal(
    cat: &Catalog,
    policy: &Policy,
    rights: &[(crate::vocabulary::RightKind, String)],
) -> (LegalView, Vec<Ground>) {
    legal_with(cat, policy, rights, &crate::facts::derive_policy(policy))
}

/// [`legal`] from the policy's facts already derived.
pub fn legal_with(
    cat: &Catalog,
    policy: &Policy,
    rights: &[(crate::vocabulary::RightKind, String)],
    facts: &crate::facts::PolicyFacts,
) -> (LegalView, Vec<Ground>) {
    let grounds = legal_grounds_of(policy, facts);
    let practices = Practices::new(policy);
    let legal = &policy.legal;
    let anchor = |kind: crate::vocabulary::RightKind| {
        rights
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, id)| format!("#{id}"))
    };
    let view = LegalView {
        uses: uses_in(cat, &practices, &grounds),
        transfers: legal
            .transfers
            .iter()
            .enumerate()
            .map(|(i, t)| TransferView {
                id: format!("transfer-{}", i + 1),
                to: t.to.clone(),
                recipients: t
                    .recipients
                    .iter()
                    .map(|r| recipient_view(cat, &practices.names, r, Required::Always).label)
                    .collect(),
                safeguard: t.safeguard.map(|s| LawWords::of(cat, s)),
                copy: t.copy.as_deref().map(link_or_words),
                text: t
                    .text
                    .as_ref()
                    .map(|x| Prose::of(x))
                    .filter(|p| !p.paragraphs.is_empty()),
            })
            .collect(),
        representatives: legal
            .representatives
            .iter()
            .map(|r| RepresentativeView {
                role: cat.msg(match r.region {
                    Region::Eu => "legal-representative-eu",
                    Region::Uk => "legal-representative-uk",
                }),
                contact: super::view::entity(&r.contact),
            })
            .collect(),
        california: california(cat, policy, facts),
        object_href: anchor(crate::vocabulary::RightKind::Objection),
        withdraw_href: anchor(crate::vocabulary::RightKind::WithdrawConsent),
    };
    (view, grounds)
}

/// The California items, when the policy has a `ccpa` block or names the CCPA.
fn california(
    cat: &Catalog,
    policy: &Policy,
    facts: &crate::facts::PolicyFacts,
) -> Option<CaliforniaView> {
    let legal = &policy.legal;
    if legal.ccpa.is_none() && !legal.applies.contains(&crate::vocabulary::Law::Ccpa) {
        return None;
    }
    let disclosures = ccpa_disclosures_of(policy, facts);
    let mut disclosed = Vec::new();
    for how in <Disclosure as crate::vocabulary::LawTerm>::ALL {
        let mut cats: Vec<CcpaCategory> = disclosures
            .iter()
            .filter(|d| d.disclosure == *how)
            .flat_map(|d| d.categories.iter().copied())
            .collect();
        if disclosures.iter().all(|d| d.disclosure != *how) {
            continue;
        }
        cats.sort();
        cats.dedup();
        disclosed.push(DisclosedView {
            how: LawWords::of(cat, *how),
            categories: cats.iter().map(|c| LawWords::of(cat, *c).label).collect(),
        });
    }
    let empty = crate::model::CcpaNotice::default();
    let c = legal.ccpa.as_ref().unwrap_or(&empty);
    Some(CaliforniaView {
        do_not_sell: c.do_not_sell.as_deref().map(link_or_words),
        limit_use: c.limit_use.as_deref().map(link_or_words),
        sensitive_beyond: c.sensitive_use.as_ref().map(|s| s.beyond),
        sensitive_text: c
            .sensitive_use
            .as_ref()
            .and_then(|s| s.text.as_ref())
            .map(|t| Prose::of(t)),
        methods: c.methods.iter().map(|m| link_or_words(m)).collect(),
        verification: c.verification.as_ref().map(|t| Prose::of(t)),
        agent: c.agent.as_ref().map(|t| Prose::of(t)),
        incentives: c
            .incentives
            .iter()
            .map(|i| IncentiveView {
                title: humanize(&i.name),
                summary: Prose::of(&i.summary),
                terms: i.terms.as_ref().map(|t| Prose::of(t)),
                value: i.value.as_ref().map(|t| Prose::of(t)),
                join: i.join.as_ref().map(|t| Prose::of(t)),
                withdraw: i.withdraw.as_ref().map(|t| Prose::of(t)),
            })
            .collect(),
        gpc: legal.gpc_honoured,
        disclosed,
    })
}
