//! Choice coherence: the same data and purpose `always` in one statement and a
//! choice in another (Q515); a sharing rule's choice against the choice the
//! statements give the same recipient (Q516).

use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::facts::{PracticeKind, RecipientRole};
use crate::vocabulary::Required;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    same_use_two_choices(cx, out);
    share_choice_against_statement(cx, out);
}

fn same_use_two_choices(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let statements: Vec<_> = cx.facts.of_kind(PracticeKind::Statement).collect();
    let mut reported: Vec<&str> = Vec::new();
    for a in &statements {
        for pa in a.purposes.iter().filter(|u| u.choice == Required::Always) {
            if !pa.purpose.takes_required() || reported.contains(&a.name.as_str()) {
                continue;
            }
            for b in &statements {
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
                reported.push(&a.name);
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
                break;
            }
        }
    }
}

fn share_choice_against_statement(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for sh in cx.facts.of_kind(PracticeKind::Sharing) {
        let Some(choice) = sh.choice else { continue };
        for r in sh
            .recipients
            .iter()
            .filter(|r| r.role == RecipientRole::With)
        {
            for s in cx
                .facts
                .of_kind(PracticeKind::Statement)
                .filter(|s| s.identifiable() && sh.identifiable())
            {
                let Some(to) = s.recipients.iter().find(|x| x.name == r.name) else {
                    continue;
                };
                // Only where the rule shares what the statement collects.
                if !sh
                    .data
                    .iter()
                    .any(|d| d.identifying.is_some() && s.data.iter().any(|e| e.leaf == d.leaf))
                {
                    continue;
                }
                if !to
                    .kind
                    .is_some_and(crate::vocabulary::Recipient::takes_required)
                    || to.choice == choice
                {
                    continue;
                }
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
