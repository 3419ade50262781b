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
use std::collections::{BTreeMap, HashMap, HashSet};
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

/// What the statements collecting some data say about it, merged: each purpose
/// at its first occurrence (statement, position), with the most permissive
/// choice any of them gives it, and the longest retention.
#[derive(Clone, Debug, Default)]
struct Summary {
    purposes: Vec<((usize, usize), P3pPurpose)>,
    retention: Option<Retention>,
}

impl Summary {
    fn add_statement(&mut self, index: usize, s: &P3pStatement) {
        for (j, p) in s.purposes.iter().enumerate() {
            self.add_purpose((index, j), p);
        }
        self.add_retention(s.retention);
    }

    /// Adds a purpose, keeping the least restrictive `required` (REFERENCE §10.2
    /// rule 9a: the spec is silent, and the safe reading overstates).
    fn add_purpose(&mut self, at: (usize, usize), p: &P3pPurpose) {
        match self
            .purposes
            .iter_mut()
            .find(|(_, x)| x.purpose == p.purpose && x.description == p.description)
        {
            Some((first, existing)) => {
                *first = (*first).min(at);
                if p.required.permissiveness() > existing.required.permissiveness() {
                    existing.required = p.required;
                }
            }
            None => self.purposes.push((at, p.clone())),
        }
    }

    fn add_retention(&mut self, r: Option<Retention>) {
        if let Some(r) = r {
            if self
                .retention
                .is_none_or(|x| retention_rank(r) > retention_rank(x))
            {
                self.retention = Some(r);
            }
        }
    }

    fn merge(&mut self, other: &Summary) {
        for (at, p) in &other.purposes {
            self.add_purpose(*at, p);
        }
        self.add_retention(other.retention);
    }

    /// The purposes in order of first occurrence.
    fn purposes(&self) -> Vec<P3pPurpose> {
        let mut list = self.purposes.clone();
        list.sort_by_key(|(at, _)| *at);
        list.into_iter().map(|(_, p)| p).collect()
    }
}

/// For each data reference, a summary of the collected statements that hold it,
/// so that a sharing rule finds what is said about its data without comparing
/// every statement (lowering stays linear in the policy's size).
struct DataIndex<'s> {
    by_reference: BTreeMap<&'s str, Summary>,
    /// Every statement, for a sharing rule that names no data.
    all: Summary,
    /// Every collected data element, first occurrence first.
    all_data: Vec<P3pData>,
}

impl<'s> DataIndex<'s> {
    fn new(collected: &'s [P3pStatement]) -> Self {
        let mut by_reference: BTreeMap<&str, Summary> = BTreeMap::new();
        let mut all = Summary::default();
        let mut all_data = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, s) in collected.iter().enumerate() {
            all.add_statement(i, s);
            for d in &s.data {
                by_reference
                    .entry(d.reference.as_str())
                    .or_default()
                    .add_statement(i, s);
                if seen.insert(d.reference.as_str()) {
                    all_data.push(d.clone());
                }
            }
        }
        Self {
            by_reference,
            all,
            all_data,
        }
    }

    /// The summary of the statements whose data overlaps `shared`: the same
    /// element, an element of a set shared, or a set an element shared is in.
    fn overlapping(&self, shared: &[P3pData]) -> Summary {
        let mut out = Summary::default();
        for d in shared {
            let reference = d.reference.as_str();
            // The element itself and every set above it (`user.name` for `user.name.given`).
            let mut prefix = reference;
            loop {
                if let Some(summary) = self.by_reference.get(prefix) {
                    out.merge(summary);
                }
                match prefix.rfind('.') {
                    Some(i) => prefix = &prefix[..i],
                    None => break,
                }
            }
            // Every element below it (`user.name.given` for `user.name`).
            let below = format!("{reference}.");
            for (_, summary) in self
                .by_reference
                .range::<str, _>((Bound::Included(below.as_str()), Bound::Unbounded))
                .take_while(|(k, _)| k.starts_with(&below))
            {
                out.merge(summary);
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
        if let Some(s) = share_statement(&lookup, share, &index) {
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

/// REC §3.3.1: a statement without NON-IDENTIFIABLE needs PURPOSE, RECIPIENT,
/// RETENTION and a DATA-GROUP; a NON-IDENTIFIABLE one may omit all of them (the
/// schema's `(NON-IDENTIFIABLE, PURPOSE?, RECIPIENT?, RETENTION?, DATA-GROUP*)`:
/// "we collect nothing").
fn validate(policy: &Policy, index: usize, s: &P3pStatement) -> Result<(), EmitError> {
    let missing = if s.non_identifiable {
        None
    } else if s.data.is_empty() {
        Some("data")
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
    index: &DataIndex<'_>,
) -> Option<P3pStatement> {
    let uses: Vec<RecipientUse> = share
        .with
        .iter()
        .map(|name| RecipientUse {
            name: name.clone(),
            required: share.choice,
            basis: None,
            origin: share.origin,
        })
        .collect();
    let recipients = recipients(lookup, &uses, None);
    if recipients.is_empty() {
        return None;
    }
    let mut shared = data(lookup, &share.data);
    let sources = if shared.is_empty() {
        shared.clone_from(&index.all_data);
        index.all.clone()
    } else {
        index.overlapping(&shared)
    };
    if shared.is_empty() {
        return None;
    }
    let mut purposes_out = purposes(&share.purposes);
    if purposes_out.is_empty() {
        purposes_out = sources.purposes();
    }
    if purposes_out.is_empty() {
        purposes_out.push(P3pPurpose {
            purpose: Purpose::Current,
            required: Required::Always,
            description: None,
        });
    }
    let retention = sources.retention.unwrap_or(Retention::Indefinitely);
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
            basis: None,
            origin: cookie.origin,
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
        origin: cookie.origin,
    };
    let described = cookie.holds.as_deref();
    P3pStatement {
        consequence: cookie.holds.clone(),
        non_identifiable: !cookie.linked,
        purposes: purposes(&cookie.purposes),
        recipients: recipients(
            lookup,
            &uses,
            cookie
                .provider
                .as_deref()
                .map(|p| (p, crate::facts::cookie_consent(cookie))),
        ),
        retention: cookie.retention.as_ref().map(|r| r.value),
        data: vec![data_item(&item, described)],
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
    provider: Option<(&str, Required)>,
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
    // REC §3.3.5: a third-party cookie's provider receives what it holds. When the
    // cookie already names it as a recipient, that use (with its `required`, the
    // consent it is gated on) is the one: adding it again as `always` would list
    // it twice and the CP would lose the choice (REC §4.2.5: `UNRi`, not `UNR`).
    // Otherwise the provider reads it as the cookie is set: a cookie set only with
    // consent reaches its provider only with consent (`facts::cookie_consent`).
    if let Some((p, consent)) = provider {
        if !uses.iter().any(|u| u.name == p) {
            add(p, consent);
        }
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
            DataUse::Item(item) => push(data_item(item, None)),
            DataUse::Set { name, .. } => {
                if let Some(set) = lookup.datasets.get(name.as_str()) {
                    for item in &set.items {
                        push(data_item(item, set.description.as_deref()));
                    }
                }
            }
        }
    }
    out
}

/// One DATA element. `described` is what the source says the data is (a data
/// set's description, a cookie's `holds`); custom data is described by its own
/// text. REC §3.4: `other-category` SHOULD carry that description as its content.
fn data_item(item: &DataItem, described: Option<&str>) -> P3pData {
    let (reference, own) = match &item.data {
        DataRef::Schema(name) => (name.strip_prefix('#').unwrap_or(name).to_string(), None),
        DataRef::Custom(text) => (MISCDATA.to_string(), Some(text.as_str())),
    };
    let mut categories = item.categories.clone();
    categories.sort();
    categories.dedup();
    let other_category = categories
        .contains(&Category::OtherCategory)
        .then(|| own.or(described))
        .flatten()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    P3pData {
        reference,
        optional: item.optional,
        categories,
        other_category,
    }
}
