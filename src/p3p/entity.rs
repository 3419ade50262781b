//! ENTITY (REC §3.2.4) ↔ the model's `Entity`: the `business.*` data elements of the
//! base data schema (REC §5.5.3) with their values as text content.

use crate::model::{Entity, EntityData, PostalAddress};

const NAME: &str = "business.name";
const DEPARTMENT: &str = "business.department";
const POSTAL: &str = "business.contact-info.postal.";
const EMAIL: &str = "business.contact-info.online.email";
const URI: &str = "business.contact-info.online.uri";
const PHONE: &str = "business.contact-info.telecom.telephone.";

/// The ENTITY's `DATA` elements, in the order of REC Example 3.1.
pub fn lower(entity: &Entity) -> Vec<(String, String)> {
    let mut out = vec![(NAME.to_string(), entity.name.clone())];
    let mut push = |r: &str, v: &Option<String>| {
        if let Some(v) = v {
            out.push((r.to_string(), v.clone()));
        }
    };
    push(DEPARTMENT, &entity.department);
    if let Some(p) = &entity.postal {
        push(&format!("{POSTAL}organization"), &p.organization);
        for street in &p.street {
            push(&format!("{POSTAL}street"), &Some(street.clone()));
        }
        push(&format!("{POSTAL}city"), &p.city);
        push(&format!("{POSTAL}stateprov"), &p.stateprov);
        push(&format!("{POSTAL}postalcode"), &p.postalcode);
        push(&format!("{POSTAL}country"), &p.country);
    }
    push(EMAIL, &entity.email);
    push(URI, &entity.url);
    if let Some(phone) = &entity.phone {
        for (field, value) in split_phone(phone) {
            out.push((format!("{PHONE}{field}"), value));
        }
    }
    for d in &entity.data {
        out.push((d.reference.clone(), d.value.clone()));
    }
    out
}

/// Splits `+1 248 392 6753` into the `telephonenum` fields (REC §5.5.2):
/// international code, local code, number. Anything else is kept whole as `number`.
fn split_phone(phone: &str) -> Vec<(&'static str, String)> {
    let groups: Vec<&str> = phone
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|g| !g.is_empty())
        .collect();
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    if let [first, loc, rest @ ..] = groups.as_slice() {
        if let Some(int) = first.strip_prefix('+') {
            if digits(int) && digits(loc) && !rest.is_empty() && rest.iter().all(|g| digits(g)) {
                return vec![
                    ("intcode", int.to_string()),
                    ("loccode", (*loc).to_string()),
                    ("number", rest.concat()),
                ];
            }
        }
    }
    vec![("number", phone.trim().to_string())]
}

/// The model's entity from ENTITY's `DATA` elements; `None` without `business.name`.
/// Returns the references it could not place, too: those that are not `business.*`
/// elements of the base data schema (REC §3.2.4). Every other element is kept:
/// in the named fields when they give back exactly these elements (`lower`), and
/// otherwise, with its reference, in `data` (a fax number, a postal name, a second
/// e-mail address, telephone parts that do not make one number, a value the
/// language does not accept as an e-mail address or URL).
pub fn raise(data: &[(String, String)]) -> (Option<Entity>, Vec<String>) {
    let mut placeable = Vec::new();
    let mut unplaced = Vec::new();
    for (reference, value) in data {
        if reference.starts_with("business.") && crate::vocabulary::lookup_data(reference).is_some()
        {
            placeable.push((reference.clone(), value.clone()));
        } else {
            unplaced.push(reference.clone());
        }
    }
    let Some(entity) = raise_fields(&placeable) else {
        return (None, unplaced);
    };
    let sorted = |mut v: Vec<(String, String)>| {
        v.sort();
        v
    };
    if sorted(lower(&entity)) == sorted(placeable.clone()) {
        return (Some(entity), unplaced);
    }
    // Not exactly representable in the named fields: the name, then every other
    // element as written.
    let mut named = false;
    let mut plain = Entity {
        name: entity.name.clone(),
        ..Entity::default()
    };
    for (reference, value) in placeable {
        if reference == NAME && !named {
            named = true;
        } else {
            plain.data.push(EntityData { reference, value });
        }
    }
    (Some(plain), unplaced)
}

/// The named fields from `business.*` elements; `None` without `business.name`.
fn raise_fields(data: &[(String, String)]) -> Option<Entity> {
    let mut entity = Entity::default();
    let mut postal = PostalAddress::default();
    let mut has_name = false;
    let mut has_postal = false;
    let (mut int, mut loc, mut number) = (None, None, None);
    for (reference, value) in data {
        let v = Some(value.clone());
        match reference.as_str() {
            NAME if !has_name => {
                entity.name.clone_from(value);
                has_name = true;
            }
            DEPARTMENT if entity.department.is_none() => entity.department = v,
            EMAIL if entity.email.is_none() && crate::resolve::is_email(value) => entity.email = v,
            URI if entity.url.is_none() && crate::resolve::is_http_url(value) => entity.url = v,
            r => {
                let postal_field = r.strip_prefix(POSTAL);
                let phone_field = r.strip_prefix(PHONE);
                match (postal_field, phone_field) {
                    (Some("organization"), _) if postal.organization.is_none() => {
                        has_postal = true;
                        postal.organization = v;
                    }
                    (Some("street"), _) => {
                        has_postal = true;
                        postal.street.push(value.clone());
                    }
                    (Some("city"), _) if postal.city.is_none() => {
                        has_postal = true;
                        postal.city = v;
                    }
                    (Some("stateprov"), _) if postal.stateprov.is_none() => {
                        has_postal = true;
                        postal.stateprov = v;
                    }
                    (Some("postalcode"), _) if postal.postalcode.is_none() => {
                        has_postal = true;
                        postal.postalcode = v;
                    }
                    (Some("country"), _) if postal.country.is_none() => {
                        has_postal = true;
                        postal.country = v;
                    }
                    (_, Some("intcode")) if int.is_none() => int = v,
                    (_, Some("loccode")) if loc.is_none() => loc = v,
                    (_, Some("number")) if number.is_none() => number = v,
                    _ => entity.data.push(EntityData {
                        reference: reference.clone(),
                        value: value.clone(),
                    }),
                }
            }
        }
    }
    entity.phone = match (int, loc, number) {
        (Some(i), Some(l), Some(n)) => Some(format!("+{i} {l} {n}")),
        (None, None, Some(n)) => Some(n),
        (i, l, n) => {
            let parts: Vec<String> = [i.map(|i| format!("+{i}")), l, n]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    if has_postal {
        entity.postal = Some(postal);
    }
    has_name.then_some(entity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_split_into_telephonenum_fields() {
        assert_eq!(
            split_phone("+1 248 392 6753"),
            vec![
                ("intcode", "1".to_string()),
                ("loccode", "248".to_string()),
                ("number", "3926753".to_string())
            ]
        );
        assert_eq!(
            split_phone("(800) 555-1234"),
            vec![("number", "(800) 555-1234".to_string())]
        );
    }

    #[test]
    fn entity_round_trips_through_data_elements() {
        let e = Entity {
            name: "CatalogExample".into(),
            email: Some("catalog@example.com".into()),
            phone: Some("+1 248 3926753".into()),
            postal: Some(PostalAddress {
                street: vec!["4000 Lincoln Ave.".into()],
                city: Some("Birmingham".into()),
                ..PostalAddress::default()
            }),
            ..Entity::default()
        };
        let (back, unplaced) = raise(&lower(&e));
        assert!(unplaced.is_empty());
        assert_eq!(back, Some(e));
    }
}
