//! `promise NAME "what the policy says" { claim ...  except ... }`.

use super::context::{block_items, each_item, once, origin, Args, Cx, Key};
use super::{lists, practice};
use crate::ast::{Item, Value};
use crate::model::{Claim, Promise};

const KEYS: &[Key] = &[once("claim"), once("except")];

const SIMPLE_CLAIMS: &[(&str, Claim)] = &[
    ("no-sale", Claim::NoSale),
    ("no-third-party-sharing", Claim::NoThirdPartySharing),
    ("cookies-not-linked", Claim::CookiesNotLinked),
    ("no-cross-site-tracking", Claim::NoCrossSiteTracking),
    ("notify-before-new-use", Claim::NotifyBeforeNewUse),
    ("only-stated-purpose", Claim::OnlyStatedPurpose),
];

const CLAIM_WORDS: &[&str] = &[
    "no-sale",
    "no-third-party-sharing",
    "cookies-not-linked",
    "no-cross-site-tracking",
    "notify-before-new-use",
    "not-linked",
    "no-identifiable-collection",
    "only-stated-purpose",
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
        origin: origin(&item.head),
    })
}

fn claim_of(cx: &mut Cx, item: &Item) -> Option<Claim> {
    let mut args = Args::of_all(item);
    let word = args.required(cx, "the kind of claim, e.g. `claim no-sale`")?;
    let rest: Vec<&Value> = std::iter::from_fn(|| args.next_value()).collect();
    if let Some(w @ ("not-linked" | "no-identifiable-collection")) = word.as_word() {
        if rest.is_empty() {
            cx.missing(item, &format!("the names `{w}` is about, after it"));
            return None;
        }
        let names: Vec<String> = rest.iter().map(|v| v.text().to_string()).collect();
        return Some(if w == "not-linked" {
            Claim::NotLinked(names)
        } else {
            Claim::NoIdentifiableCollection(names)
        });
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
        cx.unexpected(extra, format!("the claim `{}` takes no names", word.text()));
    }
    Some(claim)
}
