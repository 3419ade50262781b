//! Plain-language names for base data schema elements (REC §5.5), for the
//! human-readable policy: `user.home-info.online.email` reads "Email address
//! (online contact, home contact information)". Built from one word list per
//! field name, so every element of the schema gets a name.

/// Plain words for each field name of the base data schema (REC §5.5.1-5.5.4 and
/// the structures of §5.5.2).
const FIELD_WORDS: &[(&str, &str)] = &[
    // personname
    ("name", "name"),
    ("prefix", "name prefix or title"),
    ("given", "first name"),
    ("middle", "middle name"),
    ("family", "last name"),
    ("suffix", "name suffix"),
    ("nickname", "nickname"),
    // date
    ("bdate", "date of birth"),
    ("ymd", "date"),
    ("year", "year"),
    ("month", "month"),
    ("day", "day"),
    ("hms", "time of day"),
    ("hour", "hour"),
    ("minute", "minute"),
    ("second", "second"),
    ("fractionsecond", "fraction of a second"),
    ("timezone", "time zone"),
    // login, certificate
    ("login", "login"),
    ("id", "user ID"),
    ("password", "password"),
    ("cert", "identity certificate"),
    ("key", "certificate key"),
    ("format", "certificate format"),
    // person
    ("gender", "gender"),
    ("employer", "employer"),
    ("department", "department"),
    ("jobtitle", "job title"),
    ("home-info", "home contact information"),
    ("business-info", "work contact information"),
    ("contact-info", "contact information"),
    // contact, postal, telecom, online
    ("postal", "postal address"),
    ("street", "street address"),
    ("city", "city"),
    ("stateprov", "state or province"),
    ("postalcode", "postal code"),
    ("country", "country"),
    ("organization", "organization"),
    ("telecom", "telephone numbers"),
    ("telephone", "telephone number"),
    ("fax", "fax number"),
    ("mobile", "mobile telephone number"),
    ("pager", "pager number"),
    ("intcode", "international dialling code"),
    ("loccode", "area code"),
    ("number", "number"),
    ("ext", "extension"),
    ("comment", "comment"),
    ("online", "online contact"),
    ("email", "email address"),
    ("uri", "web address"),
    ("authority", "host part"),
    ("stem", "path part"),
    ("querystring", "query part"),
    // dynamic
    ("clickstream", "pages visited (click-stream)"),
    ("timestamp", "time of the request"),
    ("clientip", "IP address"),
    ("hostname", "full host name"),
    ("partialhostname", "partial host name"),
    ("fullip", "full IP address"),
    ("partialip", "partial IP address"),
    ("other", "other request information"),
    ("httpmethod", "request method"),
    ("bytes", "amount of data transferred"),
    ("statuscode", "response status"),
    ("http", "browser request information"),
    ("referer", "page you came from"),
    ("useragent", "browser and operating system"),
    ("clientevents", "interactions with the page (clicks, keys)"),
    ("cookies", "cookies"),
    ("miscdata", "other data"),
    ("searchtext", "search terms"),
    ("interactionrecord", "record of your transactions with us"),
];

fn field_words(field: &str) -> &str {
    FIELD_WORDS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(field, |(_, w)| w)
}

/// A plain-language name for a base data schema element, e.g. "Email address
/// (online contact, home contact information)". Unknown fields keep their own
/// word; a leading `#` (the P3P `ref` form) is ignored.
pub fn data_label(name: &str) -> String {
    let name = name.strip_prefix('#').unwrap_or(name);
    let mut fields = name.split('.');
    let root = fields.next().unwrap_or_default();
    let path: Vec<&str> = fields.collect();
    let Some((last, ancestors)) = path.split_last() else {
        return capitalize(field_words(root));
    };
    let mut label = capitalize(field_words(last));
    // Context, nearest first: "(online contact, home contact information)".
    let mut context: Vec<&str> = ancestors.iter().rev().map(|f| field_words(f)).collect();
    // REC §5.5: `thirdparty.*` is about someone other than the user; `business.*`
    // about an organization.
    match root {
        "thirdparty" => context.push("about someone else"),
        "business" => context.push("of a business"),
        _ => {}
    }
    if !context.is_empty() {
        label.push_str(" (");
        label.push_str(&context.join(", "));
        label.push(')');
    }
    label
}

fn capitalize(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::data_names;

    #[test]
    fn labels_read_as_words() {
        assert_eq!(
            data_label("user.home-info.online.email"),
            "Email address (online contact, home contact information)"
        );
        assert_eq!(data_label("user.name.given"), "First name (name)");
        assert_eq!(data_label("user.name"), "Name");
        assert_eq!(data_label("#user.jobtitle"), "Job title");
        assert_eq!(data_label("thirdparty.name"), "Name (about someone else)");
        assert_eq!(
            data_label("dynamic.clickstream"),
            "Pages visited (click-stream)"
        );
    }

    #[test]
    fn every_schema_field_has_words() {
        for name in data_names() {
            for field in name.split('.').skip(1) {
                assert!(
                    FIELD_WORDS.iter().any(|(f, _)| *f == field),
                    "no words for `{field}` in {name}"
                );
            }
        }
    }
}
