//! A third-party cookie that does not say whose it is (Q522).

use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::PracticeKind;
use crate::model::Party;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for c in cx
        .facts
        .of_kind(PracticeKind::Cookie)
        .filter(|c| c.party == Some(Party::Third) && c.provider.is_none())
    {
        out.push(
            cx.diag(
                Code::ThirdPartyCookieWithoutProvider,
                format!(
                    "cookie `{}` is set by a third party, but the policy does not say which",
                    c.name
                ),
                &[&c.origin],
            )
            .help(
                "name the recipient that sets and reads it: `provider NAME` (a defined recipient)",
            )
            .target(c.target()),
        );
    }
}
