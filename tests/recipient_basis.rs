//! `basis` on recipient lines (`to processor basis service-providers`) and on a
//! cookie's provider (`provider adnet basis consent`): read into the model and the
//! facts, written back by the source writer and `fmt` unchanged, reported by `diff`,
//! shown in the HTML; files without it read as before.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::engine;
use policyc::facts::PracticeKind;
use policyc::model::{Exception, PolicySet};
use policyc::span::SourceFile;

const POLICY: &str = r#"policy shop {
  title "Example Shop privacy policy"
  discuri "https://shop.example.com/privacy"
  opturi "https://shop.example.com/choices"
  access all
  entity "Example Shop, Inc." {
    email "privacy@shop.example.com"
  }
  recipient processor other-recipient "Our payment processor"
  recipient adnet unrelated "An advertising network"
  collect orders "Orders" {
    data user.name, user.home-info.online.email
    for current
    to ours, processor basis service-providers, adnet opt-in basis consent
    retain stated-purpose "until the order is paid"
  }
  cookie ads "Advertising cookie" {
    party third
    provider adnet basis consent
    categories state
    for tailoring opt-in
    cross-site yes
  }
  opt-out ads "Refuse advertising in your account settings" {
    covers orders, ads
    url "https://shop.example.com/choices"
  }
}
"#;

fn model(path: &str, text: &str) -> PolicySet {
    let c = engine::compile(&SourceFile::new(path, text.to_string()));
    c.model
        .unwrap_or_else(|| panic!("{path} does not compile: {:?}", c.diagnostics))
}

#[test]
fn the_model_and_the_facts_carry_the_basis() {
    let set = model("shop.policy", POLICY);
    let p = &set.policies[0];
    let to = &p.statements[0].recipients;
    assert_eq!(to[0].basis, None);
    assert_eq!(to[1].basis, Some(Exception::ServiceProviders));
    assert_eq!(to[2].basis, Some(Exception::Consent));
    assert_eq!(p.cookies[0].provider_basis, Some(Exception::Consent));

    let facts = policyc::facts::derive(&set);
    let practices = &facts.policies[0].practices;
    let orders = practices
        .iter()
        .find(|x| x.kind == PracticeKind::Statement)
        .unwrap();
    let basis = |name: &str| {
        orders
            .recipients
            .iter()
            .find(|r| r.name == name)
            .and_then(|r| r.basis)
    };
    assert_eq!(basis("processor"), Some(Exception::ServiceProviders));
    assert_eq!(basis("adnet"), Some(Exception::Consent));
    let ads = practices
        .iter()
        .find(|x| x.kind == PracticeKind::Cookie)
        .unwrap();
    assert!(ads
        .recipients
        .iter()
        .any(|r| r.name == "adnet" && r.basis == Some(Exception::Consent)));
}

#[test]
fn source_writer_and_fmt_keep_it() {
    let set = model("shop.policy", POLICY);
    let written = policyc::emit::source::write(&set);
    assert!(
        written.contains("processor basis service-providers, adnet opt-in basis consent"),
        "{written}"
    );
    assert!(
        written.contains("provider adnet basis consent"),
        "{written}"
    );
    assert_eq!(model("again.policy", &written), set);

    let formatted =
        policyc::fmt::format_source(&SourceFile::new("shop.policy", POLICY.to_string())).unwrap();
    assert_eq!(formatted, POLICY);
}

#[test]
fn yaml_form_keeps_it() {
    let set = model("shop.policy", POLICY);
    let yaml = yaml_serde::to_string(&set).unwrap();
    assert!(yaml.contains("basis: service-providers"), "{yaml}");
    assert!(yaml.contains("provider-basis: consent"), "{yaml}");
    assert_eq!(model("shop.yaml", &yaml), set);
}

#[test]
fn diff_reports_a_changed_basis() {
    let old = model("old.policy", POLICY);
    let new = model(
        "new.policy",
        &POLICY
            .replace(
                "processor basis service-providers",
                "processor basis business-transfer",
            )
            .replace("provider adnet basis consent", "provider adnet"),
    );
    let d = policyc::diff::diff(&old, &new);
    let found = |subject: &str| {
        d.changes
            .iter()
            .find(|c| c.subject == subject)
            .unwrap_or_else(|| panic!("no change for {subject}: {:#?}", d.changes))
    };
    let to = found("recipient processor basis");
    assert_eq!(to.element, "collect orders");
    assert_eq!(to.old.as_deref(), Some("service-providers"));
    assert_eq!(to.new.as_deref(), Some("business-transfer"));
    let provider = found("provider basis");
    assert_eq!(provider.element, "cookie ads");
    assert_eq!(provider.new, None);
}

#[test]
fn a_file_without_it_reads_as_before() {
    let plain = POLICY
        .replace(" basis service-providers", "")
        .replace(" basis consent", "");
    let set = model("plain.policy", &plain);
    let p = &set.policies[0];
    assert!(p.statements[0].recipients.iter().all(|r| r.basis.is_none()));
    assert_eq!(p.cookies[0].provider_basis, None);
    let yaml = yaml_serde::to_string(&set).unwrap();
    assert!(!yaml.contains("basis"), "{yaml}");
}

#[test]
fn html_shows_it() {
    use policyc::emit::{html::HtmlEmitter, EmitOptions, Emitter};
    let set = model("shop.policy", POLICY);
    let out = HtmlEmitter.emit(&set, &EmitOptions::default()).unwrap();
    let html = String::from_utf8(out[0].bytes.clone()).unwrap();
    assert!(
        html.contains("Our payment processor</bdi> (with service providers who act on our behalf)"),
        "the recipient's basis is worded in the page:\n{html}"
    );
    assert!(
        html.contains("An advertising network (with your consent)"),
        "the provider's basis is worded in the cookie table:\n{html}"
    );
}
