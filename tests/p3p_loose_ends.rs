//! Issue 12, items 1-7: per-site headers (REC §4), exact cookie bindings (REC
//! §2.3.2.1), ACCESS in merged compact policies (REC §4.2.1), consent-gated
//! third-party cookies (REC §3.3.5, §4.2.5), reference-file patterns and methods
//! (REC §2.3.2.1-2), NON-IDENTIFIABLE statements without data (REC §3.3.1) and
//! `other-category` text (REC §3.4).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::emit::p3p::compact::compact_policy;
use policyc::emit::p3p::P3pEmitter;
use policyc::emit::{EmitOptions, Emitter, Output};
use policyc::engine::{self, Compilation};
use policyc::p3p::document::{P3pPolicy, PolicyFile, ReferenceFile};
use policyc::p3p::read::{read, P3pDocument};
use policyc::span::SourceFile;

mod repo_files;

fn compile(text: &str) -> Compilation {
    engine::compile(&SourceFile::new("t.policy", text))
}

/// `check::p3p_bindings` reads `emit::p3p::bindings`: it must say what `derive`
/// (the emitter's) says, and fail where it fails. Returns how many P314/P315
/// bindings there were.
fn bindings_agree(set: &policyc::model::PolicySet, what: &str) -> usize {
    let derived = policyc::emit::p3p::derive(set);
    let bound = policyc::emit::p3p::bindings(set);
    match (derived, bound) {
        (Ok(d), Ok(b)) => {
            assert_eq!(
                format!("{:?}", (&d.access_splits, &d.shadowed)),
                format!("{:?}", (&b.access_splits, &b.shadowed)),
                "{what}"
            );
            b.access_splits.len() + b.shadowed.len()
        }
        (Err(d), Err(b)) => {
            assert_eq!(d, b, "{what}");
            0
        }
        (d, b) => panic!("{what}: derive {:?}, bindings {:?}", d.err(), b.err()),
    }
}

#[test]
fn the_checks_bindings_are_the_emitters() {
    let mut found = 0;
    for path in repo_files::policy_files(&["policies", "examples", "tests"]) {
        // Some test inputs are not UTF-8 on purpose.
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let c = engine::compile(&SourceFile::new(path.display().to_string(), text));
        if let Some(set) = &c.model {
            found += bindings_agree(set, &path.display().to_string());
        }
    }
    for text in [
        TWO_UNNAMED.to_string(),
        TWO_UNNAMED
            .replace("cookie tracking {", "cookie tracking {\n    name \"_trk\"")
            .replacen("access none", "access all", 1),
    ] {
        let c = compile(&text);
        found += bindings_agree(c.model.as_ref().unwrap(), &text);
    }
    assert!(found >= 2, "{found}");
}

fn codes(c: &Compilation) -> Vec<&'static str> {
    c.diagnostics.iter().map(|d| d.code.id()).collect()
}

fn emit(c: &Compilation) -> Vec<Output> {
    let model = c
        .valid_model()
        .unwrap_or_else(|| panic!("{:#?}", c.diagnostics));
    P3pEmitter.emit(model, &EmitOptions::default()).unwrap()
}

fn file<'a>(out: &'a [Output], path: &str) -> &'a str {
    let o = out.iter().find(|o| o.path == path).unwrap_or_else(|| {
        panic!(
            "no {path} among {:?}",
            out.iter().map(|o| &o.path).collect::<Vec<_>>()
        )
    });
    std::str::from_utf8(&o.bytes).unwrap()
}

fn read_policies(text: &str) -> PolicyFile {
    match read(&SourceFile::new("policy.xml", text)).document {
        Some(P3pDocument::Policies(p)) => p,
        other => panic!("{other:?}"),
    }
}

fn read_reference(text: &str) -> ReferenceFile {
    match read(&SourceFile::new("p3p.xml", text)).document {
        Some(P3pDocument::Reference(r, _)) => r,
        other => panic!("{other:?}"),
    }
}

/// The CP a user agent would derive for a site from the written files alone: the
/// policies the site's reference file binds cookies to (REC §4: the CP describes
/// the cookies), or, without cookie bindings, the policies covering its pages.
fn independent_cp(policy_xml: &str, reference_xml: &str) -> Option<String> {
    let policies = read_policies(policy_xml);
    let reference = read_reference(reference_xml);
    let name = |about: &str| about.rsplit('#').next().unwrap_or_default().to_string();
    let cookie: Vec<String> = reference
        .refs
        .iter()
        .filter(|r| !r.cookie_include.is_empty())
        .map(|r| name(&r.about))
        .collect();
    let chosen: Vec<String> = if cookie.is_empty() {
        reference.refs.iter().map(|r| name(&r.about)).collect()
    } else {
        cookie
    };
    let picked: Vec<P3pPolicy> = policies
        .policies
        .into_iter()
        .filter(|p| chosen.contains(&p.name))
        .collect();
    compact_policy(&picked)
}

fn header_cp(header: &str) -> Option<String> {
    header
        .split("CP=\"")
        .nth(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_string())
}

// 1. Every site gets its own header, whose CP is that site's.

#[test]
fn each_site_of_multiple_policies_gets_its_own_header() {
    let text = std::fs::read_to_string("examples/multiple-policies.policy").unwrap();
    let out = emit(&compile(&text));
    let policy = file(&out, "w3c/policy.xml");
    for site in ["www.example.com", "intranet.example.com"] {
        let header = file(&out, &format!("sites/{site}/p3p-header.txt"));
        let reference = file(&out, &format!("sites/{site}/w3c/p3p.xml"));
        assert_eq!(
            header_cp(header),
            independent_cp(policy, reference),
            "{site}: {header}"
        );
        for snippet in ["nginx.conf", "apache.conf", "link.html"] {
            assert!(!file(&out, &format!("sites/{site}/{snippet}")).is_empty());
        }
    }
    let intranet = file(&out, "sites/intranet.example.com/p3p-header.txt");
    assert!(intranet.contains("CP=\"ALL "), "{intranet}");
}

const TWO_SITES_WITH_COOKIES: &str = r#"
policy shop {
  title "Shop"
  discuri "https://shop.example.com/privacy"
  covers "shop.example.com"
  entity "Example" {
    email "privacy@example.com"
  }
  access none
  cookie basket {
    name "basket"
    categories state, purchase
    for current
    retain stated-purpose "until checkout"
  }
}

policy forum {
  title "Forum"
  discuri "https://forum.example.com/privacy"
  covers "forum.example.com"
  entity "Example" {
    email "privacy@example.com"
  }
  access all
  cookie login {
    name "session"
    categories uniqueid
    for current, individual-analysis
    to ours
    retain stated-purpose "while signed in"
    linked yes
  }
  collect account {
    data user.login.id, user.home-info.online.email
    for current
    to ours
    retain stated-purpose "while the account exists"
  }
}
"#;

#[test]
fn each_site_with_cookies_gets_the_cp_of_its_own_cookies() {
    let out = emit(&compile(TWO_SITES_WITH_COOKIES));
    let policy = file(&out, "w3c/policy.xml");
    for site in ["shop.example.com", "forum.example.com"] {
        let header = file(&out, &format!("sites/{site}/p3p-header.txt"));
        let reference = file(&out, &format!("sites/{site}/w3c/p3p.xml"));
        assert_eq!(
            header_cp(header),
            independent_cp(policy, reference),
            "{site}"
        );
    }
    assert!(file(&out, "sites/forum.example.com/p3p-header.txt").contains("CP=\"ALL "));
    assert!(file(&out, "sites/shop.example.com/p3p-header.txt").contains("CP=\"NON "));
}

// 2. Cookie bindings are exact, and check reports the ones that cannot match.

const TWO_UNNAMED: &str = r#"
policy first {
  title "First"
  discuri "https://www.example.com/a"
  entity "Example" {
    email "privacy@example.com"
  }
  access none
  cookie prefs {
    categories preference
    for tailoring
    retain stated-purpose "a year"
  }
}

policy second {
  title "Second"
  discuri "https://www.example.com/b"
  entity "Example" {
    email "privacy@example.com"
  }
  access none
  cookie tracking {
    categories navigation
    for pseudo-analysis
    retain stated-purpose "a year"
  }
}
"#;

#[test]
fn a_second_wildcard_cookie_binding_is_reported() {
    let c = compile(TWO_UNNAMED);
    assert!(codes(&c).contains(&"P314"), "{:#?}", c.diagnostics);
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "P314")
        .unwrap();
    assert!(
        d.message.contains("second") && d.message.contains("first"),
        "{}",
        d.message
    );
}

#[test]
fn cookies_collected_as_data_stay_bound_next_to_named_cookies() {
    let c = compile(
        r#"
policy site {
  title "Site"
  discuri "https://www.example.com/privacy"
  entity "Example" {
    email "privacy@example.com"
  }
  access none
  collect visits {
    data dynamic.cookies categories navigation
    for admin
    retain stated-purpose "a month"
    non-identifiable
  }
  cookie basket {
    name "basket"
    categories state
    for current
    retain stated-purpose "until checkout"
  }
}
"#,
    );
    let out = emit(&c);
    let reference = read_reference(file(&out, "w3c/p3p.xml"));
    let patterns: Vec<(String, String)> = reference
        .refs
        .iter()
        .flat_map(|r| {
            r.cookie_include
                .iter()
                .map(|p| (r.about.clone(), p.name.clone()))
        })
        .collect();
    assert_eq!(
        patterns,
        [
            (
                "/w3c/policy.xml#site-cookies".to_string(),
                "basket".to_string()
            ),
            ("/w3c/policy.xml#site-cookies".to_string(), "*".to_string()),
        ]
    );
}

#[test]
fn a_named_cookie_comes_before_another_policys_wildcard() {
    let text = TWO_UNNAMED.replace("cookie tracking {", "cookie tracking {\n    name \"_trk\"");
    let c = compile(&text);
    assert!(!codes(&c).contains(&"P314"), "{:#?}", c.diagnostics);
    let out = emit(&c);
    let reference = read_reference(file(&out, "w3c/p3p.xml"));
    let first = &reference.refs[0];
    assert_eq!(first.about, "/w3c/policy.xml#second-cookies");
    assert_eq!(first.cookie_include[0].name, "_trk");
}

// 3. ACCESS is never invented when policies disagree.

#[test]
fn disagreeing_access_never_invents_non() {
    let text = TWO_UNNAMED
        .replace("cookie tracking {", "cookie tracking {\n    name \"_trk\"")
        .replacen("access none", "access all", 1);
    let c = compile(&text);
    assert!(codes(&c).contains(&"P315"), "{:#?}", c.diagnostics);
    let out = emit(&c);
    let site = file(&out, "p3p-header.txt");
    assert!(
        site.contains("CP=\"ALL "),
        "the header stands for the first policy: {site}"
    );
    let second = file(&out, "policies/second/p3p-header.txt");
    assert!(second.contains("CP=\"NON "), "{second}");
    let first = file(&out, "policies/first/p3p-header.txt");
    assert!(first.contains("CP=\"ALL "), "{first}");
    // The site's server snippet says which policy its CP stands for.
    let nginx = file(&out, "nginx.conf");
    assert!(nginx.contains("compact policy of policy first"), "{nginx}");
}

// 4. A consent-gated third-party cookie names its provider once, with its choice.

#[test]
fn a_consent_gated_third_party_cookie_keeps_its_choice() {
    let c = compile(
        r#"
policy site {
  title "Site"
  discuri "https://www.example.com/privacy"
  opturi "https://www.example.com/choices"
  entity "Example" {
    email "privacy@example.com"
  }
  access none
  recipient ads unrelated "An advertising network"
  cookie ad {
    name "_ad"
    party third
    provider ads
    categories navigation
    for pseudo-analysis opt-in
    to ads opt-in
    retain stated-purpose "a year"
    linked no
    cross-site yes
  }
}
"#,
    );
    let out = emit(&c);
    let policy = file(&out, "w3c/policy.xml");
    assert_eq!(policy.matches("<unrelated").count(), 2, "{policy}");
    assert!(!policy.contains("<unrelated>"), "{policy}");
    let header = file(&out, "p3p-header.txt");
    assert!(header.contains(" UNRi"), "{header}");
    assert!(!header.contains(" UNR "), "{header}");
}

// 5. Patterns and methods of `covers` and cookies are validated.

fn with_covers(covers: &str) -> Compilation {
    compile(&format!(
        r#"
policy site {{
  title "Site"
  discuri "https://www.example.com/privacy"
  covers "www.example.com" {{
{covers}
  }}
  entity "Example" {{
    email "privacy@example.com"
  }}
  access none
  collect logs {{
    data dynamic.clickstream
    for admin
    retain stated-purpose "a month"
    non-identifiable
  }}
}}
"#
    ))
}

#[test]
fn bad_local_uri_patterns_and_methods_are_reported() {
    for bad in [
        "    include \"\\\\*\"",
        "    include \"catalog/*\"",
        "    include \"/a b\"",
        "    exclude \"/x\\ty\"",
        "    methods get",
    ] {
        let c = with_covers(bad);
        assert!(codes(&c).contains(&"P316"), "{bad}: {:#?}", c.diagnostics);
    }
    for good in [
        "    include \"/*\"",
        "    include \"/catalog/*\"\n    exclude \"/catalog/%7Ex\"",
        "    methods GET, HEAD, POST",
    ] {
        let c = with_covers(good);
        assert!(!codes(&c).contains(&"P316"), "{good}: {:#?}", c.diagnostics);
    }
}

#[test]
fn bad_cookie_patterns_are_reported() {
    let c = compile(&TWO_UNNAMED.replace(
        "cookie prefs {",
        "cookie prefs {\n    name \"a b\"\n    path \"nopath\"",
    ));
    assert!(codes(&c).contains(&"P316"), "{:#?}", c.diagnostics);
}

// 6. A NON-IDENTIFIABLE statement may have no data (REC §3.3.1).

#[test]
fn a_non_identifiable_statement_without_data_builds() {
    let c = compile(
        r#"
policy site {
  title "Site"
  discuri "https://www.example.com/privacy"
  entity "Example" {
    email "privacy@example.com"
  }
  access nonident
  collect nothing "We collect nothing" {
    non-identifiable
  }
}
"#,
    );
    let out = emit(&c);
    let policy = file(&out, "w3c/policy.xml");
    assert!(policy.contains("<NON-IDENTIFIABLE/>"), "{policy}");
    assert!(!policy.contains("<DATA-GROUP/>"), "{policy}");
    let back = read_policies(policy);
    assert!(back.policies[0].statements[0].data.is_empty());
    assert!(file(&out, "p3p-header.txt").contains("NID"));
}

// 7. `other-category` carries the description the source gives (REC §3.4).

#[test]
fn other_category_carries_its_description() {
    let c = compile(
        r#"
policy site {
  title "Site"
  discuri "https://www.example.com/privacy"
  entity "Example" {
    email "privacy@example.com"
  }
  access none
  data fleet "Vehicle fleet data" {
    dynamic.miscdata categories other-category
  }
  collect things {
    data fleet
    data custom "Shoe sizes" categories other-category
    for current
    to ours
    retain stated-purpose "a month"
  }
  cookie odd {
    name "odd"
    holds "a lucky number"
    categories other-category
    for current
    retain no-retention
  }
}
"#,
    );
    let out = emit(&c);
    let policy = file(&out, "w3c/policy.xml");
    for text in ["Vehicle fleet data", "Shoe sizes", "a lucky number"] {
        assert!(
            policy.contains(&format!("<other-category>{text}</other-category>")),
            "{text}: {policy}"
        );
    }
    assert!(!policy.contains("<other-category/>"), "{policy}");
}

#[test]
fn the_header_command_prints_each_sites_header() {
    let bin = env!("CARGO_BIN_EXE_policyc");
    let run = |args: &[&str]| {
        let o = std::process::Command::new(bin)
            .arg("header")
            .arg("examples/multiple-policies.policy")
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    let (code, intranet) = run(&["--site", "intranet.example.com"]);
    assert_eq!(code, Some(0));
    let out = emit(&compile(
        &std::fs::read_to_string("examples/multiple-policies.policy").unwrap(),
    ));
    assert_eq!(
        intranet,
        file(&out, "sites/intranet.example.com/p3p-header.txt")
    );
    let (code, _) = run(&["--site", "nowhere.example.com"]);
    assert_eq!(code, Some(2));
}
