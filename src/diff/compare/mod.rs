//! Comparing two policy sets by meaning. Elements are matched by name (policies,
//! statements, cookies, sharing rules, promises, ...) or by their natural key
//! (a right by its kind, a purpose by its word, a data item by its element).
//!
//! Orderings used to tell "more" from "less":
//! - choices by [`Required::permissiveness`]: opt-in < opt-out < always (REC §3.3.4);
//! - P3P retention (REC §3.3.6) by how long data may be kept:
//!   `no-retention` < `stated-purpose` < `legal-requirement` < `business-practices`
//!   < `indefinitely` < unstated. `stated-purpose` ends with the purpose;
//!   `legal-requirement` lasts as long as a law says, outside the site's control;
//!   `business-practices` is whatever the site decides; `indefinitely` has no end;
//!   saying nothing promises nothing. Periods in words are compared as lengths
//!   by [`crate::period`]: by the longest they may last, a period renewed on
//!   every visit as possibly endless, and anything that cannot be ordered
//!   (another unit, another starting point, words not understood) as needing review;
//! - recipients (REC §3.3.5) by distance from the site: `ours` < `same` <
//!   `delivery` < `other-recipient` < `unrelated` < `public`;
//! - access (REC §3.2.5) as the set of data people may see: `none` sees nothing,
//!   `ident-contact` contact data, `other-ident` other data, `contact-and-other`
//!   both, `all` everything, and `nonident` (no identified data is held) is best.
//!
//! Wording: a change to the words of a commitment (a promise, a retention rule, a
//! right, an opt-out, a sharing rule's condition or text, a security practice, the
//! change notice) needs review and counts as material: the words are what people
//! are promised, and no program can tell whether new words promise less. Titles,
//! headings and descriptions of collection are text edits.
//!
//! Acknowledgments are review records, not promises to people: they are not compared.
//!
//! This file holds the driver and the helpers every comparison uses; each other
//! file compares one kind of element.
//!
//! [`Required::permissiveness`]: crate::vocabulary::Required::permissiveness

mod cookies;
mod data;
mod definitions;
mod disputes;
mod legal_notice;
mod metadata;
mod notice;
mod practice_law;
mod practices;
mod promises;
mod retention_rules;
mod rights;
mod security;
mod sharing;
mod statements;
mod values;

use super::change::{Change, ChangeKind, PolicyDiff};
use crate::model::{Policy, PolicySet};
use crate::span::{Origin, Span};
use std::collections::{BTreeMap, HashMap};

/// A policy's data sets by name; the first of two with one name wins, as a
/// search from the start would find it.
fn data_set_index(p: &Policy) -> HashMap<String, usize> {
    let mut index = HashMap::with_capacity(p.datasets.len());
    for (i, d) in p.datasets.iter().enumerate() {
        index.entry(d.name.clone()).or_insert(i);
    }
    index
}

/// Every change from `old` to `new`.
pub fn diff(old: &PolicySet, new: &PolicySet) -> PolicyDiff {
    let mut out = PolicyDiff::default();
    for (o, n) in pair(&old.policies, &new.policies, |p| p.name.clone()) {
        let Some(p) = n.or(o) else {
            continue;
        };
        let mut d = Differ::new(&p.name);
        let both = d.one_sided(
            o,
            n,
            ChangeKind::PolicyAdded,
            ChangeKind::PolicyRemoved,
            |p| Shown::named("policy", &p.name, None, &p.origin),
        );
        match both {
            Some((o, n)) => {
                d.policy(o, n);
                if o.version != n.version || o.effective != n.effective {
                    out.versioned.push(n.name.clone());
                }
            }
            None => out.versioned.push(p.name.clone()),
        }
        out.changes.extend(d.out);
    }
    out
}

/// Pairs the elements of `old` and `new` with equal keys: the i-th occurrence of a
/// key in one with the i-th in the other. New order first, then removed elements.
fn pair<'x, T, K: Ord + Clone>(
    old: &'x [T],
    new: &'x [T],
    key: impl Fn(&T) -> K,
) -> Vec<(Option<&'x T>, Option<&'x T>)> {
    let mut olds: BTreeMap<K, Vec<&'x T>> = BTreeMap::new();
    for t in old.iter().rev() {
        olds.entry(key(t)).or_default().push(t);
    }
    let mut out = Vec::new();
    for t in new {
        let o = olds.get_mut(&key(t)).and_then(Vec::pop);
        out.push((o, Some(t)));
    }
    let mut removed: Vec<&'x T> = Vec::new();
    for t in old {
        if let Some(list) = olds.get_mut(&key(t)) {
            if list.last().is_some_and(|l| std::ptr::eq(*l, t)) {
                list.pop();
                removed.push(t);
            }
        }
    }
    out.extend(removed.into_iter().map(|t| (Some(t), None)));
    out
}

/// The source word of a model enum, as serde spells it (`transport-encryption`).
fn kebab<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// How an element that only one version has is reported: the element it is (or
/// stands in), the subject, what it says in one line, and where it is shown.
struct Shown<'o> {
    element: String,
    subject: String,
    summary: Option<String>,
    origin: &'o Origin,
}

impl<'o> Shown<'o> {
    /// An element named in the source (`opt-out NAME`): `label NAME`, subject `NAME`.
    fn named(label: &str, name: &str, summary: Option<String>, origin: &'o Origin) -> Self {
        Self {
            element: format!("{label} {name}"),
            subject: name.to_string(),
            summary,
            origin,
        }
    }
}

struct Differ {
    policy: String,
    out: Vec<Change>,
    /// The old and the new policy's data sets by name (index of the first with
    /// that name), so that expanding a `data SET` use is a look-up, not a search.
    sets: [HashMap<String, usize>; 2],
}

impl Differ {
    fn new(policy: &str) -> Self {
        Self {
            policy: policy.to_string(),
            out: Vec::new(),
            sets: [HashMap::new(), HashMap::new()],
        }
    }

    fn push(
        &mut self,
        kind: ChangeKind,
        element: &str,
        subject: &str,
        old: Option<String>,
        new: Option<String>,
        origin: &Origin,
    ) {
        self.push_at(kind, element, subject, old, new, origin.span().copied());
    }

    fn push_at(
        &mut self,
        kind: ChangeKind,
        element: &str,
        subject: &str,
        old: Option<String>,
        new: Option<String>,
        span: Option<Span>,
    ) {
        self.out.push(Change {
            kind,
            policy: self.policy.clone(),
            element: element.to_string(),
            subject: subject.to_string(),
            old,
            new,
            material: kind.is_material(),
            needs_review: kind.needs_review(),
            reason: kind.reason().to_string(),
            span,
        });
    }

    /// An element only the new version has is `added`, one only the old version
    /// has is `removed`, each reported as `show` says (the summary on its side);
    /// an element both have is returned for its fields to be compared.
    fn one_sided<'x, T>(
        &mut self,
        old: Option<&'x T>,
        new: Option<&'x T>,
        added: ChangeKind,
        removed: ChangeKind,
        show: impl Fn(&'x T) -> Shown<'x>,
    ) -> Option<(&'x T, &'x T)> {
        match (old, new) {
            (Some(a), Some(b)) => Some((a, b)),
            (None, Some(b)) => {
                let s = show(b);
                self.push(added, &s.element, &s.subject, None, s.summary, s.origin);
                None
            }
            (Some(a), None) => {
                let s = show(a);
                self.push(removed, &s.element, &s.subject, s.summary, None, s.origin);
                None
            }
            (None, None) => None,
        }
    }

    fn policy(&mut self, o: &Policy, n: &Policy) {
        self.sets = [data_set_index(o), data_set_index(n)];
        let el = format!("policy {}", n.name);
        self.header(&el, o, n);
        self.coverage(&el, o, n);
        self.entity(o, n);
        self.app(o, n);
        self.access(o, n);
        self.disputes(o, n);
        self.definitions(o, n);
        for (a, b) in pair(&o.statements, &n.statements, |s| s.name.clone()) {
            self.statement(o, n, a, b);
        }
        for (a, b) in pair(&o.cookies, &n.cookies, |c| c.name.clone()) {
            self.cookie(a, b);
        }
        for (a, b) in pair(&o.sharing, &n.sharing, |s| s.name.clone()) {
            self.sharing(o, n, a, b);
        }
        self.security(o, n);
        self.retention_rules(o, n);
        self.legal_notice(o, n);
        self.rights(o, n);
        self.opt_outs(o, n);
        self.notice(o.changes.as_ref(), n.changes.as_ref(), &n.origin);
        self.promises(o, n);
        self.sections(&el, o, n);
    }
}
