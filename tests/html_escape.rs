//! Whatever text the source holds, the HTML shows it literally and runs none of it.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::html::BUILTIN_TEMPLATES;

/// Every string of the policy language holds hostile text.
const HOSTILE: &str = "tests/fixtures/html/hostile.policy";
/// The same in model form, with values the language refuses (`javascript:` URLs).
const HOSTILE_MODEL: &str = "tests/fixtures/html-model/hostile-model.yaml";

fn hostile_page() -> String {
    html_support::page(HOSTILE)
}

fn hostile_pages() -> [String; 2] {
    [
        html_support::page(HOSTILE),
        html_support::page(HOSTILE_MODEL),
    ]
}

/// The contents of every `<...>` in the page.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .filter(|tag| !tag.starts_with('!'))
        .collect()
}

/// Attribute names of a tag, outside quoted values.
fn attributes(tag: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_quote = false;
    let mut current = String::new();
    for c in tag.chars() {
        match c {
            '"' => in_quote = !in_quote,
            _ if in_quote => {}
            ' ' | '\n' => {
                if !current.is_empty() {
                    names.push(current.split('=').next().unwrap_or_default().to_string());
                }
                current.clear();
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        names.push(current.split('=').next().unwrap_or_default().to_string());
    }
    names.into_iter().skip(1).collect()
}

#[test]
fn markup_in_policy_text_is_escaped() {
    for html in hostile_pages() {
        markup_is_escaped(&html);
    }
}

fn markup_is_escaped(html: &str) {
    // Our own markup only: no script, no image, no event handler attribute.
    // Every raw `<` starts one of our tags (text never holds one), so scanning the
    // tags finds anything policy text could have smuggled in.
    for tag in tags(html) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            !["script", "img", "iframe", "object", "embed", "svg"].contains(&name.as_str()),
            "<{tag}>"
        );
        for attribute in attributes(tag) {
            assert!(!attribute.starts_with("on"), "<{tag}> has {attribute}");
        }
    }
    // The one </style> is the page's own.
    assert_eq!(html.matches("</style>").count(), 1);
    // The hostile text is there, escaped.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("&#x27; onmouseover=&#x27;alert(3)"));
    // Entities in the source are text, so their `&` is escaped again.
    assert!(html.contains("&amp;amp; &amp;lt;b&amp;gt;"));
}

#[test]
fn template_syntax_in_policy_text_is_not_evaluated() {
    let html = hostile_page();
    assert!(html.contains("{{7*7}}"));
    assert!(html.contains("{{ 7*7 }}"));
    assert!(html.contains("{% if true %}template{% endif %}"));
    assert!(
        !html.contains("49"),
        "policy text was evaluated as a template"
    );
}

#[test]
fn bidi_and_zero_width_characters_are_kept_and_isolated() {
    let html = hostile_page();
    assert!(html.contains("\u{202e}right-to-left\u{202c}"));
    assert!(html.contains("zero\u{200b}width\u{200d}"));
    // Inline policy text sits in <bdi>, prose paragraphs have dir="auto".
    assert!(html.contains("<bdi>entity name: "));
    assert!(html.contains("<p dir=\"auto\">summary: "));
}

#[test]
fn unsafe_urls_are_never_links() {
    let html = html_support::page(HOSTILE_MODEL);
    assert!(!html.contains("href=\"javascript"));
    assert!(!html.contains("href=\"mailto:email"));
    // ... but they are shown.
    assert!(html.contains("javascript:alert(&#x27;discuri&#x27;)"));
    // The lang attribute falls back to `en` when the policy's is not a language tag.
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
}

/// A dispute's logo (P3P IMG) is shown as its text, linked only to an http(s) image,
/// and never loaded (REC §3.2.6; the page makes no external requests).
#[test]
fn dispute_logos_are_text_links_never_images() {
    let model = html_support::page(HOSTILE_MODEL);
    assert!(model.contains("<p class=\"hint\">Seal: <bdi>logo alt: &lt;script&gt;"));
    assert!(!model.contains("href=\"javascript:alert(&#x27;logo"));
    let html = hostile_page();
    assert!(html.contains(
        "<p class=\"hint\">Seal: <a href=\"https:&#x2f;&#x2f;example.com&#x2f;seal.gif?%22%3E%3Cimg&#x2f;src=x&#x2f;onerror=alert(5)%3E\"><bdi>logo alt: &lt;script&gt;"
    ));
    for page in [model, html] {
        assert!(!page.contains("<img"));
    }
}

#[test]
fn plain_urls_with_hostile_characters_are_links_with_escaped_targets() {
    let html = hostile_page();
    assert!(html.contains(
        "<a href=\"https:&#x2f;&#x2f;example.com&#x2f;url?%22%3E%3Cscript%3Ealert(1)%3C&#x2f;script%3E"
    ));
    // ... and the text shows what the policy says.
    assert!(html.contains(
        "<bdi>https:&#x2f;&#x2f;example.com&#x2f;url?&quot;&gt;&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"
    ));
    // An email address with markup in it is shown, not linked.
    assert!(!html.contains("href=\"mailto:&quot;"));
    assert!(html.contains(
        "<dd><bdi>&quot;&gt;&lt;img&#x2f;src=x&#x2f;onerror=alert(2)&gt;&quot;@example.com</bdi></dd>"
    ));
}

#[test]
fn builtin_templates_never_mark_text_safe() {
    for (name, text) in BUILTIN_TEMPLATES {
        assert!(
            !text.contains("|safe") && !text.contains("| safe"),
            "{name} uses `safe`"
        );
        assert!(
            !text.contains("autoescape"),
            "{name} switches auto-escaping"
        );
        assert!(!text.contains("<script"), "{name} has a script");
    }
}

#[test]
fn pages_are_self_contained() {
    let html = html_support::page("tests/fixtures/html-examples/symphony.yaml");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<link rel=\"P3Pv1\" href=\"&#x2f;w3c&#x2f;p3p.xml\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("@media print"));
    for external in [
        "<script",
        "<link rel=\"stylesheet\"",
        "@import",
        "url(",
        "<img",
    ] {
        assert!(!html.contains(external), "page has {external}");
    }
}
