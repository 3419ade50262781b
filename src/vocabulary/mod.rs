//! The single source of truth for every P3P 1.0 term and every legal term
//! (GDPR, UK GDPR, CCPA/CPRA: `law_terms`, `gdpr_terms`, `ccpa_terms`, `rights`,
//! `law_mappings`).
//!
//! Each term has: the word used in policy source files and in P3P XML (they are the
//! same, as the spec spells them), its compact-policy token (REC §4.2), and its
//! plain-language wording for the human-readable policy (after W3C's P3P
//! translation guidance). Nothing else in the crate spells a P3P term by hand.

mod ccpa_terms;
mod data_schema;
mod data_words;
pub mod dpv;
mod gdpr_terms;
pub mod identifying;
mod law_mappings;
mod law_terms;
pub mod reader;
mod rights;
pub mod stores;
mod terms;

pub use ccpa_terms::{CcpaCategory, Disclosure, Sensitive};
pub use data_schema::{
    all_names as data_names, elements_under as data_elements_under, lookup as lookup_data,
    DataElement, DATA_SCHEMA_ROOTS,
};
pub use data_words::data_label;
pub use gdpr_terms::{Art9Condition, Law, LegalBasis, Safeguard};
pub use law_mappings::{
    business_purpose, ccpa_for_category, ccpa_for_element, is_eea, is_uk, sensitive_for_category,
    sensitive_for_element, EEA_COUNTRIES,
};
pub use law_terms::LawTerm;
pub use rights::{RightKind, RIGHT_ALIASES};
pub use terms::{
    Access, Category, Purpose, Recipient, Remedy, Required, ResolutionType, Retention,
};

/// Behaviour shared by every vocabulary enum.
pub trait Term: Sized + Copy + 'static {
    /// Every value, in the spec's order.
    const ALL: &'static [Self];
    /// What the group of terms is called, in words ("purpose", "category").
    const GROUP: &'static str;
    /// The word as written in source files and P3P XML (`pseudo-analysis`).
    fn word(self) -> &'static str;
    /// The compact-policy token (REC §4.2), without any `a`/`i`/`o` suffix.
    fn token(self) -> &'static str;
    /// Short plain-language wording ("Pseudonymous analysis").
    fn label(self) -> &'static str;
    /// One sentence for a reader of the human-readable policy.
    fn description(self) -> &'static str;

    /// The term whose source word is `word`, if any.
    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.word() == word)
    }
    /// The term whose compact token is `token`, if any.
    fn from_token(token: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.token() == token)
    }
    /// All source words of the group, for "expected one of" messages.
    fn words() -> Vec<&'static str> {
        Self::ALL.iter().map(|t| t.word()).collect()
    }
}

/// The closest known word to `input` among `candidates`, for "did you mean" help.
pub fn suggest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input_lower = input.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&input_lower, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}
