//! "What changed": the differences in meaning between the previous published
//! version of a policy and this one, as `policyc diff` finds them
//! ([`crate::diff::diff`]), worded for the people the notice is for.
//!
//! Every change kind has one catalogue message (`changed-KIND`, in every
//! language); vocabulary terms in it are worded by their reader wording, never by
//! their source word. What the policy itself says (a practice's title, a period,
//! a promise's words) is carried apart (`title`, `now`, `was`) and printed
//! isolated in `<bdi>`. Changes that change nothing for people (a version number,
//! a title's wording, a seal's picture, a period said in other words of the same
//! length) are only counted.

use super::catalog::Catalog;
use super::data::element_label;
use super::terms::recipient_view;
use super::words::{self, humanize};
use crate::diff::{self, Change, ChangeKind};
use crate::model::{Exception, MeasureKind, Policy, PolicySet};
use crate::vocabulary::{
    reader, Access, Category, Disclosure, Law, LawTerm, LegalBasis, Purpose, Recipient, Remedy,
    Required, Retention, RightKind, Safeguard, Term,
};
use fluent_bundle::FluentValue;
use serde::Serialize;

/// How many changes are listed before the rest is folded.
const SHOWN: usize = 6;

/// One change since the previous published version.
#[derive(Clone, Debug, Serialize)]
pub struct ChangeView {
    /// What changed, in the catalogue's words (vocabulary terms in reader wording).
    pub text: String,
    /// The practice or part of the policy it is about, as the policy names it.
    pub title: Option<String>,
    /// The policy's own words now (a period, a promise), when they say it.
    pub now: Option<String>,
    /// The policy's own words before.
    pub was: Option<String>,
    /// What it was before, in reader wording (a vocabulary term).
    pub before: Option<String>,
    /// The choice people have over a new use or recipient, in reader wording.
    pub choice: Option<String>,
    /// People are now told less or the site may now do more.
    pub material: bool,
}

/// "What changed": the semantic differences from the previous version.
#[derive(Clone, Debug, Serialize)]
pub struct ChangedView {
    /// The previous version's version string, if it gives one.
    pub previous_version: Option<String>,
    /// The previous version's effective date, as written.
    pub previous_effective: Option<String>,
    /// The same when it is a `YYYY-MM-DD` date, for `<time datetime>`.
    pub previous_effective_date: Option<String>,
    /// The changes listed first: material ones first, at most [`SHOWN`].
    pub changes: Vec<ChangeView>,
    /// The rest, folded.
    pub more: Vec<ChangeView>,
    /// Edits that change nothing for people (wording of titles, version number).
    pub minor: usize,
}

/// The previous version of `policy` in `previous`: the policy of the same name,
/// else the only policy when both files hold one.
pub fn previous_of<'p>(
    previous: &'p PolicySet,
    policy: &Policy,
    policies: usize,
) -> Option<&'p Policy> {
    previous.policies.iter().find(|p| p.name == policy.name).or(
        match (previous.policies.as_slice(), policies) {
            ([only], 1) => Some(only),
            _ => None,
        },
    )
}

/// The changes from `old` to `new`, worded from `cat`.
pub fn changed(cat: &Catalog, old: &Policy, new: &Policy) -> ChangedView {
    // Compared as the same policy, whatever each version calls it.
    let mut renamed = old.clone();
    renamed.name.clone_from(&new.name);
    let found = diff::diff(
        &PolicySet {
            policies: vec![renamed],
        },
        &PolicySet {
            policies: vec![new.clone()],
        },
    );
    let mut shown: Vec<ChangeView> = Vec::new();
    let mut minor = 0;
    for c in &found.changes {
        match change_view(cat, old, new, c) {
            Some(v) => shown.push(v),
            // The dates and versions are shown beside the list.
            None if c.kind == ChangeKind::VersionChanged => {}
            None => minor += 1,
        }
    }
    // Material first; otherwise in the policy's order.
    shown.sort_by_key(|v| !v.material);
    let more = if shown.len() > SHOWN {
        shown.split_off(SHOWN)
    } else {
        Vec::new()
    };
    ChangedView {
        previous_version: old.version.clone(),
        previous_effective: old.effective.clone(),
        previous_effective_date: old.effective.clone().filter(|d| super::view::is_ymd(d)),
        changes: shown,
        more,
        minor,
    }
}

/// A vocabulary term's reader wording, from its source word.
fn term<T: Term>(cat: &Catalog, word: &str) -> Option<String> {
    T::from_word(word).map(|t| cat.msg(&reader::message_id(t)))
}

/// A legal term's reader wording, from its source word.
fn law<T: LawTerm>(cat: &Catalog, word: &str) -> Option<String> {
    T::from_word(word).map(|t| words::law_term(cat, t).0)
}

/// An enum of the model from its source word (`transport-encryption`).
fn model_enum<T: serde::de::DeserializeOwned>(word: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(word.to_string())).ok()
}

/// The first word of a value ("unrelated opt-in" → "unrelated").
fn first(value: Option<&String>) -> &str {
    value
        .and_then(|v| v.split_whitespace().next())
        .unwrap_or_default()
}

/// The choice word in a value ("individual-analysis opt-out" → "opt-out").
fn choice_in(cat: &Catalog, value: Option<&String>) -> Option<String> {
    let word = value?.split_whitespace().nth(1)?;
    let choice = Required::from_word(word)?;
    (choice != Required::Always).then(|| cat.msg(&reader::message_id(choice)))
}

/// A data item as a reader names it: a base-schema element or a custom item.
fn data_words(cat: &Catalog, name: &str) -> String {
    if crate::vocabulary::lookup_data(name.trim_start_matches('#')).is_some() {
        element_label(cat, name)
    } else {
        humanize(name)
    }
}

/// The title the policy gives the element a change is about.
fn title(cat: &Catalog, old: &Policy, new: &Policy, element: &str) -> Option<String> {
    let (kind, name) = element.split_once(' ').unwrap_or((element, ""));
    let in_either = |f: &dyn Fn(&Policy) -> Option<String>| f(new).or_else(|| f(old));
    match kind {
        "collect" => in_either(&|p: &Policy| {
            p.statements
                .iter()
                .find(|s| s.name == name)
                .map(|s| s.title.clone().unwrap_or_else(|| humanize(&s.name)))
        }),
        "cookie" => in_either(&|p: &Policy| {
            p.cookies
                .iter()
                .find(|c| c.name == name)
                .map(|c| c.title.clone().unwrap_or_else(|| humanize(&c.name)))
        }),
        "share" => in_either(&|p: &Policy| {
            p.sharing.iter().find(|s| s.name == name).map(|s| {
                s.title.clone().unwrap_or_else(|| {
                    let with: Vec<String> = s
                        .with
                        .iter()
                        .map(|w| recipient_view(cat, p, w, s.choice).label)
                        .collect();
                    words::list(cat, &with)
                })
            })
        }),
        "right" => RightKind::from_word(name).map(|k| words::right(cat, k).0),
        "recipient" => in_either(&|p: &Policy| {
            p.recipients
                .iter()
                .find(|r| r.name == name)
                .map(|r| r.description.clone().unwrap_or_else(|| humanize(&r.name)))
        }),
        "data" => in_either(&|p: &Policy| {
            p.datasets
                .iter()
                .find(|d| d.name == name)
                .map(|d| d.description.clone().unwrap_or_else(|| humanize(&d.name)))
        }),
        "transfer" => in_either(&|p: &Policy| {
            p.legal
                .transfers
                .iter()
                .find(|t| t.name == name)
                .map(|t| t.to.join(", "))
        }),
        "retention" | "opt-out" | "subject" => Some(humanize(name)),
        _ => None,
    }
}

/// A promise's words, in whichever version has it.
fn promise_says(old: &Policy, new: &Policy, element: &str) -> Option<String> {
    let name = element.strip_prefix("promise ")?;
    new.promises
        .iter()
        .chain(&old.promises)
        .find(|p| p.name == name)
        .map(|p| p.says.clone())
}

/// The message id, its term argument and the policy's own words for one change;
/// `None` for a change that changes nothing for people.
#[allow(clippy::too_many_lines, clippy::many_single_char_names)]
fn change_view(cat: &Catalog, old: &Policy, new: &Policy, c: &Change) -> Option<ChangeView> {
    use ChangeKind as K;
    let o = c.old.as_ref();
    let n = c.new.as_ref();
    // The term the subject names ("purpose contact" → contact).
    let subject_word = c.subject.split_whitespace().nth(1).unwrap_or_default();
    let mut args: Vec<(&str, String)> = Vec::new();
    // Reader wording of what it was, and of the choice people have.
    let (mut before, mut choice) = (None, None);
    let mut id = format!("changed-{}", kind_slug(c.kind));
    // The policy's own words to show (now, was).
    let (mut now, mut was) = (None, None);
    let mut title = title(cat, old, new, &c.element);
    match c.kind {
        K::PolicyAdded
        | K::PolicyRemoved
        | K::VersionChanged
        | K::TextEdited
        | K::LogoChanged
        | K::PeriodRestated => return None,
        K::DataAdded | K::DataRemoved | K::DataMadeRequired | K::DataMadeOptional => {
            args.push(("data", data_words(cat, &c.subject)));
        }
        K::CategoryAdded | K::CategoryRemoved => {
            let item = c.subject.split_whitespace().next().unwrap_or_default();
            let word = first(n.or(o));
            let label = term::<Category>(cat, word)
                .or_else(|| law::<crate::vocabulary::Sensitive>(cat, word))
                .unwrap_or_else(|| humanize(word));
            args.push(("data", data_words(cat, item)));
            args.push(("term", label));
        }
        K::SubjectAdded | K::SubjectRemoved => {
            now = n.map(|s| humanize(s));
            was = o.map(|s| humanize(s));
        }
        K::PurposeAdded | K::PurposeRemoved => {
            let v = n.or(o);
            args.push(("term", term::<Purpose>(cat, first(v))?));
            choice = choice_in(cat, v);
        }
        K::RecipientAdded | K::RecipientRemoved => {
            let v = n.or(o);
            let p = if n.is_some() { new } else { old };
            args.push((
                "term",
                recipient_view(cat, p, first(v), Required::Always).label,
            ));
            choice = choice_in(cat, v);
        }
        K::RecipientBroadened | K::RecipientNarrowed => {
            args.push(("new", term::<Recipient>(cat, first(n))?));
            before = term::<Recipient>(cat, first(o));
        }
        K::ChoiceWeakened | K::ChoiceStrengthened => {
            let what = match c.subject.split_whitespace().next() {
                Some("purpose") => term::<Purpose>(cat, subject_word),
                Some("recipient") => {
                    Some(recipient_view(cat, new, subject_word, Required::Always).label)
                }
                _ => None,
            };
            args.push(("term", what.unwrap_or_default()));
            args.push(("new", term::<Required>(cat, first(n))?));
            before = term::<Required>(cat, first(o));
        }
        K::RetentionLengthened | K::RetentionShortened => {
            args.push(("new", term::<Retention>(cat, first(n))?));
            before = term::<Retention>(cat, first(o));
        }
        K::PeriodLengthened
        | K::PeriodShortened
        | K::PeriodReworded
        | K::PeriodRenewed
        | K::PeriodNoLongerRenewed
        | K::PeriodDropped
        | K::PeriodStated
        | K::ConditionDropped
        | K::ConditionAdded
        | K::LimitAdded
        | K::LimitRemoved
        | K::OptOutAdded
        | K::OptOutRemoved
        | K::RetentionRuleAdded
        | K::RetentionRuleRemoved
        | K::Reworded
        | K::ProtectionNarrowed
        | K::ProtectionBroadened
        | K::RightAdded
        | K::RightRemoved
        | K::DisputeAdded
        | K::DisputeRemoved => {
            now = n.cloned();
            was = o.cloned();
        }
        K::PromiseChanged => {
            // The claim's keyword is the language's, not the reader's: show the words.
            now = promise_says(old, new, &c.element);
            title = None;
        }
        K::ExceptionAdded | K::ExceptionRemoved => {
            let e: Exception = model_enum(first(n.or(o)))?;
            args.push(("term", words::exception(cat, e)));
            now = promise_says(old, new, &c.element);
            title = None;
        }
        K::AccessReduced | K::AccessExpanded | K::AccessChanged => {
            args.push(("new", term::<Access>(cat, first(n))?));
            before = term::<Access>(cat, first(o));
        }
        K::SecurityAdded | K::SecurityDropped => {
            let m: MeasureKind = model_enum(&c.subject)?;
            args.push(("term", words::measure(cat, m)));
            now = n.cloned();
            was = o.cloned();
        }
        K::RemedyAdded | K::RemedyRemoved => {
            args.push(("term", term::<Remedy>(cat, first(n.or(o)))?));
        }
        K::CoverageChanged => {
            title = c.subject.strip_prefix("covers ").map(str::to_string);
        }
        K::LawAdded | K::LawRemoved => {
            args.push(("term", law::<Law>(cat, first(n.or(o)))?));
        }
        K::BasisWeakened | K::BasisStrengthened | K::BasisDropped | K::BasisStated => {
            let purpose =
                term::<Purpose>(cat, subject_word).unwrap_or_else(|| cat.msg("changed-every-use"));
            args.push(("term", purpose));
            args.push(("new", law::<LegalBasis>(cat, first(n)).unwrap_or_default()));
            before = law::<LegalBasis>(cat, first(o));
        }
        K::PromiseAdded | K::PromiseWithdrawn | K::TransferAdded | K::TransferRemoved => {
            now = n.cloned();
            was = o.cloned();
            title = None;
        }
        K::SafeguardChanged => {
            if c.subject == "safeguard" {
                match law::<Safeguard>(cat, first(n)) {
                    Some(w) => args.push(("new", w)),
                    None => id = "changed-safeguard-dropped".to_string(),
                }
                before = law::<Safeguard>(cat, first(o));
            } else {
                id = "changed-transfer-moved".to_string();
                now = n.cloned();
                was = o.cloned();
            }
        }
        K::DisclosureBroadened | K::DisclosureNarrowed => {
            args.push(("new", law::<Disclosure>(cat, first(n)).unwrap_or_default()));
            before = law::<Disclosure>(cat, first(o));
        }
        K::StatementAdded
        | K::StatementRemoved
        | K::BecameIdentifiable
        | K::BecameNonIdentifiable
        | K::CookieAdded
        | K::CookieRemoved
        | K::CookieThirdParty
        | K::CookieFirstParty
        | K::CookieLinked
        | K::CookieUnlinked
        | K::CookieCrossSite
        | K::CookieNotCrossSite
        | K::SaleStarted
        | K::SaleStopped
        | K::NoticeStrengthened
        | K::NoticeWeakened
        | K::DetailChanged
        | K::GpcDropped
        | K::GpcHonoured
        | K::SharingAdded
        | K::SharingRemoved => {}
    }
    let fluent: Vec<(&str, FluentValue<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
        .collect();
    Some(ChangeView {
        text: cat.fmt(&id, &fluent),
        title,
        now: now.filter(|s| !s.trim().is_empty()),
        was: was.filter(|s| !s.trim().is_empty()),
        before,
        choice,
        material: c.material,
    })
}

/// The kebab-case name of a change kind (`choice-weakened`), as serde spells it.
pub fn kind_slug(kind: ChangeKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_kind_shown_has_a_message_in_every_language() {
        let skipped = [
            ChangeKind::PolicyAdded,
            ChangeKind::PolicyRemoved,
            ChangeKind::VersionChanged,
            ChangeKind::TextEdited,
            ChangeKind::LogoChanged,
            ChangeKind::PeriodRestated,
        ];
        for cat in super::super::catalog::all().values() {
            for &k in ChangeKind::ALL {
                let id = format!("changed-{}", kind_slug(k));
                assert_eq!(cat.has(&id), !skipped.contains(&k), "{}: {id}", cat.lang);
            }
        }
    }

    #[test]
    fn the_previous_version_is_found_by_name_or_as_the_only_one() {
        let a = Policy {
            name: "main".into(),
            ..Default::default()
        };
        let b = Policy {
            name: "site".into(),
            ..Default::default()
        };
        let set = PolicySet {
            policies: vec![a.clone()],
        };
        assert!(previous_of(&set, &a, 2).is_some());
        assert!(previous_of(&set, &b, 1).is_some());
        assert!(previous_of(&set, &b, 2).is_none());
    }
}
