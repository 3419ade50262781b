//! Every kind of change has a fixture pair `tests/fixtures/diff/<kind>/{old,new}.*`
//! that produces exactly that kind; each is snapshotted.

#![allow(clippy::unwrap_used, clippy::panic)]

use policyc::diff::{self, ChangeKind, PolicyDiff};
use policyc::engine;
use policyc::model::PolicySet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

/// The `old` or `new` file of a fixture, whichever form it is written in.
fn version(dir: &Path, which: &str) -> PathBuf {
    ["policy", "yaml"]
        .iter()
        .map(|ext| dir.join(format!("{which}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{} has no {which} file", dir.display()))
}

fn load(path: &Path) -> PolicySet {
    let rel = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let c = engine::compile_bytes(&rel.display().to_string(), &bytes);
    c.model
        .unwrap_or_else(|| panic!("{} does not compile: {:?}", path.display(), c.diagnostics))
}

fn diff_of(kind: &str) -> PolicyDiff {
    let dir = fixtures().join(kind);
    diff::diff(&load(&version(&dir, "old")), &load(&version(&dir, "new")))
}

fn kind_name(k: ChangeKind) -> String {
    serde_json::to_value(k)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_kind_has_a_fixture_that_produces_only_that_kind() {
    for &k in ChangeKind::ALL {
        let name = kind_name(k);
        let d = diff_of(&name);
        assert!(!d.changes.is_empty(), "{name}: no change found");
        for c in &d.changes {
            assert_eq!(c.kind, k, "{name}: unexpected {c:?}");
            assert_eq!(c.material, k.is_material());
        }
    }
}

#[test]
fn every_fixture_names_a_kind() {
    let names: Vec<String> = ChangeKind::ALL.iter().map(|k| kind_name(*k)).collect();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(names.contains(&name), "fixture {name} names no change kind");
        }
    }
}

#[test]
fn terminal_snapshots() {
    for &k in ChangeKind::ALL {
        let name = kind_name(k);
        let text = diff::render_terminal(&diff_of(&name), false);
        insta::assert_snapshot!(format!("terminal-{name}"), text);
    }
}

#[test]
fn markdown_and_json_snapshots() {
    for name in [
        "choice-weakened",
        "data-added",
        "version-changed",
        "text-edited",
    ] {
        let d = diff_of(name);
        insta::assert_snapshot!(format!("markdown-{name}"), diff::render_markdown(&d));
        insta::assert_snapshot!(format!("json-{name}"), diff::render_json(&d));
    }
}

#[test]
fn material_change_without_new_version_is_flagged() {
    let d = diff_of("choice-weakened");
    assert!(d.has_material());
    assert_eq!(d.unversioned_material().len(), 1);
    let d = diff_of("version-changed");
    assert!(!d.has_material());
    assert_eq!(d.versioned, vec!["main".to_string()]);
}

fn compile_text(name: &str, text: &str) -> PolicySet {
    engine::compile(&policyc::span::SourceFile::new(name, text))
        .model
        .unwrap()
}

#[test]
fn reworded_custom_data_is_a_text_edit_but_new_custom_data_is_not() {
    let base = std::fs::read_to_string(version(&fixtures().join("text-edited"), "old")).unwrap();
    let with = |desc: &str| {
        base.replace(
            "data contact, user.bdate optional",
            &format!("data contact, user.bdate optional\n    data {{\n      custom \"{desc}\" categories purchase\n    }}"),
        )
    };
    let old = compile_text("old.policy", &with("order totals"));
    let new = compile_text("new.policy", &with("the totals of orders"));
    let d = diff::diff(&old, &new);
    assert_eq!(d.changes.len(), 1, "{:?}", d.changes);
    assert_eq!(d.changes[0].kind, ChangeKind::TextEdited);
    assert_eq!(d.changes[0].subject, "custom data");
    // The same custom data in another category: a category change.
    let other = compile_text(
        "new.policy",
        &with("order totals").replace("categories purchase", "categories financial"),
    );
    let d = diff::diff(&old, &other);
    assert!(
        d.changes
            .iter()
            .any(|c| c.kind == ChangeKind::CategoryAdded),
        "{:?}",
        d.changes
    );
}

#[test]
fn headings_are_text_edits_and_prose_of_commitments_needs_review_when_added_or_removed() {
    let base = std::fs::read_to_string(version(&fixtures().join("text-edited"), "old")).unwrap();
    let plain = base
        .replace("cookie session \"Session cookie\"", "cookie session")
        .replace("share payments \"Payments\"", "share payments")
        .replace("    text \"We protect your data.\"\n", "")
        .replace(
            "right access \"Email privacy@example.com\" {\n    text \"We answer within a month.\"\n  }",
            "right access \"Email privacy@example.com\"",
        )
        .replace("    text \"Newsletters stop at once.\"\n", "");
    let (with, without) = (
        compile_text("old.policy", &base),
        compile_text("new.policy", &plain),
    );
    for d in [diff::diff(&with, &without), diff::diff(&without, &with)] {
        // Titles are text edits; the prose of a right, an opt-out or the security
        // practices is a commitment whose new words need review.
        let mut subjects: Vec<String> = d
            .changes
            .iter()
            .map(|c| {
                let kind = if c.subject == "title" {
                    ChangeKind::TextEdited
                } else {
                    ChangeKind::Reworded
                };
                assert_eq!(c.kind, kind, "{c:?}");
                assert_eq!(c.material, c.needs_review);
                format!("{}: {}", c.element, c.subject)
            })
            .collect();
        subjects.sort();
        assert_eq!(
            subjects,
            [
                "cookie session: title",
                "opt-out newsletter: text",
                "right access: text",
                "security: text",
                "share payments: title",
            ]
        );
    }
}
