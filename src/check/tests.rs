//! Unit tests: one or more per check, on models written in the YAML form.
#![allow(clippy::unwrap_used)]

use crate::diagnostic::Diagnostic;
use crate::engine;
use crate::span::SourceFile;

/// A complete, clean policy; tests append to it or replace lines in it.
const BASE: &str = r#"
policies:
- name: main
  title: Example
  discuri: https://www.example.com/privacy
  access: all
  entity:
    name: Example, Inc.
    email: privacy@example.com
  subjects:
  - name: visitors
  recipients:
  - name: processor
    kind: ours
  datasets:
  - name: contact
    items:
    - data: !schema user.home-info.online.email
  statements:
  - name: orders
    subjects: [visitors]
    data:
    - !set {name: contact}
    purposes:
    - purpose: current
    recipients:
    - name: processor
    retention:
      value: stated-purpose
      period: while the order is open
"#;

fn run(yaml: &str) -> Vec<Diagnostic> {
    let c = engine::compile(&SourceFile::new("t.yaml", yaml));
    assert!(c.model.is_some(), "YAML did not load: {:?}", c.diagnostics);
    c.diagnostics
}

fn ids(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code.id()).collect()
}

/// BASE with `extra` appended under the policy (indented two spaces).
fn with(extra: &str) -> String {
    let mut s = BASE.to_string();
    for line in extra.trim_matches('\n').lines() {
        s.push_str("  ");
        s.push_str(line);
        s.push('\n');
    }
    s
}

fn find<'a>(diags: &'a [Diagnostic], id: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.code.id() == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(diags)))
}

#[test]
fn base_policy_is_clean() {
    assert_eq!(ids(&run(BASE)), Vec::<&str>::new());
}

// ---- references ----

#[test]
fn undefined_subject_suggests_the_closest() {
    let y = BASE.replace("subjects: [visitors]", "subjects: [visitor]");
    let d = run(&y);
    let r = find(&d, "R201");
    assert_eq!(r.message, "subject `visitor` is not defined");
    assert!(r
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `visitors`"));
    assert_eq!(r.target.as_deref(), Some("collect orders"));
}

#[test]
fn recipient_words_resolve_without_a_definition() {
    let y = BASE.replace(
        "    - name: processor\n  retention",
        "    - name: processor\n    - name: delivery\n  retention",
    );
    let y = y.replace(
        "    recipients:\n    - name: processor\n    retention",
        "    recipients:\n    - name: processor\n    - name: delivery\n    retention",
    );
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

#[test]
fn undefined_set_provider_statement_and_practice() {
    let y = with(
        r"
cookies:
- name: ads
  categories: [state]
  provider: adnet
retention:
- name: keep
  applies-to: [order]
  period: a year
opt-outs:
- name: stop
  how: click
  covers: [adz]
promises:
- name: pl
  says: x
  claim: !not-linked [user.nmae]
",
    );
    let y = y.replace("!set {name: contact}", "!set {name: contacts}");
    let d = run(&y);
    let msgs: Vec<&str> = d
        .iter()
        .filter(|d| d.code.id() == "R201")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        msgs.contains(&"data set `contacts` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"cookie provider `adnet` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"statement `order` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"statement, sharing rule or cookie `adz` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"data set or element `user.nmae` is not defined"),
        "{msgs:?}"
    );
}

#[test]
fn duplicates_are_reported_once_per_extra_definition() {
    let y = BASE.replace(
        "  subjects:\n  - name: visitors\n",
        "  subjects:\n  - name: visitors\n  - name: visitors\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["R202"]);
    assert_eq!(d[0].target.as_deref(), Some("subject visitors"));
}

#[test]
fn duplicate_policy_names() {
    let second = BASE.replace("policies:\n", "");
    let y = format!("{BASE}{second}");
    assert!(ids(&run(&y)).contains(&"R202"));
}

#[test]
fn unused_definitions_warn() {
    let y = with("subjects:\n- name: partners\n");
    let y = y.replace("  subjects:\n  - name: visitors\n", "");
    let y = y.replace(
        "  subjects:\n  - name: partners\n",
        "  subjects:\n  - name: visitors\n  - name: partners\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["R203"]);
    assert_eq!(d[0].target.as_deref(), Some("subject partners"));
    assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
}

// ---- P3P structure ----

#[test]
fn identifiable_statement_lists_every_missing_part() {
    let y = BASE.replace(
        "  statements:\n  - name: orders",
        "  statements:\n  - name: bare\n  - name: orders",
    );
    let d = run(&y);
    let p = find(&d, "P301");
    assert_eq!(
        p.message,
        "identifiable statement `bare` is missing purposes (`for`), recipients (`to`), retention (`retain`) and data (`data`)"
    );
    assert_eq!(p.target.as_deref(), Some("collect bare"));
}

#[test]
fn non_identifiable_statement_needs_nothing() {
    let y = BASE.replace(
        "  statements:\n  - name: orders",
        "  statements:\n  - name: bare\n    identifiable: false\n  - name: orders",
    );
    assert!(!ids(&run(&y)).contains(&"P301"));
}

#[test]
fn opt_out_needs_opturi_and_ours_cannot_choose() {
    let y = BASE.replace(
        "    - purpose: current\n",
        "    - purpose: current\n      required: opt-in\n    - purpose: contact\n      required: opt-out\n",
    )
    .replace("    - name: processor\n    retention", "    - name: processor\n      required: opt-in\n    retention");
    let d = run(&y);
    let codes = ids(&d);
    assert!(codes.contains(&"P302"), "{codes:?}");
    assert_eq!(
        codes.iter().filter(|c| **c == "P303").count(),
        2,
        "{codes:?}"
    );
    // adding opturi and an opt-out channel removes P302 and Q507
    let y = y.replace("  access: all\n", "  access: all\n  opturi: https://www.example.com/opt\n  opt-outs:\n  - name: all\n    how: write to us\n");
    let codes = ids(&run(&y));
    assert!(
        !codes.contains(&"P302") && !codes.contains(&"Q507"),
        "{codes:?}"
    );
}

#[test]
fn sharing_choice_needs_opturi() {
    let y = with("sharing:\n- name: partners\n  with: [processor]\n  choice: opt-out\n");
    assert!(ids(&run(&y)).contains(&"P302"));
}

#[test]
fn variable_and_custom_data_need_categories() {
    let y = BASE.replace(
        "    - data: !schema user.home-info.online.email\n",
        "    - data: !schema user.home-info.online.email\n    - data: !schema dynamic.miscdata\n    - data: !custom resume\n    - data: !custom ''\n      categories: [other-category]\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["P304", "P304", "P310"]);
    assert_eq!(d[0].target.as_deref(), Some("data contact"));
}

#[test]
fn cookie_without_categories() {
    let y = with("cookies:\n- name: session\n");
    let d = run(&y);
    assert_eq!(ids(&d), vec!["P304"]);
    assert_eq!(d[0].target.as_deref(), Some("cookie session"));
}

#[test]
fn entity_access_discuri_statements() {
    let y = BASE
        .replace("  discuri: https://www.example.com/privacy\n", "")
        .replace("  access: all\n", "")
        .replace("    email: privacy@example.com\n", "");
    let y = y.split("  statements:").next().unwrap().to_string();
    let codes = ids(&run(&y));
    for c in ["P305", "P306", "P307", "P308"] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
    let no_entity = BASE.replace(
        "  entity:\n    name: Example, Inc.\n    email: privacy@example.com\n",
        "",
    );
    let d = run(&no_entity);
    assert_eq!(find(&d, "P305").message, "policy `main` has no `entity`");
}

#[test]
fn other_purpose_needs_description() {
    let y = BASE.replace(
        "    - purpose: current\n",
        "    - purpose: current\n    - purpose: other-purpose\n",
    );
    assert_eq!(ids(&run(&y)), vec!["P309"]);
    let y = BASE.replace(
        "    - purpose: current\n",
        "    - purpose: current\n    - purpose: other-purpose\n      description: fraud checks\n",
    );
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

#[test]
fn policy_name_must_be_a_fragment() {
    for bad in ["'9lives'", "'main site'", "'caf\u{e9}'", "'a:b'"] {
        let y = BASE.replace("- name: main", &format!("- name: {bad}"));
        assert_eq!(ids(&run(&y)), vec!["P311"], "{bad}");
    }
    let y = BASE.replace("- name: main", "- name: _main.v2-x");
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

#[test]
fn dispute_needs_service_and_expiry_below_a_day_warns() {
    let y = with("disputes:\n- resolution: service\n  service: ' '\nexpiry-seconds: 3600\n");
    assert_eq!(ids(&run(&y)), vec!["P312", "P313"]);
    let y = with("expiry-seconds: 86400\n");
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}
