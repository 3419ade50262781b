use crate::span::Origin;
use serde::{Deserialize, Serialize};

/// A machine-checkable claim the policy makes in prose. The checker holds every
/// statement, cookie and sharing rule to it.
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
    #[serde(skip)]
    pub origin: Origin,
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
    /// "Cookies are not linked to personal information": no cookie is linked.
    CookiesNotLinked,
    /// "We do not use cookies to track you on other sites": no cross-site cookie.
    NoCrossSiteTracking,
    /// "We notify users by email before using data in a new way": the change
    /// section notifies by email before new uses.
    NotifyBeforeNewUse,
    /// "X is not linked to personally identifiable information": every statement
    /// using these data elements or sets is non-identifiable.
    NotLinked(Vec<String>),
    /// "We do not collect personally identifiable information from X": no
    /// identifiable statement collects from these subjects.
    NoIdentifiableCollection(Vec<String>),
    /// "Information is only used for the purpose for which it was provided":
    /// identifiable statements use only `current` (and admin/develop).
    OnlyStatedPurpose,
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
