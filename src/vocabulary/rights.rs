//! The rights people have over their data: GDPR Art. 7(3), 15–22 and 77, and the
//! CCPA rights of §§ 1798.100–1798.125, with the word a policy writes, its
//! citation and plain wording. Aliases let a policy use either law's name
//! (`rectification` or `correction`, `portability` or `export`).

use super::law_terms::law_terms;

law_terms! {
    /// A kind of right a person has over their data.
    RightKind, "right" {
        Access = "access", "GDPR Art. 15", "Access",
            "You can ask whether we hold data about you and get a copy of it.";
        #[serde(alias = "rectification")]
        Correction = "correction", "GDPR Art. 16; CCPA § 1798.106", "Correction",
            "You can have inaccurate data corrected and incomplete data completed.";
        #[serde(alias = "erasure")]
        Deletion = "deletion", "GDPR Art. 17; CCPA § 1798.105", "Deletion",
            "You can have your data deleted.";
        #[serde(alias = "portability")]
        Export = "export", "GDPR Art. 20", "Portability",
            "You can get the data you gave us in a machine-readable format, or have it sent to another organisation.";
        Objection = "objection", "GDPR Art. 21", "Objection",
            "You can object to processing based on legitimate interests or a public task, and always to direct marketing.";
        Restriction = "restriction", "GDPR Art. 18", "Restriction",
            "You can have us restrict (pause) the processing of your data.";
        WithdrawConsent = "withdraw-consent", "GDPR Art. 7(3)", "Withdrawing consent",
            "You can withdraw consent at any time, as easily as you gave it; this does not affect what we did before.";
        Complaint = "complaint", "GDPR Art. 77", "Complaint to a supervisory authority",
            "You can complain to a data protection supervisory authority.";
        AutomatedDecisions = "automated-decisions", "GDPR Art. 22", "No solely automated decisions",
            "You can refuse to be subject to a decision based solely on automated processing that significantly affects you.";
        Know = "know", "CCPA §§ 1798.100, 1798.110, 1798.115", "Right to know",
            "You can ask what personal information we collect, use, disclose, sell or share, and get a copy of it.";
        OptOutOfSale = "opt-out-of-sale", "CCPA § 1798.120", "Opting out of sale and sharing",
            "You can tell us not to sell or share your personal information.";
        LimitSensitive = "limit-sensitive", "CCPA § 1798.121", "Limiting sensitive information",
            "You can limit our use of your sensitive personal information to what is needed for the service.";
        NonDiscrimination = "non-discrimination", "CCPA § 1798.125", "Non-discrimination",
            "We will not treat you differently for exercising your rights.";
    }
}

/// Other names a policy may use for a right (`right erasure`), as GDPR or CCPA
/// words it.
pub const RIGHT_ALIASES: &[(&str, RightKind)] = &[
    ("rectification", RightKind::Correction),
    ("correct", RightKind::Correction),
    ("erasure", RightKind::Deletion),
    ("delete", RightKind::Deletion),
    ("portability", RightKind::Export),
    ("object", RightKind::Objection),
    ("opt-out-of-sharing", RightKind::OptOutOfSale),
    ("limit", RightKind::LimitSensitive),
];
