//! The P3P base data schema (REC §5.5) : every element name a policy may reference,
//! with its fixed categories (REC §5.5, §3.4). Built from the structure definitions of
//! REC §5.5.2 (`personname`, `contact`, `loginfo`, ...) the way the REC composes them:
//! a field takes the categories of its structure field, or of the enclosing element
//! when the field has none (dates, URIs). Where the spec drafts disagree
//! (REFERENCE.md §8, A11) the REC-era reading (the 2001 WD schema) is used.

use super::terms::Category::{self, Computer, Demographic, Navigation, Online, Physical, Uniqueid};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One element of the base data schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataElement {
    /// Full dotted name, e.g. `user.home-info.online.email`.
    pub name: String,
    /// Fixed categories (empty only for variable-category elements).
    pub categories: Vec<Category>,
    /// True for `dynamic.cookies` and `dynamic.miscdata`, whose categories the
    /// policy must declare (REC §5.5.4, §3.4).
    pub variable: bool,
    /// True when the element is a set with sub-elements (`user.name`).
    pub is_set: bool,
}

/// The top-level data sets (REC §5.5).
pub const DATA_SCHEMA_ROOTS: &[&str] = &["user", "thirdparty", "business", "dynamic"];

type Fields = &'static [(&'static str, Field)];

/// A field of a structure: its own categories, or a nested structure.
#[derive(Clone, Copy)]
enum Field {
    Leaf(&'static [Category]),
    /// A structure; `Some` categories override those of its fields (REC §5.5.2 `postal.name`).
    Struct(Fields, Option<&'static [Category]>),
    /// A field with no categories of its own: takes the enclosing element's.
    Inherit,
    /// A structure whose fields have no categories of their own.
    InheritStruct(Fields),
}

use Field::{Inherit, InheritStruct, Leaf, Struct};

const PERSONNAME: Fields = &[
    ("prefix", Leaf(&[Demographic])),
    ("given", Leaf(&[Physical])),
    ("middle", Leaf(&[Physical])),
    ("family", Leaf(&[Physical])),
    ("suffix", Leaf(&[Demographic])),
    ("nickname", Leaf(&[Demographic])),
];
const DATE: Fields = &[
    (
        "ymd",
        InheritStruct(&[("year", Inherit), ("month", Inherit), ("day", Inherit)]),
    ),
    (
        "hms",
        InheritStruct(&[("hour", Inherit), ("minute", Inherit), ("second", Inherit)]),
    ),
    ("fractionsecond", Inherit),
    ("timezone", Inherit),
];
const LOGIN: Fields = &[("id", Leaf(&[Uniqueid])), ("password", Leaf(&[Uniqueid]))];
const CERTIFICATE: Fields = &[("key", Leaf(&[Uniqueid])), ("format", Leaf(&[Uniqueid]))];
const TELEPHONENUM: Fields = &[
    ("intcode", Leaf(&[Physical])),
    ("loccode", Leaf(&[Physical])),
    ("number", Leaf(&[Physical])),
    ("ext", Leaf(&[Physical])),
    ("comment", Leaf(&[Physical])),
];
const POSTAL: Fields = &[
    ("name", Struct(PERSONNAME, Some(&[Physical, Demographic]))),
    ("street", Leaf(&[Physical])),
    ("city", Leaf(&[Demographic])),
    ("stateprov", Leaf(&[Demographic])),
    ("postalcode", Leaf(&[Demographic])),
    ("country", Leaf(&[Demographic])),
    ("organization", Leaf(&[Demographic])),
];
const TELECOM: Fields = &[
    ("telephone", Struct(TELEPHONENUM, None)),
    ("fax", Struct(TELEPHONENUM, None)),
    ("mobile", Struct(TELEPHONENUM, None)),
    ("pager", Struct(TELEPHONENUM, None)),
];
const URI: Fields = &[
    ("authority", Inherit),
    ("stem", Inherit),
    ("querystring", Inherit),
];
const ONLINE: Fields = &[
    ("email", Leaf(&[Online])),
    ("uri", Struct(URI, Some(&[Online]))),
];
const CONTACT: Fields = &[
    ("postal", Struct(POSTAL, None)),
    ("telecom", Struct(TELECOM, None)),
    ("online", Struct(ONLINE, None)),
];
const IPADDR: Fields = &[
    ("hostname", Leaf(&[Computer])),
    ("partialhostname", Leaf(&[Demographic])),
    ("fullip", Leaf(&[Computer])),
    ("partialip", Leaf(&[Demographic])),
];
const LOGINFO: Fields = &[
    ("uri", Struct(URI, Some(&[Navigation]))),
    ("timestamp", Struct(DATE, Some(&[Navigation]))),
    ("clientip", Struct(IPADDR, Some(&[Computer]))),
    (
        "other",
        Struct(
            &[
                ("httpmethod", Inherit),
                ("bytes", Inherit),
                ("statuscode", Inherit),
            ],
            Some(&[Navigation]),
        ),
    ),
];
const HTTPINFO: Fields = &[
    ("referer", Struct(URI, Some(&[Navigation]))),
    ("useragent", Leaf(&[Computer])),
];

/// `user.*` and `thirdparty.*` share this layout (REC §5.5.1).
const PERSON: Fields = &[
    ("name", Struct(PERSONNAME, None)),
    ("bdate", Struct(DATE, Some(&[Demographic]))),
    ("login", Struct(LOGIN, None)),
    ("cert", Struct(CERTIFICATE, None)),
    ("gender", Leaf(&[Demographic])),
    ("employer", Leaf(&[Demographic])),
    ("department", Leaf(&[Demographic])),
    ("jobtitle", Leaf(&[Demographic])),
    ("home-info", Struct(CONTACT, None)),
    ("business-info", Struct(CONTACT, None)),
];
const BUSINESS: Fields = &[
    ("name", Leaf(&[Demographic])),
    ("department", Leaf(&[Demographic])),
    ("cert", Struct(CERTIFICATE, None)),
    ("contact-info", Struct(CONTACT, None)),
];
const DYNAMIC: Fields = &[
    ("clickstream", Struct(LOGINFO, None)),
    ("http", Struct(HTTPINFO, None)),
    ("clientevents", Leaf(&[Navigation, Interactive])),
    ("cookies", Leaf(&[])),
    ("miscdata", Leaf(&[])),
    ("searchtext", Leaf(&[Interactive])),
    ("interactionrecord", Leaf(&[Interactive])),
];
use super::terms::Category::Interactive;

const ROOTS: Fields = &[
    ("user", InheritStruct(PERSON)),
    ("thirdparty", InheritStruct(PERSON)),
    ("business", InheritStruct(BUSINESS)),
    ("dynamic", InheritStruct(DYNAMIC)),
];

/// Variable-category elements (REC §5.5.4): the policy declares their categories.
const VARIABLE: &[&str] = &["dynamic.cookies", "dynamic.miscdata"];

fn table() -> &'static BTreeMap<String, DataElement> {
    static TABLE: OnceLock<BTreeMap<String, DataElement>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = BTreeMap::new();
        expand(&mut map, "", ROOTS, &[]);
        map
    })
}

/// Adds every element below `prefix`; returns the union of the categories added.
fn expand(
    map: &mut BTreeMap<String, DataElement>,
    prefix: &str,
    fields: Fields,
    inherited: &[Category],
) -> Vec<Category> {
    let mut union = Vec::new();
    for (field_name, field) in fields {
        let name = if prefix.is_empty() {
            (*field_name).to_string()
        } else {
            format!("{prefix}.{field_name}")
        };
        let (categories, is_set) = match *field {
            Leaf(cats) => (cats.to_vec(), false),
            Inherit => (inherited.to_vec(), false),
            Struct(sub, Some(over)) => {
                expand(map, &name, sub, over);
                // An override replaces what the fields would say (REC §5.5.2).
                set_all(map, &name, over);
                (over.to_vec(), true)
            }
            Struct(sub, None) | InheritStruct(sub) => (expand(map, &name, sub, inherited), true),
        };
        let variable = VARIABLE.contains(&name.as_str());
        for c in &categories {
            if !union.contains(c) {
                union.push(*c);
            }
        }
        // Every element, the four top-level sets included: a DATA may reference
        // a whole set such as `#user` or `#business` (REC §3.3.7, §5.5).
        {
            let mut sorted = categories;
            sorted.sort();
            sorted.dedup();
            map.insert(
                name.clone(),
                DataElement {
                    name,
                    categories: sorted,
                    variable,
                    is_set,
                },
            );
        }
    }
    union
}

fn set_all(map: &mut BTreeMap<String, DataElement>, prefix: &str, cats: &[Category]) {
    let dotted = format!("{prefix}.");
    for (key, element) in map.iter_mut() {
        if key.starts_with(&dotted) {
            let mut c = cats.to_vec();
            c.sort();
            element.categories = c;
        }
    }
}

/// Looks a base data schema element up by its dotted name (`user.name.given`).
/// A leading `#` (the P3P `ref` form) is accepted.
pub fn lookup(name: &str) -> Option<&'static DataElement> {
    table().get(name.strip_prefix('#').unwrap_or(name))
}

/// The elements inside the set `set` (its dotted name, no `#`), at every depth,
/// in name order: one range of the sorted table, not a scan of every name.
pub fn elements_under(set: &str) -> impl Iterator<Item = &'static DataElement> {
    let prefix = format!("{set}.");
    table()
        .range::<str, _>((
            std::ops::Bound::Included(prefix.as_str()),
            std::ops::Bound::Unbounded,
        ))
        .map(|(_, e)| e)
        .take_while(move |e| e.name.starts_with(&prefix))
}

/// Every element name, in order, for "did you mean" suggestions.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    table().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(name: &str) -> Vec<Category> {
        lookup(name)
            .map(|e| e.categories.clone())
            .unwrap_or_default()
    }

    #[test]
    fn elements_under_a_set_are_those_named_with_its_prefix() {
        for set in all_names().filter(|n| lookup(n).is_some_and(|e| e.is_set)) {
            let prefix = format!("{set}.");
            let scanned: Vec<&str> = all_names().filter(|n| n.starts_with(&prefix)).collect();
            let ranged: Vec<&str> = elements_under(set).map(|e| e.name.as_str()).collect();
            assert_eq!(ranged, scanned, "{set}");
            assert!(!ranged.is_empty(), "{set}");
        }
        // A name that merely starts like a set is not inside it.
        assert!(elements_under("user.name").all(|e| e.name.starts_with("user.name.")));
    }

    #[test]
    fn worked_lookups_of_the_reference() {
        // REFERENCE.md §8.4
        assert_eq!(cats("user.name.given"), vec![Physical]);
        assert_eq!(cats("user.name"), vec![Physical, Demographic]);
        assert_eq!(cats("user.home-info.online.email"), vec![Online]);
        assert_eq!(cats("user.home-info.postal"), vec![Physical, Demographic]);
        assert_eq!(cats("user.home-info.telecom.telephone"), vec![Physical]);
        assert_eq!(cats("user.login.id"), vec![Uniqueid]);
        assert_eq!(cats("dynamic.clickstream"), vec![Computer, Navigation]);
        assert_eq!(cats("dynamic.http.useragent"), vec![Computer]);
        assert_eq!(cats("user.bdate.ymd.year"), vec![Demographic]);
        assert_eq!(cats("business.contact-info.postal.street"), vec![Physical]);
    }

    #[test]
    fn variable_elements_have_no_fixed_categories() {
        for name in VARIABLE {
            let e = lookup(name);
            assert!(
                e.is_some_and(|e| e.variable && e.categories.is_empty()),
                "{name}"
            );
        }
        assert!(lookup("user.name").is_some_and(|e| !e.variable && e.is_set));
        assert!(lookup("#user.gender").is_some());
        assert!(lookup("user.nope").is_none());
        // REC §3.3.7: a whole top-level set may be referenced.
        assert!(lookup("user").is_some_and(|e| e.is_set && !e.variable));
        assert!(lookup("#business").is_some_and(|e| e.is_set));
    }
}
