//! The notice speaks to people: no P3P term, P3P category name, compact token or
//! keyword of the policy language reaches the page's own text, in any shipped
//! language, for any seed, example or fixture. Policy text (always isolated in
//! `<bdi>`, `<code>` or an element with `dir="auto"`) is the policy's own words
//! and is left out of the search. German and French pages (the catalogues, and
//! the pages of a policy whose prose is given in those languages) are also
//! searched for P3P's terms as a literal translation would carry them over.

#![allow(clippy::expect_used, clippy::panic)]

mod html_support;

use policyc::emit::html::catalog;
use policyc::emit::EmitOptions;
use policyc::vocabulary::{
    Access, Category, Purpose, Recipient, Remedy, Required, ResolutionType, Retention, Term,
};

/// Keywords of the policy language that are not everyday words.
const KEYWORDS: &[&str] = &[
    "discuri",
    "opturi",
    "opt-out",
    "opt-in",
    "cross-site",
    "non-identifiable",
    "before-effective",
    "consent-for-new-uses",
    "applies-to",
    "cookie-name",
    "cookies-not-linked",
    "no-cross-site-tracking",
    "no-identifiable-collection",
    "no-sale",
    "no-third-party-sharing",
    "not-linked",
    "notify-before-new-use",
    "only-stated-purpose",
    "service-providers",
    "as-disclosed",
    "business-transfer",
    "site-notice",
    "service-uri",
    "image-url",
    "P3P",
];

/// P3P's terms as a literal German or French translation would carry them over:
/// jargon on a page in that language (the English terms are searched on every page).
const JARGON_BY_LANGUAGE: &[(&str, &[&str])] = &[
    (
        "de",
        &[
            "Opt-in",
            "Opt-out",
            "Pseudonyme Analyse",
            "Pseudonyme Entscheidung",
            "Pseudonyme Entscheidungen",
            "Individuelle Analyse",
            "Individuelle Entscheidung",
            "Individuelle Entscheidungen",
            "Einmalige Anpassung",
            "Zustandsverwaltungsmechanismen",
            "Zustandsverwaltung",
            "Klickstrom",
            "Klickstromdaten",
            "Navigations- und Klickstromdaten",
            "Interaktive Daten",
            "Demografische Daten",
            "Nicht verbundene Dritte",
            "Unabhängige Dritte",
            "Unternehmen, die unseren Praktiken folgen",
            "Identifizierte Daten",
            "Nicht identifizierbar",
            "Historische Aufbewahrung",
            "Unbegrenzt aufbewahrt",
        ],
    ),
    (
        "fr",
        &[
            "Opt-in",
            "Opt-out",
            "Analyse pseudonyme",
            "Décision pseudonyme",
            "Décisions pseudonymes",
            "Analyse individuelle",
            "Décision individuelle",
            "Décisions individuelles",
            "Personnalisation ponctuelle",
            "Mécanismes de gestion d'état",
            "Gestion d'état",
            "Flux de clics",
            "Données de navigation et de flux de clics",
            "Données interactives",
            "Données démographiques",
            "Tiers non liés",
            "Tiers sans lien",
            "Sociétés suivant nos pratiques",
            "Données identifiées",
            "Non identifiable",
            "Conservation historique",
            "Conservé indéfiniment",
        ],
    ),
];

/// The `lang` of a page's `<html>` (or its `<article>`, for fragments).
fn page_language(html: &str) -> String {
    html.split(" lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|tag| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase())
        .unwrap_or_default()
}

/// Every P3P word that is not an everyday word, every compact token, and every
/// P3P translation that differs from the reader wording ("State management
/// mechanisms", "Companies accountable to us").
fn jargon() -> Vec<String> {
    fn group<T: Term>(out: &mut Vec<String>) {
        for t in T::ALL {
            let word = t.word();
            if word.contains('-') || matches!(word, "nonident" | "uniqueid" | "ours") {
                out.push(word.to_string());
            }
            if t.token().len() >= 3 {
                out.push(t.token().to_string());
            }
            out.push(t.label().to_string());
        }
    }
    let mut out = Vec::new();
    group::<Access>(&mut out);
    group::<ResolutionType>(&mut out);
    group::<Remedy>(&mut out);
    group::<Purpose>(&mut out);
    group::<Recipient>(&mut out);
    group::<Retention>(&mut out);
    group::<Category>(&mut out);
    group::<Required>(&mut out);
    out.extend(KEYWORDS.iter().map(|k| (*k).to_string()));
    // P3P labels that are also everyday reader words stay allowed.
    let english = catalog::for_tag("en").expect("English");
    out.retain(|w| {
        !english
            .keys()
            .iter()
            .filter(|k| !k.contains('.'))
            .any(|k| english.msg(k) == *w)
            && !matches!(
                w.as_str(),
                "Telemarketing" | "Health information" | "Court" | "Content" | "Other information"
            )
    });
    out
}

/// The page's own text: tags dropped, policy text (in `<bdi>`, `<code>`,
/// `dir="auto"` elements) dropped, attribute values a reader sees kept.
fn own_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut out = String::new();
    let mut rest = body;
    // Drop isolated policy text.
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = after.find('>').map_or(after.len(), |e| e + 1);
        let tag = &after[..end];
        let name: String = tag[1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !name.is_empty() && (name == "bdi" || name == "code" || tag.contains("dir=\"auto\"")) {
            let close = format!("</{name}>");
            let skip = after.find(&close).map_or(after.len(), |c| c + close.len());
            rest = &after[skip..];
            continue;
        }
        for attr in ["data-label=\"", "aria-label=\"", "title=\""] {
            if let Some(i) = tag.find(attr) {
                let v = &tag[i + attr.len()..];
                out.push(' ');
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push(' ');
            }
        }
        out.push(' ');
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn contains_word(text: &str, word: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-'));
    text.match_indices(word).any(|(i, _)| {
        boundary(text[..i].chars().next_back()) && boundary(text[i + word.len()..].chars().next())
    })
}

#[test]
fn no_page_in_any_language_shows_p3p_vocabulary_or_keywords() {
    let jargon = jargon();
    let mut files = html_support::fixtures("policies");
    files.extend(html_support::fixtures("examples"));
    files.extend(html_support::fixtures("tests/fixtures/html-examples"));
    files.retain(|f| !f.contains("/ci/"));
    assert!(files.len() > 10, "the seeds and examples are found");
    let mut hits = Vec::new();
    for file in &files {
        let mut set = html_support::model(file);
        for lang in catalog::languages() {
            for p in &mut set.policies {
                p.language = Some(lang.to_string());
            }
            for out in html_support::render(&set, &EmitOptions::default()) {
                let html = String::from_utf8(out.bytes).expect("UTF-8");
                let text = own_text(&html);
                let page_lang = page_language(&html);
                let local = JARGON_BY_LANGUAGE
                    .iter()
                    .filter(|(l, _)| *l == page_lang)
                    .flat_map(|(_, words)| words.iter().map(|w| (*w).to_string()));
                for word in jargon.iter().cloned().chain(local) {
                    if contains_word(&text, &word) {
                        hits.push(format!("{file} ({lang}) {}: {word:?}", out.path));
                    }
                }
            }
        }
    }
    assert!(hits.is_empty(), "jargon on the page:\n{}", hits.join("\n"));
}

/// "What changed" speaks plainly too: every diff fixture pair (one per kind of
/// change `policyc diff` knows) rendered with its previous version, in every
/// language.
#[test]
fn what_changed_shows_no_p3p_vocabulary_or_keywords() {
    let jargon = jargon();
    let root = html_support::root();
    let mut cases: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/diff"))
        .expect("diff fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("old.policy").is_file())
        .collect();
    cases.sort();
    let lenient = |path: &std::path::Path| {
        let text = std::fs::read_to_string(path).expect("fixture");
        policyc::engine::compile(&policyc::span::SourceFile::new(
            path.display().to_string(),
            text,
        ))
        .model
        .expect("the fixture resolves")
    };
    let mut hits = Vec::new();
    let mut sections = 0;
    for case in &cases {
        let old = std::sync::Arc::new(lenient(&case.join("old.policy")));
        let new = lenient(&case.join("new.policy"));
        for lang in catalog::languages() {
            let mut set = new.clone();
            for p in &mut set.policies {
                p.language = Some(lang.to_string());
            }
            let options = EmitOptions {
                previous: Some(old.clone()),
                ..Default::default()
            };
            for out in html_support::render(&set, &options) {
                let html = String::from_utf8(out.bytes).expect("UTF-8");
                let Some(start) = html.find("<section class=\"changed\"") else {
                    continue;
                };
                sections += 1;
                let end = html[start..]
                    .find("</section>")
                    .map_or(html.len(), |e| e + start);
                let text = own_text(&format!("</style>{}", &html[start..end]));
                for word in &jargon {
                    if contains_word(&text, word) {
                        hits.push(format!("{} ({lang}): {word:?} in {text}", case.display()));
                    }
                }
            }
        }
    }
    assert!(sections > 200, "the sections are rendered ({sections})");
    assert!(
        hits.is_empty(),
        "jargon in what changed:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_search_finds_jargon_when_it_is_there() {
    let text = own_text(
        "<style></style><p>Companies accountable to us</p><bdi>opt-out</bdi><td data-label=\"PSA\">x</td>",
    );
    assert!(contains_word(&text, "Companies accountable to us"));
    assert!(contains_word(&text, "PSA"));
    assert!(!contains_word(&text, "opt-out"), "policy text is left out");
    assert!(jargon().iter().any(|j| j == "State management mechanisms"));
    assert!(jargon().iter().any(|j| j == "pseudo-analysis"));
    assert_eq!(
        page_language("<!DOCTYPE html>\n<html lang=\"de-CH\" dir=\"ltr\">"),
        "de"
    );
}

#[test]
fn the_pages_of_every_language_are_searched() {
    // The multi-language example's German and French pages are among the pages
    // searched, with their own language's jargon.
    let set = html_support::model("examples/languages.policy");
    let langs: Vec<String> = html_support::render(&set, &EmitOptions::default())
        .iter()
        .map(|o| page_language(&String::from_utf8_lossy(&o.bytes)))
        .collect();
    assert_eq!(langs, ["en", "de", "fr"]);
    let german = own_text("<html lang=\"de\"><style></style><p>Pseudonyme Analyse</p>");
    assert!(contains_word(&german, "Pseudonyme Analyse"));
}
