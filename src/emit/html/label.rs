//! The privacy label at the top of the page, after the CMU "privacy nutrition
//! label" (Kelley, Bresee, Cranor, Reeder, 2009): rows are kinds of information,
//! columns are uses and sharing, and each cell says whether the site collects and
//! uses that kind of information that way: always, unless you opt out, only if you
//! opt in, or not at all.
//!
//! Rows are kinds of information as a person tells them apart
//! (`vocabulary::reader::Kind`): a data element's reader kind where the
//! vocabulary gives one (a name is contact information, though P3P also files it
//! under demographic data), else the kinds of its P3P categories (REC §3.4). Use
//! columns come from purposes
//! (REC §3.3.4), sharing columns from recipients (REC §3.3.5). Every collection
//! statement, cookie and sharing rule contributes: for each category it touches
//! and each purpose or recipient it names, the cell gets that purpose's or
//! recipient's choice (`required`, REC §3.3.4). Where several practices fill one
//! cell, the most permissive wins (always > opt-out > opt-in), so the label never
//! understates what the site may do. Non-identifiable (aggregate) practices count
//! too, for the same reason. `ours` is not sharing; `current` is always "always".
//! Every mark is derived from the facts (`crate::facts`), the flows the checks
//! and the P3P policy read too, so the label, the choices section, the P3P policy
//! and the compact policy cannot disagree (`tests/html_label_agrees.rs`). A
//! cookie's provider reads it only as the cookie's purposes allow (the facts give
//! the provider the cookie's consent): a cookie set only with consent shares only
//! with consent.

use super::catalog::Catalog;
use super::terms::TermView;
use crate::facts::{DataFact, Leaf, PolicyFacts, PracticeKind};
use crate::model::{Policy, PurposeUse};
use crate::vocabulary::reader::{element_kind, Kind};
use crate::vocabulary::{Purpose, Recipient, Required};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

struct Column {
    id: &'static str,
    purposes: &'static [Purpose],
    recipients: &'static [Recipient],
}

/// "Ways we use your information" (CMU label), from purposes (REC §3.3.4).
const USES: &[Column] = &[
    Column {
        id: "service",
        purposes: &[Purpose::Current, Purpose::Admin, Purpose::Tailoring],
        recipients: &[],
    },
    Column {
        id: "research",
        purposes: &[Purpose::Develop, Purpose::Historical],
        recipients: &[],
    },
    Column {
        id: "marketing",
        purposes: &[Purpose::Contact],
        recipients: &[],
    },
    Column {
        id: "telemarketing",
        purposes: &[Purpose::Telemarketing],
        recipients: &[],
    },
    Column {
        id: "profiling",
        purposes: &[
            Purpose::PseudoAnalysis,
            Purpose::PseudoDecision,
            Purpose::IndividualAnalysis,
            Purpose::IndividualDecision,
        ],
        recipients: &[],
    },
    Column {
        id: "other-uses",
        purposes: &[Purpose::OtherPurpose],
        recipients: &[],
    },
];

/// "Information sharing" (CMU label), from recipients (REC §3.3.5).
const SHARING: &[Column] = &[
    Column {
        id: "companies",
        purposes: &[],
        recipients: &[
            Recipient::Delivery,
            Recipient::Same,
            Recipient::OtherRecipient,
            Recipient::Unrelated,
        ],
    },
    Column {
        id: "public",
        purposes: &[],
        recipients: &[Recipient::Public],
    },
];

/// The id of the use column a purpose falls in.
pub fn use_column(purpose: Purpose) -> &'static str {
    USES.iter()
        .find(|c| c.purposes.contains(&purpose))
        .map_or("other-uses", |c| c.id)
}

/// The ids of the use columns, in order.
pub fn use_columns() -> Vec<&'static str> {
    USES.iter().map(|c| c.id).collect()
}

/// A column heading: its label and the P3P terms it gathers.
#[derive(Clone, Debug, Serialize)]
pub struct ColumnView {
    pub id: &'static str,
    pub label: String,
    pub terms: Vec<TermView>,
}

/// One cell: `key` is `yes`, `opt-out`, `opt-in` or `no`.
#[derive(Clone, Debug, Serialize)]
pub struct CellView {
    pub key: &'static str,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RowView {
    pub id: &'static str,
    pub label: String,
    pub description: String,
    pub cells: Vec<CellView>,
}

/// One legend entry.
#[derive(Clone, Debug, Serialize)]
pub struct LegendView {
    pub key: &'static str,
    pub text: String,
    pub description: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct LabelView {
    pub uses: Vec<ColumnView>,
    pub sharing: Vec<ColumnView>,
    pub rows: Vec<RowView>,
    pub legend: Vec<LegendView>,
}

/// The key of a cell: `yes`, `opt-out`, `opt-in` or `no`.
pub fn key(mark: Option<Required>) -> &'static str {
    match mark {
        Some(Required::Always) => "yes",
        Some(Required::OptOut) => "opt-out",
        Some(Required::OptIn) => "opt-in",
        None => "no",
    }
}

fn cell(cat: &Catalog, mark: Option<Required>) -> CellView {
    let key = key(mark);
    CellView {
        key,
        text: cat.msg(&format!("cell-{key}")),
    }
}

fn legend(cat: &Catalog) -> Vec<LegendView> {
    [
        Some(Required::Always),
        Some(Required::OptOut),
        Some(Required::OptIn),
        None,
    ]
    .into_iter()
    .map(|mark| {
        let c = cell(cat, mark);
        LegendView {
            key: c.key,
            description: cat.attr(&format!("cell-{}", c.key), "description"),
            text: c.text,
        }
    })
    .collect()
}

fn column_views(cat: &Catalog, columns: &[Column]) -> Vec<ColumnView> {
    columns
        .iter()
        .map(|c| ColumnView {
            id: c.id,
            label: cat.msg(&format!("column-{}", c.id)),
            terms: c
                .purposes
                .iter()
                .map(|p| TermView::of(cat, *p))
                .chain(c.recipients.iter().map(|r| TermView::of(cat, *r)))
                .collect(),
        })
        .collect()
}

/// The kinds of information one data leaf of the facts is, as a person files
/// them: the element's reader kind when the vocabulary gives one (a name is
/// contact information), else the kinds of its categories; what a cookie holds is
/// a cookie, whatever else it is.
pub fn leaf_kinds(data: &DataFact) -> BTreeSet<Kind> {
    let mut kinds = BTreeSet::new();
    match data.leaf.element().and_then(element_kind) {
        Some(kind) => {
            kinds.insert(kind);
        }
        None => kinds.extend(data.categories.iter().map(|c| Kind::of_category(*c))),
    }
    if matches!(data.leaf, Leaf::Cookie(_)) {
        kinds.insert(Kind::Cookies);
    }
    kinds
}

/// The label's marks: per (kind, column id), the most permissive choice of any
/// practice, and the kinds collected at all. Columns are the use columns, then
/// the sharing columns.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub marks: BTreeMap<(Kind, &'static str), Required>,
    pub collected: BTreeSet<Kind>,
}

impl Grid {
    fn mark(&mut self, kinds: &BTreeSet<Kind>, column: &'static str, required: Required) {
        for kind in kinds {
            let slot = self.marks.entry((*kind, column)).or_insert(required);
            // Most permissive wins (module docs).
            if required.permissiveness() > slot.permissiveness() {
                *slot = required;
            }
        }
    }

    /// The mark of one cell.
    pub fn get(&self, kind: Kind, column: &str) -> Option<Required> {
        self.marks
            .iter()
            .find(|((k, c), _)| *k == kind && *c == column)
            .map(|(_, r)| *r)
    }
}

/// A purpose's choice as it applies (REC §3.3.4: `current` is always required).
pub fn choice_of(p: &PurposeUse) -> Required {
    purpose_choice(p.purpose, p.required)
}

/// `required` as it applies to `purpose` (REC §3.3.4: `current` is always required).
pub fn purpose_choice(purpose: Purpose, required: Required) -> Required {
    if purpose.takes_required() {
        required
    } else {
        Required::Always
    }
}

/// The consent a cookie is set with (the facts' rule, shared with the P3P policy).
pub fn cookie_choice(c: &crate::model::Cookie) -> Required {
    crate::facts::cookie_consent(c)
}

/// The label's marks for one policy, derived from its facts (the flows the checks
/// and the P3P policy read): for each practice, the kinds of its data, marked in
/// the column of each purpose and each recipient with that purpose's or
/// recipient's choice. A sharing rule that names no data shares what the policy
/// collects (as its P3P statement does). Retention rules move no data.
pub fn grid(policy: &Policy) -> Grid {
    grid_of_facts(&crate::facts::derive_policy(policy))
}

/// [`grid`] from facts already derived.
pub fn grid_of_facts(facts: &PolicyFacts) -> Grid {
    let mut grid = Grid::default();
    let collected_by_statements: BTreeSet<Kind> = facts
        .of_kind(PracticeKind::Statement)
        .flat_map(|p| p.data.iter().flat_map(leaf_kinds))
        .collect();
    for practice in &facts.practices {
        if practice.kind == PracticeKind::Retention {
            continue;
        }
        let mut kinds: BTreeSet<Kind> = practice.data.iter().flat_map(leaf_kinds).collect();
        if kinds.is_empty() && practice.kind == PracticeKind::Sharing {
            kinds.clone_from(&collected_by_statements);
        }
        grid.collected.extend(kinds.iter().copied());
        for p in &practice.purposes {
            grid.mark(
                &kinds,
                use_column(p.purpose),
                purpose_choice(p.purpose, p.choice),
            );
        }
        for r in &practice.recipients {
            let column = r
                .kind
                .and_then(|k| SHARING.iter().find(|c| c.recipients.contains(&k)));
            if let Some(col) = column {
                grid.mark(&kinds, col.id, r.choice);
            }
        }
    }
    grid
}

/// Builds the label for one policy, worded in English.
pub fn label(policy: &Policy) -> LabelView {
    label_in(policy, super::catalog::for_tag_or_english(None))
}

/// Builds the label for one policy, worded from `cat`.
pub fn label_in(policy: &Policy, cat: &Catalog) -> LabelView {
    label_of_grid(&grid(policy), cat)
}

/// [`label_in`] from the policy's label grid already derived.
pub fn label_of_grid(grid: &Grid, cat: &Catalog) -> LabelView {
    let columns: Vec<&'static str> = USES.iter().chain(SHARING.iter()).map(|c| c.id).collect();
    let rows = Kind::ALL
        .iter()
        .filter(|k| k.standard() || grid.collected.contains(k))
        .map(|k| RowView {
            id: k.id(),
            label: cat.msg(&format!("kind-{}", k.id())),
            description: cat.attr(&format!("kind-{}", k.id()), "description"),
            cells: columns
                .iter()
                .map(|col| cell(cat, grid.get(*k, col)))
                .collect(),
        })
        .collect();
    LabelView {
        uses: column_views(cat, USES),
        sharing: column_views(cat, SHARING),
        rows,
        legend: legend(cat),
    }
}
