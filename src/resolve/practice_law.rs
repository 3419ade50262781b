//! Legal items inside `collect`, `cookie` and `share` blocks: `basis`,
//! `condition`, `sensitive`, `requirement`, `automated`, `source`, `disclosure`
//! (model `PracticeLaw`).

use super::context::{block_items, each_item, once, origin, Args, Cx, Key};
use super::{lists, values};
use crate::ast::{Item, Value};
use crate::model::{
    Automated, BasisUse, DataSource, PracticeLaw, Requirement, RequirementKind, SourceKind,
};
use crate::vocabulary::{Art9Condition, Disclosure, LawTerm, LegalBasis, Purpose, Sensitive, Term};

/// The practice-block keywords this module reads (`basis` may repeat: one per purpose).
pub const KEYS: &[Key] = &[
    super::context::many("basis"),
    once("condition"),
    once("sensitive"),
    once("requirement"),
    super::context::once_block("automated"),
    once("source"),
    once("disclosure"),
];

/// Whether `key` is one of this module's keywords.
pub fn is_key(key: &str) -> bool {
    KEYS.iter().any(|k| k.word == key)
}

/// `keys` followed by this module's keywords, for a practice block's vocabulary.
pub fn with_keys(keys: &[Key]) -> Vec<Key> {
    keys.iter()
        .chain(
            KEYS.iter()
                .filter(|k| keys.iter().all(|o| o.word != k.word)),
        )
        .map(|k| Key {
            word: k.word,
            repeats: k.repeats,
            block: k.block,
        })
        .collect()
}

/// Reads one item whose keyword [`is_key`].
pub fn item(cx: &mut Cx, it: &Item, law: &mut PracticeLaw) {
    if law.origin.span().is_none() {
        law.origin = origin(&it.head);
    }
    match it.key() {
        "basis" => law.bases.extend(basis(cx, it)),
        "condition" => {
            law.conditions =
                lists::choices(cx, it, "Art. 9(2) condition", &Art9Condition::options());
        }
        "sensitive" => {
            law.sensitive = lists::choices(cx, it, "kind of sensitive data", &Sensitive::options());
        }
        "requirement" => law.requirement = requirement(cx, it).map(Box::new),
        "automated" => law.automated = Some(Box::new(automated(cx, it))),
        "source" => law.source = source(cx, it).map(Box::new),
        _ => {
            let mut args = Args::of(cx, it);
            if let Some(v) = args.required(cx, "`business-purpose`, `sold` or `shared`") {
                law.disclosure = cx.choice(v, "kind of disclosure", &Disclosure::options());
            }
            args.finish(cx);
        }
    }
}

/// `basis [PURPOSE] BASIS ["legitimate interest"]`.
pub fn basis(cx: &mut Cx, it: &Item) -> Option<BasisUse> {
    let mut args = Args::of(cx, it);
    let first = args.required(
        cx,
        "a legal basis, e.g. `basis contract` or `basis contact consent`",
    )?;
    let purpose = first.as_word().and_then(Purpose::from_word);
    let basis_value: &Value = if purpose.is_some() {
        args.required(
            cx,
            "a legal basis after the purpose, e.g. `basis contact consent`",
        )?
    } else {
        first
    };
    let basis = cx.choice(basis_value, "legal basis", &LegalBasis::options());
    let interest = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    Some(BasisUse {
        purpose,
        basis: basis?,
        interest,
        origin: origin(&it.head),
    })
}

fn requirement(cx: &mut Cx, it: &Item) -> Option<Requirement> {
    let mut args = Args::of(cx, it);
    let kind = args
        .required(
            cx,
            "`statutory`, `contractual`, `contract-entry` or `voluntary`, then what happens if the data is not given",
        )
        .and_then(|v| {
            cx.choice(
                v,
                "requirement",
                &[
                    ("statutory", RequirementKind::Statutory),
                    ("contractual", RequirementKind::Contractual),
                    ("contract-entry", RequirementKind::ContractEntry),
                    ("voluntary", RequirementKind::Voluntary),
                ],
            )
        });
    let consequence = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    Some(Requirement {
        kind: kind?,
        consequence,
        origin: origin(&it.head),
    })
}

const AUTOMATED_KEYS: &[Key] = &[once("logic"), once("effects")];

fn automated(cx: &mut Cx, it: &Item) -> Automated {
    Args::of(cx, it).finish(cx);
    let mut a = Automated {
        origin: origin(&it.head),
        ..Automated::default()
    };
    each_item(
        cx,
        block_items(it),
        "an `automated` block",
        AUTOMATED_KEYS,
        |cx, i| {
            let v = values::text(cx, i, "its text, as a string");
            if i.key() == "logic" {
                a.logic = v;
            } else {
                a.effects = v;
            }
        },
    );
    a
}

fn source(cx: &mut Cx, it: &Item) -> Option<DataSource> {
    let mut args = Args::of(cx, it);
    let kind = args
        .required(
            cx,
            "`third-party` or `public` and the source in words, e.g. `source third-party \"our resellers\"`",
        )
        .and_then(|v| {
            cx.choice(
                v,
                "source",
                &[
                    ("third-party", SourceKind::ThirdParty),
                    ("public", SourceKind::Public),
                ],
            )
        });
    let description = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    Some(DataSource {
        kind: kind?,
        description,
        origin: origin(&it.head),
    })
}
