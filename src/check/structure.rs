//! P3P structural rules (`P3xx`): what a POLICY must contain to be valid P3P 1.0.

use super::context::{element_name, purpose_choice, Context};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DataItem, DataRef, PurposeUse, RecipientUse};
use crate::span::Origin;
use crate::vocabulary::{self, Category, Purpose, Recipient, Required};

/// One day: the shortest lifetime user agents honour (REC §2.3.2.3).
const ONE_DAY_SECONDS: u64 = 86_400;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    policy_attributes(cx, out);
    entity(cx, out);
    statements(cx, out);
    linked_cookies(cx, out);
    choices(cx, out);
    data_categories(cx, out);
    disputes(cx, out);
}

fn policy_attributes(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let here = [&p.origin];
    // REC §3.2.2: POLICY/@name is an XML ID and the fragment of POLICY-REF/@about (REC §2.3.2).
    if !valid_policy_name(&p.name) {
        out.push(
            cx.diag(
                Code::InvalidPolicyName,
                format!(
                    "policy name `{}` is not a valid XML name usable as a URL fragment",
                    p.name
                ),
                &here,
            )
            .help(
                "start the name with a letter and use only ASCII letters, digits, `-`, `_` and `.`",
            )
            .target(cx.policy_target()),
        );
    }
    // REC §3.2.2: discuri is a required attribute.
    if p.discuri.as_deref().is_none_or(|u| u.trim().is_empty()) {
        out.push(
            cx.diag(
                Code::MissingDiscuri,
                format!("policy `{}` has no `discuri`", p.name),
                &here,
            )
            .help("add `discuri \"https://...\"`: the URL where the human-readable policy is published")
            .target(cx.policy_target()),
        );
    }
    // REC §3.2.5: exactly one ACCESS per POLICY.
    if p.access.is_none() {
        out.push(
            cx.diag(
                Code::MissingAccess,
                format!("policy `{}` does not say what access people have to their data", p.name),
                &here,
            )
            .help("add `access LEVEL`: nonident, all, contact-and-other, ident-contact, other-ident or none")
            .target(cx.policy_target()),
        );
    }
    // REC §3.2.1: POLICY holds STATEMENT+; cookies become statements too.
    if p.statements.is_empty() && p.cookies.is_empty() {
        out.push(
            cx.diag(
                Code::NoStatements,
                format!("policy `{}` has no `collect` or `cookie` block", p.name),
                &here,
            )
            .help("add a `collect NAME { ... }` block for each kind of data the site collects")
            .target(cx.policy_target()),
        );
    }
    // REC §2.3.2.3: a relative expiry below 86400 s is treated as 86400 s.
    if let Some(seconds) = p.expiry_seconds.filter(|s| *s < ONE_DAY_SECONDS) {
        out.push(
            cx.diag(
                Code::ShortExpiry,
                format!("expiry of {seconds} seconds is below one day; user agents will cache the policy for a day anyway"),
                &here,
            )
            .help("use `expiry 1 days` or more, or remove `expiry` for the one-day default")
            .target(cx.policy_target()),
        );
    }
}

/// An XML `NCName` restricted to ASCII, so it is also a plain URL fragment.
pub(crate) fn valid_policy_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn entity(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    // REC §3.2.4: exactly one ENTITY, with business.name and contact information.
    let Some(entity) = &p.entity else {
        out.push(
            cx.diag(
                Code::IncompleteEntity,
                format!("policy `{}` has no `entity`", p.name),
                &[&p.origin],
            )
            .help("add `entity \"Legal Name\" { email \"...\" }` naming who is responsible for the policy")
            .target("entity"),
        );
        return;
    };
    let mut missing = Vec::new();
    if entity.name.trim().is_empty() {
        missing.push("no legal name");
    }
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let has_postal = entity.postal.as_ref().is_some_and(|a| {
        !a.street.is_empty()
            || filled(&a.city)
            || filled(&a.postalcode)
            || filled(&a.country)
            || filled(&a.organization)
    });
    if !(filled(&entity.email) || filled(&entity.phone) || filled(&entity.url) || has_postal) {
        missing.push("no way to contact it (email, phone, postal or url)");
    }
    if !missing.is_empty() {
        out.push(
            cx.diag(
                Code::IncompleteEntity,
                format!("the entity has {}", missing.join(" and ")),
                &[&entity.origin],
            )
            .help("give the entity its legal name and at least one of `email`, `phone`, `postal { ... }` or `url`")
            .target("entity"),
        );
    }
}

fn statements(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.policy.statements {
        // REC §3.3.1 (and §3.3.4-6): without NON-IDENTIFIABLE, PURPOSE, RECIPIENT,
        // RETENTION and DATA-GROUP are all required.
        if !s.identifiable {
            continue;
        }
        let mut missing = Vec::new();
        if s.purposes.is_empty() {
            missing.push("purposes (`for`)");
        }
        if s.recipients.is_empty() {
            missing.push("recipients (`to`)");
        }
        if s.retention.is_none() {
            missing.push("retention (`retain`)");
        }
        if s.data.is_empty() {
            missing.push("data (`data`)");
        }
        if !missing.is_empty() {
            out.push(
                cx.diag(
                    Code::IncompleteStatement,
                    format!(
                        "identifiable statement `{}` is missing {}",
                        s.name,
                        join_and(&missing)
                    ),
                    &[&s.origin],
                )
                .help("P3P requires every identifiable statement to have purposes, recipients, retention and data; add the missing lines, or mark it `non-identifiable`")
                .target(format!("collect {}", s.name)),
            );
        }
    }
}

fn linked_cookies(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A linked cookie becomes an identifiable STATEMENT about `dynamic.cookies`
    // (recipients default to `ours`), so REC §3.3.1 requires purposes and retention.
    for c in cx.policy.cookies.iter().filter(|c| c.linked) {
        let mut missing = Vec::new();
        if c.purposes.is_empty() {
            missing.push("purposes (`for`)");
        }
        if c.retention.is_none() {
            missing.push("retention (`retain`)");
        }
        if !missing.is_empty() {
            out.push(
                cx.diag(
                    Code::IncompleteStatement,
                    format!(
                        "cookie `{}` is linked to identified people but is missing {}",
                        c.name,
                        join_and(&missing)
                    ),
                    &[&c.origin],
                )
                .help("a linked cookie is an identifiable P3P statement: add `for ...` and `retain ...` to the cookie block, or make it `linked no`")
                .target(format!("cookie {}", c.name)),
            );
        }
    }
}

pub(crate) fn join_and(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Every purpose and recipient use in the policy, with the element holding it.
type Uses<'a, T> = Vec<(&'a T, String, &'a Origin)>;

fn choice_uses<'a>(cx: &Context<'a>) -> (Uses<'a, PurposeUse>, Uses<'a, RecipientUse>) {
    let p = cx.policy;
    let mut purposes = Vec::new();
    let mut recipients = Vec::new();
    for s in &p.statements {
        let t = format!("collect {}", s.name);
        purposes.extend(s.purposes.iter().map(|u| (u, t.clone(), &s.origin)));
        recipients.extend(s.recipients.iter().map(|u| (u, t.clone(), &s.origin)));
    }
    for c in &p.cookies {
        let t = format!("cookie {}", c.name);
        purposes.extend(c.purposes.iter().map(|u| (u, t.clone(), &c.origin)));
        recipients.extend(c.recipients.iter().map(|u| (u, t.clone(), &c.origin)));
    }
    for sh in &p.sharing {
        let t = format!("share {}", sh.name);
        purposes.extend(sh.purposes.iter().map(|u| (u, t.clone(), &sh.origin)));
    }
    (purposes, recipients)
}

fn choices(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let (purposes, recipients) = choice_uses(cx);
    let mut first_choice: Option<(&Origin, String)> = None;
    for (u, target, parent) in &purposes {
        // REC §3.3.4: `current` never carries `required`.
        if u.purpose == Purpose::Current && u.required != Required::Always {
            out.push(
                cx.diag(
                    Code::ChoiceNotAllowed,
                    format!("the `current` purpose cannot be `{}`", u.required),
                    &[&u.origin, parent],
                )
                .help("remove the choice: completing the activity a person asked for is never optional in P3P")
                .target(target.clone()),
            );
        }
        // REC §3.3.4: other-purpose carries its description as content.
        if u.purpose == Purpose::OtherPurpose
            && u.description.as_deref().is_none_or(|d| d.trim().is_empty())
        {
            out.push(
                cx.diag(
                    Code::UndescribedOtherPurpose,
                    "`other-purpose` has no description",
                    &[&u.origin, parent],
                )
                .help("write `other-purpose \"what the data is used for\"`")
                .target(target.clone()),
            );
        }
        // A choice on `current` is reported above (P303) and dropped from P3P output.
        if purpose_choice(u) && first_choice.is_none() {
            first_choice = Some((pick(&u.origin, parent), target.clone()));
        }
    }
    for (u, target, parent) in &recipients {
        let kind = cx.recipient_kind(&u.name);
        // REC §3.3.5: `ours` never carries `required`.
        if kind == Some(Recipient::Ours) && u.required != Required::Always {
            out.push(
                cx.diag(
                    Code::ChoiceNotAllowed,
                    format!(
                        "recipient `{}` is of kind `ours` and cannot be `{}`",
                        u.name, u.required
                    ),
                    &[&u.origin, parent],
                )
                .help("remove the choice: keeping data with the site and its agents is never optional in P3P")
                .target(target.clone()),
            );
        }
        if cx.recipient_choice(u) && first_choice.is_none() {
            first_choice = Some((pick(&u.origin, parent), target.clone()));
        }
    }
    if first_choice.is_none() {
        // A sharing rule's choice becomes its recipients' `required` in P3P.
        first_choice = p
            .sharing
            .iter()
            .find(|sh| sh.choice != Required::Always)
            .map(|sh| (&sh.origin, format!("share {}", sh.name)));
    }
    // REC §3.2.2: opturi is mandatory when any choice is opt-in or opt-out.
    if let Some((origin, _)) = first_choice {
        if p.opturi.as_deref().is_none_or(|u| u.trim().is_empty()) {
            out.push(
                cx.diag(
                    Code::MissingOptUri,
                    format!(
                        "policy `{}` offers an opt-in or opt-out choice but has no `opturi`",
                        p.name
                    ),
                    &[&p.origin],
                )
                .label(origin, "a choice is offered here")
                .help("add `opturi \"https://...\"` (or `mailto:`): where people make their choice")
                .target(cx.policy_target()),
            );
        }
    }
}

/// The entry's own origin when it has a span, else its parent's.
fn pick<'a>(own: &'a Origin, parent: &'a Origin) -> &'a Origin {
    if own.span().is_some() {
        own
    } else {
        parent
    }
}

/// Whether an item needs declared categories: variable-category elements and custom data.
fn needs_categories(item: &DataItem) -> bool {
    match &item.data {
        DataRef::Custom(_) => true,
        DataRef::Schema(_) => element_name(item)
            .and_then(vocabulary::lookup_data)
            .is_some_and(|e| e.variable),
    }
}

fn data_categories(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let mut items: Vec<(&DataItem, String, bool)> = Vec::new();
    for d in &p.datasets {
        let described = d
            .description
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        items.extend(
            d.items
                .iter()
                .map(|i| (i, format!("data {}", d.name), described)),
        );
    }
    let in_place = p
        .statements
        .iter()
        .map(|s| (&s.data, format!("collect {}", s.name)))
        .chain(
            p.sharing
                .iter()
                .map(|sh| (&sh.data, format!("share {}", sh.name))),
        );
    for (uses, target) in in_place {
        for u in uses {
            if let crate::model::DataUse::Item(i) = u {
                items.push((i, target.clone(), false));
            }
        }
    }
    for (item, target, set_described) in items {
        let what = match &item.data {
            DataRef::Schema(name) => format!("`{name}`"),
            DataRef::Custom(text) => format!("custom data \"{}\"", text.trim()),
        };
        // REC §3.4, §5.5.4: variable-category and custom data must declare categories.
        if item.categories.is_empty() && needs_categories(item) {
            out.push(
                cx.diag(
                    Code::MissingCategories,
                    format!("{what} has no fixed categories and declares none"),
                    &[&item.origin],
                )
                .help("add `categories ...` to the item, e.g. `categories purchase, preference`")
                .target(target.clone()),
            );
        }
        // REC §3.4: other-category carries a description.
        if item.categories.contains(&Category::OtherCategory) {
            let described = match &item.data {
                DataRef::Custom(text) => !text.trim().is_empty(),
                DataRef::Schema(_) => set_described,
            };
            if !described {
                out.push(
                    cx.diag(
                        Code::UndescribedOtherCategory,
                        format!("{what} is `other-category` but nothing describes it"),
                        &[&item.origin],
                    )
                    .help("describe the data: a non-empty custom description, or put it in a `data` set with a description")
                    .target(target),
                );
            }
        }
    }
    for c in &p.cookies {
        let target = format!("cookie {}", c.name);
        // REC §3.4, §5.5.4: a cookie is `dynamic.cookies`, a variable-category element.
        if c.categories.is_empty() {
            out.push(
                cx.diag(
                    Code::MissingCategories,
                    format!(
                        "cookie `{}` declares no categories for what it holds",
                        c.name
                    ),
                    &[&c.origin],
                )
                .help("add `categories state, ...` to the cookie block")
                .target(target.clone()),
            );
        }
        if c.categories.contains(&Category::OtherCategory)
            && c.holds.as_deref().is_none_or(|h| h.trim().is_empty())
        {
            out.push(
                cx.diag(
                    Code::UndescribedOtherCategory,
                    format!(
                        "cookie `{}` is `other-category` but does not say what it holds",
                        c.name
                    ),
                    &[&c.origin],
                )
                .help("add `holds \"...\"` saying what the cookie stores")
                .target(target),
            );
        }
    }
}

fn disputes(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // REC §3.2.6: DISPUTES/@service is required.
    for d in &cx.policy.disputes {
        if d.service.trim().is_empty() {
            out.push(
                cx.diag(
                    Code::DisputeWithoutService,
                    format!("`{}` dispute has no service URI", d.resolution),
                    &[&d.origin],
                )
                .help("write `dispute TYPE \"https://...\"` with the URI of the service that handles complaints")
                .target(cx.policy_target()),
            );
        }
    }
}
