//! The view model: everything a template needs for one policy, as plain
//! serializable values. Every P3P term is worded by `crate::vocabulary`; policy
//! text is carried as text, and the templates auto-escape it.

use super::data::{self, DataGroup};
use super::href::Link;
use super::label::{self, LabelView};
use super::terms::{purpose_view, recipient_view, PurposeView, RecipientView, TermView};
use super::words::{self, humanize};
use crate::model::{Party, Policy};
use crate::vocabulary::{Purpose, Required, Term};
use serde::Serialize;
use std::collections::BTreeMap;

/// Prose split into paragraphs (the source language keeps a blank line as `\n\n`).
#[derive(Clone, Debug, Serialize)]
pub struct Prose {
    pub paragraphs: Vec<String>,
}

impl Prose {
    pub fn of(text: &str) -> Self {
        let text = text.replace("\r\n", "\n");
        Self {
            paragraphs: text
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }
    fn opt(text: Option<&String>) -> Option<Self> {
        text.map(|t| Self::of(t))
            .filter(|p| !p.paragraphs.is_empty())
    }
}

/// A table-of-contents entry; `id` is the section's anchor.
#[derive(Clone, Debug, Serialize)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Named {
    pub label: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityView {
    pub name: String,
    pub department: Option<String>,
    pub email: Option<Link>,
    pub phone: Option<Link>,
    pub url: Option<Link>,
    /// Postal address, one line each.
    pub postal: Vec<String>,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RetentionView {
    pub value: TermView,
    pub period: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatementView {
    pub id: String,
    pub title: String,
    pub subjects: Vec<Named>,
    pub data: Vec<DataGroup>,
    pub purposes: Vec<PurposeView>,
    pub recipients: Vec<RecipientView>,
    pub retention: Option<RetentionView>,
    pub identifiable: bool,
    pub consequence: Option<Prose>,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CookieView {
    pub id: String,
    /// The cookie's title, or its name in the policy in words ("Clear gifs").
    pub title: String,
    /// With a title (often the heading of a paragraph about several cookies): the
    /// cookie's name in the policy in words, which tells the cookies apart.
    pub subtitle: Option<String>,
    /// The cookie's actual name; `None`: any name.
    pub cookie_name: Option<String>,
    pub domain: Option<String>,
    pub path: Option<String>,
    pub third_party: bool,
    pub party: &'static str,
    pub provider: Option<String>,
    pub holds: Option<String>,
    pub categories: Vec<TermView>,
    pub purposes: Vec<PurposeView>,
    pub recipients: Vec<RecipientView>,
    pub lifetime: Option<String>,
    pub retention: Option<RetentionView>,
    pub linked: bool,
    pub cross_site: bool,
    pub text: Option<Prose>,
}

/// How data is used: one purpose across the policy.
#[derive(Clone, Debug, Serialize)]
pub struct UseView {
    pub purpose: TermView,
    /// The policy's own words for `other-purpose`.
    pub details: Vec<String>,
    /// The most permissive choice any practice gives it.
    pub choice: TermView,
    /// Titles of the practices that use it.
    pub by: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SharingView {
    pub id: String,
    /// The policy's own heading for the rule; without one the heading names the recipients.
    pub title: Option<String>,
    pub with: Vec<RecipientView>,
    pub data: Vec<DataGroup>,
    pub purposes: Vec<PurposeView>,
    pub choice: TermView,
    pub conditions: Option<Prose>,
    pub sale: bool,
    pub identifiable: bool,
    pub basis: Option<&'static str>,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RecipientDefView {
    pub label: String,
    pub kind: TermView,
    pub description: Option<String>,
}

/// One choice the policy offers: a purpose or recipient that is opt-in or opt-out.
#[derive(Clone, Debug, Serialize)]
pub struct ChoiceView {
    /// The practice's title (statement, cookie or sharing rule).
    pub practice: String,
    /// What the choice is about: a purpose's or recipient's label.
    pub what: String,
    pub choice: TermView,
}

#[derive(Clone, Debug, Serialize)]
pub struct OptOutView {
    pub title: String,
    pub how: Prose,
    pub url: Option<Link>,
    pub covers: Vec<String>,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MeasureView {
    pub kind: &'static str,
    pub description: Prose,
    pub covers: Vec<TermView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RetentionRuleView {
    pub title: String,
    pub period: String,
    pub applies_to: Vec<String>,
    pub destruction: Option<Prose>,
    pub text: Option<Prose>,
}

/// Retention of one statement or cookie (P3P RETENTION, REC §3.3.6).
#[derive(Clone, Debug, Serialize)]
pub struct KeptView {
    pub what: String,
    pub retention: RetentionView,
}

#[derive(Clone, Debug, Serialize)]
pub struct RightView {
    pub label: &'static str,
    pub description: &'static str,
    pub how: Prose,
    pub subjects: Vec<String>,
    pub limits: Option<Prose>,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DisputeView {
    pub resolution: TermView,
    pub service: Link,
    pub short_description: Option<String>,
    pub description: Option<Prose>,
    pub verification: Option<String>,
    /// The service's logo (P3P `IMG`), shown as its text: the page loads nothing.
    pub logo: Option<Link>,
    pub remedies: Vec<TermView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChangesView {
    pub post: Vec<&'static str>,
    pub notify: Vec<&'static str>,
    pub before_effective: bool,
    pub consent_for_new_uses: bool,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PromiseView {
    pub says: Prose,
    pub except: Vec<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub heading: String,
    pub text: Prose,
}

#[derive(Clone, Debug, Serialize)]
pub struct CoverageView {
    pub site: String,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub methods: Vec<String>,
}

/// Everything the templates see for one policy.
#[derive(Clone, Debug, Serialize)]
pub struct PageView {
    /// BCP 47 language of the text; `en` when the policy gives none (or an invalid one).
    pub lang: String,
    pub name: String,
    pub title: String,
    pub version: Option<String>,
    pub effective: Option<String>,
    /// `effective` when it is a `YYYY-MM-DD` date, for `<time datetime>`.
    pub effective_date: Option<String>,
    pub test: bool,
    pub summary: Option<Prose>,
    /// Where the P3P policy reference file lives (REC §2.2.1 well-known location).
    pub p3p_href: &'static str,
    pub discuri: Option<Link>,
    pub opturi: Option<Link>,
    pub covers: Vec<CoverageView>,
    pub entity: Option<EntityView>,
    pub label: LabelView,
    pub subjects: Vec<Named>,
    pub statements: Vec<StatementView>,
    pub cookies: Vec<CookieView>,
    pub uses: Vec<UseView>,
    pub recipients: Vec<RecipientDefView>,
    pub sharing: Vec<SharingView>,
    /// Every opt-in and opt-out the practices offer.
    pub choices: Vec<ChoiceView>,
    pub opt_outs: Vec<OptOutView>,
    pub security: Vec<MeasureView>,
    /// Prose introducing the security section.
    pub security_text: Option<Prose>,
    pub retention: Vec<RetentionRuleView>,
    pub kept: Vec<KeptView>,
    pub access: Option<TermView>,
    pub access_text: Option<Prose>,
    pub rights: Vec<RightView>,
    pub disputes: Vec<DisputeView>,
    pub changes: Option<ChangesView>,
    pub promises: Vec<PromiseView>,
    pub sections: Vec<SectionView>,
    /// Section headings by anchor, for the templates and the table of contents.
    pub headings: BTreeMap<&'static str, &'static str>,
    pub toc: Vec<TocEntry>,
}

/// Section anchors and headings, in page order.
const HEADINGS: &[(&str, &str)] = &[
    ("label", "Privacy at a glance"),
    ("who", "Who we are"),
    ("collect", "What we collect"),
    ("cookies", "Cookies"),
    ("use", "How we use information"),
    ("sharing", "Who receives information"),
    ("choices", "Your choices"),
    ("security", "Security"),
    ("retention", "How long we keep information"),
    ("rights", "Your rights"),
    ("promises", "Our commitments"),
    ("disputes", "Disputes and remedies"),
    ("changes", "Changes to this policy"),
    ("about", "About this policy"),
];

/// A BCP 47 tag of the plain form (`en`, `en-GB`, `zh-Hant-TW`); anything else
/// falls back to `en`, so the page's `lang` is always valid.
fn lang(policy: &Policy) -> String {
    let ok = |tag: &str| {
        let mut parts = tag.split('-');
        let first_ok = parts.next().is_some_and(|p| {
            (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic())
        });
        first_ok
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    policy
        .language
        .as_deref()
        .filter(|t| ok(t))
        .unwrap_or("en")
        .to_string()
}

fn is_ymd(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn statement_title(s: &crate::model::Statement) -> String {
    s.title.clone().unwrap_or_else(|| humanize(&s.name))
}

fn cookie_title(c: &crate::model::Cookie) -> String {
    c.cookie_name
        .clone()
        .unwrap_or_else(|| format!("{} cookie", humanize(&c.name)))
}

/// The reader's name for a statement, sharing rule or cookie named in the source.
fn practice_title(policy: &Policy, name: &str) -> String {
    if let Some(s) = policy.statements.iter().find(|s| s.name == name) {
        return statement_title(s);
    }
    if let Some(c) = policy.cookies.iter().find(|c| c.name == name) {
        return cookie_title(c);
    }
    humanize(name)
}

fn retention_view(r: &crate::model::RetentionUse) -> RetentionView {
    RetentionView {
        value: TermView::of(r.value),
        period: r.period.clone(),
    }
}

fn subject_view(policy: &Policy, name: &str) -> Named {
    let def = policy.subjects.iter().find(|s| s.name == name);
    Named {
        label: humanize(name),
        description: def.and_then(|d| d.description.clone()),
    }
}

fn purposes(list: &[crate::model::PurposeUse]) -> Vec<PurposeView> {
    list.iter()
        .map(|p| purpose_view(p.purpose, p.required, p.description.as_ref()))
        .collect()
}

fn recipients(policy: &Policy, list: &[crate::model::RecipientUse]) -> Vec<RecipientView> {
    list.iter()
        .map(|r| recipient_view(policy, &r.name, r.required))
        .collect()
}

fn entity(e: &crate::model::Entity) -> EntityView {
    let mut postal = Vec::new();
    if let Some(p) = &e.postal {
        postal.extend(p.organization.iter().cloned());
        postal.extend(p.street.iter().cloned());
        let line: Vec<&str> = [&p.city, &p.stateprov, &p.postalcode]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .collect();
        if !line.is_empty() {
            postal.push(line.join(" "));
        }
        postal.extend(p.country.iter().cloned());
    }
    EntityView {
        name: e.name.clone(),
        department: e.department.clone(),
        email: e.email.as_deref().map(Link::email),
        phone: e.phone.as_deref().map(Link::phone),
        url: e.url.as_deref().map(Link::url),
        postal,
        text: Prose::opt(e.text.as_ref()),
    }
}

/// How data is used: every purpose any practice names, with the most permissive
/// choice given to it (as in the label).
fn uses(policy: &Policy) -> Vec<UseView> {
    let mut by_purpose: BTreeMap<Purpose, (Required, Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut add = |list: &[crate::model::PurposeUse], by: String| {
        for p in list {
            let req = if p.purpose.takes_required() {
                p.required
            } else {
                Required::Always
            };
            let entry = by_purpose
                .entry(p.purpose)
                .or_insert((req, Vec::new(), Vec::new()));
            if req.permissiveness() > entry.0.permissiveness() {
                entry.0 = req;
            }
            if !entry.1.contains(&by) {
                entry.1.push(by.clone());
            }
            if let Some(d) = &p.description {
                if !entry.2.contains(d) {
                    entry.2.push(d.clone());
                }
            }
        }
    };
    for s in &policy.statements {
        add(&s.purposes, statement_title(s));
    }
    for c in &policy.cookies {
        add(&c.purposes, cookie_title(c));
    }
    for s in &policy.sharing {
        add(&s.purposes, format!("Sharing: {}", humanize(&s.name)));
    }
    Purpose::ALL
        .iter()
        .filter_map(|p| {
            by_purpose.remove(p).map(|(req, by, details)| UseView {
                purpose: TermView::of(*p),
                details,
                choice: TermView::of(req),
                by,
            })
        })
        .collect()
}

fn cookie(policy: &Policy, i: usize, c: &crate::model::Cookie) -> CookieView {
    CookieView {
        id: format!("cookie-{}", i + 1),
        title: c.title.clone().unwrap_or_else(|| humanize(&c.name)),
        subtitle: c.title.as_ref().map(|_| humanize(&c.name)),
        cookie_name: c.cookie_name.clone(),
        domain: c.domain.clone(),
        path: c.path.clone(),
        third_party: c.party == Party::Third,
        party: words::party(c.party),
        provider: c
            .provider
            .as_ref()
            .map(|p| recipient_view(policy, p, Required::Always).label),
        holds: c.holds.clone(),
        categories: c.categories.iter().map(|k| TermView::of(*k)).collect(),
        purposes: purposes(&c.purposes),
        recipients: recipients(policy, &c.recipients),
        lifetime: c.lifetime.clone(),
        retention: c.retention.as_ref().map(retention_view),
        linked: c.linked,
        cross_site: c.cross_site,
        text: Prose::opt(c.text.as_ref()),
    }
}

fn sharing(policy: &Policy, i: usize, s: &crate::model::Sharing) -> SharingView {
    SharingView {
        id: format!("share-{}", i + 1),
        title: s.title.clone(),
        with: s
            .with
            .iter()
            .map(|w| recipient_view(policy, w, s.choice))
            .collect(),
        data: data::groups(policy, &s.data),
        purposes: purposes(&s.purposes),
        choice: TermView::of(s.choice),
        conditions: Prose::opt(s.conditions.as_ref()),
        sale: s.sale,
        identifiable: s.identifiable,
        basis: s.basis.map(words::exception),
        text: Prose::opt(s.text.as_ref()),
    }
}

/// Every purpose or recipient a practice makes opt-in or opt-out (REC §3.3.4-5:
/// `current` and `ours` never are), in source order.
fn choices(policy: &Policy) -> Vec<ChoiceView> {
    let mut out = Vec::new();
    let mut add = |practice: &str,
                   purposes: &[crate::model::PurposeUse],
                   recipients: &[crate::model::RecipientUse]| {
        for p in purposes {
            let v = purpose_view(p.purpose, p.required, p.description.as_ref());
            if v.choice.word != Required::Always.word() {
                out.push(ChoiceView {
                    practice: practice.to_string(),
                    what: match &v.detail {
                        Some(d) => format!("{}: {d}", v.purpose.label),
                        None => v.purpose.label.to_string(),
                    },
                    choice: v.choice,
                });
            }
        }
        for r in recipients {
            let v = recipient_view(policy, &r.name, r.required);
            if v.choice.word != Required::Always.word() {
                out.push(ChoiceView {
                    practice: practice.to_string(),
                    what: format!("Sharing with {}", v.label),
                    choice: v.choice,
                });
            }
        }
    };
    for s in &policy.statements {
        add(&statement_title(s), &s.purposes, &s.recipients);
    }
    for c in &policy.cookies {
        add(&cookie_title(c), &c.purposes, &c.recipients);
    }
    for s in &policy.sharing {
        if s.choice != Required::Always {
            let with: Vec<String> = s
                .with
                .iter()
                .map(|w| recipient_view(policy, w, s.choice).label)
                .collect();
            out.push(ChoiceView {
                practice: format!("Sharing: {}", humanize(&s.name)),
                what: format!("Sharing with {}", with.join(", ")),
                choice: TermView::of(s.choice),
            });
        }
    }
    out
}

/// The policy's promises, each text once: several claims often rest on one sentence
/// of the policy; their exceptions are merged.
fn promises(policy: &Policy) -> Vec<PromiseView> {
    let mut out: Vec<(&str, PromiseView)> = Vec::new();
    for p in &policy.promises {
        let except = p.except.iter().map(|e| words::exception(*e));
        if let Some((_, view)) = out.iter_mut().find(|(says, _)| *says == p.says) {
            for e in except {
                if !view.except.contains(&e) {
                    view.except.push(e);
                }
            }
        } else {
            out.push((
                &p.says,
                PromiseView {
                    says: Prose::of(&p.says),
                    except: except.collect(),
                },
            ));
        }
    }
    out.into_iter().map(|(_, v)| v).collect()
}

fn kept(policy: &Policy) -> Vec<KeptView> {
    let statements = policy.statements.iter().filter_map(|s| {
        s.retention.as_ref().map(|r| KeptView {
            what: statement_title(s),
            retention: retention_view(r),
        })
    });
    let cookies = policy.cookies.iter().filter_map(|c| {
        c.retention.as_ref().map(|r| KeptView {
            what: cookie_title(c),
            retention: retention_view(r),
        })
    });
    statements.chain(cookies).collect()
}

/// Builds the view of one policy.
#[allow(clippy::too_many_lines)]
pub fn page(policy: &Policy) -> PageView {
    let statements: Vec<StatementView> = policy
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| StatementView {
            id: format!("collect-{}", i + 1),
            title: statement_title(s),
            subjects: s.subjects.iter().map(|n| subject_view(policy, n)).collect(),
            data: data::groups(policy, &s.data),
            purposes: purposes(&s.purposes),
            recipients: recipients(policy, &s.recipients),
            retention: s.retention.as_ref().map(retention_view),
            identifiable: s.identifiable,
            consequence: Prose::opt(s.consequence.as_ref()),
            text: Prose::opt(s.text.as_ref()),
        })
        .collect();
    let sections: Vec<SectionView> = policy
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| SectionView {
            id: format!("section-{}", i + 1),
            heading: s.heading.clone(),
            text: Prose::of(&s.text),
        })
        .collect();
    let mut view = PageView {
        lang: lang(policy),
        name: policy.name.clone(),
        // An empty <title> is invalid HTML: fall back to the policy's name.
        title: if policy.title.trim().is_empty() {
            humanize(&policy.name)
        } else {
            policy.title.clone()
        },
        version: policy.version.clone(),
        effective: policy.effective.clone(),
        effective_date: policy.effective.clone().filter(|d| is_ymd(d)),
        test: policy.test,
        summary: Prose::opt(policy.summary.as_ref()),
        p3p_href: "/w3c/p3p.xml",
        discuri: policy.discuri.as_deref().map(Link::url),
        opturi: policy.opturi.as_deref().map(Link::url),
        covers: policy
            .covers
            .iter()
            .map(|c| CoverageView {
                site: c.site.clone(),
                include: c.include.clone(),
                exclude: c.exclude.clone(),
                methods: c.methods.clone(),
            })
            .collect(),
        entity: policy.entity.as_ref().map(entity),
        label: label::label(policy),
        subjects: policy
            .subjects
            .iter()
            .map(|s| subject_view(policy, &s.name))
            .collect(),
        statements,
        cookies: policy
            .cookies
            .iter()
            .enumerate()
            .map(|(i, c)| cookie(policy, i, c))
            .collect(),
        uses: uses(policy),
        recipients: policy
            .recipients
            .iter()
            .map(|r| RecipientDefView {
                label: humanize(&r.name),
                kind: TermView::of(r.kind),
                description: r.description.clone(),
            })
            .collect(),
        sharing: policy
            .sharing
            .iter()
            .enumerate()
            .map(|(i, s)| sharing(policy, i, s))
            .collect(),
        choices: choices(policy),
        opt_outs: policy
            .opt_outs
            .iter()
            .map(|o| OptOutView {
                title: humanize(&o.name),
                how: Prose::of(&o.how),
                url: o.url.as_deref().map(Link::url),
                covers: o.covers.iter().map(|n| practice_title(policy, n)).collect(),
                text: Prose::opt(o.text.as_ref()),
            })
            .collect(),
        security: policy
            .security
            .iter()
            .map(|m| MeasureView {
                kind: words::measure(m.kind),
                description: Prose::of(&m.description),
                covers: m.covers.iter().map(|c| TermView::of(*c)).collect(),
            })
            .collect(),
        security_text: Prose::opt(policy.security_text.as_ref()),
        retention: policy
            .retention
            .iter()
            .map(|r| RetentionRuleView {
                title: humanize(&r.name),
                period: r.period.clone(),
                applies_to: r
                    .applies_to
                    .iter()
                    .map(|n| practice_title(policy, n))
                    .collect(),
                destruction: Prose::opt(r.destruction.as_ref()),
                text: Prose::opt(r.text.as_ref()),
            })
            .collect(),
        kept: kept(policy),
        access: policy.access.map(TermView::of),
        access_text: Prose::opt(policy.access_text.as_ref()),
        rights: policy
            .rights
            .iter()
            .map(|r| {
                let (label, description) = words::right(r.kind);
                RightView {
                    label,
                    description,
                    how: Prose::of(&r.how),
                    subjects: r.subjects.iter().map(|s| humanize(s)).collect(),
                    limits: Prose::opt(r.limits.as_ref()),
                    text: Prose::opt(r.text.as_ref()),
                }
            })
            .collect(),
        disputes: policy
            .disputes
            .iter()
            .map(|d| DisputeView {
                resolution: TermView::of(d.resolution),
                service: Link::url(&d.service),
                short_description: d.short_description.clone(),
                description: Prose::opt(d.description.as_ref()),
                verification: d.verification.clone(),
                logo: d.logo.as_ref().map(|l| Link::web(&l.alt, &l.src)),
                remedies: d.remedies.iter().map(|r| TermView::of(*r)).collect(),
            })
            .collect(),
        changes: policy.changes.as_ref().map(|c| ChangesView {
            post: c.post.iter().map(|m| words::notify(*m)).collect(),
            notify: c.notify.iter().map(|m| words::notify(*m)).collect(),
            before_effective: c.before_effective,
            consent_for_new_uses: c.consent_for_new_uses,
            text: Prose::opt(c.text.as_ref()),
        }),
        promises: promises(policy),
        sections,
        headings: HEADINGS.iter().copied().collect(),
        toc: Vec::new(),
    };
    view.toc = toc(&view);
    view
}

/// The table of contents: every section the page has, in page order, the free
/// prose sections after the practices and before "About this policy".
fn toc(v: &PageView) -> Vec<TocEntry> {
    let present = |id: &str| match id {
        "who" => v.entity.is_some() || !v.subjects.is_empty(),
        "collect" => !v.statements.is_empty(),
        "cookies" => !v.cookies.is_empty(),
        "use" => !v.uses.is_empty(),
        "sharing" => !v.sharing.is_empty() || !v.recipients.is_empty(),
        "choices" => !v.opt_outs.is_empty() || v.opturi.is_some() || !v.choices.is_empty(),
        "security" => !v.security.is_empty() || v.security_text.is_some(),
        "retention" => !v.retention.is_empty() || !v.kept.is_empty(),
        "rights" => !v.rights.is_empty() || v.access.is_some() || v.access_text.is_some(),
        "promises" => !v.promises.is_empty(),
        "disputes" => !v.disputes.is_empty(),
        "changes" => v.changes.is_some(),
        _ => true,
    };
    let mut out = Vec::new();
    for (id, title) in HEADINGS {
        if *id == "about" {
            out.extend(v.sections.iter().map(|s| TocEntry {
                id: s.id.clone(),
                title: s.heading.clone(),
            }));
        }
        if present(id) {
            out.push(TocEntry {
                id: (*id).to_string(),
                title: (*title).to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_splits_paragraphs_at_blank_lines() {
        let p = Prose::of("One.\n\nTwo\nlines.\r\n\r\n\n\nThree.  ");
        assert_eq!(p.paragraphs, ["One.", "Two\nlines.", "Three."]);
        assert!(Prose::opt(Some(&"  \n\n ".to_string())).is_none());
    }

    #[test]
    fn only_valid_language_tags_reach_the_page() {
        let mut policy = Policy::default();
        for (given, expected) in [
            (None, "en"),
            (Some("de"), "de"),
            (Some("zh-Hant-TW"), "zh-Hant-TW"),
            (Some("en\" onload=\"x"), "en"),
            (Some("e"), "en"),
        ] {
            policy.language = given.map(str::to_string);
            assert_eq!(lang(&policy), expected);
        }
    }

    #[test]
    fn the_table_of_contents_lists_only_present_sections() {
        let policy = Policy {
            name: "p".into(),
            title: "T".into(),
            sections: vec![crate::model::Section {
                heading: "Copyright".into(),
                text: "All rights reserved.".into(),
                origin: crate::span::Origin::default(),
            }],
            ..Policy::default()
        };
        let view = page(&policy);
        let ids: Vec<&str> = view.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["label", "section-1", "about"]);
    }
}
