//! `promise NAME "what the policy says" { claim ...  except ...  data ... }`.
//!
//! Scope lines narrow what a promise is about: `data` (sets, elements,
//! categories), `cookies`, `recipients` (names or kinds), `subjects`, `purposes`.
//! `allow` excepts recipients by name or kind; `compatible` lists the purposes
//! `only-stated-purpose` accepts.

use super::context::{block_items, each_item, once, origin, Args, Cx, Key};
use super::{lists, practice};
use crate::ast::{Item, Value};
use crate::model::{Claim, Promise, Scope};

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
