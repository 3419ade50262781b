//! Comparing the data items an element covers (statements, sharing rules), with
//! named data sets expanded: items added or removed, their categories, and
//! whether giving them is optional.

use super::super::change::ChangeKind;
use super::Differ;
use crate::model::{DataRef, DataUse, Policy};
use crate::span::{Origin, Span};
use crate::vocabulary::Category;
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
fn expand(
    policy: &Policy,
    index: &HashMap<String, usize>,
    uses: &[DataUse],
) -> BTreeMap<String, Item> {
    let mut out: BTreeMap<String, Item> = BTreeMap::new();
    let mut add = |key: String, cats: &[Category], optional: bool, origin: &Origin| {
        let item = out.entry(key).or_insert_with(|| Item {
            categories: BTreeSet::new(),
            optional: true,
            span: origin.span().copied(),
        });
        item.categories.extend(cats.iter().copied());
        item.optional &= optional;
    };
    for u in uses {
        match u {
            DataUse::Item(i) => add(data_key(&i.data), &i.categories, i.optional, &i.origin),
            DataUse::Set { name, origin } => {
                match index.get(name).and_then(|&i| policy.datasets.get(i)) {
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

impl Differ {
    pub(super) fn data(
        &mut self,
        el: &str,
        op: &Policy,
        np: &Policy,
        old: &[DataUse],
        new: &[DataUse],
        origin: &Origin,
    ) {
        let (mut a, mut b) = (
            expand(op, &self.sets[0], old),
            expand(np, &self.sets[1], new),
        );
        self.reworded_custom(el, &mut a, &mut b);
        for (key, item) in &b {
            let span = item.span.or_else(|| origin.span().copied());
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
                            span,
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
                            span,
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
                let span = item.span.or_else(|| origin.span().copied());
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
}
