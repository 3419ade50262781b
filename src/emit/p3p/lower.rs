//! Model → the P3P-visible form (`p3p::document`): the policy file and the policy
//! reference file.

use super::super::EmitError;
use super::statements::lower_statements;
use crate::model::{DataRef, DataUse, Dispute, Policy, PolicySet};
use crate::p3p::cookies::{cookie_policy, cookie_policy_name, has_cookie_policy, COOKIES};
use crate::p3p::document::{
    CookiePattern, P3pDispute, P3pImg, P3pPolicy, PolicyFile, PolicyRef, ReferenceFile,
};
use crate::p3p::entity;
use crate::span::Origin;
use crate::vocabulary::Access;
use std::collections::{HashMap, HashSet};

/// Where the policy file is deployed; `POLICY-REF/@about` points into it.
pub const POLICY_PATH: &str = "/w3c/policy.xml";
/// The well-known location of the policy reference file (REC §2.2.1).
pub const REFERENCE_PATH: &str = "/w3c/p3p.xml";
/// REC §2.3.2.3: lifetimes under one day are raised to one day; it is also the default.
pub const MIN_EXPIRY: u64 = 86_400;

/// The policies the model declares, followed by the derived cookie policies.
pub fn lower_file(set: &PolicySet) -> Result<PolicyFile, EmitError> {
    let mut policies = lower_declared(set)?;
    let cookies: Vec<P3pPolicy> = policies.iter().filter_map(cookie_policy).collect();
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

/// The policies the model declares, lowered; or why the set does not lower (a
/// policy lacks what P3P requires, or a derived cookie policy's name is taken).
fn lower_declared(set: &PolicySet) -> Result<Vec<P3pPolicy>, EmitError> {
    let mut policies = Vec::new();
    for p in &set.policies {
        policies.push(lower_policy(p)?);
    }
    let declared: HashSet<&str> = set.policies.iter().map(|p| p.name.as_str()).collect();
    if let Some(clash) = policies
        .iter()
        .filter(|p| has_cookie_policy(p))
        .map(|p| cookie_policy_name(&p.name))
        .find(|name| declared.contains(name.as_str()))
    {
        return Err(EmitError {
            message: format!(
                "the policy name `{clash}` is taken by the cookie policy policyc derives; rename that policy"
            ),
        });
    }
    Ok(policies)
}

/// The P3P policies of a policy file by name (the first of each name), with
/// their ACCESS: all that the cookie bindings ([`cookie_bindings`]) and the
/// headers' ACCESS splits read of the file.
pub struct FileNames(HashMap<String, Option<Access>>);

impl FileNames {
    /// The names of `file`.
    pub fn of(file: &PolicyFile) -> Self {
        Self::from_pairs(file.policies.iter().map(|p| (p.name.clone(), p.access)))
    }

    /// The names of the file [`lower_file`] makes of `set`, without making it: the
    /// declared policies are lowered (whether the set lowers, and which have a
    /// cookie policy, depend on their statements), the cookie policies are not.
    pub fn lower(set: &PolicySet) -> Result<Self, EmitError> {
        let declared = lower_declared(set)?;
        let cookies: Vec<(String, Option<Access>)> = declared
            .iter()
            .filter(|p| has_cookie_policy(p))
            .map(|p| (cookie_policy_name(&p.name), p.access))
            .collect();
        Ok(Self::from_pairs(
            declared
                .into_iter()
                .map(|p| (p.name, p.access))
                .chain(cookies),
        ))
    }

    fn from_pairs(pairs: impl Iterator<Item = (String, Option<Access>)>) -> Self {
        let mut names = HashMap::new();
        for (name, access) in pairs {
            names.entry(name).or_insert(access);
        }
        Self(names)
    }

    /// True when the file has a policy of that name.
    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// The ACCESS of the policy of that name.
    pub fn access(&self, name: &str) -> Option<Access> {
        self.0.get(name).copied().flatten()
    }
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

/// One cookie pattern of a policy's cookie POLICY-REF, where it comes from (a
/// `cookie` block, or statements about `dynamic.cookies` outside cookie blocks).
#[derive(Clone, Debug)]
pub struct CookieBinding {
    /// The declared policy whose cookie policy the pattern binds to.
    pub policy: String,
    pub pattern: CookiePattern,
    pub origin: Origin,
}

/// A cookie pattern that can never match: an earlier COOKIE-INCLUDE of another
/// policy matches every cookie it matches (REC §2.3.2.1: the first POLICY-REF that
/// matches wins), so its cookies are bound to that other policy.
#[derive(Clone, Debug)]
pub struct ShadowedBinding {
    pub site: Option<String>,
    pub binding: CookieBinding,
    /// The policy whose earlier pattern catches its cookies.
    pub by: String,
}

/// The cookie patterns of every policy applying on `site`, in reference-file
/// order: most specific first (REC §2.3.2.1, the first match wins), in declaration
/// order among equals. Each named `cookie` gives its pattern; a `cookie` without
/// name, domain or path, and statements about `dynamic.cookies` outside `cookie`
/// blocks (cookies the policy does not name), give the wildcard `* * * *`, which
/// therefore comes after every named pattern of the site.
pub fn cookie_bindings(
    set: &PolicySet,
    file: &FileNames,
    site: Option<&str>,
) -> Vec<CookieBinding> {
    let mut out: Vec<CookieBinding> = Vec::new();
    for p in set.policies.iter().filter(|p| covers_site(set, p, site)) {
        if !file.has(&cookie_policy_name(&p.name)) {
            continue;
        }
        let mut mine: Vec<CookieBinding> = Vec::new();
        let mut seen: HashSet<CookiePattern> = HashSet::new();
        let mut push = |mine: &mut Vec<CookieBinding>, pattern: CookiePattern, origin: &Origin| {
            if seen.insert(pattern.clone()) {
                mine.push(CookieBinding {
                    policy: p.name.clone(),
                    pattern,
                    origin: *origin,
                });
            }
        };
        for c in &p.cookies {
            push(
                &mut mine,
                pattern(
                    c.cookie_name.as_deref(),
                    c.domain.as_deref(),
                    c.path.as_deref(),
                ),
                &c.origin,
            );
        }
        // Cookies collected as `data dynamic.cookies` are not named: only the
        // wildcard binds them (REC §2.3.2.5).
        if let Some(origin) = unnamed_cookie_use(p) {
            push(&mut mine, pattern(None, None, None), origin);
        }
        if mine.is_empty() {
            push(&mut mine, pattern(None, None, None), &p.origin);
        }
        out.extend(mine);
    }
    out.sort_by_key(|b| std::cmp::Reverse(cookie_specificity(&b.pattern)));
    out
}

/// Where the policy collects or shares `dynamic.cookies` outside `cookie` blocks.
fn unnamed_cookie_use(p: &Policy) -> Option<&Origin> {
    // The data sets (by name) with `dynamic.cookies` among their items.
    let cookie_sets: HashSet<&str> = p
        .datasets
        .iter()
        .filter(|d| d.items.iter().any(|i| is_cookies(&i.data)))
        .map(|d| d.name.as_str())
        .collect();
    let holds_cookies = |uses: &[DataUse]| {
        uses.iter().any(|u| match u {
            DataUse::Item(i) => is_cookies(&i.data),
            DataUse::Set { name, .. } => cookie_sets.contains(name.as_str()),
        })
    };
    p.statements
        .iter()
        .find(|s| holds_cookies(&s.data))
        .map(|s| &s.origin)
        .or_else(|| {
            p.sharing
                .iter()
                .find(|s| holds_cookies(&s.data))
                .map(|s| &s.origin)
        })
}

fn is_cookies(d: &DataRef) -> bool {
    matches!(d, DataRef::Schema(r) if r.trim_start_matches('#') == COOKIES)
}

/// The cookie patterns of `site` that never match, because an earlier pattern of
/// another policy matches every cookie they match.
pub fn shadowed_bindings(bindings: &[CookieBinding], site: Option<&str>) -> Vec<ShadowedBinding> {
    // The positions of each policy's bindings, so that a binding is compared with
    // the earlier bindings of other policies only (none when one policy has cookies).
    let mut by_policy: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, b) in bindings.iter().enumerate() {
        match by_policy.iter_mut().find(|(p, _)| *p == b.policy) {
            Some((_, list)) => list.push(i),
            None => by_policy.push((&b.policy, vec![i])),
        }
    }
    let mut out = Vec::new();
    for (i, b) in bindings.iter().enumerate() {
        // The first earlier binding of another policy that covers this one.
        let first = by_policy
            .iter()
            .filter(|(p, _)| *p != b.policy)
            .filter_map(|(_, list)| {
                list.iter()
                    .take_while(|j| **j < i)
                    .find(|j| covers_pattern(&bindings[**j].pattern, &b.pattern))
            })
            .min();
        if let Some(earlier) = first.map(|j| &bindings[*j]) {
            out.push(ShadowedBinding {
                site: site.map(str::to_string),
                binding: b.clone(),
                by: earlier.policy.clone(),
            });
        }
    }
    out
}

/// True when every cookie `b` matches is matched by `a`: each attribute of `a` is
/// `*` or the same as `b`'s.
fn covers_pattern(a: &CookiePattern, b: &CookiePattern) -> bool {
    let one = |x: &str, y: &str| x == "*" || x == y;
    one(&a.name, &b.name)
        && one(&a.value, &b.value)
        && one(&a.domain, &b.domain)
        && one(&a.path, &b.path)
}

/// The policy reference file (REC §2.3) for one site (`None`: for a file that
/// declares no sites): the cookie POLICY-REFs (cookies only, so they never compete
/// for URIs) with their patterns in `cookie_bindings` order, consecutive patterns
/// of one policy sharing a POLICY-REF; then one POLICY-REF per policy covering the
/// site with the paths it covers there, most specific first so the first match is
/// the right one (REC §2.3.2.1). A reference file is per host (REC §2.2.1), so
/// policies covering other sites are left out.
pub fn lower_reference(set: &PolicySet, file: &FileNames, site: Option<&str>) -> ReferenceFile {
    let mut refs: Vec<PolicyRef> = Vec::new();
    let mut last: Option<String> = None;
    for b in cookie_bindings(set, file, site) {
        match refs.last_mut() {
            Some(r) if last.as_deref() == Some(b.policy.as_str()) => {
                r.cookie_include.push(b.pattern);
            }
            _ => {
                refs.push(PolicyRef {
                    about: format!("{POLICY_PATH}#{}", cookie_policy_name(&b.policy)),
                    cookie_include: vec![b.pattern],
                    ..PolicyRef::default()
                });
                last = Some(b.policy);
            }
        }
    }
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
        // A coverage that only binds cookies covers no pages.
        if c.include.is_empty() && c.cookies.is_empty() {
            push(&mut r.include, &"/*".to_string());
        }
        for k in &c.cookies {
            // REC §2.3.2.5: the policy's own COOKIE-INCLUDEs.
            let pattern = CookiePattern {
                name: k.name.clone(),
                value: k.value.clone(),
                domain: k.domain.clone(),
                path: k.path.clone(),
            };
            if !r.cookie_include.contains(&pattern) {
                r.cookie_include.push(pattern);
            }
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

/// The INCLUDE paths of a policy on a site, as its POLICY-REF lists them.
pub fn covered_paths(p: &Policy, site: Option<&str>) -> Vec<String> {
    page_ref(p, site).map(|r| r.include).unwrap_or_default()
}
