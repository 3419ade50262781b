//! ENTITY (REC §3.2.4) ↔ the model's `Entity`: the `business.*` data elements of the
//! base data schema (REC §5.5.3) with their values as text content.

use crate::model::{Entity, PostalAddress};

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
/// Returns the references it could not place, too.
pub fn raise(data: &[(String, String)]) -> (Option<Entity>, Vec<String>) {
    let mut entity = Entity::default();
    let mut postal = PostalAddress::default();
    let mut has_name = false;
    let mut has_postal = false;
    let (mut int, mut loc, mut number) = (None, None, None);
    let mut unplaced = Vec::new();
    for (reference, value) in data {
        let v = Some(value.clone());
        match reference.as_str() {
            NAME => {
                entity.name.clone_from(value);
                has_name = true;
            }
            DEPARTMENT => entity.department = v,
            EMAIL => entity.email = v,
            URI => entity.url = v,
            r => {
                if let Some(field) = r.strip_prefix(POSTAL) {
                    has_postal = true;
                    match field {
                        "organization" => postal.organization = v,
                        "street" => postal.street.push(value.clone()),
                        "city" => postal.city = v,
                        "stateprov" => postal.stateprov = v,
                        "postalcode" => postal.postalcode = v,
                        "country" => postal.country = v,
                        _ => unplaced.push(reference.clone()),
                    }
                } else if let Some(field) = r.strip_prefix(PHONE) {
                    match field {
                        "intcode" => int = v,
                        "loccode" => loc = v,
                        "number" => number = v,
                        _ => unplaced.push(reference.clone()),
                    }
                } else {
                    unplaced.push(reference.clone());
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
    (has_name.then_some(entity), unplaced)
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
