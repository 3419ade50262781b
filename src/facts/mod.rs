//! The facts stage: a policy flattened into a table of data flows, with derived
//! attributes the checks and emitters query instead of trusting declared flags.
//!
//! # Using it
//!
//! ```
//! # let set = policyc::model::PolicySet::default();
//! let facts = policyc::facts::derive(&set);
//! for policy in &facts.policies {
//!     for row in policy.rows() {
//!         // one flow: row.practice, row.subject, row.data, row.purpose, row.recipient
//!         let _ = (row.practice.target(), row.data.map(|d| d.leaf.text()));
//!     }
//! }
//! ```
//!
//! - [`derive`] (`&PolicySet` → [`Facts`]) and [`derive_policy`] (`&Policy` →
//!   [`PolicyFacts`]) build the facts; they never fail.
//! - [`PolicyFacts::practices`] holds one [`Practice`] per statement (`collect`),
//!   cookie, sharing rule (`share`) and retention rule, in that order. A practice
//!   carries its subjects ([`SubjectFact`], `children` derived), its data expanded
//!   to base-schema leaves and custom items ([`DataFact`]: categories, whether and
//!   why the leaf is identifying, its sensitive categories), its purposes with their
//!   choice ([`PurposeFact`]), its recipients with kind, choice, basis and role
//!   ([`RecipientFact`]: a cookie's provider is one), its retention value and
//!   period, the retention rules that apply, a cookie's party and provider, a
//!   sharing rule's choice and sale flag, the flags as declared ([`Declared`]) and
//!   the attributes derived ([`DerivedFacts`]).
//! - [`PolicyFacts::rows`] yields the flow table: one [`Row`] per practice ×
//!   subject × data leaf × purpose × recipient (`None` where the practice has no
//!   such list). Rows are computed on the fly, never stored.
//! - Derived attributes ([`Derived`]: a value and its [`Reason`]s, each with what it
//!   came from and where it is written): `identifying` (names, contact details,
//!   logins and unique ids, government ids), `linked` (cookies: identifying
//!   categories or words in `holds`, `individual-*` purposes), `cross_site`
//!   (cookies: a third party or a provider that is not `ours`, used for profiling,
//!   tailoring or marketing), `sensitive` (health, financial, government, political
//!   data, or data from children). [`Practice::identifiable`] and
//!   [`Practice::cross_site`] combine declared and derived values (a declared
//!   flag can say yes, never hide a derived yes).
//! - [`to_table`] and [`to_json`] render the facts (`policyc dump --facts`).
//!
//! The types are stable: fields are added, never renamed.

mod attributes;
mod build;
mod render;
mod table;

pub use build::{cookie_consent, derive, derive_policy};
pub use render::{to_json, to_table};
pub use table::{
    DataFact, Declared, Derived, DerivedFacts, Facts, Leaf, PolicyFacts, Practice, PracticeKind,
    PurposeFact, Reason, ReasonSource, RecipientFact, RecipientRole, RetentionFact, Row,
    SubjectFact,
};

#[cfg(test)]
mod tests;
