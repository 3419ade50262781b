//! Coherence rules (`Q511`–`Q522`): parts of one policy that cannot all be true,
//! as queries over its facts: retention, choices, sensitive data, children,
//! rights and undisclosed cookies.

mod children;
mod choices;
mod cookies;
mod retention;
mod rights;
mod sensitive;

use super::context::Context;
use crate::diagnostic::Diagnostic;

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    retention::check(cx, out);
    choices::check(cx, out);
    sensitive::check(cx, out);
    children::check(cx, out);
    rights::check(cx, out);
    cookies::check(cx, out);
}
