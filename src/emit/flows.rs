//! The policy's data flows as the machine-readable outputs of 2026 see them: each
//! `collect` statement, cookie and sharing rule, with its data items (sets expanded),
//! purposes, recipients, retention and whether it identifies people. The app-store,
//! records-of-processing and DPV emitters (and the M-family checks of their
//! mappings) all read this one projection, so they cannot disagree with each other.

use crate::model::{DataItem, DataRef, DataUse, Policy, RetentionUse};
use crate::span::Origin;
use crate::vocabulary::stores::{category_mapping, element_mapping, DataMapping};
use crate::vocabulary::{lookup_data, Category, Purpose, Recipient, Required, Term};

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

/// One data item of a flow.
#[derive(Clone, Debug)]
pub struct FlowItem {
    pub item: DataItem,
    /// Fixed plus declared categories, in vocabulary order, no repeats.
    pub categories: Vec<Category>,
    /// What it is in the store and DPV vocabularies (empty: unmapped).
    pub mappings: Vec<DataMapping>,
}

impl FlowItem {
    /// The element name or the custom data's words.
    pub fn name(&self) -> &str {
        match &self.item.data {
            DataRef::Schema(s) | DataRef::Custom(s) => s,
        }
    }
}

/// A recipient of a flow, resolved to its P3P kind.
#[derive(Clone, Debug)]
pub struct FlowRecipient<'a> {
    pub name: &'a str,
    pub kind: Recipient,
    pub description: Option<&'a str>,
    pub required: Required,
}

/// One data flow.
#[derive(Clone, Debug)]
pub struct Flow<'a> {
    pub kind: FlowKind,
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub items: Vec<FlowItem>,
    /// Purposes with their choice; a sharing rule's choice applies to all of them.
    pub purposes: Vec<(Purpose, Required)>,
    pub recipients: Vec<FlowRecipient<'a>>,
    /// Subjects by name (collect statements only).
    pub subjects: Vec<&'a str>,
    pub retention: Option<&'a RetentionUse>,
    /// Retention rules that apply to this flow: (period, destruction).
    pub retention_rules: Vec<(&'a str, Option<&'a str>)>,
    pub identifiable: bool,
    /// Sold, rented or traded (sharing rules).
    pub sale: bool,
    /// Follows people across other sites (cookies).
    pub cross_site: bool,
    /// The usual exception a sharing rule falls under, if it names one.
    pub basis: Option<crate::model::Exception>,
    pub origin: &'a Origin,
}

impl Flow<'_> {
    /// True when some recipient is not the policy's own organisation or its agents.
    pub fn to_third_party(&self) -> bool {
        self.kind == FlowKind::Share || self.recipients.iter().any(|r| r.kind.is_third_party())
    }

    /// Tracking in Apple's sense: linking the data with third parties' for targeted
    /// advertising or measurement, or passing it to data brokers.
    pub fn tracking(&self) -> bool {
        self.cross_site
            || (self.identifiable
                && (self.sale
                    || (self
                        .recipients
                        .iter()
                        .any(|r| matches!(r.kind, Recipient::Unrelated | Recipient::Public))
                        && self
                            .purposes
                            .iter()
                            .any(|(p, _)| crate::vocabulary::stores::is_tracking_purpose(*p)))))
    }

    /// True when the person may decline: every item optional, or every purpose
    /// and third-party recipient a matter of choice.
    pub fn optional(&self) -> bool {
        (!self.items.is_empty() && self.items.iter().all(|i| i.item.optional))
            || (!self.purposes.is_empty()
                && self.purposes.iter().all(|(_, r)| *r != Required::Always))
    }

    /// Sharing in Google Play's sense: identifiable data passed to a third party,
    /// not to a service provider acting for us (`ours`, `other-recipient`), and not
    /// for a legal obligation, with consent, or only in aggregate (Play's exemptions).
    pub fn shared(&self) -> bool {
        use crate::model::Exception;
        self.identifiable
            && !matches!(
                self.basis,
                Some(Exception::LegalRequirement | Exception::ServiceProviders | Exception::Aggregate | Exception::Consent)
            )
            && self.recipients.iter().any(|r| {
                matches!(
                    r.kind,
                    Recipient::Same | Recipient::Delivery | Recipient::Unrelated | Recipient::Public
                )
            })
    }

    /// Not kept beyond the interaction (P3P `no-retention`).
    pub fn ephemeral(&self) -> bool {
        self.retention
            .is_some_and(|r| r.value == crate::vocabulary::Retention::NoRetention)
    }
}

fn item_mappings(item: &DataItem, categories: &[Category]) -> Vec<DataMapping> {
    let mut out = Vec::new();
    let mut push = |m: DataMapping| {
        if !out.contains(&m) {
            out.push(m);
        }
    };
    match &item.data {
        DataRef::Schema(name) => {
            if let Some(m) = element_mapping(name) {
                push(m);
                // Declared categories add to the element's own (REC §3.4).
                for c in &item.categories {
                    if let Some(m) = category_mapping(*c) {
                        push(m);
                    }
                }
                return out;
            }
            for c in categories {
                if let Some(m) = category_mapping(*c) {
                    push(m);
                }
            }
        }
        DataRef::Custom(_) => {
            for c in categories {
                if let Some(m) = category_mapping(*c) {
                    push(m);
                }
            }
        }
    }
    out
}

fn categories(item: &DataItem) -> Vec<Category> {
    let mut cats: Vec<Category> = match &item.data {
        DataRef::Schema(name) => lookup_data(name)
            .map(|e| e.categories.clone())
            .unwrap_or_default(),
        DataRef::Custom(_) => Vec::new(),
    };
    cats.extend(item.categories.iter().copied());
    cats.sort_by_key(|c| Category::ALL.iter().position(|x| x == c));
    cats.dedup();
    cats
}

fn expand(policy: &Policy, data: &[DataUse]) -> Vec<FlowItem> {
    let mut out = Vec::new();
    let mut add = |item: &DataItem| {
        let categories = categories(item);
        let mappings = item_mappings(item, &categories);
        out.push(FlowItem {
            item: item.clone(),
            categories,
            mappings,
        });
    };
    for d in data {
        match d {
            DataUse::Item(i) => add(i),
            DataUse::Set { name, .. } => {
                if let Some(set) = policy.datasets.iter().find(|s| s.name == *name) {
                    set.items.iter().for_each(&mut add);
                }
            }
        }
    }
    out
}

fn recipients<'a>(
    policy: &'a Policy,
    uses: impl Iterator<Item = (&'a str, Required)>,
) -> Vec<FlowRecipient<'a>> {
    uses.filter_map(|(name, required)| {
        if let Some(def) = policy.recipients.iter().find(|r| r.name == name) {
            return Some(FlowRecipient {
                name,
                kind: def.kind,
                description: def.description.as_deref(),
                required,
            });
        }
        Recipient::from_word(name).map(|kind| FlowRecipient {
            name,
            kind,
            description: None,
            required,
        })
    })
    .collect()
}

/// Every flow of a policy: collect statements, then cookies, then sharing rules.
pub fn flows(policy: &Policy) -> Vec<Flow<'_>> {
    let mut out = Vec::new();
    for s in &policy.statements {
        let rules = policy
            .retention
            .iter()
            .filter(|r| r.applies_to.is_empty() || r.applies_to.contains(&s.name))
            .map(|r| (r.period.as_str(), r.destruction.as_deref()))
            .collect();
        let mut recips = recipients(
            policy,
            s.recipients.iter().map(|r| (r.name.as_str(), r.required)),
        );
        if recips.is_empty() {
            recips = recipients(policy, std::iter::once(("ours", Required::Always)));
        }
        out.push(Flow {
            kind: FlowKind::Collect,
            name: &s.name,
            title: s.title.as_deref(),
            items: expand(policy, &s.data),
            purposes: s.purposes.iter().map(|p| (p.purpose, p.required)).collect(),
            recipients: recips,
            subjects: s.subjects.iter().map(String::as_str).collect(),
            retention: s.retention.as_ref(),
            retention_rules: rules,
            identifiable: s.identifiable,
            sale: false,
            cross_site: false,
            basis: None,
            origin: &s.origin,
        });
    }
    for c in &policy.cookies {
        let mut recips = recipients(
            policy,
            c.recipients.iter().map(|r| (r.name.as_str(), r.required)),
        );
        if let Some(p) = &c.provider {
            if !recips.iter().any(|r| r.name == p) {
                recips.extend(recipients(policy, std::iter::once((p.as_str(), Required::Always))));
            }
        }
        if recips.is_empty() {
            recips = recipients(policy, std::iter::once(("ours", Required::Always)));
        }
        out.push(Flow {
            kind: FlowKind::Cookie,
            name: &c.name,
            title: c.title.as_deref(),
            items: cookie_items(c),
            purposes: c.purposes.iter().map(|p| (p.purpose, p.required)).collect(),
            recipients: recips,
            subjects: Vec::new(),
            retention: c.retention.as_ref(),
            retention_rules: Vec::new(),
            identifiable: c.linked,
            sale: false,
            cross_site: c.cross_site,
            basis: None,
            origin: &c.origin,
        });
    }
    for sh in &policy.sharing {
        out.push(Flow {
            kind: FlowKind::Share,
            name: &sh.name,
            title: sh.title.as_deref(),
            items: expand(policy, &sh.data),
            purposes: sh.purposes.iter().map(|p| (p.purpose, sh.choice)).collect(),
            recipients: recipients(policy, sh.with.iter().map(|w| (w.as_str(), sh.choice))),
            subjects: Vec::new(),
            retention: None,
            retention_rules: Vec::new(),
            identifiable: sh.identifiable,
            sale: sh.sale,
            cross_site: false,
            basis: sh.basis,
            origin: &sh.origin,
        });
    }
    out
}

/// A cookie holds `dynamic.cookies` with the cookie's categories (REC §3.4).
fn cookie_items(c: &crate::model::Cookie) -> Vec<FlowItem> {
    let item = DataItem {
        data: DataRef::Schema("dynamic.cookies".to_string()),
        categories: c.categories.clone(),
        optional: false,
        origin: c.origin.clone(),
    };
    let categories = categories(&item);
    let mappings = item_mappings(&item, &categories);
    vec![FlowItem {
        item,
        categories,
        mappings,
    }]
}
