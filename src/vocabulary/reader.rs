//! Reader wording: how the human-readable notice names each vocabulary term, in
//! every language the notice ships. The wording itself lives in the Fluent
//! catalogues beside this file (`reader/en.ftl`, `de.ftl`, `fr.ftl`), one message
//! per term (`purpose-pseudo-analysis`) with a `.description` attribute; this
//! module names the messages and maps data to the rows people understand.
//!
//! The English wording was reviewed against the P3P user-agent task force's
//! recommended translations (the `label`/`description` of [`super::Term`], kept
//! for `explain-cp`) and the GDPR's wording (Art. 4, 6, 13-22): where the P3P
//! translation names a mechanism ("State management mechanisms"), a P3P category
//! ("Demographic and socioeconomic data") or an accountability model ("Companies
//! accountable to us"), the reader wording says what it means for the person.

use super::{Category, LawTerm, Term};

/// The shipped reader-wording catalogues, by language.
pub const CATALOGUES: &[(&str, &str)] = &[
    ("en", include_str!("reader/en.ftl")),
    ("de", include_str!("reader/de.ftl")),
    ("fr", include_str!("reader/fr.ftl")),
];

/// The catalogue message naming `term`: its group's slug and its word,
/// e.g. `purpose-pseudo-analysis`, `choice-opt-in`.
pub fn message_id<T: Term>(term: T) -> String {
    let group = match T::GROUP {
        "access level" => "access",
        "dispute resolution type" => "resolution",
        other => other,
    };
    format!("{group}-{}", term.word())
}

/// The catalogue message naming a legal term: its group's slug and its word,
/// e.g. `basis-legitimate-interests`, `safeguard-scc`, `right-restriction`.
pub fn law_message_id<T: LawTerm>(term: T) -> String {
    let group = match T::GROUP {
        "legal basis" => "basis",
        "Art. 9(2) condition" => "condition",
        "transfer safeguard" => "safeguard",
        "kind of disclosure" => "disclosure",
        "CCPA category" => "ccpa-category",
        "kind of sensitive data" => "sensitive",
        other => other,
    };
    format!("{group}-{}", term.word())
}

/// The catalogue message naming one field of the base data schema
/// (`field-email`).
pub fn field_id(field: &str) -> String {
    format!("field-{field}")
}

/// The kinds of information a reader tells apart (the rows of the privacy
/// label, after the CMU label's standard rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Contact,
    Cookies,
    Demographic,
    Financial,
    Health,
    Preferences,
    Purchases,
    Government,
    Activity,
    Location,
    Identifiers,
    Content,
    Political,
    Other,
}

impl Kind {
    /// Every kind, in the label's order.
    pub const ALL: &'static [Kind] = &[
        Kind::Contact,
        Kind::Cookies,
        Kind::Demographic,
        Kind::Financial,
        Kind::Health,
        Kind::Preferences,
        Kind::Purchases,
        Kind::Government,
        Kind::Activity,
        Kind::Location,
        Kind::Identifiers,
        Kind::Content,
        Kind::Political,
        Kind::Other,
    ];

    /// The anchor and catalogue suffix (`kind-contact`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Cookies => "cookies",
            Kind::Demographic => "demographic",
            Kind::Financial => "financial",
            Kind::Health => "health",
            Kind::Preferences => "preferences",
            Kind::Purchases => "purchases",
            Kind::Government => "government",
            Kind::Activity => "activity",
            Kind::Location => "location",
            Kind::Identifiers => "identifiers",
            Kind::Content => "content",
            Kind::Political => "political",
            Kind::Other => "other",
        }
    }

    /// The CMU label's standard rows, shown even when nothing of the kind is collected.
    pub fn standard(self) -> bool {
        !matches!(
            self,
            Kind::Identifiers | Kind::Content | Kind::Political | Kind::Other
        )
    }

    /// The kind a P3P category (REC §3.4) belongs to.
    pub fn of_category(c: Category) -> Kind {
        match c {
            Category::Physical | Category::Online => Kind::Contact,
            Category::State => Kind::Cookies,
            Category::Demographic => Kind::Demographic,
            Category::Financial => Kind::Financial,
            Category::Health => Kind::Health,
            Category::Preference => Kind::Preferences,
            Category::Purchase => Kind::Purchases,
            Category::Government => Kind::Government,
            Category::Navigation | Category::Interactive | Category::Computer => Kind::Activity,
            Category::Location => Kind::Location,
            Category::Uniqueid => Kind::Identifiers,
            Category::Content => Kind::Content,
            Category::Political => Kind::Political,
            Category::OtherCategory => Kind::Other,
        }
    }
}

/// Base data schema elements whose P3P categories mislead a reader, and the kind
/// a person files them under. P3P (REC §5.5) puts a name and a postal address in
/// `demographic` as well as `physical`; to a person they are contact information.
/// Prefixes match whole fields (`user.name` covers `user.name.given`).
const ELEMENT_KINDS: &[(&str, Kind)] = &[
    ("user.name", Kind::Contact),
    ("user.home-info", Kind::Contact),
    ("user.business-info", Kind::Contact),
    ("thirdparty.name", Kind::Contact),
    ("thirdparty.home-info", Kind::Contact),
    ("thirdparty.business-info", Kind::Contact),
    ("business.name", Kind::Contact),
    ("business.contact-info", Kind::Contact),
    ("user.login", Kind::Identifiers),
    ("thirdparty.login", Kind::Identifiers),
    ("user.cert", Kind::Identifiers),
    ("thirdparty.cert", Kind::Identifiers),
    ("dynamic.clickstream", Kind::Activity),
    ("dynamic.http", Kind::Activity),
    ("dynamic.clientevents", Kind::Activity),
    ("dynamic.searchtext", Kind::Activity),
    ("dynamic.interactionrecord", Kind::Activity),
];

/// The kind a person files a base data schema element under, when it differs
/// from what its P3P categories say; `None`: go by the categories.
pub fn element_kind(element: &str) -> Option<Kind> {
    let element = element.strip_prefix('#').unwrap_or(element);
    ELEMENT_KINDS
        .iter()
        .find(|(prefix, _)| {
            element == *prefix
                || element
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{Purpose, Recipient, Required};

    #[test]
    fn message_ids_name_group_and_word() {
        assert_eq!(
            message_id(Purpose::PseudoAnalysis),
            "purpose-pseudo-analysis"
        );
        assert_eq!(message_id(Recipient::Same), "recipient-same");
        assert_eq!(message_id(Required::OptIn), "choice-opt-in");
        assert_eq!(message_id(crate::vocabulary::Access::All), "access-all");
    }

    #[test]
    fn a_name_is_contact_information() {
        assert_eq!(element_kind("user.name"), Some(Kind::Contact));
        assert_eq!(element_kind("user.name.given"), Some(Kind::Contact));
        assert_eq!(
            element_kind("#user.home-info.postal.city"),
            Some(Kind::Contact)
        );
        assert_eq!(element_kind("user.namex"), None);
        assert_eq!(element_kind("user.bdate"), None);
    }
}
