//! Mapping tables from the P3P vocabulary to the law (`shared/law/crosswalk.md`
//! §1–§3): each P3P category and base data schema element to its CCPA categories
//! and kinds of sensitive data, and each P3P purpose to its CCPA business
//! purpose. Rows the crosswalk marks as a judgement ([J]) are defaults an author
//! overrides by declaring the practice's `sensitive` data or `disclosure`.

use super::{Category, CcpaCategory, Purpose, Sensitive};
use CcpaCategory as C;

/// The CCPA categories a P3P category falls under (crosswalk §1).
pub fn ccpa_for_category(category: Category) -> &'static [CcpaCategory] {
    match category {
        Category::Physical => &[C::Identifiers, C::CustomerRecords],
        Category::Online | Category::Uniqueid | Category::Government => &[C::Identifiers],
        Category::Purchase => &[C::Commercial],
        Category::Financial => &[C::CustomerRecords],
        Category::Computer | Category::State => &[C::Identifiers, C::InternetActivity],
        Category::Navigation | Category::Interactive => &[C::InternetActivity],
        Category::Demographic | Category::Political => &[C::ProtectedClassifications],
        Category::Content => &[C::Sensory],
        Category::Health => &[
            C::CustomerRecords,
            C::ProtectedClassifications,
            C::Sensitive,
        ],
        Category::Preference => &[C::Inferences, C::Commercial],
        Category::Location => &[C::Geolocation],
        // No default: the author must add a category that says what it is.
        Category::OtherCategory => &[],
    }
}

/// Base data schema elements whose CCPA categories differ from their P3P
/// categories' (crosswalk §1.2): the longest matching prefix wins.
const ELEMENT_CATEGORIES: &[(&str, &[CcpaCategory])] = &[
    ("user.name", &[C::Identifiers, C::CustomerRecords]),
    ("user.bdate", &[C::ProtectedClassifications]),
    ("user.gender", &[C::ProtectedClassifications]),
    ("user.employer", &[C::Professional]),
    ("user.jobtitle", &[C::Professional]),
    ("user.department", &[C::Professional]),
    (
        "dynamic.clickstream",
        &[C::InternetActivity, C::Identifiers],
    ),
    ("dynamic.http", &[C::InternetActivity]),
    ("dynamic.searchtext", &[C::InternetActivity]),
    ("dynamic.interactionrecord", &[C::InternetActivity]),
    ("dynamic.cookies", &[C::Identifiers, C::InternetActivity]),
];

/// The CCPA categories of a base data schema element given its P3P categories:
/// the element's own row when it has one, else the union over its categories.
pub fn ccpa_for_element(element: &str, categories: &[Category]) -> Vec<CcpaCategory> {
    let own = ELEMENT_CATEGORIES
        .iter()
        .filter(|(prefix, _)| {
            element == *prefix
                || element
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .max_by_key(|(prefix, _)| prefix.len());
    let mut out: Vec<CcpaCategory> = match own {
        Some((_, cats)) => cats.to_vec(),
        None => Vec::new(),
    };
    if own.is_none() || element.starts_with("dynamic.miscdata") {
        for c in categories {
            out.extend_from_slice(ccpa_for_category(*c));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Kinds of sensitive data a P3P category implies by default (crosswalk §1:
/// `health` is health data, `government` identifiers are sensitive under the
/// CCPA, `political` covers political opinions, beliefs and union membership).
pub fn sensitive_for_category(category: Category) -> &'static [Sensitive] {
    match category {
        Category::Health => &[Sensitive::Health],
        Category::Government => &[Sensitive::GovernmentId],
        Category::Political => &[Sensitive::PoliticalOpinions],
        _ => &[],
    }
}

/// Kinds of sensitive data a base data schema element implies by default.
pub fn sensitive_for_element(element: &str) -> &'static [Sensitive] {
    if element == "user.login" || element == "user.login.password" {
        // SPI.1.B: a log-in together with its password [J].
        &[Sensitive::AccountCredentials]
    } else {
        &[]
    }
}

/// The CCPA business or commercial purpose a P3P purpose usually serves
/// (crosswalk §2; § 1798.140(e)(1)–(8)), in plain words with its citation.
pub fn business_purpose(purpose: Purpose) -> (&'static str, &'static str) {
    match purpose {
        Purpose::Current => (
            "Providing the goods or services you asked for",
            "§ 1798.140(e)(5)",
        ),
        Purpose::Admin => ("Security, integrity and debugging", "§ 1798.140(e)(2), (3)"),
        Purpose::Develop => (
            "Research and improving our services",
            "§ 1798.140(e)(7), (8)",
        ),
        Purpose::Tailoring => (
            "Short-term, transient use in the current interaction",
            "§ 1798.140(e)(4)",
        ),
        Purpose::PseudoAnalysis => ("Analytics", "§ 1798.140(e)(5)"),
        Purpose::PseudoDecision => (
            "Personalised advertising and content (a commercial purpose)",
            "§ 1798.140(k), (ah)",
        ),
        Purpose::IndividualAnalysis | Purpose::IndividualDecision => {
            ("Profiling (a commercial purpose)", "§ 1798.140(v)(1)(K)")
        }
        Purpose::Contact | Purpose::Telemarketing => {
            ("Advertising and marketing", "§ 1798.140(e)(6)")
        }
        Purpose::Historical => ("Archiving (a commercial purpose)", "§ 1798.140(e)"),
        Purpose::OtherPurpose => ("As described", "§ 1798.140(e)"),
    }
}

/// EEA member states (ISO 3166-1 alpha-2) and their English names, so a
/// transfer's destination can be recognised as inside the EEA.
pub const EEA_COUNTRIES: &[(&str, &str)] = &[
    ("AT", "Austria"),
    ("BE", "Belgium"),
    ("BG", "Bulgaria"),
    ("HR", "Croatia"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DK", "Denmark"),
    ("EE", "Estonia"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("GR", "Greece"),
    ("HU", "Hungary"),
    ("IE", "Ireland"),
    ("IT", "Italy"),
    ("LV", "Latvia"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("MT", "Malta"),
    ("NL", "Netherlands"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("RO", "Romania"),
    ("SK", "Slovakia"),
    ("SI", "Slovenia"),
    ("ES", "Spain"),
    ("SE", "Sweden"),
    ("IS", "Iceland"),
    ("LI", "Liechtenstein"),
    ("NO", "Norway"),
];

/// Whether a country (code or English name, any case) is in the EEA.
pub fn is_eea(country: &str) -> bool {
    let c = country.trim();
    c.eq_ignore_ascii_case("EU")
        || c.eq_ignore_ascii_case("EEA")
        || EEA_COUNTRIES
            .iter()
            .any(|(code, name)| c.eq_ignore_ascii_case(code) || c.eq_ignore_ascii_case(name))
}

/// Whether a country (code or English name) is the United Kingdom.
pub fn is_uk(country: &str) -> bool {
    ["GB", "UK", "United Kingdom", "Great Britain"]
        .iter()
        .any(|n| country.trim().eq_ignore_ascii_case(n))
}
