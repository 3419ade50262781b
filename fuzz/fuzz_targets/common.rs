//! Shared by the fuzz targets: the properties every compiled policy must keep.

use policyc::emit::{emitters, EmitOptions};
use policyc::engine::Compilation;
use policyc::span::SourceFile;

/// Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage
/// return; U+FFFE, U+FFFF).
fn forbidden_in_xml(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
}

/// Emits every output of a checked model; each must render, the XML must read back
/// as well-formed P3P, and no output may carry a character XML 1.0 forbids.
pub fn emit_all(c: &Compilation) {
    let Some(model) = c.valid_model() else {
        return;
    };
    let options = EmitOptions::default();
    for emitter in emitters() {
        let Ok(outputs) = emitter.emit(model, &options) else {
            continue;
        };
        for o in outputs {
            assert!(!o.path.is_empty() && !o.path.starts_with('/'), "{}", o.path);
            assert!(
                o.path.split('/').all(|s| !s.is_empty() && s != "." && s != ".."),
                "output path leaves its folder: {}",
                o.path
            );
            // The records-of-processing workbook is a zip container (XLSX), the one
            // binary output; every other output is text.
            if o.path.ends_with(".xlsx") {
                assert!(o.bytes.starts_with(b"PK"), "{} is not a zip container", o.path);
                continue;
            }
            let text = String::from_utf8(o.bytes).expect("outputs are UTF-8");
            assert!(
                !text.chars().any(forbidden_in_xml),
                "{} carries a character XML 1.0 forbids",
                o.path
            );
            if o.path.ends_with(".xml") {
                let source = SourceFile::new(o.path.as_str(), text);
                let read = policyc::p3p::read::read(&source);
                assert!(
                    read.document.is_some(),
                    "{} does not read back: {:?}",
                    o.path,
                    read.diagnostics
                );
            }
        }
    }
}
