//! References: every name resolves (R201), definitions are unique (R202) and used (R203).

use super::context::{suggestion, Context};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Claim, DataUse, PolicySet};
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
                .cloned()
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

/// One reference to check: the name, what kind of definition it must be, where it
/// is written and which element holds it.
struct Reference<'a> {
    name: &'a str,
    origin: &'a Origin,
    target: String,
}

fn undefined<'a>(cx: &Context<'a>, out: &mut Vec<Diagnostic>) {
    let p: &'a crate::model::Policy = cx.policy;
    let undefined_one = |what: &str, r: &Reference<'_>, help: String| {
        cx.diag(
            Code::UndefinedName,
            format!("{what} `{}` is not defined", r.name),
            &[r.origin],
        )
        .help(help)
        .target(r.target.clone())
    };
    let subject_names = || p.subjects.iter().map(|s| s.name.as_str());
    let recipient_names = || {
        p.recipients
            .iter()
            .map(|r| r.name.as_str())
            .chain(Recipient::ALL.iter().map(|r| r.word()))
    };
    let statement_names = || p.statements.iter().map(|s| s.name.as_str());

    let mut subjects: Vec<Reference<'_>> = Vec::new();
    let mut recipients: Vec<Reference<'_>> = Vec::new();
    let mut sets: Vec<Reference<'_>> = Vec::new();

    for s in &p.statements {
        let target = format!("collect {}", s.name);
        for name in &s.subjects {
            subjects.push(Reference {
                name,
                origin: &s.origin,
                target: target.clone(),
            });
        }
        for r in &s.recipients {
            recipients.push(Reference {
                name: &r.name,
                origin: &r.origin,
                target: target.clone(),
            });
        }
        collect_sets(&s.data, &s.origin, &target, &mut sets);
    }
    for c in &p.cookies {
        let target = format!("cookie {}", c.name);
        for r in &c.recipients {
            recipients.push(Reference {
                name: &r.name,
                origin: &r.origin,
                target: target.clone(),
            });
        }
        if let Some(provider) = &c.provider {
            // The provider must be a defined recipient: it is who sets the cookie.
            if !cx.recipients.contains_key(provider.as_str()) {
                let r = Reference {
                    name: provider,
                    origin: &c.origin,
                    target: target.clone(),
                };
                out.push(undefined_one(
                    "cookie provider",
                    &r,
                    suggestion(
                        provider,
                        p.recipients.iter().map(|r| r.name.as_str()),
                        "a recipient",
                    ),
                ));
            }
        }
    }
    for sh in &p.sharing {
        let target = format!("share {}", sh.name);
        for name in &sh.with {
            recipients.push(Reference {
                name,
                origin: &sh.origin,
                target: target.clone(),
            });
        }
        collect_sets(&sh.data, &sh.origin, &target, &mut sets);
    }
    for right in &p.rights {
        let target = format!("right {}", right_word(right.kind));
        for name in &right.subjects {
            subjects.push(Reference {
                name,
                origin: &right.origin,
                target: target.clone(),
            });
        }
    }
    for rule in &p.retention {
        for name in &rule.applies_to {
            if !cx.statements.contains_key(name.as_str()) {
                let r = Reference {
                    name,
                    origin: &rule.origin,
                    target: format!("retention {}", rule.name),
                };
                out.push(undefined_one(
                    "statement",
                    &r,
                    suggestion(name, statement_names(), "a `collect` block"),
                ));
            }
        }
    }
    for opt in &p.opt_outs {
        for name in &opt.covers {
            let n = name.as_str();
            if !(cx.statements.contains_key(n)
                || cx.sharing.contains_key(n)
                || cx.cookies.contains_key(n))
            {
                let r = Reference {
                    name,
                    origin: &opt.origin,
                    target: format!("opt-out {}", opt.name),
                };
                let candidates = statement_names()
                    .chain(p.sharing.iter().map(|s| s.name.as_str()))
                    .chain(p.cookies.iter().map(|c| c.name.as_str()));
                out.push(undefined_one(
                    "statement, sharing rule or cookie",
                    &r,
                    suggestion(name, candidates, "a `collect`, `share` or `cookie` block"),
                ));
            }
        }
    }
    for promise in &p.promises {
        let target = format!("promise {}", promise.name);
        match &promise.claim {
            Claim::NoIdentifiableCollection(names) => {
                for name in names {
                    subjects.push(Reference {
                        name,
                        origin: &promise.origin,
                        target: target.clone(),
                    });
                }
            }
            Claim::NotLinked(names) => {
                for name in names {
                    let n = name.as_str();
                    if !cx.datasets.contains_key(n) && vocabulary::lookup_data(n).is_none() {
                        let r = Reference {
                            name,
                            origin: &promise.origin,
                            target: target.clone(),
                        };
                        let mut candidates: Vec<&str> =
                            p.datasets.iter().map(|d| d.name.as_str()).collect();
                        for n in vocabulary::data_names() {
                            candidates.push(n);
                        }
                        out.push(undefined_one(
                            "data set or element",
                            &r,
                            suggestion(name, candidates, "a data set"),
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    for r in &subjects {
        if !cx.subjects.contains_key(r.name) {
            out.push(undefined_one(
                "subject",
                r,
                suggestion(r.name, subject_names(), "a subject"),
            ));
        }
    }
    for r in &recipients {
        if cx.recipient_kind(r.name).is_none() {
            out.push(undefined_one(
                "recipient",
                r,
                suggestion(
                    r.name,
                    recipient_names(),
                    "a recipient (or use a P3P recipient word)",
                ),
            ));
        }
    }
    for r in &sets {
        if !cx.datasets.contains_key(r.name) {
            out.push(undefined_one(
                "data set",
                r,
                suggestion(
                    r.name,
                    p.datasets.iter().map(|d| d.name.as_str()),
                    "a data set",
                ),
            ));
        }
    }
}

fn collect_sets<'a>(
    uses: &'a [DataUse],
    fallback: &'a Origin,
    target: &str,
    sets: &mut Vec<Reference<'a>>,
) {
    for data_use in uses {
        if let DataUse::Set { name, origin } = data_use {
            sets.push(Reference {
                name,
                origin: if origin.span().is_some() {
                    origin
                } else {
                    fallback
                },
                target: target.to_string(),
            });
        }
    }
}

/// The source word of a right kind, as targets spell it (`right deletion`).
pub(crate) fn right_word(kind: crate::model::RightKind) -> &'static str {
    use crate::model::RightKind;
    match kind {
        RightKind::Access => "access",
        RightKind::Correction => "correction",
        RightKind::Deletion => "deletion",
        RightKind::Export => "export",
        RightKind::Objection => "objection",
    }
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
