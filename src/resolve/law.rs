//! Policy-level legal items: `applies`, `representative`, `dpo`, `authority`,
//! `transfer`, `gpc`, `updated`, `minors` and the `ccpa { ... }` block
//! (model `Policy.legal`, `crate::model::LegalNotice`).

use super::context::{block_items, each_item, many_block, once, origin, Args, Cx, Key};
use super::forms::Form;
use super::{lists, policy, values};
use crate::ast::Item;
use crate::model::{
    CcpaNotice, Incentive, LegalNotice, MinorConsent, Minors, Region, Representative, SensitiveUse,
    Transfer,
};
use crate::vocabulary::{Law, LawTerm, Safeguard};

/// The policy-block keywords this module reads.
pub const POLICY_KEYS: &[Key] = &[
    once("applies"),
    many_block("representative"),
    once_block_key("dpo"),
    once_block_key("authority"),
    many_block("transfer"),
    once("gpc"),
    once("updated"),
    once_block_key("minors"),
    once_block_key("ccpa"),
];

const fn once_block_key(word: &'static str) -> Key {
    super::context::once_block(word)
}

/// Whether `key` is one of this module's policy-block keywords.
pub fn is_policy_key(key: &str) -> bool {
    POLICY_KEYS.iter().any(|k| k.word == key)
}

/// Reads one policy-block item whose keyword [`is_policy_key`].
pub fn policy_item(cx: &mut Cx, it: &Item, legal: &mut LegalNotice) {
    if legal.origin.span().is_none() {
        legal.origin = origin(&it.head);
    }
    match it.key() {
        "applies" => {
            legal.applies = lists::choices(cx, it, "law", &Law::options());
        }
        "representative" => legal.representatives.extend(representative(cx, it)),
        "dpo" => legal.dpo = policy::entity(cx, it),
        "authority" => legal.authority = policy::entity(cx, it),
        "transfer" => legal.transfers.extend(transfer(cx, it)),
        "gpc" => {
            let mut args = Args::of(cx, it);
            if let Some(v) = args.required(cx, "`honoured` or `not-honoured`") {
                legal.gpc_honoured = cx.choice(
                    v,
                    "GPC stance",
                    &[
                        ("honoured", true),
                        ("honored", true),
                        ("not-honoured", false),
                        ("not-honored", false),
                    ],
                );
            }
            args.finish(cx);
        }
        "updated" => {
            legal.updated = values::checked_form(
                cx,
                it,
                "the date the notice was last updated, e.g. `updated 2026-01-15`",
                Form::Date,
            );
        }
        "minors" => legal.minors = Some(minors(cx, it)),
        _ => legal.ccpa = Some(ccpa(cx, it)),
    }
}

/// `representative eu "Name" { email ... }` (GDPR Art. 27).
fn representative(cx: &mut Cx, item: &Item) -> Option<Representative> {
    let mut args = Args::of(cx, item);
    let region = args
        .required(
            cx,
            "`eu` or `uk` and the representative's name, e.g. `representative eu \"Rep Ltd\" { ... }`",
        )
        .and_then(|v| cx.choice(v, "region", &[("eu", Region::Eu), ("uk", Region::Uk)]));
    let name = args.text(cx, "the representative's name, as a string");
    args.finish(cx);
    // The block is read as an entity's (email, phone, url, postal, text).
    let mut contact = crate::model::Entity {
        name: name?,
        origin: origin(&item.head),
        ..crate::model::Entity::default()
    };
    policy::entity_block(cx, item, &mut contact);
    Some(Representative {
        region: region?,
        contact,
        origin: origin(&item.head),
    })
}

const TRANSFER_KEYS: &[Key] = &[
    once("to"),
    once("recipients"),
    once("safeguard"),
    once("copy"),
    once("text"),
];

/// `transfer NAME { to "US" recipients ... safeguard scc copy "..." }`.
fn transfer(cx: &mut Cx, item: &Item) -> Option<Transfer> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name for the transfer, e.g. `transfer us-hosting { ... }`",
    );
    args.finish(cx);
    let mut t = Transfer {
        origin: origin(&item.head),
        ..Transfer::default()
    };
    each_item(
        cx,
        block_items(item),
        "a `transfer` block",
        TRANSFER_KEYS,
        |cx, it| match it.key() {
            "to" => t.to = lists::texts(cx, it, "the destination countries, e.g. `to \"US\"`"),
            "recipients" => {
                t.recipients = lists::names(cx, it, "the recipients that receive the data there");
            }
            "safeguard" => {
                let mut args = Args::of(cx, it);
                if let Some(v) = args.required(cx, "a safeguard, e.g. `safeguard scc`") {
                    t.safeguard = cx.choice(v, "transfer safeguard", &Safeguard::options());
                }
                args.finish(cx);
            }
            "copy" => {
                t.copy = values::text(
                    cx,
                    it,
                    "how to get a copy of the safeguards, e.g. a URL, as a string",
                );
            }
            _ => t.text = values::text(cx, it, "prose as a string"),
        },
    );
    t.name = name?;
    Some(t)
}

const MINORS_KEYS: &[Key] = &[once("under-16"), once("consent"), once("process")];

/// `minors { under-16 yes consent parental process "..." }`.
fn minors(cx: &mut Cx, item: &Item) -> Minors {
    Args::of(cx, item).finish(cx);
    let mut m = Minors {
        under_16: false,
        consent: None,
        process: None,
        origin: origin(&item.head),
    };
    let mut said = false;
    each_item(
        cx,
        block_items(item),
        "a `minors` block",
        MINORS_KEYS,
        |cx, it| match it.key() {
            "under-16" => {
                said = true;
                m.under_16 = values::yes_no(cx, it).unwrap_or(false);
            }
            "consent" => {
                let mut args = Args::of(cx, it);
                if let Some(v) = args.required(cx, "`parental`, `opt-in`, `both` or `none`") {
                    m.consent = cx.choice(
                        v,
                        "consent for minors",
                        &[
                            ("parental", MinorConsent::Parental),
                            ("opt-in", MinorConsent::OptIn),
                            ("both", MinorConsent::Both),
                            ("none", MinorConsent::None),
                        ],
                    );
                }
                args.finish(cx);
            }
            _ => m.process = values::text(cx, it, "how consent is obtained, as a string"),
        },
    );
    if !said {
        cx.missing(
            item,
            "an `under-16 yes` or `under-16 no` line: whether you know you handle data of people under 16",
        );
    }
    m
}

const CCPA_KEYS: &[Key] = &[
    once("do-not-sell"),
    once("limit-use"),
    once("sensitive-use"),
    once("methods"),
    once("verification"),
    once("agent"),
    many_block("incentive"),
];

fn link(cx: &mut Cx, it: &Item, what: &str) -> Option<String> {
    values::checked_form(cx, it, what, Form::PageOrMail)
}

/// `ccpa { do-not-sell "..." limit-use "..." sensitive-use ... methods ... }`.
fn ccpa(cx: &mut Cx, item: &Item) -> CcpaNotice {
    Args::of(cx, item).finish(cx);
    let mut c = CcpaNotice {
        origin: origin(&item.head),
        ..CcpaNotice::default()
    };
    each_item(
        cx,
        block_items(item),
        "a `ccpa` block",
        CCPA_KEYS,
        |cx, it| match it.key() {
            "do-not-sell" => {
                c.do_not_sell = link(cx, it, "the URL of the \"Do Not Sell or Share\" page");
            }
            "limit-use" => c.limit_use = link(cx, it, "the URL of the \"Limit the Use\" page"),
            "sensitive-use" => {
                let mut args = Args::of(cx, it);
                let beyond = args
                    .required(cx, "`permitted` or `beyond`, optionally with a description")
                    .and_then(|v| {
                        cx.choice(
                            v,
                            "sensitive use",
                            &[("permitted", false), ("beyond", true)],
                        )
                    });
                let text = args.opt_string().map(|s| s.value.clone());
                args.finish(cx);
                c.sensitive_use = beyond.map(|beyond| SensitiveUse {
                    beyond,
                    text,
                    origin: origin(&it.head),
                });
            }
            "methods" => {
                c.methods = lists::texts(
                    cx,
                    it,
                    "the ways to submit requests, e.g. `methods \"https://...\", \"1-800-...\"`",
                );
            }
            "verification" => {
                c.verification = values::text(cx, it, "how requests are verified, as a string");
            }
            "agent" => {
                c.agent = values::text(cx, it, "how an authorized agent submits requests");
            }
            _ => c.incentives.extend(incentive(cx, it)),
        },
    );
    c
}

const INCENTIVE_KEYS: &[Key] = &[once("terms"), once("value"), once("join"), once("withdraw")];

/// `incentive NAME "summary" { terms ... value ... join ... withdraw ... }`.
fn incentive(cx: &mut Cx, item: &Item) -> Option<Incentive> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name and a summary, e.g. `incentive loyalty \"10% off\"`",
    );
    let summary = args.text(cx, "a summary of the incentive after its name, as a string");
    args.finish(cx);
    let mut inc = Incentive {
        origin: origin(&item.head),
        ..Incentive::default()
    };
    each_item(
        cx,
        block_items(item),
        "an `incentive` block",
        INCENTIVE_KEYS,
        |cx, it| {
            let v = values::text(cx, it, "its text, as a string");
            match it.key() {
                "terms" => inc.terms = v,
                "value" => inc.value = v,
                "join" => inc.join = v,
                _ => inc.withdraw = v,
            }
        },
    );
    inc.name = name?;
    inc.summary = summary?;
    Some(inc)
}
