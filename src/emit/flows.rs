//! The policy's data flows as the machine-readable outputs of 2026 see them: a
//! projection of the facts layer (`crate::facts`), one flow per `collect` statement,
//! cookie and sharing rule, with its data leaves mapped onto the store and DPV
//! vocabularies. The app-store, records-of-processing and DPV emitters (and the
//! M-family checks of their mappings) all read this one projection, so they cannot
//! disagree with each other or with the facts the checks query.

use crate::facts::{derive_policy, Leaf, PolicyFacts, Practice, PracticeKind};
use crate::model::{Exception, Policy};
use crate::span::Origin;
use crate::vocabulary::stores::{category_mapping, element_mapping, DataMapping};
use crate::vocabulary::{Category, LegalBasis, Purpose, Recipient, Required, Retention};
use std::collections::HashMap;

/// What kind of element a flow comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    /// A `collect` block.
    Collect,
    /// A `cookie`.
    Cookie,
    /// A `share` rule (data collected elsewhere, passed on).
    Share,
}

impl FlowKind {
    pub fn word(self) -> &'static str {
        match self {
            Self::Collect => "collect",
            Self::Cookie => "cookie",
            Self::Share => "share",
        }
    }
}

/// One data leaf of a flow.
#[derive(Clone, Debug)]
pub struct FlowItem {
    /// The base data schema element, the custom data's words, or what a cookie holds.
    pub name: String,
    /// The element, set or custom data as the practice names it (`user.name`).
    pub written: String,
    /// True for a base data schema element.
    pub schema: bool,
    /// Fixed plus declared categories.
    pub categories: Vec<Category>,
    /// The person may decline to give it.
    pub optional: bool,
    /// What it is in the store and DPV vocabularies (empty: unmapped).
    pub mappings: Vec<DataMapping>,
    pub origin: Origin,
}

/// A recipient of a flow, resolved to its P3P kind.
#[derive(Clone, Debug)]
pub struct FlowRecipient {
    pub name: String,
    pub kind: Recipient,
    pub description: Option<String>,
    pub required: Required,
    /// The usual exception the data reaches it under (service providers, law...).
    pub basis: Option<Exception>,
}

/// One data flow.
#[derive(Clone, Debug)]
pub struct Flow {
    pub kind: FlowKind,
    pub name: String,
    pub title: Option<String>,
    pub items: Vec<FlowItem>,
    /// Purposes with their choice, and the words of an `other-purpose`.
    pub purposes: Vec<(Purpose, Required)>,
    pub purpose_descriptions: Vec<(Purpose, String)>,
    pub recipients: Vec<FlowRecipient>,
    /// Subjects by name (collect statements only).
    pub subjects: Vec<String>,
    pub retention: Option<Retention>,
    pub retention_period: Option<String>,
    /// Retention rules that apply to this flow: (period, destruction).
    pub retention_rules: Vec<(String, Option<String>)>,
    /// Legal bases (GDPR Art. 6(1)), each for one purpose or (`None`) for all.
    pub bases: Vec<(Option<Purpose>, LegalBasis)>,
    /// Identifies people: as declared or as derived by the facts layer.
    pub identifiable: bool,
    /// Sold, rented or traded (sharing rules).
    pub sale: bool,
    /// Follows people across other sites (cookies): declared or derived.
    pub cross_site: bool,
    pub origin: Origin,
}

impl Flow {
    /// True when some recipient is not the policy's own organisation or its agents.
    pub fn to_third_party(&self) -> bool {
        self.kind == FlowKind::Share || self.recipients.iter().any(|r| r.kind.is_third_party())
    }

    /// Tracking in Apple's sense: linking the data with third parties' for targeted
    /// advertising or measurement, or passing it to data brokers.
    pub fn tracking(&self) -> bool {
        let to_strangers = self
            .recipients
            .iter()
            .any(|r| matches!(r.kind, Recipient::Unrelated | Recipient::Public));
        let profiling = self
            .purposes
            .iter()
            .any(|(p, _)| crate::vocabulary::stores::is_tracking_purpose(*p));
        self.cross_site || (self.identifiable && (self.sale || (to_strangers && profiling)))
    }

    /// True when the person may decline: every item optional, or every purpose a
    /// matter of choice.
    pub fn optional(&self) -> bool {
        (!self.items.is_empty() && self.items.iter().all(|i| i.optional))
            || (!self.purposes.is_empty()
                && self.purposes.iter().all(|(_, r)| *r != Required::Always))
    }

    /// Sharing in Google Play's sense: identifiable data passed to a third party,
    /// not to a service provider acting for us (`ours`, `other-recipient`), and not
    /// for a legal obligation, with consent, or only in aggregate (Play's exemptions).
    pub fn shared(&self) -> bool {
        self.identifiable
            && self.recipients.iter().any(|r| {
                matches!(
                    r.kind,
                    Recipient::Same
                        | Recipient::Delivery
                        | Recipient::Unrelated
                        | Recipient::Public
                ) && !matches!(
                    r.basis,
                    Some(
                        Exception::LegalRequirement
                            | Exception::ServiceProviders
                            | Exception::Aggregate
                            | Exception::Consent
                    )
                )
            })
    }

    /// The policy's transfers out of the EEA that concern this flow: those naming
    /// one of its recipients, and those naming none (they concern all data), in
    /// the policy's order. For many flows, index the policy once: [`Lookups`].
    pub fn transfers<'p>(&self, policy: &'p Policy) -> Vec<&'p crate::model::Transfer> {
        Lookups::new(policy).transfers(self)
    }

    /// Not kept beyond the interaction (P3P `no-retention`).
    pub fn ephemeral(&self) -> bool {
        self.retention == Some(Retention::NoRetention)
    }
}

/// What the emitters look up in a policy for each of its flows (subjects by name,
/// the transfers concerning the flow, the security measures covering its data),
/// indexed once per policy, so that each flow's look-ups cost what they return and
/// not the size of the policy.
pub struct Lookups<'p> {
    policy: &'p Policy,
    subjects: HashMap<&'p str, &'p crate::model::Subject>,
    /// Transfers naming no recipient (they concern all data), by position.
    general_transfers: Vec<usize>,
    transfers_by_recipient: HashMap<&'p str, Vec<usize>>,
    /// Measures covering all data, by position.
    general_measures: Vec<usize>,
    measures_by_category: HashMap<Category, Vec<usize>>,
}

impl<'p> Lookups<'p> {
    /// Indexes `policy`.
    pub fn new(policy: &'p Policy) -> Self {
        let mut subjects = HashMap::with_capacity(policy.subjects.len());
        for s in &policy.subjects {
            // The first definition of a name, as a search would find it.
            subjects.entry(s.name.as_str()).or_insert(s);
        }
        let mut general_transfers = Vec::new();
        let mut transfers_by_recipient: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, t) in policy.legal.transfers.iter().enumerate() {
            if t.recipients.is_empty() {
                general_transfers.push(i);
            }
            for r in &t.recipients {
                let list = transfers_by_recipient.entry(r.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let mut general_measures = Vec::new();
        let mut measures_by_category: HashMap<Category, Vec<usize>> = HashMap::new();
        for (i, m) in policy.security.iter().enumerate() {
            if m.covers.is_empty() {
                general_measures.push(i);
            }
            for c in &m.covers {
                let list = measures_by_category.entry(*c).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Self {
            policy,
            subjects,
            general_transfers,
            transfers_by_recipient,
            general_measures,
            measures_by_category,
        }
    }

    /// The subject defined as `name`.
    pub fn subject(&self, name: &str) -> Option<&'p crate::model::Subject> {
        self.subjects.get(name).copied()
    }

    /// [`Flow::transfers`]: the policy's transfers out of the EEA that concern
    /// `flow`, in the policy's order.
    pub fn transfers(&self, flow: &Flow) -> Vec<&'p crate::model::Transfer> {
        let mut at = self.general_transfers.clone();
        for r in &flow.recipients {
            if let Some(list) = self.transfers_by_recipient.get(r.name.as_str()) {
                at.extend(list);
            }
        }
        in_order(at)
            .map(|i| &self.policy.legal.transfers[i])
            .collect()
    }

    /// The policy's security measures that cover some data of `flow` (or all
    /// data), in the policy's order.
    pub fn measures(&self, flow: &Flow) -> Vec<&'p crate::model::SecurityMeasure> {
        let mut at = self.general_measures.clone();
        if !self.measures_by_category.is_empty() {
            let mut seen: Vec<Category> = Vec::new();
            for c in flow.items.iter().flat_map(|i| &i.categories) {
                if !seen.contains(c) {
                    seen.push(*c);
                    if let Some(list) = self.measures_by_category.get(c) {
                        at.extend(list);
                    }
                }
            }
        }
        in_order(at).map(|i| &self.policy.security[i]).collect()
    }
}

/// Positions sorted, each once.
fn in_order(mut at: Vec<usize>) -> impl Iterator<Item = usize> {
    at.sort_unstable();
    at.dedup();
    at.into_iter()
}

fn mappings(leaf: &Leaf, declared_only: &[Category], categories: &[Category]) -> Vec<DataMapping> {
    let element = leaf.element().and_then(element_mapping);
    // At most one mapping per category (and the element's): sized so, not grown
    // (every data leaf of every flow holds one of these lists).
    let mut out = Vec::with_capacity(match element {
        Some(_) => 1 + declared_only.len(),
        None => categories.len(),
    });
    let mut push = |m: DataMapping| {
        if !out.contains(&m) {
            out.push(m);
        }
    };
    if let Some(m) = element {
        push(m);
        // Declared categories add to the element's own (REC §3.4).
        declared_only
            .iter()
            .filter_map(|c| category_mapping(*c))
            .for_each(&mut push);
        return out;
    }
    categories
        .iter()
        .filter_map(|c| category_mapping(*c))
        .for_each(push);
    out
}

fn item(d: &crate::facts::DataFact) -> FlowItem {
    let fixed: Vec<Category> = d
        .leaf
        .element()
        .and_then(crate::vocabulary::lookup_data)
        .map(|e| e.categories.clone())
        .unwrap_or_default();
    let declared: Vec<Category> = d
        .categories
        .iter()
        .copied()
        .filter(|c| !fixed.contains(c))
        .collect();
    FlowItem {
        name: d.leaf.text().to_string(),
        written: d.written.to_string(),
        schema: d.leaf.element().is_some(),
        categories: d.categories.clone(),
        optional: d.optional,
        mappings: mappings(&d.leaf, &declared, &d.categories),
        origin: d.origin,
    }
}

/// A policy's practices and recipients by name (the first of equal names, as a
/// linear search finds it), so that each flow looks them up in constant time.
struct ByName<'p> {
    statements: HashMap<&'p str, &'p crate::model::Statement>,
    cookies: HashMap<&'p str, &'p crate::model::Cookie>,
    sharing: HashMap<&'p str, &'p crate::model::Sharing>,
    recipients: HashMap<&'p str, &'p crate::model::RecipientDef>,
}

fn by_name<'p, T>(items: &'p [T], name: impl Fn(&'p T) -> &'p str) -> HashMap<&'p str, &'p T> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(name(item)).or_insert(item);
    }
    map
}

impl<'p> ByName<'p> {
    fn new(policy: &'p Policy) -> Self {
        Self {
            statements: by_name(&policy.statements, |s| s.name.as_str()),
            cookies: by_name(&policy.cookies, |c| c.name.as_str()),
            sharing: by_name(&policy.sharing, |s| s.name.as_str()),
            recipients: by_name(&policy.recipients, |r| r.name.as_str()),
        }
    }
}

fn flow(policy: &Policy, names: &ByName<'_>, p: &Practice) -> Option<Flow> {
    let kind = match p.kind {
        PracticeKind::Statement => FlowKind::Collect,
        PracticeKind::Cookie => FlowKind::Cookie,
        PracticeKind::Sharing => FlowKind::Share,
        PracticeKind::Retention => return None,
    };
    let name = p.name.as_str();
    let (title, legal) = match kind {
        FlowKind::Collect => names
            .statements
            .get(name)
            .map_or((None, None), |s| (s.title.clone(), Some(&s.legal))),
        FlowKind::Cookie => names
            .cookies
            .get(name)
            .map_or((None, None), |c| (c.title.clone(), Some(&c.legal))),
        FlowKind::Share => names
            .sharing
            .get(name)
            .map_or((None, None), |s| (s.title.clone(), Some(&s.legal))),
    };
    let bases = legal
        .map(|l| l.bases.iter().map(|b| (b.purpose, b.basis)).collect())
        .unwrap_or_default();
    let mut recipients: Vec<FlowRecipient> = p
        .recipients
        .iter()
        .filter_map(|r| {
            let kind = r.kind?;
            let description = names
                .recipients
                .get(r.name.as_str())
                .and_then(|d| d.description.clone());
            Some(FlowRecipient {
                name: r.name.clone(),
                kind,
                description,
                required: r.choice,
                basis: r.basis,
            })
        })
        .collect();
    if recipients.is_empty() && kind != FlowKind::Share {
        // No `to`: the data stays with us (P3P's `ours`).
        recipients.push(FlowRecipient {
            name: "ours".into(),
            kind: Recipient::Ours,
            description: None,
            required: Required::Always,
            basis: None,
        });
    }
    let retention_rules = policy
        .retention
        .iter()
        .filter(|r| p.retention_rules.contains(&r.name))
        .map(|r| (r.period.clone(), r.destruction.clone()))
        .collect();
    Some(Flow {
        kind,
        name: p.name.clone(),
        title,
        items: p.data.iter().map(item).collect(),
        purposes: p.purposes.iter().map(|u| (u.purpose, u.choice)).collect(),
        purpose_descriptions: p
            .purposes
            .iter()
            .filter_map(|u| u.description.clone().map(|d| (u.purpose, d)))
            .collect(),
        recipients,
        subjects: p.subjects.iter().map(|s| s.name.clone()).collect(),
        retention: p.retention.as_ref().and_then(|r| r.value),
        retention_period: p.retention.as_ref().and_then(|r| r.period.clone()),
        retention_rules,
        bases,
        identifiable: p.identifiable(),
        sale: p.sale,
        cross_site: p.cross_site(),
        origin: p.origin,
    })
}

/// Every flow of a policy, from its facts: collect statements, then cookies, then
/// sharing rules.
pub fn flows(policy: &Policy) -> Vec<Flow> {
    flows_of(policy, &derive_policy(policy))
}

/// [`flows`] from the policy's facts already derived.
pub fn flows_of(policy: &Policy, facts: &PolicyFacts) -> Vec<Flow> {
    let names = ByName::new(policy);
    facts
        .practices
        .iter()
        .filter_map(|p| flow(policy, &names, p))
        .collect()
}
