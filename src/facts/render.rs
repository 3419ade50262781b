//! The facts as text (`policyc dump --facts`) and as JSON (`--facts --format json`).

use super::table::{Facts, PolicyFacts, Practice, Row};
use crate::vocabulary::Term;
use serde::Serialize;
use std::fmt::Write as _;

/// One row of the table, by names, for JSON.
#[derive(Serialize)]
#[allow(clippy::struct_excessive_bools)] // the four derived attributes of a row
struct FlowOut<'a> {
    practice: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    categories: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    purpose_choice: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recipient_choice: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<crate::model::Exception>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retention: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'a str>,
    identifying: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    linked: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    cross_site: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    sensitive: bool,
}

fn flow<'a>(row: &Row<'a>) -> FlowOut<'a> {
    let p = row.practice;
    let retention = p.retention.as_ref();
    FlowOut {
        practice: p.target(),
        subject: row.subject.map(|s| s.name.as_str()),
        data: row.data.map(|d| d.leaf.text()),
        categories: row
            .data
            .map(|d| d.categories.iter().map(|c| c.word()).collect())
            .unwrap_or_default(),
        purpose: row.purpose.map(|u| u.purpose.word()),
        purpose_choice: row.purpose.map(|u| u.choice.word()),
        recipient: row.recipient.map(|r| r.name.as_str()),
        recipient_kind: row.recipient.and_then(|r| r.kind).map(Term::word),
        recipient_choice: row.recipient.map(|r| r.choice.word()),
        basis: row.recipient.and_then(|r| r.basis),
        retention: retention.and_then(|r| r.value).map(Term::word),
        period: retention.and_then(|r| r.period.as_deref()),
        identifying: row.data.is_some_and(|d| d.identifying.is_some()),
        linked: p.derived.linked.value,
        cross_site: p.derived.cross_site.value,
        sensitive: row.data.is_some_and(|d| !d.sensitive.is_empty())
            || row.subject.is_some_and(|s| s.children),
    }
}

#[derive(Serialize)]
struct PolicyOut<'a> {
    policy: &'a str,
    practices: &'a [Practice],
    flows: Vec<FlowOut<'a>>,
}

/// The facts as JSON: per policy, its practices (with declared flags and derived
/// attributes with their reasons) and every flow row.
pub fn to_json(facts: &Facts) -> serde_json::Value {
    let policies: Vec<PolicyOut<'_>> = facts
        .policies
        .iter()
        .map(|p| PolicyOut {
            policy: &p.policy,
            practices: &p.practices,
            flows: p.rows().map(|r| flow(&r)).collect(),
        })
        .collect();
    serde_json::json!({ "policies": policies })
}

const HEADERS: [&str; 9] = [
    "practice",
    "subject",
    "data",
    "categories",
    "purpose",
    "recipient",
    "retention",
    "derived",
    "",
];

/// The facts as a text table: one line per flow, then, per practice, the derived
/// values with their reasons and the declared flags they are held against.
pub fn to_table(facts: &Facts) -> String {
    let mut out = String::new();
    for p in &facts.policies {
        table_of(p, &mut out);
    }
    out
}

fn cell_row(row: &Row<'_>) -> [String; 8] {
    let f = flow(row);
    let mut derived = String::new();
    for (on, letter) in [
        (f.identifying, 'I'),
        (f.linked, 'L'),
        (f.cross_site, 'X'),
        (f.sensitive, 'S'),
    ] {
        derived.push(if on { letter } else { '-' });
    }
    let recipient = match row.recipient {
        Some(r) => {
            let mut s = format!(
                "{} ({}, {}",
                r.name,
                r.kind.map_or("?", Term::word),
                r.choice.word()
            );
            if let Some(b) = r.basis {
                let _ = write!(s, ", basis {}", exception_word(b));
            }
            s.push(')');
            s
        }
        None => "-".into(),
    };
    [
        f.practice,
        f.subject.unwrap_or("everyone").to_string(),
        f.data.unwrap_or("-").to_string(),
        f.categories.join(","),
        match row.purpose {
            Some(u) => format!("{} ({})", u.purpose.word(), u.choice.word()),
            None => "-".into(),
        },
        recipient,
        match (f.retention, f.period) {
            (Some(v), Some(p)) => format!("{v} \"{p}\""),
            (Some(v), None) => v.to_string(),
            (None, Some(p)) => format!("\"{p}\""),
            (None, None) => "-".into(),
        },
        derived,
    ]
}

fn exception_word(e: crate::model::Exception) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn table_of(p: &PolicyFacts, out: &mut String) {
    let _ = writeln!(out, "policy {}", p.policy);
    let rows: Vec<[String; 8]> = p.rows().map(|r| cell_row(&r)).collect();
    let mut widths = [0usize; 8];
    for (i, h) in HEADERS.iter().take(8).enumerate() {
        widths[i] = h.len();
    }
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |cells: &[&str], out: &mut String| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                let pad = widths[i].saturating_sub(c.chars().count());
                let _ = write!(s, "{c}{}  ", " ".repeat(pad));
            }
        }
        let _ = writeln!(out, "{}", s.trim_end());
    };
    line(&HEADERS[..8], out);
    for r in &rows {
        let cells: Vec<&str> = r.iter().map(String::as_str).collect();
        line(&cells, out);
    }
    let _ = writeln!(
        out,
        "\nderived (I identifying, L linked, X cross-site, S sensitive):"
    );
    for pr in &p.practices {
        let d = &pr.derived;
        let mut lines = Vec::new();
        let declared = &pr.declared;
        for (name, value, flag) in [
            ("identifying", &d.identifying, declared.identifiable),
            ("linked", &d.linked, declared.linked),
            ("cross-site", &d.cross_site, declared.cross_site),
            ("sensitive", &d.sensitive, None),
        ] {
            if !value.value && flag.is_none() {
                continue;
            }
            let mut s = format!("  {name}: {}", if value.value { "yes" } else { "no" });
            if let Some(f) = flag {
                let _ = write!(s, " (declared {})", if f { "yes" } else { "no" });
            }
            if value.value {
                let _ = write!(s, ", because {}", value.explain());
            }
            lines.push(s);
        }
        if !lines.is_empty() {
            let _ = writeln!(out, "{}", pr.target());
            for l in lines {
                let _ = writeln!(out, "{l}");
            }
        }
    }
    out.push('\n');
}
