//! Model → policy-language source (`grammar/README.md`): canonical, readable text.
//! `policyc import` writes its result with it. Items come in the order of the
//! language reference's table; optional values are written only when set.

mod law;
mod practice;
mod text;

use crate::model::{
    DataItem, DataRef, DataUse, Dispute, Entity, Policy, PolicySet, PurposeUse, RecipientUse,
    RetentionUse, Statement,
};
use crate::vocabulary::{Purpose, Term};
use text::Lines;
pub use text::{quote, value};

/// The source text of a whole policy set.
pub fn write(set: &PolicySet) -> String {
    let mut l = Lines::default();
    for (i, p) in set.policies.iter().enumerate() {
        if i > 0 {
            l.blank();
        }
        policy(&mut l, p);
    }
    l.finish()
}

pub(super) fn opt(l: &mut Lines, key: &str, v: Option<&String>) {
    if let Some(v) = v {
        l.line(&format!("{key} {}", quote(v)));
    }
}

/// `2 days` for 172800, `1 day` for 86400: the largest unit that divides the
/// seconds exactly.
pub fn duration(seconds: u64) -> String {
    const UNITS: &[(u64, &str)] = &[
        (604_800, "week"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];
    for (size, unit) in UNITS {
        if seconds >= *size && seconds.is_multiple_of(*size) {
            let n = seconds / size;
            return format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
        }
    }
    "0 seconds".to_string()
}

fn policy(l: &mut Lines, p: &Policy) {
    l.block(&format!("policy {}", p.name), |l| {
        l.line(&format!("title {}", quote(&p.title)));
        opt(l, "version", p.version.as_ref());
        if let Some(e) = &p.effective {
            l.line(&format!("effective {}", value(e)));
        }
        if let Some(lang) = &p.language {
            let all: Vec<String> = std::iter::once(lang)
                .chain(&p.other_languages)
                .map(|t| value(t))
                .collect();
            l.line(&format!("language {}", all.join(", ")));
        }
        opt(l, "discuri", p.discuri.as_ref());
        opt(l, "opturi", p.opturi.as_ref());
        if p.test {
            l.line("test");
        }
        if let Some(s) = p.expiry_seconds {
            l.line(&format!("expiry {}", duration(s)));
        }
        opt(l, "summary", p.summary.as_ref());
        for c in &p.covers {
            let all = c.include == ["/*"]
                && c.exclude.is_empty()
                && c.methods.is_empty()
                && c.cookies.is_empty();
            l.maybe_block(&format!("covers {}", quote(&c.site)), |l| {
                if all {
                    return;
                }
                for i in &c.include {
                    l.line(&format!("include {}", quote(i)));
                }
                for e in &c.exclude {
                    l.line(&format!("exclude {}", quote(e)));
                }
                if !c.methods.is_empty() {
                    let methods: Vec<String> = c.methods.iter().map(|m| value(m)).collect();
                    l.line(&format!("methods {}", methods.join(", ")));
                }
                for k in &c.cookies {
                    l.line(&format!(
                        "cookie-include {} {} {} {}",
                        quote(&k.name),
                        quote(&k.value),
                        quote(&k.domain),
                        quote(&k.path)
                    ));
                }
            });
        }
        if let Some(e) = &p.entity {
            l.blank();
            entity(l, e);
        }
        if let Some(a) = &p.app {
            l.blank();
            app(l, a);
        }
        if let Some(a) = p.access {
            let head = format!("access {}", a.word());
            l.maybe_block(&head, |l| opt(l, "text", p.access_text.as_ref()));
        }
        for d in &p.disputes {
            dispute(l, d);
        }
        law::notice(l, &p.legal);
        practice::definitions(l, p);
        for s in &p.statements {
            l.blank();
            statement(l, s);
        }
        practice::practices(l, p);
    });
}

fn entity(l: &mut Lines, e: &Entity) {
    entity_as(l, "entity", e);
}

/// An entity-shaped block under another keyword (`dpo`, `authority`, `representative eu`).
pub(super) fn entity_as(l: &mut Lines, keyword: &str, e: &Entity) {
    l.block(&format!("{keyword} {}", quote(&e.name)), |l| {
        opt(l, "department", e.department.as_ref());
        opt(l, "email", e.email.as_ref());
        opt(l, "phone", e.phone.as_ref());
        opt(l, "url", e.url.as_ref());
        if let Some(p) = &e.postal {
            l.block("postal", |l| {
                opt(l, "organization", p.organization.as_ref());
                for s in &p.street {
                    l.line(&format!("street {}", quote(s)));
                }
                opt(l, "city", p.city.as_ref());
                opt(l, "stateprov", p.stateprov.as_ref());
                opt(l, "postalcode", p.postalcode.as_ref());
                opt(l, "country", p.country.as_ref());
            });
        }
        opt(l, "text", e.text.as_ref());
        for d in &e.data {
            l.line(&format!("data {} {}", value(&d.reference), quote(&d.value)));
        }
    });
}

fn app(l: &mut Lines, a: &crate::model::App) {
    l.block(&format!("app {}", quote(&a.name)), |l| {
        if !a.platforms.is_empty() {
            let words: Vec<&str> = a.platforms.iter().map(|p| p.word()).collect();
            l.line(&format!("platforms {}", words.join(", ")));
        }
        opt(l, "bundle-id", a.bundle_id.as_ref());
        opt(l, "package", a.package.as_ref());
        if !a.tracking_domains.is_empty() {
            let quoted: Vec<String> = a.tracking_domains.iter().map(|d| quote(d)).collect();
            l.line(&format!("tracking-domains {}", quoted.join(", ")));
        }
        opt(l, "deletion-url", a.deletion_url.as_ref());
    });
}

fn dispute(l: &mut Lines, d: &Dispute) {
    let head = format!("dispute {} {}", d.resolution.word(), quote(&d.service));
    l.maybe_block(&head, |l| {
        opt(l, "short", d.short_description.as_ref());
        opt(l, "description", d.description.as_ref());
        opt(l, "verification", d.verification.as_ref());
        if let Some(logo) = &d.logo {
            let head = format!("logo {} {}", quote(&logo.src), quote(&logo.alt));
            l.maybe_block(&head, |l| {
                if let Some(n) = logo.width {
                    l.line(&format!("width {n}"));
                }
                if let Some(n) = logo.height {
                    l.line(&format!("height {n}"));
                }
            });
        }
        if !d.remedies.is_empty() {
            let r: Vec<&str> = d.remedies.iter().map(|r| r.word()).collect();
            l.line(&format!("remedies {}", r.join(", ")));
        }
    });
}

/// One data item line: `user.name optional categories physical`.
fn item(i: &DataItem) -> String {
    let mut s = match &i.data {
        DataRef::Schema(name) => name.clone(),
        DataRef::Custom(desc) => format!("custom {}", quote(desc)),
    };
    if i.optional {
        s.push_str(" optional");
    }
    if !i.categories.is_empty() {
        let c: Vec<&str> = i.categories.iter().map(|c| c.word()).collect();
        s.push_str(" categories ");
        s.push_str(&c.join(", "));
    }
    s
}

/// `data` lines for a list of data uses, keeping their order: runs of set names
/// as `data a, b`, runs of items as a `data { ... }` block.
pub(crate) fn write_data_uses(l: &mut Lines, uses: &[DataUse]) {
    let mut i = 0;
    while i < uses.len() {
        let sets: Vec<&str> = uses[i..]
            .iter()
            .map_while(|u| match u {
                DataUse::Set { name, .. } => Some(name.as_str()),
                DataUse::Item(_) => None,
            })
            .collect();
        if sets.is_empty() {
            let items: Vec<&DataItem> = uses[i..]
                .iter()
                .map_while(|u| match u {
                    DataUse::Item(item) => Some(item),
                    DataUse::Set { .. } => None,
                })
                .collect();
            i += items.len();
            l.block("data", |l| {
                for it in items {
                    l.line(&item(it));
                }
            });
        } else {
            i += sets.len();
            l.line(&format!("data {}", sets.join(", ")));
        }
    }
}

/// Data items of a `data` set block.
pub(crate) fn data_items(l: &mut Lines, items: &[DataItem]) {
    for it in items {
        l.line(&item(it));
    }
}

pub(crate) fn write_purposes(uses: &[PurposeUse]) -> String {
    uses.iter()
        .map(|u| {
            let mut s = u.purpose.word().to_string();
            if u.purpose == Purpose::OtherPurpose {
                if let Some(d) = &u.description {
                    s.push(' ');
                    s.push_str(&quote(d));
                }
            }
            if !u.required.is_default() {
                s.push(' ');
                s.push_str(u.required.word());
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn write_recipients(uses: &[RecipientUse]) -> String {
    uses.iter()
        .map(|u| {
            let mut s = u.name.clone();
            if !u.required.is_default() {
                s.push(' ');
                s.push_str(u.required.word());
            }
            if let Some(b) = u.basis {
                s.push_str(" basis ");
                s.push_str(&practice::word(&b));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn write_retention(r: &RetentionUse) -> String {
    match &r.period {
        Some(p) => format!("retain {} {}", r.value.word(), quote(p)),
        None => format!("retain {}", r.value.word()),
    }
}

fn statement(l: &mut Lines, s: &Statement) {
    let head = match &s.title {
        Some(t) => format!("collect {} {}", s.name, quote(t)),
        None => format!("collect {}", s.name),
    };
    l.block(&head, |l| {
        if !s.subjects.is_empty() {
            l.line(&format!("from {}", s.subjects.join(", ")));
        }
        write_data_uses(l, &s.data);
        if !s.purposes.is_empty() {
            l.line(&format!("for {}", write_purposes(&s.purposes)));
        }
        if !s.recipients.is_empty() {
            l.line(&format!("to {}", write_recipients(&s.recipients)));
        }
        if let Some(r) = &s.retention {
            l.line(&write_retention(r));
        }
        if !s.identifiable {
            l.line("non-identifiable");
        }
        law::practice(l, &s.legal);
        opt(l, "consequence", s.consequence.as_ref());
        opt(l, "text", s.text.as_ref());
    });
}

#[cfg(test)]
mod duration_tests {
    use super::duration;

    #[test]
    fn durations_use_the_largest_exact_unit_and_singular_for_one() {
        assert_eq!(duration(86_400), "1 day");
        assert_eq!(duration(172_800), "2 days");
        assert_eq!(duration(604_800), "1 week");
        assert_eq!(duration(90_000), "25 hours");
        assert_eq!(duration(61), "61 seconds");
        assert_eq!(duration(0), "0 seconds");
    }
}
