//! Rights that need access to the data (deletion, export, correction) promised
//! with `access none` (Q521).

use crate::check::context::Context;
use crate::check::references::right_word;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::RightKind;
use crate::vocabulary::Access;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.policy.access != Some(Access::None) {
        return;
    }
    for right in cx.policy.rights.iter().filter(|r| {
        matches!(
            r.kind,
            RightKind::Deletion | RightKind::Export | RightKind::Correction
        )
    }) {
        let kind = right_word(right.kind);
        out.push(
            cx.diag(
                Code::RightWithAccessNone,
                format!("the policy grants a right of {kind} but declares `access none`"),
                &[&right.origin],
            )
            .label(&cx.policy.origin, "`access none` is declared for this policy")
            .help("declare the access people really have to their identified data (REC §3.2.5), or remove the right")
            .target(format!("right {kind}")),
        );
    }
}
