//! Properties of the checker (`policyc::check::check`) on generated policies:
//!
//! - **Widening never hides a finding.** A practice that does more (more data,
//!   more recipients, a weaker choice — opt-in → opt-out → always —, longer
//!   retention, more purposes, more subjects) keeps every finding the narrower
//!   practice had.
//! - **An unrelated correct practice adds no finding.** Adding a statement or a
//!   cookie that collects nothing identifying, for administration or the current
//!   activity, kept by the site and not retained, never makes a finding appear.
//!
//! Policies are generated structurally: a seed policy (every policy of the defect
//! corpora `tests/defects/` and `tests/defects-independent/`, clean and defective,
//! the seeds of `policies/` and the `examples/`) is resolved to its model, then a
//! random sequence of widenings is applied to random practices, drawing data,
//! purposes, recipients and subjects from realistic building blocks and from the
//! definitions of the policy itself. The check runs on the model (the library, not
//! the command line), before acknowledgments are applied.
//!
//! "The same finding" is its code and its target (the element it is about, e.g.
//! `share partners`, `promise no-sale`): a widened practice may change a finding's
//! message (it names more data) but not what it is about. Some codes report that
//! two declarations disagree or that something is missing, and widening one side
//! can legitimately resolve them; [`resolvable_by`] lists them, each with why.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::check;
use policyc::diagnostic::Severity;
use policyc::engine;
use policyc::model::{
    Cookie, DataItem, DataRef, DataUse, Party, PolicySet, PurposeUse, RecipientUse, RetentionUse,
    Statement,
};
use policyc::period::{self, Comparison};
use policyc::span::SourceFile;
use policyc::vocabulary::{Category, Purpose, Recipient, Required, Retention, Term};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

/// A seed: its source (for spans) and its resolved model.
struct Seed {
    source: SourceFile,
    set: PolicySet,
}

fn policy_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            policy_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "policy" || e == "yaml" || e == "yml")
        {
            out.push(path);
        }
    }
}

fn seeds() -> &'static Vec<Seed> {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        for dir in [
            "tests/defects",
            "tests/defects-independent",
            "policies",
            "examples",
        ] {
            policy_files(&root.join(dir), &mut paths);
        }
        paths.sort();
        let mut out = Vec::new();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.strip_prefix(root).unwrap().display().to_string();
            let c = engine::compile_bytes(&name, &bytes);
            // Seeds with findings are welcome (the defect corpora); seeds that do
            // not parse or resolve are not.
            let damaged = c.diagnostics.iter().any(|d| {
                d.severity == Severity::Error && matches!(d.code.id().as_bytes()[0], b'S' | b'L')
            });
            let Some(set) = c.model.clone().filter(|_| !damaged) else {
                continue;
            };
            if set.policies.is_empty() {
                continue;
            }
            out.push(Seed {
                source: c.source.clone(),
                set,
            });
        }
        assert!(out.len() >= 100, "the seed pool has {} policies", out.len());
        out
    })
}

/// The findings of a policy set, as (code, target).
fn findings(set: &PolicySet, source: &SourceFile) -> BTreeSet<(String, String)> {
    check::check(set, source)
        .into_iter()
        .map(|d| (d.code.id().to_string(), d.target.unwrap_or_default()))
        .collect()
}

/// What a widening does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Data,
    Recipient,
    Choice,
    Retention,
    Purpose,
    Subject,
}

/// Codes a widening of this kind may legitimately resolve, each with why. Every
/// other code must survive every widening.
fn resolvable_by(kind: Kind) -> &'static [&'static str] {
    match kind {
        // R203: an unused definition is used once a practice names it.
        // Q506: a linked cookie beside statements that collect only non-identifying
        // data is resolved by collecting identifying data. Q508: a contact purpose
        // without contact data is resolved by adding contact data. P301: a
        // statement without data gains some.
        Kind::Data => &["R203", "Q506", "Q508", "P301"],
        // R203: the recipient definition is now used. P301: a statement without
        // recipients or purposes gains one.
        Kind::Recipient | Kind::Purpose => &["R203", "P301"],
        // The choice codes report a disagreement or a missing channel for a choice:
        // a choice weakened to `always` needs no channel (P302, Q507) and may agree
        // with the other place it is declared (Q515, Q516); a choice on `current` or on an
        // `ours` recipient, which P3P forbids (P303), is gone once it is `always`.
        Kind::Choice => &["P302", "P303", "Q507", "Q515", "Q516"],
        // Retention coherence: the value against the written period (Q512), two
        // periods (Q513), no-retention beside contact or historical (Q501, Q511),
        // a stated purpose without period (Q504) all concern the value being
        // changed.
        Kind::Retention => &["Q501", "Q504", "Q511", "Q512", "Q513"],
        // R203: the subject definition is now used.
        Kind::Subject => &["R203"],
    }
}

/// One widening step: which policy and practice, what to add, as indexes into
/// the pools (taken modulo their lengths).
#[derive(Clone, Debug)]
struct Step {
    kind: Kind,
    policy: Index,
    practice: Index,
    pick: Index,
    choice: Index,
    /// Widen a practice some finding is about (most findings are about one
    /// practice of a few; choosing blindly would rarely touch them).
    focus: bool,
}

const SCHEMA: &[&str] = &[
    "user.name",
    "user.name.given",
    "user.home-info.online.email",
    "user.home-info.telecom.telephone.number",
    "user.home-info.postal",
    "user.login.id",
    "user.bdate",
    "user.gender",
    "user.jobtitle",
    "dynamic.clickstream",
    "dynamic.http.useragent",
    "dynamic.searchtext",
];

const CUSTOM: &[(&str, Category)] = &[
    ("your medical history", Category::Health),
    ("the number of your payment card", Category::Financial),
    ("the messages you send us", Category::Content),
    ("your passport number", Category::Government),
    ("the products you looked at", Category::Preference),
    ("your home address", Category::Physical),
];

const RECIPIENT_WORDS: &[&str] = &[
    "ours",
    "delivery",
    "same",
    "other-recipient",
    "unrelated",
    "public",
];

const COOKIE_CATEGORIES: &[Category] = &[
    Category::Online,
    Category::Uniqueid,
    Category::Navigation,
    Category::Preference,
    Category::Health,
    Category::Purchase,
];

const PERIODS: &[&str] = &["1 day", "90 days", "13 months", "2 years", "10 years"];

fn weaker(r: Required) -> Required {
    match r {
        Required::OptIn => Required::OptOut,
        Required::OptOut | Required::Always => Required::Always,
    }
}

fn longer(r: Retention) -> Retention {
    match r {
        Retention::NoRetention => Retention::StatedPurpose,
        Retention::StatedPurpose => Retention::BusinessPractices,
        Retention::LegalRequirement | Retention::BusinessPractices | Retention::Indefinitely => {
            Retention::Indefinitely
        }
    }
}

fn choice(i: Index) -> Required {
    Required::ALL[i.index(Required::ALL.len())]
}

fn purpose(pick: Index, c: Index) -> PurposeUse {
    let purpose = Purpose::ALL[pick.index(Purpose::ALL.len())];
    PurposeUse {
        purpose,
        required: if purpose.takes_required() {
            choice(c)
        } else {
            Required::Always
        },
        description: (purpose == Purpose::OtherPurpose)
            .then(|| "to run a prize draw among our visitors".to_string()),
        origin: policyc::span::Origin::default(),
    }
}

fn data_item(set_names: &[String], pick: Index) -> DataUse {
    let n = SCHEMA.len() + CUSTOM.len() + set_names.len();
    let i = pick.index(n);
    if i < SCHEMA.len() {
        DataUse::Item(DataItem {
            data: DataRef::Schema(SCHEMA[i].to_string()),
            categories: Vec::new(),
            optional: false,
            origin: policyc::span::Origin::default(),
        })
    } else if i < SCHEMA.len() + CUSTOM.len() {
        let (text, cat) = CUSTOM[i - SCHEMA.len()];
        DataUse::Item(DataItem {
            data: DataRef::Custom(text.to_string()),
            categories: vec![cat],
            optional: false,
            origin: policyc::span::Origin::default(),
        })
    } else {
        DataUse::Set {
            name: set_names[i - SCHEMA.len() - CUSTOM.len()].clone(),
            origin: policyc::span::Origin::default(),
        }
    }
}

fn recipient_use(names: &[String], agents: &[String], pick: Index, c: Index) -> RecipientUse {
    let n = RECIPIENT_WORDS.len() + names.len();
    let i = pick.index(n);
    let name = if i < RECIPIENT_WORDS.len() {
        RECIPIENT_WORDS[i].to_string()
    } else {
        names[i - RECIPIENT_WORDS.len()].clone()
    };
    RecipientUse {
        required: if agents.contains(&name) {
            Required::Always
        } else {
            choice(c)
        },
        name,
        basis: None,
        origin: policyc::span::Origin::default(),
    }
}

/// Applies one widening; false when it does not apply to the chosen practice
/// (nothing to widen, or the addition is already there).
#[allow(clippy::too_many_lines)]
fn widen(set: &mut PolicySet, step: &Step, found: &BTreeSet<(String, String)>) -> bool {
    let p = step.policy.index(set.policies.len());
    let policy = &mut set.policies[p];
    let set_names: Vec<String> = policy.datasets.iter().map(|d| d.name.clone()).collect();
    let recipient_names: Vec<String> = policy.recipients.iter().map(|r| r.name.clone()).collect();
    // Recipients of kind `ours` never take a choice (P303): they are added `always`.
    let agents: Vec<String> = policy
        .recipients
        .iter()
        .filter(|r| r.kind == Recipient::Ours)
        .map(|r| r.name.clone())
        .chain(std::iter::once("ours".to_string()))
        .collect();
    let subject_names: Vec<String> = policy.subjects.iter().map(|s| s.name.clone()).collect();
    let (ns, nc, nh) = (
        policy.statements.len(),
        policy.cookies.len(),
        policy.sharing.len(),
    );
    if ns + nc + nh == 0 {
        return false;
    }
    let targets: Vec<String> = policy
        .statements
        .iter()
        .map(|s| format!("collect {}", s.name))
        .chain(policy.cookies.iter().map(|c| format!("cookie {}", c.name)))
        .chain(policy.sharing.iter().map(|s| format!("share {}", s.name)))
        .collect();
    let focused: Vec<usize> = (0..targets.len())
        .filter(|&i| found.iter().any(|(_, t)| *t == targets[i]))
        .collect();
    let i = if step.focus && !focused.is_empty() {
        focused[step.practice.index(focused.len())]
    } else {
        step.practice.index(ns + nc + nh)
    };
    match step.kind {
        Kind::Data => {
            if i < ns {
                let d = data_item(&set_names, step.pick);
                let s = &mut policy.statements[i];
                if s.data.contains(&d) {
                    return false;
                }
                s.data.push(d);
            } else if i < ns + nc {
                let cat = COOKIE_CATEGORIES[step.pick.index(COOKIE_CATEGORIES.len())];
                let c = &mut policy.cookies[i - ns];
                if c.categories.contains(&cat) {
                    return false;
                }
                c.categories.push(cat);
            } else {
                let d = data_item(&set_names, step.pick);
                let s = &mut policy.sharing[i - ns - nc];
                if s.data.contains(&d) {
                    return false;
                }
                s.data.push(d);
            }
        }
        Kind::Recipient => {
            if i < ns + nc {
                let r = recipient_use(&recipient_names, &agents, step.pick, step.choice);
                let list = if i < ns {
                    &mut policy.statements[i].recipients
                } else {
                    &mut policy.cookies[i - ns].recipients
                };
                if list.iter().any(|x| x.name == r.name) {
                    return false;
                }
                list.push(r);
            } else {
                if recipient_names.is_empty() {
                    return false;
                }
                let name = recipient_names[step.pick.index(recipient_names.len())].clone();
                let s = &mut policy.sharing[i - ns - nc];
                if s.with.contains(&name) {
                    return false;
                }
                s.with.push(name);
            }
        }
        Kind::Choice => {
            let (purposes, recipients, share_choice) = if i < ns {
                let s = &mut policy.statements[i];
                (&mut s.purposes, Some(&mut s.recipients), None)
            } else if i < ns + nc {
                let c = &mut policy.cookies[i - ns];
                (&mut c.purposes, Some(&mut c.recipients), None)
            } else {
                let s = &mut policy.sharing[i - ns - nc];
                (&mut s.purposes, None, Some(&mut s.choice))
            };
            let mut slots: Vec<&mut Required> =
                purposes.iter_mut().map(|p| &mut p.required).collect();
            if let Some(rs) = recipients {
                slots.extend(rs.iter_mut().map(|r| &mut r.required));
            }
            if let Some(c) = share_choice {
                slots.push(c);
            }
            slots.retain(|r| **r != Required::Always);
            if slots.is_empty() {
                return false;
            }
            let n = slots.len();
            let slot = &mut *slots[step.pick.index(n)];
            *slot = weaker(*slot);
        }
        Kind::Retention => {
            let retention = if i < ns {
                &mut policy.statements[i].retention
            } else if i < ns + nc {
                &mut policy.cookies[i - ns].retention
            } else {
                return false;
            };
            let Some(r) = retention.as_mut() else {
                return false;
            };
            if step.choice.index(2) == 0 {
                if r.value == Retention::Indefinitely {
                    return false;
                }
                r.value = longer(r.value);
            } else {
                let new = PERIODS[step.pick.index(PERIODS.len())];
                let Some(old) = r.period.as_deref() else {
                    return false;
                };
                if period::compare(old, new) != Comparison::Longer {
                    return false;
                }
                r.period = Some(new.to_string());
            }
        }
        Kind::Purpose => {
            let u = purpose(step.pick, step.choice);
            let list = if i < ns {
                &mut policy.statements[i].purposes
            } else if i < ns + nc {
                &mut policy.cookies[i - ns].purposes
            } else {
                &mut policy.sharing[i - ns - nc].purposes
            };
            // A practice without purposes states none, and one opt-in purpose
            // would narrow it: only a list that names purposes can grow.
            if list.is_empty() || list.iter().any(|x| x.purpose == u.purpose) {
                return false;
            }
            list.push(u);
        }
        Kind::Subject => {
            // A practice without `from` collects from everyone: only a list that
            // names subjects can grow.
            if i >= ns || subject_names.is_empty() {
                return false;
            }
            let s = &mut policy.statements[i];
            let name = subject_names[step.pick.index(subject_names.len())].clone();
            if s.subjects.is_empty() || s.subjects.contains(&name) {
                return false;
            }
            s.subjects.push(name);
        }
    }
    true
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Data),
        Just(Kind::Recipient),
        Just(Kind::Choice),
        Just(Kind::Retention),
        Just(Kind::Purpose),
        Just(Kind::Subject),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (
        kind(),
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        any::<bool>(),
    )
        .prop_map(|(kind, policy, practice, pick, choice, focus)| Step {
            kind,
            policy,
            practice,
            pick,
            choice,
            focus,
        })
}

/// The practice property (b) adds: a statement or a cookie that is correct and
/// unrelated to any promise: nothing identifying, kept by the site alone, for the
/// current activity or administration, not retained beyond the visit.
fn unrelated(set: &mut PolicySet, policy: Index, cookie: bool) {
    let p = policy.index(set.policies.len());
    let policy = &mut set.policies[p];
    let o = policy_origin();
    if cookie {
        policy.cookies.push(Cookie {
            name: "zz-language".to_string(),
            title: Some("Language choice".to_string()),
            cookie_name: Some("lang".to_string()),
            domain: None,
            path: None,
            lifetime: Some("session".to_string()),
            party: Party::First,
            provider: None,
            provider_basis: None,
            holds: Some("the language you chose for the site".to_string()),
            categories: vec![Category::Preference],
            purposes: vec![PurposeUse {
                purpose: Purpose::Current,
                required: Required::Always,
                description: None,
                origin: o,
            }],
            recipients: vec![RecipientUse {
                name: "ours".to_string(),
                required: Required::Always,
                basis: None,
                origin: o,
            }],
            retention: Some(RetentionUse {
                value: Retention::NoRetention,
                period: None,
                origin: o,
            }),
            linked: false,
            cross_site: false,
            legal: policyc::model::PracticeLaw::default(),
            text: None,
            origin: o,
        });
    } else {
        policy.statements.push(Statement {
            name: "zz-screen".to_string(),
            title: Some("Screen size".to_string()),
            subjects: Vec::new(),
            data: vec![DataUse::Item(DataItem {
                data: DataRef::Custom("the size of your screen".to_string()),
                categories: vec![Category::Computer],
                optional: false,
                origin: o,
            })],
            purposes: vec![PurposeUse {
                purpose: Purpose::Admin,
                required: Required::Always,
                description: None,
                origin: o,
            }],
            recipients: vec![RecipientUse {
                name: "ours".to_string(),
                required: Required::Always,
                basis: None,
                origin: o,
            }],
            retention: Some(RetentionUse {
                value: Retention::NoRetention,
                period: None,
                origin: o,
            }),
            identifiable: false,
            consequence: None,
            legal: policyc::model::PracticeLaw::default(),
            text: None,
            origin: o,
        });
    }
}

fn policy_origin() -> policyc::span::Origin {
    policyc::span::Origin::default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn widening_a_practice_never_hides_a_finding(
        seed in any::<Index>(),
        steps in proptest::collection::vec(step(), 1..4),
    ) {
        let seeds = seeds();
        let seed = &seeds[seed.index(seeds.len())];
        let mut set = seed.set.clone();
        let mut before = findings(&set, &seed.source);
        for step in &steps {
            if !widen(&mut set, step, &before) {
                continue;
            }
            let after = findings(&set, &seed.source);
            let exempt = resolvable_by(step.kind);
            let lost: Vec<_> = before
                .iter()
                .filter(|f| !after.contains(*f) && !exempt.contains(&f.0.as_str()))
                .collect();
            prop_assert!(
                lost.is_empty(),
                "{}: widening {:?} hid {:?}",
                seed.source.path,
                step,
                lost
            );
            before = after;
        }
    }

    #[test]
    fn an_unrelated_correct_practice_adds_no_finding(
        seed in any::<Index>(),
        policy in any::<Index>(),
        cookie in any::<bool>(),
    ) {
        let seeds = seeds();
        let seed = &seeds[seed.index(seeds.len())];
        let mut set = seed.set.clone();
        let before = findings(&set, &seed.source);
        unrelated(&mut set, policy, cookie);
        let after = findings(&set, &seed.source);
        let added: Vec<_> = after.difference(&before).collect();
        prop_assert!(added.is_empty(), "{}: adding {} added {:?}", seed.source.path, if cookie { "a cookie" } else { "a statement" }, added);
    }
}
