//! Wording for the model's own enums (practices P3P has no vocabulary for:
//! security measures, rights, exceptions, notification). P3P terms are worded
//! in `crate::vocabulary`, never here.

use crate::model::{Exception, MeasureKind, NotifyMethod, Party, RightKind};

pub fn measure(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::TransportEncryption => "Encryption in transit",
        MeasureKind::AtRestEncryption => "Encryption of stored data",
        MeasureKind::AccessControl => "Access control",
        MeasureKind::StaffTraining => "Staff training",
        MeasureKind::SecureHosting => "Secure hosting",
        MeasureKind::Firewall => "Firewalls",
        MeasureKind::Monitoring => "Monitoring",
        MeasureKind::Backups => "Backups",
        MeasureKind::Other => "Other measures",
    }
}

pub fn right(kind: RightKind) -> (&'static str, &'static str) {
    match kind {
        RightKind::Access => (
            "See your information",
            "You may ask to see the information we hold about you.",
        ),
        RightKind::Correction => (
            "Correct your information",
            "You may ask us to correct information about you that is wrong or out of date.",
        ),
        RightKind::Deletion => (
            "Delete your information",
            "You may ask us to delete the information we hold about you.",
        ),
        RightKind::Export => (
            "Take your information with you",
            "You may ask for a copy of your information in a form you can take elsewhere.",
        ),
        RightKind::Objection => (
            "Object to a use",
            "You may object to a use of your information and ask us to stop it.",
        ),
        // The rights the GDPR and CCPA added are worded in the vocabulary.
        other => (
            crate::vocabulary::LawTerm::label(other),
            crate::vocabulary::LawTerm::plain(other),
        ),
    }
}

pub fn exception(e: Exception) -> &'static str {
    match e {
        Exception::LegalRequirement => "when the law or legal process requires it",
        Exception::ServiceProviders => "with service providers who act on our behalf",
        Exception::BusinessTransfer => "in a merger, acquisition or sale of our business",
        Exception::Aggregate => "as aggregate information that does not identify anyone",
        Exception::Consent => "with your consent",
        Exception::Protection => "to protect rights and safety, or to prevent fraud",
        Exception::AsDisclosed => "as described elsewhere in this policy",
    }
}

pub fn notify(method: NotifyMethod) -> &'static str {
    match method {
        NotifyMethod::Email => "by email",
        NotifyMethod::SiteNotice => "with a notice on our site",
        NotifyMethod::Homepage => "on our home page",
    }
}

pub fn party(party: Party) -> &'static str {
    match party {
        Party::First => "Us (first party)",
        Party::Third => "Another company (third party)",
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
