//! Claims about keeping data: `no-storage` and `retention-ceiling`.

use super::{broken, Scoped};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{Practice, PracticeKind};
use crate::period::{self, Comparison, Period};
use crate::vocabulary::Retention;

/// The in-scope, unexcused rows of a practice.
fn held<'f>(p: &'f Practice, scoped: &Scoped<'_>) -> Vec<crate::facts::Row<'f>> {
    p.rows()
        .filter(|r| scoped.row(r) && scoped.excused(r).is_none())
        .collect()
}

/// A retention finding's flows also carry how long the data is kept.
fn with_retention(mut d: Diagnostic, p: &Practice) -> Diagnostic {
    if let Some(r) = &p.retention {
        let kept = match (r.value, r.period.as_deref()) {
            (Some(v), Some(t)) => format!("{v} \"{}\"", t.trim()),
            (Some(v), None) => v.to_string(),
            (None, Some(t)) => format!("\"{}\"", t.trim()),
            (None, None) => String::new(),
        };
        for f in &mut d.flows {
            f.retention = Some(kept.clone());
        }
    }
    d
}

pub(super) fn no_storage(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    for p in &cx.facts.practices {
        let kept = match (&p.retention, p.kind) {
            (Some(r), PracticeKind::Retention) => r.period.is_some(),
            (Some(r), _) => r.value.is_some_and(|v| v != Retention::NoRetention),
            (None, _) => false,
        };
        if !kept {
            scoped.skip(p, || match &p.retention {
                None => "it states no retention".to_string(),
                Some(_) => {
                    "it keeps nothing (`no-retention`, or a rule without a period)".to_string()
                }
            });
            continue;
        }
        let rows = held(p, scoped);
        if rows.is_empty() {
            continue;
        }
        let at = p.retention.as_ref().map_or(&p.origin, |r| &r.origin);
        out.push(with_retention(
            broken(
                cx,
                Code::BrokenNoStorage,
                promise,
                format!(
                    "{} `{}` keeps the data, but promise `{}` says it is not stored",
                    p.kind.noun(),
                    p.name,
                    promise.name
                ),
                &[at, &p.origin],
                &rows,
            )
            .help("declare `retain no-retention` if the data is discarded after the interaction, narrow the promise's `data` scope, or correct the promise"),
            p,
        ));
    }
}

pub(super) fn ceiling(
    cx: &Context<'_>,
    scoped: &Scoped<'_>,
    period: &str,
    out: &mut Vec<Diagnostic>,
) {
    let promise = scoped.promise;
    let Some(limit) = bare(period) else {
        out.push(
            cx.diag(
                Code::BrokenRetentionCeiling,
                format!(
                    "promise `{}` states a retention ceiling \"{period}\" that is not a period policyc can compare",
                    promise.name
                ),
                &[&promise.origin],
            )
            .help("write the ceiling as a number and a unit: `claim retention-ceiling \"30 days\"`")
            .target(format!("promise {}", promise.name)),
        );
        return;
    };
    for p in &cx.facts.practices {
        let Some(r) = &p.retention else {
            scoped.skip(p, || "it states no retention".to_string());
            continue;
        };
        let too_long = if r.value == Some(Retention::Indefinitely) {
            Some("`indefinitely`".to_string())
        } else {
            r.period
                .as_deref()
                .filter(|t| bare(t).is_some_and(|kept| limit.compare(&kept) == Comparison::Longer))
                .map(|t| format!("\"{t}\""))
        };
        let Some(kept) = too_long else {
            scoped.skip(p, || match r.period.as_deref() {
                Some(t) if bare(t).is_some() => {
                    format!(
                        "it keeps the data \"{}\", not longer than \"{period}\"",
                        t.trim()
                    )
                }
                Some(t) => format!("its period \"{}\" is not one policyc can compare", t.trim()),
                None => "it states no period longer than the ceiling".to_string(),
            });
            continue;
        };
        let rows = held(p, scoped);
        if rows.is_empty() {
            continue;
        }
        out.push(with_retention(
            broken(
                cx,
                Code::BrokenRetentionCeiling,
                promise,
                format!(
                    "{} `{}` keeps the data {kept}, longer than the \"{period}\" promise `{}` states",
                    p.kind.noun(),
                    p.name,
                    promise.name
                ),
                &[&r.origin, &p.origin],
                &rows,
            )
            .help("shorten the retention, narrow the promise's scope, or correct the promise"),
            p,
        ));
    }
}

/// A period's length, without the words that say from when it runs ("of closing
/// your account"): a ceiling bounds the length whatever it counts from.
fn bare(text: &str) -> Option<Period> {
    let mut p = period::parse(text)?;
    p.rest.clear();
    Some(p)
}
