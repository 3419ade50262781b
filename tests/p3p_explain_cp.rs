//! Issue 12, item 9: `explain-cp` checks the whole header (REC §2.2.2, §4.1) and
//! every group a compact policy must carry (REC §4).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::diagnostic::Severity;
use policyc::p3p::compact_decode::decode;
use policyc::span::SourceFile;

fn findings(input: &str) -> Vec<(&'static str, Severity, String)> {
    decode(&SourceFile::new("cp", input))
        .diagnostics
        .into_iter()
        .map(|d| {
            (
                d.code.id(),
                d.severity,
                format!("{} {:?}", d.message, d.help),
            )
        })
        .collect()
}

fn has(input: &str, code: &str) -> bool {
    findings(input).iter().any(|(c, _, _)| *c == code)
}

#[test]
fn missing_category_tokens_are_reported() {
    // REC §4: every CP carries purpose, recipient, retention and category tokens unless NID.
    let f = findings("CP=\"NOI DSP COR CUR ADM DEV OUR BUS\"");
    assert!(
        f.iter()
            .any(|(c, _, m)| *c == "X714" && m.contains("categor")),
        "{f:?}"
    );
    assert!(!has("CP=\"NOI DSP COR NID CUR ADM OUR NOR\"", "X714"));
    assert!(!has("CP=\"NOI DSP COR CUR ADM OUR BUS NAV\"", "X714"));
}

#[test]
fn header_syntax_problems_are_reported() {
    for bad in [
        "xyz CP=\"NOI CUR OUR STP NAV\"",
        "policyref=\"/w3c/p3p.xml\" CP=\"NOI CUR OUR STP NAV\"",
        "CP=\"NOI CUR OUR STP NAV\", CP=\"ALL CUR OUR STP NAV\"",
        "policyref=/w3c/p3p.xml, CP=\"NOI CUR OUR STP NAV\"",
    ] {
        assert!(has(bad, "X711"), "{bad}: {:?}", findings(bad));
    }
    let ok = "P3P: policyref=\"/w3c/p3p.xml\", CP=\"NOI CUR OUR STP NAV\"";
    assert!(findings(ok).is_empty(), "{:?}", findings(ok));
}

#[test]
fn a_policyref_only_header_is_allowed() {
    // REC §2.2.2: the CP is optional.
    assert!(findings("policyref=\"/w3c/p3p.xml\"").is_empty());
    assert!(findings("P3P: policyref=\"/w3c/p3p.xml\"").is_empty());
}

#[test]
fn prose_cps_get_no_case_hint() {
    let f = findings("CP=\"This is not a P3P policy. POLicy.\"");
    assert!(f.iter().all(|(_, _, m)| !m.contains("write `POL")), "{f:?}");
    // a real case slip still gets one
    let f = findings("CP=\"NOI cur OUR STP NAV\"");
    assert!(f.iter().any(|(_, _, m)| m.contains("write `CUR`")), "{f:?}");
}

#[test]
fn a_suffix_on_cur_or_our_is_a_warning_that_explains() {
    let f = findings("CP=\"NOI CURa OURa STP NAV\"");
    let suffix: Vec<_> = f.iter().filter(|(c, _, _)| *c == "X718").collect();
    assert_eq!(suffix.len(), 2, "{f:?}");
    assert!(suffix.iter().all(|(_, s, _)| *s == Severity::Warning));
    assert!(!f.iter().any(|(_, s, _)| *s == Severity::Error), "{f:?}");
}
