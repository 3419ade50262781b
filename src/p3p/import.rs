//! `import`: P3P XML → the policy model, so a site that already has P3P can adopt
//! policyc. Each POLICY becomes a `policy`; its STATEMENTs become `collect` blocks
//! with their data written in place; recipients with a `recipient-description`
//! become defined recipients. A cookie policy that policyc itself derived
//! (`p3p::cookies`) is left out: `build` derives it again. When a reference file is
//! given too, each policy's POLICY-REF fills its `covers`.
//!
//! Round trip: `lower(import(build(x)))` equals `lower(x)`, i.e. the P3P-visible
//! form is preserved, so `build(import(build(x)))` is byte-identical to `build(x)`.

use super::cookies::{cookie_policy_name, is_derived_cookie_policy, COOKIES};
use super::document::{CookiePattern, P3pData, P3pPolicy, P3pStatement, PolicyFile, ReferenceFile};
use super::entity;
use crate::emit::p3p::lower::default_discuri;
use crate::emit::p3p::statements::MISCDATA;
use crate::model::{
    Cookie, Coverage, DataItem, DataRef, DataSet, DataUse, Dispute, DisputeLogo, Party, Policy,
    PolicySet, PurposeUse, RecipientDef, RecipientUse, RetentionUse, Statement,
};
use crate::vocabulary::{Recipient, Term};

/// What was left out of the import, for the user to know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportNotes {
    /// Derived cookie policies not imported (rebuilt by `build`).
    pub skipped_cookie_policies: Vec<String>,
    /// ENTITY references with no place in the model.
    pub unplaced_entity_data: Vec<String>,
}

/// Raises a policy file (and, optionally, its reference file) into the model.
pub fn import(file: &PolicyFile, reference: Option<&ReferenceFile>) -> (PolicySet, ImportNotes) {
    let mut notes = ImportNotes::default();
    let mut set = PolicySet::default();
    for p in &file.policies {
        if is_derived_cookie_policy(p, &file.policies) {
            notes.skipped_cookie_policies.push(p.name.clone());
            continue;
        }
        let (policy, unplaced) = raise_policy(p, file.expiry);
        notes.unplaced_entity_data.extend(unplaced);
        set.policies.push(policy);
    }
    if let Some(r) = reference {
        for policy in &mut set.policies {
            let cookie_fragment = format!("#{}", cookie_policy_name(&policy.name));
            if notes
                .skipped_cookie_policies
                .contains(&cookie_policy_name(&policy.name))
            {
                if let Some(pr) = r
                    .refs
                    .iter()
                    .find(|pr| pr.about.ends_with(&cookie_fragment))
                {
                    restore_cookies(policy, &pr.cookie_include);
                }
            }
            let fragment = format!("#{}", policy.name);
            if let Some(pr) = r.refs.iter().find(|pr| pr.about.ends_with(&fragment)) {
                if !pr.include.is_empty() || !pr.exclude.is_empty() || !pr.methods.is_empty() {
                    policy.covers.push(Coverage {
                        site: host_of(policy.discuri.as_deref()),
                        include: pr.include.clone(),
                        exclude: pr.exclude.clone(),
                        methods: pr.methods.clone(),
                        origin: crate::span::Origin::default(),
                    });
                }
            }
        }
    }
    (set, notes)
}

fn raise_policy(p: &P3pPolicy, expiry: Option<u64>) -> (Policy, Vec<String>) {
    let (entity, unplaced) = entity::raise(&p.entity);
    let mut policy = Policy {
        name: p.name.clone(),
        title: p.name.clone(),
        language: p.lang.clone(),
        // `build` writes `/<name>.html` when the source has no discuri.
        discuri: (!p.discuri.is_empty() && p.discuri != default_discuri(&p.name))
            .then(|| p.discuri.clone()),
        opturi: p.opturi.clone(),
        test: p.test,
        expiry_seconds: expiry,
        entity,
        access: p.access,
        disputes: p
            .disputes
            .iter()
            .map(|d| Dispute {
                resolution: d.resolution,
                service: d.service.clone(),
                short_description: d.short_description.clone(),
                description: d.long_description.clone(),
                verification: d.verification.clone(),
                remedies: d.remedies.clone(),
                logo: d.img.as_ref().map(|i| DisputeLogo {
                    src: i.src.clone(),
                    alt: i.alt.clone(),
                    width: i.width,
                    height: i.height,
                }),
                origin: crate::span::Origin::default(),
            })
            .collect(),
        ..Policy::default()
    };
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
                origin: crate::span::Origin::default(),
            });
        }
        for d in &r.descriptions {
            let name = define_recipient(defs, r.recipient, d);
            recipients.push(RecipientUse {
                name,
                required: r.required,
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

/// The host of an absolute URL (the site a reference file's paths belong to), or `*`.
fn host_of(url: Option<&str>) -> String {
    url.and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .filter(|h| !h.is_empty())
        .map_or_else(|| "*".to_string(), str::to_string)
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
