//! A policy's definitions by name, built once per page, so that rendering looks
//! each name up in constant time (the first definition of a name wins, as a
//! search from the top finds it; duplicates are reported by R202).

use crate::model::{Cookie, DataSet, Policy, RecipientDef, Sharing, Statement, Subject};
use std::collections::HashMap;

/// The policy with its definitions by name.
pub struct Names<'p> {
    pub policy: &'p Policy,
    pub recipients: HashMap<&'p str, &'p RecipientDef>,
    pub subjects: HashMap<&'p str, &'p Subject>,
    pub datasets: HashMap<&'p str, &'p DataSet>,
    pub statements: HashMap<&'p str, &'p Statement>,
    pub cookies: HashMap<&'p str, &'p Cookie>,
    pub sharing: HashMap<&'p str, &'p Sharing>,
}

fn index<'p, T>(items: &'p [T], name: impl Fn(&'p T) -> &'p str) -> HashMap<&'p str, &'p T> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(name(item)).or_insert(item);
    }
    map
}

impl<'p> Names<'p> {
    pub fn new(policy: &'p Policy) -> Self {
        Self {
            policy,
            recipients: index(&policy.recipients, |r| r.name.as_str()),
            subjects: index(&policy.subjects, |s| s.name.as_str()),
            datasets: index(&policy.datasets, |d| d.name.as_str()),
            statements: index(&policy.statements, |s| s.name.as_str()),
            cookies: index(&policy.cookies, |c| c.name.as_str()),
            sharing: index(&policy.sharing, |s| s.name.as_str()),
        }
    }
}

/// Where a recipient's definition is found by name: searched for in the policy,
/// or looked up in its [`Names`].
pub trait RecipientDefs {
    fn recipient(&self, name: &str) -> Option<&RecipientDef>;
}

impl RecipientDefs for Policy {
    fn recipient(&self, name: &str) -> Option<&RecipientDef> {
        self.recipients.iter().find(|r| r.name == name)
    }
}

impl RecipientDefs for Names<'_> {
    fn recipient(&self, name: &str) -> Option<&RecipientDef> {
        self.recipients.get(name).copied()
    }
}
