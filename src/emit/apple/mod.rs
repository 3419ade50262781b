//! Apple: the privacy manifest `PrivacyInfo.xcprivacy` (an XML property list:
//! tracking flag, tracking domains, collected data types with their linked and
//! tracking flags and purposes) and the same answers as JSON, arranged as App Store
//! Connect's privacy questionnaire and the label sections the App Store shows.
//! Written for each policy whose `app` is published on Apple platforms.

mod answers;

use super::flows::{flows, Flow};
use super::{app_policies, EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::model::{Platform, Policy};
use crate::vocabulary::stores::{apple, apple_purpose, ApplePurpose, AppleType};
use std::collections::BTreeMap;

pub use answers::answers;

/// One collected data type as the manifest states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collected {
    pub data_type: AppleType,
    pub linked: bool,
    pub tracking: bool,
    /// In Apple's order, no repeats.
    pub purposes: Vec<ApplePurpose>,
}

/// What the manifest says about one policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub tracking: bool,
    pub tracking_domains: Vec<String>,
    /// In Apple's order of data types.
    pub collected: Vec<Collected>,
}

fn purposes_of(f: &Flow) -> Vec<ApplePurpose> {
    let third = f.to_third_party();
    if f.purposes.is_empty() {
        // A cookie with no stated purpose keeps state for the app itself.
        return vec![apple::APP_FUNCTIONALITY];
    }
    f.purposes
        .iter()
        .map(|(p, _)| apple_purpose(*p, third))
        .collect()
}

fn order<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|a| a == x).unwrap_or(usize::MAX)
}

/// Derives the manifest of one policy from its flows.
pub fn manifest(policy: &Policy) -> Manifest {
    manifest_of(policy, &flows(policy))
}

/// [`manifest`] from the policy's flows already derived.
pub fn manifest_of(policy: &Policy, flows: &[Flow]) -> Manifest {
    let mut by_type: BTreeMap<usize, Collected> = BTreeMap::new();
    for f in flows {
        let purposes = purposes_of(f);
        let tracking = f.tracking();
        for item in &f.items {
            for m in &item.mappings {
                let entry = by_type
                    .entry(order(apple::ALL, &m.apple))
                    .or_insert_with(|| Collected {
                        data_type: m.apple,
                        linked: false,
                        tracking: false,
                        purposes: Vec::new(),
                    });
                // One Boolean per type: the stricter value wins.
                entry.linked |= f.identifiable;
                entry.tracking |= tracking;
                for p in &purposes {
                    if !entry.purposes.contains(p) {
                        entry.purposes.push(*p);
                    }
                }
            }
        }
    }
    let mut collected: Vec<Collected> = by_type.into_values().collect();
    for c in &mut collected {
        c.purposes.sort_by_key(|p| order(apple::PURPOSES, p));
    }
    let tracking = collected.iter().any(|c| c.tracking);
    let tracking_domains = policy
        .app
        .as_ref()
        .map(|a| a.tracking_domains.clone())
        .unwrap_or_default();
    Manifest {
        tracking,
        tracking_domains,
        collected,
    }
}

/// The manifest as an XML property list.
pub fn plist_xml(m: &Manifest) -> Result<Vec<u8>, EmitError> {
    use plist::{Dictionary, Value};
    let mut root = Dictionary::new();
    root.insert("NSPrivacyTracking".into(), Value::Boolean(m.tracking));
    root.insert(
        "NSPrivacyTrackingDomains".into(),
        Value::Array(
            m.tracking_domains
                .iter()
                .map(|d| Value::String(d.clone()))
                .collect(),
        ),
    );
    let types = m
        .collected
        .iter()
        .map(|c| {
            let mut d = Dictionary::new();
            d.insert(
                "NSPrivacyCollectedDataType".into(),
                Value::String(c.data_type.constant()),
            );
            d.insert(
                "NSPrivacyCollectedDataTypeLinked".into(),
                Value::Boolean(c.linked),
            );
            d.insert(
                "NSPrivacyCollectedDataTypeTracking".into(),
                Value::Boolean(c.tracking),
            );
            d.insert(
                "NSPrivacyCollectedDataTypePurposes".into(),
                Value::Array(
                    c.purposes
                        .iter()
                        .map(|p| Value::String(p.constant()))
                        .collect(),
                ),
            );
            Value::Dictionary(d)
        })
        .collect();
    root.insert("NSPrivacyCollectedDataTypes".into(), Value::Array(types));
    let mut out = Vec::new();
    Value::Dictionary(root)
        .to_writer_xml(&mut out)
        .map_err(|e| EmitError {
            message: format!("cannot write the property list: {e}"),
        })?;
    out.push(b'\n');
    Ok(out)
}

/// `apple/PrivacyInfo.xcprivacy` and `apple/app-store-privacy.json`.
pub struct AppleEmitter;

impl Emitter for AppleEmitter {
    fn name(&self) -> &'static str {
        "apple"
    }

    fn emit_to(
        &self,
        input: &Prepared<'_>,
        _options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        for (policy, app, dir) in app_policies(input.set(), Platform::Ios, "apple") {
            let m = manifest_of(policy, &input.flows_of(policy));
            sink.bytes(&format!("{dir}/PrivacyInfo.xcprivacy"), &plist_xml(&m)?)?;
            let answers = answers(app, &m);
            sink.file(&format!("{dir}/app-store-privacy.json"), &mut |w| {
                super::write_json(w, &answers)
            })?;
        }
        Ok(())
    }

    fn skip_reason_prepared(&self, input: &Prepared<'_>) -> Option<String> {
        if app_policies(input.set(), Platform::Ios, "apple").is_empty() {
            Some("no policy declares an `app` on ios".to_string())
        } else {
            None
        }
    }
}
