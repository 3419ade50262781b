//! Names defined in a file (`collect signup`, `recipient marketers`, ...) and
//! where they are used: go to definition, find references, document symbols.

use crate::ast::{File, Item};

/// The keywords whose first value names what they define.
const DEFINING: &[&str] = &[
    "policy",
    "subject",
    "recipient",
    "data",
    "collect",
    "cookie",
    "share",
    "retention",
    "opt-out",
    "promise",
];

/// A definition: its keyword, name and where the name and the whole item are.
#[derive(Debug, Clone)]
pub struct Definition<'a> {
    pub keyword: &'a str,
    pub name: &'a str,
    pub name_span: (usize, usize),
    pub item: &'a Item,
}

/// Every definition in the file, at the top level and directly in a policy.
pub fn definitions(file: &File) -> Vec<Definition<'_>> {
    let mut out = Vec::new();
    for policy in &file.items {
        push(policy, &mut out);
        for item in policy.block.iter().flat_map(|b| b.items.iter()) {
            // `data` inside a statement lists items, it defines nothing.
            push(item, &mut out);
        }
    }
    out
}

fn push<'a>(item: &'a Item, out: &mut Vec<Definition<'a>>) {
    if !DEFINING.contains(&item.key()) {
        return;
    }
    if let Some(v) = item.entries.first().and_then(|e| e.values.first()) {
        if let Some(name) = v.as_word() {
            out.push(Definition {
                keyword: item.key(),
                name,
                name_span: (v.span().start(), v.span().end()),
                item,
            });
        }
    }
}

/// Every word equal to `name` that is not the keyword of its item: the
/// definitions and the uses, in order.
pub fn occurrences(file: &File, name: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    walk(&file.items, &mut |item: &Item| {
        for v in item.values() {
            if v.as_word() == Some(name) {
                out.push((v.span().start(), v.span().end()));
            }
        }
    });
    out
}

fn walk(items: &[Item], f: &mut impl FnMut(&Item)) {
    for item in items {
        f(item);
        if let Some(b) = &item.block {
            walk(&b.items, f);
        }
    }
}
