//! The value checks of the YAML form: the same forms (`forms.rs`) the policy
//! language checks, on the same fields, with the same L106 finding. A value is
//! located at its `key: value` line (searched from its element's line on), or at
//! its element when the line is not found.

use super::forms::Form;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DataItem, DataRef, DataUse, Policy, PolicySet};
use crate::span::{LineIndex, Origin, Span};
use crate::vocabulary;

/// L106 for every value of `set` that does not take its form; L108 for every
/// base data schema reference the schema does not have.
pub fn check(set: &PolicySet, index: &LineIndex<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &set.policies {
        policy(p, index, &mut out);
        data_elements(p, index, &mut out);
    }
    out
}

/// L108 for the `!schema` items of data sets, statements and sharing rules that
/// name no element of the base data schema (REC §5.5): the policy language reports
/// them while resolving, the YAML form here, with the same finding.
fn in_place(uses: &[DataUse]) -> impl Iterator<Item = &DataItem> {
    uses.iter().filter_map(|u| match u {
        DataUse::Item(item) => Some(item),
        DataUse::Set { .. } => None,
    })
}

fn data_elements(p: &Policy, index: &LineIndex<'_>, out: &mut Vec<Diagnostic>) {
    let mut items: Vec<(&DataItem, &Origin)> = Vec::new();
    for set in &p.datasets {
        items.extend(set.items.iter().map(|i| (i, &set.origin)));
    }
    for s in &p.statements {
        items.extend(in_place(&s.data).map(|i| (i, &s.origin)));
    }
    for s in &p.sharing {
        items.extend(in_place(&s.data).map(|i| (i, &s.origin)));
    }
    for (item, parent) in items {
        let DataRef::Schema(name) = &item.data else {
            continue;
        };
        if vocabulary::lookup_data(name).is_some() {
            continue;
        }
        let at = if item.origin.span().is_some() {
            &item.origin
        } else {
            parent
        };
        let span = locate_word(index, name, at);
        out.push(super::data::unknown_element(name, &span));
    }
}

/// The span of the first `word` at or after the element's place (then anywhere);
/// the element's place otherwise.
fn locate_word(index: &LineIndex<'_>, word: &str, at: &Origin) -> Span {
    let text = index.text();
    let from = at
        .span()
        .map_or(0, super::super::span::Span::start)
        .min(text.len());
    let found = text
        .get(from..)
        .and_then(|rest| rest.find(word))
        .map(|i| from + i)
        .or_else(|| text.find(word));
    match (found, word.is_empty()) {
        (Some(start), false) => index.span(start, start + word.len()),
        _ => at
            .span()
            .copied()
            .unwrap_or_else(|| Span::file_start(index.file())),
    }
}

fn policy(p: &Policy, index: &LineIndex<'_>, out: &mut Vec<Diagnostic>) {
    let mut value = |key: &str, v: Option<&String>, form: Form, at: &Origin| {
        if let Some(v) = v {
            if let Err(e) = form.check(v) {
                let span = locate(index, key, v, at);
                out.push(
                    Diagnostic::new(Code::InvalidValue, format!("`{v}` is not {}", e.reason))
                        .at(Some(span))
                        .help(e.help),
                );
            }
        }
    };
    let at = &p.origin;
    value("effective", p.effective.as_ref(), Form::Date, at);
    value("language", p.language.as_ref(), Form::Language, at);
    for l in &p.other_languages {
        value("other-languages", Some(l), Form::Language, at);
    }
    for t in &p.translations {
        value("language", Some(&t.language), Form::Language, at);
    }
    value("discuri", p.discuri.as_ref(), Form::Page, at);
    value("opturi", p.opturi.as_ref(), Form::PageOrMail, at);
    let legal = &p.legal;
    value("updated", legal.updated.as_ref(), Form::Date, &legal.origin);
    let representatives = legal.representatives.iter().map(|r| &r.contact);
    for e in [&p.entity, &legal.dpo, &legal.authority]
        .into_iter()
        .flatten()
        .chain(representatives)
    {
        let at = if e.origin.span().is_some() {
            &e.origin
        } else {
            at
        };
        value("email", e.email.as_ref(), Form::Email, at);
        value("url", e.url.as_ref(), Form::WebUrl, at);
    }
    if let Some(c) = &legal.ccpa {
        value("do-not-sell", c.do_not_sell.as_ref(), Form::PageOrMail, at);
        value("limit-use", c.limit_use.as_ref(), Form::PageOrMail, at);
    }
    for d in &p.disputes {
        // A blank service is a missing one: P312 says so.
        let service = Some(&d.service).filter(|s| !s.trim().is_empty());
        value("service", service, Form::PageOrMail, &d.origin);
        if let Some(logo) = &d.logo {
            value("src", Some(&logo.src), Form::Page, &d.origin);
        }
    }
    for o in &p.opt_outs {
        value("url", o.url.as_ref(), Form::PageOrMail, &o.origin);
    }
    if let Some(app) = &p.app {
        // The policy language takes an absolute http(s) URL here (`resolve::app`).
        let at = if app.origin.span().is_some() {
            &app.origin
        } else {
            at
        };
        value("deletion-url", app.deletion_url.as_ref(), Form::WebUrl, at);
    }
}

/// The span of `value` on the first line reading `key: value` at or after the
/// element's line (then anywhere); the element's place otherwise.
fn locate(index: &LineIndex<'_>, key: &str, value: &str, at: &Origin) -> Span {
    let from = at.span().map_or(0, super::super::span::Span::start);
    find(index, key, value, from)
        .or_else(|| find(index, key, value, 0))
        .or_else(|| at.span().copied())
        .unwrap_or_else(|| Span::file_start(index.file()))
}

fn find(index: &LineIndex<'_>, key: &str, value: &str, from: usize) -> Option<Span> {
    let text = index.text();
    let mut pos = line_start(text, from.min(text.len()));
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        let content = line.trim_start();
        let content = content.strip_prefix("- ").unwrap_or(content).trim_start();
        if let Some(rest) = content.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            let v = rest.trim().trim_end_matches('\r');
            let unquoted = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            if unquoted == value {
                // `v` is a slice of `text`: its offset is the distance between them.
                let start = v.as_ptr() as usize - text.as_ptr() as usize;
                return Some(index.span(start, start + v.len()));
            }
        }
        pos = end + 1;
    }
    None
}

fn line_start(text: &str, pos: usize) -> usize {
    text[..pos].rfind('\n').map_or(0, |i| i + 1)
}
