//! Emitters: model → output files. Every emitter renders into memory; `policyc build`
//! writes the results only when all of them succeeded, each file atomically.

pub mod apple;
pub mod dpv;
pub mod flows;
pub mod gpc;
pub mod html;
pub mod p3p;
pub mod play;
pub mod ropa;
pub mod source;

use crate::model::PolicySet;
use std::path::PathBuf;

/// One generated file, its path relative to the output directory of its source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Relative path with `/` separators, e.g. `w3c/p3p.xml`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Options that change what emitters produce.
#[derive(Clone, Debug, Default)]
pub struct EmitOptions {
    /// A directory of templates overriding the embedded HTML templates.
    pub templates: Option<PathBuf>,
    /// Emit the HTML body only, to embed in an existing page.
    pub fragment: bool,
    /// The previous published version of the policies (`build --previous`): the
    /// HTML notice says what changed since.
    pub previous: Option<std::sync::Arc<crate::model::PolicySet>>,
}

/// Why an emitter could not produce its output (e.g. a template error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmitError {
    pub message: String,
}

impl std::fmt::Display for EmitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EmitError {}

/// An output format.
pub trait Emitter {
    /// Short name, e.g. `p3p`, `html`.
    fn name(&self) -> &'static str;
    /// Renders every file this emitter produces for one checked policy set.
    fn emit(&self, set: &PolicySet, options: &EmitOptions) -> Result<Vec<Output>, EmitError>;
    /// Why this emitter writes nothing for `set` (the policy lacks what it needs),
    /// or `None` when it applies. `policyc build` reports the reason.
    fn skip_reason(&self, set: &PolicySet) -> Option<String> {
        let _ = set;
        None
    }
}

/// Every emitter `policyc build` runs, in order.
pub fn emitters() -> Vec<Box<dyn Emitter>> {
    vec![
        Box::new(p3p::P3pEmitter),
        Box::new(html::HtmlEmitter),
        Box::new(gpc::GpcEmitter),
        Box::new(apple::AppleEmitter),
        Box::new(play::PlayEmitter),
        Box::new(ropa::RopaEmitter),
        Box::new(dpv::DpvEmitter),
    ]
}

/// The policies of a set that declare an app published on `platform`, with the
/// folder their app-store files go in: `base` alone when one policy has an app,
/// `base/<policy name>` when several do.
pub(crate) fn app_policies<'a>(
    set: &'a PolicySet,
    platform: crate::model::Platform,
    base: &str,
) -> Vec<(&'a crate::model::Policy, &'a crate::model::App, String)> {
    let with: Vec<_> = set
        .policies
        .iter()
        .filter_map(|p| p.app.as_ref().filter(|a| a.on(platform)).map(|a| (p, a)))
        .collect();
    let several = with.len() > 1;
    with.into_iter()
        .map(|(p, a)| {
            let dir = if several {
                format!("{base}/{}", p.name)
            } else {
                base.to_string()
            };
            (p, a, dir)
        })
        .collect()
}

/// Serializes a JSON value the way every JSON output is written: two-space
/// indentation, a final newline.
pub(crate) fn json_bytes(value: &serde_json::Value) -> Result<Vec<u8>, EmitError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| EmitError {
        message: format!("cannot serialize JSON: {e}"),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}
