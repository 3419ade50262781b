//! Data items as a reader sees them: plain names, categories, required or
//! optional; and the categories a practice touches, for the privacy label.

use super::catalog::Catalog;
use super::names::Names;
use super::words::humanize;
use crate::model::{DataItem, DataRef, DataUse};
use crate::vocabulary::reader;
use serde::Serialize;

/// One data item.
#[derive(Clone, Debug, Serialize)]
pub struct ItemView {
    /// Plain-language name, or the custom description.
    pub label: String,
    /// P3P `optional="yes"` (REC §3.3.7): the person may decline to give it.
    pub optional: bool,
}

/// Items from one `data` set (or written in place, `set` = `None`).
#[derive(Clone, Debug, Serialize)]
pub struct DataGroup {
    pub set: Option<String>,
    pub items: Vec<ItemView>,
}

/// A reader's name for a base data schema element, from the catalogue's field
/// words: "Email address (online contact, home)". A leading `#` is ignored.
pub fn element_label(cat: &Catalog, name: &str) -> String {
    let name = name.strip_prefix('#').unwrap_or(name);
    let word = |f: &str| {
        let id = reader::field_id(f);
        let w = cat.msg(&id);
        if w == id {
            f.to_string()
        } else {
            w
        }
    };
    let mut fields = name.split('.');
    let root = fields.next().unwrap_or_default();
    let path: Vec<&str> = fields.collect();
    let Some((last, ancestors)) = path.split_last() else {
        return humanize(&word(root));
    };
    let mut label = humanize(&word(last));
    let mut context: Vec<String> = ancestors.iter().rev().map(|f| word(f)).collect();
    // REC §5.5: `thirdparty.*` is about someone other than the user; `business.*`
    // about an organization.
    match root {
        "thirdparty" => context.push(cat.msg("field-about-someone-else")),
        "business" => context.push(cat.msg("field-of-a-business")),
        _ => {}
    }
    if !context.is_empty() {
        label.push_str(" (");
        label.push_str(&context.join(", "));
        label.push(')');
    }
    label
}

fn item_view(cat: &Catalog, item: &DataItem) -> ItemView {
    let label = match &item.data {
        DataRef::Schema(name) => element_label(cat, name),
        DataRef::Custom(text) => text.clone(),
    };
    ItemView {
        label,
        optional: item.optional,
    }
}

/// The data `uses` refers to, grouped by data set, in source order. Items written
/// in place next to each other share one group.
pub fn groups(cat: &Catalog, names: &Names<'_>, uses: &[DataUse]) -> Vec<DataGroup> {
    let mut out: Vec<DataGroup> = Vec::new();
    for data_use in uses {
        match data_use {
            DataUse::Item(item) => match out.last_mut() {
                Some(group) if group.set.is_none() => group.items.push(item_view(cat, item)),
                _ => out.push(DataGroup {
                    set: None,
                    items: vec![item_view(cat, item)],
                }),
            },
            DataUse::Set { name, .. } => {
                let set = names.datasets.get(name.as_str());
                out.push(DataGroup {
                    set: Some(
                        set.and_then(|s| s.description.clone())
                            .unwrap_or_else(|| humanize(name)),
                    ),
                    items: set
                        .map(|s| s.items.iter().map(|i| item_view(cat, i)).collect())
                        .unwrap_or_default(),
                });
            }
        }
    }
    out
}
