//! The privacy label at the top of the page, after the CMU "privacy nutrition
//! label" (Kelley, Bresee, Cranor, Reeder, 2009): rows are kinds of information,
//! columns are uses and sharing, and each cell says whether the site collects and
//! uses that kind of information that way: always, unless you opt out, only if you
//! opt in, or not at all.
//!
//! Rows are derived from P3P categories (REC §3.4), use columns from purposes
//! (REC §3.3.4), sharing columns from recipients (REC §3.3.5). Every collection
//! statement, cookie and sharing rule contributes: for each category it touches
//! and each purpose or recipient it names, the cell gets that purpose's or
//! recipient's choice (`required`, REC §3.3.4). Where several practices fill one
//! cell, the most permissive wins (always > opt-out > opt-in), so the label never
//! understates what the site may do. Non-identifiable (aggregate) practices count
//! too, for the same reason. `ours` is not sharing; `current` is always "always".

use super::data;
use super::terms::{recipient_kind, TermView};
use crate::model::{Policy, PurposeUse};
use crate::vocabulary::{Category, Purpose, Recipient, Required};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

struct Row {
    id: &'static str,
    label: &'static str,
    categories: &'static [Category],
    /// Shown even when nothing of the kind is collected (the CMU label's
    /// standard rows); the others only when collected.
    standard: bool,
}

/// The CMU label's ten standard rows, then rows for the remaining categories.
const ROWS: &[Row] = &[
    Row {
        id: "contact",
        label: "Contact information",
        categories: &[Category::Physical, Category::Online],
        standard: true,
    },
    Row {
        id: "cookies",
        label: "Cookies",
        categories: &[Category::State],
        standard: true,
    },
    Row {
        id: "demographic",
        label: "Demographic information",
        categories: &[Category::Demographic],
        standard: true,
    },
    Row {
        id: "financial",
        label: "Financial information",
        categories: &[Category::Financial],
        standard: true,
    },
    Row {
        id: "health",
        label: "Health information",
        categories: &[Category::Health],
        standard: true,
    },
    Row {
        id: "preferences",
        label: "Preferences",
        categories: &[Category::Preference],
        standard: true,
    },
    Row {
        id: "purchases",
        label: "Purchases",
        categories: &[Category::Purchase],
        standard: true,
    },
    Row {
        id: "government",
        label: "Government-issued ID",
        categories: &[Category::Government],
        standard: true,
    },
    Row {
        id: "activity",
        label: "Your activity on this site and your computer",
        categories: &[
            Category::Navigation,
            Category::Interactive,
            Category::Computer,
        ],
        standard: true,
    },
    Row {
        id: "location",
        label: "Your location",
        categories: &[Category::Location],
        standard: true,
    },
    Row {
        id: "identifiers",
        label: "Unique identifiers",
        categories: &[Category::Uniqueid],
        standard: false,
    },
    Row {
        id: "content",
        label: "Content of your messages",
        categories: &[Category::Content],
        standard: false,
    },
    Row {
        id: "political",
        label: "Political, religious or union affiliation",
        categories: &[Category::Political],
        standard: false,
    },
    Row {
        id: "other",
        label: "Other information",
        categories: &[Category::OtherCategory],
        standard: false,
    },
];

struct Column {
    id: &'static str,
    label: &'static str,
    purposes: &'static [Purpose],
    recipients: &'static [Recipient],
}

/// "Ways we use your information" (CMU label), from purposes (REC §3.3.4).
const USES: &[Column] = &[
    Column {
        id: "service",
        label: "Provide service and main\u{ad}tain site",
        purposes: &[Purpose::Current, Purpose::Admin, Purpose::Tailoring],
        recipients: &[],
    },
    Column {
        id: "research",
        label: "Research and develop\u{ad}ment",
        purposes: &[Purpose::Develop, Purpose::Historical],
        recipients: &[],
    },
    Column {
        id: "marketing",
        label: "Marketing",
        purposes: &[Purpose::Contact],
        recipients: &[],
    },
    Column {
        id: "telemarketing",
        label: "Tele\u{ad}marketing",
        purposes: &[Purpose::Telemarketing],
        recipients: &[],
    },
    Column {
        id: "profiling",
        label: "Profiling",
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
        label: "Other uses",
        purposes: &[Purpose::OtherPurpose],
        recipients: &[],
    },
];

/// "Information sharing" (CMU label), from recipients (REC §3.3.5).
const SHARING: &[Column] = &[
    Column {
        id: "companies",
        label: "Other companies",
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
        label: "Public forums",
        purposes: &[],
        recipients: &[Recipient::Public],
    },
];

/// A column heading: its label and the P3P terms it gathers.
#[derive(Clone, Debug, Serialize)]
pub struct ColumnView {
    pub id: &'static str,
    pub label: &'static str,
    pub terms: Vec<TermView>,
}

/// One cell: `key` is `yes`, `opt-out`, `opt-in` or `no`.
#[derive(Clone, Debug, Serialize)]
pub struct CellView {
    pub key: &'static str,
    pub text: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct RowView {
    pub id: &'static str,
    pub label: &'static str,
    pub categories: Vec<TermView>,
    pub cells: Vec<CellView>,
}

/// One legend entry.
#[derive(Clone, Debug, Serialize)]
pub struct LegendView {
    pub key: &'static str,
    pub text: &'static str,
    pub label: &'static str,
    pub description: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct LabelView {
    pub uses: Vec<ColumnView>,
    pub sharing: Vec<ColumnView>,
    pub rows: Vec<RowView>,
    pub legend: Vec<LegendView>,
}

fn cell(mark: Option<Required>) -> CellView {
    let (key, text) = match mark {
        Some(Required::Always) => ("yes", "Yes"),
        Some(Required::OptOut) => ("opt-out", "Opt out"),
        Some(Required::OptIn) => ("opt-in", "Opt in"),
        None => ("no", "No"),
    };
    CellView { key, text }
}

fn legend() -> Vec<LegendView> {
    let mut out: Vec<LegendView> = [Required::Always, Required::OptOut, Required::OptIn]
        .into_iter()
        .map(|r| {
            let c = cell(Some(r));
            let t = TermView::of(r);
            LegendView {
                key: c.key,
                text: c.text,
                label: t.label,
                description: t.description,
            }
        })
        .collect();
    out.push(LegendView {
        key: "no",
        text: "No",
        label: "Never",
        description: "We do not collect or use this information this way.",
    });
    out
}

fn column_views(columns: &[Column]) -> Vec<ColumnView> {
    columns
        .iter()
        .map(|c| ColumnView {
            id: c.id,
            label: c.label,
            terms: c
                .purposes
                .iter()
                .map(|p| TermView::of(*p))
                .chain(c.recipients.iter().map(|r| TermView::of(*r)))
                .collect(),
        })
        .collect()
}

/// Marks per (row, column), columns numbered uses first, then sharing.
#[derive(Default)]
struct Grid {
    marks: BTreeMap<(usize, usize), Required>,
    collected: BTreeSet<usize>,
}

impl Grid {
    fn mark(&mut self, cats: &BTreeSet<Category>, column: usize, required: Required) {
        for (r, row) in ROWS.iter().enumerate() {
            if row.categories.iter().any(|c| cats.contains(c)) {
                let slot = self.marks.entry((r, column)).or_insert(required);
                // Most permissive wins (module docs).
                if required.permissiveness() > slot.permissiveness() {
                    *slot = required;
                }
            }
        }
    }

    fn practice(
        &mut self,
        policy: &Policy,
        cats: &BTreeSet<Category>,
        purposes: &[PurposeUse],
        recipients: &[(String, Required)],
        cap: Required,
    ) {
        for (r, row) in ROWS.iter().enumerate() {
            if row.categories.iter().any(|c| cats.contains(c)) {
                self.collected.insert(r);
            }
        }
        let capped = |req: Required| {
            if req.permissiveness() > cap.permissiveness() {
                cap
            } else {
                req
            }
        };
        for p in purposes {
            // REC §3.3.4: `current` is always required.
            let req = if p.purpose.takes_required() {
                p.required
            } else {
                Required::Always
            };
            if let Some(col) = USES.iter().position(|c| c.purposes.contains(&p.purpose)) {
                self.mark(cats, col, capped(req));
            }
        }
        for (name, req) in recipients {
            let Some(kind) = recipient_kind(policy, name) else {
                continue;
            };
            if let Some(col) = SHARING.iter().position(|c| c.recipients.contains(&kind)) {
                self.mark(cats, USES.len() + col, capped(*req));
            }
        }
    }
}

/// Builds the label for one policy.
pub fn label(policy: &Policy) -> LabelView {
    let mut grid = Grid::default();
    for s in &policy.statements {
        let cats = data::categories(policy, &s.data);
        let recipients: Vec<(String, Required)> = s
            .recipients
            .iter()
            .map(|r| (r.name.clone(), r.required))
            .collect();
        grid.practice(policy, &cats, &s.purposes, &recipients, Required::Always);
    }
    for c in &policy.cookies {
        // A cookie is state management (REC §3.4) whatever else it holds.
        let mut cats: BTreeSet<Category> = c.categories.iter().copied().collect();
        cats.insert(Category::State);
        let mut recipients: Vec<(String, Required)> = c
            .recipients
            .iter()
            .map(|r| (r.name.clone(), r.required))
            .collect();
        if let Some(provider) = &c.provider {
            recipients.push((provider.clone(), Required::Always));
        }
        grid.practice(policy, &cats, &c.purposes, &recipients, Required::Always);
    }
    for s in &policy.sharing {
        let cats = data::categories(policy, &s.data);
        let recipients: Vec<(String, Required)> =
            s.with.iter().map(|w| (w.clone(), s.choice)).collect();
        // The rule's choice limits everything it allows.
        grid.practice(policy, &cats, &s.purposes, &recipients, s.choice);
    }

    let columns = USES.len() + SHARING.len();
    let rows = ROWS
        .iter()
        .enumerate()
        .filter(|(r, row)| row.standard || grid.collected.contains(r))
        .map(|(r, row)| RowView {
            id: row.id,
            label: row.label,
            categories: row.categories.iter().map(|c| TermView::of(*c)).collect(),
            cells: (0..columns)
                .map(|col| cell(grid.marks.get(&(r, col)).copied()))
                .collect(),
        })
        .collect();
    LabelView {
        uses: column_views(USES),
        sharing: column_views(SHARING),
        rows,
        legend: legend(),
    }
}
