//! Builds the facts of a policy from its model: every practice with its subjects,
//! data leaves, purposes, recipients and retention, then the derived attributes.

use super::attributes;
use super::table::{
    DataFact, Declared, Facts, Leaf, PolicyFacts, Practice, PracticeKind, PurposeFact,
    RecipientFact, RecipientRole, RetentionFact, SubjectFact,
};
use crate::model::{
    Cookie, DataItem, DataRef, DataSet, DataUse, Policy, PolicySet, PurposeUse, RecipientDef,
    RecipientUse, RetentionRule, RetentionUse, Sharing, Statement, Subject,
};
use crate::span::Origin;
use crate::vocabulary::{self, identifying, Category, Recipient, Required, Term};
use std::collections::HashMap;

/// The facts of every policy in a set.
pub fn derive(set: &PolicySet) -> Facts {
    Facts {
        policies: set.policies.iter().map(derive_policy).collect(),
    }
}

/// The facts of one policy.
pub fn derive_policy(policy: &Policy) -> PolicyFacts {
    let b = Builder::new(policy);
    let mut practices: Vec<Practice> = Vec::new();
    practices.extend(policy.statements.iter().map(|s| b.statement(s)));
    practices.extend(policy.cookies.iter().map(|c| b.cookie(c)));
    practices.extend(policy.sharing.iter().map(|s| b.sharing(s)));
    practices.extend(policy.retention.iter().map(|r| b.retention(r)));
    for p in &mut practices {
        attributes::attributes(p);
    }
    PolicyFacts {
        policy: policy.name.clone(),
        practices,
    }
}

struct Builder<'a> {
    policy: &'a Policy,
    subjects: HashMap<&'a str, &'a Subject>,
    recipients: HashMap<&'a str, &'a RecipientDef>,
    datasets: HashMap<&'a str, &'a DataSet>,
}

fn index<'a, T>(items: &'a [T], name: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(name(item)).or_insert(item);
    }
    map
}

impl<'a> Builder<'a> {
    fn new(policy: &'a Policy) -> Self {
        Self {
            policy,
            subjects: index(&policy.subjects, |s| s.name.as_str()),
            recipients: index(&policy.recipients, |r| r.name.as_str()),
            datasets: index(&policy.datasets, |d| d.name.as_str()),
        }
    }

    fn subjects(&self, names: &[String]) -> Vec<SubjectFact> {
        let mut out: Vec<SubjectFact> = Vec::new();
        for name in names {
            if out.iter().any(|s| &s.name == name) {
                continue;
            }
            let def = self.subjects.get(name.as_str());
            let words = format!(
                "{name} {}",
                def.and_then(|d| d.description.as_deref()).unwrap_or("")
            );
            out.push(SubjectFact {
                name: name.clone(),
                children: identifying::is_children(&words),
                origin: def.map(|d| d.origin).unwrap_or_default(),
            });
        }
        out
    }

    fn data(&self, uses: &[DataUse]) -> Vec<DataFact> {
        let mut out = Vec::new();
        for data_use in uses {
            match data_use {
                DataUse::Item(item) => leaves(item, None, &item.origin, &mut out),
                DataUse::Set { name, origin } => {
                    if let Some(set) = self.datasets.get(name.as_str()) {
                        for item in &set.items {
                            leaves(item, Some(name), origin, &mut out);
                        }
                    }
                }
            }
        }
        out
    }

    fn recipient(
        &self,
        name: &str,
        choice: Required,
        basis: Option<crate::model::Exception>,
        role: RecipientRole,
        origin: &Origin,
    ) -> RecipientFact {
        let kind = match self.recipients.get(name) {
            Some(def) => Some(def.kind),
            None => Recipient::from_word(name),
        };
        RecipientFact {
            name: name.to_string(),
            kind,
            choice,
            basis,
            role,
            origin: *origin,
        }
    }

    fn recipients(&self, uses: &[RecipientUse]) -> Vec<RecipientFact> {
        let mut out: Vec<RecipientFact> = Vec::new();
        for u in uses {
            if out.iter().any(|r| r.name == u.name) {
                continue;
            }
            out.push(self.recipient(&u.name, u.required, u.basis, RecipientRole::To, &u.origin));
        }
        out
    }

    fn rules_for(&self, statement: &str) -> Vec<String> {
        self.policy
            .retention
            .iter()
            .filter(|r| r.applies_to.is_empty() || r.applies_to.iter().any(|n| n == statement))
            .map(|r| r.name.clone())
            .collect()
    }

    fn statement(&self, s: &Statement) -> Practice {
        Practice {
            kind: PracticeKind::Statement,
            name: s.name.clone(),
            subjects: self.subjects(&s.subjects),
            data: self.data(&s.data),
            purposes: purposes(&s.purposes),
            recipients: self.recipients(&s.recipients),
            retention: s.retention.as_ref().map(retention),
            retention_rules: self.rules_for(&s.name),
            party: None,
            provider: None,
            choice: None,
            sale: false,
            declared: Declared {
                identifiable: Some(s.identifiable),
                ..Declared::default()
            },
            derived: super::table::DerivedFacts::default(),
            origin: s.origin,
        }
    }

    fn cookie(&self, c: &Cookie) -> Practice {
        let mut recipients = self.recipients(&c.recipients);
        if let Some(provider) = &c.provider {
            // The provider's basis holds where it is also named in `to` without one.
            if let Some(r) = recipients
                .iter_mut()
                .find(|r| &r.name == provider && r.basis.is_none())
            {
                r.basis = c.provider_basis;
            }
            if !recipients.iter().any(|r| &r.name == provider) {
                // The provider reads the cookie only as its purposes allow: a
                // cookie set only with consent reaches it only with consent.
                recipients.push(self.recipient(
                    provider,
                    cookie_consent(c),
                    c.provider_basis,
                    RecipientRole::Provider,
                    &c.origin,
                ));
            }
        }
        let mut categories = c.categories.clone();
        categories.sort();
        categories.dedup();
        let holds = c
            .holds
            .clone()
            .unwrap_or_else(|| format!("cookie {}", c.name));
        let data = vec![DataFact {
            identifying: identifying::identifying_categories(&categories, true),
            sensitive: sensitive(&categories),
            leaf: Leaf::Cookie(holds),
            written: std::sync::Arc::from("dynamic.cookies"),
            set: None,
            categories,
            optional: false,
            origin: c.origin,
        }];
        Practice {
            kind: PracticeKind::Cookie,
            name: c.name.clone(),
            subjects: Vec::new(),
            data,
            purposes: purposes(&c.purposes),
            recipients,
            retention: c.retention.as_ref().map(retention),
            retention_rules: Vec::new(),
            party: Some(c.party),
            provider: c.provider.clone(),
            choice: None,
            sale: false,
            declared: Declared {
                identifiable: None,
                linked: Some(c.linked),
                cross_site: Some(c.cross_site),
            },
            derived: super::table::DerivedFacts::default(),
            origin: c.origin,
        }
    }

    fn sharing(&self, sh: &Sharing) -> Practice {
        let mut recipients: Vec<RecipientFact> = Vec::new();
        for name in &sh.with {
            if recipients.iter().any(|r| &r.name == name) {
                continue;
            }
            // Names in `with` carry no location of their own: the rule's stands in.
            recipients.push(self.recipient(
                name,
                sh.choice,
                sh.basis,
                RecipientRole::With,
                &sh.origin,
            ));
        }
        Practice {
            kind: PracticeKind::Sharing,
            name: sh.name.clone(),
            subjects: Vec::new(),
            data: self.data(&sh.data),
            purposes: purposes(&sh.purposes),
            recipients,
            retention: None,
            retention_rules: Vec::new(),
            party: None,
            provider: None,
            choice: Some(sh.choice),
            sale: sh.sale,
            declared: Declared {
                identifiable: Some(sh.identifiable),
                ..Declared::default()
            },
            derived: super::table::DerivedFacts::default(),
            origin: sh.origin,
        }
    }

    fn retention(&self, r: &RetentionRule) -> Practice {
        let mut data = Vec::new();
        let mut subjects = Vec::new();
        for s in &self.policy.statements {
            if r.applies_to.is_empty() || r.applies_to.iter().any(|n| n == &s.name) {
                data.extend(self.data(&s.data));
                subjects.extend(s.subjects.iter().cloned());
            }
        }
        Practice {
            kind: PracticeKind::Retention,
            name: r.name.clone(),
            subjects: self.subjects(&subjects),
            data,
            purposes: Vec::new(),
            recipients: Vec::new(),
            retention: Some(RetentionFact {
                value: None,
                period: Some(r.period.clone()),
                origin: r.origin,
            }),
            retention_rules: Vec::new(),
            party: None,
            provider: None,
            choice: None,
            sale: false,
            declared: Declared::default(),
            derived: super::table::DerivedFacts::default(),
            origin: r.origin,
        }
    }
}

/// The consent a cookie is set with: the most permissive choice among its
/// purposes (`current` is always; REC §3.3.4). A cookie whose every purpose is
/// opt-in is set, and read by its provider, only with consent; one that names no
/// purpose needs none (`always`).
pub fn cookie_consent(c: &Cookie) -> Required {
    c.purposes
        .iter()
        .map(|p| {
            if p.purpose.takes_required() {
                p.required
            } else {
                Required::Always
            }
        })
        .max_by_key(|r| r.permissiveness())
        .unwrap_or(Required::Always)
}

fn purposes(uses: &[PurposeUse]) -> Vec<PurposeFact> {
    let mut out: Vec<PurposeFact> = Vec::new();
    for u in uses {
        if out
            .iter()
            .any(|p| p.purpose == u.purpose && p.choice == u.required)
        {
            continue;
        }
        out.push(PurposeFact {
            purpose: u.purpose,
            choice: u.required,
            description: u.description.clone(),
            origin: u.origin,
        });
    }
    out
}

fn retention(r: &RetentionUse) -> RetentionFact {
    RetentionFact {
        value: Some(r.value),
        period: r.period.clone(),
        origin: r.origin,
    }
}

fn sensitive(categories: &[Category]) -> Vec<Category> {
    categories
        .iter()
        .copied()
        .filter(|c| identifying::sensitive_category(*c))
        .collect()
}

/// The leaves one data item stands for: a schema set's leaf elements, else the item.
fn leaves(item: &DataItem, set: Option<&str>, origin: &Origin, out: &mut Vec<DataFact>) {
    let written: std::sync::Arc<str> = match &item.data {
        DataRef::Schema(name) => name.strip_prefix('#').unwrap_or(name).into(),
        DataRef::Custom(text) => text.as_str().into(),
    };
    let origin = if set.is_some() { origin } else { &item.origin };
    let set: Option<std::sync::Arc<str>> = set.map(Into::into);
    let mut push = |leaf: Leaf, fixed: &[Category], variable: bool| {
        let mut categories = item.categories.clone();
        categories.extend(fixed.iter().copied());
        categories.sort();
        categories.dedup();
        let identifying = match &leaf {
            Leaf::Element(name) if !variable => identifying::identifying_element(name, fixed)
                .or_else(|| {
                    // Categories declared beyond the element's fixed ones add to them.
                    let extra: Vec<Category> = item
                        .categories
                        .iter()
                        .copied()
                        .filter(|c| !fixed.contains(c))
                        .collect();
                    identifying::identifying_categories(&extra, false)
                }),
            Leaf::Element(name) => {
                identifying::identifying_categories(&categories, name == "dynamic.cookies")
            }
            _ => identifying::identifying_categories(&categories, false),
        };
        out.push(DataFact {
            sensitive: sensitive(&categories),
            identifying,
            leaf,
            written: written.clone(),
            set: set.clone(),
            categories,
            optional: item.optional,
            origin: *origin,
        });
    };
    match &item.data {
        DataRef::Custom(text) => push(Leaf::Custom(text.clone()), &[], true),
        DataRef::Schema(_) => match vocabulary::lookup_data(&written) {
            Some(element) if element.is_set => {
                for leaf in vocabulary::data_elements_under(&written).filter(|e| !e.is_set) {
                    push(
                        Leaf::Element(leaf.name.clone()),
                        &leaf.categories,
                        leaf.variable,
                    );
                }
            }
            Some(element) => push(
                Leaf::Element(element.name.clone()),
                &element.categories,
                element.variable,
            ),
            None => push(Leaf::Element(written.to_string()), &[], true),
        },
    }
}
