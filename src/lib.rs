//! policyc: a privacy-policy-as-code compiler.
//!
//! Stages: [`parser`] (pest, source text → [`ast`]) → [`resolve`] (AST → [`model`])
//! → [`facts`] (model → derived data flows) → [`check`] (facts → findings) → [`emit`] (model → HTML, P3P, compact policy).
//! [`engine`] runs them; see ARCHITECTURE.md.

pub mod ast;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod engine;
pub mod facts;
pub mod fmt;
pub mod lsp;
pub mod model;
pub mod p3p;
pub mod parser;
pub mod period;
pub mod resolve;
pub mod span;
pub mod vocabulary;
