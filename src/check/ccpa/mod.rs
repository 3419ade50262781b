//! The CCPA/CPRA pack (`K9xx`): runs when `applies` names `ccpa`. Completeness:
//! one code per item of the privacy policy (Cal. Civ. Code § 1798.130(a)(5),
//! § 1798.135; 11 CCR § 7011) and of the notice at collection (§ 1798.100(a));
//! coherence: selling or sharing ⇒ the opt-out link and a GPC statement,
//! sensitive information used beyond permitted purposes ⇒ the limit link,
//! minors ⇒ opt-in, the notice refreshed every 12 months. Practices come from
//! the GDPR pack's `flows`, the one reader of the model for both laws.

mod notice;
mod practices;

use crate::check::context::Context;
use crate::check::gdpr::flows;
use crate::diagnostic::Diagnostic;
use crate::vocabulary::Law;

/// Every CCPA finding about one policy (none unless `applies ccpa`).
pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.policy.legal.applies_to(Law::Ccpa) {
        return;
    }
    // The context's facts (derived once per policy for every check).
    let practices = flows::practices(cx, &cx.facts);
    notice::check(cx, &practices, out);
    practices::check(cx, &practices, out);
}
