//! Which data identifies a person, which is sensitive, and which words mark
//! children: the tables the facts stage (`src/facts/`) derives its attributes from.
//!
//! A base-schema leaf identifies a person when it is a name, contact detail that
//! reaches one person (email, telephone number, street address), a login or
//! other unique identifier, or a government identifier. Parts of an address that
//! many people share (city, postal code, country) and name parts such as a prefix
//! do not identify on their own.

use super::terms::Category;

/// Leaf names (the last segment of a schema element) that identify a person.
const IDENTIFYING_LEAVES: &[&str] = &[
    "given", "middle", "family", "email", "street", "number", "id", "uri", "password",
];

/// Leaf names of physical-contact structures that many people share.
const SHARED_LEAVES: &[&str] = &[
    "city",
    "stateprov",
    "postalcode",
    "country",
    "organization",
    "intcode",
    "loccode",
    "ext",
    "comment",
];

/// Why a base-schema leaf identifies a person, or `None` when it does not.
pub fn identifying_element(name: &str, categories: &[Category]) -> Option<&'static str> {
    let name = name.strip_prefix('#').unwrap_or(name);
    if name.starts_with("dynamic.") || name.starts_with("business.") {
        return None;
    }
    let last = name.rsplit('.').next().unwrap_or(name);
    if categories.contains(&Category::Government) {
        return Some("a government-issued identifier");
    }
    if name.contains(".name.") && IDENTIFYING_LEAVES.contains(&last) {
        return Some("a person's name");
    }
    if name.contains(".login.") {
        return Some("a login identifier");
    }
    if categories.contains(&Category::Uniqueid) {
        return Some("a unique identifier");
    }
    if categories.contains(&Category::Online) && matches!(last, "email" | "uri") {
        return Some("online contact details");
    }
    if name.contains(".telecom.") && last == "number" {
        return Some("a telephone number");
    }
    if categories.contains(&Category::Physical)
        && !SHARED_LEAVES.contains(&last)
        && (last == "street" || name.contains(".telecom."))
    {
        return Some("physical contact details");
    }
    None
}

/// Why data of declared categories (custom data, cookies, miscdata) identifies a
/// person, or `None`. Unique identifiers held by cookies are pseudonymous (a
/// device or visitor id), so `uniqueid` on cookie data is left out here.
pub fn identifying_categories(categories: &[Category], cookie: bool) -> Option<&'static str> {
    if categories.contains(&Category::Government) {
        Some("a government-issued identifier (category `government`)")
    } else if categories.contains(&Category::Online) {
        Some("online contact details (category `online`)")
    } else if categories.contains(&Category::Physical) {
        Some("physical contact details (category `physical`)")
    } else if !cookie && categories.contains(&Category::Uniqueid) {
        Some("a unique identifier (category `uniqueid`)")
    } else {
        None
    }
}

/// Words in what a cookie `holds` that name identifying data.
const IDENTIFYING_WORDS: &[&str] = &[
    "e-mail",
    "email",
    "telephone",
    "phone number",
    "postal address",
    "home address",
    "user name",
    "username",
    "login",
    "account number",
    "account id",
    "customer id",
    "customer number",
    "member id",
    "member number",
    "membership number",
    "patient number",
    "patient id",
    "client number",
    "client id",
    "user id",
    "subscriber id",
    "subscriber number",
    "full name",
    "your name",
];

/// The identifying word a cookie's description of what it holds uses, if any.
pub fn identifying_words(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    IDENTIFYING_WORDS.iter().copied().find(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_ascii_alphanumeric())
                && after.is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    })
}

/// Categories whose data is sensitive: health, financial, government identifiers
/// and political affiliation (GDPR Art. 9 and 10, CCPA §1798.140(ae)).
pub fn sensitive_category(c: Category) -> bool {
    c.is_sensitive()
}

/// Words in a subject's name or description that mark children.
const CHILD_WORDS: &[&str] = &[
    "child",
    "children",
    "schoolchildren",
    "kid",
    "kids",
    "minor",
    "minors",
    "pupil",
    "pupils",
    "teen",
    "teens",
    "teenager",
    "teenagers",
    "youngster",
    "youngsters",
    "toddler",
    "toddlers",
    "infant",
    "infants",
    "under 13",
    "under 16",
    "under 18",
    "under-13",
    "under-16",
    "under-18",
    "coppa",
];

/// The word that marks a subject as children, if any.
pub fn child_word(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    CHILD_WORDS.iter().copied().find(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_ascii_alphanumeric())
                && after.is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    })
}

/// Phrases in a recipient's description that say it takes the data for itself:
/// it buys or rents it, or uses it for its own ends. An agent of the site
/// (`ours`) does neither.
const BUYER_PHRASES: &[&str] = &[
    "buy our",
    "buys our",
    "buy your",
    "buys your",
    "purchase our",
    "purchases our",
    "rent our",
    "rents our",
    "for their own marketing",
    "for their own purposes",
    "for its own marketing",
    "for its own purposes",
    "data broker",
    "data brokers",
    "list broker",
    "list brokers",
];

/// The phrase of a recipient's description that makes it a buyer, if any.
pub fn buyer_phrase(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    BUYER_PHRASES.iter().copied().find(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_ascii_alphanumeric())
                && after.is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    })
}

/// Words that mark the adults around children (parents of pupils are not pupils).
const ADULT_WORDS: &[&str] = &[
    "parent",
    "parents",
    "guardian",
    "guardians",
    "teacher",
    "teachers",
    "staff",
];

/// Whether a subject's name and description describe children: a child word,
/// and no word for the adults around them.
pub fn is_children(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let adult = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| ADULT_WORDS.contains(&w));
    child_word(text).is_some() && !adult
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::lookup_data;

    fn element(name: &str) -> Option<&'static str> {
        let cats = lookup_data(name)
            .map(|e| e.categories.clone())
            .unwrap_or_default();
        identifying_element(name, &cats)
    }

    #[test]
    fn names_contacts_and_logins_identify() {
        assert!(element("user.name.given").is_some());
        assert!(element("user.home-info.online.email").is_some());
        assert!(element("user.home-info.postal.street").is_some());
        assert!(element("user.home-info.telecom.telephone.number").is_some());
        assert!(element("user.login.id").is_some());
    }

    #[test]
    fn shared_parts_do_not_identify() {
        assert!(element("user.home-info.postal.postalcode").is_none());
        assert!(element("user.home-info.postal.city").is_none());
        assert!(element("user.name.prefix").is_none());
        assert!(element("dynamic.clickstream.clientip.fullip").is_none());
        assert!(element("user.gender").is_none());
    }

    #[test]
    fn words_match_whole_words() {
        assert_eq!(identifying_words("your e-mail address"), Some("e-mail"));
        assert_eq!(identifying_words("a random session id"), None);
        assert_eq!(child_word("Children under 13"), Some("children"));
        assert_eq!(child_word("Kidney patients"), None);
        assert!(is_children("Pupils of the school, aged 6 to 15"));
        assert!(!is_children("Parents and guardians of our pupils"));
        assert!(is_children("Teenagers who play our game"));
        assert!(is_children("Players under 18"));
        assert_eq!(
            buyer_phrase("Companies that buy our mailing list"),
            Some("buy our")
        );
        assert_eq!(buyer_phrase("Our processor, which handles purchases"), None);
    }
}
