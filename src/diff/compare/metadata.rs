//! Comparing what a policy says about itself: its header, the sites it covers, the
//! entity behind it, the access it gives people and its free-text sections.

use super::super::change::ChangeKind;
use super::{pair, Differ};
use crate::model::{Coverage, Policy, PostalAddress};
use crate::vocabulary::{Access, Term};

/// What people may see under an access level, as a set of bits (contact, other, all, none held).
fn access_bits(a: Option<Access>) -> u8 {
    match a {
        None | Some(Access::None) => 0,
        Some(Access::IdentContact) => 0b0001,
        Some(Access::OtherIdent) => 0b0010,
        Some(Access::ContactAndOther) => 0b0011,
        Some(Access::All) => 0b0111,
        Some(Access::Nonident) => 0b1111,
    }
}

impl Differ {
    /// The policy's own fields, from its title to its summary.
    pub(super) fn header(&mut self, el: &str, o: &Policy, n: &Policy) {
        let org = &n.origin;
        self.text(el, "title", Some(&o.title), Some(&n.title), org);
        self.field(
            ChangeKind::VersionChanged,
            el,
            "version",
            o.version.as_ref(),
            n.version.as_ref(),
            org,
        );
        self.field(
            ChangeKind::VersionChanged,
            el,
            "effective",
            o.effective.as_ref(),
            n.effective.as_ref(),
            org,
        );
        self.detail(
            el,
            "language",
            o.language.as_ref(),
            n.language.as_ref(),
            org,
        );
        self.detail(el, "discuri", o.discuri.as_ref(), n.discuri.as_ref(), org);
        self.detail(el, "opturi", o.opturi.as_ref(), n.opturi.as_ref(), org);
        self.field(
            ChangeKind::DetailChanged,
            el,
            "test",
            Some(&o.test),
            Some(&n.test),
            org,
        );
        self.field(
            ChangeKind::DetailChanged,
            el,
            "expiry",
            o.expiry_seconds.as_ref(),
            n.expiry_seconds.as_ref(),
            org,
        );
        self.text(el, "summary", o.summary.as_ref(), n.summary.as_ref(), org);
        self.translations(el, o, n);
    }

    /// The further languages and the translations of each prose string: a
    /// changed translation changes what that language's page says (text edited).
    fn translations(&mut self, el: &str, o: &Policy, n: &Policy) {
        let org = &n.origin;
        let languages =
            |p: &Policy| (!p.other_languages.is_empty()).then(|| p.other_languages.join(", "));
        self.detail(
            el,
            "further languages",
            languages(o).as_ref(),
            languages(n).as_ref(),
            org,
        );
        let mut tags: Vec<String> = o
            .translations
            .iter()
            .chain(&n.translations)
            .map(|t| t.language.to_ascii_lowercase())
            .collect();
        tags.sort();
        tags.dedup();
        for tag in tags {
            let strings = |p: &Policy| -> std::collections::BTreeMap<String, String> {
                p.translation(&tag)
                    .map(|t| {
                        t.strings
                            .iter()
                            .map(|s| (s.original.clone(), s.text.clone()))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            // A language added or dropped as a whole is the change above.
            if o.translation(&tag).is_none() || n.translation(&tag).is_none() {
                continue;
            }
            let (a, b) = (strings(o), strings(n));
            let mut originals: Vec<&String> = a.keys().chain(b.keys()).collect();
            originals.sort();
            originals.dedup();
            for original in originals {
                let subject = format!("`{tag}` translation of \"{}\"", excerpt(original));
                self.text(el, &subject, a.get(original), b.get(original), org);
            }
        }
    }

    pub(super) fn coverage(&mut self, el: &str, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.covers, &n.covers, |c| c.site.clone()) {
            let site = a.or(b).map(|c| c.site.clone()).unwrap_or_default();
            let span = b.or(a).and_then(|c| c.origin.span().copied());
            let show = |c: Option<&Coverage>| {
                c.map(|c| {
                    [
                        ("include", &c.include),
                        ("exclude", &c.exclude),
                        ("methods", &c.methods),
                    ]
                    .iter()
                    .filter(|(_, list)| !list.is_empty())
                    .map(|(word, list)| format!("{word} {}", list.join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ")
                })
            };
            if a != b {
                self.push_at(
                    ChangeKind::CoverageChanged,
                    el,
                    &format!("covers {site}"),
                    show(a),
                    show(b),
                    span,
                );
            }
        }
    }

    /// The app declaration: every field a detail (the data practices it carries are
    /// compared where they are stated).
    pub(super) fn app(&mut self, o: &Policy, n: &Policy) {
        let (a, b) = (
            o.app.clone().unwrap_or_default(),
            n.app.clone().unwrap_or_default(),
        );
        let org = n.app.as_ref().map_or(&n.origin, |e| &e.origin);
        let el = "app";
        let some = |s: String| if s.is_empty() { None } else { Some(s) };
        let platforms = |x: &crate::model::App| {
            some(
                x.platforms
                    .iter()
                    .map(|p| p.word())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        };
        self.detail(
            el,
            "name",
            some(a.name.clone()).as_ref(),
            some(b.name.clone()).as_ref(),
            org,
        );
        self.detail(
            el,
            "platforms",
            platforms(&a).as_ref(),
            platforms(&b).as_ref(),
            org,
        );
        self.detail(
            el,
            "bundle-id",
            a.bundle_id.as_ref(),
            b.bundle_id.as_ref(),
            org,
        );
        self.detail(el, "package", a.package.as_ref(), b.package.as_ref(), org);
        self.detail(
            el,
            "tracking-domains",
            some(a.tracking_domains.join(", ")).as_ref(),
            some(b.tracking_domains.join(", ")).as_ref(),
            org,
        );
        self.detail(
            el,
            "deletion-url",
            a.deletion_url.as_ref(),
            b.deletion_url.as_ref(),
            org,
        );
    }

    pub(super) fn entity(&mut self, o: &Policy, n: &Policy) {
        let (a, b) = (
            o.entity.clone().unwrap_or_default(),
            n.entity.clone().unwrap_or_default(),
        );
        let org = n.entity.as_ref().map_or(&n.origin, |e| &e.origin);
        let el = "entity";
        let some = |s: &String| if s.is_empty() { None } else { Some(s.clone()) };
        self.detail(
            el,
            "name",
            some(&a.name).as_ref(),
            some(&b.name).as_ref(),
            org,
        );
        self.detail(
            el,
            "department",
            a.department.as_ref(),
            b.department.as_ref(),
            org,
        );
        self.detail(el, "email", a.email.as_ref(), b.email.as_ref(), org);
        self.detail(el, "phone", a.phone.as_ref(), b.phone.as_ref(), org);
        self.detail(el, "url", a.url.as_ref(), b.url.as_ref(), org);
        if a.postal != b.postal {
            let show = |p: &Option<PostalAddress>| {
                p.as_ref().map(|p| {
                    [
                        p.organization.clone(),
                        Some(p.street.join(", ")),
                        p.city.clone(),
                        p.stateprov.clone(),
                        p.postalcode.clone(),
                        p.country.clone(),
                    ]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
                })
            };
            self.push(
                ChangeKind::DetailChanged,
                el,
                "postal",
                show(&a.postal),
                show(&b.postal),
                org,
            );
        }
        self.text(el, "text", a.text.as_ref(), b.text.as_ref(), org);
    }

    pub(super) fn access(&mut self, o: &Policy, n: &Policy) {
        let el = format!("policy {}", n.name);
        if o.access != n.access {
            let (a, b) = (access_bits(o.access), access_bits(n.access));
            let kind = if a == b {
                ChangeKind::DetailChanged
            } else if b & !a == 0 {
                ChangeKind::AccessReduced
            } else if a & !b == 0 {
                ChangeKind::AccessExpanded
            } else {
                ChangeKind::AccessChanged
            };
            let show = |x: Option<Access>| Some(x.map_or("unstated", Term::word).to_string());
            self.push(
                kind,
                &el,
                "access",
                show(o.access),
                show(n.access),
                &n.origin,
            );
        }
        self.text(
            &el,
            "access text",
            o.access_text.as_ref(),
            n.access_text.as_ref(),
            &n.origin,
        );
    }

    /// Free-text sections, matched by heading.
    pub(super) fn sections(&mut self, el: &str, o: &Policy, n: &Policy) {
        for (a, b) in pair(&o.sections, &n.sections, |s| s.heading.clone()) {
            let heading = a.or(b).map(|s| s.heading.clone()).unwrap_or_default();
            let origin = b.or(a).map(|s| s.origin).unwrap_or_default();
            self.text(
                el,
                &format!("section {heading:?}"),
                a.map(|s| &s.text),
                b.map(|s| &s.text),
                &origin,
            );
        }
    }
}

/// The start of a text, for naming it in a change.
fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() <= MAX {
        return one_line;
    }
    let cut: String = one_line.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}
