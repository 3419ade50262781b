//! Internal sense (`Q5xx`): statements that contradict each other, or promise a
//! right or a choice without the means to use it.

use super::context::{categories, is_cookie_data, purpose_choice, Context};
use super::references::right_word;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{MeasureKind, PurposeUse, RetentionUse, RightKind, Statement};
use crate::span::Origin;
use crate::vocabulary::{Access, Category, Purpose, Required, Retention};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    historical_without_retention(cx, out);
    individual_use_of_non_identifiable(cx, out);
    sensitive_data_unencrypted(cx, out);
    retention_period_unstated(cx, out);
    access_contradicts_right(cx, out);
    nonident_access_with_identifiable_data(cx, out);
    linked_cookie_without_identifiable_statement(cx, out);
    choice_without_opt_out(cx, out);
    contact_without_contact_data(cx, out);
    right_without_means(cx, out);
}

/// Every practice that has purposes and retention: (target, purposes, retention,
/// identifiable, origin).
struct Practice<'a> {
    target: String,
    purposes: &'a [PurposeUse],
    retention: Option<&'a RetentionUse>,
    identifiable: bool,
    origin: &'a Origin,
    kind: &'static str,
}

/// Statements, cookies (identifiable when linked) and sharing rules.
fn practices<'a>(cx: &Context<'a>) -> Vec<Practice<'a>> {
    let p = cx.policy;
    let mut out: Vec<Practice<'a>> = p
        .statements
        .iter()
        .map(|s| Practice {
            target: format!("collect {}", s.name),
            purposes: &s.purposes,
            retention: s.retention.as_ref(),
            identifiable: s.identifiable,
            origin: &s.origin,
            kind: "statement",
        })
        .collect();
    out.extend(p.cookies.iter().map(|c| Practice {
        target: format!("cookie {}", c.name),
        purposes: &c.purposes,
        retention: c.retention.as_ref(),
        identifiable: c.linked,
        origin: &c.origin,
        kind: "cookie",
    }));
    out.extend(p.sharing.iter().map(|sh| Practice {
        target: format!("share {}", sh.name),
        purposes: &sh.purposes,
        retention: None,
        identifiable: sh.identifiable,
        origin: &sh.origin,
        kind: "sharing rule",
    }));
    out
}

fn historical_without_retention(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for pr in practices(cx) {
        let Some(ret) = pr.retention.filter(|r| r.value == Retention::NoRetention) else {
            continue;
        };
        if let Some(u) = pr
            .purposes
            .iter()
            .find(|u| u.purpose == Purpose::Historical)
        {
            out.push(
                cx.diag(
                    Code::HistoricalWithoutRetention,
                    format!(
                        "{} `{}` keeps data for historical preservation but says it is not retained",
                        pr.kind,
                        name_of(&pr.target)
                    ),
                    &[&u.origin, pr.origin],
                )
                .label(&ret.origin, "`no-retention` here")
                .help("choose the retention the site really practises (e.g. `indefinitely`), or drop `historical`")
                .target(pr.target.clone()),
            );
        }
    }
}

fn name_of(target: &str) -> &str {
    target.split_once(' ').map_or(target, |(_, n)| n)
}

fn individual_use_of_non_identifiable(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for pr in practices(cx).into_iter().filter(|p| !p.identifiable) {
        for u in pr.purposes.iter().filter(|u| {
            matches!(
                u.purpose,
                Purpose::IndividualAnalysis | Purpose::IndividualDecision
            )
        }) {
            let what = if pr.kind == "cookie" {
                "is not linked to identified people (`linked no`)"
            } else {
                "is `non-identifiable`"
            };
            out.push(
                cx.diag(
                    Code::IndividualUseOfNonIdentifiable,
                    format!(
                        "{} `{}` {what} but is used for `{}`, which needs identified data",
                        pr.kind,
                        name_of(&pr.target),
                        u.purpose
                    ),
                    &[&u.origin, pr.origin],
                )
                .help(format!(
                    "use the pseudonymous purpose (`{}`) or declare the data identifiable",
                    if u.purpose == Purpose::IndividualAnalysis {
                        "pseudo-analysis"
                    } else {
                        "pseudo-decision"
                    }
                ))
                .target(pr.target.clone()),
            );
        }
    }
}

fn sensitive_data_unencrypted(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let encrypted = |cat: Category| {
        cx.policy.security.iter().any(|m| {
            m.kind == MeasureKind::TransportEncryption
                && (m.covers.is_empty() || m.covers.contains(&cat))
        })
    };
    let watched = [Category::Financial, Category::Health, Category::Government];
    for s in &cx.policy.statements {
        let mut found: Vec<Category> = Vec::new();
        let mut first: Option<[&Origin; 2]> = None;
        for used in cx.items(&s.data) {
            for cat in categories(used.item) {
                if watched.contains(&cat) && !encrypted(cat) && !found.contains(&cat) {
                    found.push(cat);
                    first.get_or_insert(used.origins());
                }
            }
        }
        let Some(at) = first else { continue };
        found.sort();
        let words: Vec<&str> = found.iter().map(|c| word(*c)).collect();
        out.push(
            cx.diag(
                Code::SensitiveDataUnencrypted,
                format!(
                    "statement `{}` collects {} data, but no `transport-encryption` measure covers it",
                    s.name,
                    super::structure::join_and(&words)
                ),
                &[at[0], at[1], &s.origin],
            )
            .help(format!(
                "add to `security`: transport-encryption \"...\" covers {}",
                words.join(", ")
            ))
            .target(format!("collect {}", s.name)),
        );
    }
}

fn word(c: Category) -> &'static str {
    use crate::vocabulary::Term;
    c.word()
}

/// Whether a statement's retention period is stated: on its `retain` line or by a
/// `retention` rule that applies to it.
fn period_stated(cx: &Context<'_>, s: &Statement, ret: &RetentionUse) -> bool {
    let filled = |v: Option<&str>| v.is_some_and(|t| !t.trim().is_empty());
    filled(ret.period.as_deref())
        || cx
            .retention_stated
            .as_ref()
            .is_none_or(|names| names.contains(s.name.as_str()))
}

fn retention_period_unstated(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // REC §3.3.6: stated-purpose and business-practices retention need a
    // destruction timetable stated in the human-readable policy.
    let needs_period = |r: &RetentionUse| {
        matches!(
            r.value,
            Retention::StatedPurpose | Retention::BusinessPractices
        )
    };
    for s in &cx.policy.statements {
        let Some(ret) = s.retention.as_ref().filter(|r| needs_period(r)) else {
            continue;
        };
        if !period_stated(cx, s, ret) {
            out.push(
                cx.diag(
                    Code::RetentionPeriodUnstated,
                    format!(
                        "statement `{}` keeps data `{}` but never says for how long",
                        s.name, ret.value
                    ),
                    &[&ret.origin, &s.origin],
                )
                .help(format!(
                    "write the period after the value (`retain {} \"while the account is active\"`) or add a `retention` rule that applies to `{}`",
                    ret.value, s.name
                ))
                .target(format!("collect {}", s.name)),
            );
        }
    }
    for c in &cx.policy.cookies {
        let Some(ret) = c.retention.as_ref().filter(|r| needs_period(r)) else {
            continue;
        };
        let stated = [ret.period.as_deref(), c.lifetime.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| !t.trim().is_empty());
        if !stated {
            out.push(
                cx.diag(
                    Code::RetentionPeriodUnstated,
                    format!(
                        "cookie `{}` keeps data `{}` but states neither a period nor a lifetime",
                        c.name, ret.value
                    ),
                    &[&ret.origin, &c.origin],
                )
                .help(format!(
                    "write the period (`retain {} \"30 days\"`) or the cookie's `lifetime`",
                    ret.value
                ))
                .target(format!("cookie {}", c.name)),
            );
        }
    }
}

fn access_contradicts_right(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(access @ (Access::None | Access::Nonident)) = cx.policy.access else {
        return;
    };
    for right in cx
        .policy
        .rights
        .iter()
        .filter(|r| r.kind == RightKind::Access)
    {
        out.push(
            cx.diag(
                Code::AccessContradictsRight,
                format!(
                    "the policy grants a right of access but its access level is `{access}`"
                ),
                &[&right.origin],
            )
            .label(&cx.policy.origin, format!("`access {access}` is declared for this policy"))
            .help("declare the access level people really have (all, contact-and-other, ident-contact, other-ident), or remove the right")
            .target(format!("right {}", right_word(right.kind))),
        );
    }
}

fn nonident_access_with_identifiable_data(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // REC §3.2.5: `nonident` means the site collects no identified data. REC
    // Example 3.1 pairs it with an identifiable statement of clickstream data, so
    // only data that names or reaches a person contradicts it: contact details
    // (`physical`, `online`) and government identifiers (as X716 reads `NOI`).
    if cx.policy.access != Some(Access::Nonident) {
        return;
    }
    let identifying = [Category::Physical, Category::Online, Category::Government];
    for s in cx.policy.statements.iter().filter(|s| identifiable(cx, s)) {
        let Some(used) = cx
            .items(&s.data)
            .into_iter()
            .find(|u| categories(u.item).iter().any(|c| identifying.contains(c)))
        else {
            continue;
        };
        let at = used.origins();
        out.push(
            cx.diag(
                Code::NonidentAccessWithIdentifiableData,
                format!(
                    "the policy declares `access nonident` (no identified data is collected), but statement `{}` collects contact or identity data",
                    s.name
                ),
                &[at[0], at[1], &s.origin],
            )
            .label(&cx.policy.origin, "`access nonident` is declared for this policy")
            .help("mark the statement `non-identifiable` if the data is anonymised, or declare the access people have to their identified data")
            .target(format!("collect {}", s.name)),
        );
    }
}

fn linked_cookie_without_identifiable_statement(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let collecting: Vec<&Statement> = cx
        .policy
        .statements
        .iter()
        .filter(|s| cx.items(&s.data).iter().any(|u| is_cookie_data(u.item)))
        .collect();
    // With several cookies, the non-identifiable statement may be about another
    // cookie (anonymous statistics beside a truthfully linked sign-in cookie):
    // only a lone cookie is surely the one collected.
    if collecting.is_empty()
        || collecting.iter().any(|s| identifiable(cx, s))
        || cx.policy.cookies.len() != 1
    {
        return;
    }
    for c in cx.policy.cookies.iter().filter(|c| c.linked) {
        let mut d = cx.diag(
            Code::LinkedCookieWithoutIdentifiableStatement,
            format!(
                "cookie `{}` is linked to identified people, but every statement that collects cookies is non-identifiable",
                c.name
            ),
            &[&c.origin],
        );
        for s in &collecting {
            d = d.label(
                &s.origin,
                format!("`{}` collects cookies non-identifiably", s.name),
            );
        }
        out.push(
            d.help("make the cookie `linked no`, or make a statement collecting `dynamic.cookies` identifiable")
                .target(format!("cookie {}", c.name)),
        );
    }
}

fn choice_without_opt_out(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let covered = |name: &str| {
        !p.opt_outs.is_empty() && cx.opt_out_covered.as_ref().is_none_or(|n| n.contains(name))
    };
    let chosen = |purposes: &[PurposeUse], recipients: &[crate::model::RecipientUse]| {
        purposes.iter().any(purpose_choice) || recipients.iter().any(|u| cx.recipient_choice(u))
    };
    let mut report = |kind: &str, name: &str, origin: &Origin| {
        if !covered(name) {
            out.push(
                cx.diag(
                    Code::ChoiceWithoutOptOut,
                    format!("{kind} `{name}` offers an opt-in or opt-out choice, but no `opt-out` channel covers it"),
                    &[origin],
                )
                .help(format!(
                    "add `opt-out NAME \"how to choose\" {{ covers {name} }}` so people know how to make the choice"
                ))
                .target(format!("{kind} {name}")),
            );
        }
    };
    for s in &p.statements {
        if chosen(&s.purposes, &s.recipients) {
            report("collect", &s.name, &s.origin);
        }
    }
    for c in &p.cookies {
        if chosen(&c.purposes, &c.recipients) {
            report("cookie", &c.name, &c.origin);
        }
    }
    for sh in &p.sharing {
        if sh.choice != Required::Always || chosen(&sh.purposes, &[]) {
            report("share", &sh.name, &sh.origin);
        }
    }
}

/// Whether a statement is identifiable, as declared or as derived from its data.
fn identifiable(cx: &Context<'_>, s: &Statement) -> bool {
    cx.practice(crate::facts::PracticeKind::Statement, &s.name)
        .map_or(s.identifiable, crate::facts::Practice::identifiable)
}

/// Whether a data leaf is a telephone number: a `telecom` element, or custom
/// data that says so. A name is not one, whatever its P3P category.
fn is_phone(d: &crate::facts::DataFact) -> bool {
    match &d.leaf {
        crate::facts::Leaf::Element(e) => e.contains(".telecom."),
        other => {
            let t = other.text().to_ascii_lowercase();
            t.contains("phone") || t.contains("mobile number")
        }
    }
}

/// Whether a data leaf reaches a person: an email or other online contact, a
/// street address, a telephone number.
fn is_contact(d: &crate::facts::DataFact) -> bool {
    is_phone(d)
        || d.categories.contains(&Category::Online)
        || d.leaf
            .element()
            .is_some_and(|e| e.ends_with(".postal.street"))
        || matches!(&d.leaf, crate::facts::Leaf::Custom(_) if d.categories.contains(&Category::Physical))
}

fn contact_without_contact_data(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut contact = false;
    let mut phone = false;
    for p in cx
        .facts
        .of_kind(crate::facts::PracticeKind::Statement)
        .filter(|p| p.identifiable())
    {
        for d in &p.data {
            contact |= is_contact(d);
            phone |= is_phone(d);
        }
    }
    for pr in practices(cx) {
        for u in pr.purposes {
            let lacking = match u.purpose {
                Purpose::Contact if !contact => {
                    "contact data (an email address, a street address or a telephone number)"
                }
                Purpose::Telemarketing if !phone => "a telephone number",
                _ => continue,
            };
            out.push(
                cx.diag(
                    Code::ContactPurposeWithoutContactData,
                    format!(
                        "{} `{}` is used for `{}`, but no identifiable statement collects {lacking}",
                        pr.kind,
                        name_of(&pr.target),
                        u.purpose
                    ),
                    &[&u.origin, pr.origin],
                )
                .help("collect the contact data in an identifiable statement, or drop the purpose")
                .target(pr.target.clone()),
            );
        }
    }
}

fn right_without_means(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for right in cx.policy.rights.iter().filter(|r| r.how.trim().is_empty()) {
        let kind = right_word(right.kind);
        out.push(
            cx.diag(
                Code::RightWithoutMeans,
                format!("the {kind} right does not say how to exercise it"),
                &[&right.origin],
            )
            .help(format!(
                "write how: `right {kind} \"Email privacy@example.com\"`"
            ))
            .target(format!("right {kind}")),
        );
    }
}
