use crate::span::Origin;
use crate::vocabulary::Purpose;
use serde::{Deserialize, Serialize};

/// A machine-checkable claim the policy makes in prose. The checker holds every
/// statement, cookie, sharing rule and retention rule in its scope to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Promise {
    pub name: String,
    /// The claim, as the policy words it.
    pub says: String,
    pub claim: Claim,
    /// The exceptions the promise itself states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Exception>,
    /// What the promise is about; empty: everything.
    #[serde(default, skip_serializing_if = "Scope::is_empty")]
    pub scope: Scope,
    /// Recipients (names, or P3P recipient kinds such as `same`) the promise
    /// excepts: "except our affiliates", "except our card processor".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    /// For `only-stated-purpose`: the purposes compatible with the purposes of
    /// collection; empty: `current`, `admin` and `develop`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compatible: Vec<Purpose>,
    #[serde(skip)]
    pub origin: Origin,
}

/// What a promise is about. Each non-empty list narrows it: a flow is in scope
/// when it matches every non-empty list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Scope {
    /// Data sets by name, base-schema elements (and everything below them), or
    /// categories (`financial`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<String>,
    /// Cookies by name: the promise is about these cookies only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<String>,
    /// Recipients by name or P3P kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// Subjects by name (a practice without `from` collects from everyone, so
    /// from these too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// Purposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
}

impl Scope {
    /// True when the promise is about everything.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
            && self.cookies.is_empty()
            && self.recipients.is_empty()
            && self.subjects.is_empty()
            && self.purposes.is_empty()
    }
}

/// What a promise commits to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Claim {
    /// "We never sell personal data": no sharing rule is a sale of identifiable data.
    NoSale,
    /// "We do not share with third parties": no data reaches a recipient other than
    /// `ours`, beyond the stated exceptions (`aggregate` allows non-identifiable data).
    NoThirdPartySharing,
    /// "Cookies are not linked to personal information": no cookie (in scope) is
    /// linked, as declared or as derived from what it holds.
    CookiesNotLinked,
    /// "We do not use cookies to track you on other sites": no cross-site cookie.
    NoCrossSiteTracking,
    /// "We notify users by email before using data in a new way": the change
    /// section notifies by email before new uses.
    NotifyBeforeNewUse,
    /// "X is not linked to personally identifiable information": every practice
    /// using these data elements or sets (and the `data` scope) is non-identifiable.
    NotLinked(Vec<String>),
    /// "We do not collect personally identifiable information from X": no
    /// identifiable practice collects from these subjects (and the `subjects` scope).
    NoIdentifiableCollection(Vec<String>),
    /// "Information is only used for the purpose for which it was provided":
    /// identifiable practices use only compatible purposes.
    OnlyStatedPurpose,
    /// "Your card data does not pass through them": no flow in scope exists.
    NoFlow,
    /// "No client sees another client's data": no flow from the `subjects` in scope
    /// reaches the `recipients` in scope.
    Silo,
    /// "We do not store it": every practice in scope keeps the data `no-retention`.
    NoStorage,
    /// "We post testimonials only with consent": every flow in scope to a `public`
    /// recipient is opt-in.
    ConsentOnlyPublication,
    /// "Deleted within 30 days of closure": no practice in scope keeps data longer
    /// than this period (`indefinitely` always does).
    RetentionCeiling(String),
    /// "We will notify you by email of new uses": the change notice notifies by
    /// email, before or after the change.
    NotifyNewUse,
    /// "The opt-out procedure is discussed below": every choice in scope is covered
    /// by an `opt-out` channel that gives its `url`.
    OptOutProcedure,
}

/// Exceptions promises and sharing rules commonly state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exception {
    /// Disclosure required by law or legal process.
    LegalRequirement,
    /// Service providers acting on the site's behalf.
    ServiceProviders,
    /// Transfer in a merger, acquisition or sale of assets.
    BusinessTransfer,
    /// Only aggregate or non-identifiable data.
    Aggregate,
    /// With the person's consent.
    Consent,
    /// Protection of rights, safety, or fraud prevention.
    Protection,
    /// As disclosed elsewhere in the policy.
    AsDisclosed,
}
