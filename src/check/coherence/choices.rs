//! Choice coherence: the same data and purpose `always` in one statement and a
//! choice in another (Q515); a sharing rule's choice against the choice the
//! statements give the same recipient (Q516).

use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{Leaf, Practice, PracticeKind, RecipientRole};
use crate::vocabulary::{Purpose, Required, Term};
use std::collections::{HashMap, HashSet};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    same_use_two_choices(cx, out);
    share_choice_against_statement(cx, out);
}

fn same_use_two_choices(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let statements: Vec<&Practice> = cx.facts.of_kind(PracticeKind::Statement).collect();
    // (purpose, leaf) → the first statement that gives a choice over the purpose
    // and uses the leaf: one pass over the statements instead of one per statement.
    let mut first_choice: HashMap<(Purpose, &Leaf), usize> = HashMap::new();
    for (i, b) in statements.iter().enumerate() {
        for u in b.purposes.iter().filter(|u| u.choice != Required::Always) {
            for e in &b.data {
                first_choice.entry((u.purpose, &e.leaf)).or_insert(i);
            }
        }
    }
    let mut reported: HashSet<&str> = HashSet::new();
    for a in &statements {
        for pa in a.purposes.iter().filter(|u| u.choice == Required::Always) {
            if !pa.purpose.takes_required() || reported.contains(a.name.as_str()) {
                continue;
            }
            // The first statement with a choice over the purpose that shares one of
            // this statement's identifying leaves.
            let first = a
                .data
                .iter()
                .filter(|d| d.identifying.is_some())
                .filter_map(|d| first_choice.get(&(pa.purpose, &d.leaf)).copied())
                .min();
            let Some(b) = first.map(|i| statements[i]) else {
                continue;
            };
            let Some(pb) = b
                .purposes
                .iter()
                .find(|u| u.purpose == pa.purpose && u.choice != Required::Always)
            else {
                continue;
            };
            let shared = a
                .data
                .iter()
                .find(|d| d.identifying.is_some() && b.data.iter().any(|e| e.leaf == d.leaf));
            let Some(d) = shared else { continue };
            reported.insert(&a.name);
            out.push(
                    cx.diag(
                        Code::SameUseTwoChoices,
                        format!(
                            "statement `{}` uses `{}` for `{}` always, but statement `{}` gives people a choice ({}) over the same use",
                            a.name,
                            d.leaf.text(),
                            pa.purpose,
                            b.name,
                            pb.choice
                        ),
                        &[&pa.origin, &a.origin],
                    )
                    .label(&pb.origin, format!("`{}` here", pb.choice))
                    .help("give the use one choice everywhere: a choice that one statement takes away is no choice")
                    .target(a.target()),
                );
        }
    }
}

/// Statements by (recipient, choice, data leaf): the identifiable statements
/// whose first recipient of that name takes a choice, with that choice, and that
/// use the leaf; each list in statement order.
type ByRecipientChoiceLeaf<'f> = HashMap<(&'f str, Required, &'f Leaf), Vec<usize>>;

fn by_recipient_choice_leaf<'f>(statements: &[&'f Practice]) -> ByRecipientChoiceLeaf<'f> {
    let mut index: ByRecipientChoiceLeaf<'f> = HashMap::new();
    for (i, s) in statements.iter().enumerate() {
        if !s.identifiable() {
            continue;
        }
        let mut seen: HashSet<&str> = HashSet::new();
        for to in &s.recipients {
            if !seen.insert(&to.name)
                || !to
                    .kind
                    .is_some_and(crate::vocabulary::Recipient::takes_required)
            {
                continue;
            }
            for e in &s.data {
                let list = index.entry((&to.name, to.choice, &e.leaf)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    index
}

fn share_choice_against_statement(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let statements: Vec<&Practice> = cx.facts.of_kind(PracticeKind::Statement).collect();
    let index = by_recipient_choice_leaf(&statements);
    for sh in cx.facts.of_kind(PracticeKind::Sharing) {
        let Some(choice) = sh.choice else { continue };
        if !sh.identifiable() {
            continue;
        }
        for r in sh
            .recipients
            .iter()
            .filter(|r| r.role == RecipientRole::With)
        {
            // The statements naming the recipient with another choice that collect
            // what the rule shares (an identifying leaf), in statement order.
            let mut hits: Vec<usize> = Vec::new();
            for d in sh.data.iter().filter(|d| d.identifying.is_some()) {
                for other in Required::ALL.iter().filter(|c| **c != choice) {
                    if let Some(list) = index.get(&(r.name.as_str(), *other, &d.leaf)) {
                        hits.extend(list);
                    }
                }
            }
            hits.sort_unstable();
            hits.dedup();
            for s in hits.into_iter().map(|i| statements[i]) {
                let Some(to) = s.recipients.iter().find(|x| x.name == r.name) else {
                    continue;
                };
                out.push(
                    cx.diag(
                        Code::ShareChoiceAgainstStatement,
                        format!(
                            "sharing rule `{}` gives data to `{}` with choice `{choice}`, but statement `{}` names the same recipient with `{}`",
                            sh.name, r.name, s.name, to.choice
                        ),
                        &[&sh.origin],
                    )
                    .label(&to.origin, format!("`{}` here", to.choice))
                    .help("make the rule's `choice` and the statement's recipient choice the same")
                    .target(sh.target()),
                );
            }
        }
    }
}
