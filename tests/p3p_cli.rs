//! `policyc build`, `header`, `explain-cp` and `import` from the command line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn policyc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .output()
        .expect("run policyc")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir`, relative path → bytes.
fn snapshot_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

const FIXTURES: &str = "tests/fixtures/p3p";

#[test]
fn build_writes_the_layout_and_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for out in [&a, &b] {
        let o = policyc(&["build", FIXTURES, "--out", out.path().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let first = snapshot_dir(a.path());
    assert_eq!(first, snapshot_dir(b.path()));
    for stem in ["rec-3.1-forBrowsers", "rec-3.2-forShoppers"] {
        for file in [
            "w3c/policy.xml",
            "w3c/p3p.xml",
            "p3p-header.txt",
            "nginx.conf",
            "apache.conf",
            "link.html",
        ] {
            assert!(
                first.contains_key(&format!("{stem}/{file}")),
                "{stem}/{file}"
            );
        }
    }
}

#[test]
fn a_failing_build_leaves_earlier_outputs_untouched() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let good = std::fs::read_to_string(format!("{FIXTURES}/rec-3.1-forBrowsers.policy")).unwrap();
    std::fs::write(src.path().join("a.policy"), &good).unwrap();
    let o = policyc(&[
        "build",
        src.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = snapshot_dir(out.path());
    assert!(!before.is_empty());

    // a changed, valid policy next to a broken one: nothing may be written
    std::fs::write(
        src.path().join("a.policy"),
        good.replace("access nonident", "access none"),
    )
    .unwrap();
    std::fs::write(src.path().join("b.policy"), "policy broken {\n  title\n").unwrap();
    let o = policyc(&[
        "build",
        src.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing written"), "{}", stderr(&o));
    assert_eq!(before, snapshot_dir(out.path()));
}

#[test]
fn generated_xml_validates_against_the_schema() {
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("note: xmllint not installed; skipping schema validation (.ci/run installs it)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let o = policyc(&[
        "build",
        FIXTURES,
        "tests/fixtures/full",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files: Vec<String> = snapshot_dir(out.path())
        .keys()
        .filter(|k| Path::new(k).extension().is_some_and(|e| e == "xml"))
        .map(|k| out.path().join(k).display().to_string())
        .collect();
    assert!(files.len() >= 12);
    let v = Command::new("xmllint")
        .args(["--noout", "--schema", "schema/p3p1.xsd"])
        .args(&files)
        .output()
        .unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
}

#[test]
fn the_schema_rejects_what_the_rec_forbids() {
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("note: xmllint not installed; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = r##"<POLICIES xmlns="http://www.w3.org/2002/01/P3Pv1"><POLICY name="p" discuri="http://e.example/">
<ENTITY><DATA-GROUP><DATA ref="#business.name">E</DATA></DATA-GROUP></ENTITY>
<ACCESS><nonident/></ACCESS>
<STATEMENT><PURPOSE><current required="opt-in"/></PURPOSE><RECIPIENT><ours/></RECIPIENT>
<RETENTION><stated-purpose/></RETENTION><DATA-GROUP><DATA ref="#user.name"/></DATA-GROUP></STATEMENT>
</POLICY></POLICIES>"##;
    let path = dir.path().join("bad.xml");
    std::fs::write(&path, bad).unwrap();
    let v = Command::new("xmllint")
        .args([
            "--noout",
            "--schema",
            "schema/p3p1.xsd",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!v.status.success(), "`current` must not take `required`");
}

#[test]
fn generated_headers_explain_clean() {
    for fixture in ["rec-3.2-forShoppers.policy", "rec-2.5-cookies.policy"] {
        let o = policyc(&["header", &format!("{FIXTURES}/{fixture}")]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let header = stdout(&o);
        assert!(
            header.starts_with("P3P: policyref=\"/w3c/p3p.xml\", CP=\""),
            "{header}"
        );
        let e = policyc(&["explain-cp", "--strict", header.trim_end()]);
        assert_eq!(e.status.code(), Some(0), "{header}: {}", stderr(&e));
        assert!(!stderr(&e).contains('['), "{}", stderr(&e));
    }
}

#[test]
fn header_prints_every_deploy_form() {
    let file = format!("{FIXTURES}/rec-3.2-forShoppers.policy");
    let cp = "CP=\"CAO DSP COR CUR ADM DEV TAI PSDi IVDi CONi OUR SAMi STP PHY ONL UNI PUR COM NAV DEM STA PRE\"";
    let http = stdout(&policyc(&["header", &file, "--format", "http"]));
    assert_eq!(http, format!("P3P: policyref=\"/w3c/p3p.xml\", {cp}\n"));
    let nginx = stdout(&policyc(&["header", &file, "--format", "nginx"]));
    assert!(nginx.contains(&format!(
        "add_header P3P 'policyref=\"/w3c/p3p.xml\", {cp}' always;"
    )));
    let apache = stdout(&policyc(&["header", &file, "--format", "apache"]));
    assert!(apache.contains(&format!(
        "Header always set P3P 'policyref=\"/w3c/p3p.xml\", {cp}'"
    )));
    let link = stdout(&policyc(&["header", &file, "--format", "html-link"]));
    assert_eq!(link, "<link rel=\"P3Pv1\" href=\"/w3c/p3p.xml\">\n");
}

#[test]
fn explain_cp_decodes_and_reports_every_problem() {
    let o = policyc(&[
        "explain-cp",
        "CP=\"CURa ADM OURi NOI NID PHY CUS cur  TAI TAIi STPa\"",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("ADM   purpose          Web site and system administration"),
        "{out}"
    );
    let err = stderr(&o);
    for code in ["X711", "X712", "X713", "X715", "X716"] {
        assert!(err.contains(code), "{code} missing: {err}");
    }
    assert!(err.contains("<compact policy>:1:2"), "{err}");
    // a clean one
    let o = policyc(&[
        "explain-cp",
        "--strict",
        "CP=\"NOI DSP COR NID CUR ADM OUR NOR STA\"",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // missing groups
    let o = policyc(&["explain-cp", "CP=\"CUR\""]);
    assert!(stderr(&o).contains("X714"));
    // test policy
    let o = policyc(&["explain-cp", "--strict", "CP=\"NOI NID CUR OUR NOR TST\""]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("X717"));
}

#[test]
fn import_reports_malformed_and_non_p3p_xml_with_locations() {
    let o = policyc(&[
        "import",
        &format!("{FIXTURES}/spec-examples/REC-P3P-20020416_example-3.2_forShoppers_AS-FOUND-not-well-formed.xml"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("X701"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not-well-formed.xml:96:5"),
        "{}",
        stderr(&o)
    );

    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("page.xml");
    std::fs::write(
        &html,
        "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n",
    )
    .unwrap();
    let o = policyc(&["import", html.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("X702") && stderr(&o).contains("page.xml:2:1"),
        "{}",
        stderr(&o)
    );

    let draft = dir.path().join("draft.xml");
    std::fs::write(
        &draft,
        "<POLICY xmlns=\"http://www.w3.org/2002/01/P3Pv1\" name=\"p\" discuri=\"http://e.example/\">\n<ENTITY><DATA-GROUP><DATA ref=\"#business.name\">E</DATA></DATA-GROUP></ENTITY>\n<ACCESS><nonident/></ACCESS>\n<STATEMENT><PURPOSE><customization/></PURPOSE></STATEMENT>\n</POLICY>\n",
    )
    .unwrap();
    // An unknown element is left out with a located warning; the rest imports.
    let o = policyc(&["import", draft.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("warning[X704]") && stderr(&o).contains("draft.xml:4:21"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn import_reads_the_wd_example_with_warnings() {
    let o = policyc(&[
        "import",
        &format!("{FIXTURES}/spec-examples/WD-P3P-20010928_example-3.2_forShoppers.xml"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The draft namespace is the only warning: the seal's IMG is carried (REC §3.2.6).
    assert!(stderr(&o).contains("X703") && !stderr(&o).contains("X705"));
    assert!(stdout(&o).starts_with("policy forShoppers {\n"));
    assert!(stdout(&o).contains(
        "    logo \"http://www.PrivacySeal.example.org/Logo.gif\" \"PrivacySeal's logo\"\n"
    ));
}

#[test]
fn import_follows_a_reference_file_to_the_policy_files_it_names() {
    let out = tempfile::tempdir().unwrap();
    let o = policyc(&[
        "build",
        "policies/ipmart.policy",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let w3c = out.path().join("ipmart/w3c");
    let reference = w3c.join("p3p.xml");
    let policy = w3c.join("policy.xml");
    // The reference file alone: its POLICY-REF `about="/w3c/policy.xml#ipmart"` is a
    // site path, found under the folder above `w3c/`.
    let alone = policyc(&["import", reference.to_str().unwrap()]);
    assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
    assert!(
        stderr(&alone).contains("policy.xml, named by the reference file"),
        "{}",
        stderr(&alone)
    );
    // The same source as importing the policy file with its reference file.
    let both = policyc(&[
        "import",
        policy.to_str().unwrap(),
        reference.to_str().unwrap(),
    ]);
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    assert_eq!(stdout(&alone), stdout(&both));
    assert!(stdout(&alone).contains("policy ipmart {"));
    // With the policy file gone, the reference file alone is a finding that says
    // what to do.
    std::fs::remove_file(&policy).unwrap();
    let missing = policyc(&["import", reference.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("/w3c/policy.xml")
            && stderr(&missing).contains("were not found on disk beside it"),
        "{}",
        stderr(&missing)
    );
}
