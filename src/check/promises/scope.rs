//! Which flows a promise is about: its scope lines, plus the names an old-form
//! claim carries (`not-linked logs`, `no-identifiable-collection visitors`).

use super::super::context::{elements_overlap, Context};
use super::trace::{Recorder, Recording};
use crate::facts::{DataFact, Leaf, Practice, PracticeKind, Row};
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
    /// Notes each decision for `check --explain-clean`, when attached.
    trace: Recording,
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
            trace: None,
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

    /// Attaches a recorder: from now on every decision is noted.
    pub fn record(&mut self) {
        self.trace = Some(std::cell::RefCell::new(Recorder::default()));
    }

    /// The recorder, once the checks are done.
    pub fn take_trace(self) -> Option<Recorder> {
        self.trace.map(std::cell::RefCell::into_inner)
    }

    fn note(&self, f: impl FnOnce(&mut Recorder)) {
        if let Some(t) = &self.trace {
            f(&mut t.borrow_mut());
        }
    }

    /// Notes that a scope line leaves a practice out (checks that select
    /// practices by scope themselves, such as the cookie claims).
    pub fn out_of_scope(&self, p: &Practice, line: &'static str, value: String) {
        self.note(|t| t.out_of_scope(p, line, value));
    }

    /// Notes that a practice does what the claim asks (a positive claim kept).
    pub fn kept(&self, p: &Practice, why: impl FnOnce() -> String) {
        self.note(|t| t.kept(p, why()));
    }

    /// Notes that the claim is not about a practice (or some of its flows).
    pub fn skip(&self, p: &Practice, why: impl FnOnce() -> String) {
        self.note(|t| t.not_applicable(p, why()));
    }

    /// Notes that an exception of the promise other than those [`Self::excused`]
    /// knows kept a practice's flows (`compatible` purposes).
    pub fn excepted(&self, p: &Practice, exception: &'static str, why: impl FnOnce() -> String) {
        self.note(|t| t.excepted(p, exception, why()));
    }

    /// Why a flow is excused by the promise's exceptions, if it is (noted).
    pub fn excused(&self, row: &Row<'_>) -> Option<String> {
        let (kind, why) = super::excuse(self.promise, row)?;
        self.note(|t| t.excepted(row.practice, kind, why.clone()));
        Some(why)
    }

    /// Whether a row is in the promise's scope (a row left out is noted with
    /// the scope line that leaves it out).
    pub fn row(&self, row: &Row<'_>) -> bool {
        match self.exclusion(row) {
            None => true,
            Some((line, value)) => {
                self.note(|t| t.out_of_scope(row.practice, line, value));
                false
            }
        }
    }

    /// The scope line that leaves a row out, and the row's value it does not name.
    fn exclusion(&self, row: &Row<'_>) -> Option<(&'static str, String)> {
        let scope = &self.promise.scope;
        let p = row.practice;
        let cookie_ok = scope.cookies.is_empty()
            || (p.kind == PracticeKind::Cookie && scope.cookies.contains(&p.name));
        if !cookie_ok {
            return Some(("cookies", p.target()));
        }
        let recipient_ok = scope.recipients.is_empty()
            || row.recipient.is_some_and(|r| {
                scope.recipients.contains(&r.name)
                    || r.kind
                        .is_some_and(|k| scope.recipients.iter().any(|n| n == k.word()))
            });
        if !recipient_ok {
            return Some((
                "recipients",
                row.recipient
                    .map_or_else(|| "(no recipient)".to_string(), |r| r.name.clone()),
            ));
        }
        let purpose_ok = scope.purposes.is_empty()
            || row
                .purpose
                .is_none_or(|u| scope.purposes.contains(&u.purpose));
        if !purpose_ok {
            return Some((
                "purposes",
                row.purpose
                    .map(|u| u.purpose.to_string())
                    .unwrap_or_default(),
            ));
        }
        if !self.subject(row) {
            return Some((
                "subjects",
                row.subject.map(|s| s.name.clone()).unwrap_or_default(),
            ));
        }
        if !self.data(row.data) {
            return Some((
                "data",
                // As the policy wrote it (`user.name`), not each leaf below it.
                row.data
                    .map_or_else(|| "(no data)".to_string(), |d| d.written.to_string()),
            ));
        }
        None
    }
}
