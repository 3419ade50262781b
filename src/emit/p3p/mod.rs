//! The P3P emitter: the policy file `w3c/policy.xml` (REC §3), the policy reference
//! file `w3c/p3p.xml` (REC §2.3), the compact policy header (REC §4) and its deploy
//! snippets for web servers.
//!
//! The model is first lowered into the P3P-visible form (`p3p::document`), which
//! carries only what P3P can; security practices, retention periods, rights and the
//! like stay in the HTML policy.

pub mod compact;
pub mod header;
pub mod lower;
pub mod policy;
pub mod reference;
pub mod statements;
mod xml;

use super::{EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::model::PolicySet;
use crate::p3p::cookies::cookie_policy_name;
use crate::p3p::document::{P3pPolicy, PolicyFile, ReferenceFile};
pub use header::HeaderFormat;
use std::fmt::Write as _;

/// The deploy snippets written for each header.
const SNIPPETS: [(&str, HeaderFormat); 4] = [
    ("p3p-header.txt", HeaderFormat::Http),
    ("nginx.conf", HeaderFormat::Nginx),
    ("apache.conf", HeaderFormat::Apache),
    ("link.html", HeaderFormat::HtmlLink),
];

pub struct P3pEmitter;

/// Everything the P3P emitter derives from one policy set, in memory.
#[derive(Clone, Debug)]
pub struct P3pOutput {
    pub policy_file: PolicyFile,
    /// The reference file of `w3c/p3p.xml`: of the only site, or of the first
    /// declared when the policies cover several.
    pub reference: ReferenceFile,
    /// When the policies cover several sites: each site's own reference file
    /// (a reference file is per host, REC §2.2.1), written to `sites/<site>/w3c/p3p.xml`.
    pub site_references: Vec<(String, ReferenceFile)>,
    /// The compact policy tokens of `p3p-header.txt`: the first entry of `headers`;
    /// `None` only for a file without policies.
    pub compact: Option<String>,
    /// Every header policyc writes: one per site (the first is `compact`), then,
    /// where the policies applying on a site have different compact policies, one
    /// per such policy for the paths it covers (REC §4: a CP describes the cookies
    /// of the response it is sent with).
    pub headers: Vec<SiteHeader>,
    /// Sites whose policies disagree on ACCESS: one CP carries one ACCESS value
    /// (REC §4.2.1), so the site's header stands for one policy.
    pub access_splits: Vec<AccessSplit>,
    /// Cookie patterns that never match (REC §2.3.2.1, first match wins).
    pub shadowed: Vec<lower::ShadowedBinding>,
}

/// One header: for a site (`None`: the file declares no sites), for all its
/// policies (`policy: None`) or for the paths of one policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteHeader {
    pub site: Option<String>,
    pub policy: Option<String>,
    pub compact: Option<String>,
    /// The INCLUDE paths of the policy on the site (for a per-policy header).
    pub paths: Vec<String>,
    /// For a site header when the site's policies disagree on ACCESS: the one
    /// policy whose compact policy it is (REC §4.2.1).
    pub stands_for: Option<String>,
}

/// A site whose policies disagree on ACCESS: its header stands for `stands_for`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessSplit {
    pub site: Option<String>,
    pub stands_for: String,
    /// The other policies, each with its own header.
    pub others: Vec<String>,
}

/// Lowers a checked policy set to its P3P form and derives the compact policies.
pub fn derive(set: &PolicySet) -> Result<P3pOutput, EmitError> {
    let policy_file = lower::lower_file(set)?;
    let names = lower::FileNames::of(&policy_file);
    let sites = lower::sites(set);
    let primary = sites.first().map(String::as_str);
    let reference = lower::lower_reference(set, &names, primary);
    let site_references: Vec<(String, ReferenceFile)> = if sites.len() > 1 {
        sites
            .iter()
            .map(|s| (s.clone(), lower::lower_reference(set, &names, Some(s))))
            .collect()
    } else {
        Vec::new()
    };
    let mut headers = Vec::new();
    for site in site_list(&sites) {
        headers.extend(site_headers(set, &policy_file, &names, site));
    }
    let Bindings {
        access_splits,
        shadowed,
    } = bindings_of(set, &names, &sites);
    let compact = headers.first().and_then(|h| h.compact.clone());
    Ok(P3pOutput {
        policy_file,
        reference,
        site_references,
        compact,
        headers,
        access_splits,
        shadowed,
    })
}

/// What the policy reference files bind and where the headers split on ACCESS:
/// the part of [`derive`] that `check::p3p_bindings` reads, computed by the same
/// functions, without writing the P3P policies' statements of cookie policies,
/// reference files or compact policies.
#[derive(Clone, Debug)]
pub struct Bindings {
    /// As [`P3pOutput::access_splits`].
    pub access_splits: Vec<AccessSplit>,
    /// As [`P3pOutput::shadowed`].
    pub shadowed: Vec<lower::ShadowedBinding>,
}

/// [`derive`]'s ACCESS splits and shadowed cookie patterns; an error when `derive`
/// fails.
pub fn bindings(set: &PolicySet) -> Result<Bindings, EmitError> {
    let names = lower::FileNames::lower(set)?;
    Ok(bindings_of(set, &names, &lower::sites(set)))
}

fn bindings_of(set: &PolicySet, names: &lower::FileNames, sites: &[String]) -> Bindings {
    let mut access_splits = Vec::new();
    let mut shadowed = Vec::new();
    for site in site_list(sites) {
        access_splits.extend(access_split(&members(set, names, site), names, site));
        shadowed.extend(lower::shadowed_bindings(
            &lower::cookie_bindings(set, names, site),
            site,
        ));
    }
    Bindings {
        access_splits,
        shadowed,
    }
}

/// The sites headers are made for: each declared one, or `None` when there are none.
fn site_list(sites: &[String]) -> Vec<Option<&str>> {
    if sites.is_empty() {
        vec![None]
    } else {
        sites.iter().map(|s| Some(s.as_str())).collect()
    }
}

/// The policies applying on `site`, each with the P3P policies it stands for in
/// a CP: its cookie policy (and itself, when it binds cookies itself) when some
/// policy of the site has cookies, else itself; policies standing for none are
/// left out.
fn members<'s>(
    set: &'s PolicySet,
    names: &lower::FileNames,
    site: Option<&str>,
) -> Vec<(&'s str, Vec<String>)> {
    let here: Vec<&crate::model::Policy> = set
        .policies
        .iter()
        .filter(|p| lower::covers_site(set, p, site))
        .collect();
    // A policy's own COOKIE-INCLUDEs on this site (imported reference files) bind
    // cookies to the policy itself (REC §2.3.2.5).
    let binds_itself = |p: &crate::model::Policy| {
        p.covers
            .iter()
            .any(|c| site.is_none_or(|s| c.site == s) && !c.cookies.is_empty())
    };
    let any_cookies = here
        .iter()
        .any(|p| names.has(&cookie_policy_name(&p.name)) || binds_itself(p));
    here.iter()
        .filter_map(|p| {
            let mut chosen: Vec<String> = Vec::new();
            let mut choose = |name: String| {
                if names.has(&name) {
                    chosen.push(name);
                }
            };
            if any_cookies {
                if binds_itself(p) {
                    choose(p.name.clone());
                }
                choose(cookie_policy_name(&p.name));
            } else {
                choose(p.name.clone());
            }
            (!chosen.is_empty()).then_some((p.name.as_str(), chosen))
        })
        .collect()
}

/// When the policies of a site disagree on ACCESS (one CP carries one, REC
/// §4.2.1): the site's header stands for the first, the others get their own.
fn access_split(
    members: &[(&str, Vec<String>)],
    names: &lower::FileNames,
    site: Option<&str>,
) -> Option<AccessSplit> {
    let accesses: std::collections::BTreeSet<_> = members
        .iter()
        .flat_map(|(_, ps)| ps.iter().filter_map(|p| names.access(p)))
        .collect();
    if accesses.len() <= 1 {
        return None;
    }
    let (first, _) = members.first()?;
    Some(AccessSplit {
        site: site.map(str::to_string),
        stands_for: (*first).to_string(),
        others: members
            .iter()
            .skip(1)
            .map(|(n, _)| (*n).to_string())
            .collect(),
    })
}

/// The headers of one site. Each policy applying there stands for the cookies
/// its cookie policy is bound to (or, when no policy of the site declares
/// cookies, for its practices: user agents that read only the header, REFERENCE
/// A8, still see them, and it can only overstate). The site's header merges them
/// when they agree on ACCESS; otherwise it is the first policy's (REC §4.2.1: the
/// CP's ACCESS is the policy's own, never an invented one). Where the policies'
/// compact policies differ, each also gets its own header for its paths.
fn site_headers(
    set: &PolicySet,
    file: &PolicyFile,
    names: &lower::FileNames,
    site: Option<&str>,
) -> Vec<SiteHeader> {
    let find = |name: &str| file.policies.iter().find(|p| p.name == name);
    let members: Vec<(&str, Vec<String>)> = members(set, names, site);
    // The P3P policies each declared policy stands for in a CP.
    let policies: Vec<(&str, Vec<P3pPolicy>)> = members
        .iter()
        .map(|(n, ps)| (*n, ps.iter().filter_map(|p| find(p).cloned()).collect()))
        .collect();
    let site_name = site.map(str::to_string);
    let split = access_split(&members, names, site);
    let site_cp = if split.is_some() {
        policies
            .first()
            .and_then(|(_, ps)| compact::compact_policy(ps))
    } else {
        let all: Vec<P3pPolicy> = policies.iter().flat_map(|(_, ps)| ps.clone()).collect();
        compact::compact_policy(&all)
    };
    let mut out = vec![SiteHeader {
        site: site_name.clone(),
        policy: None,
        compact: site_cp.clone(),
        paths: Vec::new(),
        stands_for: split.as_ref().map(|s| s.stands_for.clone()),
    }];
    let own: Vec<(&str, Option<String>)> = policies
        .iter()
        .map(|(n, ps)| (*n, compact::compact_policy(ps)))
        .collect();
    if own.iter().any(|(_, cp)| *cp != site_cp) {
        for (name, cp) in own {
            let paths = set
                .policies
                .iter()
                .find(|p| p.name == name && lower::covers_site(set, p, site))
                .map(|p| lower::covered_paths(p, site))
                .unwrap_or_default();
            out.push(SiteHeader {
                site: site_name.clone(),
                policy: Some(name.to_string()),
                compact: cp,
                paths,
                stands_for: None,
            });
        }
    }
    out
}

fn io_error(e: &std::io::Error) -> EmitError {
    EmitError {
        message: format!("writing P3P XML: {e}"),
    }
}

impl Emitter for P3pEmitter {
    fn name(&self) -> &'static str {
        "p3p"
    }
    fn emit_to(
        &self,
        input: &Prepared<'_>,
        _options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        let out = derive(input.set())?;
        let cp = out.compact.as_deref();
        // The top-level snippets are the first site's; they say which policy they
        // stand for when that site's policies disagree on ACCESS.
        let top = header::Scope {
            stands_for: out.headers.first().and_then(|h| h.stands_for.as_deref()),
            ..header::Scope::default()
        };
        let snippet = |f| header::scoped_snippet(f, cp, &top);
        sink.file("w3c/policy.xml", &mut |w| {
            policy::render_to(&out.policy_file, w).map_err(|e| io_error(&e))
        })?;
        sink.file("w3c/p3p.xml", &mut |w| {
            reference::render_to(&out.reference, w).map_err(|e| io_error(&e))
        })?;
        sink.bytes("p3p-header.txt", snippet(HeaderFormat::Http).as_bytes())?;
        sink.bytes("nginx.conf", snippet(HeaderFormat::Nginx).as_bytes())?;
        sink.bytes("apache.conf", snippet(HeaderFormat::Apache).as_bytes())?;
        sink.bytes("link.html", snippet(HeaderFormat::HtmlLink).as_bytes())?;
        for (site, r) in &out.site_references {
            sink.file(
                &format!("sites/{}/w3c/p3p.xml", path_segment(site)),
                &mut |w| reference::render_to(r, w).map_err(|e| io_error(&e)),
            )?;
        }
        // Per-site headers when the file covers several sites; per-policy headers
        // where a site's policies have different compact policies.
        let several = out.site_references.len() > 1;
        for h in &out.headers {
            if h.policy.is_none() && !several {
                continue;
            }
            let mut dir = String::new();
            if let (Some(site), true) = (&h.site, several) {
                let _ = write!(dir, "sites/{}/", path_segment(site));
            }
            if let Some(p) = &h.policy {
                let _ = write!(dir, "policies/{}/", path_segment(p));
            }
            let note = header::Scope {
                site: h.site.as_deref(),
                policy: h.policy.as_deref(),
                paths: &h.paths,
                stands_for: h.stands_for.as_deref(),
            };
            for (name, format) in SNIPPETS {
                sink.bytes(
                    &format!("{dir}{name}"),
                    header::scoped_snippet(format, h.compact.as_deref(), &note).as_bytes(),
                )?;
            }
        }
        Ok(())
    }
}

/// A site name as a safe directory name.
fn path_segment(site: &str) -> String {
    site.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
