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

use super::{EmitError, EmitOptions, Emitter, Output};
use crate::model::PolicySet;
use crate::p3p::cookies::cookie_policy_name;
use crate::p3p::document::{P3pPolicy, PolicyFile, ReferenceFile};
pub use header::HeaderFormat;

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
    /// The compact policy tokens: of the cookie policies, or of every policy when
    /// the file declares no cookies; `None` only for a file without policies.
    pub compact: Option<String>,
}

/// Lowers a checked policy set to its P3P form and derives the compact policy.
pub fn derive(set: &PolicySet) -> Result<P3pOutput, EmitError> {
    let policy_file = lower::lower_file(set)?;
    let sites = lower::sites(set);
    let primary = sites.first().map(String::as_str);
    let reference = lower::lower_reference(set, &policy_file, primary);
    let site_references: Vec<(String, ReferenceFile)> = if sites.len() > 1 {
        sites
            .iter()
            .map(|s| {
                (
                    s.clone(),
                    lower::lower_reference(set, &policy_file, Some(s)),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    // The header goes with `w3c/p3p.xml`: its CP describes the policies that apply
    // on that site.
    let here: Vec<&str> = set
        .policies
        .iter()
        .filter(|p| lower::covers_site(set, p, primary))
        .map(|p| p.name.as_str())
        .collect();
    let cookie_names: Vec<String> = here.iter().map(|n| cookie_policy_name(n)).collect();
    let pick = |names: &[String]| -> Vec<P3pPolicy> {
        policy_file
            .policies
            .iter()
            .filter(|p| names.contains(&p.name))
            .cloned()
            .collect()
    };
    let cookie_policies = pick(&cookie_names);
    // REC §4: the CP summarises the policy for the cookies. When no policy here
    // declares cookies, the CP summarises every policy here: user agents that read
    // only the header (REFERENCE A8) still see the practices, and it can only overstate.
    let compact = if cookie_policies.is_empty() {
        let names: Vec<String> = here.iter().map(|n| (*n).to_string()).collect();
        compact::compact_policy(&pick(&names))
    } else {
        compact::compact_policy(&cookie_policies)
    };
    Ok(P3pOutput {
        policy_file,
        reference,
        site_references,
        compact,
    })
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
    fn emit(&self, set: &PolicySet, _options: &EmitOptions) -> Result<Vec<Output>, EmitError> {
        let out = derive(set)?;
        let cp = out.compact.as_deref();
        let snippet = |f| header::snippet(f, cp).into_bytes();
        let mut files = vec![
            Output {
                path: "w3c/policy.xml".to_string(),
                bytes: policy::render(&out.policy_file).map_err(|e| io_error(&e))?,
            },
            Output {
                path: "w3c/p3p.xml".to_string(),
                bytes: reference::render(&out.reference).map_err(|e| io_error(&e))?,
            },
            Output {
                path: "p3p-header.txt".to_string(),
                bytes: snippet(HeaderFormat::Http),
            },
            Output {
                path: "nginx.conf".to_string(),
                bytes: snippet(HeaderFormat::Nginx),
            },
            Output {
                path: "apache.conf".to_string(),
                bytes: snippet(HeaderFormat::Apache),
            },
            Output {
                path: "link.html".to_string(),
                bytes: snippet(HeaderFormat::HtmlLink),
            },
        ];
        for (site, r) in &out.site_references {
            files.push(Output {
                path: format!("sites/{}/w3c/p3p.xml", path_segment(site)),
                bytes: reference::render(r).map_err(|e| io_error(&e))?,
            });
        }
        Ok(files)
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
