//! Checks on the model and its facts: references (`R2xx`), P3P structure
//! (`P3xx`), declared flags against derived facts (`F1xx`), promises against
//! practices (`C4xx`), internal sense (`Q5xx`) and acknowledgments (`A6xx`).
//! They run on the model, so both source forms get the same checks; flag,
//! promise and sense checks query `Context::facts` (`crate::facts`).

mod acknowledgments;
mod ccpa;
mod coherence;
mod context;
pub(crate) mod fingerprint;
mod flags;
mod gdpr;
pub use gdpr::grounds::{
    disclosures as ccpa_disclosures, disclosures_of as ccpa_disclosures_of,
    grounds as legal_grounds, grounds_of as legal_grounds_of, Disclosed, Ground,
};
mod mappings;
pub mod output_names;
mod p3p_bindings;
mod promises;
mod references;
mod sense;
mod structure;

#[cfg(test)]
mod tests;

use crate::diagnostic::Diagnostic;
use crate::model::PolicySet;
use crate::span::SourceFile;
use context::Context;
use std::collections::{BTreeSet, HashMap};

/// Every finding about a resolved policy set, fingerprinted.
pub fn check(set: &PolicySet, source: &SourceFile) -> Vec<Diagnostic> {
    let mut checked = Checked::run(set, source);
    let mut found = std::mem::take(&mut checked.diagnostics);
    checked.fingerprint_first(&mut found, usize::MAX);
    found
}

/// The findings about a resolved policy set, before their fingerprints: those
/// of the policies' checks are computed when asked for (by
/// [`Checked::apply_acknowledgments`] for the findings an acknowledgment names,
/// by [`Checked::fingerprint_first`] for the findings reported), each over the
/// flows of every finding of its policy, code and target, dropped ones included.
pub struct Checked<'a> {
    /// The findings, in the order the checks made them.
    pub diagnostics: Vec<Diagnostic>,
    /// The context of each policy, by index.
    contexts: Vec<Context<'a>>,
    /// Findings dropped by [`Checked::retain`] whose fingerprint group may still
    /// be asked for.
    dropped: Vec<Diagnostic>,
}

impl<'a> Checked<'a> {
    /// Runs every check.
    pub fn run(set: &'a PolicySet, source: &'a SourceFile) -> Self {
        let mut out = Vec::new();
        references::check_policy_names(set, source, &mut out);
        output_names::check(set, source, &mut out);
        p3p_bindings::check(set, source, &mut out);
        fingerprint::assign_without_flows(&mut out);
        let mut contexts = Vec::with_capacity(set.policies.len());
        for (index, policy) in set.policies.iter().enumerate() {
            let cx = Context::new(policy, source);
            let start = out.len();
            references::check(&cx, &mut out);
            structure::check(&cx, &mut out);
            flags::check(&cx, &mut out);
            promises::check(&cx, &mut out);
            sense::check(&cx, &mut out);
            coherence::check(&cx, &mut out);
            gdpr::check(&cx, &mut out);
            ccpa::check(&cx, &mut out);
            mappings::check(&cx, &mut out);
            for d in &mut out[start..] {
                if d.target.is_some() {
                    d.pending = Some(index);
                }
            }
            contexts.push(cx);
        }
        Self {
            diagnostics: out,
            contexts,
            dropped: Vec::new(),
        }
    }

    /// Keeps the findings `keep` accepts; the others still count in the
    /// fingerprints of the findings kept.
    pub fn retain(&mut self, mut keep: impl FnMut(&Diagnostic) -> bool) {
        let (kept, dropped): (Vec<Diagnostic>, Vec<Diagnostic>) =
            std::mem::take(&mut self.diagnostics)
                .into_iter()
                .partition(|d| keep(d));
        self.diagnostics = kept;
        self.dropped
            .extend(dropped.into_iter().filter(|d| d.pending.is_some()));
    }

    /// Marks the findings in `diagnostics` the policy acknowledges, and reports
    /// acknowledgments that match nothing (see [`apply_acknowledgments`]).
    pub fn apply_acknowledgments(
        &self,
        set: &PolicySet,
        source: &SourceFile,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        acknowledgments::apply(set, source, diagnostics, Some(self));
    }

    /// Gives the first `n` findings of `diagnostics` their fingerprints (and
    /// their flows, where they recorded none), each over the flows of every
    /// finding of its group in `diagnostics` and among those dropped; the others
    /// are left without.
    pub fn fingerprint_first(&self, diagnostics: &mut [Diagnostic], n: usize) {
        let n = n.min(diagnostics.len());
        let keys: BTreeSet<fingerprint::GroupKey> = diagnostics[..n]
            .iter()
            .filter_map(fingerprint::group_key)
            .collect();
        let prints = self.group_fingerprints(diagnostics, keys);
        for d in &mut diagnostics[..n] {
            if let Some(key) = fingerprint::group_key(d) {
                if d.flows.is_empty() {
                    d.flows = fingerprint::flows_of(&self.contexts, d);
                }
                d.fingerprint = prints.get(&key).cloned();
            }
        }
        for d in diagnostics.iter_mut() {
            d.pending = None;
        }
    }

    /// The fingerprints of the groups `keys` over `diagnostics` and the dropped findings.
    fn group_fingerprints(
        &self,
        diagnostics: &[Diagnostic],
        keys: BTreeSet<fingerprint::GroupKey>,
    ) -> HashMap<fingerprint::GroupKey, String> {
        fingerprint::group_fingerprints(
            &self.contexts,
            diagnostics.iter().chain(&self.dropped),
            keys,
        )
    }

    /// The flows a finding is about (computed for a pending one that recorded none).
    fn flows_of(&self, d: &Diagnostic) -> Vec<crate::diagnostic::Flow> {
        fingerprint::flows_of(&self.contexts, d)
    }

    /// The context of the policy with this index.
    fn context(&self, index: usize) -> Option<&Context<'a>> {
        self.contexts.get(index)
    }
}

pub use acknowledgments::{updates as acknowledgment_updates, AcknowledgmentUpdate};
pub use promises::{
    describe_decision, render_traces, Decision, Outcome, PracticeTrace, PromiseTrace,
};

/// For each promise of each policy, the practices it was held to and why each
/// passed or broke it (`policyc check --explain-clean`), as the checks decide.
pub fn explain_promises(set: &PolicySet, source: &SourceFile) -> Vec<PromiseTrace> {
    set.policies
        .iter()
        .flat_map(|policy| promises::traces(&Context::new(policy, source)))
        .collect()
}

/// Marks findings the policy acknowledges, and reports acknowledgments that match nothing.
/// (For findings fingerprinted already, as [`check`] returns them.)
pub fn apply_acknowledgments(
    set: &PolicySet,
    source: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) {
    acknowledgments::apply(set, source, diagnostics, None);
}
