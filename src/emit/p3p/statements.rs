//! Model practices → P3P STATEMENTs (REC §3.3): `collect` blocks one to one, then
//! one statement per `share` rule (so P3P never under-states who receives data),
//! then one statement per `cookie` about `dynamic.cookies` (REC §5.5.4).

use super::super::EmitError;
use crate::model::{
    Cookie, DataItem, DataRef, DataSet, DataUse, Policy, PurposeUse, RecipientDef, RecipientUse,
    Sharing, Statement,
};
use crate::p3p::document::{P3pData, P3pPurpose, P3pRecipient, P3pStatement};
use crate::vocabulary::{Category, Purpose, Recipient, Required, Retention, Term};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Bound;

/// The reference P3P carries custom data under (REC §5.5.4, variable-category).
pub const MISCDATA: &str = "dynamic.miscdata";
/// The element a cookie's contents are declared as (REC §5.5.4).
pub const COOKIES: &str = "dynamic.cookies";

/// Name lookups of one policy, built once so that lowering stays linear in the
/// policy's size.
struct Lookup<'p> {
    datasets: HashMap<&'p str, &'p DataSet>,
    recipients: HashMap<&'p str, &'p RecipientDef>,
}

impl<'p> Lookup<'p> {
    fn new(policy: &'p Policy) -> Self {
        Self {
            datasets: policy
                .datasets
                .iter()
                .map(|d| (d.name.as_str(), d))
                .collect(),
            recipients: policy
                .recipients
                .iter()
                .map(|r| (r.name.as_str(), r))
                .collect(),
        }
    }
}

/// Which collected statements hold each data reference, for finding the
/// statements a sharing rule's data comes from without comparing every pair.
struct DataIndex<'s> {
    by_reference: BTreeMap<&'s str, Vec<usize>>,
}

impl<'s> DataIndex<'s> {
    fn new(collected: &'s [P3pStatement]) -> Self {
        let mut by_reference: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, s) in collected.iter().enumerate() {
            for d in &s.data {
                let list = by_reference.entry(d.reference.as_str()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Self { by_reference }
    }

    /// Indices (ascending) of the statements whose data overlaps `shared`: the
    /// same element, an element of a set shared, or a set an element shared is in.
    fn overlapping(&self, shared: &[P3pData]) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        for d in shared {
            let reference = d.reference.as_str();
            // The element itself and every set above it (`user.name` for `user.name.given`).
            let mut prefix = reference;
            loop {
                if let Some(list) = self.by_reference.get(prefix) {
                    out.extend(list.iter().copied());
                }
                match prefix.rfind('.') {
                    Some(i) => prefix = &prefix[..i],
                    None => break,
                }
            }
            // Every element below it (`user.name.given` for `user.name`).
            let below = format!("{reference}.");
            for (_, list) in self
                .by_reference
                .range::<str, _>((Bound::Included(below.as_str()), Bound::Unbounded))
                .take_while(|(k, _)| k.starts_with(&below))
            {
                out.extend(list.iter().copied());
            }
        }
        out
    }
}

/// Every statement of the policy, in the order described in the module comment.
pub fn lower_statements(policy: &Policy) -> Result<Vec<P3pStatement>, EmitError> {
    let lookup = Lookup::new(policy);
    let collected: Vec<P3pStatement> = policy
        .statements
        .iter()
        .map(|s| collect_statement(&lookup, s))
        .collect();
    let index = DataIndex::new(&collected);
    let mut out = collected.clone();
    for share in &policy.sharing {
        if let Some(s) = share_statement(&lookup, share, &collected, &index) {
            out.push(s);
        }
    }
    for cookie in &policy.cookies {
        out.push(cookie_statement(&lookup, cookie));
    }
    for (i, s) in out.iter().enumerate() {
        validate(policy, i, s)?;
    }
    Ok(out)
}

/// REC §3.3.1: a statement without NON-IDENTIFIABLE needs PURPOSE, RECIPIENT and
/// RETENTION; every statement needs a DATA-GROUP.
fn validate(policy: &Policy, index: usize, s: &P3pStatement) -> Result<(), EmitError> {
    let missing = if s.data.is_empty() {
        Some("data")
    } else if s.non_identifiable {
        None
    } else if s.purposes.is_empty() {
        Some("a purpose")
    } else if s.recipients.is_empty() {
        Some("a recipient")
    } else if s.retention.is_none() {
        Some("a retention value")
    } else {
        None
    };
    match missing {
        None => Ok(()),
        Some(what) => Err(EmitError {
            message: format!(
                "policy {}: P3P statement {} has no {what}; P3P requires it (REC §3.3.1)",
                policy.name,
                index + 1
            ),
        }),
    }
}

fn collect_statement(lookup: &Lookup<'_>, s: &Statement) -> P3pStatement {
    P3pStatement {
        consequence: s.consequence.clone(),
        non_identifiable: !s.identifiable,
        purposes: purposes(&s.purposes),
        recipients: recipients(lookup, &s.recipients, None),
        retention: s.retention.as_ref().map(|r| r.value),
        data: data(lookup, &s.data),
    }
}

/// A sharing rule as a statement: its data, its purposes (or those of the statements
/// collecting that data), the recipients it shares with (its choice as `required`),
/// and the least restrictive retention of the statements collecting the data
/// (`indefinitely` when none does; the safe reading overstates).
fn share_statement(
    lookup: &Lookup<'_>,
    share: &Sharing,
    collected: &[P3pStatement],
    index: &DataIndex<'_>,
) -> Option<P3pStatement> {
    let uses: Vec<RecipientUse> = share
        .with
        .iter()
        .map(|name| RecipientUse {
            name: name.clone(),
            required: share.choice,
            origin: share.origin.clone(),
        })
        .collect();
    let recipients = recipients(lookup, &uses, None);
    if recipients.is_empty() {
        return None;
    }
    let mut shared = data(lookup, &share.data);
    let sources: Vec<&P3pStatement> = if shared.is_empty() {
        collected.iter().collect()
    } else {
        index
            .overlapping(&shared)
            .into_iter()
            .filter_map(|i| collected.get(i))
            .collect()
    };
    if shared.is_empty() {
        let mut seen: HashSet<String> = HashSet::new();
        for s in &sources {
            for d in &s.data {
                if seen.insert(d.reference.clone()) {
                    shared.push(d.clone());
                }
            }
        }
    }
    if shared.is_empty() {
        return None;
    }
    let mut purposes_out = purposes(&share.purposes);
    if purposes_out.is_empty() {
        for s in &sources {
            for p in &s.purposes {
                merge_purpose(&mut purposes_out, p);
            }
        }
    }
    if purposes_out.is_empty() {
        purposes_out.push(P3pPurpose {
            purpose: Purpose::Current,
            required: Required::Always,
            description: None,
        });
    }
    let retention = sources
        .iter()
        .filter_map(|s| s.retention)
        .max_by_key(|r| retention_rank(*r))
        .unwrap_or(Retention::Indefinitely);
    Some(P3pStatement {
        consequence: share.conditions.clone(),
        non_identifiable: !share.identifiable,
        purposes: purposes_out,
        recipients,
        retention: Some(retention),
        data: shared,
    })
}

/// How long a retention value lets the site keep data (REC §3.3.6), least first.
pub fn retention_rank(r: Retention) -> u8 {
    match r {
        Retention::NoRetention => 0,
        Retention::StatedPurpose => 1,
        Retention::LegalRequirement => 2,
        Retention::BusinessPractices => 3,
        Retention::Indefinitely => 4,
    }
}

/// Adds a purpose, keeping the least restrictive `required` (REFERENCE §10.2 rule 9a).
fn merge_purpose(list: &mut Vec<P3pPurpose>, p: &P3pPurpose) {
    if let Some(existing) = list
        .iter_mut()
        .find(|x| x.purpose == p.purpose && x.description == p.description)
    {
        if p.required.permissiveness() > existing.required.permissiveness() {
            existing.required = p.required;
        }
    } else {
        list.push(p.clone());
    }
}

/// A cookie as a statement about `dynamic.cookies` with its categories (REC §5.5.4).
/// It is NON-IDENTIFIABLE unless the cookie is linked to personally identifiable
/// information. Recipients default to `ours`; a third-party cookie's provider
/// receives what it holds.
fn cookie_statement(lookup: &Lookup<'_>, cookie: &Cookie) -> P3pStatement {
    let mut uses = cookie.recipients.clone();
    if uses.is_empty() {
        uses.push(RecipientUse {
            name: Recipient::Ours.word().to_string(),
            required: Required::Always,
            origin: cookie.origin.clone(),
        });
    }
    let mut categories = cookie.categories.clone();
    if categories.is_empty() {
        // REC §3.4: a variable-category element must declare its categories; a
        // cookie is at least a state-management mechanism.
        categories.push(Category::State);
    }
    let item = DataItem {
        data: DataRef::Schema(COOKIES.to_string()),
        categories,
        optional: false,
        origin: cookie.origin.clone(),
    };
    P3pStatement {
        consequence: cookie.holds.clone(),
        non_identifiable: !cookie.linked,
        purposes: purposes(&cookie.purposes),
        recipients: recipients(lookup, &uses, cookie.provider.as_deref()),
        retention: cookie.retention.as_ref().map(|r| r.value),
        data: vec![data_item(&item)],
    }
}

fn purposes(uses: &[PurposeUse]) -> Vec<P3pPurpose> {
    let mut out: Vec<P3pPurpose> = Vec::new();
    for u in uses {
        let p = P3pPurpose {
            purpose: u.purpose,
            // REC §3.3.4: `current` takes no `required` attribute.
            required: if u.purpose.takes_required() {
                u.required
            } else {
                Required::Always
            },
            description: if u.purpose == Purpose::OtherPurpose {
                u.description.clone()
            } else {
                None
            },
        };
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// Resolves recipient names (defined recipients or P3P words) and groups them by
/// value and `required`, collecting `recipient-description`s (REC §3.3.5).
fn recipients(
    lookup: &Lookup<'_>,
    uses: &[RecipientUse],
    provider: Option<&str>,
) -> Vec<P3pRecipient> {
    let mut out: Vec<P3pRecipient> = Vec::new();
    let mut add = |name: &str, required: Required| {
        let (kind, description) = match lookup.recipients.get(name) {
            Some(def) => (def.kind, def.description.clone()),
            None => match Recipient::from_word(name) {
                Some(kind) => (kind, None),
                None => return,
            },
        };
        // REC §3.3.5: `ours` takes no `required` attribute.
        let required = if kind.takes_required() {
            required
        } else {
            Required::Always
        };
        let slot = if let Some(i) = out
            .iter()
            .position(|r| r.recipient == kind && r.required == required)
        {
            i
        } else {
            out.push(P3pRecipient {
                recipient: kind,
                required,
                descriptions: Vec::new(),
            });
            out.len() - 1
        };
        if let (Some(d), Some(r)) = (description, out.get_mut(slot)) {
            if !r.descriptions.contains(&d) {
                r.descriptions.push(d);
            }
        }
    };
    for u in uses {
        add(&u.name, u.required);
    }
    if let Some(p) = provider {
        add(p, Required::Always);
    }
    out
}

/// Expands data set names and in-place items into DATA elements, dropping exact
/// duplicates.
fn data(lookup: &Lookup<'_>, uses: &[DataUse]) -> Vec<P3pData> {
    let mut out: Vec<P3pData> = Vec::new();
    let mut seen: HashSet<P3pData> = HashSet::new();
    let mut push = |d: P3pData| {
        if seen.insert(d.clone()) {
            out.push(d);
        }
    };
    for u in uses {
        match u {
            DataUse::Item(item) => push(data_item(item)),
            DataUse::Set { name, .. } => {
                if let Some(set) = lookup.datasets.get(name.as_str()) {
                    for item in &set.items {
                        push(data_item(item));
                    }
                }
            }
        }
    }
    out
}

fn data_item(item: &DataItem) -> P3pData {
    let reference = match &item.data {
        DataRef::Schema(name) => name.strip_prefix('#').unwrap_or(name).to_string(),
        DataRef::Custom(_) => MISCDATA.to_string(),
    };
    let mut categories = item.categories.clone();
    categories.sort();
    categories.dedup();
    P3pData {
        reference,
        optional: item.optional,
        categories,
    }
}
