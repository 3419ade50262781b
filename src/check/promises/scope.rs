//! Which flows a promise is about: its scope lines, plus the names an old-form
//! claim carries (`not-linked logs`, `no-identifiable-collection visitors`).

use super::super::context::{elements_overlap, Context};
use crate::facts::{DataFact, Leaf, PracticeKind, Row};
use crate::model::{Claim, DataRef, Promise};
use crate::vocabulary::{Category, Term};

/// A promise with its scope resolved against the policy's definitions.
pub(crate) struct Scoped<'a> {
    pub promise: &'a Promise,
    /// Data entries: set names, element names, category words, custom texts.
    sets: Vec<&'a str>,
    elements: Vec<String>,
    categories: Vec<Category>,
    custom: Vec<String>,
    any_data: bool,
    subjects: Vec<&'a str>,
}

impl<'a> Scoped<'a> {
    pub fn new(cx: &Context<'a>, promise: &'a Promise) -> Self {
        let mut data: Vec<&'a str> = promise.scope.data.iter().map(String::as_str).collect();
        let mut subjects: Vec<&'a str> =
            promise.scope.subjects.iter().map(String::as_str).collect();
        match &promise.claim {
            Claim::NotLinked(names) => data.extend(names.iter().map(String::as_str)),
            Claim::NoIdentifiableCollection(names) => {
                subjects.extend(names.iter().map(String::as_str));
            }
            _ => {}
        }
        let mut s = Self {
            promise,
            sets: Vec::new(),
            elements: Vec::new(),
            categories: Vec::new(),
            custom: Vec::new(),
            any_data: data.is_empty(),
            subjects,
        };
        for name in data {
            if let Some(set) = cx.datasets.get(name) {
                s.sets.push(name);
                // A set also covers the same data named another way.
                for item in &set.items {
                    match &item.data {
                        DataRef::Schema(e) => {
                            s.elements
                                .push(e.strip_prefix('#').unwrap_or(e).to_string());
                        }
                        DataRef::Custom(t) => s.custom.push(t.clone()),
                    }
                }
            } else if let Some(c) = Category::from_word(name) {
                s.categories.push(c);
            } else if crate::vocabulary::lookup_data(name).is_some() {
                s.elements
                    .push(name.strip_prefix('#').unwrap_or(name).to_string());
            } else {
                s.custom.push(name.to_string());
            }
        }
        s
    }

    /// Whether a data leaf is in the `data` scope.
    pub fn data(&self, d: Option<&DataFact>) -> bool {
        if self.any_data {
            return true;
        }
        let Some(d) = d else { return false };
        if d.set.as_deref().is_some_and(|s| self.sets.contains(&s)) {
            return true;
        }
        if d.categories.iter().any(|c| self.categories.contains(c)) {
            return true;
        }
        match &d.leaf {
            Leaf::Element(e) => self.elements.iter().any(|p| elements_overlap(p, e)),
            Leaf::Custom(t) => self.custom.iter().any(|c| c == t),
            Leaf::Cookie(_) => self
                .elements
                .iter()
                .any(|p| elements_overlap(p, "dynamic.cookies")),
        }
    }

    /// Whether the promise's subject list covers a row's subject (no subject:
    /// everyone, these included).
    pub fn subject(&self, row: &Row<'_>) -> bool {
        self.subjects.is_empty()
            || row
                .subject
                .is_none_or(|s| self.subjects.contains(&s.name.as_str()))
    }

    /// The subject names the promise is about.
    pub fn subjects(&self) -> &[&'a str] {
        &self.subjects
    }

    /// Whether a row is in the promise's scope.
    pub fn row(&self, row: &Row<'_>) -> bool {
        let scope = &self.promise.scope;
        let p = row.practice;
        let cookie_ok = scope.cookies.is_empty()
            || (p.kind == PracticeKind::Cookie && scope.cookies.contains(&p.name));
        if !cookie_ok {
            return false;
        }
        let recipient_ok = scope.recipients.is_empty()
            || row.recipient.is_some_and(|r| {
                scope.recipients.contains(&r.name)
                    || r.kind
                        .is_some_and(|k| scope.recipients.iter().any(|n| n == k.word()))
            });
        let purpose_ok = scope.purposes.is_empty()
            || row
                .purpose
                .is_none_or(|u| scope.purposes.contains(&u.purpose));
        recipient_ok && purpose_ok && self.subject(row) && self.data(row.data)
    }
}
