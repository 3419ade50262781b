//! `only-stated-purpose`: identifiable data is used only for purposes compatible
//! with those of collection (`compatible` on the promise; by default `current`,
//! `admin` and `develop`), in statements, cookies and sharing rules alike.

use super::{broken, Scoped};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::PracticeKind;
use crate::vocabulary::Purpose;

const DEFAULT_COMPATIBLE: &[Purpose] = &[Purpose::Current, Purpose::Admin, Purpose::Develop];

pub(super) fn only_stated(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    let compatible: &[Purpose] = if promise.compatible.is_empty() {
        DEFAULT_COMPATIBLE
    } else {
        &promise.compatible
    };
    for p in cx
        .facts
        .practices
        .iter()
        .filter(|p| p.kind != PracticeKind::Retention)
    {
        if !p.identifiable() {
            scoped.skip(p, super::collection::not_identifiable);
            continue;
        }
        let mut seen: Vec<Purpose> = Vec::new();
        for row in p.rows() {
            let Some(u) = row.purpose else {
                scoped.skip(p, || "it states no purpose".to_string());
                continue;
            };
            if compatible.contains(&u.purpose) {
                scoped.excepted(p, "compatible", || {
                    format!(
                        "purpose `{}` is compatible with the purposes of collection ({})",
                        u.purpose,
                        if promise.compatible.is_empty() {
                            "by default `current`, `admin`, `develop`"
                        } else {
                            "the promise's `compatible` line"
                        }
                    )
                });
                continue;
            }
            if seen.contains(&u.purpose) || !scoped.row(&row) || scoped.excused(&row).is_some() {
                continue;
            }
            seen.push(u.purpose);
            // Every flow of the practice for this purpose breaks the promise.
            let rows: Vec<_> = p
                .rows()
                .filter(|r| {
                    r.purpose.is_some_and(|x| x.purpose == u.purpose)
                        && scoped.row(r)
                        && scoped.excused(r).is_none()
                })
                .collect();
            out.push(
                broken(
                    cx,
                    Code::BrokenOnlyStatedPurpose,
                    promise,
                    format!(
                        "{} `{}` uses identifiable data for `{}`, but promise `{}` says it is used only for the purpose it was provided for",
                        p.kind.noun(),
                        p.name,
                        u.purpose,
                        promise.name
                    ),
                    &[&u.origin, &p.origin],
                    &rows,
                )
                .help("remove the purpose, make it `opt-in` and add `except consent` to the promise, list it as `compatible` if the policy says so, or correct the promise"),
            );
        }
    }
}
