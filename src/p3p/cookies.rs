//! The cookie policy (REFERENCE A2, REC §4 intro): a compact policy describes only
//! cookies and the data linked to them, so policyc emits, for each policy with
//! statements about `dynamic.cookies`, a separate POLICY named `<name>-cookies`,
//! bound to the cookies by COOKIE-INCLUDE in the reference file, and derives the
//! compact policy from it alone.
//!
//! Its statements are the policy's statements that reference `dynamic.cookies`;
//! when any of them is identifiable (a cookie linked to personal data), every
//! identifiable statement of the policy too, because the model does not say which
//! data the cookie is linked to and the safe reading overstates. ENTITY, ACCESS,
//! DISPUTES, TEST, `discuri`, `opturi` and `xml:lang` are the policy's own.

use super::document::{P3pPolicy, P3pStatement};

/// The element cookies are declared as (REC §5.5.4).
pub const COOKIES: &str = "dynamic.cookies";

/// The name of the cookie policy derived from `policy`.
pub fn cookie_policy_name(policy: &str) -> String {
    format!("{policy}-cookies")
}

fn about_cookies(s: &P3pStatement) -> bool {
    s.data.iter().any(|d| d.reference == COOKIES)
}

/// True when `policy` has a cookie policy ([`cookie_policy`]): a statement is
/// about cookies.
pub fn has_cookie_policy(policy: &P3pPolicy) -> bool {
    policy.statements.iter().any(about_cookies)
}

/// The cookie policy of `policy`, or `None` when no statement is about cookies.
pub fn cookie_policy(policy: &P3pPolicy) -> Option<P3pPolicy> {
    if !has_cookie_policy(policy) {
        return None;
    }
    let linked = policy
        .statements
        .iter()
        .any(|s| about_cookies(s) && !s.non_identifiable);
    let statements = policy
        .statements
        .iter()
        .filter(|s| about_cookies(s) || (linked && !s.non_identifiable))
        .cloned()
        .collect();
    Some(P3pPolicy {
        name: cookie_policy_name(&policy.name),
        statements,
        ..policy.clone()
    })
}

/// True when `candidate` is exactly the cookie policy policyc derives from one of
/// `policies`, so `import` can leave it out (it is rebuilt from its source).
pub fn is_derived_cookie_policy(candidate: &P3pPolicy, policies: &[P3pPolicy]) -> bool {
    policies
        .iter()
        .filter(|p| p.name != candidate.name)
        .any(|p| cookie_policy(p).as_ref() == Some(candidate))
}
