//! The privacy label: rows from categories, columns from purposes and recipients,
//! the most permissive choice winning.

#![allow(clippy::expect_used, clippy::panic)]

use policyc::emit::html::label::{label, LabelView};
use policyc::model::PolicySet;

fn label_of(yaml: &str) -> LabelView {
    let set: PolicySet = yaml_serde::from_str(yaml).expect("valid YAML model");
    label(&set.policies[0])
}

/// The cell text for a row label and column label.
fn cell(view: &LabelView, row: &str, column: &str) -> &'static str {
    let columns: Vec<&str> = view
        .uses
        .iter()
        .chain(view.sharing.iter())
        .map(|c| c.id)
        .collect();
    let col = columns
        .iter()
        .position(|c| *c == column)
        .expect("known column");
    let row = view.rows.iter().find(|r| r.id == row).expect("known row");
    row.cells[col].key
}

const BASE: &str = "
policies:
  - name: p
    title: t
    recipients:
      - {name: marketers, kind: unrelated}
    statements:
      - name: a
        data:
          - !item {data: !schema user.home-info.online.email}
        purposes:
          - {purpose: current}
          - {purpose: contact, required: opt-in}
        recipients:
          - {name: marketers, required: opt-in}
";

#[test]
fn cells_carry_the_statements_choices() {
    let view = label_of(BASE);
    assert_eq!(cell(&view, "contact", "service"), "yes");
    assert_eq!(cell(&view, "contact", "marketing"), "opt-in");
    assert_eq!(cell(&view, "contact", "companies"), "opt-in");
    assert_eq!(cell(&view, "contact", "telemarketing"), "no");
    assert_eq!(cell(&view, "financial", "service"), "no");
    // The ten standard rows are always there; others only when collected.
    assert_eq!(view.rows.len(), 10);
    assert_eq!(view.uses.len() + view.sharing.len(), 8);
}

#[test]
fn the_most_permissive_choice_wins() {
    let yaml = format!(
        "{BASE}      - name: b
        data:
          - !item {{data: !schema user.home-info.online.email}}
        purposes:
          - {{purpose: contact, required: opt-out}}
"
    );
    let view = label_of(&yaml);
    assert_eq!(cell(&view, "contact", "marketing"), "opt-out");
}

#[test]
fn cookies_fill_the_cookie_row_and_third_party_providers_count_as_sharing() {
    let yaml = "
policies:
  - name: p
    title: t
    recipients:
      - {name: ads, kind: unrelated}
    cookies:
      - name: c
        party: third
        provider: ads
        categories: [navigation]
        purposes:
          - {purpose: individual-analysis, required: opt-out}
";
    let view = label_of(yaml);
    assert_eq!(cell(&view, "cookies", "profiling"), "opt-out");
    assert_eq!(cell(&view, "activity", "profiling"), "opt-out");
    // The provider reads the cookie only as its purposes allow: here, unless you refuse.
    assert_eq!(cell(&view, "cookies", "companies"), "opt-out");
    assert_eq!(cell(&view, "cookies", "service"), "no");
}

/// A cookie set only with consent is shared with its provider only with consent:
/// the label says what the choices section says (issue: "Other companies: Yes" for
/// an opt-in cookie).
#[test]
fn a_consent_only_cookie_is_shared_only_with_consent() {
    let yaml = "
policies:
  - name: p
    title: t
    recipients:
      - {name: ads, kind: unrelated}
    cookies:
      - name: c
        party: third
        provider: ads
        purposes:
          - {purpose: contact, required: opt-in}
          - {purpose: pseudo-analysis, required: opt-in}
      - name: session
        purposes:
          - {purpose: current}
";
    let view = label_of(yaml);
    assert_eq!(cell(&view, "cookies", "companies"), "opt-in");
    assert_eq!(cell(&view, "cookies", "marketing"), "opt-in");
    assert_eq!(cell(&view, "cookies", "service"), "yes");
}

/// A name is contact information to a reader, though P3P also files it under
/// demographic data (REC §5.5).
#[test]
fn a_name_is_contact_information_not_demographic() {
    let yaml = "
policies:
  - name: p
    title: t
    statements:
      - name: a
        data:
          - !item {data: !schema user.name}
          - !item {data: !schema user.home-info.postal}
        purposes:
          - {purpose: current}
";
    let view = label_of(yaml);
    assert_eq!(cell(&view, "contact", "service"), "yes");
    assert_eq!(cell(&view, "demographic", "service"), "no");
    let yaml = yaml.replace("user.home-info.postal", "user.gender");
    let view = label_of(&yaml);
    assert_eq!(cell(&view, "demographic", "service"), "yes");
}

#[test]
fn a_sharing_rule_choice_gates_the_sharing() {
    let yaml = "
policies:
  - name: p
    title: t
    recipients:
      - {name: forum, kind: public}
    sharing:
      - name: s
        with: [forum]
        choice: opt-in
        data:
          - !item {data: !custom \"reviews\", categories: [content]}
        purposes:
          - {purpose: current}
";
    let view = label_of(yaml);
    assert_eq!(cell(&view, "content", "public"), "opt-in");
    // The purpose is the rule's as written, as in its P3P statement (`current` is
    // always required, REC §3.3.4); only the sharing waits for consent.
    assert_eq!(cell(&view, "content", "service"), "yes");
    assert!(view.rows.iter().any(|r| r.id == "content"));
}
