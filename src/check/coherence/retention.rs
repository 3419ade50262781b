//! Retention coherence: `no-retention` beside ongoing contact (Q511), the P3P
//! retention value against its written period (Q512), two periods for one
//! statement (Q513), a deletion right beside keep-forever (Q514).

use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{Practice, PracticeKind};
use crate::model::RightKind;
use crate::period::{self, Comparison, Length};
use crate::vocabulary::{Purpose, Retention};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.facts.practices {
        no_retention_with_contact(cx, p, out);
        value_against_period(cx, p, out);
    }
    two_periods(cx, out);
    deletion_beside_forever(cx, out);
}

fn no_retention_with_contact(cx: &Context<'_>, p: &Practice, out: &mut Vec<Diagnostic>) {
    let Some(r) = p
        .retention
        .as_ref()
        .filter(|r| r.value == Some(Retention::NoRetention))
    else {
        return;
    };
    let Some(u) = p
        .purposes
        .iter()
        .find(|u| matches!(u.purpose, Purpose::Contact | Purpose::Telemarketing))
    else {
        return;
    };
    out.push(
        cx.diag(
            Code::NoRetentionWithOngoingContact,
            format!(
                "{} `{}` is used for `{}` (contacting people later), but says the data is not retained",
                p.kind.noun(),
                p.name,
                u.purpose
            ),
            &[&r.origin, &p.origin],
        )
        .label(&u.origin, "ongoing contact needs the contact data kept")
        .help("declare the retention the site practises (`stated-purpose \"until you unsubscribe\"`), or drop the purpose")
        .target(p.target()),
    );
}

fn value_against_period(cx: &Context<'_>, p: &Practice, out: &mut Vec<Diagnostic>) {
    let Some(r) = &p.retention else { return };
    let (Some(value), Some(text)) = (r.value, r.period.as_deref()) else {
        return;
    };
    let Some(parsed) = period::parse(text) else {
        return;
    };
    let wrong = match (value, parsed.length) {
        (Retention::Indefinitely, Length::Bounded { .. } | Length::Session) => {
            "`indefinitely` means no end, but the period has one"
        }
        (Retention::NoRetention, Length::Indefinite | Length::AtLeast(_)) => {
            "`no-retention` means discarded after the interaction, but the period has no end"
        }
        (Retention::NoRetention, Length::Bounded { high, .. })
            if high.months > 0.0 || high.seconds > 86_400.0 =>
        {
            "`no-retention` means discarded after the interaction, but the period runs longer than a day"
        }
        (Retention::StatedPurpose | Retention::BusinessPractices, Length::Indefinite) => {
            "a destruction timetable (REC §3.3.6) cannot be `indefinite`"
        }
        _ => return,
    };
    out.push(
        cx.diag(
            Code::RetentionValueAgainstPeriod,
            format!(
                "{} `{}` keeps data `{value}` \"{text}\": {wrong}",
                p.kind.noun(),
                p.name
            ),
            &[&r.origin, &p.origin],
        )
        .help(
            "choose the P3P retention value that matches the period the policy states (REC §3.3.6)",
        )
        .target(p.target()),
    );
}

fn two_periods(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in cx.facts.of_kind(PracticeKind::Statement) {
        let mut periods: Vec<(String, &str, &crate::span::Origin)> = Vec::new();
        if let Some(r) = &s.retention {
            if let Some(t) = r.period.as_deref() {
                periods.push(("its `retain` line".to_string(), t, &r.origin));
            }
        }
        for rule in &s.retention_rules {
            if let Some(r) = cx
                .practice(PracticeKind::Retention, rule)
                .and_then(|p| p.retention.as_ref())
            {
                // Only rules naming the statement: a rule for everything is a default.
                let specific = cx
                    .policy
                    .retention
                    .iter()
                    .any(|x| &x.name == rule && !x.applies_to.is_empty());
                if let (true, Some(t)) = (specific, r.period.as_deref()) {
                    periods.push((format!("retention rule `{rule}`"), t, &r.origin));
                }
            }
        }
        'pairs: for (i, a) in periods.iter().enumerate() {
            for b in &periods[i + 1..] {
                let (Some(pa), Some(pb)) = (period::parse(a.1), period::parse(b.1)) else {
                    continue;
                };
                let mut pa = pa;
                let mut pb = pb;
                pa.rest.clear();
                pb.rest.clear();
                if matches!(pa.compare(&pb), Comparison::Longer | Comparison::Shorter) {
                    out.push(
                        cx.diag(
                            Code::TwoRetentionPeriods,
                            format!(
                                "statement `{}` is given two retention periods: \"{}\" ({}) and \"{}\" ({})",
                                s.name, a.1, a.0, b.1, b.0
                            ),
                            &[b.2, &s.origin],
                        )
                        .label(a.2, format!("\"{}\" here", a.1))
                        .help("state one period for the data, or split the statement so each period has its own data")
                        .target(s.target()),
                    );
                    break 'pairs;
                }
            }
        }
    }
}

fn deletion_beside_forever(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(right) = cx
        .policy
        .rights
        .iter()
        .find(|r| r.kind == RightKind::Deletion && r.limits.is_none())
    else {
        return;
    };
    // A retention rule whose period has no end ("kept forever"), applied to a
    // statement that collects identifying data.
    for rule in cx.facts.of_kind(PracticeKind::Retention) {
        let Some(r) = rule.retention.as_ref() else {
            continue;
        };
        let forever = r.value == Some(Retention::Indefinitely)
            || r.period
                .as_deref()
                .and_then(period::parse)
                .is_some_and(|x| x.length == Length::Indefinite);
        if !forever {
            continue;
        }
        let Some(p) = cx
            .facts
            .of_kind(PracticeKind::Statement)
            .find(|p| p.derived.identifying.value && p.retention_rules.contains(&rule.name))
        else {
            continue;
        };
        out.push(
            cx.diag(
                Code::DeletionRightBesideKeepForever,
                format!(
                    "the policy grants a right to deletion, but retention rule `{}` keeps the identifiable data of statement `{}` with no end",
                    rule.name, p.name
                ),
                &[&rule.origin],
            )
            .label(&right.origin, "right to deletion here")
            .label(&p.origin, "identifiable data here")
            .help("state the retention that applies after a deletion request, or say in the right's `limits` what is kept")
            .target(rule.target()),
        );
    }
    for p in cx.facts.practices.iter().filter(|p| {
        p.kind == PracticeKind::Statement
            && p.derived.identifying.value
            && p.retention
                .as_ref()
                .is_some_and(|r| r.value == Some(Retention::Indefinitely))
    }) {
        let Some(r) = &p.retention else { continue };
        out.push(
            cx.diag(
                Code::DeletionRightBesideKeepForever,
                format!(
                    "the policy grants a right to deletion, but statement `{}` keeps identifiable data `indefinitely`",
                    p.name
                ),
                &[&r.origin, &p.origin],
            )
            .label(&right.origin, "right to deletion here")
            .help("state the retention that applies after a deletion request (`stated-purpose \"until you ask us to delete it\"`), or say in the right's `limits` what is kept")
            .target(p.target()),
        );
    }
}
