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
///
/// A file parsed in pieces is resolved as it is parsed: each item of a
/// top-level `policy` block is resolved as soon as the parser completes it,
/// then dropped, so the syntax tree is never whole ([`FileResolver`] as the
/// parser's [`Sink`](crate::parser::Sink)). The findings and the model are
/// those of resolving the whole tree ([`resolve`]): both are fed the same
/// items in the same order.
pub fn resolve_source(source: &SourceFile) -> Resolution {
    resolve_source_as(source, How::Streamed(crate::parser::PIECE_SIZE))
}

/// How [`resolve_source_as`] parses.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// The whole tree, then resolved.
    Tree,
    /// Resolved as parsed, in pieces of about this many bytes.
    Streamed(usize),
}

/// [`resolve_source`], parsing as `how` says (tests compare the two).
#[doc(hidden)]
pub fn resolve_source_as(source: &SourceFile, how: How) -> Resolution {
    use crate::parser::Outcome;
    let index = LineIndex::new(&source.path, &source.text);
    let (out, mut diags, resolved) = match how {
        How::Tree => {
            let (file, diags) = crate::parser::parse_with_findings(&index);
            (file.map_or(Outcome::Failed, Outcome::Tree), diags, None)
        }
        How::Streamed(size) => {
            let mut r = FileResolver::default();
            let (out, diags, _) = crate::parser::parse_into(&index, size, &mut r);
            // Parsed whole (one piece, or a piece did not parse): what the
            // resolver was given is discarded.
            let resolved = matches!(out, Outcome::Sent).then(|| r.finish(&source.path));
            (out, diags, resolved)
        }
    };
    let (set, more, file) = match (out, resolved) {
        (Outcome::Tree(file), _) => {
            let (set, more) = resolve(&file, &source.path);
            (set, more, Some(file))
        }
        (Outcome::Sent, Some((set, more))) => (set, more, None),
        _ => {
            return Resolution {
                diagnostics: diags,
                ..Resolution::default()
            }
        }
    };
    diags.extend(more);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        // The damage is read from the tree: a file resolved as it was parsed
        // is parsed again, whole (only when there are errors).
        let damage = file
            .or_else(|| crate::parser::parse_with_findings(&index).0)
            .map(|file| Damage::of(&file, &diags))
            .unwrap_or_default();
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

impl crate::parser::Sink for FileResolver {
    fn item(&mut self, item: &ast::Item) {
        FileResolver::item(self, item);
    }

    fn open(&mut self, head: &ast::Item) -> bool {
        let policy = head.key() == "policy";
        if policy {
            self.open_policy(head);
        }
        policy
    }

    fn child(&mut self, item: &ast::Item) {
        self.policy_item(item);
    }

    fn close(&mut self) {
        self.close_policy();
    }
}

/// Resolves a syntax tree into the model, with every finding. The model is as
/// complete as the errors allow.
pub fn resolve(file: &ast::File, path: &std::sync::Arc<str>) -> (PolicySet, Vec<Diagnostic>) {
    let mut r = FileResolver::default();
    for item in &file.items {
        r.item(item);
    }
    r.finish(path)
}

/// A file resolved one top-level item at a time ([`FileResolver::item`]), or,
/// for a `policy` whose block is given item by item, with
/// [`FileResolver::open_policy`], [`FileResolver::policy_item`] for each item
/// of its block, and [`FileResolver::close_policy`].
#[derive(Default)]
pub struct FileResolver {
    cx: Cx,
    set: PolicySet,
    saw_policy: bool,
    /// The first top-level item's head, for S005.
    first: Option<Span>,
    /// The policy whose block is being given.
    open: Option<policy::PolicyResolver>,
}

impl FileResolver {
    /// A whole top-level item.
    pub fn item(&mut self, item: &ast::Item) {
        self.first.get_or_insert(item.head);
        if item.key() == "policy" {
            self.saw_policy = true;
            let p = policy::policy(&mut self.cx, item);
            self.set.policies.extend(p);
        } else {
            // A misspelt `policy` counts as the policy for S005.
            self.saw_policy |= crate::vocabulary::suggest(item.key(), ["policy"]).is_some();
            self.cx.unknown_keyword(item, "the top level", &["policy"]);
        }
    }

    /// A top-level `policy` item's line (`head`: its keyword, values and an
    /// open block, without the block's items), whose block's items follow.
    pub fn open_policy(&mut self, head: &ast::Item) {
        self.first.get_or_insert(head.head);
        self.saw_policy = true;
        self.open = Some(policy::PolicyResolver::begin(&mut self.cx, head));
    }

    /// The next item of the open policy's block.
    pub fn policy_item(&mut self, item: &ast::Item) {
        if let Some(p) = &mut self.open {
            p.item(&mut self.cx, item);
        }
    }

    /// The open policy's block is closed.
    pub fn close_policy(&mut self) {
        if let Some(p) = self.open.take() {
            let p = p.finish(&mut self.cx);
            self.set.policies.extend(p);
        }
    }

    /// The model and every finding, once every item was given.
    pub fn finish(mut self, path: &std::sync::Arc<str>) -> (PolicySet, Vec<Diagnostic>) {
        self.close_policy();
        if !self.saw_policy {
            let span = self.first.unwrap_or_else(|| Span::file_start(path));
            self.cx.push(
                Diagnostic::new(Code::EmptyFile, "this file defines no policy")
                    .at(Some(span))
                    .help("a policy file holds at least one `policy NAME { ... }` block"),
            );
        }
        (self.set, self.cx.diags)
    }
}
