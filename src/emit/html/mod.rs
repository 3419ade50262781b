//! The human-readable policy: one standalone HTML5 page per policy, rendered from
//! minijinja templates (`templates/`, embedded; `--templates DIR` overrides them
//! file by file), with the privacy label at its top.
//!
//! Output: `<policy-name>.html` per policy, beside the P3P files. A policy that
//! gives its prose in several languages (`language en, de, fr`) gets one page per
//! language: `<policy-name>.html` in the first, `<policy-name>.de.html`, ... in
//! the others, each worded from its language's catalogue and linking to the
//! others (`hreflang`, a language switcher). With `--fragment`,
//! `<policy-name>.fragment.html` (`.de.fragment.html`, ...) instead: the policy's
//! `<article>` only, without `<head>`, styles or landmarks, to embed in an
//! existing page.

pub mod catalog;
pub mod changed;
mod data;
pub mod href;
pub mod label;
pub mod legal;
mod names;
mod templates;
mod terms;
pub mod view;
mod words;

pub use templates::BUILTIN as BUILTIN_TEMPLATES;

use super::{EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::PolicySet;
use minijinja::value::Serde;
use minijinja::Value;

pub struct HtmlEmitter;

/// Policy names become file names: only `[A-Za-z][A-Za-z0-9_-]*` (the language's
/// name rule) is accepted, so no name can reach outside the output directory.
fn file_stem(name: &str) -> Result<&str, EmitError> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(name)
    } else {
        Err(EmitError {
            message: format!(
                "policy name {name:?} cannot be a file name: use letters, digits, `-` and `_`, starting with a letter"
            ),
        })
    }
}

/// A language tag as it goes into a file name: `[A-Za-z0-9-]` only (resolve
/// checks the tag's form; a model could hold anything).
fn file_tag(tag: &str) -> Result<String, EmitError> {
    let ok = !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(tag.to_ascii_lowercase())
    } else {
        Err(EmitError {
            message: format!("language {tag:?} cannot be part of a file name: use a BCP 47 tag"),
        })
    }
}

/// The pages of one policy, with their output paths: `NAME.html` in its first
/// language, and for a policy that gives its prose in several languages
/// `NAME.de.html`, `NAME.fr.html`, ... beside it, each linking to every other
/// (`hreflang`, with the first language's page as `x-default`).
///
/// With a previous version, each page says what changed since it; on a further
/// language's page the previous version's prose reads in that language where
/// the current translations hold its texts.
fn pages(
    policy: &crate::model::Policy,
    stem: &str,
    suffix: &str,
    previous: Option<&crate::model::Policy>,
    facts: Option<&crate::facts::PolicyFacts>,
) -> Result<Vec<(String, view::PageView)>, EmitError> {
    if policy.other_languages.is_empty() {
        return Ok(vec![(
            format!("{stem}.{suffix}"),
            view::page_since_with(policy, previous, facts),
        )]);
    }
    let mut languages: Vec<(
        String,
        String,
        crate::model::Policy,
        Option<crate::model::Policy>,
    )> = Vec::new();
    for (i, tag) in policy.languages().into_iter().enumerate() {
        let (path, text, old) = if i == 0 {
            let mut first = policy.clone();
            first.other_languages.clear();
            first.translations.clear();
            // The first language's page compares prose with prose: the
            // translations are the other pages' business.
            let old = previous.map(|old| {
                let mut old = old.clone();
                old.other_languages.clear();
                old.translations.clear();
                old
            });
            (format!("{stem}.{suffix}"), first, old)
        } else {
            let text = policy.translated(tag).ok_or_else(|| EmitError {
                message: format!(
                    "policy {:?} declares the language {tag:?} but gives no translation into it",
                    policy.name
                ),
            })?;
            let old =
                previous.and_then(|old| policy.translation(tag).map(|t| old.translated_by(t)));
            (format!("{stem}.{}.{suffix}", file_tag(tag)?), text, old)
        };
        languages.push((tag.to_string(), path, text, old));
    }
    let links: Vec<view::AlternateView> = languages
        .iter()
        .map(|(tag, path, _, _)| view::AlternateView {
            lang: tag.clone(),
            href: path.clone(),
            name: catalog::for_tag(tag).map_or_else(|| tag.clone(), |c| c.msg("language-name")),
        })
        .collect();
    let x_default = languages.first().map(|(_, path, _, _)| path.clone());
    Ok(languages
        .into_iter()
        .map(|(tag, path, text, old)| {
            let mut page = view::page_since(&text, old.as_ref());
            page.alternates = links.iter().filter(|a| a.lang != tag).cloned().collect();
            page.hreflang.clone_from(&links);
            page.x_default.clone_from(&x_default);
            (path, page)
        })
        .collect())
}

/// The H003 findings of rendering `set` with `options`' templates: a template
/// asking for a message the page's catalogue lacks, located at the policy (the
/// message names the template and line). The build reports the same failure as
/// it renders; this gives it as a finding (`tests/ui`).
pub fn catalogue_findings(set: &PolicySet, options: &EmitOptions) -> Vec<Diagnostic> {
    let dir = options.templates.as_deref();
    let custom;
    let env = if options.templates.is_some() {
        custom = templates::environment(options.templates.clone());
        &custom
    } else {
        templates::builtin()
    };
    let name = if options.fragment {
        "fragment.html"
    } else {
        "page.html"
    };
    let Ok(template) = env.get_template(name) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for policy in &set.policies {
        let Ok(stem) = file_stem(&policy.name) else {
            continue;
        };
        let Ok(pages) = pages(policy, stem, "html", None, None) else {
            continue;
        };
        for (_, view) in pages {
            if let Err(e) = template.render(Value::from(Serde(&view))) {
                let message = templates::emit_error(dir, &e).message;
                if message.contains(templates::MISSING_MESSAGE) {
                    // `FILE:LINE: the `de` message catalogue has no message `x` ...`
                    let message = message.replace(
                        &format!(
                            "template error: invalid operation: error[{}]: ",
                            Code::CatalogueMessage.id()
                        ),
                        "",
                    );
                    out.push(
                        Diagnostic::new(Code::CatalogueMessage, message)
                            .at_origin(&policy.origin)
                            .help("use a message id of locales/en.ftl, or write the text into the template (`policyc explain H003`)"),
                    );
                }
            }
        }
    }
    out
}

impl Emitter for HtmlEmitter {
    fn name(&self) -> &'static str {
        "html"
    }

    fn emit_to(
        &self,
        input: &Prepared<'_>,
        options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        let set = input.set();
        let dir = options.templates.as_deref();
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(EmitError {
                    message: format!("{}: the templates directory does not exist", d.display()),
                });
            }
        }
        let custom;
        let env = if options.templates.is_some() {
            custom = templates::environment(options.templates.clone());
            &custom
        } else {
            templates::builtin()
        };
        let (template_name, suffix) = if options.fragment {
            ("fragment.html", "fragment.html")
        } else {
            ("page.html", "html")
        };
        let template = env
            .get_template(template_name)
            .map_err(|e| templates::emit_error(dir, &e))?;
        for (i, policy) in set.policies.iter().enumerate() {
            let stem = file_stem(&policy.name)?;
            let previous = options
                .previous
                .as_deref()
                .and_then(|old| changed::previous_of(old, policy, set.policies.len()));
            let facts = policy.other_languages.is_empty().then(|| input.facts(i));
            for (path, view) in pages(policy, stem, suffix, previous, facts)? {
                sink.file(&path, &mut |w| {
                    template
                        .render_captured_to(Value::from(Serde(&view)), w)
                        .map(|_| ())
                        .map_err(|e| templates::emit_error(dir, &e))
                })?;
            }
        }
        Ok(())
    }
}
