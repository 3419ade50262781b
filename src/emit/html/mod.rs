//! The human-readable policy: one standalone HTML5 page per policy, rendered from
//! minijinja templates (`templates/`, embedded; `--templates DIR` overrides them
//! file by file), with the privacy label at its top.
//!
//! Output: `<policy-name>.html` per policy, beside the P3P files. With
//! `--fragment`, `<policy-name>.fragment.html` instead: the policy's `<article>`
//! only, without `<head>`, styles or landmarks, to embed in an existing page.

pub mod catalog;
pub mod changed;
mod data;
pub mod href;
pub mod label;
pub mod legal;
mod templates;
mod terms;
pub mod view;
mod words;

pub use templates::BUILTIN as BUILTIN_TEMPLATES;

use super::{EmitError, EmitOptions, Emitter, Output};
use crate::model::PolicySet;
use minijinja::value::Serde;
use minijinja::Value;

pub struct HtmlEmitter;

/// Policy names become file names: only `[A-Za-z][A-Za-z0-9_-]*` (the language's
/// name rule) is accepted, so no name can reach outside the output directory.
fn file_stem(name: &str) -> Result<&str, EmitError> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(name)
    } else {
        Err(EmitError {
            message: format!(
                "policy name {name:?} cannot be a file name: use letters, digits, `-` and `_`, starting with a letter"
            ),
        })
    }
}

impl Emitter for HtmlEmitter {
    fn name(&self) -> &'static str {
        "html"
    }

    fn emit(&self, set: &PolicySet, options: &EmitOptions) -> Result<Vec<Output>, EmitError> {
        let dir = options.templates.as_deref();
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(EmitError {
                    message: format!("{}: the templates directory does not exist", d.display()),
                });
            }
        }
        let custom;
        let env = if options.templates.is_some() {
            custom = templates::environment(options.templates.clone());
            &custom
        } else {
            templates::builtin()
        };
        let (template_name, suffix) = if options.fragment {
            ("fragment.html", "fragment.html")
        } else {
            ("page.html", "html")
        };
        let template = env
            .get_template(template_name)
            .map_err(|e| templates::emit_error(dir, &e))?;
        let mut outputs = Vec::new();
        for policy in &set.policies {
            let stem = file_stem(&policy.name)?;
            let previous = options
                .previous
                .as_deref()
                .and_then(|old| changed::previous_of(old, policy, set.policies.len()));
            let view = view::page_since(policy, previous);
            let html = template
                .render(Value::from(Serde(&view)))
                .map_err(|e| templates::emit_error(dir, &e))?;
            outputs.push(Output {
                path: format!("{stem}.{suffix}"),
                bytes: html.into_bytes(),
            });
        }
        Ok(outputs)
    }
}
