//! Whatever a user passes to `explain-cp` or `import`, policyc answers with
//! findings, never a panic.

use policyc::p3p::compact_decode::decode;
use policyc::p3p::read::read;
use policyc::span::SourceFile;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_compact_policy_text_is_decoded_without_panic(s in "(CP=\"?)?([A-Za-z]{0,5}[ \t]{0,2}){0,12}\"?|\\PC{0,40}") {
        let d = decode(&SourceFile::new("cp", s.as_str()));
        for diag in &d.diagnostics {
            prop_assert!(diag.span.is_some());
        }
    }

    #[test]
    fn any_xml_like_text_is_read_without_panic(s in "(<[A-Za-z:-]{0,8}( [a-z]{1,4}=\"[^\"<&]{0,6}\")?/?>|</[A-Za-z]{0,8}>|[^<]{0,5}|&[a-z#0-9]{0,4};){0,16}") {
        let r = read(&SourceFile::new("x.xml", s.as_str()));
        prop_assert!(r.document.is_some() || !r.diagnostics.is_empty());
    }
}

#[test]
fn truncated_generated_policies_are_located_errors() {
    let text = std::fs::read_to_string(
        "tests/fixtures/p3p/spec-examples/REC-P3P-20020416_example-3.1_forBrowsers.xml",
    )
    .unwrap_or_default();
    for cut in (0..text.len()).step_by(37) {
        let Some(prefix) = text.get(..cut) else {
            continue;
        };
        let r = read(&SourceFile::new("cut.xml", prefix));
        assert!(
            r.document.is_none(),
            "a truncated file must not read as a policy"
        );
        assert!(r.diagnostics.iter().all(|d| d.span.is_some()));
    }
}
