//! Wording for the model's own enums (practices P3P has no vocabulary for:
//! security measures, rights, exceptions, notification), from the catalogue.
//! Vocabulary terms are worded by `vocabulary::reader`, never here.

use super::catalog::Catalog;
use crate::model::{Exception, MeasureKind, NotifyMethod, Party, RightKind};
use crate::vocabulary::reader;

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

/// A right's name and one sentence saying what it lets the person do, from the
/// catalogue (`right-access` ... `right-non-discrimination`, every right kind in
/// every language); the vocabulary's English wording only for a catalogue
/// without it (a custom one).
pub fn right(cat: &Catalog, kind: RightKind) -> (String, String) {
    let id = reader::law_message_id(kind);
    if cat.has(&id) {
        (cat.msg(&id), cat.attr(&id, "description"))
    } else {
        (
            crate::vocabulary::LawTerm::label(kind).to_string(),
            crate::vocabulary::LawTerm::plain(kind).to_string(),
        )
    }
}

/// A legal term's reader wording (`basis-consent`), with its description.
pub fn law_term<T: crate::vocabulary::LawTerm>(cat: &Catalog, term: T) -> (String, String) {
    let id = reader::law_message_id(term);
    if cat.has(&id) {
        (cat.msg(&id), cat.attr(&id, "description"))
    } else {
        (term.label().to_string(), term.plain().to_string())
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
