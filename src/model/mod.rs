//! The policy model: typed, resolved values, Serialize + Deserialize with serde.
//!
//! Both source forms (the policy language and YAML) produce this model, and every
//! emitter reads it. Names refer to definitions in the same policy (subjects,
//! recipients, data sets); the checker verifies every reference. Locations
//! (`Origin`) are carried for diagnostics but are not part of the meaning: they
//! compare equal and are never serialized.

mod app;
mod data;
mod law;
mod policy;
mod practice;
mod promise;
mod statement;
mod translation;

pub use crate::vocabulary::RightKind;
pub use app::{App, Platform};
pub use data::{DataItem, DataRef, DataSet, DataUse};
pub use law::{
    Automated, BasisUse, CcpaNotice, DataSource, Incentive, LegalNotice, MinorConsent, Minors,
    PracticeLaw, Region, Representative, Requirement, RequirementKind, SensitiveUse, SourceKind,
    Transfer,
};
pub use policy::{
    Acknowledgment, CookieMatch, Coverage, Dispute, DisputeLogo, Entity, EntityData, Policy,
    PolicySet, PostalAddress, Section,
};
pub use practice::{
    ChangeNotice, Cookie, MeasureKind, NotifyMethod, OptOut, Party, RetentionRule, Right,
    SecurityMeasure, Sharing,
};
pub use promise::{Claim, Exception, Promise, Scope};
pub use statement::{PurposeUse, RecipientDef, RecipientUse, RetentionUse, Statement, Subject};
pub use translation::{TranslatedString, Translation};
