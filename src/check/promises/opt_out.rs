//! `opt-out-procedure`: the policy says how to make every choice in scope.

use super::{broken, Scoped};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::PracticeKind;
use crate::vocabulary::Required;

/// Every practice in scope that offers a choice (an `opt-in` / `opt-out` purpose or
/// recipient, a sharing rule's `choice`) is covered by an `opt-out` with a `url`.
pub(super) fn procedure(cx: &Context<'_>, scoped: &Scoped<'_>, out: &mut Vec<Diagnostic>) {
    let promise = scoped.promise;
    for p in cx
        .facts
        .practices
        .iter()
        .filter(|p| p.kind != PracticeKind::Retention)
    {
        let Some(row) = p.rows().find(|r| {
            scoped.row(r)
                && (r.purpose.is_some_and(|u| u.choice != Required::Always)
                    || r.recipient.is_some_and(|x| x.choice != Required::Always))
        }) else {
            scoped.skip(p, || {
                "it offers no choice in the promise's scope".to_string()
            });
            continue;
        };
        let covering: Vec<&crate::model::OptOut> = cx
            .policy
            .opt_outs
            .iter()
            .filter(|o| o.covers.is_empty() || o.covers.contains(&p.name))
            .collect();
        if let Some(o) = covering.iter().find(|o| o.url.is_some()) {
            scoped.kept(p, || {
                format!(
                    "`opt-out {}` covers it and gives the procedure (`url`)",
                    o.name
                )
            });
            continue;
        }
        let d = match covering.first() {
            Some(o) => broken(
                cx,
                Code::BrokenOptOutProcedure,
                promise,
                format!(
                    "{} `{}` offers a choice, and its `opt-out {}` gives no procedure (`url`), but promise `{}` says the policy describes it",
                    p.kind.noun(),
                    p.name,
                    o.name,
                    promise.name
                ),
                &[&o.origin, &p.origin],
                std::slice::from_ref(&row),
            )
            .target(format!("opt-out {}", o.name)),
            None => broken(
                cx,
                Code::BrokenOptOutProcedure,
                promise,
                format!(
                    "{} `{}` offers a choice that no `opt-out` channel covers, but promise `{}` says the policy describes how to make it",
                    p.kind.noun(),
                    p.name,
                    promise.name
                ),
                &[&p.origin],
                std::slice::from_ref(&row),
            ),
        };
        out.push(d.help(
            "give the covering `opt-out` its `url` (a page or a `mailto:` address), or correct the promise; if the source text never gives the procedure, acknowledge the contradiction",
        ));
    }
}
