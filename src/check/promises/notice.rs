//! Claims about the change notice: `notify-before-new-use` (by email, before the
//! new use) and `notify-new-use` (by email, at any time).

use super::broken;
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{NotifyMethod, Promise};

fn no_changes_block(cx: &Context<'_>, code: Code, promise: &Promise, what: &str) -> Diagnostic {
    cx.diag(
        code,
        format!(
            "promise `{}` says people are notified {what}, but the policy has no `changes` block",
            promise.name
        ),
        &[&promise.origin],
    )
    .help("add `changes { notify email  before-effective }` (or `consent-for-new-uses`) saying how people are told")
    .target(format!("promise {}", promise.name))
}

/// Kept when the change notice notifies by email and either notifies before the
/// change takes effect or asks consent for new uses (consent has to be asked
/// before the new use, so it implies prior notice).
pub(super) fn before_new_use(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    let Some(changes) = &cx.policy.changes else {
        out.push(no_changes_block(
            cx,
            Code::BrokenNotifyBeforeNewUse,
            promise,
            "before new uses",
        ));
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
                &[],
            )
            .target("changes")
            .help(format!(
                "add {} to the `changes` block; if the policy only says people are notified (not when), the promise is `claim notify-new-use`",
                missing.join(" and ")
            )),
        );
    }
}

/// Kept when the change notice notifies by email, whenever.
pub(super) fn new_use(cx: &Context<'_>, promise: &Promise, out: &mut Vec<Diagnostic>) {
    let Some(changes) = &cx.policy.changes else {
        out.push(no_changes_block(
            cx,
            Code::BrokenNotifyNewUse,
            promise,
            "of new uses",
        ));
        return;
    };
    if !changes.notify.contains(&NotifyMethod::Email) {
        out.push(
            broken(
                cx,
                Code::BrokenNotifyNewUse,
                promise,
                format!(
                    "the change notice lacks `notify email`, but promise `{}` says people are notified by email of new uses",
                    promise.name
                ),
                &[&changes.origin],
                &[],
            )
            .target("changes")
            .help("add `notify email` to the `changes` block, or correct the promise"),
        );
    }
}
