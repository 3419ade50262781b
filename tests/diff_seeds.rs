//! The diff on real policies: the 2003 Performics policy is the successor of the
//! 2001 `ConnectCommerce` one (the seeds' README: it adds profile building,
//! "supplementation", correction and removal, and change notification).

#![allow(clippy::unwrap_used)]

use policyc::diff::{self, ChangeKind};
use policyc::engine;
use policyc::span::SourceFile;
use std::path::Path;

fn load(name: &str, rename: Option<(&str, &str)>) -> policyc::model::PolicySet {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("policies")
        .join(name);
    let mut text = std::fs::read_to_string(path).unwrap();
    if let Some((from, to)) = rename {
        text = text.replace(from, to);
    }
    engine::compile(&SourceFile::new(name, text)).model.unwrap()
}

#[test]
fn the_successor_policy_is_a_material_change() {
    let old = load("connectcommerce.policy", None);
    // The same policy under its new owner: compare it under the old name.
    let new = load(
        "performics.policy",
        Some(("policy performics {", "policy connectcommerce {")),
    );
    let d = diff::diff(&old, &new);
    assert!(d.has_material());
    // It changed its effective date, so the default exit code passes it.
    assert!(d.unversioned_material().is_empty(), "{:?}", d.versioned);
    let has = |kind: ChangeKind, element: &str| {
        d.changes
            .iter()
            .any(|c| c.kind == kind && c.element.contains(element))
    };
    assert!(
        has(ChangeKind::StatementAdded, "supplement"),
        "{:#?}",
        d.changes
    );
    assert!(d
        .changes
        .iter()
        .any(|c| c.kind == ChangeKind::AccessExpanded));
    assert!(d.changes.iter().any(|c| c.kind == ChangeKind::RightAdded));
    // Read backwards, the same changes mirror each other.
    let back = diff::diff(&new, &old);
    assert_eq!(back.changes.len(), d.changes.len());
}

#[test]
fn every_seed_compared_with_itself_has_no_changes() {
    for name in [
        "clickcommerce.policy",
        "connectcommerce.policy",
        "ipmart.policy",
        "performics.policy",
        "symphonycommerce.policy",
    ] {
        let p = load(name, None);
        assert!(diff::diff(&p, &p).changes.is_empty(), "{name}");
    }
}
