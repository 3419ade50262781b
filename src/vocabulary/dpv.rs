//! W3C Data Privacy Vocabulary (DPV) 2.x: the terms our outputs use, how our terms
//! map onto them, and the vendored list of every DPV 2.3 class and property IRI
//! (`dpv-terms.txt`, from the published vocabulary: core, PD, EU-GDPR, TECH) that
//! every emitted term is checked against.

use super::{LegalBasis, Purpose, Recipient, Retention, Safeguard};
use crate::model::MeasureKind;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The vendored term list (one IRI a line, `#` comments).
pub const TERM_LIST: &str = include_str!("dpv-terms.txt");

/// Prefixes the JSON-LD output declares, with their namespaces.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dpv", "https://w3id.org/dpv#"),
    ("pd", "https://w3id.org/dpv/pd#"),
    ("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#"),
    ("loc", "https://w3id.org/dpv/loc#"),
    ("dct", "http://purl.org/dc/terms/"),
];

fn known() -> &'static BTreeSet<&'static str> {
    static SET: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        TERM_LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The full IRI of a compact IRI with one of [`PREFIXES`] (`dpv:Collect`).
pub fn expand(curie: &str) -> Option<String> {
    let (prefix, local) = curie.split_once(':')?;
    PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|(_, ns)| format!("{ns}{local}"))
}

/// True when `curie` names a term of the vendored DPV 2.3 list.
pub fn is_term(curie: &str) -> bool {
    expand(curie).is_some_and(|iri| known().contains(iri.as_str()))
}

/// The DPV purpose for a P3P purpose (REC §3.3.4).
pub fn purpose(p: Purpose) -> &'static str {
    match p {
        Purpose::Current => "dpv:ServiceProvision",
        Purpose::Admin => "dpv:EnforceSecurity",
        Purpose::Develop => "dpv:ServiceOptimisation",
        Purpose::Tailoring => "dpv:ServicePersonalisation",
        Purpose::PseudoAnalysis | Purpose::IndividualAnalysis => "dpv:ServiceUsageAnalytics",
        Purpose::PseudoDecision | Purpose::IndividualDecision => "dpv:Personalisation",
        Purpose::Contact | Purpose::Telemarketing => "dpv:DirectMarketing",
        Purpose::Historical | Purpose::OtherPurpose => "dpv:Purpose",
    }
}

/// The DPV entity class of a P3P recipient kind (REC §3.3.5).
pub fn recipient(r: Recipient) -> &'static str {
    match r {
        Recipient::Ours | Recipient::OtherRecipient => "dpv:DataProcessor",
        Recipient::Same => "dpv:DataController",
        Recipient::Delivery | Recipient::Public => "dpv:Recipient",
        Recipient::Unrelated => "dpv:ThirdParty",
    }
}

/// The DPV duration class of a P3P retention value (REC §3.3.6).
pub fn duration(r: Retention) -> &'static str {
    match r {
        Retention::NoRetention | Retention::StatedPurpose | Retention::LegalRequirement => {
            "dpv:UntilEventDuration"
        }
        Retention::BusinessPractices | Retention::Indefinitely => "dpv:IndeterminateDuration",
    }
}

/// The DPV technical or organisational measure of a security practice.
pub fn measure(k: MeasureKind) -> &'static str {
    match k {
        MeasureKind::TransportEncryption => "dpv:EncryptionInTransfer",
        MeasureKind::AtRestEncryption => "dpv:EncryptionAtRest",
        MeasureKind::AccessControl => "dpv:AccessControlMethod",
        MeasureKind::StaffTraining => "dpv:StaffTraining",
        MeasureKind::SecureHosting => "dpv:PhysicalSecureStorage",
        MeasureKind::Firewall => "dpv:NetworkSecurityProtocols",
        MeasureKind::Monitoring => "dpv:MonitoringPolicy",
        MeasureKind::Backups => "dpv:DataBackupProtocols",
        MeasureKind::Other => "dpv:TechnicalOrganisationalMeasure",
    }
}

/// The EU-GDPR extension's term for a legal basis of Art. 6(1).
pub fn legal_basis(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "eu-gdpr:A6-1-a",
        LegalBasis::Contract => "eu-gdpr:A6-1-b",
        LegalBasis::LegalObligation => "eu-gdpr:A6-1-c",
        LegalBasis::VitalInterests => "eu-gdpr:A6-1-d",
        LegalBasis::PublicTask => "eu-gdpr:A6-1-e",
        LegalBasis::LegitimateInterests => "eu-gdpr:A6-1-f",
    }
}

/// The EU-GDPR extension's term for the legal basis of a transfer (Art. 45–49).
pub fn transfer_basis(s: Safeguard) -> &'static str {
    match s {
        Safeguard::Adequacy => "eu-gdpr:A45-3",
        Safeguard::PublicInstrument => "eu-gdpr:A46-2-a",
        Safeguard::Bcr => "eu-gdpr:A46-2-b",
        Safeguard::Scc => "eu-gdpr:A46-2-c",
        Safeguard::AuthorityClauses => "eu-gdpr:A46-2-d",
        Safeguard::CodeOfConduct => "eu-gdpr:A46-2-e",
        Safeguard::Certification => "eu-gdpr:A46-2-f",
        Safeguard::AdHocClauses => "eu-gdpr:A46-3-a",
        Safeguard::AdministrativeArrangement => "eu-gdpr:A46-3-b",
        Safeguard::ExplicitConsent => "eu-gdpr:A49-1-a",
        Safeguard::ContractNecessity => "eu-gdpr:A49-1-b",
        Safeguard::ContractInInterest => "eu-gdpr:A49-1-c",
        Safeguard::PublicInterest => "eu-gdpr:A49-1-d",
        Safeguard::LegalClaims => "eu-gdpr:A49-1-e",
        Safeguard::VitalInterests => "eu-gdpr:A49-1-f",
        Safeguard::PublicRegister => "eu-gdpr:A49-1-g",
        Safeguard::CompellingInterests => "eu-gdpr:A49-2",
    }
}

/// The DPV data-subject class for a subject named in a policy, from words in its
/// name or description ("customers", "site visitors"); `dpv:DataSubject` otherwise.
pub fn data_subject(words: &str) -> &'static str {
    const WORDS: &[(&str, &str)] = &[
        ("customer", "dpv:Customer"),
        ("client", "dpv:Customer"),
        ("visitor", "dpv:Visitor"),
        ("subscriber", "dpv:Subscriber"),
        ("member", "dpv:Member"),
        ("employee", "dpv:Employee"),
        ("applicant", "dpv:JobApplicant"),
        ("candidate", "dpv:JobApplicant"),
        ("patient", "dpv:Patient"),
        ("student", "dpv:Student"),
        ("child", "dpv:Child"),
        ("participant", "dpv:Participant"),
        ("consumer", "dpv:Consumer"),
        ("user", "dpv:User"),
    ];
    let lower = words.to_ascii_lowercase();
    WORDS
        .iter()
        .find(|(w, _)| lower.contains(w))
        .map_or("dpv:DataSubject", |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{stores, Category, LawTerm, Term};

    /// Every term this module or the data mappings can produce is in the vendored list.
    #[test]
    fn every_mapped_term_is_a_dpv_term() {
        let mut terms: Vec<&str> = Vec::new();
        terms.extend(Purpose::ALL.iter().map(|p| purpose(*p)));
        terms.extend(Recipient::ALL.iter().map(|r| recipient(*r)));
        terms.extend(Retention::ALL.iter().map(|r| duration(*r)));
        for k in [
            MeasureKind::TransportEncryption,
            MeasureKind::AtRestEncryption,
            MeasureKind::AccessControl,
            MeasureKind::StaffTraining,
            MeasureKind::SecureHosting,
            MeasureKind::Firewall,
            MeasureKind::Monitoring,
            MeasureKind::Backups,
            MeasureKind::Other,
        ] {
            terms.push(measure(k));
        }
        terms.extend(
            Category::ALL
                .iter()
                .filter_map(|c| stores::category_mapping(*c))
                .map(|m| m.dpv),
        );
        for name in crate::vocabulary::data_names() {
            if let Some(m) = stores::element_mapping(name) {
                terms.push(m.dpv);
            }
        }
        terms.extend(LegalBasis::ALL.iter().map(|b| legal_basis(*b)));
        terms.extend(Safeguard::ALL.iter().map(|s| transfer_basis(*s)));
        for w in ["customers", "x", "children", "users"] {
            terms.push(data_subject(w));
        }
        for t in terms {
            assert!(is_term(t), "{t} is not in the vendored DPV term list");
        }
        assert!(!is_term("dpv:NoSuchTerm"));
        assert!(!is_term("dpv:Sell"));
    }
}
