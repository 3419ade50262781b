//! Resolve: what the language's items become in the model.

#![allow(clippy::expect_used, clippy::panic)]

use policyc::diagnostic::Code;
use policyc::engine;
use policyc::model::{Claim, DataRef, DataUse, Policy};
use policyc::span::SourceFile;
use policyc::vocabulary::{Category, Purpose, Required};

fn policy(body: &str) -> Policy {
    let text = format!("policy main {{\n  title \"T\"\n{body}\n}}\n");
    let (set, diags) = policyc::resolve::compile_policy_source(&SourceFile::new("t.policy", text));
    assert!(diags.is_empty(), "{diags:#?}");
    set.expect("a model").policies.remove(0)
}

fn codes(body: &str) -> Vec<Code> {
    let text = format!("policy main {{\n  title \"T\"\n{body}\n}}\n");
    let c = engine::compile(&SourceFile::new("t.policy", text));
    // Resolve's own findings: the checks report on the rest of the policy too.
    c.diagnostics
        .iter()
        .filter(|d| d.code.id().starts_with(['S', 'L']))
        .map(|d| d.code)
        .collect()
}

#[test]
fn covers_without_block_includes_the_whole_site() {
    let p = policy("  covers \"www.example.com\"");
    assert_eq!(p.covers[0].include, vec!["/*"]);
}

#[test]
fn expiry_units() {
    assert_eq!(policy("  expiry 1 week").expiry_seconds, Some(604_800));
    assert_eq!(policy("  expiry 90 minutes").expiry_seconds, Some(5_400));
}

#[test]
fn categories_take_the_rest_of_the_line_across_commas() {
    let p = policy(
        "  collect c {\n    data contact, dynamic.miscdata optional categories purchase,\n      preference\n    for current\n  }\n  data contact {\n    user.name\n  }",
    );
    let data = &p.statements[0].data;
    assert!(matches!(&data[0], DataUse::Set { name, .. } if name == "contact"));
    match &data[1] {
        DataUse::Item(i) => {
            assert_eq!(i.data, DataRef::Schema("dynamic.miscdata".into()));
            assert!(i.optional);
            assert_eq!(i.categories, vec![Category::Purchase, Category::Preference]);
        }
        DataUse::Set { .. } => panic!("expected an item"),
    }
}

#[test]
fn purposes_with_choices_and_descriptions() {
    let p = policy("  collect c {\n    for current, contact opt-out, other-purpose \"fraud checks\" opt-in\n  }");
    let purposes = &p.statements[0].purposes;
    assert_eq!(purposes[1].purpose, Purpose::Contact);
    assert_eq!(purposes[1].required, Required::OptOut);
    assert_eq!(purposes[2].description.as_deref(), Some("fraud checks"));
    assert_eq!(purposes[2].required, Required::OptIn);
}

#[test]
fn claims_with_names_and_acknowledgment_targets() {
    // The old form keeps its meaning; resolve warns (L109) and suggests the scope line.
    let text = "policy main {\n  title \"T\"\n  promise p \"Logs are not linked.\" {\n    claim not-linked dynamic.http, logs\n  }\n  acknowledge c402 at share service-providers because \"quoted\"\n}\n";
    let (set, diags) =
        policyc::resolve::compile_policy_source(&SourceFile::new("t.policy", text.to_string()));
    assert_eq!(
        diags.iter().map(|d| d.code).collect::<Vec<_>>(),
        vec![Code::DeprecatedClaimForm],
        "{diags:#?}"
    );
    let p = set.expect("a model").policies.remove(0);
    assert_eq!(
        p.promises[0].claim,
        Claim::NotLinked(vec!["dynamic.http".into(), "logs".into()])
    );
    assert_eq!(p.acknowledgments[0].code, "C402");
    assert_eq!(p.acknowledgments[0].at, "share service-providers");
}

#[test]
fn multi_line_strings_fold() {
    let p = policy("  summary \"one\n             two\n\n             three\"");
    assert_eq!(p.summary.as_deref(), Some("one two\n\nthree"));
}

#[test]
fn every_error_is_reported_in_one_run() {
    let found = codes(
        "  titel \"x\"\n  effective 2014-99-99\n  access everything\n  data d {\n    user.nmae\n  }\n  collect c {\n    for current\n    for admin\n    retain\n  }",
    );
    for code in [
        Code::UnknownKeyword,
        Code::InvalidValue,
        Code::UnknownTerm,
        Code::UnknownDataElement,
        Code::DuplicateProperty,
        Code::MissingValue,
    ] {
        assert!(found.contains(&code), "{code} missing from {found:?}");
    }
}

/// `logo` in a `dispute`: P3P DISPUTES `IMG` (REC §3.2.6).
#[test]
fn dispute_logo_with_and_without_size() {
    let p = policy(
        "  dispute independent \"https://seal.example.org\" {\n    logo \"https://seal.example.org/logo.gif\" \"Seal\" {\n      width 88\n      height 31\n    }\n  }",
    );
    let logo = p.disputes[0].logo.as_ref().expect("a logo");
    assert_eq!(logo.src, "https://seal.example.org/logo.gif");
    assert_eq!(logo.alt, "Seal");
    assert_eq!((logo.width, logo.height), (Some(88), Some(31)));
    let p = policy(
        "  dispute independent \"https://seal.example.org\" {\n    logo \"/seal.gif\" \"Seal\"\n  }",
    );
    let logo = p.disputes[0].logo.as_ref().expect("a logo");
    assert_eq!((logo.width, logo.height), (None, None));
}

#[test]
fn dispute_logo_errors() {
    let d = |inner: &str| {
        codes(&format!(
            "  dispute court \"https://c.example.org\" {{\n{inner}\n  }}"
        ))
    };
    // alt missing (L102), src missing (one L102, not two)
    assert_eq!(
        d("    logo \"https://c.example.org/l.gif\""),
        [Code::MissingValue]
    );
    assert_eq!(d("    logo"), [Code::MissingValue]);
    // src not a URL (L106); a size that is not a whole number (L106)
    assert_eq!(
        d("    logo \"javascript:x\" \"Seal\""),
        [Code::InvalidValue]
    );
    assert_eq!(
        d("    logo \"mailto:a@c.example.org\" \"Seal\""),
        [Code::InvalidValue]
    );
    assert_eq!(
        d("    logo \"/l.gif\" \"Seal\" {\n      width -3\n    }"),
        [Code::InvalidValue]
    );
    // twice (L105), a size twice (L105), an unknown keyword in its block (L101)
    assert_eq!(
        d("    logo \"/l.gif\" \"Seal\"\n    logo \"/m.gif\" \"Seal\""),
        [Code::DuplicateProperty]
    );
    assert_eq!(
        d("    logo \"/l.gif\" \"Seal\" {\n      width 1\n      width 2\n    }"),
        [Code::DuplicateProperty]
    );
    assert_eq!(
        d("    logo \"/l.gif\" \"Seal\" {\n      depth 1\n    }"),
        [Code::UnknownKeyword]
    );
}

#[test]
fn cookie_and_share_titles_right_opt_out_and_security_texts() {
    let p = policy(
        "  recipient processor other-recipient\n  cookie session \"Session cookies\" {\n    for current\n  }\n  share payments \"Paying for orders\" {\n    with processor\n  }\n  security {\n    text \"We take care.\"\n    firewall \"A firewall\"\n  }\n  security {\n    backups \"Nightly\"\n  }\n  right access \"Email us\" {\n    text \"We answer within a month.\"\n  }\n  opt-out mail \"Unsubscribe\" {\n    text \"It stops at once.\"\n  }",
    );
    assert_eq!(p.cookies[0].title.as_deref(), Some("Session cookies"));
    assert_eq!(p.sharing[0].title.as_deref(), Some("Paying for orders"));
    assert_eq!(p.security_text.as_deref(), Some("We take care."));
    assert_eq!(p.security.len(), 2);
    assert_eq!(
        p.rights[0].text.as_deref(),
        Some("We answer within a month.")
    );
    assert_eq!(p.opt_outs[0].text.as_deref(), Some("It stops at once."));
    let untitled = policy("  cookie session {\n    for current\n  }");
    assert_eq!(untitled.cookies[0].title, None);
}

#[test]
fn new_practice_prose_is_validated_like_its_neighbours() {
    // A second title is an unexpected value.
    assert_eq!(
        codes("  cookie c \"A\" \"B\" {\n    for current\n  }"),
        [Code::UnexpectedValue]
    );
    // `text` once per block, and once across the policy's `security` blocks.
    assert_eq!(
        codes("  right access \"Email us\" {\n    text \"a\"\n    text \"b\"\n  }"),
        [Code::DuplicateProperty]
    );
    assert_eq!(
        codes("  security {\n    text \"a\"\n  }\n  security {\n    text \"b\"\n  }"),
        [Code::DuplicateProperty]
    );
    assert_eq!(
        codes("  opt-out o \"how\" {\n    text\n  }"),
        [Code::MissingValue]
    );
}
