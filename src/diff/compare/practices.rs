//! Comparing what is done with data, wherever it is stated (statements, cookies,
//! sharing rules): the purposes, recipients and retention. The data items
//! themselves are compared in `data.rs`.

use super::super::change::ChangeKind;
use super::{pair, Differ, Shown};
use crate::model::{PurposeUse, RecipientUse, RetentionUse};
use crate::span::Origin;
use crate::vocabulary::{Purpose, Required, Retention, Term};

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

/// A use of data that people may have a choice about: a purpose or a recipient.
pub(super) trait ChosenUse {
    /// What matches a use in the old version with one in the new.
    type Key: Ord + Clone;
    /// The word before a use's text in a change's subject.
    const NOUN: &'static str;
    /// The changes when a use is added and when one is removed.
    const ADDED: ChangeKind;
    const REMOVED: ChangeKind;
    fn key(&self) -> Self::Key;
    fn text(&self) -> String;
    fn required(&self) -> Required;
    fn origin(&self) -> &Origin;
    /// The exception word a recipient is given the data on (`basis
    /// service-providers`); purposes have none.
    fn basis(&self) -> Option<String> {
        None
    }
}

impl ChosenUse for PurposeUse {
    type Key = (Purpose, Option<String>);
    const NOUN: &'static str = "purpose";
    const ADDED: ChangeKind = ChangeKind::PurposeAdded;
    const REMOVED: ChangeKind = ChangeKind::PurposeRemoved;
    fn key(&self) -> Self::Key {
        let desc = if self.purpose == Purpose::OtherPurpose {
            self.description.clone()
        } else {
            None
        };
        (self.purpose, desc)
    }
    fn text(&self) -> String {
        match &self.description {
            Some(d) if self.purpose == Purpose::OtherPurpose => format!("{} {d:?}", self.purpose),
            _ => self.purpose.word().to_string(),
        }
    }
    fn required(&self) -> Required {
        self.required
    }
    fn origin(&self) -> &Origin {
        &self.origin
    }
}

impl ChosenUse for RecipientUse {
    type Key = String;
    const NOUN: &'static str = "recipient";
    const ADDED: ChangeKind = ChangeKind::RecipientAdded;
    const REMOVED: ChangeKind = ChangeKind::RecipientRemoved;
    fn key(&self) -> Self::Key {
        self.name.clone()
    }
    fn text(&self) -> String {
        self.name.clone()
    }
    fn required(&self) -> Required {
        self.required
    }
    fn basis(&self) -> Option<String> {
        self.basis.as_ref().map(super::kebab)
    }
    fn origin(&self) -> &Origin {
        &self.origin
    }
}

impl Differ {
    /// Purposes or recipients: each added or removed, or its choice changed.
    pub(super) fn uses<T: ChosenUse>(&mut self, el: &str, old: &[T], new: &[T], origin: &Origin) {
        for (a, b) in pair(old, new, T::key) {
            // A dropped use is shown where its element stands in the new version.
            let dropped = b.is_none();
            let both = self.one_sided(a, b, T::ADDED, T::REMOVED, |u| Shown {
                element: el.to_string(),
                subject: format!("{} {}", T::NOUN, u.text()),
                summary: Some(format!("{} {}", u.text(), u.required())),
                origin: if dropped { origin } else { u.origin() },
            });
            if let Some((a, b)) = both {
                let s = format!("{} {}", T::NOUN, b.text());
                self.choice(el, &s, a.required(), b.required(), b.origin());
                let (x, y) = (a.basis(), b.basis());
                self.detail(
                    el,
                    &format!("{s} basis"),
                    x.as_ref(),
                    y.as_ref(),
                    b.origin(),
                );
            }
        }
    }

    pub(super) fn retention(
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
}
