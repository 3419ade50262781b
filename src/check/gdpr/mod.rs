//! The GDPR and UK GDPR pack (`G8xx`): runs when `applies` names `gdpr` or
//! `uk-gdpr`. Completeness: one code per item of Art. 13 and 14
//! (`shared/law/gdpr-notice.md`), located at the policy or at the practice
//! that lacks it. Coherence: consent ⇒ opt-in and withdrawal, legitimate
//! interests ⇒ the interest and the right to object, special categories ⇒ an
//! Art. 9(2) condition, transfers ⇒ a safeguard, children ⇒ parental consent.

pub(crate) mod flows;
pub mod grounds;
mod notice;
mod practices;

use crate::check::context::Context;
use crate::diagnostic::Diagnostic;
use crate::vocabulary::Law;

/// Every GDPR finding about one policy (none unless a GDPR law applies).
pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let legal = &cx.policy.legal;
    let laws: Vec<Law> = legal
        .applies
        .iter()
        .copied()
        .filter(|l| l.is_gdpr())
        .collect();
    if laws.is_empty() {
        return;
    }
    // The context's facts (derived once per policy for every check).
    let practices = flows::practices(cx, &cx.facts);
    notice::check(cx, &laws, &practices, out);
    practices::check(cx, &practices, out);
}
