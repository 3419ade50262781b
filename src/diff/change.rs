//! One change between two versions of a policy: its kind, whether it is material,
//! the one-line reason, the old and new values and where it is.
//!
//! A change is **material** when the new policy permits more (more data, purposes,
//! recipients, retention, weaker choices) or gives people less (rights, access,
//! security, promises, notice withdrawn): the kind of change the seed policies
//! themselves (and many laws) say people must be told about. Every kind has a fixed
//! materiality and a mirror: the kind the same change has when read backwards.

use crate::span::Span;
use serde::Serialize;

macro_rules! kinds {
    ( $( $variant:ident = $material:literal, $mirror:ident, $label:literal, $reason:literal; )* ) => {
        /// What kind of change a [`Change`] is.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum ChangeKind { $( $variant, )* }

        impl ChangeKind {
            /// Every kind, in order.
            pub const ALL: &'static [ChangeKind] = &[ $( ChangeKind::$variant, )* ];
            /// Whether the policy now permits more or gives people less.
            pub fn is_material(self) -> bool { match self { $( Self::$variant => $material, )* } }
            /// The kind of the same change read from new to old.
            #[must_use]
            pub fn mirror(self) -> Self { match self { $( Self::$variant => Self::$mirror, )* } }
            /// Whether the change cannot be classified from the model and a person must
            /// read it; such changes count as material.
            pub fn needs_review(self) -> bool { matches!(self, Self::PeriodReworded | Self::Reworded) }
            /// Short label for listings ("data added").
            pub fn label(self) -> &'static str { match self { $( Self::$variant => $label, )* } }
            /// Why the change is (or is not) material, in one line.
            pub fn reason(self) -> &'static str { match self { $( Self::$variant => $reason, )* } }
        }
    };
}

kinds! {
    PolicyAdded = true, PolicyRemoved, "policy added",
        "a new policy now governs people's data";
    PolicyRemoved = false, PolicyAdded, "policy removed",
        "the policy and everything it allowed are gone";
    StatementAdded = true, StatementRemoved, "collection added",
        "the site now collects data it did not collect before";
    StatementRemoved = false, StatementAdded, "collection removed",
        "the site no longer collects this data";
    SubjectAdded = true, SubjectRemoved, "data subjects added",
        "data is now collected from more kinds of people";
    SubjectRemoved = false, SubjectAdded, "data subjects removed",
        "data is collected from fewer kinds of people";
    DataAdded = true, DataRemoved, "data added",
        "the policy now covers more personal data";
    DataRemoved = false, DataAdded, "data removed",
        "less personal data is covered";
    CategoryAdded = true, CategoryRemoved, "category added",
        "the data now falls into more categories (REC §3.4)";
    CategoryRemoved = false, CategoryAdded, "category removed",
        "the data falls into fewer categories";
    DataMadeRequired = true, DataMadeOptional, "data now required",
        "people can no longer decline to give this data (REC §3.3.7 optional)";
    DataMadeOptional = false, DataMadeRequired, "data now optional",
        "people may now decline to give this data";
    PurposeAdded = true, PurposeRemoved, "purpose added",
        "data may now be used for a purpose it was not used for before";
    PurposeRemoved = false, PurposeAdded, "purpose removed",
        "data is used for fewer purposes";
    RecipientAdded = true, RecipientRemoved, "recipient added",
        "data may now reach someone it did not reach before";
    RecipientRemoved = false, RecipientAdded, "recipient removed",
        "data reaches fewer recipients";
    RecipientBroadened = true, RecipientNarrowed, "recipient kind broadened",
        "a recipient is now of a kind further from the site (REC §3.3.5)";
    RecipientNarrowed = false, RecipientBroadened, "recipient kind narrowed",
        "a recipient is now of a kind closer to the site";
    ChoiceWeakened = true, ChoiceStrengthened, "choice weakened",
        "people have less say: opt-in became opt-out or always, or opt-out became always";
    ChoiceStrengthened = false, ChoiceWeakened, "choice strengthened",
        "people have more say over this use";
    RetentionLengthened = true, RetentionShortened, "retention lengthened",
        "data may now be kept longer: the P3P retention values run no-retention, stated-purpose, legal-requirement, business-practices, indefinitely (REC §3.3.6)";
    RetentionShortened = false, RetentionLengthened, "retention shortened",
        "data is kept for a shorter time";
    PeriodLengthened = true, PeriodShortened, "period lengthened",
        "the stated period is now longer";
    PeriodShortened = false, PeriodLengthened, "period shortened",
        "the stated period is now shorter";
    PeriodReworded = true, PeriodReworded, "period changed, needs review",
        "the period changed in words that cannot be compared by length (another unit, another starting point, or a condition); it may now be longer: read both versions";
    PeriodRestated = false, PeriodRestated, "period restated",
        "the period is as long as before, in other words";
    PeriodRenewed = true, PeriodNoLongerRenewed, "period now renewed",
        "the period now starts again on every visit or use, so for people who keep coming back it may never end";
    PeriodNoLongerRenewed = false, PeriodRenewed, "period no longer renewed",
        "the period no longer starts again on every visit or use";
    PeriodDropped = true, PeriodStated, "period dropped",
        "the policy no longer says how long";
    PeriodStated = false, PeriodDropped, "period stated",
        "the policy now says how long";
    BecameIdentifiable = true, BecameNonIdentifiable, "now identifiable",
        "the data now identifies people (REC §3.3.3 NON-IDENTIFIABLE withdrawn)";
    BecameNonIdentifiable = false, BecameIdentifiable, "now non-identifiable",
        "the data no longer identifies people";
    CookieAdded = true, CookieRemoved, "cookie added",
        "a new cookie or similar device is set";
    CookieRemoved = false, CookieAdded, "cookie removed",
        "a cookie is no longer set";
    CookieThirdParty = true, CookieFirstParty, "cookie now third-party",
        "someone other than the site now sets or reads the cookie";
    CookieFirstParty = false, CookieThirdParty, "cookie now first-party",
        "only the site sets and reads the cookie";
    CookieLinked = true, CookieUnlinked, "cookie now linked",
        "what the cookie holds is now linked to personally identifiable information";
    CookieUnlinked = false, CookieLinked, "cookie no longer linked",
        "what the cookie holds is no longer linked to personally identifiable information";
    CookieCrossSite = true, CookieNotCrossSite, "cookie now tracks across sites",
        "the cookie is now used to follow people on other sites";
    CookieNotCrossSite = false, CookieCrossSite, "cookie no longer tracks across sites",
        "the cookie is no longer used to follow people on other sites";
    SharingAdded = true, SharingRemoved, "sharing added",
        "data is now shared in a way it was not before";
    SharingRemoved = false, SharingAdded, "sharing removed",
        "data is no longer shared this way";
    SaleStarted = true, SaleStopped, "data now sold",
        "the shared data is now sold, rented or traded";
    SaleStopped = false, SaleStarted, "data no longer sold",
        "the shared data is no longer sold";
    ConditionDropped = true, ConditionAdded, "condition dropped",
        "a condition that limited the practice was removed";
    ConditionAdded = false, ConditionDropped, "condition added",
        "the practice is now limited by a condition";
    AccessReduced = true, AccessExpanded, "access reduced",
        "people can now see less of the identified data held about them (REC §3.2.5)";
    AccessExpanded = false, AccessReduced, "access expanded",
        "people can now see more of the identified data held about them";
    AccessChanged = true, AccessChanged, "access changed",
        "people can now see a different part of their data and lose access to some of it (REC §3.2.5)";
    RightAdded = false, RightRemoved, "right added",
        "people gain a right over their data";
    RightRemoved = true, RightAdded, "right removed",
        "people lose a right over their data";
    ProtectionNarrowed = true, ProtectionBroadened, "protection narrowed",
        "a right, security practice or opt-out now covers less";
    ProtectionBroadened = false, ProtectionNarrowed, "protection broadened",
        "a right, security practice or opt-out now covers more";
    LimitAdded = true, LimitRemoved, "limit added",
        "a right is now limited";
    LimitRemoved = false, LimitAdded, "limit removed",
        "a limit on a right was lifted";
    SecurityAdded = false, SecurityDropped, "security practice added",
        "data is better protected";
    SecurityDropped = true, SecurityAdded, "security practice dropped",
        "the site no longer commits to this security practice";
    PromiseAdded = false, PromiseWithdrawn, "promise added",
        "the policy now promises more";
    PromiseWithdrawn = true, PromiseAdded, "promise withdrawn",
        "the policy no longer makes this promise";
    PromiseChanged = true, PromiseChanged, "promise changed",
        "what the promise commits to changed; the old commitment is withdrawn";
    ExceptionAdded = true, ExceptionRemoved, "exception added",
        "a promise now has a new exception";
    ExceptionRemoved = false, ExceptionAdded, "exception removed",
        "a promise has one exception fewer";
    OptOutAdded = false, OptOutRemoved, "opt-out added",
        "people gain a way to opt out";
    OptOutRemoved = true, OptOutAdded, "opt-out removed",
        "people lose a way to opt out";
    DisputeAdded = false, DisputeRemoved, "dispute resolution added",
        "people gain a way to resolve disputes";
    DisputeRemoved = true, DisputeAdded, "dispute resolution removed",
        "people lose a way to resolve disputes (REC §3.2.6)";
    RemedyAdded = false, RemedyRemoved, "remedy added",
        "people gain a remedy";
    RemedyRemoved = true, RemedyAdded, "remedy removed",
        "people lose a remedy (REC §3.2.7)";
    LogoChanged = false, LogoChanged, "seal logo changed",
        "the dispute service's logo (P3P IMG, REC §3.2.6) only shows who resolves disputes; what the policy allows is unchanged";
    NoticeStrengthened = false, NoticeWeakened, "change notice strengthened",
        "people will be told more about changes";
    NoticeWeakened = true, NoticeStrengthened, "change notice weakened",
        "people will be told less about changes, or later";
    RetentionRuleAdded = false, RetentionRuleRemoved, "retention rule added",
        "the policy now says how long more data is kept";
    RetentionRuleRemoved = true, RetentionRuleAdded, "retention rule removed",
        "the policy no longer says how long this data is kept";
    CoverageChanged = false, CoverageChanged, "coverage changed",
        "which sites or pages the policy covers changed, not what it allows";
    VersionChanged = false, VersionChanged, "version changed",
        "the version or effective date changed";
    DetailChanged = false, DetailChanged, "detail changed",
        "a contact detail, address or similar fact changed, not what the policy allows";
    Reworded = true, Reworded, "commitment reworded, needs review",
        "the words of a commitment to people changed; no program can tell whether they now promise less: read both versions";
    TextEdited = false, TextEdited, "text edited",
        "a title, heading or description changed; what the policy allows (data, purposes, recipients, retention, choices, rights, promises) is compared on its own";
    LawAdded = false, LawRemoved, "law added",
        "the notice now claims to satisfy another law (`applies`)";
    LawRemoved = true, LawAdded, "law removed",
        "the notice no longer claims to satisfy a law it satisfied (`applies`)";
    BasisWeakened = true, BasisStrengthened, "legal basis weakened",
        "a purpose now rests on a basis that leaves people less say, e.g. consent became legitimate interests (GDPR Art. 6(1))";
    BasisStrengthened = false, BasisWeakened, "legal basis strengthened",
        "a purpose now rests on a basis that leaves people more say (GDPR Art. 6(1))";
    BasisDropped = true, BasisStated, "legal basis dropped",
        "the notice no longer says on what basis a purpose rests (GDPR Art. 13(1)(c))";
    BasisStated = false, BasisDropped, "legal basis stated",
        "the notice now says on what basis a purpose rests";
    TransferAdded = true, TransferRemoved, "transfer added",
        "data now leaves the EEA (or the UK) in a way it did not before (GDPR Art. 44-49)";
    TransferRemoved = false, TransferAdded, "transfer removed",
        "data no longer leaves the EEA (or the UK) this way";
    SafeguardChanged = true, SafeguardChanged, "transfer changed",
        "a transfer now goes elsewhere or rests on another safeguard (GDPR Art. 44-49); review the new protection";
    DisclosureBroadened = true, DisclosureNarrowed, "disclosure broadened",
        "data is now sold or shared where it was disclosed for a business purpose, or sold where it was shared (CCPA § 1798.140(ad), (ah))";
    DisclosureNarrowed = false, DisclosureBroadened, "disclosure narrowed",
        "data is no longer sold or shared this way";
    GpcDropped = true, GpcHonoured, "GPC no longer honoured",
        "a Global Privacy Control signal no longer opts people out (11 CCR § 7025)";
    GpcHonoured = false, GpcDropped, "GPC now honoured",
        "a Global Privacy Control signal now opts people out of sale and sharing";
}

/// One change between two versions of a policy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// The policy changed (its name).
    pub policy: String,
    /// The element changed, as an acknowledgment names it (`collect registration`).
    pub element: String,
    /// What in the element changed (`user.name`, `purpose contact`, `title`).
    pub subject: String,
    /// The old value, when there is one to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The new value, when there is one to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// The policy now permits more or gives people less, or may (see `needs_review`).
    pub material: bool,
    /// The change could not be classified and must be read by a person; it counts
    /// as material unless `--fail-on definite` says otherwise.
    pub needs_review: bool,
    /// Why the change is (or is not) material.
    pub reason: String,
    /// Where the change is: in the new version, or in the old one for a removal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Change {
    /// The same change read backwards, without location: for testing that
    /// `diff(a, b)` and `diff(b, a)` mirror each other.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        let kind = self.kind.mirror();
        Self {
            kind,
            policy: self.policy.clone(),
            element: self.element.clone(),
            subject: self.subject.clone(),
            old: self.new.clone(),
            new: self.old.clone(),
            material: kind.is_material(),
            needs_review: kind.needs_review(),
            reason: kind.reason().to_string(),
            span: None,
        }
    }
}

/// The result of comparing two versions of a policy set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PolicyDiff {
    /// Every change, in policy order, then element order.
    pub changes: Vec<Change>,
    /// Names of policies whose version or effective date changed.
    pub versioned: Vec<String>,
}

impl PolicyDiff {
    /// Whether any change is material (changes that need review count).
    pub fn has_material(&self) -> bool {
        self.changes.iter().any(|c| c.material)
    }

    /// Whether any change is material for certain (changes that need review do not count).
    pub fn has_definite_material(&self) -> bool {
        self.changes.iter().any(|c| c.material && !c.needs_review)
    }

    /// Changes that a person must read.
    pub fn needing_review(&self) -> Vec<&Change> {
        self.changes.iter().filter(|c| c.needs_review).collect()
    }

    /// Material changes in policies whose version and effective date stayed the same:
    /// people must be told of a material change, so the policy needs a new version.
    pub fn unversioned_material(&self) -> Vec<&Change> {
        self.changes
            .iter()
            .filter(|c| c.material && !self.versioned.contains(&c.policy))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::ChangeKind;

    #[test]
    fn mirror_is_an_involution_that_flips_materiality_of_pairs() {
        for &k in ChangeKind::ALL {
            assert_eq!(k.mirror().mirror(), k, "{k:?}");
            if k.mirror() != k {
                assert_ne!(k.is_material(), k.mirror().is_material(), "{k:?}");
            }
            if k.needs_review() {
                assert!(
                    k.is_material(),
                    "{k:?}: a change to review counts as material"
                );
                assert_eq!(k.mirror(), k, "{k:?}");
            }
            assert!(
                !k.reason().contains("src/"),
                "{k:?}: reasons are for reviewers"
            );
        }
    }
}

/// Whether a file is new, gone or in both versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileStatus {
    Changed,
    Added,
    Removed,
}

impl FileStatus {
    /// A note after the file's name in a listing.
    pub fn note(self) -> &'static str {
        match self {
            FileStatus::Changed => "",
            FileStatus::Added => " (new file)",
            FileStatus::Removed => " (file removed)",
        }
    }
}

/// The changes of one policy file, when several are compared together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileDiff {
    pub path: String,
    pub status: FileStatus,
    pub diff: PolicyDiff,
}
