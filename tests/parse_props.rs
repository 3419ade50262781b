//! Property tests: the front end never panics, whatever the input, and every
//! finding it reports is located inside the file.

use policyc::diagnostic::render_human;
use policyc::engine;
use proptest::prelude::*;

/// Fragments that exercise the grammar's corners when glued together at random.
const FRAGMENTS: &[&str] = &[
    "policy",
    "main",
    " ",
    "  ",
    "\t",
    "{",
    "}",
    "\n",
    "\r\n",
    "\"",
    "\\",
    "\\u{",
    "\\n",
    ",",
    "#",
    "# c\n",
    "title",
    "\"text\"",
    "collect",
    "data",
    "user.name",
    "user.nme",
    "custom",
    "categories",
    "purchase",
    "for",
    "current",
    "opt-out",
    "to",
    "ours",
    "retain",
    "cookie",
    "share",
    "with",
    "promise",
    "claim",
    "no-sale",
    "acknowledge",
    "C402",
    "at",
    "because",
    "é",
    "日本",
    "expiry",
    "2",
    "days",
    "effective",
    "2014-06-30",
    "}",
    "{\n",
    "\n}\n",
];

fn assert_sound(name: &str, bytes: &[u8]) {
    let c = engine::compile_bytes(name, bytes);
    for d in &c.diagnostics {
        if let Some(span) = &d.span {
            assert!(span.start <= span.end, "{d:?}");
            assert!(span.end() <= c.source.text.len(), "{d:?}");
            assert!(span.line >= 1 && span.col >= 1, "{d:?}");
        }
    }
    let _ = render_human(&c.diagnostics, std::slice::from_ref(&c.source), false);
    let _ = render_human(&c.diagnostics, std::slice::from_ref(&c.source), true);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        assert_sound("random.policy", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        assert_sound("random.policy", text.as_bytes());
    }

    #[test]
    fn fragment_soup_never_panics(parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..80)) {
        let text: String = parts.concat();
        assert_sound("soup.policy", text.as_bytes());
        let wrapped = format!("policy main {{\n  title \"T\"\n{text}\n}}\n");
        assert_sound("soup.policy", wrapped.as_bytes());
    }

    #[test]
    fn arbitrary_yaml_never_panics(text in "\\PC{0,200}") {
        assert_sound("random.yaml", text.as_bytes());
    }
}
