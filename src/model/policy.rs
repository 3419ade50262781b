use super::{
    ChangeNotice, Cookie, DataSet, OptOut, Promise, RecipientDef, RetentionRule, Right,
    SecurityMeasure, Sharing, Statement, Subject,
};
use crate::span::Origin;
use crate::vocabulary::{Access, Remedy, ResolutionType};
use serde::{Deserialize, Serialize};

/// Everything one source file defines: one or more policies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PolicySet {
    pub policies: Vec<Policy>,
}

/// One privacy policy: a P3P POLICY plus everything the human-readable policy says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Policy {
    /// Identifier, unique in the file; the P3P `POLICY/@name` and URL fragment.
    pub name: String,
    /// Human-readable title.
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Effective date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// Language of the natural-language text (BCP 47, e.g. `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Further languages the prose is given in (`language en, de, fr`: `de`, `fr`);
    /// each has a `translations` entry and gets its own page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_languages: Vec<String>,
    /// URL of the human-readable policy (P3P `discuri`, REC §3.2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discuri: Option<String>,
    /// URL or `mailto:` where people opt in or out (P3P `opturi`, REC §3.2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opturi: Option<String>,
    /// A test or example policy (P3P TEST, REC §3.2.3).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
    /// How long user agents may cache the policy and reference file, in seconds
    /// (P3P EXPIRY max-age, REC §2.3.2.3). `None`: the spec's default of one day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_seconds: Option<u64>,
    /// Free text introducing the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Which sites and URL paths the policy covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<Coverage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
    /// The mobile app the policy covers (for the app-store outputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app: Option<super::App>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Prose about access, shown with the access level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<RecipientDef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datasets: Vec<DataSet>,
    /// Collection statements (`collect` blocks): P3P STATEMENTs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<Cookie>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sharing: Vec<Sharing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security: Vec<SecurityMeasure>,
    /// Prose introducing the security practices (`text` in a `security` block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retention: Vec<RetentionRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<Right>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opt_outs: Vec<OptOut>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangeNotice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promises: Vec<Promise>,
    /// Free-standing prose sections (copyright, third-party links, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acknowledgments: Vec<Acknowledgment>,
    /// What the GDPR, UK GDPR and CCPA require beyond P3P (`applies`, `dpo`,
    /// `transfer`, `ccpa`, ...); empty for policies that name no law.
    #[serde(default, skip_serializing_if = "super::LegalNotice::is_empty")]
    pub legal: super::LegalNotice,
    /// The prose in the further languages (`translation de { ... }`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<super::Translation>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A site and the URL paths of it that the policy covers (P3P INCLUDE/EXCLUDE/METHOD, REC §2.3.2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Coverage {
    /// Host name, e.g. `www.example.com`.
    pub site: String,
    /// Local URI patterns with `*` wildcards, e.g. `/*`, `/catalog/*`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// HTTP methods the coverage is limited to; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// Cookies this policy itself covers on the site (P3P COOKIE-INCLUDE on its own
    /// POLICY-REF, REC §2.3.2.5), as imported reference files bind them; cookies
    /// described in `cookie` blocks are bound to the derived cookie policy instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<CookieMatch>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A COOKIE-INCLUDE pattern (REC §2.3.2.5): `*` matches anything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct CookieMatch {
    pub name: String,
    pub value: String,
    pub domain: String,
    pub path: String,
}

/// An ENTITY data element the named fields of `Entity` do not hold (REC §3.2.4:
/// any `business.*` element, such as a fax number or a postal name), with its value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct EntityData {
    /// The base data schema element, e.g. `business.contact-info.telecom.fax.number`.
    pub reference: String,
    pub value: String,
}

/// The legal entity responsible for the policy (P3P ENTITY, REC §3.2.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Entity {
    /// Legal name (`business.name`).
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal: Option<PostalAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Further ENTITY data elements, written after the fields above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<EntityData>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A postal address (`business.contact-info.postal.*`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PostalAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub street: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stateprov: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postalcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A way to resolve disputes (P3P DISPUTES with REMEDIES, REC §3.2.6-7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Dispute {
    pub resolution: ResolutionType,
    /// URI of the service: a customer-service page, seal program, or `mailto:`.
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_description: Option<String>,
    /// LONG-DESCRIPTION.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedies: Vec<Remedy>,
    /// The service's logo, e.g. a seal program's (P3P DISPUTES `IMG`, REC §3.2.6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<DisputeLogo>,
    #[serde(skip)]
    pub origin: Origin,
}

/// A dispute service's logo (P3P `IMG`, REC §3.2.6): where the image is, its
/// alternative text, and optionally its size in pixels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DisputeLogo {
    /// URL of the image (`src`).
    pub src: String,
    /// Text that stands for the image (`alt`).
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

/// A free-standing prose section (copyright, links to other sites, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub text: String,
    #[serde(skip)]
    pub origin: Origin,
}

/// A finding the policy owners have read and accepted, with their reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Acknowledgment {
    /// The diagnostic code, e.g. `C402`.
    pub code: String,
    /// The element the finding is about, as the finding's target names it
    /// (`collect registration`, `cookie session`, `sharing marketers`).
    pub at: String,
    /// Why it is accepted; quote the policy text where it is the source's own contradiction.
    pub reason: String,
    /// The fingerprint of the flows the finding was about when it was accepted
    /// (`fingerprint 3f9a2c1b7e04`): only a finding with these flows matches.
    /// `None` in files written before fingerprints (matched by code and target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
    /// Where the fingerprint is written, or, without one, the `because` word it
    /// would be written before (for fixes that add or refresh it).
    #[serde(skip)]
    pub fingerprint_origin: Origin,
}
