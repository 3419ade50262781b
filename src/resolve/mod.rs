//! Resolution: AST (or YAML) → policy model. (Under construction.)

use crate::diagnostic::{Code, Diagnostic};
use crate::model::PolicySet;
use crate::span::{SourceFile, Span};

/// Parses and resolves a policy-language source file.
pub fn compile_policy_source(source: &SourceFile) -> (Option<PolicySet>, Vec<Diagnostic>) {
    let d = Diagnostic::new(
        Code::SyntaxError,
        "the policy-language front end is not built yet",
    )
    .at(Some(Span::file_start(&source.path)));
    (None, vec![d])
}

/// Deserializes a YAML source file into the model.
pub fn compile_yaml_source(source: &SourceFile) -> (Option<PolicySet>, Vec<Diagnostic>) {
    match yaml_serde::from_str::<PolicySet>(&source.text) {
        Ok(set) => (Some(set), Vec::new()),
        Err(e) => {
            let d = Diagnostic::new(Code::YamlError, e.to_string())
                .at(Some(Span::file_start(&source.path)));
            (None, vec![d])
        }
    }
}
