//! Data items as a reader sees them: plain names, categories, required or
//! optional; and the categories a practice touches, for the privacy label.

use super::terms::TermView;
use super::words::humanize;
use crate::model::{DataItem, DataRef, DataUse, Policy};
use crate::vocabulary::{data_label, lookup_data, Category};
use serde::Serialize;
use std::collections::BTreeSet;

/// One data item.
#[derive(Clone, Debug, Serialize)]
pub struct ItemView {
    /// Plain-language name, or the custom description.
    pub label: String,
    /// The base data schema element (`user.home-info.online.email`), if any.
    pub element: Option<String>,
    pub categories: Vec<TermView>,
    /// P3P `optional="yes"` (REC §3.3.7): the person may decline to give it.
    pub optional: bool,
}

/// Items from one `data` set (or written in place, `set` = `None`).
#[derive(Clone, Debug, Serialize)]
pub struct DataGroup {
    pub set: Option<String>,
    pub items: Vec<ItemView>,
}

/// The categories of one item: the element's fixed categories (REC §5.5) plus
/// the declared ones (REC §3.4: variable-category elements and custom data).
pub fn item_categories(item: &DataItem) -> BTreeSet<Category> {
    let mut cats: BTreeSet<Category> = item.categories.iter().copied().collect();
    if let DataRef::Schema(name) = &item.data {
        if let Some(element) = lookup_data(name) {
            cats.extend(element.categories.iter().copied());
        }
    }
    cats
}

/// Every item `uses` refers to, data sets expanded. Unknown set names (which the
/// checker reports) contribute nothing.
pub fn items<'a>(policy: &'a Policy, uses: &'a [DataUse]) -> Vec<&'a DataItem> {
    let mut out = Vec::new();
    for data_use in uses {
        match data_use {
            DataUse::Item(item) => out.push(item),
            DataUse::Set { name, .. } => {
                if let Some(set) = policy.datasets.iter().find(|s| &s.name == name) {
                    out.extend(set.items.iter());
                }
            }
        }
    }
    out
}

/// The categories of everything `uses` refers to.
pub fn categories(policy: &Policy, uses: &[DataUse]) -> BTreeSet<Category> {
    items(policy, uses)
        .into_iter()
        .flat_map(item_categories)
        .collect()
}

fn item_view(item: &DataItem) -> ItemView {
    let (label, element) = match &item.data {
        DataRef::Schema(name) => (data_label(name), Some(name.clone())),
        DataRef::Custom(text) => (text.clone(), None),
    };
    ItemView {
        label,
        element,
        categories: item_categories(item)
            .into_iter()
            .map(TermView::of)
            .collect(),
        optional: item.optional,
    }
}

/// The data `uses` refers to, grouped by data set, in source order. Items written
/// in place next to each other share one group.
pub fn groups(policy: &Policy, uses: &[DataUse]) -> Vec<DataGroup> {
    let mut out: Vec<DataGroup> = Vec::new();
    for data_use in uses {
        match data_use {
            DataUse::Item(item) => match out.last_mut() {
                Some(group) if group.set.is_none() => group.items.push(item_view(item)),
                _ => out.push(DataGroup {
                    set: None,
                    items: vec![item_view(item)],
                }),
            },
            DataUse::Set { name, .. } => {
                let set = policy.datasets.iter().find(|s| &s.name == name);
                out.push(DataGroup {
                    set: Some(
                        set.and_then(|s| s.description.clone())
                            .unwrap_or_else(|| humanize(name)),
                    ),
                    items: set
                        .map(|s| s.items.iter().map(item_view).collect())
                        .unwrap_or_default(),
                });
            }
        }
    }
    out
}
