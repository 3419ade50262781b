//! `import`: P3P XML → the policy model, so a site that already has P3P can adopt
//! policyc. Each POLICY becomes a `policy`; its STATEMENTs become `collect` blocks
//! with their data written in place; recipients with a `recipient-description`
//! become defined recipients. A cookie policy that policyc itself derived
//! (`p3p::cookies`) is left out: `build` derives it again. When a reference file is
//! given too, each policy's POLICY-REFs fill its `covers` (paths, methods and the
//! cookies bound to it).
//!
//! Whatever the model cannot hold as written is either rewritten (a POLICY name
//! that is not a name of the language, REC §3.2.2 allows any XML ID) or left out,
//! and each such case is a finding (`notes.findings`), located in the XML by the
//! text it concerns. The written source always parses: every value goes through the
//! same checks `resolve` applies, or is left out with a finding.
//!
//! Round trip: `lower(import(build(x)))` equals `lower(x)`, i.e. the P3P-visible
//! form is preserved, so `build(import(build(x)))` is byte-identical to `build(x)`.

use super::cookies::{cookie_policy_name, is_derived_cookie_policy, COOKIES};
use super::document::{
    CookiePattern, P3pData, P3pPolicy, P3pStatement, PolicyFile, PolicyRef, ReferenceFile,
};
use super::entity;
use crate::diagnostic::{Code, Diagnostic};
use crate::emit::p3p::lower::default_discuri;
use crate::emit::p3p::lower::MIN_EXPIRY;
use crate::emit::p3p::statements::MISCDATA;
use crate::model::{
    Cookie, CookieMatch, Coverage, DataItem, DataRef, DataSet, DataUse, Dispute, DisputeLogo,
    Party, Policy, PolicySet, PurposeUse, RecipientDef, RecipientUse, RetentionUse, Statement,
};
use crate::span::{SourceFile, Span};
use crate::vocabulary::{Recipient, Term};

/// What was left out of the import, for the user to know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportNotes {
    /// Derived cookie policies not imported (rebuilt by `build`).
    pub skipped_cookie_policies: Vec<String>,
    /// ENTITY references with no place in the model.
    pub unplaced_entity_data: Vec<String>,
    /// Every rewrite and omission, to be located in the XML.
    pub findings: Vec<ImportFinding>,
    /// POLICY names as read → the names they were imported as.
    pub renamed: Vec<(String, String)>,
}

/// One thing the import rewrote or could not carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportFinding {
    pub code: Code,
    pub message: String,
    pub help: Option<String>,
    /// Text of the XML the finding is about (the first occurrence locates it).
    pub needle: String,
}

impl ImportNotes {
    fn add(&mut self, code: Code, needle: &str, message: String, help: Option<&str>) {
        self.findings.push(ImportFinding {
            code,
            message,
            help: help.map(str::to_string),
            needle: needle.to_string(),
        });
    }

    /// The findings as diagnostics, each at the first place of its text in one of
    /// `sources` (the policy file first), or at the start of the first.
    pub fn diagnostics(&self, sources: &[SourceFile]) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .map(|f| {
                // `attr="value"` first; then the value alone (other quoting).
                let value = f
                    .needle
                    .split_once("=\"")
                    .map(|(_, v)| v.strip_suffix('"').unwrap_or(v))
                    .filter(|v| !v.is_empty());
                let span = std::iter::once(f.needle.as_str())
                    .chain(value)
                    .filter(|n| !n.is_empty())
                    .find_map(|needle| {
                        sources.iter().find_map(|s| {
                            s.text
                                .find(needle)
                                .map(|at| Span::new(&s.path, &s.text, at, at + needle.len()))
                        })
                    })
                    .or_else(|| sources.first().map(|s| Span::file_start(&s.path)));
                let mut d = Diagnostic::new(f.code, f.message.clone()).at(span);
                if let Some(h) = &f.help {
                    d = d.help(h.clone());
                }
                d
            })
            .collect()
    }
}

/// Raises a policy file (and, optionally, its reference file) into the model.
pub fn import(file: &PolicyFile, reference: Option<&ReferenceFile>) -> (PolicySet, ImportNotes) {
    let mut notes = ImportNotes::default();
    let mut set = PolicySet::default();
    let mut originals: Vec<String> = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for p in &file.policies {
        if !p.name.is_empty() && is_derived_cookie_policy(p, &file.policies) {
            notes.skipped_cookie_policies.push(p.name.clone());
            continue;
        }
        let name = policy_name(&p.name, &taken, &mut notes);
        taken.push(name.clone());
        let expiry = file
            .expiry
            .or_else(|| reference.map(|r| r.expiry).filter(|e| *e != MIN_EXPIRY));
        let (policy, unplaced) = raise_policy(p, &name, expiry, &mut notes);
        notes.unplaced_entity_data.extend(unplaced);
        originals.push(p.name.clone());
        set.policies.push(policy);
    }
    // A policy named like the cookie policy another derives would clash in `build`.
    let clashing: Vec<usize> = (0..set.policies.len())
        .filter(|&i| {
            let name = &set.policies[i].name;
            set.policies
                .iter()
                .any(|q| cookie_policy_name(&q.name) == *name && q.name != *name)
        })
        .collect();
    for i in clashing {
        let (Some(policy), Some(original)) = (set.policies.get_mut(i), originals.get(i)) else {
            continue;
        };
        let name = policy.name.clone();
        let new = unique(&format!("{name}-policy"), &taken);
        taken.push(new.clone());
        notes.add(
            Code::ImportRenamed,
            &format!("name=\"{original}\""),
            format!("policy `{name}` is imported as `{new}`: `build` names the cookie policy it derives `{name}`"),
            None,
        );
        notes.renamed.push((original.clone(), new.clone()));
        policy.name = new;
    }
    if let (Some(r), Some(file_expiry)) = (reference, file.expiry) {
        if r.expiry != file_expiry.max(MIN_EXPIRY) && r.expiry != MIN_EXPIRY {
            notes.add(
                Code::NotCarried,
                "EXPIRY",
                format!(
                    "the reference file's EXPIRY ({} s) differs from the policy file's ({file_expiry} s); `build` writes the policy file's to both",
                    r.expiry
                ),
                None,
            );
        }
    }
    if let Some(r) = reference {
        bind_references(&mut set, &originals, file, r, &mut notes);
    }
    (set, notes)
}

/// The POLICY-REFs of the reference file that point at the policy read as
/// `original`: by fragment (REC §2.3.2.1 `about="file#name"`), or without a
/// fragment when the policy file holds one policy.
fn refs_for<'r>(r: &'r ReferenceFile, original: &str, only: bool) -> Vec<&'r PolicyRef> {
    r.refs
        .iter()
        .filter(|pr| match pr.about.rsplit_once('#') {
            Some((_, fragment)) => fragment == original,
            None => only,
        })
        .collect()
}

/// Fills `covers` from the reference file: every POLICY-REF of a policy gives a
/// coverage with its INCLUDE, EXCLUDE, METHOD and COOKIE-INCLUDE; the cookie
/// POLICY-REF of a derived cookie policy gives back the `cookie` blocks.
fn bind_references(
    set: &mut PolicySet,
    originals: &[String],
    file: &PolicyFile,
    r: &ReferenceFile,
    notes: &mut ImportNotes,
) {
    let only = file.policies.len() == 1;
    let mut guessed: Vec<String> = Vec::new();
    for (policy, original) in set.policies.iter_mut().zip(originals) {
        if notes
            .skipped_cookie_policies
            .contains(&cookie_policy_name(original))
        {
            let cookie_refs = refs_for(r, &cookie_policy_name(original), false);
            if let Some(pr) = cookie_refs.first() {
                restore_cookies(policy, &pr.cookie_include);
            }
        }
        for pr in refs_for(r, original, only) {
            if !pr.cookie_exclude.is_empty() {
                notes.add(
                    Code::NotCarried,
                    "COOKIE-EXCLUDE",
                    format!("the COOKIE-EXCLUDE of policy `{}`'s POLICY-REF is not carried", policy.name),
                    Some("REC §2.3.2.5: write the cookies the policy covers as `cookie` blocks or `cookie-include` patterns"),
                );
            }
            if pr.include.is_empty()
                && pr.exclude.is_empty()
                && pr.methods.is_empty()
                && pr.cookie_include.is_empty()
            {
                continue;
            }
            let (site, from) = site_of(&pr.about, policy.discuri.as_deref());
            if from != "about" && !guessed.contains(&site) {
                guessed.push(site.clone());
                notes.add(
                    Code::ImportGuessed,
                    &pr.about,
                    format!("the reference file does not say which host it serves; `covers \"{site}\"` is taken from the policy's {from}"),
                    Some("a reference file applies to the host it is served from (REC §2.2.1): correct `covers` if that is another host"),
                );
            }
            policy.covers.push(Coverage {
                site,
                include: pr.include.clone(),
                exclude: pr.exclude.clone(),
                methods: pr.methods.clone(),
                cookies: pr
                    .cookie_include
                    .iter()
                    .map(|c| CookieMatch {
                        name: c.name.clone(),
                        value: c.value.clone(),
                        domain: c.domain.clone(),
                        path: c.path.clone(),
                    })
                    .collect(),
                origin: crate::span::Origin::default(),
            });
        }
    }
}

/// The host a POLICY-REF applies on: of its absolute `about`, else of the
/// policy's absolute `discuri`, else `*`; and where it came from.
fn site_of(about: &str, discuri: Option<&str>) -> (String, &'static str) {
    if let Some(h) = host(about) {
        return (h, "about");
    }
    match discuri.and_then(host) {
        Some(h) => (h, "`discuri`"),
        None => ("*".to_string(), "lack of any absolute URL (`*`: any host)"),
    }
}

fn host(url: &str) -> Option<String> {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .map(str::to_string)
}

/// A policy name of the language for a POLICY name (REC §3.2.2 allows any XML
/// ID; the language allows letters, digits, `-` and `_`, a letter first), unique
/// among `taken`; a finding when it had to be rewritten.
fn policy_name(raw: &str, taken: &[String], notes: &mut ImportNotes) -> String {
    let mut base: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    while base.contains("--") {
        base = base.replace("--", "-");
    }
    let trimmed = base.trim_matches('-');
    let base = if trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        trimmed.to_string()
    } else if trimmed.is_empty() {
        "policy".to_string()
    } else {
        format!("policy-{trimmed}")
    };
    let name = unique(&base, taken);
    if name != raw {
        let shown: String = raw.chars().take(60).collect();
        let (needle, message) = if raw.is_empty() {
            (
                "<POLICY".to_string(),
                format!("a POLICY without a `name` is imported as `{name}`"),
            )
        } else {
            (
                format!("name=\"{raw}\""),
                if base == raw {
                    format!("a second POLICY named `{raw}` is imported as `{name}`: policy names are unique in a file")
                } else {
                    format!(
                        "POLICY name `{}` is not a policy name of the language; imported as `{name}`",
                        shown.escape_debug()
                    )
                },
            )
        };
        notes.add(
            Code::ImportRenamed,
            &needle,
            message,
            Some("the P3P name and every POLICY-REF fragment become the new name when you build; keep it, or rename the policy and its references together"),
        );
        notes.renamed.push((raw.to_string(), name.clone()));
    }
    name
}

fn unique(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_string();
    }
    (2..=taken.len() + 2)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken.iter().any(|t| t == c))
        .unwrap_or_else(|| base.to_string())
}

/// A value the language checks, kept when it passes, else left out with a finding.
fn checked(
    value: Option<&String>,
    ok: fn(&str) -> bool,
    what: &str,
    notes: &mut ImportNotes,
) -> Option<String> {
    let v = value?;
    if ok(v) {
        return Some(v.clone());
    }
    notes.add(
        Code::NotCarried,
        &format!("{what}=\"{v}\""),
        format!(
            "{what} `{}` is not carried: the policy language does not accept it",
            v.escape_debug()
        ),
        Some("write a valid value in the imported source by hand"),
    );
    None
}

fn is_discuri(s: &str) -> bool {
    crate::resolve::is_uri(s, true) && !s.starts_with("mailto:")
}

fn is_opturi(s: &str) -> bool {
    crate::resolve::is_uri(s, true)
}

fn raise_policy(
    p: &P3pPolicy,
    name: &str,
    expiry: Option<u64>,
    notes: &mut ImportNotes,
) -> (Policy, Vec<String>) {
    let (entity, unplaced) = entity::raise(&p.entity);
    for r in &unplaced {
        notes.add(
            Code::NotCarried,
            &format!("#{r}"),
            format!(
                "ENTITY data `{r}` is not carried: ENTITY holds `business.*` elements (REC §3.2.4)"
            ),
            None,
        );
    }
    let discuri = checked(
        (!p.discuri.is_empty() && p.discuri != default_discuri(name)).then_some(&p.discuri),
        is_discuri,
        "discuri",
        notes,
    );
    let opturi = checked(p.opturi.as_ref(), is_opturi, "opturi", notes);
    let language = checked(
        p.lang.as_ref(),
        crate::resolve::is_language,
        "xml:lang",
        notes,
    );
    let mut disputes = Vec::new();
    for d in &p.disputes {
        // REC §3.2.6: `service` is a URI; the language checks it.
        if !is_opturi(&d.service) {
            notes.add(
                Code::NotCarried,
                &format!("service=\"{}\"", d.service),
                format!("the DISPUTES with service `{}` is not carried: the service is not a URI the language accepts", d.service.escape_debug()),
                Some("add the dispute to the imported source with the service's full URL or `mailto:` address"),
            );
            continue;
        }
        let logo = match &d.img {
            Some(i) if !is_discuri(&i.src) => {
                notes.add(
                    Code::NotCarried,
                    &format!("src=\"{}\"", i.src),
                    format!("the DISPUTES IMG `{}` is not carried: not an image URL the language accepts", i.src.escape_debug()),
                    None,
                );
                None
            }
            Some(i) => Some(DisputeLogo {
                src: i.src.clone(),
                alt: i.alt.clone(),
                width: i.width,
                height: i.height,
            }),
            None => None,
        };
        disputes.push(Dispute {
            resolution: d.resolution,
            service: d.service.clone(),
            short_description: d.short_description.clone(),
            description: d.long_description.clone(),
            verification: d.verification.clone(),
            remedies: d.remedies.clone(),
            logo,
            origin: crate::span::Origin::default(),
        });
    }
    let mut policy = Policy {
        name: name.to_string(),
        title: p.name.clone(),
        language,
        // `build` writes `/<name>.html` when the source has no discuri.
        discuri,
        opturi,
        test: p.test,
        expiry_seconds: expiry,
        entity,
        access: p.access,
        disputes,
        ..Policy::default()
    };
    if policy.title.trim().is_empty() {
        policy.title = name.to_string();
    }
    for (i, s) in p.statements.iter().enumerate() {
        let statement = raise_statement(&mut policy.recipients, &mut policy.datasets, s, i + 1);
        policy.statements.push(statement);
    }
    (policy, unplaced)
}

fn raise_statement(
    defs: &mut Vec<RecipientDef>,
    datasets: &mut Vec<DataSet>,
    s: &P3pStatement,
    n: usize,
) -> Statement {
    let mut recipients = Vec::new();
    for r in &s.recipients {
        if r.descriptions.is_empty() {
            recipients.push(RecipientUse {
                name: r.recipient.word().to_string(),
                required: r.required,
                basis: None,
                origin: crate::span::Origin::default(),
            });
        }
        for d in &r.descriptions {
            let name = define_recipient(defs, r.recipient, d);
            recipients.push(RecipientUse {
                name,
                required: r.required,
                basis: None,
                origin: crate::span::Origin::default(),
            });
        }
    }
    Statement {
        name: format!("statement-{n}"),
        data: s
            .data
            .iter()
            .map(|d| raise_data(datasets, d, s.consequence.as_deref()))
            .collect(),
        purposes: s
            .purposes
            .iter()
            .map(|p| PurposeUse {
                purpose: p.purpose,
                required: p.required,
                description: p.description.clone(),
                origin: crate::span::Origin::default(),
            })
            .collect(),
        recipients,
        retention: s.retention.map(|value| RetentionUse {
            value,
            period: None,
            origin: crate::span::Origin::default(),
        }),
        identifiable: !s.non_identifiable,
        consequence: s.consequence.clone(),
        ..Statement::default()
    }
}

/// A DATA element as a data use. REC §3.4: the text of `other-category` describes
/// the data; custom data (`dynamic.miscdata`) carries it as its own description,
/// any other element in a data set with that description.
fn raise_data(datasets: &mut Vec<DataSet>, d: &P3pData, consequence: Option<&str>) -> DataUse {
    // A cookie statement's description is the cookie's `holds`, its CONSEQUENCE.
    let text = d
        .other_category
        .clone()
        .filter(|t| !(d.reference == COOKIES && Some(t.as_str()) == consequence));
    let item = |data: DataRef| DataItem {
        data,
        categories: d.categories.clone(),
        optional: d.optional,
        origin: crate::span::Origin::default(),
    };
    match text {
        Some(t) if d.reference == MISCDATA => DataUse::Item(item(DataRef::Custom(t))),
        Some(t) => {
            let wanted = item(DataRef::Schema(d.reference.clone()));
            let name = if let Some(existing) = datasets.iter().find(|s| {
                s.description.as_deref() == Some(t.as_str()) && s.items == [wanted.clone()]
            }) {
                existing.name.clone()
            } else {
                let name = format!("described-{}", datasets.len() + 1);
                datasets.push(DataSet {
                    name: name.clone(),
                    description: Some(t),
                    items: vec![wanted],
                    origin: crate::span::Origin::default(),
                });
                name
            };
            DataUse::Set {
                name,
                origin: crate::span::Origin::default(),
            }
        }
        None => DataUse::Item(item(DataRef::Schema(d.reference.clone()))),
    }
}

/// The name of the defined recipient of this kind and description, defining it
/// (`same-1`, `same-2`, ...) the first time.
fn define_recipient(defs: &mut Vec<RecipientDef>, kind: Recipient, description: &str) -> String {
    if let Some(d) = defs
        .iter()
        .find(|d| d.kind == kind && d.description.as_deref() == Some(description))
    {
        return d.name.clone();
    }
    let n = defs.iter().filter(|d| d.kind == kind).count() + 1;
    let name = format!("{}-{n}", kind.word());
    defs.push(RecipientDef {
        name: name.clone(),
        kind,
        description: Some(description.to_string()),
        origin: crate::span::Origin::default(),
    });
    name
}

/// A statement `build` writes for a `cookie` block: only `dynamic.cookies` with its
/// categories, and recipients.
fn is_cookie_statement(s: &Statement) -> bool {
    matches!(s.data.as_slice(), [DataUse::Item(DataItem { data: DataRef::Schema(r), categories, optional: false, .. })]
        if r == COOKIES && !categories.is_empty())
        && !s.recipients.is_empty()
}

/// Turns the trailing cookie statements back into `cookie` blocks, one per
/// COOKIE-INCLUDE of the policy's cookie POLICY-REF, when they line up.
fn restore_cookies(policy: &mut Policy, patterns: &[CookiePattern]) {
    let k = patterns.len();
    let n = policy.statements.len();
    if k == 0 || k > n || !policy.statements[n - k..].iter().all(is_cookie_statement) {
        return;
    }
    let any = |v: &str| (v != "*").then(|| v.to_string());
    for (i, (s, pat)) in policy.statements.drain(n - k..).zip(patterns).enumerate() {
        let categories = match s.data.first() {
            Some(DataUse::Item(item)) => item.categories.clone(),
            _ => Vec::new(),
        };
        policy.cookies.push(Cookie {
            name: format!("cookie-{}", i + 1),
            title: None,
            cookie_name: any(&pat.name),
            domain: any(&pat.domain),
            path: any(&pat.path),
            lifetime: None,
            party: Party::First,
            provider: None,
            provider_basis: None,
            holds: s.consequence,
            categories,
            purposes: s.purposes,
            recipients: s.recipients,
            retention: s.retention,
            linked: s.identifiable,
            cross_site: false,
            legal: crate::model::PracticeLaw::default(),
            text: None,
            origin: crate::span::Origin::default(),
        });
    }
}
