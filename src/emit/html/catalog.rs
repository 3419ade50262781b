//! The message catalogues: the page's own text (`locales/LANG.ftl`) and the
//! reader wording of the vocabulary (`src/vocabulary/reader/LANG.ftl`), one
//! Fluent bundle per shipped language, parsed once per process.
//!
//! The policy's `language` picks the catalogue by its primary subtag (`de-CH`
//! reads the `de` catalogue); a policy without one, or with a language that has
//! no catalogue (warning H001; error H004 when it is one of several), reads English. Every catalogue has every message
//! of the English one (`tests`), so lookups never fail on shipped text; a custom
//! template asking for a message no catalogue has fails the build, located at the
//! template's line.

use crate::vocabulary::reader;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The page text catalogues, by language.
const PAGE: &[(&str, &str)] = &[
    ("en", include_str!("../../../locales/en.ftl")),
    ("de", include_str!("../../../locales/de.ftl")),
    ("fr", include_str!("../../../locales/fr.ftl")),
];

/// One language's messages.
pub struct Catalog {
    /// The catalogue's language (`en`, `de`, `fr`).
    pub lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// Every message id and `id.attribute` the catalogue holds.
    keys: Vec<String>,
    /// Syntax errors in the catalogue files (empty for shipped catalogues; tested).
    pub errors: Vec<String>,
}

fn keys_of(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            out.push(m.id.name.to_string());
            for a in &m.attributes {
                out.push(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    out
}

impl Catalog {
    fn load(lang: &'static str, sources: &[(&str, &str)]) -> Self {
        let langid: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Policy text never passes through a message: placeables hold only our
        // own words and numbers, so no isolation marks are needed around them.
        bundle.set_use_isolating(false);
        let mut errors = Vec::new();
        let mut keys = Vec::new();
        for (file, source) in sources {
            keys.extend(keys_of(source));
            let resource = match FluentResource::try_new((*source).to_string()) {
                Ok(r) => r,
                Err((r, errs)) => {
                    errors.extend(errs.iter().map(|e| format!("{file}: {e:?}")));
                    r
                }
            };
            if let Err(errs) = bundle.add_resource(resource) {
                errors.extend(errs.iter().map(|e| format!("{file}: {e:?}")));
            }
        }
        Catalog {
            lang,
            bundle,
            keys,
            errors,
        }
    }

    /// Whether the catalogue has a message (`id`) or attribute (`id.attr`).
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }

    /// Every message and attribute key the catalogue holds.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// A message with arguments; `None` when the catalogue lacks it.
    pub fn try_format(
        &self,
        id: &str,
        attr: Option<&str>,
        args: &[(&str, FluentValue<'_>)],
    ) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attr {
            Some(a) => message.get_attribute(a)?.value(),
            None => message.value()?,
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// A message without arguments. Shipped catalogues hold every message
    /// (tested); a missing one shows its id rather than failing the page.
    pub fn msg(&self, id: &str) -> String {
        self.try_format(id, None, &[])
            .unwrap_or_else(|| id.to_string())
    }

    /// A message's attribute (`.description`).
    pub fn attr(&self, id: &str, attr: &str) -> String {
        self.try_format(id, Some(attr), &[])
            .unwrap_or_else(|| format!("{id}.{attr}"))
    }

    /// A message with arguments.
    pub fn fmt(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.try_format(id, None, args)
            .unwrap_or_else(|| id.to_string())
    }
}

/// Every shipped catalogue, English first, parsed on first use.
pub fn all() -> &'static BTreeMap<&'static str, Catalog> {
    static CATALOGS: OnceLock<BTreeMap<&'static str, Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        PAGE.iter()
            .map(|(lang, page)| {
                let vocab = reader::CATALOGUES
                    .iter()
                    .find(|(l, _)| l == lang)
                    .map_or("", |(_, s)| s);
                let sources = [
                    (&*format!("locales/{lang}.ftl"), *page),
                    (&*format!("src/vocabulary/reader/{lang}.ftl"), vocab),
                ];
                let owned: Vec<(&str, &str)> = sources.to_vec();
                (*lang, Catalog::load(lang, &owned))
            })
            .collect()
    })
}

/// The primary subtag of a BCP 47 tag, lower case (`de-CH` → `de`).
pub fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or(tag).to_ascii_lowercase()
}

/// Whether a catalogue ships for a BCP 47 tag (by its primary subtag), without
/// parsing any catalogue.
pub fn ships(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or(tag);
    PAGE.iter().any(|(l, _)| l.eq_ignore_ascii_case(primary))
}

/// The languages a catalogue ships for.
pub fn languages() -> Vec<&'static str> {
    PAGE.iter().map(|(l, _)| *l).collect()
}

/// The catalogue for a BCP 47 tag, by its primary subtag; `None` when no
/// catalogue ships for it.
pub fn for_tag(tag: &str) -> Option<&'static Catalog> {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    all().get(primary.as_str())
}

/// The catalogue for a tag, English when none ships for it.
pub fn for_tag_or_english(tag: Option<&str>) -> &'static Catalog {
    tag.and_then(for_tag)
        .or_else(|| all().get("en"))
        .unwrap_or_else(|| unreachable_english())
}

#[allow(clippy::panic)]
fn unreachable_english() -> &'static Catalog {
    // `PAGE` lists English first; `all()` always holds it.
    panic!("the English catalogue is always built")
}

/// Scripts written right to left, by primary language subtag.
const RTL: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi",
];

/// `rtl` for languages written right to left, else `ltr`.
pub fn direction(tag: &str) -> &'static str {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    if RTL.contains(&primary.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses_and_has_every_english_message() {
        let english = &all()["en"];
        for (lang, catalog) in all() {
            assert!(catalog.errors.is_empty(), "{lang}: {:?}", catalog.errors);
            let missing: Vec<&String> = english.keys().iter().filter(|k| !catalog.has(k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            let extra: Vec<&String> = catalog.keys().iter().filter(|k| !english.has(k)).collect();
            assert!(
                extra.is_empty(),
                "{lang} has messages English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn the_language_picks_the_catalogue() {
        assert_eq!(for_tag("de-CH").map(|c| c.lang), Some("de"));
        assert_eq!(for_tag("FR").map(|c| c.lang), Some("fr"));
        assert!(for_tag("es").is_none());
        assert_eq!(for_tag_or_english(Some("es")).lang, "en");
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("de"), "ltr");
    }

    #[test]
    fn every_term_and_field_has_reader_wording_in_every_language() {
        use crate::vocabulary::{
            data_names, Access, Category, Purpose, Recipient, Remedy, Required, ResolutionType,
            Retention, Term,
        };
        fn ids<T: Term>() -> Vec<String> {
            T::ALL.iter().map(|t| reader::message_id(*t)).collect()
        }
        let mut wanted: Vec<String> = Vec::new();
        wanted.extend(ids::<Access>());
        wanted.extend(ids::<ResolutionType>());
        wanted.extend(ids::<Remedy>());
        wanted.extend(ids::<Purpose>());
        wanted.extend(ids::<Recipient>());
        wanted.extend(ids::<Retention>());
        wanted.extend(ids::<Category>());
        wanted.extend(ids::<Required>());
        for catalog in all().values() {
            for id in &wanted {
                assert!(catalog.has(id), "{}: no wording for {id}", catalog.lang);
                assert!(
                    catalog.has(&format!("{id}.description")),
                    "{}: no description for {id}",
                    catalog.lang
                );
            }
            for name in data_names() {
                for field in name.split('.').skip(1) {
                    let id = reader::field_id(field);
                    assert!(catalog.has(&id), "{}: no words for {id}", catalog.lang);
                }
            }
        }
    }
}
