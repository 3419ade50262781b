//! The hand-off from resolve to check when resolve found errors.
//!
//! A file that parses is resolved as far as its errors allow, and the checks run
//! on that partial model too, so a typo in one element does not hide the
//! reference and promise findings of the others. What the checks say about the
//! damaged parts is unreliable (a reference to an element that failed to resolve
//! looks undefined; a part that failed looks missing), so [`Damage`] records the
//! elements that hold a resolve error, and [`Damage::keeps`] drops the check
//! findings that concern them. The model is still `None` for every consumer
//! (build, diff, emitters): only the findings come from the partial model.

use crate::ast;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::span::Span;

/// The elements (items directly inside a `policy` block) that hold a resolve
/// error, and the names they define.
#[derive(Debug, Default)]
pub struct Damage {
    /// Byte ranges of the damaged elements.
    ranges: Vec<(usize, usize)>,
    /// Names of the damaged elements (`sid`), and their targets (`cookie sid`).
    names: Vec<String>,
    /// Keywords of the damaged elements (`entity`), for findings on a policy's line.
    keywords: Vec<String>,
    /// Byte ranges of the damaged policies' own lines.
    heads: Vec<(usize, usize)>,
    /// Whether any resolve error was found at all.
    any: bool,
}

impl Damage {
    /// The damage the resolve errors `diags` did to `file`.
    pub fn of(file: &ast::File, diags: &[Diagnostic]) -> Self {
        let errors: Vec<&Span> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter_map(|d| d.span.as_ref())
            .collect();
        let mut damage = Self {
            any: diags.iter().any(|d| d.severity == Severity::Error),
            ..Self::default()
        };
        let within = |s: &Span, item: &ast::Item| {
            s.start() >= item.span.start() && s.end() <= item.span.end()
        };
        for policy in &file.items {
            if !errors.iter().any(|s| within(s, policy)) {
                continue;
            }
            damage.heads.push((policy.head.start(), policy.head.end()));
            // An error in the policy's own line damages the whole policy.
            if errors
                .iter()
                .any(|s| s.start() < policy.head.end() && s.start() >= policy.head.start())
                || policy.block.is_none()
            {
                damage.add(policy);
            }
            let children = policy
                .block
                .as_ref()
                .map_or(&[][..], |b| b.items.as_slice());
            for child in children {
                if errors.iter().any(|s| within(s, child)) {
                    damage.add(child);
                }
            }
        }
        damage
    }

    fn add(&mut self, item: &ast::Item) {
        self.ranges.push((item.span.start(), item.span.end()));
        self.keywords.push(item.key().to_string());
        if let Some(name) = item.values().next() {
            self.names.push(name.text().to_string());
            self.names.push(format!("{} {}", item.key(), name.text()));
        }
    }

    /// Whether `message` names, in backticks, the keyword of a damaged element
    /// or the keyword a misspelt one stands for.
    fn mentions_damaged_keyword(&self, message: &str) -> bool {
        message.split('`').skip(1).step_by(2).any(|word| {
            self.keywords.iter().any(|k| k == word)
                || crate::vocabulary::suggest(word, self.keywords.iter().map(String::as_str))
                    .is_some()
        })
    }

    /// Whether the check finding `d` can be trusted despite the damage.
    pub fn keeps(&self, d: &Diagnostic) -> bool {
        if !self.any {
            return true;
        }
        // "Unused" depends on every use having resolved.
        if d.code == Code::UnusedDefinition {
            return false;
        }
        let overlaps = |ranges: &[(usize, usize)], span: &Span| {
            ranges
                .iter()
                .any(|&(lo, hi)| (span.start() < hi && span.end() > lo) || span.start() == lo)
        };
        if let Some(span) = &d.span {
            if overlaps(&self.ranges, span) {
                return false;
            }
            // On a policy's line: a finding about a damaged part (no `entity`).
            // On a policy's line: a finding about a damaged part (no `entity`
            // when the entity has an error, or is written `entiy`).
            if overlaps(&self.heads, span) && self.mentions_damaged_keyword(&d.message) {
                return false;
            }
        }
        if d.target.as_ref().is_some_and(|t| self.names.contains(t)) {
            return false;
        }
        // A finding that names a damaged element (`sid` is not defined).
        !self
            .names
            .iter()
            .any(|w| d.message.contains(&format!("`{w}`")))
    }
}
