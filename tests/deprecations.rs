//! Old promise forms (`claim not-linked NAMES`, `claim no-identifiable-collection
//! NAMES`): they keep their meaning, get the L109 warning, and its fix writes the
//! scoped form, after which the policy checks the same with no warning. No seed and
//! no example uses them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::diagnostic::{Code, Diagnostic};
use policyc::engine;
use policyc::span::SourceFile;
use std::path::Path;

fn compile(path: &str, text: &str) -> Vec<Diagnostic> {
    engine::compile(&SourceFile::new(path, text.to_string())).diagnostics
}

/// Applies every edit of every fix, last first.
fn apply_fixes(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut edits: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| f.edits.iter())
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.range(), &e.replacement);
    }
    out
}

/// (code, line) of every finding other than L109.
fn others(diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    let mut v: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code != Code::DeprecatedClaimForm)
        .map(|d| (d.code.id().to_string(), d.message.clone()))
        .collect();
    v.sort();
    v
}

const OLD: &str = r#"policy site {
  title "Example site privacy policy"
  discuri "https://www.example.com/privacy"
  access none
  entity "Example, Inc." {
    email "privacy@example.com"
  }
  subject visitors "People who browse the site"
  subject members "People with an account"
  data logs "Server logs" {
    dynamic.clickstream
  }
  collect browsing "Browsing" {
    from visitors, members
    data logs, user.home-info.online.email
    for admin
    to ours
    retain stated-purpose "30 days"
  }
  promise logs-not-linked "Our server logs are not linked to you." {
    claim not-linked logs, dynamic.http
  }
  promise nothing-from-visitors "We collect nothing that identifies visitors." {
    claim no-identifiable-collection visitors
    subjects members
  }
}
"#;

#[test]
fn the_old_form_keeps_its_meaning_and_the_fix_writes_the_scoped_one() {
    let before = compile("old.policy", OLD);
    let warned: Vec<_> = before
        .iter()
        .filter(|d| d.code == Code::DeprecatedClaimForm)
        .collect();
    assert_eq!(warned.len(), 2, "{before:#?}");
    // The promises still bite: the old names are in scope.
    assert!(before.iter().any(|d| d.code.id() == "C406"), "{before:#?}");
    assert!(before.iter().any(|d| d.code.id() == "C407"), "{before:#?}");

    let fixed = apply_fixes(OLD, &before);
    assert!(
        fixed.contains("    claim not-linked\n    data logs, dynamic.http\n"),
        "{fixed}"
    );
    assert!(
        fixed.contains("    claim no-identifiable-collection\n    subjects members, visitors\n"),
        "{fixed}"
    );
    let after = compile("fixed.policy", &fixed);
    assert!(
        after.iter().all(|d| d.code != Code::DeprecatedClaimForm),
        "{after:#?}"
    );
    assert_eq!(others(&after), others(&before));
    // The fixed file is already in canonical form.
    let formatted =
        policyc::fmt::format_source(&SourceFile::new("fixed.policy", fixed.clone())).unwrap();
    assert_eq!(formatted, fixed);
}

#[test]
fn no_seed_or_example_uses_an_old_form() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["policies", "examples"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !matches!(ext, "policy" | "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let found = compile(&path.display().to_string(), &text);
            assert!(
                found.iter().all(|d| d.code != Code::DeprecatedClaimForm),
                "{} uses an old promise form",
                path.display()
            );
        }
    }
}
