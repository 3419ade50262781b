//! A policy whose prose is given in several languages gets one page per
//! language, each in its language, linked to the others; every prose string of
//! the model is one the translation replaces.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::EmitOptions;
use std::collections::BTreeMap;

fn pages(relative: &str, fragment: bool) -> BTreeMap<String, String> {
    let options = EmitOptions {
        fragment,
        ..EmitOptions::default()
    };
    html_support::render(&html_support::model(relative), &options)
        .into_iter()
        .map(|o| (o.path, String::from_utf8(o.bytes).expect("UTF-8")))
        .collect()
}

#[test]
fn one_page_per_language_linked_to_the_others() {
    let pages = pages("examples/languages.policy", false);
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    assert_eq!(names, ["main.de.html", "main.fr.html", "main.html"]);
    for (path, lang, title, others) in [
        (
            "main.html",
            "en",
            "Example Books privacy policy",
            [("de", "Deutsch"), ("fr", "Français")],
        ),
        (
            "main.de.html",
            "de",
            "Datenschutzhinweise von Example Books",
            [("en", "English"), ("fr", "Français")],
        ),
        (
            "main.fr.html",
            "fr",
            "Politique de confidentialité d&#x27;Example Books",
            [("en", "English"), ("de", "Deutsch")],
        ),
    ] {
        let html = &pages[path];
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"ltr\">")),
            "{path}: lang"
        );
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{path}: title"
        );
        // Every language's page, itself included, and x-default (the first language's).
        for (l, href) in [
            ("en", "main.html"),
            ("de", "main.de.html"),
            ("fr", "main.fr.html"),
            ("x-default", "main.html"),
        ] {
            assert!(
                html.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"{l}\" href=\"{href}\">"
                )),
                "{path}: no hreflang link to {l}"
            );
        }
        // The switcher: the other languages, in their own names.
        let nav = html
            .split("<nav class=\"languages\"")
            .nth(1)
            .and_then(|n| n.split("</nav>").next())
            .unwrap_or_else(|| panic!("{path}: no language switcher"));
        for (l, name) in others {
            assert!(
                nav.contains(&format!("hreflang=\"{l}\" lang=\"{l}\">{name}</a>")),
                "{path}: the switcher lacks {name}: {nav}"
            );
        }
        assert!(
            !nav.contains(&format!("hreflang=\"{lang}\"")),
            "{path}: links itself"
        );
        assert!(!html.contains("<script"), "{path}: no scripts");
    }
    // The page's own words come from the language's catalogue, the prose from the translation.
    assert!(pages["main.de.html"].contains("Bestellungen"));
    assert!(pages["main.de.html"].contains("Datenschutzhinweise"));
    assert!(!pages["main.de.html"].contains("We need your name"));
    assert!(pages["main.fr.html"].contains("Nous avons besoin de votre nom"));
    assert!(!pages["main.fr.html"].contains("Example Books privacy policy"));
}

#[test]
fn fragments_are_per_language_too() {
    let pages = pages("examples/languages.policy", true);
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "main.de.fragment.html",
            "main.fr.fragment.html",
            "main.fragment.html"
        ]
    );
    assert!(pages["main.de.fragment.html"].contains("lang=\"de\""));
}

#[test]
fn a_single_language_policy_keeps_its_one_page_and_no_links() {
    let pages = pages("examples/minimal.policy", false);
    let names: Vec<&str> = pages.keys().map(String::as_str).collect();
    assert_eq!(names, ["main.html"]);
    assert!(!pages["main.html"].contains("hreflang"));
}

#[test]
fn a_language_without_a_catalogue_gets_an_english_page_with_its_prose() {
    let pages = pages("tests/fixtures/html/rtl.policy", false);
    let html = &pages["rtl-notice.html"];
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    // The prose keeps its language: the title and paragraphs say so.
    assert!(html.contains("<h1 dir=\"auto\" lang=\"ar\">سياسة الخصوصية لمكتبة المثال</h1>"));
    assert!(html.contains("<p dir=\"auto\" lang=\"ar\">نبيع الكتب"));
}

/// Every string of the model is prose (translated on the other pages) or a value
/// of a field that holds names, addresses, URLs, dates or words of the language.
/// A new string field in the model fails this test until it is classified: added
/// to `Policy::prose_mut` (src/model/translation.rs) or to `NOT_PROSE` here.
#[test]
fn every_string_of_the_model_is_prose_or_a_known_value() {
    const NOT_PROSE: &[&str] = &[
        // names and references
        "name",
        "with",
        "subjects",
        "recipients",
        "applies-to",
        "covers",
        "provider",
        "cookies",
        "allow",
        "data",
        "schema",
        "set",
        "at",
        "code",
        "reference",
        "not-linked",
        "no-identifiable-collection",
        // values of the language: dates, tags, URLs, addresses, patterns
        "version",
        "effective",
        "updated",
        "language",
        "other-languages",
        "discuri",
        "opturi",
        "site",
        "include",
        "exclude",
        "methods",
        "value",
        "domain",
        "path",
        "cookie-name",
        "email",
        "phone",
        "url",
        "organization",
        "street",
        "city",
        "stateprov",
        "postalcode",
        "country",
        "service",
        "src",
        "to",
        "copy",
        "do-not-sell",
        "limit-use",
        "bundle-id",
        "package",
        "tracking-domains",
        "deletion-url",
        // the owners' reason for an acknowledgment, not on the page
        "reason",
        // the retention ceiling of a promise: a period the checker compares
        "retention-ceiling",
        // the methods of a CCPA notice: URLs and phone numbers
        "methods",
    ];
    fn walk(v: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::String(s) => out.push((key.to_string(), s.clone())),
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, key, out)),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if k != "translations" {
                        walk(v, k, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut files = html_support::fixtures("policies");
    files.extend(html_support::fixtures("tests/fixtures/full"));
    files.extend(html_support::fixtures("tests/fixtures/laws"));
    files.extend(html_support::fixtures("examples"));
    files.retain(|f| !f.contains("/ci/"));
    let mut unclassified = Vec::new();
    for file in &files {
        let Ok(set) = std::panic::catch_unwind(|| html_support::model(file)) else {
            continue;
        };
        for policy in &set.policies {
            let prose: std::collections::HashSet<String> = policy.prose().into_iter().collect();
            let json = serde_json::to_value(policy).expect("serializes");
            let mut strings = Vec::new();
            walk(&json, "", &mut strings);
            for (key, s) in strings {
                // Enum words (`current`, `opt-in`) serialize as strings too.
                let word = !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if !prose.contains(&s) && !NOT_PROSE.contains(&key.as_str()) && !word {
                    unclassified.push(format!("{file}: `{key}`: {s:?}"));
                }
            }
        }
    }
    assert!(
        unclassified.is_empty(),
        "strings neither prose nor known values:\n{}",
        unclassified.join("\n")
    );
}

/// `policyc diff` names a changed translation (text edited, not material), and a
/// language dropped as a whole once.
#[test]
fn diff_names_changed_translations() {
    let old = html_support::model("examples/languages.policy");
    let mut new = old.clone();
    let policy = &mut new.policies[0];
    policy.other_languages.retain(|l| l != "fr");
    policy.translations.retain(|t| t.language != "fr");
    for s in &mut policy.translations[0].strings {
        if s.original == "Orders" {
            s.text = "Aufträge".to_string();
        }
    }
    let diff = policyc::diff::diff(&old, &new);
    let text = policyc::diff::render_terminal(&diff, false);
    assert!(!diff.has_material(), "{text}");
    assert!(
        text.contains("`de` translation of \"Orders\" (Bestellungen → Aufträge)"),
        "{text}"
    );
    assert!(text.contains("further languages (de, fr → de)"), "{text}");
    assert!(!text.contains("`fr` translation"), "{text}");
}

fn findings(text: &str) -> Vec<String> {
    policyc::engine::compile_bytes("t.policy", text.as_bytes())
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

const HEAD: &str = "policy main {\n  title \"T\"\n  discuri \"/p\"\n  entity \"E\" {\n    email \"e@example.com\"\n  }\n  access nonident\n  collect logs {\n    data dynamic.clickstream\n    for admin\n    retain no-retention\n    non-identifiable\n  }\n";

/// A `translation` block keeping the title, per tag.
fn blocks(tags: &[String]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for t in tags {
        let _ = write!(out, "  translation {t} {{\n    keep \"T\"\n  }}\n");
    }
    out
}

#[test]
fn an_empty_translation_and_too_many_languages_are_refused() {
    let empty =
        format!("{HEAD}  language en, de\n  translation de {{\n    string \"T\", \"\"\n  }}\n}}\n");
    let found = findings(&empty);
    assert!(
        found.iter().any(|f| f == "L106 the translation is empty"),
        "{found:?}"
    );
    // 41 languages (regions of English and German), each with a block.
    let tags: Vec<String> = ["en", "de"]
        .iter()
        .flat_map(|l| {
            [
                "AT", "AU", "BE", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IT",
                "LU", "NL", "NO", "NZ", "PL", "PT", "SE",
            ]
            .iter()
            .map(move |r| format!("{l}-{r}"))
        })
        .take(41)
        .collect();
    let many = format!(
        "{HEAD}  language {}\n{}}}\n",
        tags.join(", "),
        blocks(&tags[1..])
    );
    let found = findings(&many);
    assert!(
        found
            .iter()
            .any(|f| f == "L106 a policy gives its prose in at most 40 languages"),
        "{found:?}"
    );
    // 40 are accepted.
    let forty = format!(
        "{HEAD}  language {}\n{}}}\n",
        tags[..40].join(", "),
        blocks(&tags[1..40])
    );
    let found = findings(&forty);
    assert!(found.iter().all(|f| !f.starts_with("L106")), "{found:?}");
}
