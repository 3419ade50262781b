//! A policy's definitions by name, built once per page, so that rendering looks
//! each name up in constant time (the first definition of a name wins, as a
//! search from the top finds it; duplicates are reported by R202).

use crate::model::{Cookie, DataSet, Policy, Sharing, Statement};
use std::collections::HashMap;

pub struct Names<'p> {
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
            datasets: index(&policy.datasets, |d| d.name.as_str()),
            statements: index(&policy.statements, |s| s.name.as_str()),
            cookies: index(&policy.cookies, |c| c.name.as_str()),
            sharing: index(&policy.sharing, |s| s.name.as_str()),
        }
    }
}
