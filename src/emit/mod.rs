//! Emitters: model → output files. Every emitter writes its files into a [`Sink`]:
//! memory ([`Emitter::emit_prepared`]), or, in `policyc build`, each file straight
//! into its staging file as it is rendered (the staged tree is put in place only
//! when every emitter succeeded).

pub mod apple;
pub mod dpv;
pub mod flows;
pub mod gpc;
pub mod html;
pub mod p3p;
pub mod play;
pub mod ropa;
pub mod source;

use crate::facts::PolicyFacts;
use crate::model::{Policy, PolicySet};
use std::io;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One generated file, its path relative to the output directory of its source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Relative path with `/` separators, e.g. `w3c/p3p.xml`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where an emitter's files go as they are rendered: into memory (`Vec<Output>`),
/// or, in `policyc build`, each into its staging file.
pub trait Sink {
    /// Makes the file `path` (relative, `/` separators) of what `render` writes
    /// into the writer it is given. An error of `render`, or of the writing, is
    /// returned and stops the emitter; the file is then not part of the output.
    fn file(
        &mut self,
        path: &str,
        render: &mut dyn FnMut(&mut dyn io::Write) -> Result<(), EmitError>,
    ) -> Result<(), EmitError>;

    /// Makes the file `path` of `bytes`, an output rendered whole.
    fn bytes(&mut self, path: &str, bytes: &[u8]) -> Result<(), EmitError> {
        self.file(path, &mut |w| {
            w.write_all(bytes).map_err(|e| EmitError::io(&e))
        })
    }
}

/// The files in memory, in the order they were made.
impl Sink for Vec<Output> {
    fn file(
        &mut self,
        path: &str,
        render: &mut dyn FnMut(&mut dyn io::Write) -> Result<(), EmitError>,
    ) -> Result<(), EmitError> {
        let mut bytes = Vec::new();
        render(&mut bytes)?;
        self.push(Output {
            path: path.to_string(),
            bytes,
        });
        Ok(())
    }
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

impl EmitError {
    /// A failed write into a [`Sink`]'s writer.
    pub fn io(e: &io::Error) -> Self {
        Self {
            message: format!("cannot write: {e}"),
        }
    }
}

/// A policy set with what the emitters derive from it: each policy's facts and
/// the flows projected from them, each computed once, on first use, and shared by
/// every emitter and skip check that reads them. `policyc build` prepares each
/// policy file once for all its emitters.
pub struct Prepared<'a> {
    set: &'a PolicySet,
    facts: Vec<OnceLock<PolicyFacts>>,
    flows: Vec<OnceLock<Vec<flows::Flow>>>,
}

impl<'a> Prepared<'a> {
    /// Prepares `set`; nothing is derived until an emitter asks for it.
    pub fn new(set: &'a PolicySet) -> Self {
        Self {
            set,
            facts: set.policies.iter().map(|_| OnceLock::new()).collect(),
            flows: set.policies.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The policy set.
    pub fn set(&self) -> &'a PolicySet {
        self.set
    }

    /// The facts of the `i`-th policy of the set.
    pub fn facts(&self, i: usize) -> &PolicyFacts {
        self.facts[i].get_or_init(|| crate::facts::derive_policy(&self.set.policies[i]))
    }

    /// The flows of the `i`-th policy of the set ([`flows::flows`]).
    pub fn flows(&self, i: usize) -> &[flows::Flow] {
        self.flows[i].get_or_init(|| flows::flows_of(&self.set.policies[i], self.facts(i)))
    }

    /// Drops the facts of the policies whose flows are derived (the flows are all
    /// that the emitters after the HTML one read): the build calls it between
    /// emitters to lower its peak. Facts asked for again are derived again.
    pub fn release_facts(&mut self) {
        for (facts, flows) in self.facts.iter_mut().zip(&self.flows) {
            if flows.get().is_some() {
                facts.take();
            }
        }
    }

    /// The position of `policy` in the set, when it is one of the set's own
    /// policies (not a copy, e.g. a translated one).
    pub fn index_of(&self, policy: &Policy) -> Option<usize> {
        self.set
            .policies
            .iter()
            .position(|p| std::ptr::eq(p, policy))
    }

    /// The facts of `policy` when it is one of the set's own policies.
    pub fn facts_of(&self, policy: &Policy) -> Option<&PolicyFacts> {
        self.index_of(policy).map(|i| self.facts(i))
    }

    /// The flows of `policy`: shared when it is one of the set's own policies,
    /// else derived.
    pub fn flows_of(&self, policy: &Policy) -> std::borrow::Cow<'_, [flows::Flow]> {
        match self.index_of(policy) {
            Some(i) => std::borrow::Cow::Borrowed(self.flows(i)),
            None => std::borrow::Cow::Owned(flows::flows(policy)),
        }
    }
}

/// An output format.
pub trait Emitter {
    /// Short name, e.g. `p3p`, `html`.
    fn name(&self) -> &'static str;
    /// Writes every file this emitter produces for one checked, prepared policy
    /// set into `sink`, each as it is rendered. Call it only for a set the emitter
    /// does not skip ([`Self::skip_reason_prepared`] is `None`).
    fn emit_to(
        &self,
        input: &Prepared<'_>,
        options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError>;
    /// Why this emitter writes nothing for the prepared set (the policy lacks what
    /// it needs), or `None` when it applies. `policyc build` reports the reason.
    fn skip_reason_prepared(&self, input: &Prepared<'_>) -> Option<String> {
        let _ = input;
        None
    }
    /// Every file this emitter produces for one checked, prepared policy set, in
    /// memory; none when it skips the set.
    fn emit_prepared(
        &self,
        input: &Prepared<'_>,
        options: &EmitOptions,
    ) -> Result<Vec<Output>, EmitError> {
        let mut out = Vec::new();
        if self.skip_reason_prepared(input).is_none() {
            self.emit_to(input, options, &mut out)?;
        }
        Ok(out)
    }
    /// [`Self::emit_prepared`] for a set prepared for this emitter alone.
    fn emit(&self, set: &PolicySet, options: &EmitOptions) -> Result<Vec<Output>, EmitError> {
        self.emit_prepared(&Prepared::new(set), options)
    }
    /// [`Self::skip_reason_prepared`] for a set prepared for this check alone.
    fn skip_reason(&self, set: &PolicySet) -> Option<String> {
        self.skip_reason_prepared(&Prepared::new(set))
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

/// Writes `value` the way every JSON output is written (two-space indentation, a
/// final newline) into `w`.
pub(crate) fn write_json<T: serde::Serialize + ?Sized>(
    w: &mut dyn io::Write,
    value: &T,
) -> Result<(), EmitError> {
    serde_json::to_writer_pretty(&mut *w, value).map_err(|e| EmitError {
        message: format!("cannot serialize JSON: {e}"),
    })?;
    w.write_all(b"\n").map_err(|e| EmitError::io(&e))
}
