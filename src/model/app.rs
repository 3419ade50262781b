//! The `app` declaration: the mobile app a policy covers, for the app-store outputs
//! (Apple privacy manifest and App Store answers, Google Play Data safety).

use crate::span::Origin;
use serde::{Deserialize, Serialize};

/// A store platform an app is published on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    /// Apple platforms (iOS, iPadOS, macOS, ...): privacy manifest and App Store answers.
    Ios,
    /// Android: Google Play Data safety answers.
    Android,
}

impl Platform {
    /// Every platform, with its source word.
    pub const WORDS: &'static [(&'static str, Platform)] =
        &[("ios", Platform::Ios), ("android", Platform::Android)];

    /// The source word.
    pub fn word(self) -> &'static str {
        match self {
            Self::Ios => "ios",
            Self::Android => "android",
        }
    }
}

/// The app a policy covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct App {
    /// The app's name as shown in the store.
    pub name: String,
    /// Where it is published; empty means both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<Platform>,
    /// Apple bundle identifier, e.g. `com.example.notes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Android package name, e.g. `com.example.notes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// Internet domains the app connects to that engage in tracking (Apple
    /// `NSPrivacyTrackingDomains`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracking_domains: Vec<String>,
    /// Where users ask for their account and data to be deleted (Play's deletion URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_url: Option<String>,
    #[serde(skip)]
    pub origin: Origin,
}

impl App {
    /// True when the app is published on `platform` (an empty list means every platform).
    pub fn on(&self, platform: Platform) -> bool {
        self.platforms.is_empty() || self.platforms.contains(&platform)
    }
}
