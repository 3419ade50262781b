//! `promise NAME "what the policy says" { claim ...  except ...  data ... }`.
//!
//! Scope lines narrow what a promise is about: `data` (sets, elements,
//! categories), `cookies`, `recipients` (names or kinds), `subjects`, `purposes`.
//! `allow` excepts recipients by name or kind; `compatible` lists the purposes
//! `only-stated-purpose` accepts.
//!
//! The old forms `claim not-linked NAMES` and `claim no-identifiable-collection
//! NAMES` keep their meaning (the names join the `data` / `subjects` scope) and
//! get an L109 warning whose help and fix give the scoped form.

use super::context::{block_items, each_item, once, origin, Args, Cx, Key};
use super::{lists, practice};
use crate::ast::{Item, Value};
use crate::diagnostic::{Code, Diagnostic, Edit, Fix};
use crate::model::{Claim, Promise, Scope};
use crate::span::Span;

const KEYS: &[Key] = &[
    once("claim"),
    once("except"),
    once("data"),
    once("cookies"),
    once("recipients"),
    once("subjects"),
    once("purposes"),
    once("allow"),
    once("compatible"),
];

const SIMPLE_CLAIMS: &[(&str, Claim)] = &[
    ("no-sale", Claim::NoSale),
    ("no-third-party-sharing", Claim::NoThirdPartySharing),
    ("cookies-not-linked", Claim::CookiesNotLinked),
    ("no-cross-site-tracking", Claim::NoCrossSiteTracking),
    ("notify-before-new-use", Claim::NotifyBeforeNewUse),
    ("only-stated-purpose", Claim::OnlyStatedPurpose),
    ("no-flow", Claim::NoFlow),
    ("silo", Claim::Silo),
    ("no-storage", Claim::NoStorage),
    ("consent-only-publication", Claim::ConsentOnlyPublication),
    ("notify-new-use", Claim::NotifyNewUse),
    ("opt-out-procedure", Claim::OptOutProcedure),
];

const CLAIM_WORDS: &[&str] = &[
    "no-sale",
    "no-third-party-sharing",
    "cookies-not-linked",
    "no-cross-site-tracking",
    "notify-before-new-use",
    "notify-new-use",
    "not-linked",
    "no-identifiable-collection",
    "only-stated-purpose",
    "no-flow",
    "silo",
    "no-storage",
    "consent-only-publication",
    "retention-ceiling",
    "opt-out-procedure",
];

pub fn promise(cx: &mut Cx, item: &Item) -> Option<Promise> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name and what the policy says, e.g. `promise no-sale \"We never sell ...\"`",
    );
    let says = args.text(cx, "the promise as the policy words it, as a string");
    args.finish(cx);
    let mut claim = None;
    let mut except = Vec::new();
    let mut scope = Scope::default();
    let mut allow = Vec::new();
    let mut compatible = Vec::new();
    let mut has_claim = false;
    each_item(
        cx,
        block_items(item),
        "a `promise` block",
        KEYS,
        |cx, it| match it.key() {
            "claim" => {
                has_claim = true;
                claim = claim_of(cx, it);
            }
            "data" => {
                scope.data = lists::texts(cx, it, "data sets, elements or categories");
            }
            "cookies" => scope.cookies = lists::names(cx, it, "cookie names"),
            "recipients" => {
                scope.recipients = lists::names(cx, it, "recipient names or kinds");
            }
            "subjects" => scope.subjects = lists::names(cx, it, "subject names"),
            "purposes" => scope.purposes = lists::terms(cx, it, "purposes"),
            "allow" => allow = lists::names(cx, it, "recipient names or kinds"),
            "compatible" => compatible = lists::terms(cx, it, "purposes"),
            _ => except = lists::choices(cx, it, "exception", practice::exceptions()),
        },
    );
    if !has_claim {
        cx.missing(
            item,
            "a `claim` line in its block saying what it commits to, e.g. `claim no-sale`",
        );
    }
    deprecated_names(cx, block_items(item));
    Some(Promise {
        name: name?,
        says: says?,
        claim: claim?,
        except,
        scope,
        allow,
        compatible,
        origin: origin(&item.head),
    })
}

fn claim_of(cx: &mut Cx, item: &Item) -> Option<Claim> {
    let mut args = Args::of_all(item);
    let word = args.required(cx, "the kind of claim, e.g. `claim no-sale`")?;
    let rest: Vec<&Value> = std::iter::from_fn(|| args.next_value()).collect();
    match word.as_word() {
        Some(w @ ("not-linked" | "no-identifiable-collection")) => {
            // The names may also come from the `data` / `subjects` scope lines.
            let names: Vec<String> = rest.iter().map(|v| v.text().to_string()).collect();
            return Some(if w == "not-linked" {
                Claim::NotLinked(names)
            } else {
                Claim::NoIdentifiableCollection(names)
            });
        }
        Some("retention-ceiling") => {
            let Some(period) = rest.first() else {
                cx.missing(
                    item,
                    "the longest period, after it, e.g. `claim retention-ceiling \"30 days\"`",
                );
                return None;
            };
            if let Some(extra) = rest.get(1) {
                cx.unexpected(extra, "`retention-ceiling` takes one period");
            }
            return Some(Claim::RetentionCeiling(period.text().to_string()));
        }
        _ => {}
    }
    let claim = word.as_word().and_then(|w| {
        SIMPLE_CLAIMS
            .iter()
            .find(|(o, _)| *o == w)
            .map(|(_, c)| c.clone())
    });
    let Some(claim) = claim else {
        let list = CLAIM_WORDS
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match crate::vocabulary::suggest(word.text(), CLAIM_WORDS.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? claims are {list}"),
            None => format!("claims are {list}"),
        };
        cx.invalid(
            word.span(),
            format!("`{}` is not a kind of claim", word.text()),
            help,
        );
        return None;
    };
    if let Some(extra) = rest.first() {
        cx.unexpected(
            extra,
            format!(
                "the claim `{}` takes no names; narrow it with a scope line (`data`, `cookies`, `recipients`, `subjects`, `purposes`)",
                word.text()
            ),
        );
    }
    Some(claim)
}

/// L109: names after `not-linked` / `no-identifiable-collection` are the old form
/// of the `data` / `subjects` scope line. They keep their meaning; the warning
/// gives the scoped form, and a fix that writes it (merging into the scope line
/// the block already has, if any).
fn deprecated_names(cx: &mut Cx, items: &[Item]) {
    let Some(claim) = items.iter().find(|it| it.key() == "claim") else {
        return;
    };
    let mut values = claim.values();
    let Some(word) = values.next() else { return };
    let scope = match word.as_word() {
        Some("not-linked") => "data",
        Some("no-identifiable-collection") => "subjects",
        _ => return,
    };
    let names: Vec<&Value> = values.collect();
    let (Some(first), Some(last)) = (names.first(), names.last()) else {
        return;
    };
    let written: Vec<String> = names
        .iter()
        .map(|v| match v {
            Value::Word(w) => w.value.clone(),
            Value::String(s) => crate::emit::source::quote(&s.value),
        })
        .collect();
    let existing = items.iter().find(|it| it.key() == scope);
    let before: Vec<String> = existing
        .map(|it| {
            it.values()
                .map(|v| match v {
                    Value::Word(w) => w.value.clone(),
                    Value::String(s) => crate::emit::source::quote(&s.value),
                })
                .collect()
        })
        .unwrap_or_default();
    let added: Vec<&String> = written.iter().filter(|w| !before.contains(w)).collect();
    let listed: Vec<&String> = before.iter().chain(added.iter().copied()).collect();
    let claim_word = word.text();
    let indent = " ".repeat(claim.keyword.span.col.saturating_sub(1) as usize);
    let names_span = between(first.span(), last.span());
    // Remove the names from the claim line (with the space before them).
    let removed = between(word.span(), last.span());
    let removed = Span {
        start: word.span().end,
        line: word.span().line,
        col: word.span().col + u32::try_from(claim_word.chars().count()).unwrap_or(0),
        ..removed
    };
    let edits = match existing.and_then(|it| it.values().last()) {
        Some(end) => vec![
            Edit {
                span: removed,
                replacement: String::new(),
            },
            Edit {
                span: Span {
                    start: end.span().end,
                    col: end.span().col + written_width(end),
                    ..*end.span()
                },
                replacement: added.iter().fold(String::new(), |mut s, w| {
                    s.push_str(", ");
                    s.push_str(w);
                    s
                }),
            },
        ],
        None => vec![Edit {
            span: removed,
            replacement: format!("\n{indent}{scope} {}", written.join(", ")),
        }],
    };
    let listed: Vec<&str> = listed.iter().map(|w| w.as_str()).collect();
    let suggestion = format!("claim {claim_word}` and `{scope} {}", listed.join(", "));
    let mut d = Diagnostic::new(
        Code::DeprecatedClaimForm,
        format!(
            "names after `{claim_word}` are the old form of the promise's `{scope}` scope line"
        ),
    )
    .at(Some(names_span))
    .help(format!(
        "write `{suggestion}` on two lines; the meaning is the same"
    ));
    d.fix = Some(Fix {
        message: format!("move the names to a `{scope}` line"),
        edits,
    });
    cx.push(d);
}

/// How many columns a value takes as written (a string with its quotes).
fn written_width(v: &Value) -> u32 {
    let n = match v {
        Value::Word(w) => w.value.chars().count(),
        Value::String(s) => crate::emit::source::quote(&s.value).chars().count(),
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The span from the start of `a` to the end of `b`.
fn between(a: &Span, b: &Span) -> Span {
    Span {
        end: b.end.max(a.start),
        ..*a
    }
}
