//! What the GDPR, the UK GDPR and the CCPA/CPRA require a notice to say beyond
//! P3P: the laws that apply, the controller's representative, DPO and
//! supervisory authority, transfers out of the EEA, the CCPA notice items
//! (policy level, [`LegalNotice`]), and per practice the legal basis of each
//! purpose, the Art. 9(2) condition, whether giving the data is required,
//! automated decisions, the source of data and how a disclosure counts under
//! the CCPA ([`PracticeLaw`]). Every term comes from `vocabulary` with its
//! citation; `shared/law/` has the article-by-article reference.

use super::Entity;
use crate::span::Origin;
use crate::vocabulary::{
    Art9Condition, Disclosure, Law, LegalBasis, Purpose, Safeguard, Sensitive,
};
use serde::{Deserialize, Serialize};

/// Policy-level legal facts (`applies`, `representative`, `dpo`, `authority`,
/// `transfer`, `gpc`, `updated`, `minors`, `ccpa`). Empty (the default) for
/// policies that name no law, such as the P3P-era seeds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct LegalNotice {
    /// The laws the notice must satisfy; the check packs run for these only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies: Vec<Law>,
    /// The controller's representative in the EU or the UK (GDPR Art. 27;
    /// Art. 13(1)(a), 14(1)(a)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub representatives: Vec<Representative>,
    /// The Data Protection Officer and how to reach them (Art. 37–39;
    /// Art. 13(1)(b), 14(1)(b)). The name may be a role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Entity>,
    /// The supervisory authority people may complain to (Art. 77; Art. 13(2)(d),
    /// 14(2)(e)), with its contact details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Entity>,
    /// Transfers of personal data out of the EEA (or the UK) (Art. 44–49;
    /// Art. 13(1)(f), 14(1)(f)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    /// Whether the site treats a Global Privacy Control signal (`Sec-GPC: 1`) as
    /// a valid request to opt out of sale and sharing (11 CCR § 7025, § 7011(e)(3)(F)).
    /// `None`: the policy does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpc_honoured: Option<bool>,
    /// Date the notice was last updated, `YYYY-MM-DD` (11 CCR § 7011(e)(4));
    /// `effective` stands in when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Data about children and minors (GDPR Art. 8; CCPA § 1798.120(c)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minors: Option<Minors>,
    /// The items only the CCPA asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ccpa: Option<CcpaNotice>,
    #[serde(skip)]
    pub origin: Origin,
}

impl LegalNotice {
    /// True when the policy says nothing of the kind (the field is then not serialized).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether `law` is among the laws the notice must satisfy.
    pub fn applies_to(&self, law: Law) -> bool {
        self.applies.contains(&law)
    }
}

/// Where a representative acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// The European Union (GDPR Art. 27).
    Eu,
    /// The United Kingdom (UK GDPR Art. 27).
    Uk,
}

/// A representative designated under Art. 27 by a controller not established there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Representative {
    pub region: Region,
    /// Name and contact details.
    pub contact: Entity,
    #[serde(skip)]
    pub origin: Origin,
}

/// A transfer of personal data to a third country or international organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Transfer {
    /// Identifier in the policy.
    pub name: String,
    /// Destination countries or regions ("US", "India", "worldwide").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
    /// Names of defined recipients that receive the data there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// The mechanism it rests on (Art. 45, 46, 47 or 49).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguard: Option<Safeguard>,
    /// How to get a copy of the safeguards, or where they are available: a URL,
    /// `mailto:` or words (Art. 13(1)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Who gives consent for a minor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MinorConsent {
    /// The holder of parental responsibility (GDPR Art. 8(1); CCPA under 13).
    Parental,
    /// The minor opts in (CCPA § 1798.120(c), ages 13 to 15).
    OptIn,
    /// Parents for the youngest, the minor's own opt-in from 13.
    Both,
    /// Nobody: data of minors is handled like anyone else's.
    None,
}

/// What the policy says about minors' data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Minors {
    /// Whether the business knows it processes (and, under the CCPA, sells or
    /// shares) data of people under 16 (11 CCR § 7011(e)(1)(G)).
    pub under_16: bool,
    /// Whose consent is obtained for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<MinorConsent>,
    /// How consent is obtained and checked (GDPR Art. 8(2); 11 CCR § 7070–7072).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// The CCPA/CPRA privacy-policy items with no GDPR counterpart (Cal. Civ.
/// Code § 1798.130(a)(5), § 1798.135; 11 CCR § 7011).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct CcpaNotice {
    /// The "Do Not Sell or Share My Personal Information" link (§ 1798.135(a)(1)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_not_sell: Option<String>,
    /// The "Limit the Use of My Sensitive Personal Information" link (§ 1798.135(a)(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_use: Option<String>,
    /// Whether sensitive personal information is used or disclosed beyond the
    /// purposes of 11 CCR § 7027(m) (§ 7011(e)(1)(K)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive_use: Option<SensitiveUse>,
    /// The designated methods for submitting requests (§ 1798.130(a)(1), (a)(5)(A)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// How requests are verified (11 CCR § 7011(e)(3)(E)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
    /// How an authorized agent submits requests (11 CCR § 7011(e)(3)(H)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Financial incentives offered for personal information (§ 1798.125(b)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incentives: Vec<Incentive>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Whether sensitive personal information is used beyond the permitted purposes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct SensitiveUse {
    /// True when it is used or disclosed beyond 11 CCR § 7027(m).
    pub beyond: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A financial incentive (§ 1798.125(b); 11 CCR § 7016).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Incentive {
    pub name: String,
    /// Succinct summary of the incentive or price or service difference.
    pub summary: String,
    /// Material terms, including the categories of personal information involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    /// How the incentive relates to the value of the data, with the estimate and method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// How to opt in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<String>,
    /// How to withdraw at any time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Per-practice legal facts of a `collect`, `cookie` or `share` block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PracticeLaw {
    /// Legal bases (Art. 6(1)); one without a purpose covers every purpose of the practice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<BasisUse>,
    /// Art. 9(2) conditions for special-category data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Art9Condition>,
    /// Kinds of sensitive data the practice handles, beyond those its P3P
    /// categories imply (`health`, `government`, `political`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitive: Vec<Sensitive>,
    /// Whether giving the data is a statutory or contractual requirement, and
    /// what happens if it is not given (Art. 13(2)(e)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Box<Requirement>>,
    /// Automated decision-making, including profiling (Art. 22; Art. 13(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated: Option<Box<Automated>>,
    /// Where data not obtained from the person comes from (Art. 14(2)(f);
    /// CCPA § 1798.130(a)(5)(B)(ii)). `None`: collected from the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<DataSource>>,
    /// How the practice's disclosure counts under the CCPA; `None`: derived
    /// from the recipients and purposes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure: Option<Disclosure>,
    #[serde(skip)]
    pub origin: Origin,
}

impl PracticeLaw {
    /// True when the practice says nothing of the kind (the field is then not serialized).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The basis declared for `purpose`: one naming it, else one for every purpose.
    pub fn basis_for(&self, purpose: Purpose) -> Option<&BasisUse> {
        self.bases
            .iter()
            .find(|b| b.purpose == Some(purpose))
            .or_else(|| self.bases.iter().find(|b| b.purpose.is_none()))
    }
}

/// A legal basis, for one purpose or all of a practice's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct BasisUse {
    /// The purpose it is for; `None` for every purpose of the practice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Purpose>,
    pub basis: LegalBasis,
    /// The legitimate interest pursued, for `legitimate-interests` (Art. 13(1)(d)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Whether providing the data is required (Art. 13(2)(e)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    /// The law requires it; the person is obliged to give it.
    Statutory,
    /// A contract requires it.
    Contractual,
    /// It is needed to enter into a contract.
    ContractEntry,
    /// Not required: the person may decline.
    Voluntary,
}

/// Whether giving the data is required, and the consequences of not giving it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Requirement {
    pub kind: RequirementKind,
    /// What happens if the data is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A decision based solely on automated processing (Art. 22(1), (4)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Automated {
    /// Meaningful information about the logic involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<String>,
    /// The significance and envisaged consequences for the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effects: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Where data comes from when not from the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Another organisation (a partner, a data broker, an advertising network).
    ThirdParty,
    /// A publicly accessible source (Art. 14(2)(f)).
    Public,
}

/// The source of data not obtained from the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DataSource {
    pub kind: SourceKind,
    /// Which source, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}
