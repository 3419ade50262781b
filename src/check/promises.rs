//! Promises against practices (`C4xx`): every `promise` is held against every
//! statement, cookie, sharing rule and the change notice. A broken promise is an
//! error on the practice, with a label on the promise.
//!
//! Exceptions (`except`) are honoured as follows:
//! - a `share` rule whose `basis` is in the list is allowed;
//! - `aggregate` allows non-identifiable data (a non-identifiable `share` or
//!   statement, a `linked no` cookie);
//! - `consent` allows `opt-in` choices (the person agreed);
//! - `as-disclosed` makes a sharing promise cover only undisclosed sharing, which a
//!   written practice never is: such a promise cannot be broken by the model.

use super::context::{element_name, elements_overlap, is_cookie_data, Context};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Claim, DataUse, Exception, NotifyMethod, Promise, RecipientUse};
use crate::span::Origin;
use crate::vocabulary::{Purpose, Recipient, Required};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for promise in &cx.policy.promises {
        match &promise.claim {
            Claim::NoSale => no_sale(cx, promise, out),
            Claim::NoThirdPartySharing => no_third_party_sharing(cx, promise, out),
            Claim::CookiesNotLinked => cookies_not_linked(cx, promise, out),
            Claim::NoCrossSiteTracking => no_cross_site_tracking(cx, promise, out),
            Claim::NotifyBeforeNewUse => notify_before_new_use(cx, promise, out),
            Claim::NotLinked(names) => not_linked(cx, promise, names, out),
            Claim::NoIdentifiableCollection(subjects) => {
                no_identifiable_collection(cx, promise, subjects, out);
            }
            Claim::OnlyStatedPurpose => only_stated_purpose(cx, promise, out),
        }
    }
}

fn excepts(promise: &Promise, e: Exception) -> bool {
    promise.except.contains(&e)
}

/// The finding for a broken promise: at the practice, labelled at the promise.
fn broken(
    cx: &Context<'_>,
    code: Code,
    promise: &Promise,
    message: String,
    at: &[&Origin],
    target: String,
) -> Diagnostic {
    cx.diag(code, message, at)
        .label(
            &promise.origin,
            format!("promised here: \"{}\"", shorten(&promise.says)),
        )
        .target(target)
}

/// The first 60 characters of a promise's wording, for labels.
fn shorten(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}

fn no_sale(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    if excepts(promise, Exception::AsDisclosed) {
        return;
    }
    for sh in &cx.policy.sharing {
        let allowed_basis = sh.basis.is_some_and(|b| excepts(promise, b));
        let allowed_consent = excepts(promise, Exception::Consent) && sh.choice == Required::OptIn;
        // The claim is about personal data: selling aggregate data does not break it.
        if sh.sale && sh.identifiable && !allowed_basis && !allowed_consent {
            out.push(
                broken(
                    cx,
                    Code::BrokenNoSale,
                    promise,
                    format!(
                        "sharing rule `{}` sells identifiable data, but promise `{}` says personal data is not sold",
                        sh.name, promise.name
                    ),
                    &[&sh.origin],
                    format!("share {}", sh.name),
                )
                .help("make the rule `sale no` or `non-identifiable`, give it a `basis` the promise excepts, or correct the promise"),
            );
        }
    }
}

/// Third-party recipients among `uses`, by name.
fn third_parties<'a>(cx: &Context<'_>, uses: &'a [RecipientUse]) -> Vec<&'a RecipientUse> {
    uses.iter()
        .filter(|u| {
            cx.recipient_kind(&u.name)
                .is_some_and(Recipient::is_third_party)
        })
        .collect()
}

fn no_third_party_sharing(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    if excepts(promise, Exception::AsDisclosed) {
        return;
    }
    let aggregate_ok = excepts(promise, Exception::Aggregate);
    let consent_ok = excepts(promise, Exception::Consent);
    let help = "remove the third party, state the exception the policy makes (`except ...` on the promise, `basis ...` on the rule), or correct the promise";
    for sh in &cx.policy.sharing {
        let parties: Vec<&str> = sh
            .with
            .iter()
            .map(String::as_str)
            .filter(|n| cx.recipient_kind(n).is_some_and(Recipient::is_third_party))
            .collect();
        if parties.is_empty()
            || sh.basis.is_some_and(|b| excepts(promise, b))
            || (aggregate_ok && !sh.identifiable)
            || (consent_ok && sh.choice == Required::OptIn)
        {
            continue;
        }
        out.push(
            broken(
                cx,
                Code::BrokenNoThirdPartySharing,
                promise,
                format!(
                    "sharing rule `{}` gives {}data to third party {}, but promise `{}` says data is not shared with third parties",
                    sh.name,
                    if sh.identifiable { "" } else { "non-identifiable " },
                    quoted(&parties),
                    promise.name
                ),
                &[&sh.origin],
                format!("share {}", sh.name),
            )
            .help(help),
        );
    }
    let mut practice = |kind: &str,
                        name: &str,
                        identifiable: bool,
                        uses: &[RecipientUse],
                        parent: &Origin| {
        if aggregate_ok && !identifiable {
            return;
        }
        for u in third_parties(cx, uses) {
            if consent_ok && u.required == Required::OptIn {
                continue;
            }
            out.push(
                broken(
                    cx,
                    Code::BrokenNoThirdPartySharing,
                    promise,
                    format!(
                        "{kind} `{name}` gives data to third party `{}`, but promise `{}` says data is not shared with third parties",
                        u.name, promise.name
                    ),
                    &[&u.origin, parent],
                    format!("{kind} {name}"),
                )
                .help(help),
            );
        }
    };
    for s in &cx.policy.statements {
        practice("collect", &s.name, s.identifiable, &s.recipients, &s.origin);
    }
    for c in &cx.policy.cookies {
        // The provider of a third-party cookie receives what it holds (as the P3P
        // output lists it among the cookie statement's recipients).
        let mut uses = c.recipients.clone();
        if let Some(provider) = &c.provider {
            if !uses.iter().any(|u| &u.name == provider) {
                uses.push(RecipientUse {
                    name: provider.clone(),
                    required: Required::Always,
                    origin: c.origin.clone(),
                });
            }
        }
        practice("cookie", &c.name, c.linked, &uses, &c.origin);
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn cookies_not_linked(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    for c in &cx.policy.cookies {
        if c.linked {
            out.push(
                broken(
                    cx,
                    Code::BrokenCookiesNotLinked,
                    promise,
                    format!(
                        "cookie `{}` is linked to personally identifiable information, but promise `{}` says cookies are not",
                        c.name, promise.name
                    ),
                    &[&c.origin],
                    format!("cookie {}", c.name),
                )
                .help("make the cookie `linked no` if that is true, or correct the promise"),
            );
        }
    }
    // REC §3.3.1: data in one identifiable STATEMENT is linked together, so an
    // identifiable statement collecting dynamic.cookies links cookie data to people.
    for s in cx.policy.statements.iter().filter(|s| s.identifiable) {
        if let Some(used) = cx
            .items(&s.data)
            .into_iter()
            .find(|u| is_cookie_data(u.item))
        {
            out.push(
                broken(
                    cx,
                    Code::BrokenCookiesNotLinked,
                    promise,
                    format!(
                        "identifiable statement `{}` collects `dynamic.cookies`, linking cookie data to identified people, but promise `{}` says cookies are not linked",
                        s.name, promise.name
                    ),
                    &used.origins(),
                    format!("collect {}", s.name),
                )
                .help("collect cookies in a `non-identifiable` statement, or correct the promise"),
            );
        }
    }
}

fn no_cross_site_tracking(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    for c in cx.policy.cookies.iter().filter(|c| c.cross_site) {
        out.push(
            broken(
                cx,
                Code::BrokenNoCrossSiteTracking,
                promise,
                format!(
                    "cookie `{}` follows people across other sites, but promise `{}` says cookies are not used for that",
                    c.name, promise.name
                ),
                &[&c.origin],
                format!("cookie {}", c.name),
            )
            .help("make the cookie `cross-site no` if that is true, or correct the promise"),
        );
    }
}

/// Kept when the change notice notifies by email and either notifies before the
/// change takes effect or asks consent for new uses (consent has to be asked
/// before the new use, so it implies prior notice).
fn notify_before_new_use(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    let Some(changes) = &cx.policy.changes else {
        out.push(
            cx.diag(
                Code::BrokenNotifyBeforeNewUse,
                format!(
                    "promise `{}` says people are notified before new uses, but the policy has no `changes` block",
                    promise.name
                ),
                &[&promise.origin],
            )
            .help("add `changes { notify email  before-effective }` (or `consent-for-new-uses`) saying how people are told")
            .target(format!("promise {}", promise.name)),
        );
        return;
    };
    let mut missing = Vec::new();
    if !changes.notify.contains(&NotifyMethod::Email) {
        missing.push("`notify email`");
    }
    if !changes.before_effective && !changes.consent_for_new_uses {
        missing.push("`before-effective` or `consent-for-new-uses`");
    }
    if !missing.is_empty() {
        out.push(
            broken(
                cx,
                Code::BrokenNotifyBeforeNewUse,
                promise,
                format!(
                    "the change notice lacks {}, but promise `{}` says people are notified by email before new uses",
                    missing.join(" and "),
                    promise.name
                ),
                &[&changes.origin],
                "changes".to_string(),
            )
            .help(format!("add {} to the `changes` block, or correct the promise", missing.join(" and "))),
        );
    }
}

/// Whether a data use touches any of the promised names (sets by name or by
/// content, schema elements by overlap).
fn touches(cx: &Context<'_>, data_use: &DataUse, names: &[String]) -> bool {
    let mut elements: Vec<&str> = Vec::new();
    for name in names {
        if let DataUse::Set { name: set, .. } = data_use {
            if set == name {
                return true;
            }
        }
        match cx.datasets.get(name.as_str()) {
            Some(set) => elements.extend(set.items.iter().filter_map(element_name)),
            None => elements.push(name),
        }
    }
    cx.items(std::slice::from_ref(data_use))
        .iter()
        .filter_map(|u| element_name(u.item))
        .any(|e| elements.iter().any(|p| elements_overlap(p, e)))
}

fn not_linked(cx: &Context<'_>, promise: &Promise, names: &[String], out: &mut Vec<Diagnostic>) {
    for s in cx.policy.statements.iter().filter(|s| s.identifiable) {
        if let Some(data_use) = s.data.iter().find(|u| touches(cx, u, names)) {
            let origin = match data_use {
                DataUse::Set { origin, .. } => origin,
                DataUse::Item(item) => &item.origin,
            };
            out.push(
                broken(
                    cx,
                    Code::BrokenNotLinked,
                    promise,
                    format!(
                        "identifiable statement `{}` collects data that promise `{}` says is not linked to personally identifiable information",
                        s.name, promise.name
                    ),
                    &[origin, &s.origin],
                    format!("collect {}", s.name),
                )
                .help("mark the statement `non-identifiable`, move the data to one that is, or correct the promise"),
            );
        }
    }
}

fn no_identifiable_collection(
    cx: &Context<'_>,
    promise: &Promise,
    subjects: &[String],
    out: &mut Vec<Diagnostic>,
) {
    for s in cx.policy.statements.iter().filter(|s| s.identifiable) {
        // A statement without `from` collects from everyone, these subjects included.
        let hit: Vec<&str> = if s.subjects.is_empty() {
            subjects.iter().map(String::as_str).collect()
        } else {
            s.subjects
                .iter()
                .filter(|n| subjects.contains(n))
                .map(String::as_str)
                .collect()
        };
        if hit.is_empty() {
            continue;
        }
        let (from, at) = if s.subjects.is_empty() {
            ("everyone (it has no `from`)".to_string(), s.origin.clone())
        } else {
            (quoted(&hit), cx.locate_name(&s.origin, "from", hit[0]))
        };
        out.push(
            broken(
                cx,
                Code::BrokenNoIdentifiableCollection,
                promise,
                format!(
                    "identifiable statement `{}` collects from {from}, but promise `{}` says no personally identifiable information is collected from {}",
                    s.name,
                    promise.name,
                    quoted(&hit)
                ),
                &[&at],
                format!("collect {}", s.name),
            )
            .help("mark the statement `non-identifiable`, limit its `from`, or correct the promise"),
        );
    }
}

fn only_stated_purpose(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    let consent_ok = excepts(promise, Exception::Consent);
    for s in cx.policy.statements.iter().filter(|s| s.identifiable) {
        for u in &s.purposes {
            let allowed = matches!(
                u.purpose,
                Purpose::Current | Purpose::Admin | Purpose::Develop
            ) || (consent_ok && u.required == Required::OptIn);
            if allowed {
                continue;
            }
            out.push(
                broken(
                    cx,
                    Code::BrokenOnlyStatedPurpose,
                    promise,
                    format!(
                        "statement `{}` uses identifiable data for `{}`, but promise `{}` says it is used only for the purpose it was provided for",
                        s.name, u.purpose, promise.name
                    ),
                    &[&u.origin, &s.origin],
                    format!("collect {}", s.name),
                )
                .help("remove the purpose, make it `opt-in` and add `except consent` to the promise, or correct the promise"),
            );
        }
    }
}
