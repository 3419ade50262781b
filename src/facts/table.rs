//! The types of the facts table. Stable: fields are added, never renamed.

use crate::model::{Exception, Party};
use crate::span::Origin;
use crate::vocabulary::{Category, Purpose, Recipient, Required, Retention};
use serde::Serialize;

/// The facts of every policy of a file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facts {
    pub policies: Vec<PolicyFacts>,
}

/// The facts of one policy: its practices, the data leaves each uses, and the
/// flows (rows) those make. Rows are not stored: [`PolicyFacts::rows`] yields the
/// product of each practice's subjects × data leaves × purposes × recipients, so
/// the table never takes more memory than the policy itself.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PolicyFacts {
    /// The policy's name.
    pub policy: String,
    /// One entry per statement, cookie, sharing rule and retention rule, in that order.
    pub practices: Vec<Practice>,
}

/// What kind of practice a row comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PracticeKind {
    /// A `collect` block (P3P STATEMENT).
    Statement,
    /// A `cookie` block.
    Cookie,
    /// A `share` rule.
    Sharing,
    /// A `retention` rule.
    Retention,
}

impl PracticeKind {
    /// The keyword of the practice in the policy language (`collect`, `cookie`,
    /// `share`, `retention`): also the first word of findings' targets.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Statement => "collect",
            Self::Cookie => "cookie",
            Self::Sharing => "share",
            Self::Retention => "retention",
        }
    }

    /// How the practice is called in messages ("statement", "cookie", ...).
    pub fn noun(self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::Cookie => "cookie",
            Self::Sharing => "sharing rule",
            Self::Retention => "retention rule",
        }
    }
}

/// One practice of the policy, with every value its rows share.
#[derive(Clone, Debug, Serialize)]
pub struct Practice {
    pub kind: PracticeKind,
    pub name: String,
    /// Subjects the data comes from (names of `subject` definitions); empty: everyone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<SubjectFact>,
    /// The data, expanded to base-schema leaves and custom items.
    pub data: Vec<DataFact>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<PurposeFact>,
    /// Who receives the data: a statement's or cookie's `to`, a cookie's provider,
    /// a sharing rule's `with`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<RecipientFact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<RetentionFact>,
    /// Retention rules (`retention NAME "period"`) that apply to the practice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub retention_rules: Vec<String>,
    /// For cookies: who sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<Party>,
    /// For cookies: the recipient that sets and reads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// For sharing rules: the person's choice over the rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<Required>,
    /// For sharing rules: whether the data is sold, rented or traded.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sale: bool,
    /// The flags as the policy declares them.
    pub declared: Declared,
    /// Values derived from the data, purposes, parties and subjects.
    pub derived: DerivedFacts,
    #[serde(skip)]
    pub origin: Origin,
}

impl Practice {
    /// The finding target of the practice (`collect NAME`, `cookie NAME`, ...).
    pub fn target(&self) -> String {
        format!("{} {}", self.kind.keyword(), self.name)
    }

    /// Whether the practice's data identifies people: as declared (a statement or
    /// sharing rule not marked `non-identifiable`, a `linked yes` cookie) or as
    /// derived from the data, whichever says yes. Flags are not trusted to say no.
    pub fn identifiable(&self) -> bool {
        let declared = match self.kind {
            PracticeKind::Cookie => self.declared.linked.unwrap_or(false),
            _ => self.declared.identifiable.unwrap_or(true),
        };
        declared || self.derived.identifying.value || self.derived.linked.value
    }

    /// Whether a cookie follows people across sites, as declared or as derived.
    pub fn cross_site(&self) -> bool {
        self.declared.cross_site.unwrap_or(false) || self.derived.cross_site.value
    }
}

/// Flags the encoder wrote; `None` where the practice kind has no such flag.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Declared {
    /// Statements and sharing rules: false for `non-identifiable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifiable: Option<bool>,
    /// Cookies: `linked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<bool>,
    /// Cookies: `cross-site`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cross_site: Option<bool>,
}

/// The attributes derived for a practice.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DerivedFacts {
    /// Some data leaf identifies a person (a name, contact details, a login or
    /// unique id, a government id).
    pub identifying: Derived,
    /// Cookies: what it holds is tied to identified people (identifying
    /// categories or words in `holds`, or an `individual-*` purpose).
    pub linked: Derived,
    /// Cookies: it can follow people across sites (a third party or provider that
    /// uses it for profiling or tailoring).
    pub cross_site: Derived,
    /// Some data is health, financial, government or political, or comes from children.
    pub sensitive: Derived,
}

/// A derived yes/no with where it came from (empty `because` for a plain no).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Derived {
    pub value: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub because: Vec<Reason>,
}

impl Derived {
    /// Adds a reason and makes the value true.
    pub fn add(&mut self, reason: Reason) {
        self.value = true;
        if !self.because.iter().any(|r| r.detail == reason.detail) {
            self.because.push(reason);
        }
    }

    /// The reasons in words, the first three joined: "`user.name.given` is a
    /// person's name; ... and 2 more".
    pub fn explain(&self) -> String {
        let mut text = self
            .because
            .iter()
            .take(3)
            .map(|r| r.detail.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        if self.because.len() > 3 {
            text = format!("{text} and {} more", self.because.len() - 3);
        }
        text
    }
}

/// One reason for a derived value.
#[derive(Clone, Debug, Serialize)]
pub struct Reason {
    /// What the value was derived from.
    pub from: ReasonSource,
    /// In words: "`user.home-info.online.email` is online contact details".
    pub detail: String,
    /// Where that is written.
    #[serde(skip)]
    pub origin: Origin,
}

/// What a derived value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonSource {
    /// A base-schema element.
    Element,
    /// Declared categories of custom data, cookies or miscdata.
    Category,
    /// A cookie's `holds` text.
    Holds,
    /// A purpose.
    Purpose,
    /// A cookie's party.
    Party,
    /// A cookie's provider or a recipient.
    Provider,
    /// A subject's name or description.
    Subject,
}

/// A subject of a practice.
#[derive(Clone, Debug, Serialize)]
pub struct SubjectFact {
    pub name: String,
    /// The subject is children (by a word of its name or description).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub children: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// What a data leaf is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Leaf {
    /// A base data schema leaf element (`user.name.given`).
    Element(String),
    /// Custom data, by its description.
    Custom(String),
    /// What a cookie holds (its `holds` text, or the cookie's name).
    Cookie(String),
}

impl Leaf {
    /// The leaf's element name, if it is a schema element.
    pub fn element(&self) -> Option<&str> {
        match self {
            Self::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The leaf in words: the element name, the custom description, the cookie.
    pub fn text(&self) -> &str {
        match self {
            Self::Element(s) | Self::Custom(s) | Self::Cookie(s) => s,
        }
    }
}

/// One data leaf a practice uses.
#[derive(Clone, Debug, Serialize)]
pub struct DataFact {
    pub leaf: Leaf,
    /// The element or set as the practice names it (`user.name`, `contact-details`);
    /// shared by every leaf of that element or set.
    pub written: std::sync::Arc<str>,
    /// The data set it came through, if any (shared by the set's leaves).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set: Option<std::sync::Arc<str>>,
    /// Fixed and declared categories.
    pub categories: Vec<Category>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Why this leaf identifies a person, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifying: Option<&'static str>,
    /// Its sensitive categories.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sensitive: Vec<Category>,
    /// Where the practice names it.
    #[serde(skip)]
    pub origin: Origin,
}

/// A purpose with its choice.
#[derive(Clone, Debug, Serialize)]
pub struct PurposeFact {
    pub purpose: Purpose,
    pub choice: Required,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// How a recipient comes to a practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecipientRole {
    /// Named in a `to` line.
    To,
    /// Named in a sharing rule's `with`.
    With,
    /// A third-party cookie's provider.
    Provider,
}

/// A recipient with its kind, choice and basis.
#[derive(Clone, Debug, Serialize)]
pub struct RecipientFact {
    /// A defined recipient's name, or a P3P recipient word.
    pub name: String,
    /// Its P3P kind; `None` for an undefined name (reported by R201).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Recipient>,
    pub choice: Required,
    /// Why the data reaches it, when a usual exception (service providers, law...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Exception>,
    pub role: RecipientRole,
    #[serde(skip)]
    pub origin: Origin,
}

impl RecipientFact {
    /// Whether the recipient is a third party (any kind but `ours`; an undefined
    /// name counts as one).
    pub fn third_party(&self) -> bool {
        self.kind.is_none_or(Recipient::is_third_party)
    }
}

/// A retention value and its period.
#[derive(Clone, Debug, Serialize)]
pub struct RetentionFact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Retention>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// One flow: a practice moving one data leaf from one subject for one purpose to
/// one recipient. `None` where the practice has no such list (a cookie has no
/// subjects, a retention rule no recipients).
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    pub practice: &'a Practice,
    pub subject: Option<&'a SubjectFact>,
    /// `None` for a practice that names no data (a sharing rule without `data`).
    pub data: Option<&'a DataFact>,
    pub purpose: Option<&'a PurposeFact>,
    pub recipient: Option<&'a RecipientFact>,
}

impl PolicyFacts {
    /// Every row of the table, practice by practice.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.practices.iter().flat_map(Practice::rows)
    }

    /// The practices of one kind.
    pub fn of_kind(&self, kind: PracticeKind) -> impl Iterator<Item = &Practice> {
        self.practices.iter().filter(move |p| p.kind == kind)
    }

    /// The practice of a kind by name.
    pub fn find(&self, kind: PracticeKind, name: &str) -> Option<&Practice> {
        self.practices
            .iter()
            .find(|p| p.kind == kind && p.name == name)
    }
}

fn options<T>(items: &[T]) -> Vec<Option<&T>> {
    if items.is_empty() {
        vec![None]
    } else {
        items.iter().map(Some).collect()
    }
}

impl Practice {
    /// The rows of this practice: subjects × data × purposes × recipients.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        let subjects = options(&self.subjects);
        let purposes = options(&self.purposes);
        let recipients = options(&self.recipients);
        options(&self.data).into_iter().flat_map(move |data| {
            let purposes = purposes.clone();
            let recipients = recipients.clone();
            subjects.clone().into_iter().flat_map(move |subject| {
                let recipients = recipients.clone();
                purposes.clone().into_iter().flat_map(move |purpose| {
                    recipients.clone().into_iter().map(move |recipient| Row {
                        practice: self,
                        subject,
                        data,
                        purpose,
                        recipient,
                    })
                })
            })
        })
    }
}
