//! Round trip through P3P: `import(build(x))`.
//!
//! P3P cannot carry everything a policy says (security, retention periods, rights,
//! prose, names), so equality is defined on the P3P-visible projection:
//!
//! 1. `build(import(build(x))) == build(x)` byte for byte: the policy file, the
//!    reference file and the compact policy header (import reads the policy file
//!    together with the reference file, which restores coverage and cookie blocks);
//! 2. the imported model's access, disputes and entity equal the original's, and
//!    its statements equal the original's expanded form: `collect` blocks, one
//!    statement per `share` rule and per `cookie`, data sets expanded, recipients
//!    resolved to their P3P value and description (`lower` = the P3P-visible form).
//!
//! The imported model is written as policy source and parsed again, so the source
//! writer is part of the round trip.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::type_complexity
)]

use policyc::emit::p3p::{derive, header, policy, reference, HeaderFormat};
use policyc::emit::source;
use policyc::engine;
use policyc::model::PolicySet;
use policyc::p3p::entity;
use policyc::p3p::import::import;
use policyc::p3p::read::{read, P3pDocument};
use policyc::span::SourceFile;
use proptest::prelude::*;

struct Built {
    policy_xml: String,
    reference_xml: String,
    header: String,
}

fn build(set: &PolicySet) -> Built {
    let out = derive(set).expect("derive");
    Built {
        policy_xml: String::from_utf8(policy::render(&out.policy_file).unwrap()).unwrap(),
        reference_xml: String::from_utf8(reference::render(&out.reference).unwrap()).unwrap(),
        header: header::snippet(HeaderFormat::Http, out.compact.as_deref()),
    }
}

/// Parses and resolves; the source must be valid (no syntax, language or reference
/// error). Checker findings are allowed: P3P does not carry what some checks want
/// (retention periods, opt-out channels), so an imported policy may need them added.
fn compile(path: &str, text: &str) -> PolicySet {
    let c = engine::compile(&SourceFile::new(path, text));
    let invalid: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_blocking_error() && matches!(&d.code.id()[..1], "S" | "L" | "R"))
        .collect();
    assert!(invalid.is_empty(), "{path}: {invalid:#?}\n{text}");
    c.model.unwrap()
}

/// `import` of the built files, written as source and parsed again.
fn reimport(built: &Built) -> PolicySet {
    let policies = match read(&SourceFile::new("policy.xml", built.policy_xml.as_str())).document {
        Some(P3pDocument::Policies(p)) => p,
        other => panic!("{other:?}"),
    };
    let refs = match read(&SourceFile::new("p3p.xml", built.reference_xml.as_str())).document {
        Some(P3pDocument::Reference(r, _)) => r,
        other => panic!("{other:?}"),
    };
    let (set, _) = import(&policies, Some(&refs));
    compile("imported.policy", &source::write(&set))
}

fn assert_round_trip(name: &str, x: &PolicySet) {
    let first = build(x);
    let imported = reimport(&first);
    let second = build(&imported);
    assert_eq!(first.policy_xml, second.policy_xml, "{name}: policy file");
    assert_eq!(
        first.reference_xml, second.reference_xml,
        "{name}: reference file"
    );
    assert_eq!(first.header, second.header, "{name}: header");
    let a = derive(x).unwrap().policy_file;
    let b = derive(&imported).unwrap().policy_file;
    assert_eq!(a, b, "{name}: statements (expanded form)");
    for (p, q) in x.policies.iter().zip(&imported.policies) {
        assert_eq!(p.access, q.access, "{name}: access");
        assert_eq!(p.disputes, q.disputes, "{name}: disputes");
        assert_eq!(
            p.entity.as_ref().map(entity::lower),
            q.entity.as_ref().map(entity::lower),
            "{name}: entity"
        );
    }
}

fn policy_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in ["policies", "tests/fixtures/p3p", "tests/fixtures/full"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "policy") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_policy_round_trips_through_p3p() {
    let files = policy_files();
    assert!(files.len() >= 6, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        assert_round_trip(&name, &compile(&name, &text));
    }
}

#[test]
fn the_source_writer_round_trips_the_whole_language() {
    let text = std::fs::read_to_string("tests/fixtures/full/input.policy").unwrap();
    let x = compile("full.policy", &text);
    let written = source::write(&x);
    let again = compile("written.policy", &written);
    assert_eq!(x, again, "{written}");
    // canonical: writing again gives the same text
    assert_eq!(written, source::write(&again));
}

// ---- property test over generated policies ----

const ELEMENTS: &[&str] = &[
    "user.name",
    "user.home-info.online.email",
    "user.bdate.ymd.year",
    "user.login.id",
    "dynamic.clickstream",
    "dynamic.http.useragent",
    "business.name",
];
const PURPOSES: &[&str] = &[
    "current",
    "admin",
    "develop",
    "tailoring",
    "pseudo-analysis",
    "contact",
    "telemarketing",
];
const CHOICES: &[&str] = &["", " opt-in", " opt-out"];
const RECIPIENTS: &[&str] = &["ours", "same", "delivery", "unrelated", "partners"];
const RETENTION: &[&str] = &["no-retention", "stated-purpose", "indefinitely"];
const CATEGORIES: &[&str] = &["state", "navigation", "preference", "uniqueid"];

fn pick<'a>(list: &'a [&'a str], i: usize) -> &'a str {
    list[i % list.len()]
}

#[derive(Debug, Clone)]
struct Gen {
    statements: Vec<(
        Vec<usize>,
        Vec<(usize, usize)>,
        Vec<(usize, usize)>,
        usize,
        bool,
        bool,
    )>,
    cookies: Vec<(usize, usize, usize, bool)>,
    share: Option<(usize, usize)>,
    access: usize,
}

fn gen() -> impl Strategy<Value = Gen> {
    let statement = (
        prop::collection::vec(0..ELEMENTS.len(), 1..4),
        prop::collection::vec((0..PURPOSES.len(), 0..3usize), 1..3),
        prop::collection::vec((0..RECIPIENTS.len(), 0..3usize), 1..3),
        0..RETENTION.len(),
        any::<bool>(),
        any::<bool>(),
    );
    (
        prop::collection::vec(statement, 1..4),
        prop::collection::vec(
            (
                0..CATEGORIES.len(),
                0..PURPOSES.len(),
                0..3usize,
                any::<bool>(),
            ),
            0..3,
        ),
        prop::option::of((0..3usize, 0..ELEMENTS.len())),
        0..6usize,
    )
        .prop_map(|(statements, cookies, share, access)| Gen {
            statements,
            cookies,
            share,
            access,
        })
}

fn source_of(g: &Gen) -> String {
    use std::fmt::Write as _;
    let access = [
        "nonident",
        "all",
        "contact-and-other",
        "ident-contact",
        "other-ident",
        "none",
    ];
    let mut s = String::new();
    s.push_str("policy generated {\n  title \"Generated\"\n  opturi \"https://example.com/opt\"\n");
    s.push_str("  entity \"Example \\\"Co\\\" & <Sons>\" {\n    phone \"+44 20 7946 0000\"\n  }\n");
    let _ = writeln!(s, "  access {}", access[g.access % access.len()]);
    s.push_str("  dispute service \"https://example.com/help\" {\n");
    // The seal's IMG (REC §3.2.6), with a size, without one, or absent.
    match g.access % 3 {
        0 => s.push_str("    logo \"https://example.com/seal.gif?a=1&b=<2>\" \"Seal \\\"&\\\" co.\" {\n      width 88\n      height 31\n    }\n"),
        1 => s.push_str("    logo \"/seal.gif\" \"Seal\"\n"),
        _ => {}
    }
    s.push_str("    remedies correct\n  }\n");
    s.push_str("  recipient partners same \"Partners & co.\"\n");
    for (i, (data, purposes, recipients, retention, nid, optional)) in
        g.statements.iter().enumerate()
    {
        let _ = writeln!(s, "  collect s{i} {{");
        let mut seen = Vec::new();
        let items: Vec<String> = data
            .iter()
            .filter(|d| {
                let fresh = !seen.contains(*d);
                seen.push(**d);
                fresh
            })
            .map(|d| {
                format!(
                    "{}{}",
                    pick(ELEMENTS, *d),
                    if *optional { " optional" } else { "" }
                )
            })
            .collect();
        let _ = writeln!(s, "    data {}", items.join(", "));
        let ps: Vec<String> = purposes
            .iter()
            .map(|(p, c)| {
                let p = pick(PURPOSES, *p);
                let c = if p == "current" {
                    ""
                } else {
                    pick(CHOICES, *c)
                };
                format!("{p}{c}")
            })
            .collect();
        let _ = writeln!(s, "    for {}", ps.join(", "));
        let rs: Vec<String> = recipients
            .iter()
            .map(|(r, c)| {
                let r = pick(RECIPIENTS, *r);
                let c = if r == "ours" { "" } else { pick(CHOICES, *c) };
                format!("{r}{c}")
            })
            .collect();
        let _ = writeln!(s, "    to {}", rs.join(", "));
        let _ = writeln!(s, "    retain {}", pick(RETENTION, *retention));
        if *nid {
            s.push_str("    non-identifiable\n");
        }
        s.push_str("    consequence \"Because <we> & \\\"you\\\" agreed.\\n\\nA second paragraph.\"\n  }\n");
    }
    for (i, (cat, purpose, choice, linked)) in g.cookies.iter().enumerate() {
        let p = pick(PURPOSES, *purpose);
        let c = if p == "current" {
            ""
        } else {
            pick(CHOICES, *choice)
        };
        let _ = writeln!(
            s,
            "  cookie c{i} {{\n    name \"c{i}\"\n    categories {}\n    for {p}{c}\n    retain stated-purpose\n    linked {}\n  }}",
            pick(CATEGORIES, *cat),
            if *linked { "yes" } else { "no" }
        );
    }
    if let Some((choice, element)) = g.share {
        let c = pick(CHOICES, choice).trim();
        let _ = writeln!(
            s,
            "  share sh {{\n    with partners\n    data {}\n{}  }}",
            pick(ELEMENTS, element),
            if c.is_empty() {
                String::new()
            } else {
                format!("    choice {c}\n")
            }
        );
    }
    s.push_str("}\n");
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_policies_round_trip(g in gen()) {
        let text = source_of(&g);
        let c = engine::compile(&SourceFile::new("generated.policy", text.as_str()));
        let Some(x) = c.model.clone() else {
            panic!("{text}\n{:#?}", c.diagnostics);
        };
        assert_round_trip(&text, &x);
    }
}
