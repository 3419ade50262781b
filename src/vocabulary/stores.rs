//! App-store privacy vocabularies and how our terms map onto them: Apple's collected
//! data types and purposes (privacy manifest `PrivacyInfo.xcprivacy`, App Store
//! privacy answers) and Google Play's Data safety data types and purposes.
//!
//! Sources: Apple, "App Privacy Configuration" / `NSPrivacyCollectedDataTypes` (the
//! constants, checked against two independent copies); Google Play Console Help,
//! "Provide information for Google Play's Data safety section" and the Console's CSV
//! export (question and response IDs). The mapping from P3P categories, base data
//! schema elements and purposes is ours; `tests/` pin it.

use super::{Category, Purpose};

/// One of Apple's collected data types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct AppleType {
    /// Suffix of the constant (`EmailAddress` → `NSPrivacyCollectedDataTypeEmailAddress`).
    pub id: &'static str,
    /// The App Store label ("Email Address").
    pub label: &'static str,
    /// The label section it is grouped under ("Contact Info").
    pub category: &'static str,
}

impl AppleType {
    /// The plist constant.
    pub fn constant(self) -> String {
        format!("NSPrivacyCollectedDataType{}", self.id)
    }
}

macro_rules! table {
    ($ty:ident, $all:ident { $( $name:ident = $($field:expr),+ ; )* }) => {
        $( pub const $name: $ty = table!(@new $ty, $($field),+); )*
        /// Every value, in the source's order.
        pub const $all: &[$ty] = &[ $( $name ),* ];
    };
    (@new AppleType, $id:expr, $label:expr, $cat:expr) => {
        AppleType { id: $id, label: $label, category: $cat }
    };
    (@new PlayType, $id:expr, $label:expr, $cat:expr, $cat_id:expr) => {
        PlayType { id: $id, label: $label, category: $cat, category_id: $cat_id }
    };
    (@new ApplePurpose, $id:expr, $label:expr) => {
        ApplePurpose { id: $id, label: $label }
    };
    (@new PlayPurpose, $id:expr, $label:expr) => {
        PlayPurpose { id: $id, label: $label }
    };
}

/// Apple's collected data types (35).
pub mod apple {
    use super::{ApplePurpose, AppleType};
    table!(AppleType, ALL {
        NAME = "Name", "Name", "Contact Info";
        EMAIL = "EmailAddress", "Email Address", "Contact Info";
        PHONE = "PhoneNumber", "Phone Number", "Contact Info";
        ADDRESS = "PhysicalAddress", "Physical Address", "Contact Info";
        OTHER_CONTACT = "OtherUserContactInfo", "Other User Contact Info", "Contact Info";
        HEALTH = "Health", "Health", "Health & Fitness";
        FITNESS = "Fitness", "Fitness", "Health & Fitness";
        PAYMENT = "PaymentInfo", "Payment Info", "Financial Info";
        CREDIT = "CreditInfo", "Credit Info", "Financial Info";
        OTHER_FINANCIAL = "OtherFinancialInfo", "Other Financial Info", "Financial Info";
        PRECISE_LOCATION = "PreciseLocation", "Precise Location", "Location";
        COARSE_LOCATION = "CoarseLocation", "Coarse Location", "Location";
        SENSITIVE = "SensitiveInfo", "Sensitive Info", "Sensitive Info";
        CONTACTS = "Contacts", "Contacts", "Contacts";
        MESSAGES = "EmailsOrTextMessages", "Emails or Text Messages", "User Content";
        PHOTOS = "PhotosorVideos", "Photos or Videos", "User Content";
        AUDIO = "AudioData", "Audio Data", "User Content";
        GAMEPLAY = "GameplayContent", "Gameplay Content", "User Content";
        SUPPORT = "CustomerSupport", "Customer Support", "User Content";
        OTHER_CONTENT = "OtherUserContent", "Other User Content", "User Content";
        BROWSING = "BrowsingHistory", "Browsing History", "Browsing History";
        SEARCH = "SearchHistory", "Search History", "Search History";
        USER_ID = "UserID", "User ID", "Identifiers";
        DEVICE_ID = "DeviceID", "Device ID", "Identifiers";
        PURCHASES = "PurchaseHistory", "Purchase History", "Purchases";
        INTERACTION = "ProductInteraction", "Product Interaction", "Usage Data";
        ADVERTISING = "AdvertisingData", "Advertising Data", "Usage Data";
        OTHER_USAGE = "OtherUsageData", "Other Usage Data", "Usage Data";
        CRASH = "CrashData", "Crash Data", "Diagnostics";
        PERFORMANCE = "PerformanceData", "Performance Data", "Diagnostics";
        OTHER_DIAGNOSTIC = "OtherDiagnosticData", "Other Diagnostic Data", "Diagnostics";
        ENVIRONMENT = "EnvironmentScanning", "Environment Scanning", "Surroundings";
        HANDS = "Hands", "Hands", "Body";
        HEAD = "Head", "Head", "Body";
        OTHER = "OtherDataTypes", "Other Data Types", "Other Data";
    }
    );

    table!(ApplePurpose, PURPOSES {
        THIRD_PARTY_ADVERTISING = "ThirdPartyAdvertising", "Third-Party Advertising";
        DEVELOPER_ADVERTISING = "DeveloperAdvertising", "Developer's Advertising or Marketing";
        ANALYTICS = "Analytics", "Analytics";
        PERSONALIZATION = "ProductPersonalization", "Product Personalization";
        APP_FUNCTIONALITY = "AppFunctionality", "App Functionality";
        OTHER_PURPOSE = "Other", "Other Purposes";
    }
    );
}

/// One of Apple's collection purposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ApplePurpose {
    /// Suffix of the constant (`Analytics` → `NSPrivacyCollectedDataTypePurposeAnalytics`).
    pub id: &'static str,
    pub label: &'static str,
}

impl ApplePurpose {
    /// The plist constant.
    pub fn constant(self) -> String {
        format!("NSPrivacyCollectedDataTypePurpose{}", self.id)
    }
}

/// One of Google Play's Data safety data types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlayType {
    /// Response ID in the Console's CSV (`PSL_EMAIL`).
    pub id: &'static str,
    /// English label ("Email address").
    pub label: &'static str,
    /// Category label ("Personal info").
    pub category: &'static str,
    /// Category question ID (`PSL_DATA_TYPES_PERSONAL`).
    pub category_id: &'static str,
}

/// One of Google Play's Data safety purposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlayPurpose {
    /// Response ID (`PSL_ANALYTICS`).
    pub id: &'static str,
    pub label: &'static str,
}

/// Google Play's data types (38, in the CSV export's order) and purposes (7).
pub mod play {
    use super::{PlayPurpose, PlayType};
    const LOC: &str = "PSL_DATA_TYPES_LOCATION";
    const PER: &str = "PSL_DATA_TYPES_PERSONAL";
    const FIN: &str = "PSL_DATA_TYPES_FINANCIAL";
    const HEA: &str = "PSL_DATA_TYPES_HEALTH_AND_FITNESS";
    const MSG: &str = "PSL_DATA_TYPES_EMAIL_AND_TEXT";
    const PHO: &str = "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS";
    const AUD: &str = "PSL_DATA_TYPES_AUDIO";
    const FIL: &str = "PSL_DATA_TYPES_FILES_AND_DOCS";
    const CAL: &str = "PSL_DATA_TYPES_CALENDAR";
    const CON: &str = "PSL_DATA_TYPES_CONTACTS";
    const ACT: &str = "PSL_DATA_TYPES_APP_ACTIVITY";
    const WEB: &str = "PSL_DATA_TYPES_SEARCH_AND_BROWSING";
    const PRF: &str = "PSL_DATA_TYPES_APP_PERFORMANCE";
    const IDS: &str = "PSL_DATA_TYPES_IDENTIFIERS";
    table!(PlayType, ALL {
        APPROX_LOCATION = "PSL_APPROX_LOCATION", "Approximate location", "Location", LOC;
        PRECISE_LOCATION = "PSL_PRECISE_LOCATION", "Precise location", "Location", LOC;
        NAME = "PSL_NAME", "Name", "Personal info", PER;
        EMAIL = "PSL_EMAIL", "Email address", "Personal info", PER;
        USER_IDS = "PSL_USER_ACCOUNT", "User IDs", "Personal info", PER;
        ADDRESS = "PSL_ADDRESS", "Address", "Personal info", PER;
        PHONE = "PSL_PHONE", "Phone number", "Personal info", PER;
        RACE = "PSL_RACE_ETHNICITY", "Race and ethnicity", "Personal info", PER;
        BELIEFS = "PSL_POLITICAL_RELIGIOUS", "Political or religious beliefs", "Personal info", PER;
        ORIENTATION = "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY", "Sexual orientation", "Personal info", PER;
        OTHER_PERSONAL = "PSL_OTHER_PERSONAL", "Other info", "Personal info", PER;
        PAYMENT = "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER", "User payment info", "Financial info", FIN;
        PURCHASES = "PSL_PURCHASE_HISTORY", "Purchase history", "Financial info", FIN;
        CREDIT = "PSL_CREDIT_SCORE", "Credit score", "Financial info", FIN;
        OTHER_FINANCIAL = "PSL_OTHER", "Other financial info", "Financial info", FIN;
        HEALTH = "PSL_HEALTH", "Health info", "Health and fitness", HEA;
        FITNESS = "PSL_FITNESS", "Fitness info", "Health and fitness", HEA;
        EMAILS = "PSL_EMAILS", "Emails", "Messages", MSG;
        SMS = "PSL_SMS_CALL_LOG", "SMS or MMS", "Messages", MSG;
        OTHER_MESSAGES = "PSL_OTHER_MESSAGES", "Other in-app messages", "Messages", MSG;
        PHOTOS = "PSL_PHOTOS", "Photos", "Photos and videos", PHO;
        VIDEOS = "PSL_VIDEOS", "Videos", "Photos and videos", PHO;
        AUDIO = "PSL_AUDIO", "Voice or sound recordings", "Audio files", AUD;
        MUSIC = "PSL_MUSIC", "Music files", "Audio files", AUD;
        OTHER_AUDIO = "PSL_OTHER_AUDIO", "Other audio files", "Audio files", AUD;
        FILES = "PSL_FILES_AND_DOCS", "Files and docs", "Files and docs", FIL;
        CALENDAR = "PSL_CALENDAR", "Calendar events", "Calendar", CAL;
        CONTACTS = "PSL_CONTACTS", "Contacts", "Contacts", CON;
        INTERACTIONS = "PSL_USER_INTERACTION", "App interactions", "App activity", ACT;
        SEARCH = "PSL_IN_APP_SEARCH_HISTORY", "In-app search history", "App activity", ACT;
        INSTALLED_APPS = "PSL_APPS_ON_DEVICE", "Installed apps", "App activity", ACT;
        USER_CONTENT = "PSL_USER_GENERATED_CONTENT", "Other user-generated content", "App activity", ACT;
        OTHER_ACTIONS = "PSL_OTHER_APP_ACTIVITY", "Other actions", "App activity", ACT;
        BROWSING = "PSL_WEB_BROWSING_HISTORY", "Web browsing history", "Web browsing", WEB;
        CRASH_LOGS = "PSL_CRASH_LOGS", "Crash logs", "App info and performance", PRF;
        DIAGNOSTICS = "PSL_PERFORMANCE_DIAGNOSTICS", "Diagnostics", "App info and performance", PRF;
        OTHER_PERFORMANCE = "PSL_OTHER_PERFORMANCE", "Other app performance data", "App info and performance", PRF;
        DEVICE_IDS = "PSL_DEVICE_ID", "Device or other IDs", "Device or other IDs", IDS;
    }
    );

    table!(PlayPurpose, PURPOSES {
        APP_FUNCTIONALITY = "PSL_APP_FUNCTIONALITY", "App functionality";
        ANALYTICS = "PSL_ANALYTICS", "Analytics";
        DEVELOPER_COMMUNICATIONS = "PSL_DEVELOPER_COMMUNICATIONS", "Developer communications";
        ADVERTISING = "PSL_ADVERTISING", "Advertising or marketing";
        FRAUD_PREVENTION = "PSL_FRAUD_PREVENTION_SECURITY", "Fraud prevention, security, and compliance";
        PERSONALIZATION = "PSL_PERSONALIZATION", "Personalization";
        ACCOUNT_MANAGEMENT = "PSL_ACCOUNT_MANAGEMENT", "Account management";
    }
    );
}

/// What one kind of our data is in each external vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataMapping {
    pub apple: AppleType,
    pub play: PlayType,
    /// A DPV 2.x personal-data term as a compact IRI (`pd:EmailAddress`).
    pub dpv: &'static str,
}

const fn m(apple: AppleType, play: PlayType, dpv: &'static str) -> DataMapping {
    DataMapping { apple, play, dpv }
}

/// Base data schema elements with a more precise equivalent than their categories
/// give, by name prefix (the longest matching prefix wins; `thirdparty.` is read as
/// `user.`: data about another person is the same kind of data).
const ELEMENTS: &[(&str, DataMapping)] = &[
    ("user.name", m(apple::NAME, play::NAME, "pd:Name")),
    (
        "user.bdate",
        m(apple::OTHER, play::OTHER_PERSONAL, "pd:BirthDate"),
    ),
    (
        "user.login.id",
        m(apple::USER_ID, play::USER_IDS, "pd:Username"),
    ),
    (
        "user.login.password",
        m(apple::USER_ID, play::USER_IDS, "pd:Password"),
    ),
    (
        "user.cert",
        m(apple::USER_ID, play::USER_IDS, "pd:Identifier"),
    ),
    (
        "user.gender",
        m(apple::OTHER, play::OTHER_PERSONAL, "pd:Gender"),
    ),
    (
        "user.employer",
        m(apple::OTHER, play::OTHER_PERSONAL, "pd:Professional"),
    ),
    (
        "user.department",
        m(apple::OTHER, play::OTHER_PERSONAL, "pd:Professional"),
    ),
    (
        "user.jobtitle",
        m(apple::OTHER, play::OTHER_PERSONAL, "pd:Professional"),
    ),
    (
        "user.home-info.postal",
        m(apple::ADDRESS, play::ADDRESS, "pd:PhysicalAddress"),
    ),
    (
        "user.business-info.postal",
        m(apple::ADDRESS, play::ADDRESS, "pd:PhysicalAddress"),
    ),
    (
        "user.home-info.telecom",
        m(apple::PHONE, play::PHONE, "pd:TelephoneNumber"),
    ),
    (
        "user.business-info.telecom",
        m(apple::PHONE, play::PHONE, "pd:TelephoneNumber"),
    ),
    (
        "user.home-info.online.email",
        m(apple::EMAIL, play::EMAIL, "pd:EmailAddress"),
    ),
    (
        "user.business-info.online.email",
        m(apple::EMAIL, play::EMAIL, "pd:EmailAddress"),
    ),
    (
        "user.home-info.online.uri",
        m(apple::OTHER_CONTACT, play::OTHER_PERSONAL, "pd:Contact"),
    ),
    (
        "user.business-info.online.uri",
        m(apple::OTHER_CONTACT, play::OTHER_PERSONAL, "pd:Contact"),
    ),
    (
        "dynamic.clickstream.clientip",
        m(apple::DEVICE_ID, play::DEVICE_IDS, "pd:IPAddress"),
    ),
    (
        "dynamic.clickstream",
        m(
            apple::INTERACTION,
            play::INTERACTIONS,
            "pd:BrowsingBehaviour",
        ),
    ),
    (
        "dynamic.http.referer",
        m(apple::BROWSING, play::BROWSING, "pd:BrowsingReferral"),
    ),
    (
        "dynamic.http.useragent",
        m(
            apple::OTHER_DIAGNOSTIC,
            play::DIAGNOSTICS,
            "pd:DeviceSoftware",
        ),
    ),
    (
        "dynamic.clientevents",
        m(apple::INTERACTION, play::INTERACTIONS, "pd:Interaction"),
    ),
    (
        "dynamic.searchtext",
        m(apple::SEARCH, play::SEARCH, "pd:Interaction"),
    ),
    (
        "dynamic.interactionrecord",
        m(apple::OTHER_USAGE, play::OTHER_ACTIONS, "pd:Interaction"),
    ),
];

/// What a P3P data category is in each vocabulary; `None` for `other-category`,
/// which says nothing a store label could show.
pub fn category_mapping(c: Category) -> Option<DataMapping> {
    Some(match c {
        Category::Physical => m(apple::ADDRESS, play::ADDRESS, "pd:PhysicalAddress"),
        Category::Online => m(apple::OTHER_CONTACT, play::OTHER_PERSONAL, "pd:Contact"),
        Category::Uniqueid => m(apple::USER_ID, play::USER_IDS, "pd:UID"),
        Category::Purchase => m(
            apple::PURCHASES,
            play::PURCHASES,
            "pd:PurchasesAndSpendingHabit",
        ),
        Category::Financial => m(
            apple::OTHER_FINANCIAL,
            play::OTHER_FINANCIAL,
            "pd:Financial",
        ),
        Category::Computer => m(apple::DEVICE_ID, play::DEVICE_IDS, "pd:DeviceBased"),
        Category::Navigation => m(
            apple::INTERACTION,
            play::INTERACTIONS,
            "pd:BrowsingBehaviour",
        ),
        Category::Interactive => m(apple::OTHER_USAGE, play::OTHER_ACTIONS, "pd:Interaction"),
        Category::Demographic => m(apple::OTHER, play::OTHER_PERSONAL, "pd:Demographic"),
        Category::Content => m(apple::OTHER_CONTENT, play::USER_CONTENT, "pd:Communication"),
        Category::State => m(apple::DEVICE_ID, play::DEVICE_IDS, "pd:Identifier"),
        Category::Political => m(apple::SENSITIVE, play::BELIEFS, "pd:PoliticalAffiliation"),
        Category::Health => m(apple::HEALTH, play::HEALTH, "pd:Health"),
        Category::Preference => m(apple::OTHER, play::OTHER_PERSONAL, "pd:Preference"),
        Category::Location => m(
            apple::PRECISE_LOCATION,
            play::PRECISE_LOCATION,
            "pd:Location",
        ),
        Category::Government => m(apple::OTHER, play::OTHER_PERSONAL, "pd:OfficialID"),
        Category::OtherCategory => return None,
    })
}

/// The precise mapping of a base data schema element, when it has one.
pub fn element_mapping(name: &str) -> Option<DataMapping> {
    let name = match name.strip_prefix("thirdparty.") {
        Some(rest) => format!("user.{rest}"),
        None => name.to_string(),
    };
    ELEMENTS
        .iter()
        .filter(|(prefix, _)| {
            name == *prefix
                || (name.starts_with(prefix) && name.as_bytes().get(prefix.len()) == Some(&b'.'))
        })
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, mapping)| *mapping)
}

/// Apple's purpose for a P3P purpose. `third_party_marketing`: the data goes to a
/// third party for this purpose (marketing then is third-party advertising).
pub fn apple_purpose(p: Purpose, third_party_marketing: bool) -> ApplePurpose {
    match p {
        Purpose::Current | Purpose::Admin => apple::APP_FUNCTIONALITY,
        Purpose::Develop | Purpose::PseudoAnalysis | Purpose::IndividualAnalysis => {
            apple::ANALYTICS
        }
        Purpose::Tailoring | Purpose::PseudoDecision | Purpose::IndividualDecision => {
            apple::PERSONALIZATION
        }
        Purpose::Contact | Purpose::Telemarketing if third_party_marketing => {
            apple::THIRD_PARTY_ADVERTISING
        }
        Purpose::Contact | Purpose::Telemarketing => apple::DEVELOPER_ADVERTISING,
        Purpose::Historical | Purpose::OtherPurpose => apple::OTHER_PURPOSE,
    }
}

/// Google Play's purpose for a P3P purpose; `None` where Play has no equivalent
/// (Play's form has no "other purposes" answer).
pub fn play_purpose(p: Purpose) -> Option<PlayPurpose> {
    Some(match p {
        Purpose::Current => play::APP_FUNCTIONALITY,
        Purpose::Admin => play::FRAUD_PREVENTION,
        Purpose::Develop | Purpose::PseudoAnalysis | Purpose::IndividualAnalysis => play::ANALYTICS,
        Purpose::Tailoring | Purpose::PseudoDecision | Purpose::IndividualDecision => {
            play::PERSONALIZATION
        }
        Purpose::Contact | Purpose::Telemarketing => play::ADVERTISING,
        Purpose::Historical | Purpose::OtherPurpose => return None,
    })
}

/// True for purposes that, with a third party receiving the data, make it tracking
/// in Apple's sense (targeted advertising, advertising measurement, profiles).
pub fn is_tracking_purpose(p: Purpose) -> bool {
    matches!(
        p,
        Purpose::Contact
            | Purpose::Telemarketing
            | Purpose::PseudoAnalysis
            | Purpose::PseudoDecision
            | Purpose::IndividualAnalysis
            | Purpose::IndividualDecision
    )
}
