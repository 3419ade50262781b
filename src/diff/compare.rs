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
//!   (see `period.rs`) when both can be read;
//! - recipients (REC §3.3.5) by distance from the site: `ours` < `same` <
//!   `delivery` < `other-recipient` < `unrelated` < `public`;
//! - access (REC §3.2.5) as the set of data people may see: `none` sees nothing,
//!   `ident-contact` contact data, `other-ident` other data, `contact-and-other`
//!   both, `all` everything, and `nonident` (no identified data is held) is best.
//!
//! Acknowledgments are review records, not promises to people: they are not compared.

use super::change::{Change, ChangeKind, PolicyDiff};
use super::period;
use crate::model::{
    ChangeNotice, Claim, Cookie, DataRef, DataUse, Dispute, DisputeLogo, MeasureKind, Policy,
    PolicySet, PurposeUse, RecipientUse, RetentionUse, SecurityMeasure, Sharing, Statement,
};
use crate::span::{Origin, Span};
use crate::vocabulary::{Access, Category, Purpose, Recipient, Retention, Term};
use std::collections::{BTreeMap, BTreeSet};

/// Every change from `old` to `new`.
pub fn diff(old: &PolicySet, new: &PolicySet) -> PolicyDiff {
    let mut out = PolicyDiff::default();
    for (o, n) in pair(&old.policies, &new.policies, |p| p.name.clone()) {
        match (o, n) {
            (Some(o), Some(n)) => {
                let mut d = Differ::new(&n.name);
                d.policy(o, n);
                if o.version != n.version || o.effective != n.effective {
                    out.versioned.push(n.name.clone());
                }
                out.changes.extend(d.out);
            }
            (None, Some(n)) => {
                let mut d = Differ::new(&n.name);
                let el = format!("policy {}", n.name);
                d.push(ChangeKind::PolicyAdded, &el, &n.name, None, None, &n.origin);
                out.versioned.push(n.name.clone());
                out.changes.extend(d.out);
            }
            (Some(o), None) => {
                let mut d = Differ::new(&o.name);
                let el = format!("policy {}", o.name);
                d.push(
                    ChangeKind::PolicyRemoved,
                    &el,
                    &o.name,
                    None,
                    None,
                    &o.origin,
                );
                out.versioned.push(o.name.clone());
                out.changes.extend(d.out);
            }
            (None, None) => {}
        }
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

/// A data item as compared: its declared categories and whether it is optional.
struct Item {
    categories: BTreeSet<Category>,
    optional: bool,
    span: Option<Span>,
}

fn data_key(data: &DataRef) -> String {
    match data {
        DataRef::Schema(s) => s.clone(),
        DataRef::Custom(s) => format!("custom {s:?}"),
    }
}

/// The data items of `uses`, with named data sets expanded from `policy`.
fn expand(policy: &Policy, uses: &[DataUse]) -> BTreeMap<String, Item> {
    let mut out: BTreeMap<String, Item> = BTreeMap::new();
    let mut add = |key: String, cats: &[Category], optional: bool, origin: &Origin| {
        let item = out.entry(key).or_insert_with(|| Item {
            categories: BTreeSet::new(),
            optional: true,
            span: origin.span().cloned(),
        });
        item.categories.extend(cats.iter().copied());
        item.optional &= optional;
    };
    for u in uses {
        match u {
            DataUse::Item(i) => add(data_key(&i.data), &i.categories, i.optional, &i.origin),
            DataUse::Set { name, origin } => {
                match policy.datasets.iter().find(|s| &s.name == name) {
                    Some(set) => {
                        for i in &set.items {
                            add(data_key(&i.data), &i.categories, i.optional, origin);
                        }
                    }
                    None => add(format!("data set {name}"), &[], false, origin),
                }
            }
        }
    }
    out
}

fn retention_rank(r: Option<Retention>) -> u8 {
    match r {
        Some(Retention::NoRetention) => 0,
        Some(Retention::StatedPurpose) => 1,
        Some(Retention::LegalRequirement) => 2,
        Some(Retention::BusinessPractices) => 3,
        Some(Retention::Indefinitely) => 4,
        None => 5,
    }
}

fn recipient_rank(r: Recipient) -> u8 {
    match r {
        Recipient::Ours => 0,
        Recipient::Same => 1,
        Recipient::Delivery => 2,
        Recipient::OtherRecipient => 3,
        Recipient::Unrelated => 4,
        Recipient::Public => 5,
    }
}

/// What people may see under an access level, as a set of bits (contact, other, all, none held).
fn access_bits(a: Option<Access>) -> u8 {
    match a {
        None | Some(Access::None) => 0,
        Some(Access::IdentContact) => 0b0001,
        Some(Access::OtherIdent) => 0b0010,
        Some(Access::ContactAndOther) => 0b0011,
        Some(Access::All) => 0b0111,
        Some(Access::Nonident) => 0b1111,
    }
}

fn purpose_key(p: &PurposeUse) -> (Purpose, Option<String>) {
    let desc = if p.purpose == Purpose::OtherPurpose {
        p.description.clone()
    } else {
        None
    };
    (p.purpose, desc)
}

fn purpose_text(p: &PurposeUse) -> String {
    match &p.description {
        Some(d) if p.purpose == Purpose::OtherPurpose => format!("{} {d:?}", p.purpose),
        _ => p.purpose.word().to_string(),
    }
}

fn retention_text(r: Option<&RetentionUse>) -> String {
    match r {
        None => "unstated".to_string(),
        Some(RetentionUse {
            value,
            period: Some(p),
            ..
        }) => format!("{value} {p:?}"),
        Some(r) => r.value.word().to_string(),
    }
}

/// The source word of a model enum, as serde spells it (`transport-encryption`).
fn kebab<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A claim as the language writes it (`not-linked user.name, logs`).
fn claim_text(c: &Claim) -> String {
    match c {
        Claim::NotLinked(list) => format!("not-linked {}", list.join(", ")),
        Claim::NoIdentifiableCollection(list) => {
            format!("no-identifiable-collection {}", list.join(", "))
        }
        other => kebab(other),
    }
}

/// Security measures keyed by kind and ordinal among measures of that kind.
fn keyed_measures(p: &Policy) -> Vec<(MeasureKind, usize, &SecurityMeasure)> {
    let mut seen: BTreeMap<MeasureKind, usize> = BTreeMap::new();
    p.security
        .iter()
        .map(|m| {
            let i = seen.entry(m.kind).or_default();
            *i += 1;
            (m.kind, *i, m)
        })
        .collect()
}

/// A logo as the diff shows it: `"alt" <src> 88x31`.
fn logo(l: &DisputeLogo) -> String {
    let size = match (l.width, l.height) {
        (Some(w), Some(h)) => format!(" {w}x{h}"),
        (Some(w), None) => format!(" width {w}"),
        (None, Some(h)) => format!(" height {h}"),
        (None, None) => String::new(),
    };
    format!("\"{}\" <{}>{size}", l.alt, l.src)
}

/// Disputes keyed by resolution type and ordinal among disputes of that type.
fn keyed_disputes(p: &Policy) -> Vec<(&'static str, usize, &Dispute)> {
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    p.disputes
        .iter()
        .map(|d| {
            let i = seen.entry(d.resolution.word()).or_default();
            *i += 1;
            (d.resolution.word(), *i, d)
        })
        .collect()
}

struct Differ {
    policy: String,
    out: Vec<Change>,
}

// Old and new values read best as `a` and `b` throughout.
#[allow(clippy::many_single_char_names)]
impl Differ {
    fn new(policy: &str) -> Self {
        Self {
            policy: policy.to_string(),
            out: Vec::new(),
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
        self.push_at(kind, element, subject, old, new, origin.span().cloned());
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
            reason: kind.reason().to_string(),
            span,
        });
    }

    /// A change of kind `kind` when the two values differ.
    fn field<T: PartialEq + ToString>(
        &mut self,
        kind: ChangeKind,
        element: &str,
        subject: &str,
        old: Option<&T>,
        new: Option<&T>,
        origin: &Origin,
    ) {
        if old != new {
            let (o, n) = (old.map(ToString::to_string), new.map(ToString::to_string));
            self.push(kind, element, subject, o, n, origin);
        }
    }

    fn text(
        &mut self,
        element: &str,
        subject: &str,
        old: Option<&String>,
        new: Option<&String>,
        origin: &Origin,
    ) {
        self.field(ChangeKind::TextEdited, element, subject, old, new, origin);
    }

    fn detail(
        &mut self,
        element: &str,
        subject: &str,
        old: Option<&String>,
        new: Option<&String>,
        origin: &Origin,
    ) {
        self.field(
            ChangeKind::DetailChanged,
            element,
            subject,
            old,
            new,
            origin,
        );
    }

    /// A flag whose `true` value permits more (`more`) or less (its mirror).
    fn flag(
        &mut self,
        more: ChangeKind,
        element: &str,
        subject: &str,
        old: bool,
        new: bool,
        origin: &Origin,
    ) {
        if old != new {
            let kind = if new { more } else { more.mirror() };
            let show = |b: bool| Some(if b { "yes" } else { "no" }.to_string());
            self.push(kind, element, subject, show(old), show(new), origin);
        }
    }

    /// Entries added to and removed from a set of words.
    fn set<K: Ord + std::fmt::Display>(
        &mut self,
        added: ChangeKind,
        element: &str,
        prefix: &str,
        old: &BTreeSet<K>,
        new: &BTreeSet<K>,
        origin: &Origin,
    ) {
        for k in new.difference(old) {
            let s = format!("{prefix}{k}");
            self.push(added, element, &s, None, Some(k.to_string()), origin);
        }
        for k in old.difference(new) {
            let s = format!("{prefix}{k}");
            self.push(
                added.mirror(),
                element,
                &s,
                Some(k.to_string()),
                None,
                origin,
            );
        }
    }

    /// A scope where the empty list means "everything" (right subjects, security
    /// covers, opt-out covers): narrowing it is material.
    fn scope(
        &mut self,
        element: &str,
        prefix: &str,
        old: &[String],
        new: &[String],
        origin: &Origin,
    ) {
        let (o, n): (BTreeSet<&String>, BTreeSet<&String>) =
            (old.iter().collect(), new.iter().collect());
        if o == n {
            return;
        }
        if o.is_empty() || n.is_empty() {
            let kind = if o.is_empty() {
                ChangeKind::ProtectionNarrowed
            } else {
                ChangeKind::ProtectionBroadened
            };
            let show = |s: &[String]| {
                Some(if s.is_empty() {
                    "all".to_string()
                } else {
                    s.join(", ")
                })
            };
            self.push(
                kind,
                element,
                prefix.trim_end(),
                show(old),
                show(new),
                origin,
            );
            return;
        }
        self.set(
            ChangeKind::ProtectionBroadened,
            element,
            prefix,
            &o,
            &n,
            origin,
        );
    }

    fn policy(&mut self, o: &Policy, n: &Policy) {
        let el = format!("policy {}", n.name);
        let org = &n.origin;
        self.text(&el, "title", Some(&o.title), Some(&n.title), org);
        self.field(
            ChangeKind::VersionChanged,
            &el,
            "version",
            o.version.as_ref(),
            n.version.as_ref(),
            org,
        );
        self.field(
            ChangeKind::VersionChanged,
            &el,
            "effective",
            o.effective.as_ref(),
            n.effective.as_ref(),
            org,
        );
        self.detail(
            &el,
            "language",
            o.language.as_ref(),
            n.language.as_ref(),
            org,
        );
        self.detail(&el, "discuri", o.discuri.as_ref(), n.discuri.as_ref(), org);
        self.detail(&el, "opturi", o.opturi.as_ref(), n.opturi.as_ref(), org);
        self.field(
            ChangeKind::DetailChanged,
            &el,
            "test",
            Some(&o.test),
            Some(&n.test),
            org,
        );
        self.field(
            ChangeKind::DetailChanged,
            &el,
            "expiry",
            o.expiry_seconds.as_ref(),
            n.expiry_seconds.as_ref(),
            org,
        );
        self.text(&el, "summary", o.summary.as_ref(), n.summary.as_ref(), org);
        self.coverage(&el, o, n);
        self.entity(o, n);
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
        self.rights(o, n);
        self.opt_outs(o, n);
        self.notice(o.changes.as_ref(), n.changes.as_ref(), org);
        self.promises(o, n);
        for (a, b) in pair(&o.sections, &n.sections, |s| s.heading.clone()) {
            let heading = a.or(b).map(|s| s.heading.clone()).unwrap_or_default();
            let origin = b.or(a).map(|s| s.origin.clone()).unwrap_or_default();
            self.text(
                &el,
                &format!("section {heading:?}"),
                a.map(|s| &s.text),
                b.map(|s| &s.text),
                &origin,
            );
        }
    }

    fn coverage(&mut self, el: &str, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.covers, &n.covers, |c| c.site.clone()) {
            let site = a.or(b).map(|c| c.site.clone()).unwrap_or_default();
            let span = b.or(a).and_then(|c| c.origin.span().cloned());
            let show = |c: Option<&crate::model::Coverage>| {
                c.map(|c| {
                    [
                        ("include", &c.include),
                        ("exclude", &c.exclude),
                        ("methods", &c.methods),
                    ]
                    .iter()
                    .filter(|(_, list)| !list.is_empty())
                    .map(|(word, list)| format!("{word} {}", list.join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ")
                })
            };
            if a != b {
                self.push_at(
                    ChangeKind::CoverageChanged,
                    el,
                    &format!("covers {site}"),
                    show(a),
                    show(b),
                    span,
                );
            }
        }
    }

    fn entity(&mut self, o: &Policy, n: &Policy) {
        let (a, b) = (
            o.entity.clone().unwrap_or_default(),
            n.entity.clone().unwrap_or_default(),
        );
        let org = n.entity.as_ref().map_or(&n.origin, |e| &e.origin);
        let el = "entity";
        let some = |s: &String| if s.is_empty() { None } else { Some(s.clone()) };
        self.detail(
            el,
            "name",
            some(&a.name).as_ref(),
            some(&b.name).as_ref(),
            org,
        );
        self.detail(
            el,
            "department",
            a.department.as_ref(),
            b.department.as_ref(),
            org,
        );
        self.detail(el, "email", a.email.as_ref(), b.email.as_ref(), org);
        self.detail(el, "phone", a.phone.as_ref(), b.phone.as_ref(), org);
        self.detail(el, "url", a.url.as_ref(), b.url.as_ref(), org);
        if a.postal != b.postal {
            let show = |p: &Option<crate::model::PostalAddress>| {
                p.as_ref().map(|p| {
                    [
                        p.organization.clone(),
                        Some(p.street.join(", ")),
                        p.city.clone(),
                        p.stateprov.clone(),
                        p.postalcode.clone(),
                        p.country.clone(),
                    ]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
                })
            };
            self.push(
                ChangeKind::DetailChanged,
                el,
                "postal",
                show(&a.postal),
                show(&b.postal),
                org,
            );
        }
        self.text(el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }

    fn access(&mut self, o: &Policy, n: &Policy) {
        let el = format!("policy {}", n.name);
        if o.access != n.access {
            let (a, b) = (access_bits(o.access), access_bits(n.access));
            let kind = if a == b {
                ChangeKind::DetailChanged
            } else if b & !a == 0 {
                ChangeKind::AccessReduced
            } else if a & !b == 0 {
                ChangeKind::AccessExpanded
            } else {
                ChangeKind::AccessChanged
            };
            let show = |x: Option<Access>| Some(x.map_or("unstated", Term::word).to_string());
            self.push(
                kind,
                &el,
                "access",
                show(o.access),
                show(n.access),
                &n.origin,
            );
        }
        self.text(
            &el,
            "access text",
            o.access_text.as_ref(),
            n.access_text.as_ref(),
            &n.origin,
        );
    }

    fn disputes(&mut self, o: &Policy, n: &Policy) {
        // Matched by resolution type (and order among disputes of that type), so a
        // new service address is a changed detail, not a dispute dropped and added.
        let (ka, kb) = (keyed_disputes(o), keyed_disputes(n));
        for (a, b) in pair(&ka, &kb, |(r, i, _)| (*r, *i)) {
            let Some((word, i, _)) = b.or(a) else {
                continue;
            };
            let el = if *i > 1 {
                format!("dispute {word} #{i}")
            } else {
                format!("dispute {word}")
            };
            let (a, b) = (a.map(|x| x.2), b.map(|x| x.2));
            match (a, b) {
                (None, Some(b)) => {
                    let service = Some(b.service.clone());
                    self.push(
                        ChangeKind::DisputeAdded,
                        &el,
                        "service",
                        None,
                        service,
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let service = Some(a.service.clone());
                    self.push(
                        ChangeKind::DisputeRemoved,
                        &el,
                        "service",
                        service,
                        None,
                        &a.origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let (ra, rb): (BTreeSet<_>, BTreeSet<_>) = (
                        a.remedies.iter().map(|r| r.word()).collect(),
                        b.remedies.iter().map(|r| r.word()).collect(),
                    );
                    self.detail(
                        &el,
                        "service",
                        Some(&a.service),
                        Some(&b.service),
                        &b.origin,
                    );
                    self.set(ChangeKind::RemedyAdded, &el, "remedy ", &ra, &rb, &b.origin);
                    self.text(
                        &el,
                        "short",
                        a.short_description.as_ref(),
                        b.short_description.as_ref(),
                        &b.origin,
                    );
                    self.text(
                        &el,
                        "description",
                        a.description.as_ref(),
                        b.description.as_ref(),
                        &b.origin,
                    );
                    self.text(
                        &el,
                        "verification",
                        a.verification.as_ref(),
                        b.verification.as_ref(),
                        &b.origin,
                    );
                    // Added, removed or changed alike: not material (REC §3.2.6 IMG).
                    let (la, lb) = (a.logo.as_ref().map(logo), b.logo.as_ref().map(logo));
                    self.field(
                        ChangeKind::LogoChanged,
                        &el,
                        "logo",
                        la.as_ref(),
                        lb.as_ref(),
                        &b.origin,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn definitions(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.subjects, &n.subjects, |s| s.name.clone()) {
            if let (Some(a), Some(b)) = (a, b) {
                let el = format!("subject {}", b.name);
                self.text(
                    &el,
                    "description",
                    a.description.as_ref(),
                    b.description.as_ref(),
                    &b.origin,
                );
            }
        }
        for (a, b) in pair(&o.recipients, &n.recipients, |r| r.name.clone()) {
            if let (Some(a), Some(b)) = (a, b) {
                let el = format!("recipient {}", b.name);
                let (ra, rb) = (recipient_rank(a.kind), recipient_rank(b.kind));
                if ra != rb {
                    let kind = if rb > ra {
                        ChangeKind::RecipientBroadened
                    } else {
                        ChangeKind::RecipientNarrowed
                    };
                    self.push(
                        kind,
                        &el,
                        "kind",
                        Some(a.kind.to_string()),
                        Some(b.kind.to_string()),
                        &b.origin,
                    );
                }
                self.text(
                    &el,
                    "description",
                    a.description.as_ref(),
                    b.description.as_ref(),
                    &b.origin,
                );
            }
        }
        for (a, b) in pair(&o.datasets, &n.datasets, |s| s.name.clone()) {
            if let (Some(a), Some(b)) = (a, b) {
                let el = format!("data {}", b.name);
                self.text(
                    &el,
                    "description",
                    a.description.as_ref(),
                    b.description.as_ref(),
                    &b.origin,
                );
            }
        }
    }

    fn data(
        &mut self,
        el: &str,
        op: &Policy,
        np: &Policy,
        old: &[DataUse],
        new: &[DataUse],
        origin: &Origin,
    ) {
        let (mut a, mut b) = (expand(op, old), expand(np, new));
        self.reworded_custom(el, &mut a, &mut b);
        for (key, item) in &b {
            let span = item.span.clone().or_else(|| origin.span().cloned());
            match a.get(key) {
                None => self.push_at(
                    ChangeKind::DataAdded,
                    el,
                    key,
                    None,
                    Some(key.clone()),
                    span,
                ),
                Some(was) => {
                    for c in item.categories.difference(&was.categories) {
                        let s = format!("{key} category {c}");
                        self.push_at(
                            ChangeKind::CategoryAdded,
                            el,
                            &s,
                            None,
                            Some(c.to_string()),
                            span.clone(),
                        );
                    }
                    for c in was.categories.difference(&item.categories) {
                        let s = format!("{key} category {c}");
                        self.push_at(
                            ChangeKind::CategoryRemoved,
                            el,
                            &s,
                            Some(c.to_string()),
                            None,
                            span.clone(),
                        );
                    }
                    if was.optional != item.optional {
                        let kind = if item.optional {
                            ChangeKind::DataMadeOptional
                        } else {
                            ChangeKind::DataMadeRequired
                        };
                        let show =
                            |o: bool| Some(if o { "optional" } else { "required" }.to_string());
                        self.push_at(kind, el, key, show(was.optional), show(item.optional), span);
                    }
                }
            }
        }
        for (key, item) in &a {
            if !b.contains_key(key) {
                let span = item.span.clone().or_else(|| origin.span().cloned());
                self.push_at(
                    ChangeKind::DataRemoved,
                    el,
                    key,
                    Some(key.clone()),
                    None,
                    span,
                );
            }
        }
    }

    /// When the only custom data removed and the only custom data added have the
    /// same categories, the description was reworded: a text edit, not new data.
    fn reworded_custom(
        &mut self,
        el: &str,
        a: &mut BTreeMap<String, Item>,
        b: &mut BTreeMap<String, Item>,
    ) {
        let only = |x: &BTreeMap<String, Item>, y: &BTreeMap<String, Item>| {
            let keys: Vec<&String> = x
                .keys()
                .filter(|k| k.starts_with("custom ") && !y.contains_key(*k))
                .collect();
            (keys.len() == 1).then(|| keys[0].clone())
        };
        let (Some(old_key), Some(new_key)) = (only(a, b), only(b, a)) else {
            return;
        };
        let same = match (a.get(&old_key), b.get(&new_key)) {
            (Some(x), Some(y)) => x.categories == y.categories && x.optional == y.optional,
            _ => false,
        };
        if !same {
            return;
        }
        let span = b.remove(&new_key).and_then(|i| i.span);
        a.remove(&old_key);
        let strip = |k: &str| k.trim_start_matches("custom ").to_string();
        self.push_at(
            ChangeKind::TextEdited,
            el,
            "custom data",
            Some(strip(&old_key)),
            Some(strip(&new_key)),
            span,
        );
    }

    fn purposes(&mut self, el: &str, old: &[PurposeUse], new: &[PurposeUse], origin: &Origin) {
        for (a, b) in pair(old, new, purpose_key) {
            match (a, b) {
                (None, Some(b)) => {
                    let s = format!("purpose {}", purpose_text(b));
                    let shown = format!("{} {}", purpose_text(b), b.required);
                    self.push(
                        ChangeKind::PurposeAdded,
                        el,
                        &s,
                        None,
                        Some(shown),
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let s = format!("purpose {}", purpose_text(a));
                    let shown = format!("{} {}", purpose_text(a), a.required);
                    self.push(
                        ChangeKind::PurposeRemoved,
                        el,
                        &s,
                        Some(shown),
                        None,
                        origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let s = format!("purpose {}", purpose_text(b));
                    self.choice(el, &s, a.required, b.required, &b.origin);
                }
                (None, None) => {}
            }
        }
    }

    fn choice(
        &mut self,
        el: &str,
        subject: &str,
        old: crate::vocabulary::Required,
        new: crate::vocabulary::Required,
        origin: &Origin,
    ) {
        if old != new {
            // REC §3.3.4: always > opt-out > opt-in in what the site may do without asking.
            let kind = if new.permissiveness() > old.permissiveness() {
                ChangeKind::ChoiceWeakened
            } else {
                ChangeKind::ChoiceStrengthened
            };
            self.push(
                kind,
                el,
                subject,
                Some(old.to_string()),
                Some(new.to_string()),
                origin,
            );
        }
    }

    fn recipients(
        &mut self,
        el: &str,
        old: &[RecipientUse],
        new: &[RecipientUse],
        origin: &Origin,
    ) {
        for (a, b) in pair(old, new, |r| r.name.clone()) {
            match (a, b) {
                (None, Some(b)) => {
                    let s = format!("recipient {}", b.name);
                    let shown = format!("{} {}", b.name, b.required);
                    self.push(
                        ChangeKind::RecipientAdded,
                        el,
                        &s,
                        None,
                        Some(shown),
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let s = format!("recipient {}", a.name);
                    let shown = format!("{} {}", a.name, a.required);
                    self.push(
                        ChangeKind::RecipientRemoved,
                        el,
                        &s,
                        Some(shown),
                        None,
                        origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let s = format!("recipient {}", b.name);
                    self.choice(el, &s, a.required, b.required, &b.origin);
                }
                (None, None) => {}
            }
        }
    }

    fn retention(
        &mut self,
        el: &str,
        old: Option<&RetentionUse>,
        new: Option<&RetentionUse>,
        origin: &Origin,
    ) {
        let (a, b) = (
            retention_rank(old.map(|r| r.value)),
            retention_rank(new.map(|r| r.value)),
        );
        let org = new.map_or(origin, |r| &r.origin);
        if a != b {
            let kind = if b > a {
                ChangeKind::RetentionLengthened
            } else {
                ChangeKind::RetentionShortened
            };
            self.push(
                kind,
                el,
                "retention",
                Some(retention_text(old)),
                Some(retention_text(new)),
                org,
            );
        } else if let (Some(o), Some(n)) = (old, new) {
            self.period(
                el,
                "retention period",
                o.period.as_deref(),
                n.period.as_deref(),
                org,
            );
        }
    }

    fn period(
        &mut self,
        el: &str,
        subject: &str,
        old: Option<&str>,
        new: Option<&str>,
        origin: &Origin,
    ) {
        let kind = match (old, new) {
            (a, b) if a == b => return,
            (None, Some(_)) => ChangeKind::PeriodStated,
            (Some(_), None) => ChangeKind::PeriodDropped,
            (Some(a), Some(b)) => match (period::seconds(a), period::seconds(b)) {
                (Some(x), Some(y)) if y > x => ChangeKind::PeriodLengthened,
                (Some(x), Some(y)) if y < x => ChangeKind::PeriodShortened,
                (Some(_), Some(_)) => ChangeKind::TextEdited,
                _ => ChangeKind::PeriodReworded,
            },
            (None, None) => return,
        };
        self.push(
            kind,
            el,
            subject,
            old.map(str::to_string),
            new.map(str::to_string),
            origin,
        );
    }

    fn statement(
        &mut self,
        op: &Policy,
        np: &Policy,
        a: Option<&Statement>,
        b: Option<&Statement>,
    ) {
        let (a, b) = match (a, b) {
            (None, Some(b)) => {
                let el = format!("collect {}", b.name);
                self.push(
                    ChangeKind::StatementAdded,
                    &el,
                    &b.name,
                    None,
                    None,
                    &b.origin,
                );
                return;
            }
            (Some(a), None) => {
                let el = format!("collect {}", a.name);
                self.push(
                    ChangeKind::StatementRemoved,
                    &el,
                    &a.name,
                    None,
                    None,
                    &a.origin,
                );
                return;
            }
            (Some(a), Some(b)) => (a, b),
            (None, None) => return,
        };
        let el = format!("collect {}", b.name);
        let org = &b.origin;
        self.text(&el, "title", a.title.as_ref(), b.title.as_ref(), org);
        let (sa, sb): (BTreeSet<_>, BTreeSet<_>) =
            (a.subjects.iter().collect(), b.subjects.iter().collect());
        self.set(ChangeKind::SubjectAdded, &el, "from ", &sa, &sb, org);
        self.data(&el, op, np, &a.data, &b.data, org);
        self.purposes(&el, &a.purposes, &b.purposes, org);
        self.recipients(&el, &a.recipients, &b.recipients, org);
        self.retention(&el, a.retention.as_ref(), b.retention.as_ref(), org);
        self.flag(
            ChangeKind::BecameIdentifiable,
            &el,
            "identifiable",
            a.identifiable,
            b.identifiable,
            org,
        );
        self.text(
            &el,
            "consequence",
            a.consequence.as_ref(),
            b.consequence.as_ref(),
            org,
        );
        self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }

    fn cookie(&mut self, a: Option<&Cookie>, b: Option<&Cookie>) {
        let (a, b) = match (a, b) {
            (None, Some(b)) => {
                let el = format!("cookie {}", b.name);
                self.push(ChangeKind::CookieAdded, &el, &b.name, None, None, &b.origin);
                return;
            }
            (Some(a), None) => {
                let el = format!("cookie {}", a.name);
                self.push(
                    ChangeKind::CookieRemoved,
                    &el,
                    &a.name,
                    None,
                    None,
                    &a.origin,
                );
                return;
            }
            (Some(a), Some(b)) => (a, b),
            (None, None) => return,
        };
        let el = format!("cookie {}", b.name);
        let org = &b.origin;
        self.text(&el, "title", a.title.as_ref(), b.title.as_ref(), org);
        self.detail(
            &el,
            "name",
            a.cookie_name.as_ref(),
            b.cookie_name.as_ref(),
            org,
        );
        self.detail(&el, "domain", a.domain.as_ref(), b.domain.as_ref(), org);
        self.detail(&el, "path", a.path.as_ref(), b.path.as_ref(), org);
        self.period(
            &el,
            "lifetime",
            a.lifetime.as_deref(),
            b.lifetime.as_deref(),
            org,
        );
        let third = |c: &Cookie| c.party == crate::model::Party::Third;
        self.flag(
            ChangeKind::CookieThirdParty,
            &el,
            "third-party",
            third(a),
            third(b),
            org,
        );
        let (pa, pb): (BTreeSet<_>, BTreeSet<_>) =
            (a.provider.iter().collect(), b.provider.iter().collect());
        self.set(ChangeKind::RecipientAdded, &el, "provider ", &pa, &pb, org);
        self.text(&el, "holds", a.holds.as_ref(), b.holds.as_ref(), org);
        let (ca, cb): (BTreeSet<_>, BTreeSet<_>) =
            (a.categories.iter().collect(), b.categories.iter().collect());
        self.set(ChangeKind::CategoryAdded, &el, "category ", &ca, &cb, org);
        self.purposes(&el, &a.purposes, &b.purposes, org);
        // An empty recipient list means `ours`.
        let ours = |c: &Cookie| {
            if c.recipients.is_empty() {
                vec![RecipientUse {
                    name: Recipient::Ours.word().to_string(),
                    required: crate::vocabulary::Required::Always,
                    origin: c.origin.clone(),
                }]
            } else {
                c.recipients.clone()
            }
        };
        self.recipients(&el, &ours(a), &ours(b), org);
        self.retention(&el, a.retention.as_ref(), b.retention.as_ref(), org);
        self.flag(
            ChangeKind::CookieLinked,
            &el,
            "linked",
            a.linked,
            b.linked,
            org,
        );
        self.flag(
            ChangeKind::CookieCrossSite,
            &el,
            "cross-site",
            a.cross_site,
            b.cross_site,
            org,
        );
        self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }

    fn sharing(&mut self, op: &Policy, np: &Policy, a: Option<&Sharing>, b: Option<&Sharing>) {
        let (a, b) = match (a, b) {
            (None, Some(b)) => {
                let el = format!("share {}", b.name);
                let with = Some(b.with.join(", "));
                self.push(
                    ChangeKind::SharingAdded,
                    &el,
                    &b.name,
                    None,
                    with,
                    &b.origin,
                );
                return;
            }
            (Some(a), None) => {
                let el = format!("share {}", a.name);
                let with = Some(a.with.join(", "));
                self.push(
                    ChangeKind::SharingRemoved,
                    &el,
                    &a.name,
                    with,
                    None,
                    &a.origin,
                );
                return;
            }
            (Some(a), Some(b)) => (a, b),
            (None, None) => return,
        };
        let el = format!("share {}", b.name);
        let org = &b.origin;
        self.text(&el, "title", a.title.as_ref(), b.title.as_ref(), org);
        let (wa, wb): (BTreeSet<_>, BTreeSet<_>) =
            (a.with.iter().collect(), b.with.iter().collect());
        self.set(ChangeKind::RecipientAdded, &el, "with ", &wa, &wb, org);
        self.data(&el, op, np, &a.data, &b.data, org);
        self.purposes(&el, &a.purposes, &b.purposes, org);
        self.choice(&el, "choice", a.choice, b.choice, org);
        match (&a.conditions, &b.conditions) {
            (None, Some(c)) => self.push(
                ChangeKind::ConditionAdded,
                &el,
                "when",
                None,
                Some(c.clone()),
                org,
            ),
            (Some(c), None) => self.push(
                ChangeKind::ConditionDropped,
                &el,
                "when",
                Some(c.clone()),
                None,
                org,
            ),
            (x, y) => self.text(&el, "when", x.as_ref(), y.as_ref(), org),
        }
        self.flag(ChangeKind::SaleStarted, &el, "sale", a.sale, b.sale, org);
        self.flag(
            ChangeKind::BecameIdentifiable,
            &el,
            "identifiable",
            a.identifiable,
            b.identifiable,
            org,
        );
        let basis = |s: &Sharing| s.basis.as_ref().map(kebab);
        self.detail(&el, "basis", basis(a).as_ref(), basis(b).as_ref(), org);
        self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }

    fn security(&mut self, o: &Policy, n: &Policy) {
        self.text(
            "security",
            "text",
            o.security_text.as_ref(),
            n.security_text.as_ref(),
            n.security.first().map_or(&n.origin, |m| &m.origin),
        );
        let (ka, kb) = (keyed_measures(o), keyed_measures(n));
        for (a, b) in pair(&ka, &kb, |(k, i, _)| (*k, *i)) {
            let name = |k: crate::model::MeasureKind, i: usize| {
                let w = kebab(&k);
                if i > 1 {
                    format!("{w} #{i}")
                } else {
                    w
                }
            };
            match (a, b) {
                (None, Some((k, i, m))) => {
                    let s = name(*k, *i);
                    self.push(
                        ChangeKind::SecurityAdded,
                        "security",
                        &s,
                        None,
                        Some(m.description.clone()),
                        &m.origin,
                    );
                }
                (Some((k, i, m)), None) => {
                    let s = name(*k, *i);
                    self.push(
                        ChangeKind::SecurityDropped,
                        "security",
                        &s,
                        Some(m.description.clone()),
                        None,
                        &m.origin,
                    );
                }
                (Some((_, _, ma)), Some((k, i, mb))) => {
                    let s = name(*k, *i);
                    self.text(
                        "security",
                        &s,
                        Some(&ma.description),
                        Some(&mb.description),
                        &mb.origin,
                    );
                    let cov = |m: &crate::model::SecurityMeasure| {
                        m.covers
                            .iter()
                            .map(|c| c.word().to_string())
                            .collect::<Vec<_>>()
                    };
                    self.scope(
                        "security",
                        &format!("{s} covers "),
                        &cov(ma),
                        &cov(mb),
                        &mb.origin,
                    );
                }
                (None, None) => {}
            }
        }
    }

    fn retention_rules(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.retention, &n.retention, |r| r.name.clone()) {
            match (a, b) {
                (None, Some(b)) => {
                    let el = format!("retention {}", b.name);
                    self.push(
                        ChangeKind::RetentionRuleAdded,
                        &el,
                        &b.name,
                        None,
                        Some(b.period.clone()),
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let el = format!("retention {}", a.name);
                    self.push(
                        ChangeKind::RetentionRuleRemoved,
                        &el,
                        &a.name,
                        Some(a.period.clone()),
                        None,
                        &a.origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let el = format!("retention {}", b.name);
                    self.period(&el, "period", Some(&a.period), Some(&b.period), &b.origin);
                    if a.applies_to != b.applies_to {
                        let show = |r: &crate::model::RetentionRule| Some(r.applies_to.join(", "));
                        self.push(
                            ChangeKind::DetailChanged,
                            &el,
                            "applies-to",
                            show(a),
                            show(b),
                            &b.origin,
                        );
                    }
                    self.text(
                        &el,
                        "destruction",
                        a.destruction.as_ref(),
                        b.destruction.as_ref(),
                        &b.origin,
                    );
                    self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), &b.origin);
                }
                (None, None) => {}
            }
        }
    }

    fn rights(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.rights, &n.rights, |r| r.kind) {
            let kind_word = |r: &crate::model::Right| kebab(&r.kind);
            match (a, b) {
                (None, Some(b)) => {
                    let el = format!("right {}", kind_word(b));
                    self.push(
                        ChangeKind::RightAdded,
                        &el,
                        &kind_word(b),
                        None,
                        Some(b.how.clone()),
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let el = format!("right {}", kind_word(a));
                    self.push(
                        ChangeKind::RightRemoved,
                        &el,
                        &kind_word(a),
                        Some(a.how.clone()),
                        None,
                        &a.origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let el = format!("right {}", kind_word(b));
                    self.text(&el, "how", Some(&a.how), Some(&b.how), &b.origin);
                    self.scope(&el, "subjects ", &a.subjects, &b.subjects, &b.origin);
                    match (&a.limits, &b.limits) {
                        (None, Some(l)) => self.push(
                            ChangeKind::LimitAdded,
                            &el,
                            "limits",
                            None,
                            Some(l.clone()),
                            &b.origin,
                        ),
                        (Some(l), None) => self.push(
                            ChangeKind::LimitRemoved,
                            &el,
                            "limits",
                            Some(l.clone()),
                            None,
                            &b.origin,
                        ),
                        (x, y) => self.text(&el, "limits", x.as_ref(), y.as_ref(), &b.origin),
                    }
                    self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), &b.origin);
                }
                (None, None) => {}
            }
        }
    }

    fn opt_outs(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.opt_outs, &n.opt_outs, |r| r.name.clone()) {
            match (a, b) {
                (None, Some(b)) => {
                    let el = format!("opt-out {}", b.name);
                    self.push(
                        ChangeKind::OptOutAdded,
                        &el,
                        &b.name,
                        None,
                        Some(b.how.clone()),
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let el = format!("opt-out {}", a.name);
                    self.push(
                        ChangeKind::OptOutRemoved,
                        &el,
                        &a.name,
                        Some(a.how.clone()),
                        None,
                        &a.origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let el = format!("opt-out {}", b.name);
                    self.scope(&el, "covers ", &a.covers, &b.covers, &b.origin);
                    self.text(&el, "how", Some(&a.how), Some(&b.how), &b.origin);
                    self.detail(&el, "url", a.url.as_ref(), b.url.as_ref(), &b.origin);
                    self.text(&el, "text", a.text.as_ref(), b.text.as_ref(), &b.origin);
                }
                (None, None) => {}
            }
        }
    }

    fn notice(&mut self, old: Option<&ChangeNotice>, new: Option<&ChangeNotice>, origin: &Origin) {
        let (a, b) = (
            old.cloned().unwrap_or_default(),
            new.cloned().unwrap_or_default(),
        );
        let org = new.map_or(origin, |c| &c.origin);
        let el = "changes";
        let method = kebab::<crate::model::NotifyMethod>;
        let (pa, pb): (BTreeSet<_>, BTreeSet<_>) = (
            a.post.iter().map(method).collect(),
            b.post.iter().map(method).collect(),
        );
        self.set(ChangeKind::NoticeStrengthened, el, "post ", &pa, &pb, org);
        let (na, nb): (BTreeSet<_>, BTreeSet<_>) = (
            a.notify.iter().map(method).collect(),
            b.notify.iter().map(method).collect(),
        );
        self.set(ChangeKind::NoticeStrengthened, el, "notify ", &na, &nb, org);
        self.flag(
            ChangeKind::NoticeStrengthened,
            el,
            "before-effective",
            a.before_effective,
            b.before_effective,
            org,
        );
        self.flag(
            ChangeKind::NoticeStrengthened,
            el,
            "consent-for-new-uses",
            a.consent_for_new_uses,
            b.consent_for_new_uses,
            org,
        );
        self.text(el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }

    fn promises(&mut self, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.promises, &n.promises, |p| p.name.clone()) {
            match (a, b) {
                (None, Some(b)) => {
                    let el = format!("promise {}", b.name);
                    self.push(
                        ChangeKind::PromiseAdded,
                        &el,
                        &b.name,
                        None,
                        Some(b.says.clone()),
                        &b.origin,
                    );
                }
                (Some(a), None) => {
                    let el = format!("promise {}", a.name);
                    self.push(
                        ChangeKind::PromiseWithdrawn,
                        &el,
                        &a.name,
                        Some(a.says.clone()),
                        None,
                        &a.origin,
                    );
                }
                (Some(a), Some(b)) => {
                    let el = format!("promise {}", b.name);
                    if a.claim != b.claim {
                        let show = |c: &crate::model::Claim| Some(claim_text(c));
                        self.push(
                            ChangeKind::PromiseChanged,
                            &el,
                            "claim",
                            show(&a.claim),
                            show(&b.claim),
                            &b.origin,
                        );
                    }
                    let (ea, eb): (BTreeSet<_>, BTreeSet<_>) = (
                        a.except.iter().map(kebab).collect(),
                        b.except.iter().map(kebab).collect(),
                    );
                    self.set(
                        ChangeKind::ExceptionAdded,
                        &el,
                        "except ",
                        &ea,
                        &eb,
                        &b.origin,
                    );
                    self.text(&el, "says", Some(&a.says), Some(&b.says), &b.origin);
                }
                (None, None) => {}
            }
        }
    }
}
