//! The languages of a policy's prose: `language en, de, fr`, the
//! `translation LANG { string "original", "translation" }` blocks, and the H
//! findings about them (a prose string without its translation H002, a language
//! without a message catalogue H001/H004, a translation of a text the policy does
//! not hold H005, a translation into an undeclared language H006).

use super::context::{block_items, each_item, many, origin, Args, Cx, Key};
use super::forms::Form;
use super::{lists, values};
use crate::ast::{Item, Value};
use crate::diagnostic::{Code, Diagnostic};
use crate::emit::html::catalog;
use crate::model::{Policy, TranslatedString, Translation};
use crate::span::Span;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where the language entries and prose strings of one policy block are, for
/// locating findings.
#[derive(Default)]
pub struct Places {
    /// Each declared language's entry in `language`.
    pub languages: Vec<(String, Span)>,
    /// The first place each string value of the policy (outside `translation`
    /// blocks) is written.
    pub strings: HashMap<String, Span>,
    /// The head of the policy item, for what has no place of its own.
    pub head: Option<Span>,
}

impl Places {
    /// No places yet; `head` is the policy's.
    pub fn new(head: Span) -> Self {
        Places {
            languages: Vec::new(),
            strings: HashMap::new(),
            head: Some(head),
        }
    }

    /// Records the string values of `item`, an item of a policy block, and of
    /// the items in its block, unless it is a `translation`. Fed the block's
    /// items in order, the first place of each string is the first written.
    pub fn add(&mut self, item: &Item) {
        let mut stack: Vec<&Item> = vec![item];
        while let Some(it) = stack.pop() {
            if it.key() == "translation" {
                continue;
            }
            for v in it.values() {
                if let Value::String(s) = v {
                    if !self.strings.contains_key(&s.value) {
                        self.strings.insert(s.value.clone(), s.span);
                    }
                }
            }
            stack.extend(block_items(it).iter().rev());
        }
    }
}

/// The most languages one policy gives its prose in: each is a page of its own,
/// so the pages a file makes stay proportionate to it.
pub const MAX_LANGUAGES: usize = 40;

/// `language en, de, fr`: the first is the language the policy is written in,
/// the others those it is translated into.
pub fn language(cx: &mut Cx, item: &Item, p: &mut Policy, places: &mut Places) {
    let what = "a language tag, e.g. `language en`, or several: `language en, de, fr`";
    let mut seen: HashMap<String, Span> = HashMap::new();
    for entry in lists::entries(cx, item, what) {
        if let Some(extra) = entry.values.get(1) {
            cx.unexpected(
                extra,
                "`language` takes one tag per entry; separate languages with commas",
            );
        }
        let Some(v) = entry.values.first() else {
            continue;
        };
        let Some(tag) = values::checked_value(cx, v, Form::Language) else {
            continue;
        };
        if let Some(first) = seen.get(&tag.to_ascii_lowercase()) {
            cx.push(
                Diagnostic::new(
                    Code::DuplicateProperty,
                    format!("the language `{tag}` is given twice"),
                )
                .at(Some(*v.span()))
                .label(&origin(first), "first given here")
                .help("keep one of them"),
            );
            continue;
        }
        if places.languages.len() == MAX_LANGUAGES {
            cx.invalid(
                v.span(),
                format!("a policy gives its prose in at most {MAX_LANGUAGES} languages"),
                "each language is a page of its own; publish further languages from another policy file",
            );
            break;
        }
        seen.insert(tag.to_ascii_lowercase(), *v.span());
        places.languages.push((tag.clone(), *v.span()));
        if p.language.is_none() {
            p.language = Some(tag);
        } else {
            p.other_languages.push(tag);
        }
    }
}

const TRANSLATION_KEYS: &[Key] = &[many("string"), many("keep")];

/// `translation de { string "original", "Übersetzung"  keep "Name" }`.
pub fn translation(cx: &mut Cx, item: &Item) -> Option<Translation> {
    let mut args = Args::of(cx, item);
    let tag = args.required(
        cx,
        "the language of the translation, e.g. `translation de { ... }`",
    );
    args.finish(cx);
    if item.block.is_none() {
        cx.missing(
            item,
            "a block of `string \"original\", \"translation\"` lines",
        );
    }
    let tag = tag.and_then(|v| values::checked_value(cx, v, Form::Language));
    let mut t = Translation {
        language: String::new(),
        strings: Vec::new(),
        origin: origin(&item.head),
    };
    let mut seen: HashMap<String, Span> = HashMap::new();
    each_item(
        cx,
        block_items(item),
        "a `translation` block",
        TRANSLATION_KEYS,
        |cx, it| {
            let pairs = if it.key() == "keep" {
                keep(cx, it)
            } else {
                string(cx, it).into_iter().collect()
            };
            for (original, text, at) in pairs {
                if let Some(first) = seen.get(&original) {
                    cx.push(
                        Diagnostic::new(
                            Code::DuplicateProperty,
                            "this text is translated twice in the block",
                        )
                        .at(Some(at))
                        .label(&origin(first), "first translated here")
                        .help("keep one of them"),
                    );
                    continue;
                }
                seen.insert(original.clone(), at);
                t.strings.push(TranslatedString {
                    original,
                    text,
                    origin: origin(&at),
                });
            }
        },
    );
    t.language = tag?;
    Some(t)
}

/// `string "original", "translation"`.
fn string(cx: &mut Cx, it: &Item) -> Option<(String, String, Span)> {
    let what = "the original text and its translation, separated by a comma: `string \"Our services\", \"Unsere Dienste\"`";
    let mut texts: Vec<&crate::ast::StringValue> = Vec::new();
    for entry in &it.entries {
        for v in &entry.values {
            match v {
                Value::String(s) if texts.len() < 2 && entry.values.len() == 1 => texts.push(s),
                _ => {
                    cx.unexpected(v, what);
                    return None;
                }
            }
        }
    }
    if let [original, text] = texts.as_slice() {
        if text.value.trim().is_empty() && !original.value.trim().is_empty() {
            cx.invalid(
                &text.span,
                "the translation is empty",
                "write the text in the block's language, or list the original with `keep` when it stays the same",
            );
            return None;
        }
        Some((original.value.clone(), text.value.clone(), original.span))
    } else {
        cx.missing(it, what);
        None
    }
}

/// `keep "Google Analytics", "Acme"`: texts that stay the same in the language.
fn keep(cx: &mut Cx, it: &Item) -> Vec<(String, String, Span)> {
    let mut out = Vec::new();
    for entry in lists::entries(
        cx,
        it,
        "the texts that stay the same, e.g. `keep \"Google Analytics\"`",
    ) {
        for v in &entry.values {
            match v {
                Value::String(s) if entry.values.len() == 1 => {
                    out.push((s.value.clone(), s.value.clone(), s.span));
                }
                _ => cx.unexpected(v, "`keep` takes the texts as strings, separated by commas"),
            }
        }
    }
    out
}

/// The H findings of one resolved policy (see the module doc). `places`
/// locates them; a finding with no place of its own goes to the policy's head.
pub fn check(cx: &mut Cx, p: &Policy, places: &Places) {
    // The policy language stops at the limit as it reads `language`; the YAML
    // form is held to it here.
    if p.languages().len() > MAX_LANGUAGES {
        cx.push(
            Diagnostic::new(
                Code::InvalidValue,
                format!("a policy gives its prose in at most {MAX_LANGUAGES} languages"),
            )
            .at(places.head)
            .help("each language is a page of its own; publish further languages from another policy file"),
        );
        return;
    }
    catalogues(cx, p, places);
    let blocks = blocks(cx, p);
    if p.other_languages.is_empty() && blocks.is_empty() {
        // Nothing to translate and no translation to find stale: skip
        // gathering the prose (a copy of the whole model's text).
        return;
    }
    // Every prose string, once, in order.
    let prose = p.prose();
    let mut distinct: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    for s in &prose {
        if !s.trim().is_empty() && seen.insert(s.as_str()) {
            distinct.push(s);
        }
    }
    missing(cx, p, places, &blocks, &distinct);
    unused(cx, &blocks, &distinct, &seen);
}

impl Places {
    /// Where a declared language is written, else the policy's head.
    fn language(&self, tag: &str) -> Option<Span> {
        self.languages
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(tag))
            .map(|(_, s)| *s)
            .or(self.head)
    }
}

/// H001/H004: a message catalogue for every declared language.
fn catalogues(cx: &mut Cx, p: &Policy, places: &Places) {
    let several = !p.other_languages.is_empty();
    for tag in p.languages() {
        // An invalid tag is L106 already.
        if catalog::ships(tag) || Form::Language.check(tag).is_err() {
            continue;
        }
        let shipped = catalog::languages().join(", ");
        let d = if several {
            Diagnostic::new(
                Code::LanguageWithoutCatalogue,
                format!("no message catalogue ships for `{tag}`: its page's headings and labels cannot be written in it"),
            )
            .help(format!("catalogues ship for {shipped}; remove `{tag}` from `language`, or add its catalogue to policyc (`policyc explain H004`)"))
        } else {
            Diagnostic::new(
                Code::CatalogueFallback,
                format!("no message catalogue ships for `{tag}`: the page's headings and labels will be in English"),
            )
            .help(format!("catalogues ship for {shipped}; the policy's own text stays in `{tag}` (`policyc explain H001`)"))
        };
        cx.push(d.at(places.language(tag)));
    }
}

/// The translation blocks by language (lower case); L105 for a second block of
/// a language, H006 for an undeclared one.
fn blocks<'p>(cx: &mut Cx, p: &'p Policy) -> BTreeMap<String, &'p Translation> {
    let declared: HashSet<String> = p
        .other_languages
        .iter()
        .map(|l| l.to_ascii_lowercase())
        .collect();
    let mut blocks: BTreeMap<String, &Translation> = BTreeMap::new();
    for t in &p.translations {
        let key = t.language.to_ascii_lowercase();
        if let Some(first) = blocks.get(&key) {
            cx.push(
                Diagnostic::new(
                    Code::DuplicateProperty,
                    format!("`translation {}` is given twice", t.language),
                )
                .at_origin(&t.origin)
                .label(&first.origin, "first given here")
                .help("put every string of the language in one block"),
            );
            continue;
        }
        blocks.insert(key, t);
        if !declared.contains(&t.language.to_ascii_lowercase()) {
            let first = p
                .language
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(&t.language));
            let help = if first {
                format!("`{}` is the language the policy is written in; translations are for the languages after it in `language`", t.language)
            } else {
                let mut all = p.languages();
                all.push(&t.language);
                format!("add it to `language`: `language {}`", all.join(", "))
            };
            cx.push(
                Diagnostic::new(
                    Code::TranslationUndeclared,
                    format!(
                        "the policy does not declare the language `{}` of this translation",
                        t.language
                    ),
                )
                .at_origin(&t.origin)
                .help(help),
            );
        }
    }
    blocks
}

/// H002: every prose string in every further language.
fn missing(
    cx: &mut Cx,
    p: &Policy,
    places: &Places,
    blocks: &BTreeMap<String, &Translation>,
    distinct: &[&str],
) {
    for tag in &p.other_languages {
        let Some(t) = blocks.get(&tag.to_ascii_lowercase()) else {
            if !distinct.is_empty() {
                cx.push(
                    Diagnostic::new(
                        Code::TranslationMissing,
                        format!(
                            "the policy's prose is not given in `{tag}`: no `translation {tag}` block ({} {} to translate)",
                            distinct.len(),
                            if distinct.len() == 1 { "text" } else { "texts" }
                        ),
                    )
                    .at(places.language(tag))
                    .help(format!(
                        "add `translation {tag} {{ string \"original\", \"translation\" ... }}` with every text, or remove `{tag}` from `language`"
                    )),
                );
            }
            continue;
        };
        let given: HashSet<&str> = t.strings.iter().map(|s| s.original.as_str()).collect();
        for original in distinct {
            if given.contains(original) {
                continue;
            }
            cx.push(
                Diagnostic::new(
                    Code::TranslationMissing,
                    format!("this text has no translation into `{tag}`"),
                )
                .at(places
                    .strings
                    .get(*original)
                    .copied()
                    .or(places.head))
                .label(&t.origin, format!("the `{tag}` translations"))
                .help(format!(
                    "add `string \"{}\", \"...\"` to `translation {tag}` (or `keep \"...\"` when it stays the same)",
                    excerpt(original)
                )),
            );
        }
    }
}

/// H005: translations of texts the policy does not hold.
fn unused(
    cx: &mut Cx,
    blocks: &BTreeMap<String, &Translation>,
    distinct: &[&str],
    seen: &HashSet<&str>,
) {
    // The closest text is looked for among texts of similar length, for the
    // first few stale lines only: the comparisons stay bounded on any input.
    const SUGGESTIONS: usize = 20;
    const LONGEST: usize = 2000;
    let mut suggested = 0;
    for t in blocks.values() {
        for s in &t.strings {
            if seen.contains(s.original.as_str()) {
                continue;
            }
            suggested += 1;
            let len = s.original.len();
            let closest = distinct
                .iter()
                .filter(|c| {
                    suggested <= SUGGESTIONS
                        && len <= LONGEST
                        && c.len() <= LONGEST
                        && c.len() * 2 >= len
                        && len * 2 >= c.len()
                })
                .map(|c| (strsim::normalized_levenshtein(c, &s.original), *c))
                .filter(|(score, _)| *score >= 0.6)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let help = match closest {
                Some((_, c)) => format!(
                    "the closest text in the policy is \"{}\": update the original (and check the translation), or remove the line",
                    excerpt(c)
                ),
                None => "remove the line, or correct its original to the policy's text".to_string(),
            };
            cx.push(
                Diagnostic::new(
                    Code::TranslationUnused,
                    format!(
                        "the policy has no text \"{}\" to translate into `{}`",
                        excerpt(&s.original),
                        t.language
                    ),
                )
                .at_origin(&s.origin)
                .help(help),
            );
        }
    }
}

/// The start of a text, for messages.
fn excerpt(s: &str) -> String {
    const MAX: usize = 60;
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= MAX {
        return one_line;
    }
    let cut: String = one_line.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}
