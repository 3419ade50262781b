//! Wording for the model's own enums (practices P3P has no vocabulary for:
//! security measures, rights, exceptions, notification), from the catalogue.
//! Vocabulary terms are worded by `vocabulary::reader`, never here.

use super::catalog::Catalog;
use crate::model::{Exception, MeasureKind, NotifyMethod, Party, RightKind};

pub fn measure(cat: &Catalog, kind: MeasureKind) -> String {
    cat.msg(match kind {
        MeasureKind::TransportEncryption => "measure-transport-encryption",
        MeasureKind::AtRestEncryption => "measure-at-rest-encryption",
        MeasureKind::AccessControl => "measure-access-control",
        MeasureKind::StaffTraining => "measure-staff-training",
        MeasureKind::SecureHosting => "measure-secure-hosting",
        MeasureKind::Firewall => "measure-firewall",
        MeasureKind::Monitoring => "measure-monitoring",
        MeasureKind::Backups => "measure-backups",
        MeasureKind::Other => "measure-other",
    })
}

pub fn right_id(kind: RightKind) -> Option<&'static str> {
    match kind {
        RightKind::Access => Some("right-access"),
        RightKind::Correction => Some("right-correction"),
        RightKind::Deletion => Some("right-deletion"),
        RightKind::Export => Some("right-export"),
        RightKind::Objection => Some("right-objection"),
        _ => None,
    }
}

/// A right's name and one sentence saying what it lets the person do: from the
/// catalogue for the rights every catalogue words, else the vocabulary's wording
/// of the GDPR and CCPA rights (English).
pub fn right(cat: &Catalog, kind: RightKind) -> (String, String) {
    match right_id(kind) {
        Some(id) => (cat.msg(id), cat.attr(id, "description")),
        None => (
            crate::vocabulary::LawTerm::label(kind).to_string(),
            crate::vocabulary::LawTerm::plain(kind).to_string(),
        ),
    }
}

pub fn exception(cat: &Catalog, e: Exception) -> String {
    cat.msg(match e {
        Exception::LegalRequirement => "exception-legal-requirement",
        Exception::ServiceProviders => "exception-service-providers",
        Exception::BusinessTransfer => "exception-business-transfer",
        Exception::Aggregate => "exception-aggregate",
        Exception::Consent => "exception-consent",
        Exception::Protection => "exception-protection",
        Exception::AsDisclosed => "exception-as-disclosed",
    })
}

pub fn notify(cat: &Catalog, method: NotifyMethod) -> String {
    cat.msg(match method {
        NotifyMethod::Email => "notify-email",
        NotifyMethod::SiteNotice => "notify-site-notice",
        NotifyMethod::Homepage => "notify-homepage",
    })
}

pub fn party(cat: &Catalog, party: Party) -> String {
    cat.msg(match party {
        Party::First => "party-first",
        Party::Third => "party-third",
    })
}

/// Words joined as a list: "a, b and c".
pub fn list(cat: &Catalog, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), cat.msg("list-and")),
    }
}

/// `ad-network` → `Ad network`: a defined name shown when nothing better is given.
pub fn humanize(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
