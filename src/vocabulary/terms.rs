//! The P3P 1.0 vocabulary (REC §3.2.5 ACCESS, §3.2.6 DISPUTES, §3.2.7 REMEDIES,
//! §3.3.4 PURPOSE, §3.3.5 RECIPIENT, §3.3.6 RETENTION, §3.4 CATEGORIES) with the
//! compact tokens of REC §4.2. Wording follows W3C's P3P translation guidance.

use super::Term;
use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $group:literal {
            $( $variant:ident = $word:literal, $token:literal, $label:literal, $description:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( #[serde(rename = $word)] $variant, )*
        }

        impl Term for $name {
            const ALL: &'static [Self] = &[ $( Self::$variant, )* ];
            const GROUP: &'static str = $group;
            fn word(self) -> &'static str { match self { $( Self::$variant => $word, )* } }
            fn token(self) -> &'static str { match self { $( Self::$variant => $token, )* } }
            fn label(self) -> &'static str { match self { $( Self::$variant => $label, )* } }
            fn description(self) -> &'static str { match self { $( Self::$variant => $description, )* } }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.word())
            }
        }
    };
}

vocabulary! {
    /// ACCESS (REC §3.2.5): the ability of the individual to view identified data.
    Access, "access level" {
        Nonident = "nonident", "NOI", "No identified data is collected",
            "We do not collect identified data.";
        All = "all", "ALL", "Access to all identified data",
            "You can see all the identified data we hold about you.";
        ContactAndOther = "contact-and-other", "CAO", "Access to contact and other identified data",
            "You can see your identified contact information and certain other identified data.";
        IdentContact = "ident-contact", "IDC", "Access to identified contact information",
            "You can see the identified online and physical contact information we hold about you.";
        OtherIdent = "other-ident", "OTI", "Access to certain other identified data",
            "You can see certain identified data other than your contact information.";
        None = "none", "NON", "No access to identified data",
            "You cannot see the identified data we hold about you.";
    }
}

vocabulary! {
    /// DISPUTES `resolution-type` (REC §3.2.6).
    ResolutionType, "dispute resolution type" {
        Service = "service", "", "Customer service",
            "Complaints go to our own customer service.";
        Independent = "independent", "", "Independent organization",
            "Complaints may go to an independent organization.";
        Court = "court", "", "Court",
            "Disputes may be taken to a court.";
        Law = "law", "", "Applicable law",
            "Disputes are resolved under the applicable law.";
    }
}

vocabulary! {
    /// REMEDIES (REC §3.2.7): what happens when the policy is breached.
    Remedy, "remedy" {
        Correct = "correct", "COR", "Errors will be corrected",
            "Errors or wrongful actions arising from this policy will be corrected.";
        Money = "money", "MON", "Monetary compensation",
            "If we violate this policy, we will pay monetary damages as the dispute process sets them.";
        Law = "law", "LAW", "Remedies under the law",
            "Remedies for breaches of this policy are those set out in the law referenced here.";
    }
}

vocabulary! {
    /// PURPOSE (REC §3.3.4).
    Purpose, "purpose" {
        Current = "current", "CUR", "Completing the activity you asked for",
            "To complete the activity for which the information was provided.";
        Admin = "admin", "ADM", "Web site and system administration",
            "To administer, maintain and secure our web site and systems.";
        Develop = "develop", "DEV", "Research and development",
            "To improve, evaluate or review our site, services and products.";
        Tailoring = "tailoring", "TAI", "One-time tailoring",
            "To tailor the content or design of the site for a single visit, without keeping a profile.";
        PseudoAnalysis = "pseudo-analysis", "PSA", "Pseudonymous analysis",
            "To build a profile under a pseudonym, for research and analysis, without identifying you.";
        PseudoDecision = "pseudo-decision", "PSD", "Pseudonymous decisions",
            "To build a profile under a pseudonym and use it to make decisions that affect you, without identifying you.";
        IndividualAnalysis = "individual-analysis", "IVA", "Individual analysis",
            "To analyse information tied to you as an identified person.";
        IndividualDecision = "individual-decision", "IVD", "Individual decisions",
            "To make decisions that affect you directly, using information tied to you as an identified person.";
        Contact = "contact", "CON", "Marketing contact",
            "To contact you, other than by telephone, to market products or services.";
        Historical = "historical", "HIS", "Historical preservation",
            "To preserve the information for social history as governed by an existing law or policy.";
        Telemarketing = "telemarketing", "TEL", "Telemarketing",
            "To contact you by telephone to market products or services.";
        OtherPurpose = "other-purpose", "OTP", "Other purposes",
            "For other purposes, described in the policy.";
    }
}

vocabulary! {
    /// RECIPIENT (REC §3.3.5).
    Recipient, "recipient" {
        Ours = "ours", "OUR", "Us and our agents",
            "Ourselves, and companies acting as our agents or for whom we act as an agent.";
        Delivery = "delivery", "DEL", "Delivery services",
            "Delivery services that may follow practices different from ours.";
        Same = "same", "SAM", "Companies following our practices",
            "Other companies that follow practices the same as ours.";
        OtherRecipient = "other-recipient", "OTR", "Companies accountable to us",
            "Other companies that follow different practices but are accountable to us.";
        Unrelated = "unrelated", "UNR", "Unrelated third parties",
            "Unrelated third parties whose practices we do not know.";
        Public = "public", "PUB", "The public",
            "Public fora such as bulletin boards, directories or forums.";
    }
}

vocabulary! {
    /// RETENTION (REC §3.3.6).
    Retention, "retention" {
        NoRetention = "no-retention", "NOR", "Not retained",
            "Not kept beyond the single online interaction in which it is collected.";
        StatedPurpose = "stated-purpose", "STP", "Kept for the stated purpose",
            "Kept only as long as needed for the stated purpose, then destroyed.";
        LegalRequirement = "legal-requirement", "LEG", "Kept as the law requires",
            "Kept as long as a law or legal obligation requires.";
        BusinessPractices = "business-practices", "BUS", "Kept under our business practices",
            "Kept according to our stated business practices.";
        Indefinitely = "indefinitely", "IND", "Kept indefinitely",
            "Kept for an indeterminate period of time.";
    }
}

vocabulary! {
    /// CATEGORIES (REC §3.4).
    Category, "category" {
        Physical = "physical", "PHY", "Physical contact information",
            "Information that allows you to be contacted or located in the physical world, such as a telephone number or address.";
        Online = "online", "ONL", "Online contact information",
            "Information that allows you to be contacted or located on the Internet, such as an email address.";
        Uniqueid = "uniqueid", "UNI", "Unique identifiers",
            "Identifiers that recognise you, other than government-issued ones, such as a user name or account number.";
        Purchase = "purchase", "PUR", "Purchase information",
            "Information created in buying products or services, such as the payment method and what was bought.";
        Financial = "financial", "FIN", "Financial information",
            "Information about your finances, such as account status, balances, payment or credit history.";
        Computer = "computer", "COM", "Computer information",
            "Information about the computer used to reach the site, such as IP address, browser and operating system.";
        Navigation = "navigation", "NAV", "Navigation and click-stream data",
            "Data generated by browsing the site, such as which pages were visited and for how long.";
        Interactive = "interactive", "INT", "Interactive data",
            "Data actively generated by using the site, such as search queries or account activity.";
        Demographic = "demographic", "DEM", "Demographic and socioeconomic data",
            "Data about characteristics such as gender, age and income.";
        Content = "content", "CNT", "Content",
            "The words and expressions in the body of a communication, such as email or posts.";
        State = "state", "STA", "State management mechanisms",
            "Mechanisms that keep a stateful session with you, such as cookies.";
        Political = "political", "POL", "Political information",
            "Membership in or affiliation with groups such as religious organisations, trade unions or political parties.";
        Health = "health", "HEA", "Health information",
            "Information about your physical or mental health, sexual orientation, or use of health services.";
        Preference = "preference", "PRE", "Preference data",
            "Data about your likes and dislikes, such as favourite colour or musical tastes.";
        Location = "location", "LOC", "Location data",
            "Information that can be used to find your current physical location.";
        Government = "government", "GOV", "Government-issued identifiers",
            "Identifiers issued by a government, such as a social security or passport number.";
        OtherCategory = "other-category", "OTC", "Other information",
            "Other types of data, described in the policy.";
    }
}

vocabulary! {
    /// The `required` attribute of PURPOSE and RECIPIENT values (REC §3.3.4), with
    /// its compact suffix (REC §4.2.5 `creq`). The source language calls it the choice.
    Required, "choice" {
        Always = "always", "a", "Always",
            "This always happens; you cannot opt out of it.";
        OptIn = "opt-in", "i", "Only if you opt in",
            "This happens only if you ask for it.";
        OptOut = "opt-out", "o", "Unless you opt out",
            "This happens unless you tell us not to.";
    }
}

impl Default for Required {
    /// REC §3.3.4: the default value of `required` is `always`.
    fn default() -> Self {
        Self::Always
    }
}

impl Required {
    /// True when this is the spec default (`always`), which P3P output omits.
    pub fn is_default(&self) -> bool {
        *self == Self::Always
    }

    /// How much the choice lets the site do: always > opt-out > opt-in.
    /// Used where the spec is silent and the safe reading overstates (REC §4 ambiguity A1).
    pub fn permissiveness(self) -> u8 {
        match self {
            Self::OptIn => 0,
            Self::OptOut => 1,
            Self::Always => 2,
        }
    }
}

impl Purpose {
    /// REC §3.3.4 / §4.2.5: `current` never carries `required` nor a compact suffix.
    pub fn takes_required(self) -> bool {
        self != Self::Current
    }
}

impl Recipient {
    /// REC §3.3.5 / §4.2.6: `ours` never carries `required` nor a compact suffix.
    pub fn takes_required(self) -> bool {
        self != Self::Ours
    }

    /// Whether the recipient is someone other than the site and its agents.
    pub fn is_third_party(self) -> bool {
        self != Self::Ours
    }
}

impl Category {
    /// Categories a privacy lawyer treats as sensitive (financial, health, government IDs, political).
    pub fn is_sensitive(self) -> bool {
        matches!(
            self,
            Self::Financial | Self::Health | Self::Government | Self::Political
        )
    }
}
