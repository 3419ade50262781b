//! Fingerprints: what a finding is about, as a short stable hash an
//! acknowledgment can carry (`acknowledge C402 at share marketers fingerprint
//! 3f9a2c1b7e04 because "..."`).
//!
//! A fingerprint is the first 12 hex digits of the SHA-256 of a versioned text:
//! the code's id, the finding's target (whitespace collapsed) and the sorted,
//! de-duplicated lines of the [`Flow`]s the finding is about. Flows are facts
//! (practice, subject, data leaf, purpose and choice, recipient with kind, choice
//! and basis, retention where the rule is about it, the promise's name and claim)
//! and never spans, line numbers, wording or order, so reformatting a file or
//! editing an unrelated part leaves the fingerprint as it was, while widening
//! the flow (one more recipient, data leaf, purpose, subject) changes it.
//!
//! Every finding with the same code and target in one policy shares one
//! fingerprint, computed over the union of their flows: an acknowledgment names
//! a code and a target, so it accepts them together, and a new finding at the
//! same target changes what it would accept.

use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

/// Bumped if the text hashed ever changes (old fingerprints then read as stale).
const VERSION: &str = "policyc-flows-1";

/// Hex digits kept: 48 bits, enough to tell apart the findings of one policy.
pub const FINGERPRINT_LEN: usize = 12;

/// One data flow a finding is about, as facts (no locations, no wording).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Flow {
    /// The practice as a finding target names it: `share marketers`, `cookie ad`.
    pub practice: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// A base-schema leaf or a custom item's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The purpose and its choice: `contact (opt-out)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The recipient with its kind, choice and basis: `brokers (unrelated, always)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The retention, for findings about how long data is kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<String>,
    /// The promise held against the flow: its name and claim (`no-sharing: no-third-party-sharing`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub promise: Option<String>,
}

impl Flow {
    /// The facts of the flow as `(name, value)` pairs, in a fixed order.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 7] {
        [
            ("practice", Some(self.practice.as_str())),
            ("subject", self.subject.as_deref()),
            ("data", self.data.as_deref()),
            ("purpose", self.purpose.as_deref()),
            ("recipient", self.recipient.as_deref()),
            ("retention", self.retention.as_deref()),
            ("promise", self.promise.as_deref()),
        ]
    }
}

impl fmt::Display for Flow {
    /// `` `share marketers`: `user.name` from `visitors` for `contact (opt-out)` to `brokers (unrelated, always)` ``
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.practice)?;
        if let Some(d) = &self.data {
            write!(f, ": `{d}`")?;
        }
        if let Some(s) = &self.subject {
            write!(f, " from `{s}`")?;
        }
        if let Some(p) = &self.purpose {
            write!(f, " for `{p}`")?;
        }
        if let Some(r) = &self.recipient {
            write!(f, " to `{r}`")?;
        }
        if let Some(r) = &self.retention {
            write!(f, " kept `{r}`")?;
        }
        if let Some(p) = &self.promise {
            write!(f, " against promise `{p}`")?;
        }
        Ok(())
    }
}

/// Trims and collapses runs of whitespace to one space.
pub fn normalize_target(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fingerprint of a code, a target and the flows of the findings there.
pub fn fingerprint<'a>(
    code: &str,
    target: &str,
    flows: impl IntoIterator<Item = &'a Flow>,
) -> String {
    let lines: BTreeSet<String> = flows
        .into_iter()
        .map(|flow| {
            flow.fields()
                .iter()
                .map(|(name, value)| format!("{name}={}", value.unwrap_or("-")))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect();
    let mut hasher = Sha256::new();
    hasher.update(VERSION.as_bytes());
    hasher.update(b"\n");
    hasher.update(code.trim().to_ascii_uppercase().as_bytes());
    hasher.update(b"\n");
    hasher.update(normalize_target(target).as_bytes());
    hasher.update(b"\n");
    for line in &lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(FINGERPRINT_LEN);
    for byte in digest.iter().take(FINGERPRINT_LEN / 2) {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Whether a word has the shape of a fingerprint (12 lowercase hex digits).
pub fn is_fingerprint(word: &str) -> bool {
    word.len() == FINGERPRINT_LEN && word.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What changed between the flows an old fingerprint was computed over and the
/// current ones, when it can be told: flows that share one fact (a recipient, a
/// data leaf, a purpose, ...) were added, or flows from `candidates` (flows of the
/// same practice that are not in the finding now) sharing one fact were removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// These flows are new since the acknowledgment.
    Added {
        field: &'static str,
        value: String,
        flows: Vec<Flow>,
    },
    /// These flows were in the acknowledged finding and are not now.
    Removed {
        field: &'static str,
        value: String,
        flows: Vec<Flow>,
    },
}

/// Finds the [`Change`] that turns the flows `old` was computed over into
/// `current`, trying one fact at a time; `None` when no single fact explains it.
pub fn explain_change(
    code: &str,
    target: &str,
    old: &str,
    current: &BTreeSet<Flow>,
    candidates: &BTreeSet<Flow>,
) -> Option<Change> {
    for (field, value) in values(current) {
        let (added, kept): (Vec<&Flow>, Vec<&Flow>) = current.iter().partition(|f| {
            f.fields()
                .iter()
                .any(|(n, v)| *n == field && *v == Some(value.as_str()))
        });
        if !kept.is_empty() && fingerprint(code, target, kept.iter().copied()) == old {
            return Some(Change::Added {
                field,
                value,
                flows: added.into_iter().cloned().collect(),
            });
        }
    }
    let missing: BTreeSet<Flow> = candidates.difference(current).cloned().collect();
    for (field, value) in values(&missing) {
        let removed: Vec<&Flow> = missing
            .iter()
            .filter(|f| {
                f.fields()
                    .iter()
                    .any(|(n, v)| *n == field && *v == Some(value.as_str()))
            })
            .collect();
        if fingerprint(code, target, current.iter().chain(removed.iter().copied())) == old {
            return Some(Change::Removed {
                field,
                value,
                flows: removed.into_iter().cloned().collect(),
            });
        }
    }
    None
}

/// Every (field, value) pair the flows have, the most telling fields first
/// (a recipient says more than the practice every flow shares).
fn values(flows: &BTreeSet<Flow>) -> Vec<(&'static str, String)> {
    const ORDER: [&str; 7] = [
        "recipient",
        "data",
        "purpose",
        "subject",
        "retention",
        "promise",
        "practice",
    ];
    let mut out: BTreeSet<(usize, &'static str, String)> = BTreeSet::new();
    for f in flows {
        for (name, value) in f.fields() {
            if let Some(v) = value {
                let rank = ORDER.iter().position(|n| *n == name).unwrap_or(ORDER.len());
                out.insert((rank, name, v.to_string()));
            }
        }
    }
    out.into_iter().map(|(_, n, v)| (n, v)).collect()
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn flow(recipient: &str, data: &str) -> Flow {
        Flow {
            practice: "share marketers".into(),
            data: Some(data.into()),
            recipient: Some(recipient.into()),
            ..Flow::default()
        }
    }

    #[test]
    fn fingerprint_ignores_order_duplicates_and_spacing() {
        let a = [
            flow("x (ours, always)", "user.name"),
            flow("y (unrelated, always)", "user.name"),
        ];
        let b = [a[1].clone(), a[0].clone(), a[1].clone()];
        let fa = fingerprint("C402", "share marketers", &a);
        assert_eq!(fa, fingerprint("c402", "share   marketers ", &b));
        assert!(is_fingerprint(&fa), "{fa}");
        assert_ne!(fa, fingerprint("C402", "share marketers", &a[..1]));
        assert_ne!(fa, fingerprint("C401", "share marketers", &a));
        assert_ne!(fa, fingerprint("C402", "share other", &a));
    }

    #[test]
    fn added_and_removed_flows_are_named() {
        let old: BTreeSet<Flow> = [flow("x (ours, always)", "user.name")]
            .into_iter()
            .collect();
        let fp = fingerprint("C402", "share marketers", &old);
        let mut now = old.clone();
        now.insert(flow("brokers (unrelated, always)", "user.name"));
        now.insert(flow(
            "brokers (unrelated, always)",
            "user.home-info.online.email",
        ));
        let change = explain_change("C402", "share marketers", &fp, &now, &BTreeSet::new());
        let Some(Change::Added {
            field,
            value,
            flows,
        }) = change
        else {
            panic!("{change:?}")
        };
        assert_eq!(
            (field, value.as_str(), flows.len()),
            ("recipient", "brokers (unrelated, always)", 2)
        );
        // The other way round: brokers were acknowledged and are gone.
        let fp_wide = fingerprint("C402", "share marketers", &now);
        let change = explain_change("C402", "share marketers", &fp_wide, &old, &now);
        assert!(
            matches!(
                change,
                Some(Change::Removed {
                    field: "recipient",
                    ..
                })
            ),
            "{change:?}"
        );
        assert_eq!(
            explain_change("C402", "share marketers", "000000000000", &now, &old),
            None
        );
    }
}
