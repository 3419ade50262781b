//! The P3P-visible form of a policy file: exactly what a P3P 1.0 policy file
//! (REC §3) and policy reference file (REC §2.3) carry, no more. The emitter lowers
//! the model into it and writes it as XML; `import` reads XML into it and raises it
//! back into the model. Round-trip equality is defined on this form.

use crate::vocabulary::{
    Access, Category, Purpose, Recipient, Remedy, Required, ResolutionType, Retention,
};

/// The P3P 1.0 namespace (REC §3.2.1). Emitted on `POLICIES` and `META`.
pub const P3P_NAMESPACE: &str = "http://www.w3.org/2002/01/P3Pv1";

/// A `POLICIES` element: every policy of one file (REC §3.2.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyFile {
    /// `EXPIRY max-age` of every policy in the file, in seconds (REC §3.2.1).
    pub expiry: Option<u64>,
    pub policies: Vec<P3pPolicy>,
}

/// One `POLICY` (REC §3.2.2).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct P3pPolicy {
    pub name: String,
    pub discuri: String,
    pub opturi: Option<String>,
    pub lang: Option<String>,
    pub test: bool,
    /// `ENTITY/DATA-GROUP/DATA`: `business.*` reference (without `#`) and value, in order.
    pub entity: Vec<(String, String)>,
    pub access: Option<Access>,
    pub disputes: Vec<P3pDispute>,
    pub statements: Vec<P3pStatement>,
}

/// One `DISPUTES` (REC §3.2.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct P3pDispute {
    pub resolution: ResolutionType,
    pub service: String,
    pub short_description: Option<String>,
    pub verification: Option<String>,
    pub long_description: Option<String>,
    pub img: Option<P3pImg>,
    pub remedies: Vec<Remedy>,
}

/// A DISPUTES `IMG`: the logo of the service (REC §3.2.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct P3pImg {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// One `STATEMENT` (REC §3.3.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct P3pStatement {
    pub consequence: Option<String>,
    pub non_identifiable: bool,
    pub purposes: Vec<P3pPurpose>,
    pub recipients: Vec<P3pRecipient>,
    pub retention: Option<Retention>,
    pub data: Vec<P3pData>,
}

/// A PURPOSE value (REC §3.3.4). `description` is the text of `other-purpose`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct P3pPurpose {
    pub purpose: Purpose,
    pub required: Required,
    pub description: Option<String>,
}

/// A RECIPIENT value (REC §3.3.5) with its `recipient-description`s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct P3pRecipient {
    pub recipient: Recipient,
    pub required: Required,
    pub descriptions: Vec<String>,
}

/// A `DATA` element of a statement (REC §3.3.7): a base data schema reference
/// (without the leading `#`), `optional`, and its CATEGORIES.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct P3pData {
    pub reference: String,
    pub optional: bool,
    pub categories: Vec<Category>,
    /// The text of `<other-category>` (REC §3.4: its human-readable description),
    /// when the categories include `other-category` and the source describes it.
    pub other_category: Option<String>,
}

/// A policy reference file (REC §2.3): `META/POLICY-REFERENCES`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReferenceFile {
    /// `EXPIRY max-age` in seconds (at least 86400, REC §2.3.2.3).
    pub expiry: u64,
    pub refs: Vec<PolicyRef>,
}

/// One `POLICY-REF` (REC §2.3.2.1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PolicyRef {
    pub about: String,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub cookie_include: Vec<CookiePattern>,
    pub cookie_exclude: Vec<CookiePattern>,
    pub methods: Vec<String>,
}

/// The attributes of `COOKIE-INCLUDE`/`COOKIE-EXCLUDE` (REC §2.3.2.5); `*` is any.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CookiePattern {
    pub name: String,
    pub value: String,
    pub domain: String,
    pub path: String,
}
