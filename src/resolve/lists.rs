//! Comma lists: names, terms, texts, and the purpose/recipient/retention forms.

use super::context::{origin, Args, Cx};
use crate::ast::{Entry, Item, Value};
use crate::model::{Exception, PurposeUse, RecipientUse, RetentionUse};
use crate::vocabulary::{Purpose, Required, Retention, Term};

/// The entries of a list keyword; L102 when there are none.
pub fn entries<'a>(cx: &mut Cx, item: &'a Item, what: &str) -> &'a [Entry] {
    if item.entries.is_empty() {
        cx.missing(item, what);
    }
    &item.entries
}

/// The single value of an entry; extra values are L103.
fn single<'a>(cx: &mut Cx, item: &Item, entry: &'a Entry) -> Option<&'a Value> {
    if let Some(extra) = entry.values.get(1) {
        cx.unexpected(
            extra,
            format!(
                "`{}` takes one value per entry; separate entries with commas",
                item.key()
            ),
        );
    }
    entry.values.first()
}

/// A comma list of names.
pub fn names(cx: &mut Cx, item: &Item, what: &str) -> Vec<String> {
    entries(cx, item, what)
        .iter()
        .filter_map(|e| {
            let v = single(cx, item, e)?;
            cx.name(v)
        })
        .collect()
}

/// A comma list of P3P terms.
pub fn terms<T: Term>(cx: &mut Cx, item: &Item, what: &str) -> Vec<T> {
    entries(cx, item, what)
        .iter()
        .filter_map(|e| {
            let v = single(cx, item, e)?;
            cx.term::<T>(v)
        })
        .collect()
}

/// A comma list of fixed words.
pub fn choices<T: Copy>(cx: &mut Cx, item: &Item, what: &str, options: &[(&str, T)]) -> Vec<T> {
    entries(cx, item, what)
        .iter()
        .filter_map(|e| {
            let v = single(cx, item, e)?;
            cx.choice(v, what, options)
        })
        .collect()
}

/// A comma list of texts (strings or words).
pub fn texts(cx: &mut Cx, item: &Item, what: &str) -> Vec<String> {
    entries(cx, item, what)
        .iter()
        .filter_map(|e| single(cx, item, e))
        .map(|v| v.text().to_string())
        .collect()
}

/// The choice word after a purpose or recipient, if any.
fn required_after(cx: &mut Cx, v: Option<&Value>) -> Option<Required> {
    v.and_then(|v| cx.term::<Required>(v))
}

/// `for current, contact opt-out, other-purpose "description" opt-in`.
pub fn purposes(cx: &mut Cx, item: &Item) -> Vec<PurposeUse> {
    let mut out = Vec::new();
    for entry in entries(cx, item, "at least one purpose, e.g. `for current`") {
        let mut vals = entry.values.iter();
        let Some(first) = vals.next() else { continue };
        let Some(purpose) = cx.term::<Purpose>(first) else {
            continue;
        };
        let mut description = None;
        let mut required = Required::default();
        let mut rest: Vec<&Value> = vals.collect();
        if let Some(Value::String(s)) = rest.first() {
            if purpose == Purpose::OtherPurpose {
                description = Some(s.value.clone());
                rest.remove(0);
            } else {
                // REC §3.3.4: only <other-purpose> carries a description.
                cx.unexpected(
                    rest[0],
                    format!(
                        "only `other-purpose` takes a description; `{}` does not",
                        first.text()
                    ),
                );
                continue;
            }
        }
        if let Some(v) = rest.first() {
            if v.as_word().and_then(Purpose::from_word).is_some() {
                cx.unexpected(
                    v,
                    format!(
                        "a second purpose needs a comma before it: `{}, {}`",
                        first.text(),
                        v.text()
                    ),
                );
                continue;
            }
            if let Some(r) = required_after(cx, Some(v)) {
                required = r;
            }
        }
        if let Some(extra) = rest.get(1) {
            cx.unexpected(
                extra,
                "a purpose takes at most a description (other-purpose) and a choice",
            );
        }
        out.push(PurposeUse {
            purpose,
            required,
            description,
            origin: origin(&entry.span),
        });
    }
    out
}

/// `to ours, marketers opt-in, processor basis service-providers`: each entry is a
/// recipient, then optionally its choice, then optionally `basis` and an exception
/// word (why it receives the data, as a sharing rule's `basis` says).
pub fn recipients(cx: &mut Cx, item: &Item) -> Vec<RecipientUse> {
    let mut out = Vec::new();
    for entry in entries(cx, item, "at least one recipient, e.g. `to ours`") {
        let mut vals = entry.values.iter().peekable();
        let Some(first) = vals.next() else { continue };
        let Some(name) = cx.name(first) else { continue };
        let mut required = Required::default();
        if let Some(v) = vals.next_if(|v| v.as_word().and_then(Required::from_word).is_some()) {
            required = required_after(cx, Some(v)).unwrap_or_default();
        }
        let basis = match vals.next_if(|v| v.as_word() == Some("basis")) {
            Some(keyword) => match basis_after(cx, keyword, vals.next()) {
                Some(b) => Some(b),
                None => continue,
            },
            None => None,
        };
        if let Some(v) = vals.next() {
            let why = if basis.is_some() {
                "a recipient's `basis` is one word; separate recipients with commas".to_string()
            } else {
                format!(
                    "a recipient takes only a choice (always, opt-in, opt-out) and `basis WORD` after it; separate recipients with commas: `{}, {}`",
                    first.text(),
                    v.text()
                )
            };
            cx.unexpected(v, why);
            continue;
        }
        out.push(RecipientUse {
            name,
            required,
            basis,
            origin: origin(&entry.span),
        });
    }
    out
}

/// The exception word after a recipient's `basis` (`basis service-providers`);
/// L102 when it is missing, L104-style help when it is not an exception word.
pub fn basis_after(cx: &mut Cx, keyword: &Value, word: Option<&Value>) -> Option<Exception> {
    let Some(word) = word else {
        cx.invalid(
            keyword.span(),
            "`basis` needs an exception word after it",
            format!(
                "e.g. `basis service-providers`; the words are {}",
                exception_words()
            ),
        );
        return None;
    };
    cx.choice(word, "basis", super::practice::exceptions())
}

fn exception_words() -> String {
    super::practice::exceptions()
        .iter()
        .map(|(w, _)| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `retain stated-purpose "while the account is active"`.
pub fn retention(cx: &mut Cx, item: &Item) -> Option<RetentionUse> {
    let mut args = Args::of(cx, item);
    let v = args.required(cx, "a retention value, e.g. `retain stated-purpose`")?;
    let value = cx.term::<Retention>(v)?;
    let period = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    Some(RetentionUse {
        value,
        period,
        origin: origin(&item.head),
    })
}
