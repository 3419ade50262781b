//! The five seed policies in `policies/`: each compiles with no unacknowledged
//! error, its model (YAML dump) and rendered findings are snapshotted, and the
//! findings it acknowledges (the real contradictions in the original texts) are
//! asserted exactly: code, target, and that they are acknowledged.

#![allow(clippy::expect_used, clippy::panic)] // test code: a failed expectation is the test failing

use policyc::diagnostic::render_human;
use policyc::engine::{self, Compilation};
use policyc::span::SourceFile;
use std::path::Path;

fn compile_seed(file: &str) -> Compilation {
    let relative = format!("policies/{file}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&relative);
    let text = std::fs::read_to_string(&path).expect("seed policy is readable UTF-8");
    engine::compile(&SourceFile::new(relative, text))
}

fn rendered_findings(compilation: &Compilation) -> String {
    render_human(
        &compilation.diagnostics,
        std::slice::from_ref(&compilation.source),
        false,
    )
}

fn model_yaml(compilation: &Compilation) -> String {
    let model = compilation
        .model
        .as_ref()
        .expect("the seed resolves to a model");
    yaml_serde::to_string(model).expect("the model serializes to YAML")
}

/// (code, target) of every acknowledged finding, sorted.
fn acknowledged(compilation: &Compilation) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.acknowledged.is_some())
        .map(|d| (d.code.id().to_owned(), d.target.clone().unwrap_or_default()))
        .collect();
    found.sort();
    found
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = expected
        .iter()
        .map(|(code, target)| ((*code).to_owned(), (*target).to_owned()))
        .collect();
    pairs.sort();
    pairs
}

fn assert_passes_check(compilation: &Compilation) {
    assert!(
        !compilation.fails(false),
        "{} fails check:\n{}",
        compilation.source.path,
        rendered_findings(compilation)
    );
}

macro_rules! seed_tests {
    ($module:ident, $file:literal, [$( ($code:literal, $target:literal) ),* $(,)?]) => {
        mod $module {
            use super::*;

            #[test]
            fn passes_check() {
                assert_passes_check(&compile_seed($file));
            }

            #[test]
            fn model_snapshot() {
                let compilation = compile_seed($file);
                insta::assert_snapshot!("model", model_yaml(&compilation));
            }

            #[test]
            fn findings_snapshot() {
                let compilation = compile_seed($file);
                insta::assert_snapshot!("findings", rendered_findings(&compilation));
            }

            #[test]
            fn yaml_form_gives_the_same_model() {
                let compilation = compile_seed($file);
                let yaml = model_yaml(&compilation);
                let again = engine::compile(&SourceFile::new(
                    concat!("policies/", stringify!($module), ".yaml"),
                    yaml,
                ));
                assert_eq!(again.model, compilation.model);
                assert_eq!(acknowledged(&again), acknowledged(&compilation));
            }

            #[test]
            fn acknowledged_findings() {
                let compilation = compile_seed($file);
                assert_eq!(acknowledged(&compilation), pairs(&[$( ($code, $target) ),*]));
            }
        }
    };
}

// "no partner has access to any other partner's or marketer's data" (the silo)
// against "Dynamic Trade will share marketer information with an appropriate set of
// partners, as determined by Dynamic Trade and the marketer".
seed_tests!(
    connectcommerce,
    "connectcommerce.policy",
    [
        ("C411", "collect marketer-registration"),
        ("C411", "share marketer-information"),
    ]
);

// "does not collect personally identifiable information when an end customer places
// an order" against the personalized purchase profiles of "Supplementation"; the
// client silo ("No Client has access to any other Client's or Partner's data")
// against those profiles, combined across Clients and serving the Clients' sites,
// and against Client information shared with "an appropriate set of Partners".
seed_tests!(
    performics,
    "performics.policy",
    [
        ("C407", "collect supplementation"),
        ("C411", "collect client-registration"),
        ("C411", "collect supplementation"),
        ("C411", "share client-information"),
    ]
);

// Cookie information "is non-personal" against the log-in cookie; "The opt-out
// procedure is discussed in detail below" against a statement that never gives it. (Email notice of
// new uses is promised with no word on timing: `notify-new-use`, which the policy
// keeps, where the old language could only say `notify-before-new-use`.)
seed_tests!(
    clickcommerce,
    "clickcommerce.policy",
    [("C403", "cookie login"), ("C416", "opt-out communications")]
);

// No cross-site tracking against ad-network retargeting; log data "not linked"
// against social widgets collecting the same; "only ... compatible" uses against
// opt-out product update emails.
seed_tests!(
    symphonycommerce,
    "symphonycommerce.policy",
    [
        ("C404", "cookie retargeting"),
        ("C406", "collect social-widgets"),
        ("C408", "collect product-updates"),
        ("C408", "cookie clear-gifs"),
    ]
);

// "Your credit card information does not pass through the WorldPay sites" against
// the WorldPay order form that takes the card number;
// "Under no circumstances ... any third party, except where required by law"
// against shippers, marketers and financial institutions; "only ... for the purpose
// for which it was intended" against update and new-works mailings; identity
// documents with no encryption stated.
seed_tests!(
    ipmart,
    "ipmart.policy",
    [
        ("C402", "share service-providers"),
        ("C402", "share marketing-providers"),
        ("C402", "share financial-institutions"),
        ("C408", "collect orders"),
        ("C410", "collect card-payment"),
        ("C408", "share marketing-providers"),
        ("C408", "share financial-institutions"),
        ("Q503", "collect proof-of-identity"),
        ("Q518", "collect proof-of-identity"),
    ]
);

#[test]
fn symphonycommerce_holds_two_policies() {
    let compilation = compile_seed("symphonycommerce.policy");
    let names: Vec<&str> = compilation
        .model
        .as_ref()
        .expect("the seed resolves to a model")
        .policies
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["corporate", "services"]);
}
