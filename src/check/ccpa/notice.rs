//! Policy-level CCPA items: rights and how to exercise them, request methods,
//! verification, agents, contact, opt-out and limit links, GPC, sensitive
//! information, minors, incentives, last update.

use super::flows::Practice;
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{MinorConsent, RightKind};
use crate::span::Origin;
use crate::vocabulary::LawTerm;

fn blank(v: Option<&str>) -> bool {
    v.is_none_or(|t| t.trim().is_empty())
}

#[allow(clippy::too_many_lines)] // one block per notice item, in the order of § 7011
pub(super) fn check(cx: &Context<'_>, practices: &[Practice<'_>], out: &mut Vec<Diagnostic>) {
    let p = cx.policy;
    let legal = &p.legal;
    let ccpa = legal.ccpa.as_ref();
    let ccpa_origin: &Origin = ccpa.map_or(&p.origin, |c| &c.origin);
    let push =
        |out: &mut Vec<Diagnostic>, code: Code, msg: String, help: String, at: &[&Origin]| {
            out.push(cx.diag(code, msg, at).help(help).target(cx.policy_target()));
        };
    let has = |kinds: &[RightKind]| p.rights.iter().any(|r| kinds.contains(&r.kind));

    // Rights (§ 1798.130(a)(5)(A); 11 CCR § 7011(e)(2)).
    let rights = [
        (
            &[RightKind::Know, RightKind::Access][..],
            Code::CcpaRightToKnow,
            "know",
            "§ 1798.110",
        ),
        (
            &[RightKind::Deletion][..],
            Code::CcpaRightToDelete,
            "delete",
            "§ 1798.105",
        ),
        (
            &[RightKind::Correction][..],
            Code::CcpaRightToCorrect,
            "correct",
            "§ 1798.106",
        ),
        (
            &[RightKind::NonDiscrimination][..],
            Code::CcpaNonDiscrimination,
            "non-discrimination",
            "§ 1798.125",
        ),
    ];
    for (kinds, code, word, cite) in rights {
        if !has(kinds) {
            push(
                out,
                code,
                format!("the privacy policy does not describe the right to {word} (CCPA {cite}, § 1798.130(a)(5)(A))"),
                format!("add `right {word} \"how to exercise it\"`"),
                &[&p.origin],
            );
        }
    }
    for r in &p.rights {
        if r.how.trim().is_empty() {
            out.push(
                cx.diag(
                    Code::CcpaRightMeans,
                    format!("the right `{}` says nothing of how to exercise it (11 CCR § 7011(e)(3)(A)-(B))", r.kind.word()),
                    &[&r.origin],
                )
                .help("write how to exercise it")
                .target(format!("right {}", r.kind.word())),
            );
        }
    }
    let methods = ccpa.map_or(0, |c| {
        c.methods.iter().filter(|m| !m.trim().is_empty()).count()
    });
    if methods < 2 {
        push(
            out,
            Code::CcpaRequestMethods,
            format!("the privacy policy designates {methods} method(s) for submitting requests; the CCPA requires two or more (§ 1798.130(a)(1), (a)(5)(A))"),
            "list them in the `ccpa` block: `methods \"https://...\", \"1-800-...\"`".to_string(),
            &[ccpa_origin],
        );
    }
    if blank(ccpa.and_then(|c| c.verification.as_deref())) {
        push(
            out,
            Code::CcpaVerification,
            "the privacy policy does not describe how requests are verified (11 CCR § 7011(e)(3)(E))".to_string(),
            "add `verification \"...\"` to the `ccpa` block".to_string(),
            &[ccpa_origin],
        );
    }
    if blank(ccpa.and_then(|c| c.agent.as_deref())) {
        push(
            out,
            Code::CcpaAgent,
            "the privacy policy does not say how an authorized agent submits requests (11 CCR § 7011(e)(3)(H))".to_string(),
            "add `agent \"...\"` to the `ccpa` block".to_string(),
            &[ccpa_origin],
        );
    }
    let contact = p.entity.as_ref().is_some_and(|e| {
        !blank(e.email.as_deref())
            || !blank(e.phone.as_deref())
            || !blank(e.url.as_deref())
            || e.postal.is_some()
    });
    if !contact {
        push(
            out,
            Code::CcpaContact,
            "the privacy policy gives no contact for questions about it (11 CCR § 7011(e)(3)(J))"
                .to_string(),
            "add `email`, `phone`, `url` or `postal` to the `entity` block".to_string(),
            &[p.entity.as_ref().map_or(&p.origin, |e| &e.origin)],
        );
    }

    // Selling and sharing (§ 1798.120, § 1798.135; 11 CCR § 7025, § 7011(e)(3)(F)).
    if let Some(pr) = practices.iter().find(|pr| pr.sells_or_shares()) {
        let what = format!("{} sells or shares personal information", pr.target());
        let label = |d: Diagnostic| d.label(pr.origin, "sold or shared here");
        if blank(ccpa.and_then(|c| c.do_not_sell.as_deref())) {
            out.push(label(
                cx.diag(
                    Code::CcpaOptOutLink,
                    format!(
                        "{what}, but there is no \"Do Not Sell or Share\" link (§ 1798.135(a)(1))"
                    ),
                    &[ccpa_origin],
                )
                .help("add `do-not-sell \"https://...\"` to the `ccpa` block")
                .target(cx.policy_target()),
            ));
        }
        if !has(&[RightKind::OptOutOfSale]) {
            out.push(label(
                cx.diag(
                    Code::CcpaOptOutRight,
                    format!("{what}, but the right to opt out is not described (§ 1798.120; 11 CCR § 7011(e)(2)(D))"),
                    &[&p.origin],
                )
                .help("add `right opt-out-of-sale \"how\"`")
                .target(cx.policy_target()),
            ));
        }
        match legal.gpc_honoured {
            None => out.push(label(
                cx.diag(
                    Code::CcpaGpcUnstated,
                    format!("{what}, but the policy does not say whether it honours Global Privacy Control (11 CCR § 7011(e)(3)(F))"),
                    &[&p.origin],
                )
                .help("add `gpc honoured`")
                .target(cx.policy_target()),
            )),
            Some(false) => out.push(label(
                cx.diag(
                    Code::CcpaGpcIgnored,
                    format!("{what}, but the policy says it does not honour opt-out preference signals (11 CCR § 7025(b))"),
                    &[&cx.locate_name(&p.origin, "gpc", "not-honoured"), &p.origin],
                )
                .help("honour the signal: `gpc honoured`")
                .target(cx.policy_target()),
            )),
            Some(true) => {}
        }
        let declared = legal
            .minors
            .as_ref()
            .filter(|m| m.under_16)
            .map(|m| &m.origin);
        let opt_in = legal
            .minors
            .as_ref()
            .is_some_and(|m| !matches!(m.consent, None | Some(MinorConsent::None)));
        let child = practices
            .iter()
            .filter(|pr| pr.sells_or_shares())
            .find_map(|pr| pr.children().or(declared));
        if let (Some(at), false) = (child, opt_in) {
            out.push(label(
                cx.diag(
                    Code::CcpaMinorsConsent,
                    format!("{what}, and the policy handles data of consumers under 16, but states no opt-in (§ 1798.120(c))"),
                    &[at],
                )
                .help("add `consent opt-in` (or `parental`, `both`) and `process \"...\"` to the `minors` block")
                .target("minors".to_string()),
            ));
        }
    }

    // Sensitive personal information (§ 1798.121; 11 CCR § 7011(e)(1)(K)).
    let spi = practices
        .iter()
        .filter(|pr| pr.identifiable)
        .find_map(|pr| {
            pr.sensitive()
                .into_iter()
                .find(|(s, _)| s.is_ccpa_sensitive())
                .map(|(s, at)| (pr, s, at))
        });
    match ccpa.and_then(|c| c.sensitive_use.as_ref()) {
        None => {
            if let Some((pr, kind, at)) = spi {
                out.push(
                    cx.diag(
                        Code::CcpaSensitiveUse,
                        format!(
                            "{} collects sensitive personal information ({}), but the policy does not say whether it is used beyond the permitted purposes (11 CCR § 7011(e)(1)(K))",
                            pr.target(),
                            kind.label().to_lowercase()
                        ),
                        &[ccpa_origin],
                    )
                    .label(at, "sensitive information collected here")
                    .help("add `sensitive-use permitted` or `sensitive-use beyond \"...\"` to the `ccpa` block")
                    .target(cx.policy_target()),
                );
            }
        }
        Some(u) if u.beyond => {
            if blank(ccpa.and_then(|c| c.limit_use.as_deref())) {
                push(
                    out,
                    Code::CcpaLimitLink,
                    "sensitive personal information is used beyond the permitted purposes, but there is no \"Limit the Use\" link (§ 1798.135(a)(2))".to_string(),
                    "add `limit-use \"https://...\"` to the `ccpa` block".to_string(),
                    &[&u.origin],
                );
            }
            if !has(&[RightKind::LimitSensitive]) {
                push(
                    out,
                    Code::CcpaLimitRight,
                    "sensitive personal information is used beyond the permitted purposes, but the right to limit it is not described (§ 1798.121; 11 CCR § 7011(e)(2)(E))".to_string(),
                    "add `right limit-sensitive \"how\"`".to_string(),
                    &[&u.origin],
                );
            }
        }
        Some(_) => {}
    }

    // Minors (11 CCR § 7011(e)(1)(G)).
    if legal.minors.is_none() {
        push(
            out,
            Code::CcpaMinorsUnstated,
            "the privacy policy does not say whether the business knowingly sells or shares personal information of consumers under 16 (11 CCR § 7011(e)(1)(G))".to_string(),
            "add `minors { under-16 no }`".to_string(),
            &[&p.origin],
        );
    }

    // Financial incentives (§ 1798.125(b); 11 CCR § 7016).
    for inc in ccpa.map_or(&[][..], |c| c.incentives.as_slice()) {
        let missing: Vec<&str> = [
            ("terms", &inc.terms),
            ("value", &inc.value),
            ("join", &inc.join),
            ("withdraw", &inc.withdraw),
        ]
        .into_iter()
        .filter(|(_, v)| blank(v.as_deref()))
        .map(|(k, _)| k)
        .collect();
        if !missing.is_empty() {
            out.push(
                cx.diag(
                    Code::CcpaIncentive,
                    format!(
                        "incentive `{}` lacks part of its notice: {} (§ 1798.125(b); 11 CCR § 7016)",
                        inc.name,
                        missing.join(", ")
                    ),
                    &[&inc.origin],
                )
                .help(format!("add the `{}` line(s) to the `incentive` block", missing.join("`, `")))
                .target(format!("incentive {}", inc.name)),
            );
        }
    }

    // Last update (11 CCR § 7011(e)(4); § 1798.130(a)(5): every 12 months).
    match legal.updated.as_deref().or(p.effective.as_deref()) {
        None => push(
            out,
            Code::CcpaLastUpdated,
            "the privacy policy does not give the date it was last updated (11 CCR § 7011(e)(4))"
                .to_string(),
            "add `updated YYYY-MM-DD`".to_string(),
            &[&p.origin],
        ),
        Some(date) => {
            if let (Some(days), Some(today)) = (days_from_civil(date), today()) {
                if today - days > 366 {
                    push(
                        out,
                        Code::CcpaStale,
                        format!("the privacy policy was last updated on {date}, more than 12 months ago (§ 1798.130(a)(5))"),
                        "review the policy and update `updated`".to_string(),
                        &[&legal.origin, &p.origin],
                    );
                }
            }
        }
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn days_from_civil(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Today, in days since 1970-01-01: `SOURCE_DATE_EPOCH` (seconds) when set, so
/// builds are reproducible, else the system clock.
fn today() -> Option<i64> {
    let secs = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().ok()?,
        Err(_) => i64::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?
                .as_secs(),
        )
        .ok()?,
    };
    Some(secs.div_euclid(86_400))
}
