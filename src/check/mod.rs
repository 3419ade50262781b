//! Checks on the model: references, P3P structure, promises, internal sense. (Under construction.)

use crate::diagnostic::Diagnostic;
use crate::model::PolicySet;
use crate::span::SourceFile;

/// Every finding about a resolved policy set.
pub fn check(_set: &PolicySet, _source: &SourceFile) -> Vec<Diagnostic> {
    Vec::new()
}

/// Marks findings the policy acknowledges, and reports acknowledgments that match nothing.
pub fn apply_acknowledgments(
    _set: &PolicySet,
    _source: &SourceFile,
    _diagnostics: &mut Vec<Diagnostic>,
) {
}
