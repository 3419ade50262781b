//! Claims about cookies: `cookies-not-linked` and `no-cross-site-tracking`, held
//! to the cookies as declared and as derived from what they hold and who sets them.

use super::{broken, Scoped};
use crate::check::context::{is_cookie_data, Context};
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{PracticeKind, Row};

/// The cookies a cookie claim is held to: those its `cookies` line names (all
/// without one), except a cookie whose every flow the promise's exceptions
/// excuse (an advertising cookie set only with consent, under `except consent`;
/// a provider the promise `allow`s).
fn in_scope<'f>(
    cx: &'f Context<'_>,
    scoped: &Scoped<'_>,
) -> Vec<(&'f crate::facts::Practice, Vec<Row<'f>>)> {
    let cookies = &scoped.promise.scope.cookies;
    cx.facts
        .of_kind(PracticeKind::Cookie)
        .filter(|p| {
            let named = cookies.is_empty() || cookies.contains(&p.name);
            if !named {
                scoped.out_of_scope(p, "cookies", p.target());
            }
            named
        })
        // A cookie whose every flow an exception covers keeps the promise.
        .filter(|p| !p.rows().all(|r| scoped.excused(&r).is_some()))
        .map(|p| (p, p.rows().collect()))
        .collect()
}

pub(super) fn not_linked(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    for (c, rows) in in_scope(cx, scoped) {
        if !c.identifiable() {
            scoped.skip(c, || {
                "the cookie is not linked (as declared, nor as derived from what it holds and serves)"
                    .to_string()
            });
            continue;
        }
        let why = if c.declared.linked == Some(true) {
            String::new()
        } else {
            format!(" ({})", c.derived.linked.explain())
        };
        out.push(
            broken(
                cx,
                Code::BrokenCookiesNotLinked,
                promise,
                format!(
                    "cookie `{}` is linked to personally identifiable information{why}, but promise `{}` says cookies are not",
                    c.name, promise.name
                ),
                &[&c.origin],
                &rows,
            )
            .target(c.target())
            .help("make the cookie `linked no` if it holds nothing identifying, narrow the promise to the cookies it is about (`cookies NAME, ...`), or correct the promise"),
        );
    }
    if !promise.scope.cookies.is_empty() {
        for p in cx.facts.of_kind(PracticeKind::Statement) {
            scoped.out_of_scope(p, "cookies", p.target());
        }
        return;
    }
    // REC §3.3.1: data in one identifiable STATEMENT is linked together, so an
    // identifiable statement collecting dynamic.cookies links cookie data to people.
    for s in &cx.policy.statements {
        let Some(practice) = cx.practice(PracticeKind::Statement, &s.name) else {
            continue;
        };
        if !practice.identifiable() {
            scoped.skip(practice, super::collection::not_identifiable);
            continue;
        }
        let used = cx
            .items(&s.data)
            .into_iter()
            .find(|u| is_cookie_data(u.item));
        if used.is_none() {
            scoped.skip(practice, || {
                "it does not collect `dynamic.cookies`, so it links no cookie data".to_string()
            });
        }
        if let Some(used) = used {
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
                    &practice.rows().collect::<Vec<_>>(),
                )
                .target(format!("collect {}", s.name))
                .help("collect cookies in a `non-identifiable` statement, narrow the promise to the cookies it is about (`cookies NAME, ...`), or correct the promise"),
            );
        }
    }
}

pub(super) fn no_cross_site(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    for (c, rows) in in_scope(cx, scoped) {
        if !c.cross_site() {
            scoped.skip(c, || {
                "the cookie is not cross-site (as declared, nor as derived from its party, provider and purposes)"
                    .to_string()
            });
            continue;
        }
        let why = if c.declared.cross_site == Some(true) {
            String::new()
        } else {
            format!(" ({})", c.derived.cross_site.explain())
        };
        out.push(
            broken(
                cx,
                Code::BrokenNoCrossSiteTracking,
                promise,
                format!(
                    "cookie `{}` follows people across other sites{why}, but promise `{}` says cookies are not used for that",
                    c.name, promise.name
                ),
                &[&c.origin],
                &rows,
            )
            .target(c.target())
            .help("make the cookie `cross-site no` and first-party if that is true, or correct the promise"),
        );
    }
}
