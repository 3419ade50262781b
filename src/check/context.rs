//! Per-policy lookup tables, built once so every check resolves names in constant
//! time, plus helpers to locate findings and to walk the data a practice uses.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    Cookie, DataItem, DataRef, DataSet, DataUse, Policy, PurposeUse, RecipientDef, RecipientUse,
    Sharing, Statement, Subject,
};
use crate::span::{Origin, SourceFile, Span};
use crate::vocabulary::{self, Category, Recipient, Required, Term};
use std::collections::{HashMap, HashSet};

/// One policy with its name → definition maps (first definition wins; duplicates
/// are reported by R202).
pub(crate) struct Context<'a> {
    pub policy: &'a Policy,
    /// The policy's facts: its practices as derived data flows (derived here, or
    /// lent by the caller that already derived them).
    pub facts: std::borrow::Cow<'a, crate::facts::PolicyFacts>,
    pub source: &'a SourceFile,
    pub subjects: HashMap<&'a str, &'a Subject>,
    pub recipients: HashMap<&'a str, &'a RecipientDef>,
    pub datasets: HashMap<&'a str, &'a DataSet>,
    pub statements: HashMap<&'a str, &'a Statement>,
    pub cookies: HashMap<&'a str, &'a Cookie>,
    pub sharing: HashMap<&'a str, &'a Sharing>,
    /// Statements a `retention` rule with a stated period applies to; `None`
    /// when such a rule applies to every statement.
    pub retention_stated: Option<HashSet<&'a str>>,
    /// Practices an `opt-out` channel covers; `None` when one covers everything.
    pub opt_out_covered: Option<HashSet<&'a str>>,
    /// kind → name → the first practice of `facts` with them (see
    /// [`Self::practice`]; by kind first, so a look-up by `&str` allocates nothing).
    practice_at: HashMap<crate::facts::PracticeKind, HashMap<String, usize>>,
}

/// The names a list of rules covers, or `None` when a rule with no names (which
/// covers everything) is among them.
fn coverage<'a>(rules: impl Iterator<Item = &'a [String]>) -> Option<HashSet<&'a str>> {
    let mut names = HashSet::new();
    for covers in rules {
        if covers.is_empty() {
            return None;
        }
        names.extend(covers.iter().map(String::as_str));
    }
    Some(names)
}

fn index<'a, T>(items: &'a [T], name: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(name(item)).or_insert(item);
    }
    map
}

impl<'a> Context<'a> {
    pub fn new(policy: &'a Policy, source: &'a SourceFile) -> Self {
        Self::with(
            policy,
            source,
            std::borrow::Cow::Owned(crate::facts::derive_policy(policy)),
        )
    }

    /// [`Self::new`] with the policy's facts already derived.
    pub fn with_facts(
        policy: &'a Policy,
        source: &'a SourceFile,
        facts: &'a crate::facts::PolicyFacts,
    ) -> Self {
        Self::with(policy, source, std::borrow::Cow::Borrowed(facts))
    }

    fn with(
        policy: &'a Policy,
        source: &'a SourceFile,
        facts: std::borrow::Cow<'a, crate::facts::PolicyFacts>,
    ) -> Self {
        let mut practice_at: HashMap<_, HashMap<String, usize>> = HashMap::new();
        for (i, p) in facts.practices.iter().enumerate() {
            practice_at
                .entry(p.kind)
                .or_default()
                .entry(p.name.clone())
                .or_insert(i);
        }
        Self {
            policy,
            facts,
            practice_at,
            source,
            subjects: index(&policy.subjects, |s| s.name.as_str()),
            recipients: index(&policy.recipients, |r| r.name.as_str()),
            datasets: index(&policy.datasets, |d| d.name.as_str()),
            statements: index(&policy.statements, |s| s.name.as_str()),
            cookies: index(&policy.cookies, |c| c.name.as_str()),
            sharing: index(&policy.sharing, |s| s.name.as_str()),
            retention_stated: coverage(
                policy
                    .retention
                    .iter()
                    .filter(|r| !r.period.trim().is_empty())
                    .map(|r| r.applies_to.as_slice()),
            ),
            opt_out_covered: coverage(policy.opt_outs.iter().map(|o| o.covers.as_slice())),
        }
    }

    /// The practice of a kind by name, as [`crate::facts::PolicyFacts::find`]
    /// finds it, in constant time.
    pub fn practice(
        &self,
        kind: crate::facts::PracticeKind,
        name: &str,
    ) -> Option<&crate::facts::Practice> {
        self.practice_at
            .get(&kind)
            .and_then(|names| names.get(name))
            .and_then(|i| self.facts.practices.get(*i))
    }

    /// The span of the first origin that has one, else the policy's, else the
    /// start of the file (YAML models carry no locations).
    pub fn locate(&self, origins: &[&Origin]) -> Span {
        origins
            .iter()
            .find_map(|o| o.span())
            .or_else(|| self.policy.origin.span())
            .copied()
            .unwrap_or_else(|| Span::file_start(&self.source.path))
    }

    /// Where `name` is written on a `keyword` line directly inside the block whose
    /// head is at `origin` (names in lists carry no location of their own). Falls
    /// back to `origin`. The language puts a block's `{` at the end of its line
    /// and its `}` on a line of its own, so depth is tracked line by line.
    pub fn locate_name(&self, origin: &Origin, keyword: &str, name: &str) -> Origin {
        let Some(head) = origin.span() else {
            return *origin;
        };
        if head.file != self.source.id() {
            return *origin;
        }
        let text = self.source.text.as_str();
        let Some(after) = text.get(head.start()..) else {
            return *origin;
        };
        let mut offset = head.start();
        let mut depth = 0usize;
        let mut in_list = false;
        for (i, line) in after.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += line.len();
            let trimmed = line.trim();
            if i == 0 {
                if !trimmed.ends_with('{') {
                    break;
                }
                continue;
            }
            if trimmed == "}" {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                continue;
            }
            let code = trimmed.split(" #").next().unwrap_or(trimmed).trim_end();
            let opens = code.ends_with('{');
            if depth == 0 {
                let first = code.split_whitespace().next().unwrap_or("");
                if first == keyword || in_list {
                    let skip = if in_list || name == keyword {
                        0
                    } else {
                        first.len()
                    };
                    if let Some(at) =
                        find_word(line, name, line.len() - line.trim_start().len() + skip)
                    {
                        let s = start + at;
                        return Origin::new(Span::new(&self.source.path, text, s, s + name.len()));
                    }
                }
                in_list = (first == keyword || in_list) && code.ends_with(',');
            }
            if opens {
                depth += 1;
            }
        }
        *origin
    }

    /// A finding located at the first of `origins` that has a span.
    pub fn diag(&self, code: Code, message: impl Into<String>, origins: &[&Origin]) -> Diagnostic {
        Diagnostic::new(code, message).at(Some(self.locate(origins)))
    }

    /// The acknowledgment target of the policy itself.
    pub fn policy_target(&self) -> String {
        format!("policy {}", self.policy.name)
    }

    /// The P3P kind of a recipient named in a practice: a defined recipient, or a
    /// P3P recipient word used directly. `None` when it is neither (R201).
    pub fn recipient_kind(&self, name: &str) -> Option<Recipient> {
        match self.recipients.get(name) {
            Some(def) => Some(def.kind),
            None => Recipient::from_word(name),
        }
    }

    /// Whether a recipient entry offers a real choice: opt-in or opt-out on a
    /// recipient that takes one (REC §3.3.5: never `ours`).
    pub fn recipient_choice(&self, u: &RecipientUse) -> bool {
        u.required != Required::Always && self.recipient_kind(&u.name) != Some(Recipient::Ours)
    }

    /// Every data item a list of data uses stands for, with the origin of the use
    /// (a set's items are expanded; an undefined set contributes nothing).
    pub fn items(&self, uses: &'a [DataUse]) -> Vec<UsedItem<'a>> {
        let mut out = Vec::new();
        for data_use in uses {
            match data_use {
                DataUse::Item(item) => out.push(UsedItem {
                    item,
                    set: None,
                    origin: &item.origin,
                }),
                DataUse::Set { name, origin } => {
                    if let Some(set) = self.datasets.get(name.as_str()) {
                        out.extend(set.items.iter().map(|item| UsedItem {
                            item,
                            set: Some(set),
                            origin,
                        }));
                    }
                }
            }
        }
        out
    }
}

/// The byte offset of `word` in `line` at or after `from`, as a whole name
/// (not part of a longer name) and outside strings.
fn find_word(line: &str, word: &str, from: usize) -> Option<usize> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c == '"' {
            in_string = true;
            continue;
        }
        if c == '#' {
            return None;
        }
        if i < from || !line[i..].starts_with(word) {
            continue;
        }
        let before_ok = line[..i].chars().next_back().is_none_or(|b| !is_name(b));
        let after_ok = line[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|a| !is_name(a));
        if before_ok && after_ok {
            return Some(i);
        }
    }
    None
}

/// A data item as a practice uses it.
pub(crate) struct UsedItem<'a> {
    pub item: &'a DataItem,
    /// The data set it came from, if it was named through one.
    pub set: Option<&'a DataSet>,
    /// Where the practice names it (the set reference, or the item itself).
    pub origin: &'a Origin,
}

impl<'a> UsedItem<'a> {
    /// The best location: the item's own when it was written in place, else the use.
    pub fn origins(&self) -> [&'a Origin; 2] {
        if self.set.is_some() {
            [self.origin, &self.item.origin]
        } else {
            [&self.item.origin, self.origin]
        }
    }
}

/// Whether a purpose entry offers a real choice: opt-in or opt-out on a purpose
/// that takes one (REC §3.3.4: never `current`).
pub(crate) fn purpose_choice(u: &PurposeUse) -> bool {
    u.required != Required::Always && u.purpose.takes_required()
}

/// The schema element name of an item, if it is one.
pub(crate) fn element_name(item: &DataItem) -> Option<&str> {
    match &item.data {
        DataRef::Schema(name) => Some(name.strip_prefix('#').unwrap_or(name)),
        DataRef::Custom(_) => None,
    }
}

/// All categories of an item: the schema element's fixed ones plus those declared.
pub(crate) fn categories(item: &DataItem) -> Vec<Category> {
    let mut cats = item.categories.clone();
    if let Some(element) = element_name(item).and_then(vocabulary::lookup_data) {
        cats.extend(element.categories.iter().copied());
    }
    cats.sort();
    cats.dedup();
    cats
}

/// Whether an item is (or contains) `dynamic.cookies`.
pub(crate) fn is_cookie_data(item: &DataItem) -> bool {
    element_name(item).is_some_and(|n| n == "dynamic.cookies" || n == "dynamic")
}

/// Whether two schema element names overlap: one is the other, or contains it
/// (REC §3.3.7: referencing a set covers every element below it).
pub(crate) fn elements_overlap(a: &str, b: &str) -> bool {
    let contains = |outer: &str, inner: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    };
    contains(a, b) || contains(b, a)
}

/// "did you mean" help for an undefined name, or a plain instruction.
pub(crate) fn suggestion<'n>(
    name: &str,
    candidates: impl IntoIterator<Item = &'n str>,
    kind: &str,
) -> String {
    match vocabulary::suggest(name, candidates) {
        Some(close) => format!("did you mean `{close}`? Otherwise define {kind} `{name}`"),
        None => format!("define {kind} `{name}` in this policy, or fix the spelling"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_by_dotted_prefix() {
        assert!(elements_overlap("user.name", "user.name.given"));
        assert!(elements_overlap("user.name.given", "user.name"));
        assert!(elements_overlap("user.name", "user.name"));
        assert!(!elements_overlap("user.name", "user.namex"));
        assert!(!elements_overlap("user.bdate", "user.name"));
    }
}
