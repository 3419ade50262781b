//! A policy's prose in other languages: `language en, de` declares them,
//! `translation de { string "original", "Übersetzung" }` gives each prose string
//! in each further language, keyed by the original text (so one translation serves
//! every place the same sentence appears, and editing the original leaves its old
//! translation unused, which the build reports).

use super::Policy;
use crate::span::Origin;
use serde::{Deserialize, Serialize};

/// The prose of a policy in one further language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Translation {
    /// BCP 47 tag, one of the policy's declared languages after the first.
    pub language: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strings: Vec<TranslatedString>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One prose string and its translation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct TranslatedString {
    /// The string as the policy gives it in its first language.
    pub original: String,
    /// The same string in the translation's language.
    pub text: String,
    #[serde(skip)]
    pub origin: Origin,
}

impl Translation {
    /// The translation of `original`, if given.
    pub fn of(&self, original: &str) -> Option<&str> {
        self.strings
            .iter()
            .find(|s| s.original == original)
            .map(|s| s.text.as_str())
    }
}

impl Policy {
    /// Every language the policy's prose is given in: its `language` first (none
    /// when it declares none), then the further ones.
    pub fn languages(&self) -> Vec<&str> {
        self.language
            .iter()
            .chain(&self.other_languages)
            .map(String::as_str)
            .collect()
    }

    /// The translation block for `language`, if the policy has one.
    pub fn translation(&self, language: &str) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|t| t.language.eq_ignore_ascii_case(language))
    }

    /// Every prose string of the policy (what a reader reads: titles,
    /// descriptions, texts, periods, how to use a right), in model order, with
    /// repeats. Names, URLs, addresses, dates and other values are not prose.
    pub fn prose(&self) -> Vec<String> {
        let mut copy = self.clone();
        let mut out = Vec::new();
        copy.prose_mut(&mut |s| out.push(s.clone()));
        out
    }

    /// The policy with its prose in `language`: every prose string replaced by
    /// its translation (strings without one are kept), `language` set to it and
    /// no further languages. `None` when the policy has no translation into it.
    pub fn translated(&self, language: &str) -> Option<Policy> {
        self.translation(language).map(|t| self.translated_by(t))
    }

    /// The policy with every prose string `t` holds replaced by its translation
    /// (the others kept), in `t`'s language, with no further languages. Used for
    /// the policy's own translations and for a previous version read through the
    /// current ones.
    #[must_use]
    pub fn translated_by(&self, t: &Translation) -> Policy {
        let by_original: std::collections::HashMap<&str, &str> = t
            .strings
            .iter()
            .map(|s| (s.original.as_str(), s.text.as_str()))
            .collect();
        let mut p = self.clone();
        p.prose_mut(&mut |s| {
            if let Some(text) = by_original.get(s.as_str()) {
                *s = (*text).to_string();
            }
        });
        p.language = Some(t.language.clone());
        p.other_languages.clear();
        p.translations.clear();
        p
    }

    /// Visits every prose string (see [`Policy::prose`]) mutably.
    #[allow(clippy::too_many_lines)] // one line per prose field of the model
    pub fn prose_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        f(&mut self.title);
        opt(&mut self.summary, f);
        if let Some(e) = &mut self.entity {
            entity(e, f);
        }
        opt(&mut self.access_text, f);
        for d in &mut self.disputes {
            opt(&mut d.short_description, f);
            opt(&mut d.description, f);
            opt(&mut d.verification, f);
            if let Some(logo) = &mut d.logo {
                f(&mut logo.alt);
            }
        }
        for s in &mut self.subjects {
            opt(&mut s.description, f);
        }
        for r in &mut self.recipients {
            opt(&mut r.description, f);
        }
        for d in &mut self.datasets {
            opt(&mut d.description, f);
            for item in &mut d.items {
                data_item(item, f);
            }
        }
        for s in &mut self.statements {
            opt(&mut s.title, f);
            data_uses(&mut s.data, f);
            purposes(&mut s.purposes, f);
            if let Some(r) = &mut s.retention {
                opt(&mut r.period, f);
            }
            opt(&mut s.consequence, f);
            practice_law(&mut s.legal, f);
            opt(&mut s.text, f);
        }
        for c in &mut self.cookies {
            opt(&mut c.title, f);
            opt(&mut c.lifetime, f);
            opt(&mut c.holds, f);
            purposes(&mut c.purposes, f);
            if let Some(r) = &mut c.retention {
                opt(&mut r.period, f);
            }
            practice_law(&mut c.legal, f);
            opt(&mut c.text, f);
        }
        for s in &mut self.sharing {
            opt(&mut s.title, f);
            data_uses(&mut s.data, f);
            purposes(&mut s.purposes, f);
            opt(&mut s.conditions, f);
            practice_law(&mut s.legal, f);
            opt(&mut s.text, f);
        }
        for m in &mut self.security {
            f(&mut m.description);
        }
        opt(&mut self.security_text, f);
        for r in &mut self.retention {
            f(&mut r.period);
            opt(&mut r.destruction, f);
            opt(&mut r.text, f);
        }
        for r in &mut self.rights {
            f(&mut r.how);
            opt(&mut r.limits, f);
            opt(&mut r.response, f);
            opt(&mut r.text, f);
        }
        for o in &mut self.opt_outs {
            f(&mut o.how);
            opt(&mut o.text, f);
        }
        if let Some(c) = &mut self.changes {
            opt(&mut c.text, f);
        }
        for p in &mut self.promises {
            f(&mut p.says);
        }
        for s in &mut self.sections {
            f(&mut s.heading);
            f(&mut s.text);
        }
        let legal = &mut self.legal;
        for r in &mut legal.representatives {
            entity(&mut r.contact, f);
        }
        if let Some(e) = &mut legal.dpo {
            entity(e, f);
        }
        if let Some(e) = &mut legal.authority {
            entity(e, f);
        }
        for t in &mut legal.transfers {
            opt(&mut t.text, f);
        }
        if let Some(m) = &mut legal.minors {
            opt(&mut m.process, f);
        }
        if let Some(c) = &mut legal.ccpa {
            if let Some(s) = &mut c.sensitive_use {
                opt(&mut s.text, f);
            }
            opt(&mut c.verification, f);
            opt(&mut c.agent, f);
            for i in &mut c.incentives {
                f(&mut i.summary);
                opt(&mut i.terms, f);
                opt(&mut i.value, f);
                opt(&mut i.join, f);
                opt(&mut i.withdraw, f);
            }
        }
    }
}

fn opt(s: &mut Option<String>, f: &mut dyn FnMut(&mut String)) {
    if let Some(s) = s {
        f(s);
    }
}

/// An entity's prose: its department and text (its name, address and contact
/// details are not translated).
fn entity(e: &mut super::Entity, f: &mut dyn FnMut(&mut String)) {
    if let Some(d) = &mut e.department {
        f(d);
    }
    if let Some(t) = &mut e.text {
        f(t);
    }
}

fn data_item(item: &mut super::DataItem, f: &mut dyn FnMut(&mut String)) {
    if let super::DataRef::Custom(description) = &mut item.data {
        f(description);
    }
}

fn data_uses(uses: &mut [super::DataUse], f: &mut dyn FnMut(&mut String)) {
    for u in uses {
        if let super::DataUse::Item(item) = u {
            data_item(item, f);
        }
    }
}

fn purposes(list: &mut [super::PurposeUse], f: &mut dyn FnMut(&mut String)) {
    for p in list {
        if let Some(d) = &mut p.description {
            f(d);
        }
    }
}

fn practice_law(law: &mut super::PracticeLaw, f: &mut dyn FnMut(&mut String)) {
    for b in &mut law.bases {
        if let Some(i) = &mut b.interest {
            f(i);
        }
    }
    if let Some(r) = &mut law.requirement {
        if let Some(c) = &mut r.consequence {
            f(c);
        }
    }
    if let Some(a) = &mut law.automated {
        if let Some(l) = &mut a.logic {
            f(l);
        }
        if let Some(e) = &mut a.effects {
            f(e);
        }
    }
    if let Some(s) = &mut law.source {
        if let Some(d) = &mut s.description {
            f(d);
        }
    }
}
