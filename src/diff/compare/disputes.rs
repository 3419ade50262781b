//! Comparing dispute resolution (`dispute TYPE`).

use super::super::change::ChangeKind;
use super::{pair, Differ, Shown};
use crate::model::{Dispute, DisputeLogo, Policy};
use crate::vocabulary::Term;
use std::collections::{BTreeMap, BTreeSet};

/// A logo as the diff shows it: `"alt" <src> 88x31`.
fn logo(l: &DisputeLogo) -> String {
    let size = match (l.width, l.height) {
        (Some(w), Some(h)) => format!(" {w}x{h}"),
        (Some(w), None) => format!(" width {w}"),
        (None, Some(h)) => format!(" height {h}"),
        (None, None) => String::new(),
    };
    format!("\"{}\" <{}>{size}", l.alt, l.src)
}

/// Disputes keyed by resolution type and ordinal among disputes of that type.
fn keyed_disputes(p: &Policy) -> Vec<(&'static str, usize, &Dispute)> {
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    p.disputes
        .iter()
        .map(|d| {
            let i = seen.entry(d.resolution.word()).or_default();
            *i += 1;
            (d.resolution.word(), *i, d)
        })
        .collect()
}

// Old and new values read best as `a` and `b` throughout.
#[allow(clippy::many_single_char_names)]
impl Differ {
    pub(super) fn disputes(&mut self, o: &Policy, n: &Policy) {
        // Matched by resolution type (and order among disputes of that type), so a
        // new service address is a changed detail, not a dispute dropped and added.
        let (ka, kb) = (keyed_disputes(o), keyed_disputes(n));
        for (a, b) in pair(&ka, &kb, |(r, i, _)| (*r, *i)) {
            let Some((word, i, _)) = b.or(a) else {
                continue;
            };
            let el = if *i > 1 {
                format!("dispute {word} #{i}")
            } else {
                format!("dispute {word}")
            };
            let (a, b) = (a.map(|x| x.2), b.map(|x| x.2));
            let Some((a, b)) = self.one_sided(
                a,
                b,
                ChangeKind::DisputeAdded,
                ChangeKind::DisputeRemoved,
                |d| Shown {
                    element: el.clone(),
                    subject: "service".to_string(),
                    summary: Some(d.service.clone()),
                    origin: &d.origin,
                },
            ) else {
                continue;
            };
            let (ra, rb): (BTreeSet<_>, BTreeSet<_>) = (
                a.remedies.iter().map(|r| r.word()).collect(),
                b.remedies.iter().map(|r| r.word()).collect(),
            );
            self.detail(
                &el,
                "service",
                Some(&a.service),
                Some(&b.service),
                &b.origin,
            );
            self.set(ChangeKind::RemedyAdded, &el, "remedy ", &ra, &rb, &b.origin);
            self.text(
                &el,
                "short",
                a.short_description.as_ref(),
                b.short_description.as_ref(),
                &b.origin,
            );
            self.text(
                &el,
                "description",
                a.description.as_ref(),
                b.description.as_ref(),
                &b.origin,
            );
            self.text(
                &el,
                "verification",
                a.verification.as_ref(),
                b.verification.as_ref(),
                &b.origin,
            );
            // Added, removed or changed alike: not material (REC §3.2.6 IMG).
            let (la, lb) = (a.logo.as_ref().map(logo), b.logo.as_ref().map(logo));
            self.field(
                ChangeKind::LogoChanged,
                &el,
                "logo",
                la.as_ref(),
                lb.as_ref(),
                &b.origin,
            );
        }
    }
}
