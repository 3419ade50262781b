//! Model → the P3P-visible form (`p3p::document`): the policy file and the policy
//! reference file.

use super::super::EmitError;
use super::statements::lower_statements;
use crate::model::{Dispute, Policy, PolicySet};
use crate::p3p::cookies::{cookie_policy, cookie_policy_name};
use crate::p3p::document::{
    CookiePattern, P3pDispute, P3pImg, P3pPolicy, PolicyFile, PolicyRef, ReferenceFile,
};
use crate::p3p::entity;

/// Where the policy file is deployed; `POLICY-REF/@about` points into it.
pub const POLICY_PATH: &str = "/w3c/policy.xml";
/// The well-known location of the policy reference file (REC §2.2.1).
pub const REFERENCE_PATH: &str = "/w3c/p3p.xml";
/// REC §2.3.2.3: lifetimes under one day are raised to one day; it is also the default.
pub const MIN_EXPIRY: u64 = 86_400;

/// The policies the model declares, followed by the derived cookie policies.
pub fn lower_file(set: &PolicySet) -> Result<PolicyFile, EmitError> {
    let mut policies = Vec::new();
    for p in &set.policies {
        policies.push(lower_policy(p)?);
    }
    let cookies: Vec<P3pPolicy> = policies.iter().filter_map(cookie_policy).collect();
    if let Some(clash) = cookies
        .iter()
        .find(|c| set.policies.iter().any(|p| p.name == c.name))
    {
        return Err(EmitError {
            message: format!(
                "the policy name `{}` is taken by the cookie policy policyc derives; rename that policy",
                clash.name
            ),
        });
    }
    policies.extend(cookies);
    // REC §3.2.1: one EXPIRY for every policy of the file: the shortest declared.
    let expiry = set
        .policies
        .iter()
        .filter_map(|p| p.expiry_seconds)
        .min()
        .map(|s| s.max(MIN_EXPIRY));
    Ok(PolicyFile { expiry, policies })
}

/// The `discuri` used when the policy declares none: the HTML policy as deployed.
pub fn default_discuri(policy: &str) -> String {
    format!("/{policy}.html")
}

fn lower_policy(p: &Policy) -> Result<P3pPolicy, EmitError> {
    let fail = |what: &str, rec: &str| EmitError {
        message: format!("policy {}: P3P requires {what} ({rec})", p.name),
    };
    let entity = p
        .entity
        .as_ref()
        .ok_or_else(|| fail("an entity", "REC §3.2.4"))?;
    let access = p
        .access
        .ok_or_else(|| fail("an access level", "REC §3.2.5"))?;
    let statements = lower_statements(p)?;
    if statements.is_empty() {
        return Err(fail("at least one statement", "REC §3.3"));
    }
    Ok(P3pPolicy {
        name: p.name.clone(),
        discuri: p
            .discuri
            .clone()
            .unwrap_or_else(|| default_discuri(&p.name)),
        opturi: p.opturi.clone(),
        lang: p.language.clone(),
        test: p.test,
        entity: entity::lower(entity),
        access: Some(access),
        disputes: p.disputes.iter().map(lower_dispute).collect(),
        statements,
    })
}

fn lower_dispute(d: &Dispute) -> P3pDispute {
    let mut remedies = d.remedies.clone();
    remedies.sort();
    remedies.dedup();
    P3pDispute {
        resolution: d.resolution,
        service: d.service.clone(),
        short_description: d.short_description.clone(),
        verification: d.verification.clone(),
        long_description: d.description.clone(),
        img: d.logo.as_ref().map(|l| P3pImg {
            src: l.src.clone(),
            alt: l.alt.clone(),
            width: l.width,
            height: l.height,
        }),
        remedies,
    }
}

/// Every site the policies cover, in the order first declared.
pub fn sites(set: &PolicySet) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in set.policies.iter().flat_map(|p| &p.covers) {
        if !out.contains(&c.site) {
            out.push(c.site.clone());
        }
    }
    out
}

/// The policy reference file (REC §2.3) for one site (`None`: for a file that
/// declares no sites): one POLICY-REF per cookie policy (cookies only,
/// so they never compete for URIs), then one per policy covering the site with the
/// paths it covers there, most specific first so the first match is the right one
/// (REC §2.3.2.1). A reference file is per host (REC §2.2.1), so policies covering
/// other sites are left out.
pub fn lower_reference(set: &PolicySet, file: &PolicyFile, site: Option<&str>) -> ReferenceFile {
    let mut refs = Vec::new();
    for p in set.policies.iter().filter(|p| covers_site(set, p, site)) {
        let name = cookie_policy_name(&p.name);
        if !file.policies.iter().any(|q| q.name == name) {
            continue;
        }
        let mut cookie_include: Vec<CookiePattern> = p
            .cookies
            .iter()
            .map(|c| {
                pattern(
                    c.cookie_name.as_deref(),
                    c.domain.as_deref(),
                    c.path.as_deref(),
                )
            })
            .collect();
        if cookie_include.is_empty() {
            cookie_include.push(pattern(None, None, None));
        }
        cookie_include.dedup();
        refs.push(PolicyRef {
            about: format!("{POLICY_PATH}#{name}"),
            cookie_include,
            ..PolicyRef::default()
        });
    }
    // A cookie matching several COOKIE-INCLUDEs gets the first: specific patterns
    // (named cookies) before wildcards (REC §2.3.2.1).
    refs.sort_by_key(|r: &PolicyRef| {
        std::cmp::Reverse(
            r.cookie_include
                .iter()
                .map(cookie_specificity)
                .min()
                .unwrap_or(0),
        )
    });
    let mut pages: Vec<PolicyRef> = set
        .policies
        .iter()
        .filter(|p| covers_site(set, p, site))
        .filter_map(|p| page_ref(p, site))
        .collect();
    // Stable sort: most specific include first; among equals, method-limited first.
    pages.sort_by_key(|r| (std::cmp::Reverse(specificity(r)), r.methods.is_empty()));
    refs.extend(pages);
    let expiry = set
        .policies
        .iter()
        .map(|p| p.expiry_seconds.unwrap_or(MIN_EXPIRY))
        .min()
        .unwrap_or(MIN_EXPIRY)
        .max(MIN_EXPIRY);
    ReferenceFile { expiry, refs }
}

fn pattern(name: Option<&str>, domain: Option<&str>, path: Option<&str>) -> CookiePattern {
    // REC §2.3.2.5: `*` matches anything.
    let any = |v: Option<&str>| v.unwrap_or("*").to_string();
    CookiePattern {
        name: any(name),
        value: "*".to_string(),
        domain: any(domain),
        path: any(path),
    }
}

/// Whether the policy applies on `site` (`None`: the file declares no sites). A
/// policy without `covers` covers the whole site only when no policy of the file
/// declares any; otherwise it is deployed elsewhere (a hosted service on customers'
/// domains, say) and no POLICY-REF of these reference files points to it.
pub fn covers_site(set: &PolicySet, p: &Policy, site: Option<&str>) -> bool {
    if p.covers.is_empty() {
        return set.policies.iter().all(|q| q.covers.is_empty());
    }
    site.is_none_or(|s| p.covers.iter().any(|c| c.site == s))
}

fn page_ref(p: &Policy, site: Option<&str>) -> Option<PolicyRef> {
    let covers: Vec<&crate::model::Coverage> = p
        .covers
        .iter()
        .filter(|c| site.is_none_or(|s| c.site == s))
        .collect();
    if covers.is_empty() && !p.covers.is_empty() {
        return None;
    }
    let mut r = PolicyRef {
        about: format!("{POLICY_PATH}#{}", p.name),
        ..PolicyRef::default()
    };
    let push = |list: &mut Vec<String>, v: &String| {
        if !list.contains(v) {
            list.push(v.clone());
        }
    };
    for c in &covers {
        if c.include.is_empty() {
            push(&mut r.include, &"/*".to_string());
        }
        for i in &c.include {
            push(&mut r.include, i);
        }
        for e in &c.exclude {
            push(&mut r.exclude, e);
        }
        for m in &c.methods {
            push(&mut r.methods, m);
        }
    }
    if covers.is_empty() {
        r.include.push("/*".to_string());
    }
    Some(r)
}

/// How specific a POLICY-REF's INCLUDEs are: the shortest literal prefix before a
/// `*` (a ref including `/*` matches everything, so it goes after the others).
fn specificity(r: &PolicyRef) -> usize {
    r.include
        .iter()
        .map(|i| i.find('*').unwrap_or(i.len() + 1))
        .min()
        .unwrap_or(0)
}

/// How many of a cookie pattern's attributes are not the `*` wildcard.
fn cookie_specificity(c: &CookiePattern) -> usize {
    [&c.name, &c.value, &c.domain, &c.path]
        .iter()
        .filter(|v| v.as_str() != "*")
        .count()
}
