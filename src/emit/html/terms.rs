//! Vocabulary terms as the templates see them: word, reader label and
//! description, from the catalogue's reader wording (`vocabulary::reader`).

use super::catalog::Catalog;
use super::names::RecipientDefs;
use crate::vocabulary::{reader, Purpose, Recipient, Required, Term};
use serde::Serialize;

/// One term, worded for readers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermView {
    /// The source word (`pseudo-analysis`), for CSS classes and anchors only.
    pub word: &'static str,
    pub label: String,
    pub description: String,
}

impl TermView {
    pub fn of<T: Term>(cat: &Catalog, term: T) -> Self {
        let id = reader::message_id(term);
        Self {
            word: term.word(),
            label: cat.msg(&id),
            description: cat.attr(&id, "description"),
        }
    }
}

/// A purpose with its choice (REC §3.3.4).
#[derive(Clone, Debug, Serialize)]
pub struct PurposeView {
    pub purpose: TermView,
    /// The policy's own words for `other-purpose`.
    pub detail: Option<String>,
    pub choice: TermView,
}

/// A recipient with its choice (REC §3.3.5).
#[derive(Clone, Debug, Serialize)]
pub struct RecipientView {
    /// Who it is: the policy's description, else the kind's label.
    pub label: String,
    /// The recipient kind, when known.
    pub kind: Option<TermView>,
    pub choice: TermView,
    /// Why it receives the data (`to processor basis service-providers`), worded.
    pub basis: Option<String>,
}

pub fn purpose_view(
    cat: &Catalog,
    purpose: Purpose,
    required: Required,
    detail: Option<&String>,
) -> PurposeView {
    PurposeView {
        purpose: TermView::of(cat, purpose),
        detail: detail.cloned(),
        // REC §3.3.4: `current` is always required.
        choice: TermView::of(
            cat,
            if purpose.takes_required() {
                required
            } else {
                Required::Always
            },
        ),
    }
}

/// The kind of a recipient named in a statement: a defined recipient's kind, or
/// the P3P word itself.
pub fn recipient_kind(policy: &(impl RecipientDefs + ?Sized), name: &str) -> Option<Recipient> {
    policy
        .recipient(name)
        .map(|r| r.kind)
        .or_else(|| Recipient::from_word(name))
}

/// A recipient named in a practice, worded. `policy`: the policy, or (for a page,
/// which names many) its [`super::names::Names`].
pub fn recipient_view(
    cat: &Catalog,
    policy: &(impl RecipientDefs + ?Sized),
    name: &str,
    required: Required,
) -> RecipientView {
    let def = policy.recipient(name);
    let kind = def.map(|r| r.kind).or_else(|| Recipient::from_word(name));
    let label = def
        .and_then(|d| d.description.clone())
        .or_else(|| kind.map(|k| cat.msg(&reader::message_id(k))))
        .unwrap_or_else(|| super::words::humanize(name));
    RecipientView {
        label,
        kind: kind.map(|k| TermView::of(cat, k)),
        // REC §3.3.5: `ours` is always required.
        choice: TermView::of(
            cat,
            if kind.is_some_and(|k| !k.takes_required()) {
                Required::Always
            } else {
                required
            },
        ),
        basis: None,
    }
}
