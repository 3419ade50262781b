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

/// Every finding about a resolved policy set.
pub fn check(set: &PolicySet, source: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    references::check_policy_names(set, source, &mut out);
    output_names::check(set, source, &mut out);
    p3p_bindings::check(set, source, &mut out);
    for policy in &set.policies {
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
        fingerprint::assign(&cx, &mut out[start..]);
    }
    fingerprint::assign_without_flows(&mut out);
    out
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
pub fn apply_acknowledgments(
    set: &PolicySet,
    source: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) {
    acknowledgments::apply(set, source, diagnostics);
}
