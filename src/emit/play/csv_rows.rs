//! The Play Console's Data safety CSV: one row per (question, option), with the
//! five columns of the Console's export, question and response IDs copied exactly.

use super::{DataSafety, Deletion, TypeAnswers};
use crate::emit::EmitError;
use crate::vocabulary::stores::{play, PlayPurpose};

/// The header row, exactly as the Console exports it.
pub const HEADER: [&str; 5] = [
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
];

type Row = [String; 5];

fn row(q: &str, r: &str, v: &str, req: &str, label: &str) -> Row {
    [q.into(), r.into(), v.into(), req.into(), label.into()]
}

fn b(v: bool) -> &'static str {
    if v {
        "TRUE"
    } else {
        "FALSE"
    }
}

/// A choice option's value: `TRUE` when selected, empty when not.
fn pick(v: bool) -> &'static str {
    if v {
        "TRUE"
    } else {
        ""
    }
}

fn usage_rows(rows: &mut Vec<Row>, t: &TypeAnswers) {
    let id = t.data_type.id;
    let q = |suffix: &str| format!("PSL_DATA_USAGE_RESPONSES:{id}:{suffix}");
    let head = format!("Data usage and handling ({})", t.data_type.label);
    let cs = "Is this data collected, shared, or both?";
    rows.push(row(
        &q("PSL_DATA_USAGE_COLLECTION_AND_SHARING"),
        "PSL_DATA_USAGE_ONLY_COLLECTED",
        pick(t.collected),
        "MULTIPLE_CHOICE",
        &format!("{head} / {cs} / Collected"),
    ));
    rows.push(row(
        &q("PSL_DATA_USAGE_COLLECTION_AND_SHARING"),
        "PSL_DATA_USAGE_ONLY_SHARED",
        pick(t.shared),
        "MULTIPLE_CHOICE",
        &format!("{head} / {cs} / Shared"),
    ));
    rows.push(row(
        &q("PSL_DATA_USAGE_EPHEMERAL"),
        "",
        if t.collected { b(t.ephemeral) } else { "" },
        "MAYBE_REQUIRED",
        &format!("{head} / Is this data processed ephemerally?"),
    ));
    let uc = "Is this data required for your app, or can users choose whether it's collected?";
    rows.push(row(
        &q("DATA_USAGE_USER_CONTROL"),
        "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL",
        pick(t.collected && t.optional),
        "SINGLE_CHOICE",
        &format!("{head} / {uc} / Users can choose whether this data is collected"),
    ));
    rows.push(row(
        &q("DATA_USAGE_USER_CONTROL"),
        "PSL_DATA_USAGE_USER_CONTROL_REQUIRED",
        pick(t.collected && !t.optional),
        "SINGLE_CHOICE",
        &format!("{head} / {uc} / Data collection is required (users can't turn off this data collection)"),
    ));
    let mut purposes = |suffix: &str, question: &str, chosen: &[PlayPurpose]| {
        for p in play::PURPOSES {
            rows.push(row(
                &q(suffix),
                p.id,
                pick(chosen.contains(p)),
                "MULTIPLE_CHOICE",
                &format!("{head} / {question} / {}", p.label),
            ));
        }
    };
    purposes(
        "DATA_USAGE_COLLECTION_PURPOSE",
        "Why is this user data collected? Select all that apply.",
        &t.collection_purposes,
    );
    purposes(
        "DATA_USAGE_SHARING_PURPOSE",
        "Why is this user data shared? Select all that apply.",
        &t.sharing_purposes,
    );
}

/// Every row, in the export's order: app-level questions, data-type categories,
/// then the usage questions of each selected type.
pub fn rows(d: &DataSafety) -> Vec<Row> {
    let mut rows = vec![
        row(
            "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA",
            "",
            b(!d.types.is_empty()),
            "REQUIRED",
            "Does your app collect or share any of the required user data types?",
        ),
        row(
            "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT",
            "",
            if d.types.is_empty() {
                ""
            } else {
                b(d.encrypted_in_transit)
            },
            "MAYBE_REQUIRED",
            "Is all of the user data collected by your app encrypted in transit?",
        ),
    ];
    let del = "Do you provide a way for users to request that their data is deleted?";
    for (id, label, on) in [
        ("DATA_DELETION_YES", "Yes", d.deletion == Deletion::Yes),
        ("DATA_DELETION_NO", "No", d.deletion == Deletion::No),
        (
            "DATA_DELETION_NO_AUTO_DELETED",
            "No, but user data is automatically deleted within 90 days",
            false,
        ),
    ] {
        rows.push(row(
            "PSL_SUPPORT_DATA_DELETION_BY_USER",
            id,
            pick(on && !d.types.is_empty()),
            "SINGLE_CHOICE",
            &format!("{del} / {label}"),
        ));
    }
    rows.push(row(
        "PSL_DATA_DELETION_URL",
        "",
        d.deletion_url.as_deref().unwrap_or(""),
        "MAYBE_REQUIRED",
        "Delete data URL",
    ));
    for t in play::ALL {
        let selected = d.types.iter().any(|a| a.data_type == *t);
        rows.push(row(
            t.category_id,
            t.id,
            pick(selected),
            "MULTIPLE_CHOICE",
            &format!("{} / {}", t.category, t.label),
        ));
    }
    for t in &d.types {
        usage_rows(&mut rows, t);
    }
    rows
}

/// The CSV file (RFC 4180, quoting where needed, `\n` line ends).
pub fn csv(d: &DataSafety) -> Result<Vec<u8>, EmitError> {
    let err = |e: &dyn std::fmt::Display| EmitError {
        message: format!("cannot write the Data safety CSV: {e}"),
    };
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(HEADER).map_err(|e| err(&e))?;
    for r in rows(d) {
        w.write_record(&r).map_err(|e| err(&e))?;
    }
    w.into_inner().map_err(|e| err(&e))
}
