//! The machine-readable outputs of 2026 (Apple privacy manifest and App Store
//! answers, Google Play Data safety, records of processing, DPV JSON-LD, GPC) for
//! every example and seed: snapshots of each file, and a cross-output test that
//! reads every file back (plist, CSV, XLSX, JSON-LD) and compares what it says with
//! the policy's flows: nothing collected in one and missing in another.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::many_single_char_names,
    clippy::format_push_string,
    clippy::case_sensitive_file_extension_comparisons
)]

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use policyc::emit::flows::{flows, FlowKind};
use policyc::emit::{emitters, EmitOptions, Output};
use policyc::engine;
use policyc::model::{Platform, PolicySet};
use policyc::vocabulary::dpv;
use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

const OUTPUTS: &[&str] = &["gpc", "apple", "play", "ropa", "dpv"];

fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "policies"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("policy" | "yaml")
            ) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn model(path: &Path) -> PolicySet {
    let bytes = std::fs::read(path).unwrap();
    let c = engine::compile_bytes(&path.display().to_string(), &bytes);
    c.valid_model()
        .unwrap_or_else(|| panic!("{} does not compile", path.display()))
        .clone()
}

fn render(set: &PolicySet) -> Vec<(String, Output)> {
    let mut out = Vec::new();
    for e in emitters() {
        if OUTPUTS.contains(&e.name()) {
            for o in e.emit(set, &EmitOptions::default()).unwrap() {
                out.push((e.name().to_string(), o));
            }
        }
    }
    out
}

fn xlsx_rows(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(ToString::to_string).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

fn stem(path: &Path) -> String {
    let dir = path
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy();
    format!("{dir}_{}", path.file_stem().unwrap().to_string_lossy())
}

#[test]
fn outputs_of_every_example_and_seed() {
    for path in sources() {
        let set = model(&path);
        let mut text = String::new();
        for (name, o) in render(&set) {
            text.push_str(&format!("===== {name}: {}\n", o.path));
            if o.path.ends_with(".xlsx") {
                for (sheet, rows) in xlsx_rows(&o.bytes) {
                    text.push_str(&format!("--- sheet {sheet}\n"));
                    for r in rows {
                        text.push_str(&r.join(" | "));
                        text.push('\n');
                    }
                }
            } else {
                text.push_str(&String::from_utf8(o.bytes).unwrap());
            }
        }
        insta::assert_snapshot!(format!("outputs_{}", stem(&path)), text);
    }
}

#[test]
fn outputs_are_deterministic() {
    for path in sources() {
        let set = model(&path);
        let a: Vec<_> = render(&set).into_iter().map(|(_, o)| o).collect();
        let b: Vec<_> = render(&set).into_iter().map(|(_, o)| o).collect();
        assert_eq!(a, b, "{}", path.display());
    }
}

/// What the flows say, per vocabulary: the sets every output must state exactly.
struct Expected {
    apple: BTreeSet<String>,
    apple_tracking: BTreeSet<String>,
    play_collected: BTreeSet<String>,
    play_shared: BTreeSet<String>,
    dpv_data: BTreeSet<String>,
    activities: usize,
}

fn expected(set: &PolicySet, policy: usize) -> Expected {
    let p = &set.policies[policy];
    let fs = flows(p);
    let mut e = Expected {
        apple: BTreeSet::new(),
        apple_tracking: BTreeSet::new(),
        play_collected: BTreeSet::new(),
        play_shared: BTreeSet::new(),
        dpv_data: BTreeSet::new(),
        activities: fs.len(),
    };
    for f in &fs {
        for i in &f.items {
            if i.mappings.is_empty() {
                e.dpv_data.insert(dpv::expand("dpv:PersonalData").unwrap());
            }
            for m in &i.mappings {
                e.apple.insert(m.apple.constant());
                if f.tracking() {
                    e.apple_tracking.insert(m.apple.constant());
                }
                if f.kind != FlowKind::Share {
                    e.play_collected.insert(m.play.id.to_string());
                }
                if f.shared() {
                    e.play_shared.insert(m.play.id.to_string());
                }
                e.dpv_data.insert(dpv::expand(m.dpv).unwrap());
            }
        }
    }
    e
}

fn find<'a>(outs: &'a [(String, Output)], suffix: &str) -> Vec<&'a Output> {
    outs.iter()
        .map(|(_, o)| o)
        .filter(|o| o.path.ends_with(suffix))
        .collect()
}

fn check_apple(e: &Expected, o: &Output, json: &Output, what: &str) {
    let v = plist::Value::from_reader_xml(Cursor::new(&o.bytes)).unwrap();
    let root = v.as_dictionary().unwrap();
    let mut types = BTreeSet::new();
    let mut tracking = BTreeSet::new();
    for t in root["NSPrivacyCollectedDataTypes"].as_array().unwrap() {
        let d = t.as_dictionary().unwrap();
        let c = d["NSPrivacyCollectedDataType"]
            .as_string()
            .unwrap()
            .to_string();
        assert!(
            !d["NSPrivacyCollectedDataTypePurposes"]
                .as_array()
                .unwrap()
                .is_empty(),
            "{what}: {c} has no purpose"
        );
        if d["NSPrivacyCollectedDataTypeTracking"]
            .as_boolean()
            .unwrap()
        {
            tracking.insert(c.clone());
        }
        types.insert(c);
    }
    assert_eq!(types, e.apple, "{what}: plist data types");
    assert_eq!(tracking, e.apple_tracking, "{what}: plist tracking");
    assert_eq!(
        root["NSPrivacyTracking"].as_boolean().unwrap(),
        !e.apple_tracking.is_empty(),
        "{what}: NSPrivacyTracking"
    );
    let j: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    let from_json: BTreeSet<String> = j["data-types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["constant"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(from_json, e.apple, "{what}: App Store answers");
}

fn check_play(e: &Expected, csv_out: &Output, json: &Output, what: &str) {
    let mut r = csv::Reader::from_reader(csv_out.bytes.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.len(), 5, "{what}: CSV columns");
    let (mut ticked, mut collected, mut shared) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for rec in r.records() {
        let rec = rec.unwrap();
        let (q, resp, val) = (&rec[0], &rec[1], &rec[2]);
        if q.starts_with("PSL_DATA_TYPES_") && val == "TRUE" {
            ticked.insert(resp.to_string());
        }
        if let Some(rest) = q.strip_prefix("PSL_DATA_USAGE_RESPONSES:") {
            let ty = rest.split(':').next().unwrap().to_string();
            if val == "TRUE" && resp == "PSL_DATA_USAGE_ONLY_COLLECTED" {
                collected.insert(ty.clone());
            }
            if val == "TRUE" && resp == "PSL_DATA_USAGE_ONLY_SHARED" {
                shared.insert(ty);
            }
        }
    }
    let all: BTreeSet<String> = e.play_collected.union(&e.play_shared).cloned().collect();
    assert_eq!(ticked, all, "{what}: CSV data types");
    assert_eq!(collected, e.play_collected, "{what}: CSV collected");
    assert_eq!(shared, e.play_shared, "{what}: CSV shared");
    let j: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
    let from_json: BTreeSet<String> = j["data-types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(from_json, all, "{what}: Data safety JSON");
}

/// Every IRI the JSON-LD document names, compact IRIs expanded.
fn iris(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                if k != "@context" {
                    if let Some(full) = dpv::expand(k) {
                        out.push(full);
                    }
                    if k == "@id" || k == "@type" {
                        if let Some(s) = x.as_str() {
                            out.push(dpv::expand(s).unwrap_or_else(|| s.to_string()));
                        }
                    }
                    iris(x, out);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| iris(x, out)),
        _ => {}
    }
}

fn check_dpv(set: &PolicySet, o: &Output, what: &str) {
    let v: serde_json::Value = serde_json::from_slice(&o.bytes).unwrap();
    let known: BTreeSet<&str> = dpv::TERM_LIST
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let mut all = Vec::new();
    iris(&v, &mut all);
    for iri in &all {
        if iri.starts_with("https://w3id.org/dpv") {
            assert!(
                known.contains(iri.as_str()),
                "{what}: {iri} is not a DPV 2.3 term"
            );
        } else {
            assert!(
                iri.starts_with("urn:policyc:") || iri.starts_with("http://purl.org/dc/terms/"),
                "{what}: unexpected IRI {iri}"
            );
        }
    }
    let graph = v["@graph"].as_array().unwrap();
    for (i, p) in set.policies.iter().enumerate() {
        let e = expected(set, i);
        let prefix = format!("urn:policyc:{}:", p.name);
        let processes: Vec<&serde_json::Value> = graph
            .iter()
            .filter(|n| {
                n["@type"] == "dpv:Process" && n["@id"].as_str().unwrap().starts_with(&prefix)
            })
            .collect();
        assert_eq!(processes.len(), e.activities, "{what}: DPV processes");
        let data: BTreeSet<String> = processes
            .iter()
            .flat_map(|n| {
                n["dpv:hasPersonalData"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .map(|d| dpv::expand(d["@id"].as_str().unwrap()).unwrap())
            .collect();
        assert_eq!(data, e.dpv_data, "{what}: DPV personal data");
    }
}

fn check_ropa(set: &PolicySet, outs: &[(String, Output)], what: &str) {
    let csv_out = find(outs, "records-of-processing.csv")[0];
    let mut r = csv::Reader::from_reader(csv_out.bytes.as_slice());
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    let sheets = xlsx_rows(&find(outs, "records-of-processing.xlsx")[0].bytes);
    assert_eq!(
        sheets.len(),
        set.policies.len(),
        "{what}: one sheet per policy"
    );
    let j: serde_json::Value =
        serde_json::from_slice(&find(outs, "records-of-processing.json")[0].bytes).unwrap();
    let data_col = policyc::emit::ropa::COLUMNS
        .iter()
        .position(|(h, _)| *h == "Categories of personal data")
        .unwrap();
    for (i, p) in set.policies.iter().enumerate() {
        let e = expected(set, i);
        let csv_rows: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == p.name).collect();
        assert_eq!(
            csv_rows.len(),
            e.activities,
            "{what}: CSV rows of {}",
            p.name
        );
        let (_, sheet) = &sheets[i];
        assert_eq!(
            sheet.len(),
            e.activities + 1,
            "{what}: XLSX rows of {}",
            p.name
        );
        let acts = j["policies"][i]["activities"].as_array().unwrap();
        assert_eq!(
            acts.len(),
            e.activities,
            "{what}: JSON activities of {}",
            p.name
        );
        for (k, row) in csv_rows.iter().enumerate() {
            // The sheet holds the CSV row without its policy column.
            assert_eq!(sheet[k + 1], row[1..].to_vec(), "{what}: XLSX row {k}");
            assert_eq!(
                acts[k]["Categories of personal data"].as_str().unwrap(),
                row[data_col],
                "{what}: JSON row {k}"
            );
        }
        // Every flow with data names it in its row.
        for (f, row) in flows(p).iter().zip(&csv_rows) {
            assert_eq!(
                f.items.is_empty(),
                row[data_col].is_empty(),
                "{what}: data of {}",
                f.name
            );
        }
    }
}

#[test]
fn every_output_says_what_the_flows_say() {
    for path in sources() {
        let set = model(&path);
        let outs = render(&set);
        let what = path.display().to_string();
        for (i, p) in set.policies.iter().enumerate() {
            let Some(app) = &p.app else { continue };
            let e = expected(&set, i);
            let several = set.policies.iter().filter(|p| p.app.is_some()).count() > 1;
            let dir = |base: &str| {
                if several {
                    format!("{base}/{}/", p.name)
                } else {
                    format!("{base}/")
                }
            };
            if app.on(Platform::Ios) {
                let plist = find(&outs, &format!("{}PrivacyInfo.xcprivacy", dir("apple")));
                let json = find(&outs, &format!("{}app-store-privacy.json", dir("apple")));
                check_apple(&e, plist[0], json[0], &what);
            }
            if app.on(Platform::Android) {
                let csv_out = find(&outs, &format!("{}data-safety.csv", dir("google-play")));
                let json = find(&outs, &format!("{}data-safety.json", dir("google-play")));
                check_play(&e, csv_out[0], json[0], &what);
            }
        }
        if find(&outs, "records-of-processing.csv").is_empty() {
            assert!(
                set.policies.iter().any(|p| p.entity.is_none())
                    || set.policies.iter().all(|p| !p.legal.applies.is_empty()
                        && !p.legal.applies.iter().any(|l| l.is_gdpr())),
                "{what}: no record of processing"
            );
        } else {
            check_ropa(&set, &outs, &what);
        }
        if let Some(d) = find(&outs, "dpv/policy.jsonld").first() {
            check_dpv(&set, d, &what);
        }
    }
}

#[test]
fn the_app_example_emits_every_store_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set = model(&root.join("examples/app.policy"));
    let paths: Vec<String> = render(&set).into_iter().map(|(_, o)| o.path).collect();
    for p in [
        "apple/PrivacyInfo.xcprivacy",
        "apple/app-store-privacy.json",
        "google-play/data-safety.json",
        "google-play/data-safety.csv",
        "gdpr/records-of-processing.csv",
        "gdpr/records-of-processing.xlsx",
        "gdpr/records-of-processing.json",
        "dpv/policy.jsonld",
    ] {
        assert!(paths.iter().any(|x| x == p), "missing {p}: {paths:?}");
    }
}

/// One set prepared for every emitter (as `policyc build` does) gives each
/// emitter the same files and skip reasons as a set prepared for it alone.
#[test]
fn a_shared_preparation_renders_what_each_emitter_renders_alone() {
    for path in sources() {
        let set = model(&path);
        let shared = policyc::emit::Prepared::new(&set);
        for e in emitters() {
            assert_eq!(
                e.skip_reason_prepared(&shared),
                e.skip_reason(&set),
                "{} {}",
                path.display(),
                e.name()
            );
            assert_eq!(
                e.emit_prepared(&shared, &EmitOptions::default()),
                e.emit(&set, &EmitOptions::default()),
                "{} {}",
                path.display(),
                e.name()
            );
        }
    }
}

/// The build writes the DPV and records-of-processing JSON without building the
/// documents as values: the bytes are those of the values, printed.
#[test]
fn json_outputs_are_their_documents_printed() {
    for path in sources() {
        let set = model(&path);
        let printed = |v: &serde_json::Value| {
            let mut b = serde_json::to_vec_pretty(v).unwrap();
            b.push(b'\n');
            b
        };
        for e in emitters() {
            for o in e.emit(&set, &EmitOptions::default()).unwrap() {
                let expected = match o.path.as_str() {
                    "dpv/policy.jsonld" => printed(&policyc::emit::dpv::document(&set).unwrap()),
                    "gdpr/records-of-processing.json" => printed(&policyc::emit::ropa::json(&set)),
                    _ => continue,
                };
                assert_eq!(
                    String::from_utf8_lossy(&o.bytes),
                    String::from_utf8_lossy(&expected),
                    "{} {}",
                    path.display(),
                    o.path
                );
            }
        }
    }
}
