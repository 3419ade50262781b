//! Source for definitions (subjects, recipients, data sets) and the practices P3P
//! cannot carry in full (cookies, sharing, security, retention rules, rights,
//! opt-outs, changes, promises, sections, acknowledgments).

use super::text::{quote, value, Lines};
use super::{data_items, opt, write_data_uses, write_purposes, write_recipients, write_retention};
use crate::model::{Claim, Party, Policy};
use crate::vocabulary::Term;
use serde::Serialize;

/// The kebab-case word serde gives a unit enum value.
pub(super) fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn words<T: Serialize>(vs: &[T]) -> String {
    vs.iter().map(word).collect::<Vec<_>>().join(", ")
}

/// `KEYWORD NAME` or `KEYWORD NAME "title"`.
fn titled(keyword: &str, name: &str, title: Option<&String>) -> String {
    match title {
        Some(t) => format!("{keyword} {name} {}", quote(t)),
        None => format!("{keyword} {name}"),
    }
}

pub(super) fn definitions(l: &mut Lines, p: &Policy) {
    if !p.subjects.is_empty() || !p.recipients.is_empty() {
        l.blank();
    }
    for s in &p.subjects {
        match &s.description {
            Some(d) => l.line(&format!("subject {} {}", s.name, quote(d))),
            None => l.line(&format!("subject {}", s.name)),
        }
    }
    for r in &p.recipients {
        match &r.description {
            Some(d) => l.line(&format!(
                "recipient {} {} {}",
                r.name,
                r.kind.word(),
                quote(d)
            )),
            None => l.line(&format!("recipient {} {}", r.name, r.kind.word())),
        }
    }
    for d in &p.datasets {
        l.blank();
        let head = match &d.description {
            Some(desc) => format!("data {} {}", d.name, quote(desc)),
            None => format!("data {}", d.name),
        };
        l.block(&head, |l| data_items(l, &d.items));
    }
}

#[allow(clippy::too_many_lines)]
pub(super) fn practices(l: &mut Lines, p: &Policy) {
    for c in &p.cookies {
        l.blank();
        l.block(&titled("cookie", &c.name, c.title.as_ref()), |l| {
            opt(l, "name", c.cookie_name.as_ref());
            opt(l, "domain", c.domain.as_ref());
            opt(l, "path", c.path.as_ref());
            opt(l, "lifetime", c.lifetime.as_ref());
            if c.party == Party::Third {
                l.line("party third");
            }
            if let Some(pr) = &c.provider {
                match c.provider_basis {
                    Some(b) => l.line(&format!("provider {pr} basis {}", word(&b))),
                    None => l.line(&format!("provider {pr}")),
                }
            }
            opt(l, "holds", c.holds.as_ref());
            if !c.categories.is_empty() {
                let cats: Vec<&str> = c.categories.iter().map(|c| c.word()).collect();
                l.line(&format!("categories {}", cats.join(", ")));
            }
            if !c.purposes.is_empty() {
                l.line(&format!("for {}", write_purposes(&c.purposes)));
            }
            if !c.recipients.is_empty() {
                l.line(&format!("to {}", write_recipients(&c.recipients)));
            }
            if let Some(r) = &c.retention {
                l.line(&write_retention(r));
            }
            if c.linked {
                l.line("linked yes");
            }
            if c.cross_site {
                l.line("cross-site yes");
            }
            super::law::practice(l, &c.legal);
            opt(l, "text", c.text.as_ref());
        });
    }
    for s in &p.sharing {
        l.blank();
        l.block(&titled("share", &s.name, s.title.as_ref()), |l| {
            l.line(&format!("with {}", s.with.join(", ")));
            write_data_uses(l, &s.data);
            if !s.purposes.is_empty() {
                l.line(&format!("for {}", write_purposes(&s.purposes)));
            }
            if !s.choice.is_default() {
                l.line(&format!("choice {}", s.choice.word()));
            }
            opt(l, "when", s.conditions.as_ref());
            if s.sale {
                l.line("sale yes");
            }
            if !s.identifiable {
                l.line("non-identifiable");
            }
            if let Some(b) = &s.basis {
                l.line(&format!("basis {}", word(b)));
            }
            super::law::practice(l, &s.legal);
            opt(l, "text", s.text.as_ref());
        });
    }
    if !p.security.is_empty() || p.security_text.is_some() {
        l.blank();
        l.block("security", |l| {
            for m in &p.security {
                let mut line = format!("{} {}", word(&m.kind), quote(&m.description));
                if !m.covers.is_empty() {
                    let cats: Vec<&str> = m.covers.iter().map(|c| c.word()).collect();
                    line.push_str(" covers ");
                    line.push_str(&cats.join(", "));
                }
                l.line(&line);
            }
            opt(l, "text", p.security_text.as_ref());
        });
    }
    for r in &p.retention {
        l.blank();
        l.maybe_block(&format!("retention {} {}", r.name, quote(&r.period)), |l| {
            if !r.applies_to.is_empty() {
                l.line(&format!("applies-to {}", r.applies_to.join(", ")));
            }
            opt(l, "destruction", r.destruction.as_ref());
            opt(l, "text", r.text.as_ref());
        });
    }
    for r in &p.rights {
        l.blank();
        l.maybe_block(&format!("right {} {}", word(&r.kind), quote(&r.how)), |l| {
            if !r.subjects.is_empty() {
                l.line(&format!("subjects {}", r.subjects.join(", ")));
            }
            opt(l, "limits", r.limits.as_ref());
            opt(l, "response", r.response.as_ref());
            opt(l, "text", r.text.as_ref());
        });
    }
    for o in &p.opt_outs {
        l.blank();
        l.maybe_block(&format!("opt-out {} {}", o.name, quote(&o.how)), |l| {
            if !o.covers.is_empty() {
                l.line(&format!("covers {}", o.covers.join(", ")));
            }
            opt(l, "url", o.url.as_ref());
            opt(l, "text", o.text.as_ref());
        });
    }
    if let Some(c) = &p.changes {
        l.blank();
        l.block("changes", |l| {
            if !c.post.is_empty() {
                l.line(&format!("post {}", words(&c.post)));
            }
            if !c.notify.is_empty() {
                l.line(&format!("notify {}", words(&c.notify)));
            }
            if c.before_effective {
                l.line("before-effective");
            }
            if c.consent_for_new_uses {
                l.line("consent-for-new-uses");
            }
            opt(l, "text", c.text.as_ref());
        });
    }
    for pr in &p.promises {
        l.blank();
        l.block(&format!("promise {} {}", pr.name, quote(&pr.says)), |l| {
            let claim = match &pr.claim {
                Claim::NotLinked(names) => format!("not-linked {}", names.join(", ")),
                Claim::NoIdentifiableCollection(names) => {
                    format!("no-identifiable-collection {}", names.join(", "))
                }
                Claim::RetentionCeiling(period) => format!("retention-ceiling {}", quote(period)),
                other => word(other),
            };
            l.line(&format!("claim {}", claim.trim_end()));
            if !pr.except.is_empty() {
                l.line(&format!("except {}", words(&pr.except)));
            }
            let sc = &pr.scope;
            let data: Vec<String> = sc.data.iter().map(|d| quote(d)).collect();
            for (key, list) in [
                ("data", data),
                ("cookies", sc.cookies.clone()),
                ("recipients", sc.recipients.clone()),
                ("subjects", sc.subjects.clone()),
                ("purposes", sc.purposes.iter().map(word).collect()),
                ("allow", pr.allow.clone()),
                ("compatible", pr.compatible.iter().map(word).collect()),
            ] {
                if !list.is_empty() {
                    l.line(&format!("{key} {}", list.join(", ")));
                }
            }
        });
    }
    for s in &p.sections {
        l.blank();
        l.line(&format!("section {} {}", quote(&s.heading), quote(&s.text)));
    }
    for a in &p.acknowledgments {
        l.blank();
        let fingerprint = a
            .fingerprint
            .as_ref()
            .map(|f| format!(" fingerprint {f}"))
            .unwrap_or_default();
        l.line(&format!(
            "acknowledge {} at {}{fingerprint} because {}",
            a.code,
            a.at,
            quote(&a.reason)
        ));
    }
    for t in &p.translations {
        l.blank();
        l.block(&format!("translation {}", value(&t.language)), |l| {
            for s in &t.strings {
                if s.original == s.text {
                    l.line(&format!("keep {}", quote(&s.original)));
                } else {
                    l.line(&format!(
                        "string {}, {}",
                        quote(&s.original),
                        quote(&s.text)
                    ));
                }
            }
        });
    }
}
