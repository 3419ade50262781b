//! Emitters: model → output files. Every emitter renders into memory; `policyc build`
//! writes the results only when all of them succeeded, each file atomically.

pub mod html;
pub mod p3p;
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
}

/// Every emitter `policyc build` runs, in order.
pub fn emitters() -> Vec<Box<dyn Emitter>> {
    vec![Box::new(p3p::P3pEmitter), Box::new(html::HtmlEmitter)]
}
