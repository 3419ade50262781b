//! Record of processing activities (GDPR Art. 30(1)): one row per processing
//! activity (each `collect` statement, cookie and sharing rule) with the controller
//! and its contact (a), purposes (b), categories of data subjects and of personal
//! data (c), recipients (d), retention (f) and security measures (g); as CSV, as an
//! XLSX workbook with one sheet per policy, and as JSON. Column headers are words,
//! for the legal teams who open it in a spreadsheet.

mod xlsx;

use super::flows::{flows, Flow, FlowKind, Lookups};
use super::{EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::model::{Policy, PolicySet};
use crate::vocabulary::{data_label, LawTerm, Term};
use serde_json::{json, Value};

pub use xlsx::xlsx;

/// The columns, in order, with the Art. 30(1) item each answers.
pub const COLUMNS: &[(&str, &str)] = &[
    ("Policy", ""),
    ("Processing activity", ""),
    ("Controller", "30(1)(a)"),
    ("Controller contact details", "30(1)(a)"),
    ("Representative", "30(1)(a)"),
    ("Data protection officer", "30(1)(a)"),
    ("Purposes of the processing", "30(1)(b)"),
    ("Lawful basis", "Art. 6(1)"),
    ("Categories of data subjects", "30(1)(c)"),
    ("Categories of personal data", "30(1)(c)"),
    ("Special categories of personal data", "30(1)(c), Art. 9"),
    ("Categories of recipients", "30(1)(d)"),
    ("Transfers to third countries and safeguards", "30(1)(e)"),
    ("Time limits for erasure", "30(1)(f)"),
    ("Technical and organisational security measures", "30(1)(g)"),
];

/// One row: the text of each column, lists joined with `; `.
pub type Row = Vec<String>;

fn controller(p: &Policy) -> (String, String) {
    let Some(e) = &p.entity else {
        return (String::new(), String::new());
    };
    let mut contact = Vec::new();
    if let Some(postal) = &e.postal {
        let parts: Vec<String> = postal
            .street
            .iter()
            .cloned()
            .chain(
                [
                    &postal.city,
                    &postal.stateprov,
                    &postal.postalcode,
                    &postal.country,
                ]
                .into_iter()
                .flatten()
                .cloned(),
            )
            .collect();
        if !parts.is_empty() {
            contact.push(parts.join(", "));
        }
    }
    contact.extend(e.email.iter().cloned());
    contact.extend(e.phone.iter().cloned());
    contact.extend(e.url.iter().cloned());
    (e.name.clone(), contact.join("; "))
}

/// Name and contact details of an entity, in one line.
fn entity_line(e: &crate::model::Entity) -> String {
    let mut parts = vec![e.name.clone()];
    parts.extend(e.email.iter().cloned());
    parts.extend(e.phone.iter().cloned());
    parts.extend(e.url.iter().cloned());
    parts.join(", ")
}

fn representatives(p: &Policy) -> String {
    p.legal
        .representatives
        .iter()
        .map(|r| {
            format!("{:?}: {}", r.region, entity_line(&r.contact))
                .replacen("Eu:", "EU:", 1)
                .replacen("Uk:", "UK:", 1)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn bases(f: &Flow) -> Vec<String> {
    f.bases
        .iter()
        .map(|(purpose, b)| match purpose {
            Some(p) => format!("{} ({}) for {}", b.label(), b.cite(), p.label()),
            None => format!("{} ({})", b.label(), b.cite()),
        })
        .collect()
}

fn transfers(look: &Lookups<'_>, f: &Flow) -> Vec<String> {
    look.transfers(f)
        .into_iter()
        .map(|t| {
            let to = if t.to.is_empty() {
                t.name.clone()
            } else {
                t.to.join(", ")
            };
            match t.safeguard {
                Some(s) => format!("{to}: {} ({})", s.label(), s.cite()),
                None => to,
            }
        })
        .collect()
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

fn activity_name(f: &Flow) -> String {
    let what = match f.kind {
        FlowKind::Collect => "Collection",
        FlowKind::Cookie => "Cookie",
        FlowKind::Share => "Disclosure",
    };
    match &f.title {
        Some(t) => format!("{t} ({what} `{}`)", f.name),
        None => format!("{what} `{}`", f.name),
    }
}

/// The data of a flow in words, as the policy names it (a base schema element or
/// set by its label, custom data as written), with the categories of its leaves.
fn data_words(f: &Flow) -> (Vec<String>, Vec<String>) {
    let mut named: Vec<(String, Vec<crate::vocabulary::Category>)> = Vec::new();
    // Each name's place in `named` (a flow can hold many items).
    let mut place: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut special = Vec::new();
    for i in &f.items {
        let name = if i.schema {
            data_label(&i.written)
        } else {
            i.name.clone()
        };
        let at = *place.entry(name).or_insert_with_key(|name| {
            named.push((name.clone(), Vec::new()));
            named.len() - 1
        });
        for c in &i.categories {
            if !named[at].1.contains(c) {
                named[at].1.push(*c);
            }
            if c.is_sensitive() {
                push_unique(&mut special, c.label().to_string());
            }
        }
    }
    let data = named
        .into_iter()
        .map(|(name, mut cats)| {
            cats.sort_by_key(|c| crate::vocabulary::Category::ALL.iter().position(|x| x == c));
            if cats.is_empty() {
                name
            } else {
                let words: Vec<&str> = cats.iter().map(|c| c.label()).collect();
                format!("{name} [{}]", words.join(", "))
            }
        })
        .collect();
    (data, special)
}

fn subjects(look: &Lookups<'_>, f: &Flow) -> Vec<String> {
    f.subjects
        .iter()
        .map(|name| {
            look.subject(name)
                .and_then(|s| s.description.clone())
                .map_or_else(|| name.clone(), |d| format!("{name}: {d}"))
        })
        .collect()
}

fn purposes(f: &Flow) -> Vec<String> {
    let mut out = Vec::new();
    for (purpose, _) in &f.purposes {
        let described = f
            .purpose_descriptions
            .iter()
            .find(|(u, _)| u == purpose)
            .map(|(_, d)| d.clone());
        push_unique(
            &mut out,
            described.map_or_else(
                || purpose.label().to_string(),
                |d| format!("{}: {d}", purpose.label()),
            ),
        );
    }
    out
}

fn recipients(f: &Flow) -> Vec<String> {
    f.recipients
        .iter()
        .map(|r| {
            let mut s = if r.name == r.kind.word() {
                r.kind.label().to_string()
            } else {
                format!("{} ({})", r.name, r.kind.label())
            };
            if let Some(d) = r.description.clone() {
                s.push_str(": ");
                s.push_str(&d);
            }
            s
        })
        .collect()
}

fn retention(f: &Flow) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(r) = f.retention {
        out.push(match &f.retention_period {
            Some(period) => format!("{} ({period})", r.label()),
            None => r.label().to_string(),
        });
    }
    for (period, destruction) in &f.retention_rules {
        out.push(match destruction {
            Some(d) => format!("{period}; {d}"),
            None => period.clone(),
        });
    }
    out
}

fn security(look: &Lookups<'_>, f: &Flow) -> Vec<String> {
    look.measures(f)
        .into_iter()
        .map(|m| m.description.clone())
        .collect()
}

/// The activities of one policy, one row each, columns as [`COLUMNS`].
pub fn rows(p: &Policy) -> Vec<Row> {
    rows_of(p, &flows(p))
}

/// [`rows`] from the policy's flows already derived.
pub fn rows_of(p: &Policy, flows: &[Flow]) -> Vec<Row> {
    let (name, contact) = controller(p);
    let representatives = representatives(p);
    let dpo = p.legal.dpo.as_ref().map(entity_line).unwrap_or_default();
    let look = Lookups::new(p);
    flows
        .iter()
        .map(|f| {
            let (data, special) = data_words(f);
            vec![
                p.name.clone(),
                activity_name(f),
                name.clone(),
                contact.clone(),
                representatives.clone(),
                dpo.clone(),
                purposes(f).join("; "),
                bases(f).join("; "),
                subjects(&look, f).join("; "),
                data.join("; "),
                special.join("; "),
                recipients(f).join("; "),
                transfers(&look, f).join("; "),
                retention(f).join("; "),
                security(&look, f).join("; "),
            ]
        })
        .collect()
}

/// Every policy of a set with its activities.
pub type Records<'a> = Vec<(&'a Policy, Vec<Row>)>;

fn records(set: &PolicySet) -> Records<'_> {
    set.policies.iter().map(|p| (p, rows(p))).collect()
}

fn records_prepared<'a>(input: &Prepared<'a>) -> Records<'a> {
    let set = input.set();
    set.policies
        .iter()
        .enumerate()
        .map(|(i, p)| (p, rows_of(p, input.flows(i))))
        .collect()
}

/// The record as CSV: one header row, then every policy's activities.
pub fn csv(set: &PolicySet) -> Result<Vec<u8>, EmitError> {
    csv_of(&records(set))
}

fn csv_of(records: &Records<'_>) -> Result<Vec<u8>, EmitError> {
    let mut bytes = Vec::new();
    write_csv(records, &mut bytes)?;
    Ok(bytes)
}

/// [`csv`] into `out`.
fn write_csv(records: &Records<'_>, out: &mut dyn std::io::Write) -> Result<(), EmitError> {
    let err = |e: &dyn std::fmt::Display| EmitError {
        message: format!("cannot write the record of processing as CSV: {e}"),
    };
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(COLUMNS.iter().map(|(h, _)| *h))
        .map_err(|e| err(&e))?;
    for (_, rows) in records {
        for r in rows {
            w.write_record(r).map_err(|e| err(&e))?;
        }
    }
    w.flush().map_err(|e| err(&e))
}

/// The record as JSON: per policy, the controller and the activities, each field
/// keyed by its column header.
pub fn json(set: &PolicySet) -> Value {
    json_of(records(set))
}

fn json_of(records: Records<'_>) -> Value {
    let policies: Vec<Value> = records
        .into_iter()
        .map(|(p, rows)| {
            let activities: Vec<Value> = rows
                .into_iter()
                .map(|r| {
                    let mut o = serde_json::Map::new();
                    for ((h, _), v) in COLUMNS.iter().zip(r).skip(1) {
                        o.insert((*h).to_string(), Value::String(v));
                    }
                    Value::Object(o)
                })
                .collect();
            json!({ "policy": p.name, "title": p.title, "activities": activities })
        })
        .collect();
    json!({
        "record": "Record of processing activities (GDPR Article 30(1))",
        "columns": COLUMNS.iter().map(|(h, item)| json!({"header": h, "gdpr": item})).collect::<Vec<_>>(),
        "policies": policies,
    })
}

/// The JSON form of [`json_of`]'s value, serialized straight from the rows:
/// fields in the order `serde_json`'s map keeps keys (sorted), so the bytes are
/// the same.
#[derive(serde::Serialize)]
struct JsonRecord<'a> {
    columns: Vec<JsonColumn>,
    policies: Vec<JsonPolicy<'a>>,
    record: &'static str,
}

#[derive(serde::Serialize)]
struct JsonColumn {
    gdpr: &'static str,
    header: &'static str,
}

#[derive(serde::Serialize)]
struct JsonPolicy<'a> {
    activities: JsonActivities<'a>,
    policy: &'a str,
    title: &'a str,
}

/// A policy's rows, each an object keyed by column header (the policy column
/// left out), keys sorted.
struct JsonActivities<'a>(&'a [Row]);

impl serde::Serialize for JsonActivities<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut order: Vec<usize> = (1..COLUMNS.len()).collect();
        order.sort_by_key(|i| COLUMNS[*i].0);
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for row in self.0 {
            seq.serialize_element(&JsonActivity(row, &order))?;
        }
        seq.end()
    }
}

struct JsonActivity<'a>(&'a Row, &'a [usize]);

impl serde::Serialize for JsonActivity<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.1.len()))?;
        for &i in self.1 {
            if let (Some((h, _)), Some(v)) = (COLUMNS.get(i), self.0.get(i)) {
                map.serialize_entry(h, v)?;
            }
        }
        map.end()
    }
}

/// [`json`]'s bytes as [`super::write_json`] writes them, without the value.
fn write_json_of(records: &Records<'_>, out: &mut dyn std::io::Write) -> Result<(), EmitError> {
    let doc = JsonRecord {
        columns: COLUMNS
            .iter()
            .map(|(header, gdpr)| JsonColumn { gdpr, header })
            .collect(),
        policies: records
            .iter()
            .map(|(p, rows)| JsonPolicy {
                activities: JsonActivities(rows),
                policy: &p.name,
                title: &p.title,
            })
            .collect(),
        record: "Record of processing activities (GDPR Article 30(1))",
    };
    super::write_json(out, &doc)
}

/// `gdpr/records-of-processing.{csv,xlsx,json}`.
pub struct RopaEmitter;

impl Emitter for RopaEmitter {
    fn name(&self) -> &'static str {
        "ropa"
    }

    fn emit_to(
        &self,
        input: &Prepared<'_>,
        _options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        let records = records_prepared(input);
        sink.file("gdpr/records-of-processing.csv", &mut |w| {
            write_csv(&records, w)
        })?;
        // The workbook is made whole (a zip archive), written, then dropped.
        sink.bytes(
            "gdpr/records-of-processing.xlsx",
            &xlsx::xlsx_of(input.set(), &records)?,
        )?;
        sink.file("gdpr/records-of-processing.json", &mut |w| {
            write_json_of(&records, w)
        })
    }

    fn skip_reason_prepared(&self, input: &Prepared<'_>) -> Option<String> {
        let set = input.set();
        if set
            .policies
            .iter()
            .all(|p| !p.legal.applies.is_empty() && !p.legal.applies.iter().any(|l| l.is_gdpr()))
        {
            Some("the policy names its laws and neither the GDPR nor the UK GDPR is among them (a record of processing is a GDPR Art. 30 document)".into())
        } else if set.policies.iter().any(|p| p.entity.is_none()) {
            Some("a policy names no `entity` (Art. 30(1)(a) needs the controller)".into())
        } else if (0..set.policies.len()).all(|i| input.flows(i).is_empty()) {
            Some("no policy states any processing".into())
        } else {
            None
        }
    }
}
