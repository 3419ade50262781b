//! Practices P3P cannot carry in full: cookies, sharing, security, retention rules,
//! rights, opt-out channels and change notification. Cookies and sharing feed the
//! P3P output too (cookie statements, recipients); the rest is for the HTML.

use super::{DataUse, PurposeUse, RetentionUse};
use crate::span::Origin;
use crate::vocabulary::{Category, Required, RightKind};
use serde::{Deserialize, Serialize};

/// Who sets a cookie.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Party {
    #[default]
    First,
    Third,
}

/// A cookie (or similar device: web beacon, clear gif, local storage).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Cookie {
    /// Identifier in the policy.
    pub name: String,
    /// Heading of the cookie's entry in the human-readable policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The cookie's actual name as set, or a pattern (`*`); `None` means any name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// "session", "13 months", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<String>,
    #[serde(default)]
    pub party: Party,
    /// For third-party cookies: the recipient that sets and reads it (a defined recipient).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The provider's basis, in the exception words promises state
    /// (`provider analytics basis service-providers`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_basis: Option<super::Exception>,
    /// What the cookie holds, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holds: Option<String>,
    /// Categories of what it holds (P3P `dynamic.cookies` CATEGORIES, REC §3.4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<PurposeUse>,
    /// Who receives what it holds; empty means `ours`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<super::RecipientUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<RetentionUse>,
    /// Whether what it holds is linked to personally identifiable information.
    #[serde(default)]
    pub linked: bool,
    /// Whether it is used to follow people across other sites.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cross_site: bool,
    /// Legal basis and other legal facts (GDPR, CCPA).
    #[serde(default, skip_serializing_if = "super::PracticeLaw::is_empty")]
    pub legal: super::PracticeLaw,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A sharing rule: who receives which data, why and on what conditions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Sharing {
    pub name: String,
    /// Heading of the sharing rule in the human-readable policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Names of defined recipients.
    pub with: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataUse>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<PurposeUse>,
    /// Whether the person must agree (opt-in), may refuse (opt-out) or has no say (always).
    #[serde(default, skip_serializing_if = "Required::is_default")]
    pub choice: Required,
    /// Conditions in words ("only when both were parties to the transaction").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<String>,
    /// Whether the data is sold, rented or traded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sale: bool,
    /// Whether the shared data identifies people. False for aggregate or anonymised data.
    #[serde(
        default = "super::statement::yes",
        skip_serializing_if = "super::statement::is_true"
    )]
    pub identifiable: bool,
    /// Why the sharing happens, when it is one of the usual exceptions promises make.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<super::Exception>,
    /// Legal basis and other legal facts (GDPR, CCPA).
    #[serde(default, skip_serializing_if = "super::PracticeLaw::is_empty")]
    pub legal: super::PracticeLaw,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Kinds of security practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureKind {
    TransportEncryption,
    AtRestEncryption,
    AccessControl,
    StaffTraining,
    SecureHosting,
    Firewall,
    Monitoring,
    Backups,
    Other,
}

/// One security practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct SecurityMeasure {
    pub kind: MeasureKind,
    pub description: String,
    /// Categories of data it protects; empty means all data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<Category>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A retention rule: how long some data is kept and how it is destroyed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RetentionRule {
    pub name: String,
    /// Statements the rule applies to (names of `collect` blocks); empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<String>,
    /// "as long as your account is active", "13 months".
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destruction: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A right and how to exercise it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Right {
    pub kind: RightKind,
    /// How to exercise it ("email privacy@example.com").
    pub how: String,
    /// Subjects who have it; empty means everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Limits ("a residual copy may remain in backups").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<String>,
    /// How soon a request is answered ("within one month", "45 days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A channel for opting out of (or into) something.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct OptOut {
    pub name: String,
    /// Names of statements, sharing rules or cookies it controls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// How, in words.
    pub how: String,
    /// A URL or `mailto:` for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// How people are told about changes to the policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotifyMethod {
    Email,
    SiteNotice,
    Homepage,
}

/// Change-notification commitments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ChangeNotice {
    /// Where every change is posted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub post: Vec<NotifyMethod>,
    /// How people are notified of material changes or new uses of their data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notify: Vec<NotifyMethod>,
    /// Whether notice comes before the change takes effect.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub before_effective: bool,
    /// Whether people may refuse a new use of data collected under an older policy.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub consent_for_new_uses: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}
