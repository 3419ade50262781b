//! Locations for a model read from YAML. The YAML reader gives no positions for
//! values, so each named element is found by its identifying line
//! (`name: registration`, `site: www.example.com`, `code: C402`) within its
//! policy; elements without one take their parent's location. Approximate, but it
//! lets every finding on a YAML policy name the file and a nearby line.

use crate::model::{DataUse, Policy, PolicySet};
use crate::span::{LineIndex, Origin};

/// Finds lines `key: value` (value plain or quoted, possibly after `- `) in order.
struct Finder<'a, 't> {
    index: &'a LineIndex<'t>,
    /// Byte range of the policy being searched.
    lo: usize,
    hi: usize,
}

impl Finder<'_, '_> {
    /// The first line at or after `from` (within the range) that reads `key: value`;
    /// its origin and the offset after it.
    fn find(&self, key: &str, value: &str, from: usize) -> Option<(Origin, usize)> {
        let text = self.index.text();
        let mut pos = from.max(self.lo);
        while pos < self.hi {
            let end = text[pos..self.hi].find('\n').map_or(self.hi, |i| pos + i);
            let line = &text[pos..end];
            let content = line.trim_start();
            let content = content.strip_prefix("- ").unwrap_or(content).trim_start();
            if let Some(rest) = content.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
                let v = rest.trim();
                let unquoted = v
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(v);
                if unquoted == value {
                    let start = pos + (line.len() - line.trim_start().len());
                    return Some((Origin::new(self.index.span(start, end)), end));
                }
            }
            pos = end + 1;
        }
        None
    }
}

/// Fills the origins of a model read from `index`'s text.
pub fn locate(set: &mut PolicySet, index: &LineIndex<'_>) {
    let text_len = index.text().len();
    // Policies first, in order, each searched after the previous one.
    let whole = Finder {
        index,
        lo: 0,
        hi: text_len,
    };
    // For each policy: where its `name:` line starts and ends.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for p in &mut set.policies {
        if let Some((origin, after)) = whole.find("name", &p.name, from) {
            let start = origin.span().map_or(from, super::super::span::Span::start);
            p.origin = origin;
            lines.push((start, after));
            from = after;
        } else {
            p.origin = Origin::new(index.span(0, 0));
            lines.push((from, from));
        }
    }
    for (i, p) in set.policies.iter_mut().enumerate() {
        // A policy's elements lie between its `name:` line and the next policy's.
        // (Fields written before `name:` are not found; they take the policy's place.)
        let lo = lines.get(i).map_or(0, |l| l.1);
        let hi = lines.get(i + 1).map_or(text_len, |l| l.0).max(lo);
        locate_policy(p, &Finder { index, lo, hi });
    }
}

/// Finds each element by `key: value` after the previous element of its kind.
macro_rules! named {
    ($finder:expr, $parent:expr, $items:expr, $key:literal, $value:expr) => {{
        let mut from = 0;
        for item in $items.iter_mut() {
            let value: String = $value(&*item);
            match $finder.find($key, &value, from) {
                Some((origin, after)) => {
                    item.origin = origin;
                    from = after;
                }
                None => item.origin = $parent.clone(),
            }
        }
    }};
}

/// The entity and the app, found by their names.
fn locate_header(p: &mut Policy, f: &Finder<'_, '_>, at: &Origin) {
    let find = |name: &str| f.find("name", name, 0).map_or_else(|| *at, |(o, _)| o);
    if let Some(e) = &mut p.entity {
        e.origin = find(&e.name);
    }
    if let Some(a) = &mut p.app {
        a.origin = find(&a.name);
    }
}

fn locate_policy(p: &mut Policy, f: &Finder<'_, '_>) {
    let at = p.origin;
    named!(f, at, p.covers, "site", |c: &crate::model::Coverage| c
        .site
        .clone());
    locate_header(p, f, &at);
    named!(f, at, p.disputes, "service", |d: &crate::model::Dispute| d
        .service
        .clone());
    named!(f, at, p.subjects, "name", |s: &crate::model::Subject| s
        .name
        .clone());
    named!(
        f,
        at,
        p.recipients,
        "name",
        |r: &crate::model::RecipientDef| r.name.clone()
    );
    named!(f, at, p.datasets, "name", |d: &crate::model::DataSet| d
        .name
        .clone());
    for d in &mut p.datasets {
        let o = d.origin;
        d.items.iter_mut().for_each(|i| i.origin = o);
    }
    named!(
        f,
        at,
        p.statements,
        "name",
        |s: &crate::model::Statement| s.name.clone()
    );
    for s in &mut p.statements {
        let o = s.origin;
        data(&mut s.data, &o);
        s.purposes.iter_mut().for_each(|x| x.origin = o);
        s.recipients.iter_mut().for_each(|x| x.origin = o);
        s.retention.iter_mut().for_each(|x| x.origin = o);
    }
    named!(f, at, p.cookies, "name", |c: &crate::model::Cookie| c
        .name
        .clone());
    for c in &mut p.cookies {
        let o = c.origin;
        c.purposes.iter_mut().for_each(|x| x.origin = o);
        c.recipients.iter_mut().for_each(|x| x.origin = o);
        c.retention.iter_mut().for_each(|x| x.origin = o);
    }
    named!(f, at, p.sharing, "name", |s: &crate::model::Sharing| s
        .name
        .clone());
    for s in &mut p.sharing {
        let o = s.origin;
        data(&mut s.data, &o);
        s.purposes.iter_mut().for_each(|x| x.origin = o);
    }
    named!(
        f,
        at,
        p.security,
        "description",
        |m: &crate::model::SecurityMeasure| m.description.clone()
    );
    named!(
        f,
        at,
        p.retention,
        "name",
        |r: &crate::model::RetentionRule| r.name.clone()
    );
    named!(f, at, p.rights, "how", |r: &crate::model::Right| r
        .how
        .clone());
    named!(f, at, p.opt_outs, "name", |o: &crate::model::OptOut| o
        .name
        .clone());
    if let Some(c) = &mut p.changes {
        // The block's own `changes:` line, so change-notice findings point there.
        c.origin = f.find("changes", "", 0).map_or_else(|| at, |(o, _)| o);
    }
    named!(f, at, p.promises, "name", |x: &crate::model::Promise| x
        .name
        .clone());
    named!(f, at, p.sections, "heading", |s: &crate::model::Section| s
        .heading
        .clone());
    named!(
        f,
        at,
        p.acknowledgments,
        "code",
        |a: &crate::model::Acknowledgment| a.code.clone()
    );
}

fn data(uses: &mut [DataUse], at: &Origin) {
    for u in uses {
        match u {
            DataUse::Set { origin, .. } => *origin = *at,
            DataUse::Item(i) => i.origin = *at,
        }
    }
}
