//! Snapshots of every P3P output (policy file, reference file, header and its
//! server snippets) for every seed policy in `policies/`, and the seeds' compact
//! policies explain clean.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use policyc::emit::p3p::P3pEmitter;
use policyc::emit::{EmitOptions, Emitter};
use policyc::engine;
use policyc::p3p::compact_decode::decode;
use policyc::span::SourceFile;

fn seeds() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir("policies")
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "policy"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_seed_output_matches_its_snapshot() {
    let files = seeds();
    if files.is_empty() {
        eprintln!("note: no seed policies in policies/ yet");
    }
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let c = engine::compile_bytes(&path.display().to_string(), &bytes);
        let model = c
            .valid_model()
            .unwrap_or_else(|| panic!("{stem}: {:#?}", c.diagnostics));
        let outputs = P3pEmitter.emit(model, &EmitOptions::default()).unwrap();
        for o in outputs {
            let name = format!("{stem}__{}", o.path.replace(['/', '.'], "_"));
            insta::assert_snapshot!(name, String::from_utf8(o.bytes).unwrap());
        }
    }
}

#[test]
fn every_seed_compact_policy_explains_clean() {
    for path in seeds() {
        let bytes = std::fs::read(&path).unwrap();
        let c = engine::compile_bytes(&path.display().to_string(), &bytes);
        let Some(model) = c.valid_model() else {
            panic!("{}: {:#?}", path.display(), c.diagnostics);
        };
        let out = policyc::emit::p3p::derive(model).unwrap();
        if let Some(cp) = out.compact {
            let d = decode(&SourceFile::new("cp", format!("CP=\"{cp}\"")));
            assert!(
                d.is_clean(),
                "{}: {cp}: {:#?}",
                path.display(),
                d.diagnostics
            );
        }
    }
}
