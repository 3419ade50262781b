//! Google Play Data safety: the answers of the Play Console questionnaire (data types
//! collected and shared, purposes, optional or required, processed ephemerally,
//! encrypted in transit, deletion requests) as JSON, and as the Console's CSV import
//! format (five columns: question ID, response ID, response value, answer
//! requirement, human-friendly label; the column set of the Console's own export).
//! Written for each policy whose `app` is published on Android.

mod csv_rows;

use super::flows::{flows, Flow, FlowKind};
use super::{app_policies, EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::model::{App, MeasureKind, Platform, Policy, RightKind};
use crate::vocabulary::stores::{play, play_purpose, PlayPurpose, PlayType};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub use csv_rows::csv;

/// The answers for one data type (the questionnaire's yes/no questions).
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeAnswers {
    pub data_type: PlayType,
    pub collected: bool,
    pub shared: bool,
    pub ephemeral: bool,
    /// Users can choose whether it is collected.
    pub optional: bool,
    pub collection_purposes: Vec<PlayPurpose>,
    pub sharing_purposes: Vec<PlayPurpose>,
}

/// How users can have their data deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    Yes,
    No,
}

/// The whole questionnaire for one policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataSafety {
    pub types: Vec<TypeAnswers>,
    pub encrypted_in_transit: bool,
    pub deletion: Deletion,
    pub deletion_url: Option<String>,
}

fn order<T: PartialEq>(all: &[T], x: &T) -> usize {
    all.iter().position(|a| a == x).unwrap_or(usize::MAX)
}

fn add_purposes(to: &mut Vec<PlayPurpose>, f: &Flow) {
    for (p, _) in &f.purposes {
        if let Some(pp) = play_purpose(*p) {
            if !to.contains(&pp) {
                to.push(pp);
            }
        }
    }
    if f.purposes.is_empty() && !to.contains(&play::APP_FUNCTIONALITY) {
        to.push(play::APP_FUNCTIONALITY);
    }
}

/// Derives the Data safety answers of one policy from its flows.
pub fn data_safety(policy: &Policy, app: &App) -> DataSafety {
    data_safety_of(policy, app, &flows(policy))
}

/// [`data_safety`] from the policy's flows already derived.
pub fn data_safety_of(policy: &Policy, app: &App, flows: &[Flow]) -> DataSafety {
    let mut by_type: BTreeMap<usize, (TypeAnswers, bool)> = BTreeMap::new();
    for f in flows {
        let collects = f.kind != FlowKind::Share;
        let shares = f.shared();
        for item in &f.items {
            for m in &item.mappings {
                let (a, seen_collect) =
                    by_type.entry(order(play::ALL, &m.play)).or_insert_with(|| {
                        (
                            TypeAnswers {
                                data_type: m.play,
                                collected: false,
                                shared: false,
                                ephemeral: true,
                                optional: true,
                                collection_purposes: Vec::new(),
                                sharing_purposes: Vec::new(),
                            },
                            false,
                        )
                    });
                if collects {
                    a.collected = true;
                    *seen_collect = true;
                    a.ephemeral &= f.ephemeral();
                    a.optional &= f.optional() || item.optional;
                    add_purposes(&mut a.collection_purposes, f);
                }
                if shares {
                    a.shared = true;
                    add_purposes(&mut a.sharing_purposes, f);
                }
            }
        }
    }
    let mut types: Vec<TypeAnswers> = by_type
        .into_values()
        .map(|(mut a, seen_collect)| {
            if !seen_collect {
                // Only passed on: nothing to say about its own collection.
                a.ephemeral = false;
                a.optional = false;
            }
            a
        })
        .filter(|a| a.collected || a.shared)
        .collect();
    for a in &mut types {
        a.collection_purposes
            .sort_by_key(|p| order(play::PURPOSES, p));
        a.sharing_purposes.sort_by_key(|p| order(play::PURPOSES, p));
    }
    let encrypted_in_transit = encrypted(policy, flows);
    let deletion = if policy.rights.iter().any(|r| r.kind == RightKind::Deletion) {
        Deletion::Yes
    } else {
        Deletion::No
    };
    DataSafety {
        types,
        encrypted_in_transit,
        deletion,
        deletion_url: app.deletion_url.clone(),
    }
}

/// True when a transport-encryption measure covers every category of data the app
/// collects (a measure with no `covers` covers all data).
fn encrypted(policy: &Policy, flows: &[Flow]) -> bool {
    let measures: Vec<_> = policy
        .security
        .iter()
        .filter(|m| m.kind == MeasureKind::TransportEncryption)
        .collect();
    if measures.is_empty() {
        return false;
    }
    flows.iter().flat_map(|f| &f.items).all(|i| {
        measures
            .iter()
            .any(|m| m.covers.is_empty() || i.categories.iter().all(|c| m.covers.contains(c)))
    })
}

fn labels(ps: &[PlayPurpose]) -> Vec<&'static str> {
    ps.iter().map(|p| p.label).collect()
}

/// The answers as JSON, in the questionnaire's order.
pub fn json(app: &App, d: &DataSafety) -> Value {
    let types: Vec<Value> = d
        .types
        .iter()
        .map(|t| {
            json!({
                "category": t.data_type.category,
                "data-type": t.data_type.label,
                "id": t.data_type.id,
                "collected": t.collected,
                "shared": t.shared,
                "processed-ephemerally": t.ephemeral,
                "collection": if t.optional { "optional" } else { "required" },
                "collection-purposes": labels(&t.collection_purposes),
                "sharing-purposes": labels(&t.sharing_purposes),
            })
        })
        .collect();
    json!({
        "app": app.name,
        "package": app.package,
        "data-collection-and-security": {
            "collects-or-shares-user-data": !d.types.is_empty(),
            "encrypted-in-transit": d.encrypted_in_transit,
            "users-can-request-deletion": d.deletion == Deletion::Yes,
            "deletion-url": d.deletion_url,
        },
        "data-types": types,
    })
}

/// `google-play/data-safety.json` and `google-play/data-safety.csv`.
pub struct PlayEmitter;

impl Emitter for PlayEmitter {
    fn name(&self) -> &'static str {
        "play"
    }

    fn emit_to(
        &self,
        input: &Prepared<'_>,
        _options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        for (policy, app, dir) in app_policies(input.set(), Platform::Android, "google-play") {
            let d = data_safety_of(policy, app, &input.flows_of(policy));
            let doc = json(app, &d);
            sink.file(&format!("{dir}/data-safety.json"), &mut |w| {
                super::write_json(w, &doc)
            })?;
            sink.bytes(&format!("{dir}/data-safety.csv"), &csv(&d)?)?;
        }
        Ok(())
    }

    fn skip_reason_prepared(&self, input: &Prepared<'_>) -> Option<String> {
        if app_policies(input.set(), Platform::Android, "google-play").is_empty() {
            Some("no policy declares an `app` on android".to_string())
        } else {
            None
        }
    }
}
