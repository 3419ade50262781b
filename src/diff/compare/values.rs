//! Comparing single values: texts, details, flags, sets of words, scopes, choices
//! and periods.

use super::super::change::ChangeKind;
use super::Differ;
use crate::period::{self, Comparison};
use crate::span::Origin;
use crate::vocabulary::Required;
use std::collections::BTreeSet;

impl Differ {
    /// A change of kind `kind` when the two values differ.
    pub(super) fn field<T: PartialEq + ToString>(
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

    pub(super) fn text(
        &mut self,
        element: &str,
        subject: &str,
        old: Option<&String>,
        new: Option<&String>,
        origin: &Origin,
    ) {
        self.field(ChangeKind::TextEdited, element, subject, old, new, origin);
    }

    pub(super) fn detail(
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

    /// A text that may be left out (a sharing condition, a limit on a right):
    /// stating it is `added`, dropping it is its mirror, rewording it needs review.
    pub(super) fn optional_text(
        &mut self,
        added: ChangeKind,
        element: &str,
        subject: &str,
        old: Option<&String>,
        new: Option<&String>,
        origin: &Origin,
    ) {
        match (old, new) {
            (None, Some(t)) => self.push(added, element, subject, None, Some(t.clone()), origin),
            (Some(t), None) => self.push(
                added.mirror(),
                element,
                subject,
                Some(t.clone()),
                None,
                origin,
            ),
            (x, y) => self.commitment(element, subject, x, y, origin),
        }
    }

    /// A flag whose `true` value permits more (`more`) or less (its mirror).
    pub(super) fn flag(
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
    pub(super) fn set<K: Ord + std::fmt::Display>(
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
    pub(super) fn scope(
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

    pub(super) fn choice(
        &mut self,
        el: &str,
        subject: &str,
        old: Required,
        new: Required,
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

    /// A period in words (`retain ... "13 months"`, a cookie's lifetime, a retention
    /// rule): read by [`crate::period`] and compared by the longest it may last;
    /// a period that starts again on every visit may never end. Anything that
    /// cannot be compared needs review, never "unchanged".
    pub(super) fn period(
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
            (Some(a), Some(b)) => match (period::parse(a), period::parse(b)) {
                (Some(x), Some(y)) if x.renewed != y.renewed => {
                    if y.renewed {
                        ChangeKind::PeriodRenewed
                    } else {
                        ChangeKind::PeriodNoLongerRenewed
                    }
                }
                (Some(x), Some(y)) => match x.compare(&y) {
                    Comparison::Longer => ChangeKind::PeriodLengthened,
                    Comparison::Shorter => ChangeKind::PeriodShortened,
                    Comparison::Same => ChangeKind::PeriodRestated,
                    Comparison::Unknown => ChangeKind::PeriodReworded,
                },
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

    /// The wording of a commitment (a promise, a retention rule, a right, an
    /// opt-out, a sharing condition, a security practice, the change notice):
    /// a change of words may change what is promised, so a person must read it.
    pub(super) fn commitment(
        &mut self,
        element: &str,
        subject: &str,
        old: Option<&String>,
        new: Option<&String>,
        origin: &Origin,
    ) {
        let same = |a: Option<&String>, b: Option<&String>| match (a, b) {
            (Some(a), Some(b)) => a.split_whitespace().eq(b.split_whitespace()),
            (a, b) => a == b,
        };
        if !same(old, new) {
            let (o, n) = (old.cloned(), new.cloned());
            self.push(ChangeKind::Reworded, element, subject, o, n, origin);
        }
    }
}
