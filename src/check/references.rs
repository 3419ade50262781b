//! References: every name resolves (R201), definitions are unique (R202) and used (R203).

use super::context::{suggestion, Context};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Claim, DataUse, Policy, PolicySet};
use crate::span::{Origin, SourceFile, Span};
use crate::vocabulary::{self, Recipient, Term};
use std::collections::{HashMap, HashSet};

/// R202 for policies sharing one name in a file.
pub(crate) fn check_policy_names(set: &PolicySet, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    for policy in &set.policies {
        if let Some(first) = seen.get(policy.name.as_str()) {
            let span = policy
                .origin
                .span()
                .copied()
                .unwrap_or_else(|| Span::file_start(&source.path));
            out.push(
                Diagnostic::new(
                    Code::DuplicateDefinition,
                    format!("policy `{}` is defined twice in this file", policy.name),
                )
                .at(Some(span))
                .label(first, "first defined here")
                .help("give each policy a unique name: it becomes the P3P POLICY/@name and URL fragment")
                .target(format!("policy {}", policy.name)),
            );
        } else {
            seen.insert(&policy.name, &policy.origin);
        }
    }
}

/// R201, R202 and R203 within one policy.
pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    duplicates(cx, out);
    undefined(cx, out);
    unused(cx, out);
}

fn duplicates(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let mut report = |kind: &str, defs: Vec<(&str, &Origin)>| {
        let mut seen: HashMap<&str, &Origin> = HashMap::new();
        for (name, origin) in defs {
            if let Some(first) = seen.get(name) {
                out.push(
                    cx.diag(
                        Code::DuplicateDefinition,
                        format!("{kind} `{name}` is defined twice"),
                        &[origin],
                    )
                    .label(first, "first defined here")
                    .help(format!(
                        "rename one of them, or merge them into one `{kind}` definition"
                    ))
                    .target(format!("{kind} {name}")),
                );
            } else {
                seen.insert(name, origin);
            }
        }
    };
    report(
        "subject",
        p.subjects
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "recipient",
        p.recipients
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "data",
        p.datasets
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "collect",
        p.statements
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "cookie",
        p.cookies
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "share",
        p.sharing
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "retention",
        p.retention
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "opt-out",
        p.opt_outs
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
    report(
        "promise",
        p.promises
            .iter()
            .map(|d| (d.name.as_str(), &d.origin))
            .collect(),
    );
}

/// What a name must refer to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Subject,
    /// A defined recipient or a P3P recipient word.
    Recipient,
    /// A defined recipient only (a cookie's provider).
    Provider,
    DataSet,
    /// A `collect` block.
    Statement,
    /// A `collect`, `share` or `cookie` block.
    Practice,
    /// A data set or a base data schema element.
    DataName,
}

/// One reference to check: the name, what it must refer to, where it is written
/// and which element holds it.
struct Reference<'a> {
    kind: Kind,
    /// The keyword of the line that holds the name inside the element's block
    /// (`from`, `with`, ...), used to point at the name itself.
    keyword: &'static str,
    name: &'a str,
    origin: &'a Origin,
    target: String,
}

/// Every name reference in the policy, in model order.
fn gather(p: &Policy) -> Vec<Reference<'_>> {
    let mut refs = Vec::new();
    for s in &p.statements {
        let t = format!("collect {}", s.name);
        push(
            &mut refs,
            (Kind::Subject, "from"),
            s.subjects.iter().map(|n| (n.as_str(), &s.origin)),
            &t,
        );
        push(
            &mut refs,
            (Kind::Recipient, "to"),
            s.recipients.iter().map(|r| (r.name.as_str(), &r.origin)),
            &t,
        );
        push(
            &mut refs,
            (Kind::DataSet, "data"),
            sets(&s.data, &s.origin),
            &t,
        );
    }
    for c in &p.cookies {
        let t = format!("cookie {}", c.name);
        push(
            &mut refs,
            (Kind::Recipient, "to"),
            c.recipients.iter().map(|r| (r.name.as_str(), &r.origin)),
            &t,
        );
        push(
            &mut refs,
            (Kind::Provider, "provider"),
            c.provider.iter().map(|n| (n.as_str(), &c.origin)),
            &t,
        );
    }
    for sh in &p.sharing {
        let t = format!("share {}", sh.name);
        push(
            &mut refs,
            (Kind::Recipient, "with"),
            sh.with.iter().map(|n| (n.as_str(), &sh.origin)),
            &t,
        );
        push(
            &mut refs,
            (Kind::DataSet, "data"),
            sets(&sh.data, &sh.origin),
            &t,
        );
    }
    for right in &p.rights {
        let t = format!("right {}", right_word(right.kind));
        push(
            &mut refs,
            (Kind::Subject, "subjects"),
            right.subjects.iter().map(|n| (n.as_str(), &right.origin)),
            &t,
        );
    }
    for rule in &p.retention {
        let t = format!("retention {}", rule.name);
        push(
            &mut refs,
            (Kind::Statement, "applies-to"),
            rule.applies_to.iter().map(|n| (n.as_str(), &rule.origin)),
            &t,
        );
    }
    for opt in &p.opt_outs {
        let t = format!("opt-out {}", opt.name);
        push(
            &mut refs,
            (Kind::Practice, "covers"),
            opt.covers.iter().map(|n| (n.as_str(), &opt.origin)),
            &t,
        );
    }
    for promise in &p.promises {
        let t = format!("promise {}", promise.name);
        let (kind, names) = match &promise.claim {
            Claim::NoIdentifiableCollection(names) => (Kind::Subject, names),
            Claim::NotLinked(names) => (Kind::DataName, names),
            _ => continue,
        };
        push(
            &mut refs,
            (kind, "claim"),
            names.iter().map(|n| (n.as_str(), &promise.origin)),
            &t,
        );
    }
    refs
}

fn push<'a>(
    refs: &mut Vec<Reference<'a>>,
    (kind, keyword): (Kind, &'static str),
    names: impl Iterator<Item = (&'a str, &'a Origin)>,
    target: &str,
) {
    refs.extend(names.map(|(name, origin)| Reference {
        kind,
        keyword,
        name,
        origin,
        target: target.to_string(),
    }));
}

/// The data set names among data uses, each at its own origin when it has one.
fn sets<'a>(
    uses: &'a [DataUse],
    fallback: &'a Origin,
) -> impl Iterator<Item = (&'a str, &'a Origin)> {
    uses.iter().filter_map(move |u| match u {
        DataUse::Set { name, origin } => Some((
            name.as_str(),
            if origin.span().is_some() {
                origin
            } else {
                fallback
            },
        )),
        DataUse::Item(_) => None,
    })
}

fn undefined(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for r in gather(cx.policy) {
        let n = r.name;
        let defined = match r.kind {
            Kind::Subject => cx.subjects.contains_key(n),
            Kind::Recipient => cx.recipient_kind(n).is_some(),
            // The provider must be a defined recipient: it is who sets the cookie.
            Kind::Provider => cx.recipients.contains_key(n),
            Kind::DataSet => cx.datasets.contains_key(n),
            Kind::Statement => cx.statements.contains_key(n),
            Kind::Practice => {
                cx.statements.contains_key(n)
                    || cx.sharing.contains_key(n)
                    || cx.cookies.contains_key(n)
            }
            Kind::DataName => cx.datasets.contains_key(n) || vocabulary::lookup_data(n).is_some(),
        };
        if defined {
            continue;
        }
        // Only an undefined name pays for its "did you mean" candidates: building
        // them for every reference made the check quadratic in the policy's size.
        let (what, candidates, define) = candidates(cx.policy, r.kind);
        out.push(
            cx.diag(
                Code::UndefinedName,
                format!("{what} `{n}` is not defined"),
                &[&cx.locate_name(r.origin, r.keyword, n)],
            )
            .help(suggestion(n, candidates, define))
            .target(r.target),
        );
    }
}

/// What a reference of `kind` names, the names it could have meant, and what to
/// define instead.
fn candidates<'p>(p: &'p Policy, kind: Kind) -> (&'static str, Vec<&'p str>, &'static str) {
    match kind {
        Kind::Subject => (
            "subject",
            p.subjects.iter().map(|s| s.name.as_str()).collect(),
            "a subject",
        ),
        Kind::Recipient => (
            "recipient",
            p.recipients
                .iter()
                .map(|r| r.name.as_str())
                .chain(Recipient::ALL.iter().map(|r| r.word()))
                .collect(),
            "a recipient (or use a P3P recipient word)",
        ),
        Kind::Provider => (
            "cookie provider",
            p.recipients.iter().map(|r| r.name.as_str()).collect(),
            "a recipient",
        ),
        Kind::DataSet => (
            "data set",
            p.datasets.iter().map(|d| d.name.as_str()).collect(),
            "a data set",
        ),
        Kind::Statement => (
            "statement",
            p.statements.iter().map(|s| s.name.as_str()).collect(),
            "a `collect` block",
        ),
        Kind::Practice => (
            "statement, sharing rule or cookie",
            p.statements
                .iter()
                .map(|s| s.name.as_str())
                .chain(p.sharing.iter().map(|s| s.name.as_str()))
                .chain(p.cookies.iter().map(|c| c.name.as_str()))
                .collect(),
            "a `collect`, `share` or `cookie` block",
        ),
        Kind::DataName => {
            let mut names: Vec<&'p str> = p.datasets.iter().map(|d| d.name.as_str()).collect();
            for e in vocabulary::data_names() {
                names.push(e);
            }
            ("data set or element", names, "a data set")
        }
    }
}

/// The source word of a right kind, as targets spell it (`right deletion`).
pub(crate) fn right_word(kind: crate::model::RightKind) -> &'static str {
    crate::vocabulary::LawTerm::word(kind)
}

fn unused(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let mut used: HashSet<(&str, &str)> = HashSet::new();
    for s in &p.statements {
        used.extend(s.subjects.iter().map(|n| ("subject", n.as_str())));
        used.extend(s.recipients.iter().map(|r| ("recipient", r.name.as_str())));
        used.extend(set_names(&s.data).map(|n| ("data", n)));
    }
    for c in &p.cookies {
        used.extend(c.recipients.iter().map(|r| ("recipient", r.name.as_str())));
        used.extend(c.provider.iter().map(|n| ("recipient", n.as_str())));
    }
    for sh in &p.sharing {
        used.extend(sh.with.iter().map(|n| ("recipient", n.as_str())));
        used.extend(set_names(&sh.data).map(|n| ("data", n)));
    }
    for right in &p.rights {
        used.extend(right.subjects.iter().map(|n| ("subject", n.as_str())));
    }
    for promise in &p.promises {
        // A promise about a recipient, subject or data set uses it: "no client
        // sees another client's data" names the clients that never receive it.
        let scope = &promise.scope;
        used.extend(scope.recipients.iter().map(|n| ("recipient", n.as_str())));
        used.extend(promise.allow.iter().map(|n| ("recipient", n.as_str())));
        used.extend(scope.subjects.iter().map(|n| ("subject", n.as_str())));
        used.extend(scope.data.iter().map(|n| ("data", n.as_str())));
        match &promise.claim {
            Claim::NoIdentifiableCollection(names) => {
                used.extend(names.iter().map(|n| ("subject", n.as_str())));
            }
            Claim::NotLinked(names) => used.extend(names.iter().map(|n| ("data", n.as_str()))),
            _ => {}
        }
    }
    let mut report = |kind: &str, name: &str, origin: &Origin, help: &str| {
        if !used.contains(&(kind, name)) {
            out.push(
                cx.diag(
                    Code::UnusedDefinition,
                    format!("{kind} `{name}` is defined but never used"),
                    &[origin],
                )
                .help(help.to_string())
                .target(format!("{kind} {name}")),
            );
        }
    };
    for s in &p.subjects {
        report(
            "subject",
            &s.name,
            &s.origin,
            "name it in a `collect` block's `from`, or remove it",
        );
    }
    for r in &p.recipients {
        report(
            "recipient",
            &r.name,
            &r.origin,
            "name it in a `to`, a `share` rule's `with` or a cookie's `provider`, or remove it",
        );
    }
    for d in &p.datasets {
        report(
            "data",
            &d.name,
            &d.origin,
            "name it in a `collect` or `share` block's `data`, or remove it",
        );
    }
}

fn set_names(uses: &[DataUse]) -> impl Iterator<Item = &str> {
    uses.iter().filter_map(|u| match u {
        DataUse::Set { name, .. } => Some(name.as_str()),
        DataUse::Item(_) => None,
    })
}
