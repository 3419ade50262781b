//! The privacy label, the choices section, the P3P policy and the compact policy
//! are all derived from the same facts, so they cannot disagree. For every seed,
//! example and HTML fixture (and policies built to probe the edges), this test
//! derives each and compares them:
//! - the label's most permissive mark in each column equals the most permissive
//!   `required` the compact policy (made from the P3P policy) gives any purpose or
//!   recipient of that column;
//! - every "unless you refuse" / "if you agree" cell is backed by an entry of the
//!   same choice in the choices section;
//! - the label's grid equals one recomputed here from the facts' flow rows.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::html::label::{self, LabelView};
use policyc::emit::html::view;
use policyc::emit::p3p::{compact, lower};
use policyc::facts::{self, PracticeKind};
use policyc::model::PolicySet;
use policyc::p3p::compact_decode::{decode, Meaning};
use policyc::span::SourceFile;
use policyc::vocabulary::reader::Kind;
use policyc::vocabulary::{Purpose, Recipient, Required, Term};
use std::collections::BTreeMap;

fn rank(key: &str) -> u8 {
    match key {
        "yes" => 3,
        "opt-out" => 2,
        "opt-in" => 1,
        _ => 0,
    }
}

fn rank_required(r: Required) -> u8 {
    r.permissiveness() + 1
}

/// The label's most permissive mark per column id.
fn label_columns(view: &LabelView) -> BTreeMap<&'static str, u8> {
    let ids: Vec<&'static str> = view
        .uses
        .iter()
        .chain(view.sharing.iter())
        .map(|c| c.id)
        .collect();
    let mut out: BTreeMap<&'static str, u8> = ids.iter().map(|id| (*id, 0)).collect();
    for row in &view.rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let slot = out.entry(ids[i]).or_insert(0);
            *slot = (*slot).max(rank(cell.key));
        }
    }
    out
}

fn sharing_column(r: Recipient) -> Option<&'static str> {
    match r {
        Recipient::Ours => None,
        Recipient::Public => Some("public"),
        _ => Some("companies"),
    }
}

/// The compact policy's most permissive `required` per label column.
fn cp_columns(set: &PolicySet, index: usize) -> (String, BTreeMap<&'static str, u8>) {
    let file = lower::lower_file(set).expect("lowers");
    let cp = compact::compact_policy(&file.policies[index..=index]).unwrap_or_default();
    let decoded = decode(&SourceFile::new("cp", format!("CP=\"{cp}\"")));
    let mut out: BTreeMap<&'static str, u8> = BTreeMap::new();
    for token in decoded.tokens {
        let (column, required) = match token.meaning {
            Some(Meaning::Purpose(p, r)) => (Some(label::use_column(p)), r),
            Some(Meaning::Recipient(r, req)) => (sharing_column(r), req),
            _ => (None, Required::Always),
        };
        if let Some(c) = column {
            let slot = out.entry(c).or_insert(0);
            *slot = (*slot).max(rank_required(required));
        }
    }
    (cp, out)
}

/// The grid recomputed from the flow rows: each row's data kinds × its purpose's
/// column and its recipient's column.
fn grid_from_rows(policy: &policyc::model::Policy) -> BTreeMap<(Kind, &'static str), u8> {
    let facts = facts::derive_policy(policy);
    let statement_kinds: Vec<Kind> = facts
        .of_kind(PracticeKind::Statement)
        .flat_map(|p| p.data.iter().flat_map(label::leaf_kinds))
        .collect();
    let mut out: BTreeMap<(Kind, &'static str), u8> = BTreeMap::new();
    for row in facts.rows() {
        if row.practice.kind == PracticeKind::Retention {
            continue;
        }
        let kinds: Vec<Kind> = match row.data {
            Some(d) => label::leaf_kinds(d).into_iter().collect(),
            None if row.practice.kind == PracticeKind::Sharing => statement_kinds.clone(),
            None => Vec::new(),
        };
        let mut marks: Vec<(&'static str, Required)> = Vec::new();
        if let Some(p) = row.purpose {
            let choice = if p.purpose == Purpose::Current {
                Required::Always
            } else {
                p.choice
            };
            marks.push((label::use_column(p.purpose), choice));
        }
        if let Some(r) = row.recipient {
            if let Some(c) = r.kind.and_then(sharing_column) {
                marks.push((c, r.choice));
            }
        }
        for kind in &kinds {
            for (column, choice) in &marks {
                let slot = out.entry((*kind, column)).or_insert(0);
                *slot = (*slot).max(rank_required(*choice));
            }
        }
    }
    out
}

fn check(file: &str, set: &PolicySet) {
    for (i, policy) in set.policies.iter().enumerate() {
        let page = view::page(policy);
        let label_view = &page.label;
        // The label against the compact policy, column by column.
        let (cp, cp_cols) = cp_columns(set, i);
        for (column, mark) in label_columns(label_view) {
            let cp_mark = cp_cols.get(column).copied().unwrap_or(0);
            assert_eq!(
                mark, cp_mark,
                "{file}: policy {}: column {column}: label {mark}, compact policy {cp_mark} ({cp})",
                policy.name
            );
        }
        // Choice cells are backed by the choices section.
        for row in &label_view.rows {
            for cell in &row.cells {
                if cell.key == "opt-in" || cell.key == "opt-out" {
                    assert!(
                        page.choices.iter().any(|c| c.choice.word == cell.key),
                        "{file}: {}: a `{}` cell with no such choice in the choices section",
                        policy.name,
                        cell.key
                    );
                }
            }
        }
        // The label's grid is the flow rows' grid.
        let grid = label::grid(policy);
        let rows = grid_from_rows(policy);
        let from_label: BTreeMap<(Kind, &'static str), u8> = grid
            .marks
            .iter()
            .map(|(k, r)| (*k, rank_required(*r)))
            .collect();
        assert_eq!(from_label, rows, "{file}: {}: label grid", policy.name);
    }
}

#[test]
fn the_label_choices_p3p_and_compact_policy_agree_for_every_seed_and_example() {
    let mut files = html_support::fixtures("policies");
    files.extend(html_support::fixtures("examples"));
    files.extend(html_support::fixtures("tests/fixtures/html-examples"));
    files.extend(html_support::fixtures("tests/fixtures/html"));
    files.retain(|f| !f.contains("/ci/"));
    for file in &files {
        check(file, &html_support::model(file));
    }
}

#[test]
fn a_consent_cookie_is_consent_everywhere() {
    let yaml = "
policies:
  - name: p
    title: t
    discuri: https://example.com/privacy
    entity: {name: Example}
    access: none
    recipients:
      - {name: ads, kind: unrelated}
    statements:
      - name: a
        data:
          - !item {data: !schema user.name}
        purposes:
          - {purpose: current}
        recipients:
          - {name: ours}
        retention: {value: stated-purpose}
    cookies:
      - name: c
        party: third
        provider: ads
        purposes:
          - {purpose: contact, required: opt-in}
";
    let set: PolicySet = yaml_serde::from_str(yaml).expect("model");
    check("consent cookie", &set);
    let (cp, _) = cp_columns(&set, 0);
    assert!(cp.contains("UNRi"), "{cp}");
    assert!(!Recipient::Unrelated.token().is_empty());
}

#[test]
fn a_sharing_rule_without_data_shares_what_is_collected() {
    let yaml = "
policies:
  - name: p
    title: t
    discuri: https://example.com/privacy
    entity: {name: Example}
    access: none
    recipients:
      - {name: partners, kind: same}
    statements:
      - name: a
        data:
          - !item {data: !schema user.home-info.online.email}
        purposes:
          - {purpose: current}
        recipients:
          - {name: ours}
        retention: {value: stated-purpose}
    sharing:
      - name: s
        with: [partners]
        choice: opt-out
";
    let set: PolicySet = yaml_serde::from_str(yaml).expect("model");
    check("sharing without data", &set);
    let page = view::page(&set.policies[0]);
    let contact = page
        .label
        .rows
        .iter()
        .find(|r| r.id == "contact")
        .expect("contact row");
    assert!(contact.cells.iter().any(|c| c.key == "opt-out"));
}
