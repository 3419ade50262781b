//! Q518 (a measure that is another party's, counted for the site's own sensitive data):
//! every statement it is counted for is its own finding, so the finding about one
//! statement does not move or disappear when another statement gains sensitive data.

use policyc::engine;

const POLICY: &str = include_str!("defects/defect/Q518-shop-processor-encryption.policy");

fn q518_targets(text: &str) -> Vec<String> {
    let c = engine::compile_bytes("shop.policy", text.as_bytes());
    c.diagnostics
        .iter()
        .filter(|d| d.code.id() == "Q518")
        .filter_map(|d| d.target.clone())
        .collect()
}

#[test]
fn each_statement_the_measure_is_counted_for_is_a_finding() {
    assert_eq!(q518_targets(POLICY), ["collect payment"]);
    // The orders statement also takes card data: it gets its own finding, and the
    // payment statement keeps its finding.
    let widened = POLICY.replacen(
        "    data delivery\n    for current",
        "    data delivery, card\n    for current",
        1,
    );
    assert_ne!(
        widened, POLICY,
        "the fixture changed: adapt the replacement"
    );
    let mut targets = q518_targets(&widened);
    targets.sort();
    assert_eq!(targets, ["collect orders", "collect payment"]);
}
