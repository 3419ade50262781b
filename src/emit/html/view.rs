//! The view model: everything a template needs for one policy, as plain
//! serializable values, worded from one language's catalogue. Every vocabulary
//! term is worded by its reader wording (`vocabulary::reader`); policy text is
//! carried as text, and the templates auto-escape it.
//!
//! The page is layered: the essentials (who, what, why, who gets it, how long,
//! rights, choices, contact) and the label first, then the details folded, the
//! collection practices grouped by what they are for.

use super::catalog::{self, Catalog};
use super::changed::{self, ChangedView};
use super::data::{self, DataGroup};
use super::href::Link;
use super::label::{self, LabelView};
use super::legal::{self, LegalView};
use super::names::Names;
use super::terms::{
    purpose_view, recipient_kind, recipient_view, PurposeView, RecipientView, TermView,
};
use super::words::{self, humanize};
use crate::model::{Party, Policy};
use crate::vocabulary::reader::Kind;
use crate::vocabulary::{Purpose, Recipient, Required, Term};
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

/// A link within the page.
#[derive(Clone, Debug, Serialize)]
pub struct Anchor {
    pub id: String,
    pub text: String,
}

/// The collection practices that serve one use (a column of the label), folded.
#[derive(Clone, Debug, Serialize)]
pub struct GroupView {
    pub id: String,
    pub heading: String,
    pub description: String,
    pub statements: Vec<StatementView>,
    /// Cookies and sharing rules that serve this use too, detailed in their sections.
    pub also: Vec<Anchor>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CookieView {
    pub id: String,
    /// The cookie's title, or its name in the policy in words ("Clear gifs").
    pub title: String,
    /// With a title: the cookie's name in the policy in words.
    pub subtitle: Option<String>,
    /// How the cookie's actual name is given: `exact`, `prefix` (a pattern `_ga*`:
    /// names starting with `name`), `pattern` (another pattern) or `any`.
    pub name_kind: &'static str,
    pub name: Option<String>,
    pub domain: Option<String>,
    pub path: Option<String>,
    pub third_party: bool,
    /// Who sets and reads it: us, or the provider.
    pub provider: String,
    pub holds: Option<String>,
    pub purposes: Vec<PurposeView>,
    pub recipients: Vec<RecipientView>,
    /// Whether it needs consent: `opt-in` (set only with consent), `opt-out`
    /// (set unless refused) or `always` (needed); worded in `consent`.
    pub consent_key: &'static str,
    pub consent: String,
    pub lifetime: Option<String>,
    pub retention: Option<RetentionView>,
    pub linked: bool,
    pub cross_site: bool,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SharingView {
    pub id: String,
    /// The policy's own heading for the rule, else the recipients' names.
    pub title: String,
    pub titled: bool,
    pub with: Vec<RecipientView>,
    pub data: Vec<DataGroup>,
    pub purposes: Vec<PurposeView>,
    pub choice: TermView,
    pub conditions: Option<Prose>,
    pub sale: bool,
    pub identifiable: bool,
    pub basis: Option<String>,
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
    pub kind: String,
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

/// Practices kept alike, said once: one retention value (and period) and every
/// statement or cookie it applies to.
#[derive(Clone, Debug, Serialize)]
pub struct KeptView {
    pub retention: RetentionView,
    pub what: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RightView {
    pub id: String,
    pub label: String,
    pub description: String,
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
    /// The service's logo, shown as its text: the page loads nothing.
    pub logo: Option<Link>,
    pub remedies: Vec<TermView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ChangesView {
    /// "We post every change to this policy by email and on our home page."
    pub post: Option<String>,
    pub notify: Option<String>,
    pub before_effective: bool,
    pub consent_for_new_uses: bool,
    pub text: Option<Prose>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PromiseView {
    pub says: Prose,
    pub except: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub heading: String,
    pub text: Prose,
}

/// One path pattern of a site the policy covers, in words: `all` (the whole
/// site), `under` (pages under `path`) or `path` (that page).
#[derive(Clone, Debug, Serialize)]
pub struct PathView {
    pub kind: &'static str,
    pub path: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CoverageView {
    pub site: String,
    pub include: Vec<PathView>,
    pub exclude: Vec<PathView>,
    pub methods: Vec<String>,
}

/// One use in the essentials: its label and, when the person has a say, the choice.
#[derive(Clone, Debug, Serialize)]
pub struct UseView {
    pub label: String,
    pub choice: Option<TermView>,
    /// The legal grounds the use rests on (GDPR Art. 6(1)), in reader wording.
    pub grounds: Vec<String>,
}

/// The first screen: the answers people look for, each linking to its details.
#[derive(Clone, Debug, Serialize)]
pub struct EssentialsView {
    /// Kinds of information collected, as the label's rows name them.
    pub collect: Vec<String>,
    pub uses: Vec<UseView>,
    /// Who else receives information (not us and those working for us).
    pub recipients: Vec<String>,
    pub sale: bool,
    /// How long, each distinct answer once.
    pub kept: Vec<String>,
    pub rights: Vec<Anchor>,
    /// How many choices the practices offer.
    pub choices: usize,
    pub disputes: Vec<DisputeView>,
}

/// Another language's page of the same policy (`hreflang`).
#[derive(Clone, Debug, Serialize)]
pub struct AlternateView {
    pub lang: String,
    pub href: String,
    /// The language's name in itself ("Deutsch").
    pub name: String,
}

/// Everything the templates see for one policy.
#[derive(Clone, Debug, Serialize)]
pub struct PageView {
    /// BCP 47 language of the text; `en` when the policy gives none (or an invalid one).
    pub lang: String,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The catalogue the page's own text comes from (`en`, `de`, `fr`).
    pub ui: &'static str,
    pub name: String,
    pub title: String,
    pub version: Option<String>,
    pub effective: Option<String>,
    /// `effective` when it is a `YYYY-MM-DD` date, for `<time datetime>`.
    pub effective_date: Option<String>,
    pub test: bool,
    pub summary: Option<Prose>,
    /// Where the machine-readable policy reference file lives (REC §2.2.1).
    pub p3p_href: &'static str,
    pub discuri: Option<Link>,
    pub opturi: Option<Link>,
    pub covers: Vec<CoverageView>,
    pub entity: Option<EntityView>,
    /// The Data Protection Officer (GDPR Art. 13(1)(b)).
    pub dpo: Option<EntityView>,
    /// The supervisory authority people may complain to (GDPR Art. 13(2)(d)).
    pub authority: Option<EntityView>,
    pub essentials: EssentialsView,
    pub label: LabelView,
    pub subjects: Vec<Named>,
    pub groups: Vec<GroupView>,
    pub cookies: Vec<CookieView>,
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
    /// The same policy in the other languages it is given in (the language switcher).
    pub alternates: Vec<AlternateView>,
    /// Every language's page, this one included, for `<link rel="alternate" hreflang>`.
    pub hreflang: Vec<AlternateView>,
    /// The page for readers whose language is none of them: the first language's.
    pub x_default: Option<String>,
    /// The language of the policy's prose when it is not the page's (a language
    /// without a catalogue, H001): set on the prose paragraphs.
    pub prose_lang: Option<String>,
    /// What changed since the previous version, when one was given.
    pub changed: Option<ChangedView>,
    /// Legal grounds, transfers, representatives, California items.
    pub legal: LegalView,
}

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

pub(super) fn is_ymd(s: &str) -> bool {
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
    c.title.clone().unwrap_or_else(|| humanize(&c.name))
}

fn sharing_title(cat: &Catalog, names: &Names<'_>, s: &crate::model::Sharing) -> String {
    s.title.clone().unwrap_or_else(|| {
        let with: Vec<String> = s
            .with
            .iter()
            .map(|w| recipient_view(cat, names, w, s.choice).label)
            .collect();
        format!("{} {}", cat.msg("share-with"), words::list(cat, &with))
    })
}

/// The reader's name for a statement, sharing rule or cookie named in the source.
fn practice_title(names: &Names<'_>, name: &str) -> String {
    if let Some(s) = names.statements.get(name) {
        return statement_title(s);
    }
    if let Some(c) = names.cookies.get(name) {
        return cookie_title(c);
    }
    if let Some(s) = names.sharing.get(name) {
        if let Some(t) = &s.title {
            return t.clone();
        }
    }
    humanize(name)
}

fn retention_view(cat: &Catalog, r: &crate::model::RetentionUse) -> RetentionView {
    RetentionView {
        value: TermView::of(cat, r.value),
        period: r.period.clone(),
    }
}

fn subject_view(names: &Names<'_>, name: &str) -> Named {
    let def = names.subjects.get(name);
    Named {
        label: humanize(name),
        description: def.and_then(|d| d.description.clone()),
    }
}

fn purposes(cat: &Catalog, list: &[crate::model::PurposeUse]) -> Vec<PurposeView> {
    list.iter()
        .map(|p| purpose_view(cat, p.purpose, p.required, p.description.as_ref()))
        .collect()
}

fn recipients(
    cat: &Catalog,
    names: &Names<'_>,
    list: &[crate::model::RecipientUse],
) -> Vec<RecipientView> {
    list.iter()
        .map(|r| RecipientView {
            basis: r.basis.map(|b| words::exception(cat, b)),
            ..recipient_view(cat, names, &r.name, r.required)
        })
        .collect()
}

pub(super) fn entity(e: &crate::model::Entity) -> EntityView {
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

/// Every purpose any practice names, with the most permissive choice given to
/// it (as in the label), in the vocabulary's order.
fn uses(cat: &Catalog, policy: &Policy, grounds: &[crate::check::Ground]) -> Vec<UseView> {
    let mut by_purpose: BTreeMap<Purpose, Required> = BTreeMap::new();
    let lists = policy
        .statements
        .iter()
        .map(|s| &s.purposes)
        .chain(policy.cookies.iter().map(|c| &c.purposes))
        .chain(policy.sharing.iter().map(|s| &s.purposes));
    for list in lists {
        for p in list {
            let req = label::choice_of(p);
            let entry = by_purpose.entry(p.purpose).or_insert(req);
            if req.permissiveness() > entry.permissiveness() {
                *entry = req;
            }
        }
    }
    Purpose::ALL
        .iter()
        .filter_map(|p| {
            by_purpose.get(p).map(|req| UseView {
                label: cat.msg(&crate::vocabulary::reader::message_id(*p)),
                choice: (*req != Required::Always).then(|| TermView::of(cat, *req)),
                grounds: legal::grounds_of(cat, grounds, *p),
            })
        })
        .collect()
}

/// A cookie name as given: exact, a prefix pattern (`_ga*`), another pattern, or any.
fn cookie_name(name: Option<&String>) -> (&'static str, Option<String>) {
    match name {
        None => ("any", None),
        Some(n) if n.trim().is_empty() || n.trim() == "*" => ("any", None),
        Some(n) => match n.strip_suffix('*') {
            Some(stem) if !stem.contains(['*', '?']) => ("prefix", Some(stem.to_string())),
            _ if n.contains(['*', '?']) => ("pattern", Some(n.clone())),
            _ => ("exact", Some(n.clone())),
        },
    }
}

fn cookie(cat: &Catalog, names: &Names<'_>, i: usize, c: &crate::model::Cookie) -> CookieView {
    let (name_kind, name) = cookie_name(c.cookie_name.as_ref());
    let consent = label::cookie_choice(c);
    let consent_key = consent.word();
    CookieView {
        id: format!("cookie-{}", i + 1),
        title: cookie_title(c),
        subtitle: c.title.as_ref().map(|_| humanize(&c.name)),
        name_kind,
        name,
        domain: c.domain.clone(),
        path: c.path.clone(),
        third_party: c.party == Party::Third,
        provider: match (&c.provider, c.provider_basis) {
            (Some(p), Some(b)) => format!(
                "{} ({})",
                recipient_view(cat, names, p, Required::Always).label,
                words::exception(cat, b)
            ),
            (Some(p), None) => recipient_view(cat, names, p, Required::Always).label,
            (None, _) => words::party(cat, c.party),
        },
        holds: c.holds.clone(),
        purposes: purposes(cat, &c.purposes),
        recipients: recipients(cat, names, &c.recipients),
        consent_key,
        consent: cat.msg(&format!("consent-{consent_key}")),
        lifetime: c.lifetime.clone(),
        retention: c.retention.as_ref().map(|r| retention_view(cat, r)),
        linked: c.linked,
        cross_site: c.cross_site,
        text: Prose::opt(c.text.as_ref()),
    }
}

fn sharing(cat: &Catalog, names: &Names<'_>, i: usize, s: &crate::model::Sharing) -> SharingView {
    SharingView {
        id: format!("share-{}", i + 1),
        title: sharing_title(cat, names, s),
        titled: s.title.is_some(),
        with: s
            .with
            .iter()
            .map(|w| recipient_view(cat, names, w, s.choice))
            .collect(),
        data: data::groups(cat, names, &s.data),
        purposes: purposes(cat, &s.purposes),
        choice: TermView::of(cat, s.choice),
        conditions: Prose::opt(s.conditions.as_ref()),
        sale: s.sale,
        identifiable: s.identifiable,
        basis: s.basis.map(|b| words::exception(cat, b)),
        text: Prose::opt(s.text.as_ref()),
    }
}

/// Every purpose or recipient a practice makes opt-in or opt-out (REC §3.3.4-5:
/// `current` and `ours` never are), in source order.
fn choices(cat: &Catalog, names: &Names<'_>) -> Vec<ChoiceView> {
    let policy = names.policy;
    let mut out = Vec::new();
    let mut add = |practice: &str,
                   purposes: &[crate::model::PurposeUse],
                   recipients: &[crate::model::RecipientUse]| {
        for p in purposes {
            let v = purpose_view(cat, p.purpose, p.required, p.description.as_ref());
            if v.choice.word != Required::Always.word() {
                out.push(ChoiceView {
                    practice: practice.to_string(),
                    what: match &v.detail {
                        Some(d) => format!("{}: {d}", v.purpose.label),
                        None => v.purpose.label.clone(),
                    },
                    choice: v.choice,
                });
            }
        }
        for r in recipients {
            let v = recipient_view(cat, names, &r.name, r.required);
            if v.choice.word != Required::Always.word() {
                out.push(ChoiceView {
                    practice: practice.to_string(),
                    what: format!("{} {}", cat.msg("share-with"), v.label),
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
                .map(|w| recipient_view(cat, names, w, s.choice).label)
                .collect();
            out.push(ChoiceView {
                practice: sharing_title(cat, names, s),
                what: format!("{} {}", cat.msg("share-with"), words::list(cat, &with)),
                choice: TermView::of(cat, s.choice),
            });
        }
    }
    out
}

/// The policy's promises, each text once: several claims often rest on one sentence
/// of the policy; their exceptions are merged.
fn promises(cat: &Catalog, policy: &Policy) -> Vec<PromiseView> {
    let mut out: Vec<(&str, PromiseView)> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &policy.promises {
        let except: Vec<String> = p.except.iter().map(|e| words::exception(cat, *e)).collect();
        if let Some(&i) = index.get(p.says.as_str()) {
            let view = &mut out[i].1;
            for e in except {
                if !view.except.contains(&e) {
                    view.except.push(e);
                }
            }
        } else {
            index.insert(&p.says, out.len());
            out.push((
                &p.says,
                PromiseView {
                    says: Prose::of(&p.says),
                    except,
                },
            ));
        }
    }
    out.into_iter().map(|(_, v)| v).collect()
}

/// Retention of statements and cookies, each distinct answer once with every
/// practice it applies to.
fn kept(cat: &Catalog, policy: &Policy) -> Vec<KeptView> {
    let items = policy
        .statements
        .iter()
        .filter_map(|s| s.retention.as_ref().map(|r| (statement_title(s), r)))
        .chain(
            policy
                .cookies
                .iter()
                .filter_map(|c| c.retention.as_ref().map(|r| (cookie_title(c), r))),
        );
    let mut out: Vec<KeptView> = Vec::new();
    let mut index: BTreeMap<(&'static str, Option<String>), usize> = BTreeMap::new();
    // (answer, practice) pairs already listed: a set, not a search of the list.
    let mut listed: std::collections::HashSet<(usize, String)> = std::collections::HashSet::new();
    for (what, r) in items {
        let key = (r.value.word(), r.period.clone());
        if let Some(&i) = index.get(&key) {
            if listed.insert((i, what.clone())) {
                out[i].what.push(what);
            }
        } else {
            index.insert(key, out.len());
            listed.insert((out.len(), what.clone()));
            out.push(KeptView {
                retention: retention_view(cat, r),
                what: vec![what],
            });
        }
    }
    out
}

fn path_view(pattern: &str) -> PathView {
    let p = pattern.trim();
    if matches!(p, "*" | "/*" | "/" | "") {
        PathView {
            kind: "all",
            path: String::new(),
        }
    } else if let Some(stem) = p.strip_suffix('*').filter(|s| !s.contains('*')) {
        PathView {
            kind: "under",
            path: stem.to_string(),
        }
    } else {
        PathView {
            kind: "path",
            path: p.to_string(),
        }
    }
}

/// The label column a purpose belongs to, as the id of a purpose group.
fn group_of(purposes: &[crate::model::PurposeUse]) -> &'static str {
    purposes
        .first()
        .map_or("other-uses", |p| label::use_column(p.purpose))
}

fn statement_view(
    cat: &Catalog,
    names: &Names<'_>,
    i: usize,
    s: &crate::model::Statement,
) -> StatementView {
    StatementView {
        id: format!("collect-{}", i + 1),
        title: statement_title(s),
        subjects: s.subjects.iter().map(|n| subject_view(names, n)).collect(),
        data: data::groups(cat, names, &s.data),
        purposes: purposes(cat, &s.purposes),
        recipients: recipients(cat, names, &s.recipients),
        retention: s.retention.as_ref().map(|r| retention_view(cat, r)),
        identifiable: s.identifiable,
        consequence: Prose::opt(s.consequence.as_ref()),
        text: Prose::opt(s.text.as_ref()),
    }
}

/// The collection practices grouped by the use of their first purpose, in the
/// label's column order; cookies and sharing rules serving a use are linked.
fn groups(
    cat: &Catalog,
    policy: &Policy,
    names: &Names<'_>,
    cookies: &[CookieView],
    sharing: &[SharingView],
) -> Vec<GroupView> {
    let mut by_group: BTreeMap<&'static str, GroupView> = BTreeMap::new();
    let new_group = |id: &'static str| GroupView {
        id: format!("use-{id}"),
        heading: cat.msg(&format!("group-{id}")),
        description: cat.attr(&format!("group-{id}"), "description"),
        statements: Vec::new(),
        also: Vec::new(),
    };
    for (i, s) in policy.statements.iter().enumerate() {
        let g = group_of(&s.purposes);
        by_group
            .entry(g)
            .or_insert_with(|| new_group(g))
            .statements
            .push(statement_view(cat, names, i, s));
    }
    let others = policy
        .cookies
        .iter()
        .zip(cookies)
        .map(|(c, v)| {
            (
                &c.purposes,
                Anchor {
                    id: v.id.clone(),
                    text: v.title.clone(),
                },
            )
        })
        .chain(policy.sharing.iter().zip(sharing).map(|(s, v)| {
            (
                &s.purposes,
                Anchor {
                    id: v.id.clone(),
                    text: v.title.clone(),
                },
            )
        }));
    for (list, anchor) in others {
        let mut seen = Vec::new();
        for p in list {
            let g = label::use_column(p.purpose);
            if !seen.contains(&g) {
                seen.push(g);
                by_group
                    .entry(g)
                    .or_insert_with(|| new_group(g))
                    .also
                    .push(anchor.clone());
            }
        }
    }
    label::use_columns()
        .iter()
        .filter_map(|id| by_group.remove(id))
        .collect()
}

fn essentials(
    cat: &Catalog,
    names: &Names<'_>,
    view: &PageView,
    grounds: &[crate::check::Ground],
    grid: &label::Grid,
) -> EssentialsView {
    let policy = names.policy;
    let collect = Kind::ALL
        .iter()
        .filter(|k| grid.collected.contains(k))
        .map(|k| cat.msg(&format!("kind-{}", k.id())))
        .collect();
    let mut recipients: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut add = |name: &str, required: Required| {
        if recipient_kind(names, name).is_some_and(|k| k == Recipient::Ours) {
            return;
        }
        let label = recipient_view(cat, names, name, required).label;
        if seen.insert(label.clone()) {
            recipients.push(label);
        }
    };
    for s in &policy.statements {
        for r in &s.recipients {
            add(&r.name, r.required);
        }
    }
    for c in &policy.cookies {
        for r in &c.recipients {
            add(&r.name, r.required);
        }
        if let Some(p) = &c.provider {
            add(p, Required::Always);
        }
    }
    for s in &policy.sharing {
        for w in &s.with {
            add(w, s.choice);
        }
    }
    let mut kept: Vec<String> = Vec::new();
    let mut listed: std::collections::HashSet<String> = std::collections::HashSet::new();
    for r in &view.retention {
        let line = format!("{}: {}", r.title, r.period);
        if listed.insert(line.clone()) {
            kept.push(line);
        }
    }
    for k in &view.kept {
        let line = match &k.retention.period {
            Some(p) => format!("{}: {p}", k.retention.value.label),
            None => k.retention.value.label.clone(),
        };
        if listed.insert(line.clone()) {
            kept.push(line);
        }
    }
    EssentialsView {
        collect,
        uses: uses(cat, policy, grounds),
        recipients,
        sale: policy.sharing.iter().any(|s| s.sale),
        kept,
        rights: view
            .rights
            .iter()
            .map(|r| Anchor {
                id: r.id.clone(),
                text: r.label.clone(),
            })
            .collect(),
        choices: view.choices.len(),
        disputes: view.disputes.clone(),
    }
}

/// Builds the view of one policy, worded in its language's catalogue (English
/// when none ships for it).
pub fn page(policy: &Policy) -> PageView {
    page_in(
        policy,
        catalog::for_tag_or_english(policy.language.as_deref()),
    )
}

/// Builds the view of one policy with what changed since `previous`, its
/// previous published version.
pub fn page_since(policy: &Policy, previous: Option<&Policy>) -> PageView {
    page_since_with(policy, previous, None)
}

/// [`page_since`] with the policy's facts when they are already derived.
pub fn page_since_with(
    policy: &Policy,
    previous: Option<&Policy>,
    facts: Option<&crate::facts::PolicyFacts>,
) -> PageView {
    let cat = catalog::for_tag_or_english(policy.language.as_deref());
    let mut view = page_in_with(policy, cat, facts);
    view.changed = previous.map(|old| changed::changed(cat, old, policy));
    view
}

/// Builds the view of one policy, worded from `cat`.
pub fn page_in(policy: &Policy, cat: &Catalog) -> PageView {
    page_in_with(policy, cat, None)
}

/// [`page_in`] with the policy's facts when they are already derived.
#[allow(clippy::too_many_lines)]
pub fn page_in_with(
    policy: &Policy,
    cat: &Catalog,
    facts: Option<&crate::facts::PolicyFacts>,
) -> PageView {
    let derived;
    let facts = if let Some(f) = facts {
        f
    } else {
        derived = crate::facts::derive_policy(policy);
        &derived
    };
    let grid = label::grid_of_facts(facts);
    let names = Names::new(policy);
    let cookies: Vec<CookieView> = policy
        .cookies
        .iter()
        .enumerate()
        .map(|(i, c)| cookie(cat, &names, i, c))
        .collect();
    let sharing_views: Vec<SharingView> = policy
        .sharing
        .iter()
        .enumerate()
        .map(|(i, s)| sharing(cat, &names, i, s))
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
    // The page is in its catalogue's language: a language without a catalogue
    // (H001) gets an English page, its prose in paragraphs that take their
    // direction from their text.
    let written = lang(policy);
    let prose_lang = (catalog::primary(&written) != cat.lang).then(|| written.clone());
    let lang = if prose_lang.is_some() {
        cat.lang.to_string()
    } else {
        written
    };
    let mut view = PageView {
        dir: catalog::direction(&lang),
        lang,
        ui: cat.lang,
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
                include: c.include.iter().map(|p| path_view(p)).collect(),
                exclude: c.exclude.iter().map(|p| path_view(p)).collect(),
                methods: c.methods.clone(),
            })
            .collect(),
        entity: policy.entity.as_ref().map(entity),
        dpo: policy.legal.dpo.as_ref().map(entity),
        authority: policy.legal.authority.as_ref().map(entity),
        essentials: EssentialsView {
            collect: Vec::new(),
            uses: Vec::new(),
            recipients: Vec::new(),
            sale: false,
            kept: Vec::new(),
            rights: Vec::new(),
            choices: 0,
            disputes: Vec::new(),
        },
        label: label::label_of_grid(&grid, cat),
        subjects: policy
            .subjects
            .iter()
            .map(|s| subject_view(&names, &s.name))
            .collect(),
        groups: groups(cat, policy, &names, &cookies, &sharing_views),
        cookies,
        recipients: policy
            .recipients
            .iter()
            .map(|r| RecipientDefView {
                label: humanize(&r.name),
                kind: TermView::of(cat, r.kind),
                description: r.description.clone(),
            })
            .collect(),
        sharing: sharing_views,
        choices: choices(cat, &names),
        opt_outs: policy
            .opt_outs
            .iter()
            .map(|o| OptOutView {
                title: humanize(&o.name),
                how: Prose::of(&o.how),
                url: o.url.as_deref().map(Link::url),
                covers: o.covers.iter().map(|n| practice_title(&names, n)).collect(),
                text: Prose::opt(o.text.as_ref()),
            })
            .collect(),
        security: policy
            .security
            .iter()
            .map(|m| MeasureView {
                kind: words::measure(cat, m.kind),
                description: Prose::of(&m.description),
                covers: m.covers.iter().map(|c| TermView::of(cat, *c)).collect(),
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
                    .map(|n| practice_title(&names, n))
                    .collect(),
                destruction: Prose::opt(r.destruction.as_ref()),
                text: Prose::opt(r.text.as_ref()),
            })
            .collect(),
        kept: kept(cat, policy),
        access: policy.access.map(|a| TermView::of(cat, a)),
        access_text: Prose::opt(policy.access_text.as_ref()),
        rights: policy
            .rights
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (label, description) = words::right(cat, r.kind);
                RightView {
                    id: format!("right-{}", i + 1),
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
                resolution: TermView::of(cat, d.resolution),
                service: Link::url(&d.service),
                short_description: d.short_description.clone(),
                description: Prose::opt(d.description.as_ref()),
                verification: d.verification.clone(),
                logo: d.logo.as_ref().map(|l| Link::web(&l.alt, &l.src)),
                remedies: d.remedies.iter().map(|r| TermView::of(cat, *r)).collect(),
            })
            .collect(),
        changes: policy.changes.as_ref().map(|c| {
            let methods = |list: &[crate::model::NotifyMethod]| {
                let words: Vec<String> = list.iter().map(|m| words::notify(cat, *m)).collect();
                words::list(cat, &words)
            };
            ChangesView {
                post: (!c.post.is_empty()).then(|| methods(&c.post)),
                notify: (!c.notify.is_empty()).then(|| methods(&c.notify)),
                before_effective: c.before_effective,
                consent_for_new_uses: c.consent_for_new_uses,
                text: Prose::opt(c.text.as_ref()),
            }
        }),
        promises: promises(cat, policy),
        sections,
        alternates: Vec::new(),
        hreflang: Vec::new(),
        x_default: None,
        prose_lang,
        changed: None,
        legal: LegalView {
            uses: Vec::new(),
            transfers: Vec::new(),
            representatives: Vec::new(),
            california: None,
            object_href: None,
            withdraw_href: None,
        },
    };
    let rights: Vec<(crate::vocabulary::RightKind, String)> = policy
        .rights
        .iter()
        .enumerate()
        .map(|(i, r)| (r.kind, format!("right-{}", i + 1)))
        .collect();
    let (legal, grounds) = legal::legal_with(cat, policy, &rights, facts);
    view.legal = legal;
    view.essentials = essentials(cat, &names, &view, &grounds, &grid);
    view
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
    fn cookie_name_patterns_read_as_words() {
        assert_eq!(
            cookie_name(Some(&"_ga*".to_string())),
            ("prefix", Some("_ga".to_string()))
        );
        assert_eq!(cookie_name(Some(&"*".to_string())), ("any", None));
        assert_eq!(cookie_name(None), ("any", None));
        assert_eq!(cookie_name(Some(&"a*b".to_string())).0, "pattern");
        assert_eq!(cookie_name(Some(&"sid".to_string())).0, "exact");
        assert_eq!(path_view("/*").kind, "all");
        assert_eq!(path_view("/shop/*").path, "/shop/");
        assert_eq!(path_view("/about").kind, "path");
    }
}
