use super::DataUse;
use crate::span::Origin;
use crate::vocabulary::{Purpose, Recipient, Required, Retention};
use serde::{Deserialize, Serialize};

/// A kind of person data is collected from (partners, visitors, customers, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Subject {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A named recipient: a P3P recipient kind plus who it is ("`WorldPay`, our payment processor").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RecipientDef {
    pub name: String,
    /// The P3P recipient value it falls under (REC §3.3.5).
    pub kind: Recipient,
    /// P3P `recipient-description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A collection statement (`collect` block): one P3P STATEMENT (REC §3.3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Statement {
    pub name: String,
    /// Heading for the human-readable policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Names of subjects the data is collected from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataUse>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<PurposeUse>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<RecipientUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<RetentionUse>,
    /// False for a P3P NON-IDENTIFIABLE statement (REC §3.3.3).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub identifiable: bool,
    /// P3P CONSEQUENCE (REC §3.3.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<String>,
    /// Legal basis and other legal facts (GDPR, CCPA).
    #[serde(default, skip_serializing_if = "super::PracticeLaw::is_empty")]
    pub legal: super::PracticeLaw,
    /// Prose for the human-readable policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

#[allow(clippy::unnecessary_wraps)]
pub(crate) fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_true(b: &bool) -> bool {
    *b
}

/// A purpose with its choice (REC §3.3.4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PurposeUse {
    pub purpose: Purpose,
    #[serde(default, skip_serializing_if = "Required::is_default")]
    pub required: Required,
    /// The description `other-purpose` carries as its content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A recipient with its choice (REC §3.3.5) and, optionally, its basis. `name` is a defined recipient or a
/// P3P recipient word used directly (`ours`, `delivery`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RecipientUse {
    pub name: String,
    #[serde(default, skip_serializing_if = "Required::is_default")]
    pub required: Required,
    /// Why the recipient receives the data, in the exception words promises state
    /// (`to processor basis service-providers`): a promise excepting that word
    /// keeps it, as with a sharing rule's `basis`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<super::Exception>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A P3P retention value (REC §3.3.6) plus the concrete period or destruction rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RetentionUse {
    pub value: Retention,
    /// "13 months", "while the account is active", "purged every two weeks".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}
