//! Acknowledgments bound by fingerprint: a finding's fingerprint depends on its
//! code, target and flows only (not on layout, comments, wording or unrelated
//! practices), widening the flow changes it, and an acknowledgment carrying an
//! older fingerprint no longer silences the finding (A603 names it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::diagnostic::{Code, Diagnostic};
use policyc::engine;
use policyc::span::SourceFile;

/// The example as written before fingerprints (its acknowledgment without one).
static EXAMPLE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let text = include_str!("../examples/acknowledgment.policy");
    let start = text
        .find("fingerprint ")
        .expect("the example is fingerprinted");
    let end = start + "fingerprint ".len() + policyc::diagnostic::FINGERPRINT_LEN + 1;
    format!("{}{}", &text[..start], &text[end..])
});

fn check(text: &str) -> Vec<Diagnostic> {
    engine::compile_bytes("t.policy", text.as_bytes()).diagnostics
}

/// The fingerprint of the one C402 finding.
fn c402(text: &str) -> String {
    let ds = check(text);
    let found: Vec<&Diagnostic> = ds
        .iter()
        .filter(|d| d.code == Code::BrokenNoThirdPartySharing)
        .collect();
    assert_eq!(found.len(), 1, "{ds:#?}");
    found[0].fingerprint.clone().expect("a fingerprint")
}

fn with_brokers(text: &str) -> String {
    text.replace(
        "    with card-processor\n",
        "    with card-processor, brokers\n",
    )
    .replace(
        "  subject customers",
        "  recipient brokers unrelated \"Data brokers\"\n\n  subject customers",
    )
}

#[test]
fn every_finding_with_a_target_has_a_fingerprint() {
    for d in check(&EXAMPLE) {
        assert_eq!(d.target.is_some(), d.fingerprint.is_some(), "{d:#?}");
    }
}

#[test]
fn layout_comments_wording_and_unrelated_parts_keep_the_fingerprint() {
    let base = c402(&EXAMPLE);
    // The formatter's canonical layout.
    let formatted =
        policyc::fmt::format_source(&SourceFile::new("t.policy", EXAMPLE.as_str())).unwrap();
    assert_eq!(c402(&formatted), base);
    // Comments, blank lines, indentation, the promise's wording, the reason.
    let edited = EXAMPLE
        .replace(
            "  share card-processor {",
            "\n\n  # moved down\n  share card-processor {",
        )
        .replace(
            "    data order\n    for current\n  }\n\n  promise",
            "      data order\n   for current\n  }\n\n  promise",
        )
        .replace(
            "We never share your information with third parties.\" {",
            "Your data stays with us.\" {",
        )
        .replace("legal will reword", "the lawyers will reword");
    assert_ne!(edited, *EXAMPLE);
    assert_eq!(c402(&edited), base);
    // An unrelated statement and a definition nothing uses.
    let unrelated = EXAMPLE.replace(
        "  share card-processor {",
        "  collect visits \"Visits\" non-identifiable {\n    data dynamic.clickstream\n    for admin\n    to ours\n    retain stated-purpose \"a week\"\n  }\n\n  recipient unused ours \"Us\"\n\n  share card-processor {",
    );
    assert_eq!(c402(&unrelated), base);
    // The same data named another way: the set's elements written out.
    let spelled = EXAMPLE.replace(
        "  share card-processor {\n    with card-processor\n    data order\n",
        "  share card-processor {\n    with card-processor\n    data user.name, custom \"order total\" categories purchase\n",
    );
    if spelled != *EXAMPLE {
        assert_eq!(c402(&spelled), base);
    }
}

#[test]
fn widening_the_flow_changes_the_fingerprint() {
    let base = c402(&EXAMPLE);
    assert_ne!(c402(&with_brokers(&EXAMPLE)), base, "one more recipient");
    let more_data = EXAMPLE.replace(
        "    user.name\n",
        "    user.name\n    user.home-info.online.email\n",
    );
    assert_ne!(c402(&more_data), base, "more data");
    let more_purposes = EXAMPLE.replace(
        "    data order\n    for current\n  }\n\n  promise",
        "    data order\n    for current, contact\n  }\n\n  promise",
    );
    assert_ne!(more_purposes, *EXAMPLE);
    assert_ne!(c402(&more_purposes), base, "one more purpose");
}

fn acknowledged_with(text: &str, fingerprint: &str) -> String {
    text.replace(
        "acknowledge C402 at share card-processor because",
        &format!("acknowledge C402 at share card-processor fingerprint {fingerprint} because"),
    )
}

#[test]
fn a_fingerprinted_acknowledgment_silences_only_its_finding() {
    let fp = c402(&EXAMPLE);
    let ok = check(&acknowledged_with(&EXAMPLE, &fp));
    assert!(ok.iter().all(|d| !d.is_blocking_error()), "{ok:#?}");
    assert!(ok.iter().any(|d| d.acknowledged.is_some()));

    // Data brokers added after the acknowledgment: reported as new, the
    // acknowledgment named as stale with what was added and the fix.
    let widened = check(&with_brokers(&acknowledged_with(&EXAMPLE, &fp)));
    let finding = widened
        .iter()
        .find(|d| d.code == Code::BrokenNoThirdPartySharing)
        .unwrap();
    assert!(finding.acknowledged.is_none() && finding.is_blocking_error());
    let stale = widened
        .iter()
        .find(|d| d.code == Code::StaleAcknowledgment)
        .unwrap();
    assert!(stale.is_blocking_error());
    assert!(stale.message.contains(&fp), "{}", stale.message);
    let now = finding.fingerprint.clone().unwrap();
    assert!(stale.message.contains(&now), "{}", stale.message);
    assert!(
        stale
            .message
            .contains("recipient `brokers (unrelated, always)` added"),
        "{}",
        stale.message
    );
    let fix = stale.fix.as_ref().expect("a fix");
    assert_eq!(fix.edits.len(), 1);
    assert_eq!(fix.edits[0].replacement, now);

    // Refreshing the fingerprint accepts the widened finding.
    let refreshed = check(&acknowledged_with(&with_brokers(&EXAMPLE), &now));
    assert!(
        refreshed.iter().all(|d| !d.is_blocking_error()),
        "{refreshed:#?}"
    );

    // Brokers later allowed by the promise: the acknowledged brokers flows are
    // named as no longer in the finding.
    let allowed = acknowledged_with(&with_brokers(&EXAMPLE), &now).replace(
        "    claim no-third-party-sharing\n",
        "    claim no-third-party-sharing\n    allow brokers\n",
    );
    let narrowed = check(&allowed);
    let stale = narrowed
        .iter()
        .find(|d| d.code == Code::StaleAcknowledgment)
        .unwrap();
    assert!(
        stale
            .message
            .contains("with recipient `brokers (unrelated, always)` no longer in it"),
        "{}",
        stale.message
    );
    // A change no single fact explains: the finding's flows are listed.
    let other = check(&acknowledged_with(&EXAMPLE, "0123456789ab"));
    let stale = other
        .iter()
        .find(|d| d.code == Code::StaleAcknowledgment)
        .unwrap();
    assert!(
        stale.message.contains("the finding is about"),
        "{}",
        stale.message
    );
}

#[test]
fn old_acknowledgments_still_match_by_code_and_target_with_a_warning() {
    let ds = check(&with_brokers(&EXAMPLE));
    assert!(ds.iter().all(|d| !d.is_blocking_error()), "{ds:#?}");
    let now = c402(&with_brokers(&EXAMPLE));
    let warning = ds
        .iter()
        .find(|d| d.code == Code::AcknowledgmentWithoutFingerprint)
        .expect("A604");
    assert!(
        warning
            .help
            .as_deref()
            .is_some_and(|h| h.contains(&format!("add `fingerprint {now}` before `because`"))),
        "{warning:#?}"
    );
    let fix = warning.fix.as_ref().expect("a fix");
    assert_eq!(fix.edits[0].replacement, format!("fingerprint {now} "));
    assert_eq!(
        fix.edits[0].span.start, fix.edits[0].span.end,
        "an insertion"
    );
    // Applying the fix gives the fingerprinted acknowledgment, which checks clean.
    let mut text = with_brokers(&EXAMPLE);
    text.insert_str(fix.edits[0].span.start(), &fix.edits[0].replacement);
    let ds = check(&text);
    assert!(ds.iter().all(|d| d.severity != policyc::diagnostic::Severity::Warning && !d.is_blocking_error()), "{ds:#?}");
}

#[test]
fn the_formatter_keeps_the_fingerprint() {
    let text =
        acknowledged_with(&EXAMPLE, &c402(&EXAMPLE)).replace("  acknowledge", "      acknowledge");
    let formatted =
        policyc::fmt::format_source(&SourceFile::new("t.policy", text.as_str())).unwrap();
    assert!(
        formatted.contains(&format!(
            "  acknowledge C402 at share card-processor fingerprint {} because",
            c402(&EXAMPLE)
        )),
        "{formatted}"
    );
    assert_eq!(
        policyc::fmt::format_source(&SourceFile::new("t.policy", formatted.as_str())).unwrap(),
        formatted
    );
}

#[test]
fn fingerprints_survive_the_source_writer_and_yaml() {
    let fp = c402(&EXAMPLE);
    let text = acknowledged_with(&EXAMPLE, &fp);
    let c = engine::compile_bytes("t.policy", text.as_bytes());
    let set = c.model.expect("a model");
    assert_eq!(
        set.policies[0].acknowledgments[0].fingerprint.as_deref(),
        Some(fp.as_str())
    );
    let written = policyc::emit::source::write(&set);
    assert!(
        written.contains(&format!("fingerprint {fp} because")),
        "{written}"
    );
    let again = check(&written);
    assert!(again.iter().all(|d| !d.is_blocking_error()), "{again:#?}");
    let yaml = yaml_serde::to_string(&set).unwrap();
    assert!(yaml.contains(&format!("fingerprint: {fp}")), "{yaml}");
    let from_yaml = engine::compile_bytes("t.yaml", yaml.as_bytes()).diagnostics;
    let finding = from_yaml
        .iter()
        .find(|d| d.code == Code::BrokenNoThirdPartySharing)
        .unwrap();
    assert!(finding.acknowledged.is_some(), "{from_yaml:#?}");
    assert_eq!(finding.fingerprint.as_deref(), Some(fp.as_str()));
}

#[test]
fn a_malformed_fingerprint_is_a_located_error_and_old_targets_still_read() {
    let ds = check(&acknowledged_with(&EXAMPLE, "XYZ"));
    assert!(
        ds.iter()
            .any(|d| d.message.contains("`XYZ` is not a fingerprint")),
        "{ds:#?}"
    );
    // A target is a keyword and a name: `fingerprint` as a name is still a name.
    let named = EXAMPLE.replace("card-processor", "fingerprint");
    let ds = check(&named);
    assert!(ds.iter().all(|d| !d.is_blocking_error()), "{ds:#?}");
}

#[test]
fn update_acknowledgments_writes_and_refreshes_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.policy");
    let stale = dir.path().join("stale.policy");
    std::fs::write(&old, with_brokers(&EXAMPLE)).unwrap();
    let base = c402(&EXAMPLE);
    std::fs::write(&stale, with_brokers(&acknowledged_with(&EXAMPLE, &base))).unwrap();
    let now = c402(&with_brokers(&EXAMPLE));
    // Without the flag the stale one fails.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .arg("check")
        .arg(&stale)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "--update-acknowledgments"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{stderr}\n{}",
        String::from_utf8_lossy(&run.stdout)
    );
    assert!(
        stderr.contains(&format!("fingerprint {now} added")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("fingerprint {base} replaced by {now}")),
        "{stderr}"
    );
    for file in [&old, &stale] {
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            text.contains(&format!("acknowledge C402 at share card-processor fingerprint {now} because \"The published")),
            "{text}"
        );
        // Nothing else changed.
        assert_eq!(
            text.replace(&format!("fingerprint {now} "), ""),
            with_brokers(&EXAMPLE),
        );
    }
    // A second run has nothing to write.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["check", "--update-acknowledgments"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&run.stderr).contains("fingerprint"));
}

#[test]
fn diff_treats_fingerprints_as_review_records() {
    // Acknowledgments are review records, not promises to people (src/diff):
    // adding or refreshing a fingerprint changes nothing `policyc diff` reports.
    let model = |text: &str| {
        engine::compile_bytes("t.policy", text.as_bytes())
            .model
            .expect("a model")
    };
    let fp = c402(&EXAMPLE);
    let without = model(&EXAMPLE);
    let with = model(&acknowledged_with(&EXAMPLE, &fp));
    let d = policyc::diff::diff(&without, &with);
    assert!(d.changes.is_empty(), "{:#?}", d.changes);
    let refreshed = model(&acknowledged_with(&EXAMPLE, "0123456789ab"));
    assert!(policyc::diff::diff(&with, &refreshed).changes.is_empty());
    // What the flows are about still is compared: brokers added is a change.
    let widened = model(&with_brokers(&acknowledged_with(&EXAMPLE, &fp)));
    assert!(policyc::diff::diff(&with, &widened).has_material());
}
