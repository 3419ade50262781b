//! Data: `data NAME { items }`, data items, and the `data` lines of statements
//! and sharing rules.

use super::context::{block_items, origin, Args, Cx};
use crate::ast::{Item, Value};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DataItem, DataRef, DataSet, DataUse};
use crate::span::Span;
use crate::vocabulary::{self, Category, DATA_SCHEMA_ROOTS};

/// `data NAME "description" { items }`.
pub fn dataset(cx: &mut Cx, item: &Item) -> Option<DataSet> {
    let mut args = Args::of(cx, item);
    let name = args.name(cx, "a name for the data set, e.g. `data contact { ... }`");
    let description = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    let items = block_items(item)
        .iter()
        .filter_map(|it| item_line(cx, it))
        .collect();
    Some(DataSet {
        name: name?,
        description,
        items,
        origin: origin(&item.head),
    })
}

/// One line of a data block: `user.name optional categories a, b` or
/// `custom "description" categories purchase`.
pub fn item_line(cx: &mut Cx, item: &Item) -> Option<DataItem> {
    cx.no_block_expected(item);
    let values: Vec<&Value> = item.values().collect();
    let (data, rest) = if item.key() == "custom" {
        if let Some(Value::String(s)) = values.first() {
            (Some(DataRef::Custom(s.value.clone())), &values[1..])
        } else {
            cx.missing(
                item,
                "a description of the data as a string, e.g. `custom \"order totals\" categories purchase`",
            );
            (None, values.as_slice())
        }
    } else {
        (
            element(cx, &item.keyword.value, &item.keyword.span).map(DataRef::Schema),
            values.as_slice(),
        )
    };
    let (optional, categories) = tail(cx, rest);
    Some(DataItem {
        data: data?,
        categories,
        optional,
        origin: origin(&item.head),
    })
}

/// `optional` then `categories a, b, ...` (the rest of the line).
fn tail(cx: &mut Cx, values: &[&Value]) -> (bool, Vec<Category>) {
    let mut optional = false;
    let mut categories = Vec::new();
    let mut in_categories: Option<&Value> = None;
    let mut listed = 0usize;
    for v in values {
        if in_categories.is_some() {
            listed += 1;
            if let Some(c) = cx.term::<Category>(v) {
                categories.push(c);
            }
            continue;
        }
        match v.as_word() {
            Some("optional") if !optional => optional = true,
            Some("categories") => in_categories = Some(v),
            _ => cx.unexpected(
                v,
                format!(
                    "`{}` is not expected here: a data item takes `optional`, then `categories` and a list",
                    v.text()
                ),
            ),
        }
    }
    if let Some(word) = in_categories.filter(|_| listed == 0) {
        cx.push(
            Diagnostic::new(
                Code::MissingValue,
                "`categories` needs at least one category after it",
            )
            .at(Some(*word.span()))
            .help("e.g. `categories purchase, preference`; `policyc explain L104` lists the categories"),
        );
    }
    (optional, categories)
}

/// A base data schema element name (REC §5.5); L108 when unknown.
pub fn element(cx: &mut Cx, name: &str, span: &Span) -> Option<String> {
    if vocabulary::lookup_data(name).is_some() {
        return Some(name.strip_prefix('#').unwrap_or(name).to_string());
    }
    cx.push(unknown_element(name, span));
    None
}

/// L108 for `name`, which is not a base data schema element, with the closest
/// element as help. The policy language and the YAML form report it alike.
pub fn unknown_element(name: &str, span: &Span) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::UnknownDataElement,
        format!("`{name}` is not an element of the P3P base data schema"),
    )
    .at(Some(*span));
    d = match vocabulary::suggest(name, vocabulary::data_names()) {
        Some(s) => d.help(format!(
            "did you mean `{s}`? For data outside the schema write `custom \"description\" categories ...`"
        )),
        None => d.help(
            "elements start with `user.`, `thirdparty.`, `business.` or `dynamic.`; for anything else write `custom \"description\" categories ...`",
        ),
    };
    d
}

/// Whether a word names a schema element rather than a data set.
fn looks_like_element(word: &str) -> bool {
    word.contains('.') || DATA_SCHEMA_ROOTS.contains(&word)
}

/// `data set-name, user.jobtitle optional, custom "resume" categories demographic`
/// plus, when the item has a block, the data items in it.
pub fn uses(cx: &mut Cx, item: &Item) -> Vec<DataUse> {
    let mut out = Vec::new();
    if item.entries.is_empty() && item.block.is_none() {
        cx.missing(
            item,
            "data set names or data elements, or a block of data items",
        );
    }
    let mut entries = item.entries.iter();
    while let Some(entry) = entries.next() {
        let Some(first) = entry.values.first() else {
            continue;
        };
        let mut rest: Vec<&Value> = entry.values.iter().skip(1).collect();
        let data = match first {
            Value::Word(w) if w.value == "custom" => {
                if let Some(Value::String(s)) = rest.first() {
                    let d = DataRef::Custom(s.value.clone());
                    rest.remove(0);
                    Some(d)
                } else {
                    cx.unexpected(first, "`custom` needs its description as a string after it");
                    None
                }
            }
            Value::Word(w) if looks_like_element(&w.value) => {
                element(cx, &w.value, &w.span).map(DataRef::Schema)
            }
            Value::Word(_) => {
                // A data set by name; it takes nothing after it.
                if let Some(extra) = rest.first() {
                    cx.unexpected(
                        extra,
                        "a data set is used as defined; `optional` and `categories` go on its items",
                    );
                }
                if let Some(name) = cx.name(first) {
                    out.push(DataUse::Set {
                        name,
                        origin: origin(&entry.span),
                    });
                }
                continue;
            }
            Value::String(_) => {
                cx.unexpected(
                    first,
                    "data is named by a data set, a schema element or `custom \"description\"`",
                );
                None
            }
        };
        // `categories` takes the rest of the line, across commas.
        let takes_rest = rest.iter().any(|v| v.as_word() == Some("categories"));
        let mut span_end = entry.span.end;
        if takes_rest {
            for more in entries.by_ref() {
                span_end = more.span.end;
                rest.extend(more.values.iter());
            }
        }
        let (optional, categories) = tail(cx, &rest);
        if let Some(data) = data {
            let mut span = entry.span;
            span.end = span_end;
            out.push(DataUse::Item(DataItem {
                data,
                categories,
                optional,
                origin: origin(&span),
            }));
        }
    }
    out.extend(
        block_items(item)
            .iter()
            .filter_map(|it| item_line(cx, it))
            .map(DataUse::Item),
    );
    out
}
