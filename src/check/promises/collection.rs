//! Claims about identifiability: `not-linked` (data not linked to identified
//! people) and `no-identifiable-collection` (no identified data from subjects).

use super::{broken, quoted, Scoped};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{PracticeKind, Row};

/// Why a practice that identifies no one keeps an identifiability claim.
pub(super) fn not_identifiable() -> String {
    "its data identifies no one (not identifiable as declared, nor as derived from its data)"
        .to_string()
}

pub(super) fn not_linked(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    for p in cx
        .facts
        .practices
        .iter()
        .filter(|p| p.kind != PracticeKind::Retention)
    {
        if !p.identifiable() {
            scoped.skip(p, not_identifiable);
            continue;
        }
        let rows: Vec<Row<'_>> = p
            .rows()
            .filter(|r| {
                if r.data.is_none() {
                    scoped.skip(p, || "it names no data".to_string());
                    return false;
                }
                scoped.row(r) && scoped.excused(r).is_none()
            })
            .collect();
        let Some(row) = rows.first() else {
            continue;
        };
        let data_origin = row.data.map_or(&p.origin, |d| &d.origin);
        out.push(
            broken(
                cx,
                Code::BrokenNotLinked,
                promise,
                format!(
                    "identifiable {} `{}` {} data that promise `{}` says is not linked to personally identifiable information",
                    p.kind.noun(),
                    p.name,
                    if p.kind == PracticeKind::Sharing { "shares" } else { "collects" },
                    promise.name
                ),
                &[data_origin, &p.origin],
                &rows,
            )
            .help("mark the practice `non-identifiable` (and take out what identifies people), move the data to one that is, or correct the promise"),
        );
    }
}

pub(super) fn no_identifiable_collection(
    cx: &Context<'_>,
    scoped: &Scoped<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let promise = scoped.promise;
    let subjects = scoped.subjects();
    for p in cx
        .facts
        .practices
        .iter()
        .filter(|p| matches!(p.kind, PracticeKind::Statement | PracticeKind::Cookie))
    {
        if !p.identifiable() {
            scoped.skip(p, not_identifiable);
            continue;
        }
        let rows: Vec<Row<'_>> = p
            .rows()
            .filter(|r| scoped.row(r) && scoped.excused(r).is_none())
            .collect();
        if rows.is_empty() {
            continue;
        }
        // A practice without `from` collects from everyone, these subjects included.
        let hit: Vec<&str> = if p.subjects.is_empty() {
            subjects.to_vec()
        } else {
            p.subjects
                .iter()
                .map(|s| s.name.as_str())
                .filter(|n| subjects.is_empty() || subjects.contains(n))
                .collect()
        };
        let (from, at) = if p.subjects.is_empty() {
            ("everyone (it has no `from`)".to_string(), p.origin)
        } else {
            let first = hit.first().copied().unwrap_or_default();
            (quoted(&hit), cx.locate_name(&p.origin, "from", first))
        };
        out.push(
            broken(
                cx,
                Code::BrokenNoIdentifiableCollection,
                promise,
                format!(
                    "identifiable {} `{}` collects from {from}, but promise `{}` says no personally identifiable information is collected from {}",
                    p.kind.noun(),
                    p.name,
                    promise.name,
                    if hit.is_empty() { "anyone".to_string() } else { quoted(&hit) }
                ),
                &[&at],
                &rows,
            )
            .help("mark the statement `non-identifiable` (and take out what identifies people), limit its `from`, or correct the promise"),
        );
    }
}
