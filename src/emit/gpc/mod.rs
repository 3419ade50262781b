//! Global Privacy Control: `/.well-known/gpc.json` (`{"gpc": true, "lastUpdate":
//! "YYYY-MM-DD"}`, GPC specification §4) for a site whose policy says it honours
//! GPC signals. `lastUpdate` is the date the policy was last updated, or its
//! effective date (an RFC 3339 `full-date`, the form of the specification's example).

use super::{EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::model::{Policy, PolicySet};
use serde_json::json;

/// What a policy says about GPC: whether it honours the signal, and the date of
/// that statement.
pub fn stance(p: &Policy) -> (Option<bool>, Option<&str>) {
    (
        p.legal.gpc_honoured,
        p.legal.updated.as_deref().or(p.effective.as_deref()),
    )
}

/// The policies whose stance gpc.json states: every policy that says whether it
/// honours GPC. A site has one `gpc.json`: when several policies state a stance,
/// it says `true` only if all of them honour the signal, dated by the latest.
fn document(set: &PolicySet) -> Option<serde_json::Value> {
    let stated: Vec<(bool, Option<&str>)> = set
        .policies
        .iter()
        .filter_map(|p| {
            let (honours, date) = stance(p);
            honours.map(|h| (h, date))
        })
        .collect();
    if !stated.iter().any(|(h, _)| *h) {
        return None;
    }
    let gpc = stated.iter().all(|(h, _)| *h);
    let last = stated.iter().filter_map(|(_, d)| *d).max();
    Some(match last {
        Some(d) => json!({ "gpc": gpc, "lastUpdate": d }),
        None => json!({ "gpc": gpc }),
    })
}

/// `.well-known/gpc.json`.
pub struct GpcEmitter;

impl Emitter for GpcEmitter {
    fn name(&self) -> &'static str {
        "gpc"
    }

    fn emit_to(
        &self,
        input: &Prepared<'_>,
        _options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        if let Some(doc) = document(input.set()) {
            sink.file(".well-known/gpc.json", &mut |w| super::write_json(w, &doc))?;
        }
        Ok(())
    }

    fn skip_reason_prepared(&self, input: &Prepared<'_>) -> Option<String> {
        if document(input.set()).is_some() {
            None
        } else {
            Some("no policy says it honours Global Privacy Control (`gpc honoured`)".into())
        }
    }
}
