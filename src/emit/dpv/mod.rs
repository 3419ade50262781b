//! The policy as W3C Data Privacy Vocabulary (DPV 2.x) JSON-LD: the controller, and
//! each flow (`collect` statement, cookie, sharing rule) a `dpv:Process` with its
//! purposes, processing operations, personal data, data subjects, recipients,
//! storage condition and technical and organisational measures. Every DPV term
//! comes from `vocabulary::dpv` and is checked against the vendored DPV 2.3 term
//! list before it is written; our own nodes have `urn:policyc:` IRIs.

use super::flows::{Flow, FlowKind, Lookups};
use super::{EmitError, EmitOptions, Emitter, Prepared, Sink};
use crate::model::{Policy, PolicySet};
use crate::vocabulary::dpv;
use crate::vocabulary::{Purpose, Recipient, Term};
use serde_json::{json, Map, Value};

/// The terms a document uses, each checked once, when first used; the first
/// that is not a DPV term is kept.
#[derive(Default)]
struct Terms {
    seen: std::collections::HashSet<&'static str>,
    bad: Option<&'static str>,
}

impl Terms {
    fn push(&mut self, term: &'static str) {
        if self.seen.insert(term) && self.bad.is_none() && !dpv::is_term(term) {
            self.bad = Some(term);
        }
    }

    fn extend<const N: usize>(&mut self, terms: [&'static str; N]) {
        for term in terms {
            self.push(term);
        }
    }
}

/// The document's graph, with the ids of the recipient nodes it holds (each
/// recipient is one node, however many flows name it).
struct Graph<'w> {
    nodes: Nodes<'w>,
    recipients: std::collections::HashSet<String>,
}

/// Where the graph's nodes go: kept as values, or written out as they come (the
/// build's form, so the document is never held whole as values).
enum Nodes<'w> {
    Keep(Vec<Value>),
    /// The `@graph` array's elements written into `out` as in the pretty-printed
    /// document (each node indented by four spaces, separated by `,\n`); `any`
    /// once one is; the first write error is kept (nothing more is written).
    Write {
        out: &'w mut dyn std::io::Write,
        any: bool,
        failed: Option<std::io::Error>,
    },
}

impl<'w> Graph<'w> {
    fn new(nodes: Nodes<'w>) -> Self {
        Self {
            nodes,
            recipients: std::collections::HashSet::new(),
        }
    }

    fn push(&mut self, node: Value) {
        match &mut self.nodes {
            Nodes::Keep(nodes) => nodes.push(node),
            Nodes::Write { out, any, failed } => {
                if failed.is_some() {
                    return;
                }
                let mut bytes = Vec::new();
                bytes.extend_from_slice(if *any { b",\n    " } else { b"\n    " });
                *any = true;
                indented(&mut bytes, &node, b"\n    ");
                if let Err(e) = out.write_all(&bytes) {
                    *failed = Some(e);
                }
            }
        }
    }
}

/// `value` pretty-printed as `serde_json` writes it, each line after the first
/// starting with `indent` (JSON strings hold no raw line breaks, so every line
/// break is the printer's).
fn indented(out: &mut Vec<u8>, value: &Value, indent: &[u8]) {
    let mut one = Vec::new();
    // Writing a `Value` into memory cannot fail.
    let _ = serde_json::to_writer_pretty(&mut one, value);
    for b in one {
        if b == b'\n' {
            out.extend_from_slice(indent);
        } else {
            out.push(b);
        }
    }
}

impl Terms {
    fn id(&mut self, term: &'static str) -> Value {
        self.push(term);
        json!({ "@id": term })
    }
}

fn node_id(policy: &Policy, what: &str, name: &str) -> String {
    format!("urn:policyc:{}:{what}:{name}", policy.name)
}

fn controller(policy: &Policy, t: &mut Terms) -> Option<Value> {
    let e = policy.entity.as_ref()?;
    t.push("dpv:DataController");
    let mut o = Map::new();
    o.insert("@id".into(), json!(node_id(policy, "controller", "entity")));
    o.insert("@type".into(), json!("dpv:DataController"));
    o.insert("dpv:hasName".into(), json!(e.name));
    let contact: Vec<&String> = e.email.iter().chain(&e.phone).chain(&e.url).collect();
    if !contact.is_empty() {
        o.insert("dpv:hasContact".into(), json!(contact));
    }
    if let Some(p) = &e.postal {
        let parts: Vec<&String> = p
            .street
            .iter()
            .chain(&p.city)
            .chain(&p.stateprov)
            .chain(&p.postalcode)
            .chain(&p.country)
            .collect();
        if !parts.is_empty() {
            o.insert(
                "dpv:hasAddress".into(),
                json!(parts
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")),
            );
        }
    }
    if let Some(dpo) = &policy.legal.dpo {
        let mut d = json!({ "@type": "dpv:DataProtectionOfficer", "dpv:hasName": dpo.name });
        let contact: Vec<&String> = dpo.email.iter().chain(&dpo.phone).chain(&dpo.url).collect();
        if !contact.is_empty() {
            d["dpv:hasContact"] = json!(contact);
        }
        o.insert("dpv:hasDataProtectionOfficer".into(), d);
        t.extend(["dpv:hasDataProtectionOfficer", "dpv:DataProtectionOfficer"]);
    }
    t.extend(["dpv:hasName", "dpv:hasContact", "dpv:hasAddress"]);
    Some(Value::Object(o))
}

/// The property a recipient of this kind is attached with; `None` for `ours` (the
/// controller and its agents, which the process names as its controller).
fn recipient_property(kind: Recipient) -> Option<&'static str> {
    match kind {
        Recipient::Ours => None,
        Recipient::OtherRecipient => Some("dpv:hasDataProcessor"),
        Recipient::Same => Some("dpv:hasRecipientDataController"),
        Recipient::Unrelated => Some("dpv:hasRecipientThirdParty"),
        Recipient::Delivery | Recipient::Public => Some("dpv:hasRecipient"),
    }
}

fn process(
    policy: &Policy,
    look: &Lookups<'_>,
    f: &Flow,
    t: &mut Terms,
    graph: &mut Graph<'_>,
) -> Value {
    let mut o = Map::new();
    o.insert("@id".into(), json!(node_id(policy, f.kind.word(), &f.name)));
    o.insert("@type".into(), json!("dpv:Process"));
    t.push("dpv:Process");
    let title = f
        .title
        .clone()
        .unwrap_or_else(|| format!("{} {}", f.kind.word(), f.name));
    o.insert("dct:title".into(), json!(title));
    if policy.entity.is_some() {
        o.insert(
            "dpv:hasDataController".into(),
            json!({ "@id": node_id(policy, "controller", "entity") }),
        );
        t.push("dpv:hasDataController");
    }
    let purposes = purposes(f, t);
    put(&mut o, t, "dpv:hasPurpose", purposes);
    let ops = operations(f, t);
    put(&mut o, t, "dpv:hasProcessing", ops);
    let data = personal_data(f, t);
    put(&mut o, t, "dpv:hasPersonalData", data);
    let subjects = subjects(look, f, t);
    put(&mut o, t, "dpv:hasDataSubject", subjects);
    for (property, ids) in recipients(policy, f, t, graph) {
        put(&mut o, t, property, ids);
    }
    if let Some(storage) = storage(f, t) {
        o.insert("dpv:hasStorageCondition".into(), storage);
    }
    let bases = legal_bases(look, f, t);
    put(&mut o, t, "dpv:hasLegalBasis", bases);
    let countries = third_countries(look, f, t);
    put(&mut o, t, "dpv:hasThirdCountry", countries);
    let measures = measures(look, f, t);
    put(&mut o, t, "dpv:hasTechnicalOrganisationalMeasure", measures);
    Value::Object(o)
}

/// GDPR Art. 6(1) bases, then the Art. 45–49 bases of the flow's transfers.
fn legal_bases(look: &Lookups<'_>, f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut terms: Vec<&'static str> = Vec::new();
    let mut push = |term: &'static str| {
        // Terms of a fixed vocabulary: the list stays short.
        if !terms.contains(&term) {
            terms.push(term);
        }
    };
    for (_, b) in &f.bases {
        push(dpv::legal_basis(*b));
    }
    for tr in look.transfers(f) {
        if let Some(s) = tr.safeguard {
            push(dpv::transfer_basis(s));
        }
    }
    terms.into_iter().map(|term| t.id(term)).collect()
}

/// Destinations of the flow's transfers, in the policy's words (`loc:` country
/// terms are not in the vendored list, so no country IRI is invented).
fn third_countries(look: &Lookups<'_>, f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for tr in look.transfers(f) {
        for to in &tr.to {
            t.push("dpv:ThirdCountry");
            if seen.insert(to.as_str()) {
                out.push(json!({ "@type": "dpv:ThirdCountry", "dct:description": to }));
            }
        }
    }
    out
}

/// Sets `property` to `values` unless there are none.
fn put(o: &mut Map<String, Value>, t: &mut Terms, property: &'static str, values: Vec<Value>) {
    if !values.is_empty() {
        t.push(property);
        o.insert(property.into(), Value::Array(values));
    }
}

fn purposes(f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut seen = Vec::new();
    for (p, _) in &f.purposes {
        let term = dpv::purpose(*p);
        if seen.contains(&term) {
            continue;
        }
        seen.push(term);
        if matches!(p, Purpose::Historical | Purpose::OtherPurpose) {
            t.push(term);
            out.push(json!({ "@type": term, "dct:description": p.label() }));
        } else {
            out.push(t.id(term));
        }
    }
    if f.sale {
        out.push(t.id("dpv:SellDataToThirdParties"));
    }
    out
}

fn operations(f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut ops = Vec::new();
    if f.kind != FlowKind::Share {
        ops.push(t.id("dpv:Collect"));
        if !f.ephemeral() {
            ops.push(t.id("dpv:Store"));
        }
    }
    ops.push(t.id("dpv:Use"));
    if f.to_third_party() {
        ops.push(t.id("dpv:Share"));
    }
    ops
}

fn personal_data(f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut data: Vec<&'static str> = Vec::new();
    for i in &f.items {
        let terms: Vec<&'static str> = if i.mappings.is_empty() {
            vec!["dpv:PersonalData"]
        } else {
            i.mappings.iter().map(|m| m.dpv).collect()
        };
        for term in terms {
            if !data.contains(&term) {
                data.push(term);
            }
        }
    }
    data.into_iter().map(|d| t.id(d)).collect()
}

fn subjects(look: &Lookups<'_>, f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut out: Vec<&'static str> = Vec::new();
    for name in &f.subjects {
        let words = look
            .subject(name)
            .and_then(|s| s.description.as_deref())
            .map_or_else(|| name.clone(), |d| format!("{name} {d}"));
        let term = dpv::data_subject(&words);
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out.into_iter().map(|s| t.id(s)).collect()
}

/// Recipients: one node each in the graph, attached by the property of its kind.
fn recipients(
    policy: &Policy,
    f: &Flow,
    t: &mut Terms,
    graph: &mut Graph<'_>,
) -> Vec<(&'static str, Vec<Value>)> {
    let mut by_property: Vec<(&'static str, Vec<Value>)> = Vec::new();
    for r in &f.recipients {
        let Some(property) = recipient_property(r.kind) else {
            continue;
        };
        let id = node_id(policy, "recipient", &r.name);
        if !graph.recipients.contains(&id) {
            let class = dpv::recipient(r.kind);
            t.extend([class, "dpv:hasName"]);
            let mut n = json!({ "@id": id, "@type": class, "dpv:hasName": r.name });
            if let Some(d) = &r.description {
                n["dct:description"] = json!(d);
            }
            graph.recipients.insert(id.clone());
            graph.push(n);
        }
        match by_property.iter_mut().find(|(p, _)| *p == property) {
            Some((_, v)) => v.push(json!({ "@id": id })),
            None => by_property.push((property, vec![json!({ "@id": id })])),
        }
    }
    by_property
}

fn storage(f: &Flow, t: &mut Terms) -> Option<Value> {
    let mut periods: Vec<String> = Vec::new();
    if let Some(r) = f.retention {
        periods.push(
            f.retention_period
                .clone()
                .unwrap_or_else(|| r.description().to_string()),
        );
    }
    periods.extend(f.retention_rules.iter().map(|(p, d)| match d {
        Some(d) => format!("{p}; {d}"),
        None => p.clone(),
    }));
    if periods.is_empty() {
        return None;
    }
    let class = f.retention.map_or("dpv:UntilEventDuration", dpv::duration);
    t.extend([
        "dpv:hasStorageCondition",
        "dpv:StorageDuration",
        "dpv:hasDuration",
        class,
    ]);
    Some(json!({
        "@type": "dpv:StorageDuration",
        "dpv:hasDuration": { "@type": class, "dct:description": periods.join("; ") },
    }))
}

fn measures(look: &Lookups<'_>, f: &Flow, t: &mut Terms) -> Vec<Value> {
    let mut out: Vec<&'static str> = Vec::new();
    for m in look.measures(f) {
        let term = dpv::measure(m.kind);
        if !out.contains(&term) {
            out.push(term);
        }
    }
    if !f.identifiable {
        out.push("dpv:Anonymisation");
    }
    out.into_iter().map(|m| t.id(m)).collect()
}

/// The JSON-LD document of a policy set, or the first term not in the vendored DPV
/// list (a defect of our mapping tables, never of the policy).
pub fn document(set: &PolicySet) -> Result<Value, EmitError> {
    document_prepared(&Prepared::new(set))
}

/// [`document`] from a prepared set (its flows shared with the other emitters).
pub fn document_prepared(input: &Prepared<'_>) -> Result<Value, EmitError> {
    let graph = graph(input, Nodes::Keep(Vec::new()))?;
    let Nodes::Keep(nodes) = graph.nodes else {
        unreachable!("the nodes were kept")
    };
    Ok(json!({ "@context": context(), "@graph": nodes }))
}

/// The document as [`super::write_json`] writes [`document_prepared`], each node
/// written as it is made.
fn write_document(input: &Prepared<'_>, out: &mut dyn std::io::Write) -> Result<(), EmitError> {
    let io = |e: std::io::Error| EmitError::io(&e);
    let mut head = b"{\n  \"@context\": ".to_vec();
    indented(&mut head, &context(), b"\n  ");
    head.extend_from_slice(b",\n  \"@graph\": [");
    out.write_all(&head).map_err(io)?;
    let graph = graph(
        input,
        Nodes::Write {
            out: &mut *out,
            any: false,
            failed: None,
        },
    )?;
    let Nodes::Write { any, failed, .. } = graph.nodes else {
        unreachable!("the nodes were written")
    };
    if let Some(e) = failed {
        return Err(io(e));
    }
    out.write_all(if any { b"\n  ]\n}\n" } else { b"]\n}\n" })
        .map_err(io)
}

/// The document's `@context`.
fn context() -> Value {
    let mut context = Map::new();
    for (prefix, ns) in dpv::PREFIXES {
        context.insert((*prefix).to_string(), json!(ns));
    }
    Value::Object(context)
}

/// The document's graph's nodes; or the first term not in the vendored DPV list.
fn graph<'w>(input: &Prepared<'_>, nodes: Nodes<'w>) -> Result<Graph<'w>, EmitError> {
    let mut t = Terms::default();
    let mut graph = Graph::new(nodes);
    for (i, p) in input.set().policies.iter().enumerate() {
        if let Some(c) = controller(p, &mut t) {
            graph.push(c);
        }
        let look = Lookups::new(p);
        for f in input.flows(i) {
            let node = process(p, &look, f, &mut t, &mut graph);
            graph.push(node);
        }
    }
    if let Some(bad) = t.bad {
        return Err(EmitError {
            message: format!(
                "`{bad}` is not a DPV 2.3 term (a defect of policyc's mapping tables)"
            ),
        });
    }
    Ok(graph)
}

/// `dpv/policy.jsonld`.
pub struct DpvEmitter;

impl Emitter for DpvEmitter {
    fn name(&self) -> &'static str {
        "dpv"
    }

    fn emit_to(
        &self,
        input: &Prepared<'_>,
        _options: &EmitOptions,
        sink: &mut dyn Sink,
    ) -> Result<(), EmitError> {
        sink.file("dpv/policy.jsonld", &mut |w| write_document(input, w))
    }

    fn skip_reason_prepared(&self, input: &Prepared<'_>) -> Option<String> {
        if (0..input.set().policies.len()).all(|i| input.flows(i).is_empty()) {
            Some("no policy states any processing".into())
        } else {
            None
        }
    }
}
