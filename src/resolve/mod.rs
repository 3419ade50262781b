//! Resolution: AST (or YAML) → policy model.
//!
//! Resolve validates what the language itself defines: keywords per block
//! (L101), values present (L102) and expected (L103), P3P vocabulary words
//! (L104), single-valued properties (L105), value forms (L106) and base data
//! schema names (L108). It reports every such error in the file in one run.
//! References between names and every consistency rule are `check`'s business.

mod app;
mod context;
mod data;
mod forms;
mod handoff;
mod languages;
mod law;
mod lists;
mod policy;
mod practice;
mod practice_law;
mod promise;
mod statement;
pub mod text_chars;
mod values;
mod yaml;
mod yaml_budget;
mod yaml_origins;
mod yaml_values;

pub use handoff::Damage;
/// Name and value rules of the language, for writers of source (`import`).
pub(crate) use values::{is_email, is_http_url, is_language, is_uri};
pub use yaml::compile_yaml_source;

use crate::ast;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::PolicySet;
use crate::span::{LineIndex, SourceFile, Span};
use context::Cx;

/// Parses and resolves a policy-language source file. The model is `None` when
/// the file has syntax errors or resolve errors (so no consumer works on a
/// half-understood policy).
pub fn compile_policy_source(source: &SourceFile) -> (Option<PolicySet>, Vec<Diagnostic>) {
    let r = resolve_source(source);
    (r.set.filter(|_| r.complete), r.diagnostics)
}

/// What resolving a source gives the engine.
#[derive(Debug, Default)]
pub struct Resolution {
    /// The model, when the file parsed: complete, or as far as the errors
    /// allowed (the checks run on it so that one error does not hide the
    /// findings of other parts).
    pub set: Option<PolicySet>,
    /// Whether `set` is complete: the file resolved without errors.
    pub complete: bool,
    /// Syntax and resolve findings.
    pub diagnostics: Vec<Diagnostic>,
    /// The parts of `partial` the errors damaged: check findings about them are dropped.
    pub damage: Damage,
}

/// Parses and resolves a policy-language source, keeping the partial model.
pub fn resolve_source(source: &SourceFile) -> Resolution {
    let index = LineIndex::new(&source.path, &source.text);
    let (file, mut diags) = crate::parser::parse_with_findings(&index);
    let Some(file) = file else {
        return Resolution {
            diagnostics: diags,
            ..Resolution::default()
        };
    };
    let (set, more) = resolve(&file, &source.path);
    diags.extend(more);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        let damage = Damage::of(&file, &diags);
        // No policy at all (S005) leaves nothing to check.
        Resolution {
            set: (!set.policies.is_empty()).then_some(set),
            complete: false,
            diagnostics: diags,
            damage,
        }
    } else {
        Resolution {
            set: Some(set),
            complete: true,
            diagnostics: diags,
            damage: Damage::default(),
        }
    }
}

/// Resolves a syntax tree into the model, with every finding. The model is as
/// complete as the errors allow.
pub fn resolve(file: &ast::File, path: &std::sync::Arc<str>) -> (PolicySet, Vec<Diagnostic>) {
    let mut cx = Cx::default();
    let mut set = PolicySet::default();
    let mut saw_policy = false;
    for item in &file.items {
        if item.key() == "policy" {
            saw_policy = true;
            set.policies.extend(policy::policy(&mut cx, item));
        } else {
            // A misspelt `policy` counts as the policy for S005.
            saw_policy |= crate::vocabulary::suggest(item.key(), ["policy"]).is_some();
            cx.unknown_keyword(item, "the top level", &["policy"]);
        }
    }
    if !saw_policy {
        let span = file
            .items
            .first()
            .map_or_else(|| Span::file_start(path), |i| i.head);
        cx.push(
            Diagnostic::new(Code::EmptyFile, "this file defines no policy")
                .at(Some(span))
                .help("a policy file holds at least one `policy NAME { ... }` block"),
        );
    }
    (set, cx.diags)
}
