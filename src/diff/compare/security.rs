//! Comparing security measures (`security`).

use super::super::change::ChangeKind;
use super::{kebab, pair, Differ, Shown};
use crate::model::{MeasureKind, Policy, SecurityMeasure};
use crate::vocabulary::Term;
use std::collections::BTreeMap;

/// Security measures keyed by kind and ordinal among measures of that kind.
fn keyed_measures(p: &Policy) -> Vec<(MeasureKind, usize, &SecurityMeasure)> {
    let mut seen: BTreeMap<MeasureKind, usize> = BTreeMap::new();
    p.security
        .iter()
        .map(|m| {
            let i = seen.entry(m.kind).or_default();
            *i += 1;
            (m.kind, *i, m)
        })
        .collect()
}

/// A measure as the diff names it: its kind, and its ordinal after the first.
fn measure_name(k: MeasureKind, i: usize) -> String {
    let w = kebab(&k);
    if i > 1 {
        format!("{w} #{i}")
    } else {
        w
    }
}

// Old and new values read best as `a` and `b` throughout.
#[allow(clippy::many_single_char_names)]
impl Differ {
    pub(super) fn security(&mut self, o: &Policy, n: &Policy) {
        self.commitment(
            "security",
            "text",
            o.security_text.as_ref(),
            n.security_text.as_ref(),
            n.security.first().map_or(&n.origin, |m| &m.origin),
        );
        let (ka, kb) = (keyed_measures(o), keyed_measures(n));
        for (a, b) in pair(&ka, &kb, |(k, i, _)| (*k, *i)) {
            let Some(((_, _, ma), (k, i, mb))) = self.one_sided(
                a,
                b,
                ChangeKind::SecurityAdded,
                ChangeKind::SecurityDropped,
                |(k, i, m)| Shown {
                    element: "security".to_string(),
                    subject: measure_name(*k, *i),
                    summary: Some(m.description.clone()),
                    origin: &m.origin,
                },
            ) else {
                continue;
            };
            let s = measure_name(*k, *i);
            self.commitment(
                "security",
                &s,
                Some(&ma.description),
                Some(&mb.description),
                &mb.origin,
            );
            let cov = |m: &SecurityMeasure| {
                m.covers
                    .iter()
                    .map(|c| c.word().to_string())
                    .collect::<Vec<_>>()
            };
            self.scope(
                "security",
                &format!("{s} covers "),
                &cov(ma),
                &cov(mb),
                &mb.origin,
            );
        }
    }
}
