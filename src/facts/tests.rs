//! Unit tests of the derived attributes, on small policies in the policy language.
#![allow(clippy::unwrap_used, clippy::panic)]

use super::{derive, PolicyFacts, PracticeKind};
use crate::engine;
use crate::span::SourceFile;

const HEAD: &str = r#"
policy main {
  title "Example"
  discuri "https://www.example.com/privacy"
  access all
  entity "Example, Inc." {
    email "privacy@example.com"
  }
  subject visitors "Visitors"
  subject kids "Children under 13 who play our games"
  recipient adnet unrelated "An advertising network"
  recipient mailer ours "Our email provider"
"#;

fn facts(body: &str) -> PolicyFacts {
    let text = format!("{HEAD}{body}\n}}\n");
    let c = engine::compile(&SourceFile::new("t.policy", text));
    let Some(model) = c.model.as_ref() else {
        panic!("does not resolve: {:#?}", c.diagnostics);
    };
    derive(model).policies.remove(0)
}

#[test]
fn non_identifiable_statement_with_a_name_and_email_is_identifying() {
    let f = facts(
        r#"collect signup {
    from visitors
    data user.name, user.home-info.online.email
    for current
    to ours
    retain stated-purpose "a year"
    non-identifiable
  }"#,
    );
    let p = f.find(PracticeKind::Statement, "signup").unwrap();
    assert_eq!(p.declared.identifiable, Some(false));
    assert!(p.derived.identifying.value);
    assert!(p.identifiable());
    let why: Vec<&str> = p
        .derived
        .identifying
        .because
        .iter()
        .map(|r| r.detail.as_str())
        .collect();
    assert!(
        why.iter()
            .any(|w| w.contains("`user.name` includes a person's name")),
        "{why:?}"
    );
    assert!(why.iter().any(|w| w.contains("email")), "{why:?}");
}

#[test]
fn clickstream_alone_is_not_identifying() {
    let f = facts(
        r#"collect logs {
    data dynamic.clickstream, user.home-info.postal.postalcode
    for admin
    to ours
    retain stated-purpose "a year"
    non-identifiable
  }"#,
    );
    let p = f.find(PracticeKind::Statement, "logs").unwrap();
    assert!(!p.derived.identifying.value);
    assert!(!p.identifiable());
}

#[test]
fn cookie_holding_an_email_is_linked_and_third_party_ad_cookie_is_cross_site() {
    let f = facts(
        r#"cookie remember {
    holds "your e-mail address"
    categories state
    for current
    linked no
  }
  cookie ads {
    party third
    provider adnet
    categories uniqueid
    for pseudo-analysis opt-out
    linked no
    cross-site no
  }"#,
    );
    let remember = f.find(PracticeKind::Cookie, "remember").unwrap();
    assert!(remember.derived.linked.value);
    assert!(remember.identifiable());
    let ads = f.find(PracticeKind::Cookie, "ads").unwrap();
    assert!(!ads.derived.linked.value, "a pseudonymous id is not linked");
    assert!(ads.derived.cross_site.value);
    assert!(ads.cross_site());
    assert!(ads
        .recipients
        .iter()
        .any(|r| r.name == "adnet" && r.third_party()));
}

#[test]
fn children_and_health_data_are_sensitive() {
    let f = facts(
        r#"collect games {
    from kids
    data user.login.id
    for current
    to ours
    retain stated-purpose "a year"
  }
  collect clinic {
    from visitors
    data custom "symptoms" categories health
    for current
    to ours
    retain stated-purpose "a year"
  }"#,
    );
    assert!(
        f.find(PracticeKind::Statement, "games")
            .unwrap()
            .derived
            .sensitive
            .value
    );
    let clinic = f.find(PracticeKind::Statement, "clinic").unwrap();
    assert!(clinic.derived.sensitive.value);
    assert!(!clinic.derived.identifying.value);
}

#[test]
fn rows_are_the_product_of_the_lists() {
    let f = facts(
        r#"collect signup {
    from visitors, kids
    data user.home-info.online.email, user.login.id
    for current, contact opt-in
    to ours, mailer
    retain stated-purpose "a year"
  }"#,
    );
    assert_eq!(f.rows().count(), 2 * 2 * 2 * 2);
}
