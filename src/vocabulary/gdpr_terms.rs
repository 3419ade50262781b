//! GDPR (and UK GDPR) terms: the laws a notice may have to satisfy, the legal
//! bases of Art. 6(1), the conditions of Art. 9(2) and the transfer safeguards
//! of Art. 45–49, each with its citation and plain wording
//! (`shared/law/gdpr-notice.md` §3, §4, §7).

use super::law_terms::law_terms;

law_terms! {
    /// A law a notice must satisfy (`applies gdpr, ccpa`).
    Law, "law" {
        Gdpr = "gdpr", "Regulation (EU) 2016/679 (GDPR)", "GDPR",
            "The EU General Data Protection Regulation.";
        UkGdpr = "uk-gdpr", "UK GDPR (retained Regulation (EU) 2016/679) and the Data Protection Act 2018", "UK GDPR",
            "The United Kingdom's version of the GDPR.";
        Ccpa = "ccpa", "Cal. Civ. Code § 1798.100 et seq. (CCPA as amended by the CPRA) and 11 CCR § 7000 et seq.", "CCPA/CPRA",
            "The California Consumer Privacy Act, as amended by the California Privacy Rights Act.";
    }
}

impl Law {
    /// True for the GDPR family (the EU GDPR and the UK GDPR share one pack).
    pub fn is_gdpr(self) -> bool {
        matches!(self, Law::Gdpr | Law::UkGdpr)
    }
}

law_terms! {
    /// A lawful basis for processing (GDPR Art. 6(1)(a)–(f)).
    LegalBasis, "legal basis" {
        Consent = "consent", "GDPR Art. 6(1)(a)", "Consent",
            "You have given consent for this purpose; you may withdraw it at any time.";
        Contract = "contract", "GDPR Art. 6(1)(b)", "Contract",
            "We need it to perform a contract with you, or to take steps you asked for before entering into one.";
        LegalObligation = "legal-obligation", "GDPR Art. 6(1)(c)", "Legal obligation",
            "The law requires us to process it.";
        VitalInterests = "vital-interests", "GDPR Art. 6(1)(d)", "Vital interests",
            "We need it to protect your life or someone else's.";
        PublicTask = "public-task", "GDPR Art. 6(1)(e)", "Public task",
            "We need it to carry out a task in the public interest or in the exercise of official authority.";
        LegitimateInterests = "legitimate-interests", "GDPR Art. 6(1)(f)", "Legitimate interests",
            "It is necessary for legitimate interests (ours or a third party's) that your interests and rights do not override; you may object.";
    }
}

law_terms! {
    /// A condition that lifts the ban on special-category data (GDPR Art. 9(2)(a)–(j)).
    Art9Condition, "Art. 9(2) condition" {
        ExplicitConsent = "explicit-consent", "GDPR Art. 9(2)(a)", "Explicit consent",
            "You have given explicit consent for this purpose.";
        Employment = "employment", "GDPR Art. 9(2)(b)", "Employment and social security law",
            "It is needed for obligations or rights under employment, social security or social protection law.";
        VitalInterests = "vital-interests", "GDPR Art. 9(2)(c)", "Vital interests",
            "It protects someone's vital interests when they cannot give consent.";
        NotForProfit = "not-for-profit", "GDPR Art. 9(2)(d)", "Not-for-profit body",
            "A political, philosophical, religious or trade-union body processes it about its members or regular contacts.";
        MadePublic = "made-public", "GDPR Art. 9(2)(e)", "Made public by you",
            "You have manifestly made the data public.";
        LegalClaims = "legal-claims", "GDPR Art. 9(2)(f)", "Legal claims",
            "It is needed to establish, exercise or defend legal claims, or by courts acting judicially.";
        PublicInterest = "public-interest", "GDPR Art. 9(2)(g)", "Substantial public interest",
            "It is needed for reasons of substantial public interest set out in law.";
        HealthCare = "health-care", "GDPR Art. 9(2)(h)", "Health and social care",
            "It is needed for preventive or occupational medicine, diagnosis, care or treatment, under professional secrecy.";
        PublicHealth = "public-health", "GDPR Art. 9(2)(i)", "Public health",
            "It is needed for reasons of public interest in public health.";
        Archiving = "archiving", "GDPR Art. 9(2)(j)", "Archiving, research or statistics",
            "It is needed for archiving in the public interest, scientific or historical research or statistics under Art. 89(1).";
    }
}

law_terms! {
    /// The mechanism a transfer out of the EEA (or the UK) rests on (GDPR Art. 45–49).
    Safeguard, "transfer safeguard" {
        Adequacy = "adequacy", "GDPR Art. 45", "Adequacy decision",
            "The destination has an adequacy decision: its protection is recognised as essentially equivalent.";
        PublicInstrument = "public-instrument", "GDPR Art. 46(2)(a)", "Instrument between public bodies",
            "A legally binding and enforceable instrument between public authorities protects the data.";
        Bcr = "bcr", "GDPR Art. 46(2)(b) and Art. 47", "Binding corporate rules",
            "Binding corporate rules approved by a supervisory authority protect the data within our group.";
        Scc = "scc", "GDPR Art. 46(2)(c)", "Standard contractual clauses",
            "Standard data protection clauses adopted by the European Commission protect the data.";
        AuthorityClauses = "authority-clauses", "GDPR Art. 46(2)(d)", "Supervisory-authority clauses",
            "Standard clauses adopted by a supervisory authority and approved by the Commission protect the data.";
        CodeOfConduct = "code-of-conduct", "GDPR Art. 46(2)(e) and Art. 40", "Approved code of conduct",
            "An approved code of conduct, with binding commitments of the recipient, protects the data.";
        Certification = "certification", "GDPR Art. 46(2)(f) and Art. 42", "Approved certification",
            "An approved certification mechanism, with binding commitments of the recipient, protects the data.";
        AdHocClauses = "ad-hoc-clauses", "GDPR Art. 46(3)(a)", "Authorised contractual clauses",
            "Contractual clauses authorised by the supervisory authority protect the data.";
        AdministrativeArrangement = "administrative-arrangement", "GDPR Art. 46(3)(b)", "Administrative arrangement",
            "Authorised provisions in administrative arrangements between public bodies protect the data.";
        ExplicitConsent = "explicit-consent", "GDPR Art. 49(1)(a)", "Your explicit consent",
            "You explicitly consented to the transfer after being told of its risks.";
        ContractNecessity = "contract-necessity", "GDPR Art. 49(1)(b)", "Necessary for our contract with you",
            "The transfer is necessary to perform a contract with you.";
        ContractInInterest = "contract-in-interest", "GDPR Art. 49(1)(c)", "Contract in your interest",
            "The transfer is necessary for a contract concluded in your interest.";
        PublicInterest = "public-interest", "GDPR Art. 49(1)(d)", "Important public interest",
            "The transfer is necessary for important reasons of public interest.";
        LegalClaims = "legal-claims", "GDPR Art. 49(1)(e)", "Legal claims",
            "The transfer is necessary to establish, exercise or defend legal claims.";
        VitalInterests = "vital-interests", "GDPR Art. 49(1)(f)", "Vital interests",
            "The transfer protects someone's vital interests when consent cannot be given.";
        PublicRegister = "public-register", "GDPR Art. 49(1)(g)", "Public register",
            "The data come from a public register, within its consultation conditions.";
        CompellingInterests = "compelling-interests", "GDPR Art. 49(1), second subparagraph", "Compelling legitimate interests",
            "A one-off transfer for compelling legitimate interests, assessed and safeguarded, notified to the supervisory authority.";
    }
}

impl Safeguard {
    /// Whether the notice must say how to get a copy of the safeguards or where
    /// they are available (Art. 13(1)(f), 14(1)(f): transfers under Art. 46, 47
    /// or the second subparagraph of Art. 49(1)).
    pub fn needs_copy(self) -> bool {
        !matches!(
            self,
            Safeguard::Adequacy
                | Safeguard::ExplicitConsent
                | Safeguard::ContractNecessity
                | Safeguard::ContractInInterest
                | Safeguard::PublicInterest
                | Safeguard::LegalClaims
                | Safeguard::VitalInterests
                | Safeguard::PublicRegister
        )
    }
}
