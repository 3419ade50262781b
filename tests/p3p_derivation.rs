//! The decisions the P3P emitter makes, one test each: cookie statements and the
//! cookie policy (REFERENCE A2), share recipients (never under-stated), the
//! compact policy rules of REC §4 (NID, suffixes, rule 9 on disagreeing
//! `required`, fixed categories), POLICY-REF order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::emit::p3p::{derive, P3pOutput};
use policyc::engine;
use policyc::p3p::document::P3pStatement;
use policyc::span::SourceFile;
use policyc::vocabulary::{Recipient, Required};

fn derive_source(body: &str) -> P3pOutput {
    let text = format!(
        "policy site {{\n  title \"Site\"\n  discuri \"https://www.example.com/privacy.html\"\n  opturi \"https://www.example.com/choices\"\n  entity \"Example\" {{\n    email \"privacy@example.com\"\n  }}\n  access none\n{body}}}\n"
    );
    let c = engine::compile(&SourceFile::new("t.policy", text.as_str()));
    let model = c
        .model
        .clone()
        .unwrap_or_else(|| panic!("{text}\n{:#?}", c.diagnostics));
    derive(&model).unwrap()
}

fn statements(out: &P3pOutput, policy: &str) -> Vec<P3pStatement> {
    out.policy_file
        .policies
        .iter()
        .find(|p| p.name == policy)
        .unwrap()
        .statements
        .clone()
}

const COLLECT: &str = "  collect orders {\n    data user.name, user.home-info.online.email\n    for current\n    to ours\n    retain stated-purpose \"until delivery\"\n  }\n";

#[test]
fn without_cookies_there_is_no_cookie_policy_and_the_cp_covers_every_policy() {
    let out = derive_source(COLLECT);
    assert_eq!(out.policy_file.policies.len(), 1);
    assert_eq!(out.compact.as_deref(), Some("NON CUR OUR STP PHY ONL DEM"));
}

#[test]
fn an_unlinked_cookie_is_a_non_identifiable_statement_in_its_own_cookie_policy() {
    let out = derive_source(&format!(
        "{COLLECT}  cookie session {{\n    name \"sid\"\n    categories state\n    for current\n    retain no-retention\n  }}\n"
    ));
    let cookies = statements(&out, "site-cookies");
    assert_eq!(cookies.len(), 1, "only the cookie statement");
    assert!(cookies[0].non_identifiable);
    assert_eq!(cookies[0].data[0].reference, "dynamic.cookies");
    // the main policy is complete: it has the cookie statement too
    assert_eq!(statements(&out, "site").len(), 2);
    assert_eq!(out.compact.as_deref(), Some("NON NID CUR OUR NOR STA"));
    // the reference file binds the cookie by name, before the page policy
    assert!(out.reference.refs[0].about.ends_with("#site-cookies"));
    assert_eq!(out.reference.refs[0].cookie_include[0].name, "sid");
}

#[test]
fn a_linked_cookie_brings_every_identifiable_statement_into_the_cp() {
    let out = derive_source(&format!(
        "{COLLECT}  cookie login {{\n    categories uniqueid\n    for current\n    retain stated-purpose \"session\"\n    linked yes\n  }}\n"
    ));
    assert_eq!(statements(&out, "site-cookies").len(), 2);
    // name (physical, demographic) and email (online) come in with their fixed categories
    assert_eq!(
        out.compact.as_deref(),
        Some("NON CUR OUR STP PHY ONL UNI DEM")
    );
}

#[test]
fn share_rules_add_their_recipients_with_the_choice() {
    let out = derive_source(&format!(
        "  recipient mailer other-recipient \"our mailing house\"\n{COLLECT}  share mailing {{\n    with mailer\n    data user.home-info.online.email\n    choice opt-out\n  }}\n"
    ));
    let s = statements(&out, "site");
    assert_eq!(s.len(), 2);
    let share = &s[1];
    assert_eq!(share.recipients[0].recipient, Recipient::OtherRecipient);
    assert_eq!(share.recipients[0].required, Required::OptOut);
    assert_eq!(share.recipients[0].descriptions, ["our mailing house"]);
    // purposes and retention come from the statement collecting the data
    assert_eq!(share.purposes, s[0].purposes);
    assert_eq!(share.retention, s[0].retention);
}

#[test]
fn disagreeing_required_values_collapse_to_the_least_restrictive() {
    // REFERENCE §10.2 rule 9(a): always > opt-out > opt-in.
    let out = derive_source(
        "  cookie a {\n    categories preference\n    for tailoring opt-in, contact opt-in\n    to same opt-in\n    retain no-retention\n  }\n  cookie b {\n    categories preference\n    for tailoring, contact opt-out\n    to same opt-out\n    retain no-retention\n  }\n",
    );
    assert_eq!(
        out.compact.as_deref(),
        Some("NON NID TAI CONo SAMo NOR PRE")
    );
}

#[test]
fn current_and_ours_never_take_a_suffix_and_test_adds_tst() {
    let out = derive_source(
        "  test\n  cookie a {\n    categories state\n    for current, admin opt-in\n    to ours, delivery opt-in\n    retain legal-requirement\n  }\n",
    );
    assert_eq!(
        out.compact.as_deref(),
        Some("NON NID CUR ADMi OUR DELi LEG STA TST")
    );
}

#[test]
fn page_policies_are_ordered_most_specific_first() {
    let text = "policy general {\n  title \"G\"\n  discuri \"https://e.example/g.html\"\n  covers \"e.example\"\n  entity \"E\" {\n    email \"p@e.example\"\n  }\n  access none\n  collect a {\n    data dynamic.clickstream\n    non-identifiable\n  }\n}\npolicy shop {\n  title \"S\"\n  discuri \"https://e.example/s.html\"\n  covers \"e.example\" {\n    include \"/shop/*\"\n  }\n  entity \"E\" {\n    email \"p@e.example\"\n  }\n  access none\n  collect a {\n    data dynamic.clickstream\n    non-identifiable\n  }\n}\n";
    let c = engine::compile(&SourceFile::new("t.policy", text));
    let out = derive(c.model.as_ref().unwrap()).unwrap();
    let abouts: Vec<&str> = out
        .reference
        .refs
        .iter()
        .map(|r| r.about.as_str())
        .collect();
    assert_eq!(abouts, ["/w3c/policy.xml#shop", "/w3c/policy.xml#general"]);
}

#[test]
fn each_covered_site_gets_its_own_reference_file() {
    let text = "policy corporate {\n  title \"C\"\n  discuri \"https://www.e.example/c.html\"\n  covers \"www.e.example\"\n  entity \"E\" {\n    email \"p@e.example\"\n  }\n  access none\n  collect a {\n    data dynamic.clickstream\n    non-identifiable\n  }\n}\npolicy hosted {\n  title \"H\"\n  discuri \"https://www.e.example/h.html\"\n  covers \"stores.e.example\"\n  entity \"E\" {\n    email \"p@e.example\"\n  }\n  access none\n  collect a {\n    data dynamic.clickstream\n    non-identifiable\n  }\n}\n";
    let c = engine::compile(&SourceFile::new("t.policy", text));
    let out = derive(c.model.as_ref().unwrap()).unwrap();
    let sites: Vec<(&str, Vec<&str>)> = out
        .site_references
        .iter()
        .map(|(s, r)| {
            (
                s.as_str(),
                r.refs.iter().map(|p| p.about.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        sites,
        [
            ("www.e.example", vec!["/w3c/policy.xml#corporate"]),
            ("stores.e.example", vec!["/w3c/policy.xml#hosted"]),
        ]
    );
    assert_eq!(out.reference, out.site_references[0].1);
}
