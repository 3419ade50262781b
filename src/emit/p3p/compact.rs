//! The compact policy (REC §4), derived from the cookie policies only (REC §4 intro:
//! a compact policy describes the cookies of a response and the data linked to them;
//! see `p3p::cookies`), or from every policy when a file declares no cookies. The
//! rules follow REFERENCE §10.2:
//!
//! - one ACCESS token; when several cookie policies disagree, the value that grants
//!   the person the least access (`none` unless all agree) (safe reading);
//! - `DSP` when any DISPUTES exists, and the union of remedies (REC §4.2.2-3);
//! - `NID` only when every statement is NON-IDENTIFIABLE (REC §4.2.4);
//! - every purpose, recipient and retention value of any statement, and every
//!   category, including the fixed categories of base data schema elements (WG
//!   clarification of REC §4.5, C1-C3);
//! - `a`/`i`/`o` suffix from `required`, never on `CUR` or `OUR` (REC §4.2.5-6);
//!   `always` is written bare, the ABNF's default;
//! - when statements disagree on the `required` value of the same purpose or
//!   recipient (REFERENCE A1, which REC Example 3.2 itself shows for `tailoring`),
//!   the least restrictive wins: always > opt-out > opt-in. The CP then overstates
//!   what the site may do and never implies more control than the person has;
//! - `TST` for a test policy (REC §4.2.9);
//! - canonical order: access, DSP, remedies, NID, purposes, recipients, retention,
//!   categories, TST; within a group, the REC's order.

use crate::p3p::document::P3pPolicy;
use crate::vocabulary::{
    lookup_data, Access, Category, Purpose, Recipient, Remedy, Required, Retention, Term,
};
use std::collections::{BTreeMap, BTreeSet};

/// The compact policy tokens for the given cookie policies, or `None` when there
/// is none (no cookies: no CP is sent).
pub fn compact_policy(policies: &[P3pPolicy]) -> Option<String> {
    if policies.is_empty() {
        return None;
    }
    let mut tokens: Vec<String> = Vec::new();
    let accesses: BTreeSet<Access> = policies.iter().filter_map(|p| p.access).collect();
    let access = match accesses.len() {
        0 => None,
        1 => accesses.first().copied(),
        _ => Some(Access::None),
    };
    if let Some(a) = access {
        tokens.push(a.token().to_string());
    }
    let disputes: Vec<_> = policies.iter().flat_map(|p| &p.disputes).collect();
    if !disputes.is_empty() {
        tokens.push("DSP".to_string());
    }
    let remedies: BTreeSet<Remedy> = disputes
        .iter()
        .flat_map(|d| d.remedies.iter().copied())
        .collect();
    tokens.extend(remedies.iter().map(|r| r.token().to_string()));
    let statements: Vec<_> = policies.iter().flat_map(|p| &p.statements).collect();
    if !statements.is_empty() && statements.iter().all(|s| s.non_identifiable) {
        tokens.push("NID".to_string());
    }
    let mut purposes: BTreeMap<Purpose, Required> = BTreeMap::new();
    let mut recipients: BTreeMap<Recipient, Required> = BTreeMap::new();
    let mut retention: BTreeSet<Retention> = BTreeSet::new();
    let mut categories: BTreeSet<Category> = BTreeSet::new();
    for s in &statements {
        for p in &s.purposes {
            widen(purposes.entry(p.purpose).or_insert(p.required), p.required);
        }
        for r in &s.recipients {
            widen(
                recipients.entry(r.recipient).or_insert(r.required),
                r.required,
            );
        }
        retention.extend(s.retention);
        for d in &s.data {
            categories.extend(d.categories.iter().copied());
            if let Some(e) = lookup_data(&d.reference) {
                categories.extend(e.categories.iter().copied());
            }
        }
    }
    for (p, req) in &purposes {
        tokens.push(suffixed(p.token(), p.takes_required(), *req));
    }
    for (r, req) in &recipients {
        tokens.push(suffixed(r.token(), r.takes_required(), *req));
    }
    tokens.extend(retention.iter().map(|r| r.token().to_string()));
    tokens.extend(categories.iter().map(|c| c.token().to_string()));
    if policies.iter().any(|p| p.test) {
        tokens.push("TST".to_string());
    }
    Some(tokens.join(" "))
}

/// Keeps the least restrictive `required` value (REFERENCE §10.2 rule 9a).
fn widen(slot: &mut Required, new: Required) {
    if new.permissiveness() > slot.permissiveness() {
        *slot = new;
    }
}

/// REC §4.2.5: `creq` suffix; `CUR` and `OUR` never take one; `always` is written bare.
fn suffixed(token: &str, takes: bool, required: Required) -> String {
    if takes && !required.is_default() {
        format!("{token}{}", required.token())
    } else {
        token.to_string()
    }
}
