//! P3P XML → the P3P-visible form (`document`), with located findings: malformed
//! XML (X701), non-P3P XML (X702), draft namespaces (X703), unknown elements (X704),
//! content policyc does not carry (X705), missing required parts (X706).

use super::document::{
    CookiePattern, P3pData, P3pDispute, P3pImg, P3pPolicy, P3pPurpose, P3pRecipient, P3pStatement,
    PolicyFile, PolicyRef, ReferenceFile, P3P_NAMESPACE,
};
use super::xml_tree::{parse, Node};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::SourceFile;
use crate::vocabulary::{
    suggest, Access, Category, Purpose, Recipient, Remedy, Required, ResolutionType, Retention,
    Term,
};

/// What a P3P file holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum P3pDocument {
    /// A policy file (`POLICIES`, or a lone `POLICY`).
    Policies(PolicyFile),
    /// A policy reference file, with the policies embedded in it, if any.
    Reference(ReferenceFile, Option<PolicyFile>),
}

/// The document read, when it could be, and every finding.
#[derive(Debug)]
pub struct ReadResult {
    pub document: Option<P3pDocument>,
    pub diagnostics: Vec<Diagnostic>,
}

struct Ctx<'a> {
    source: &'a SourceFile,
    diagnostics: Vec<Diagnostic>,
    /// The DATA-DEFs of the document's embedded DATASCHEMA (REC §5): name,
    /// description, categories.
    custom: Vec<(String, String, Vec<Category>)>,
}

impl Ctx<'_> {
    fn report(&mut self, code: Code, node: &Node, message: String, help: Option<String>) {
        let mut d = Diagnostic::new(code, message).at(Some(node.span(self.source)));
        if let Some(h) = help {
            d = d.help(h);
        }
        self.diagnostics.push(d);
    }
    fn unknown(&mut self, node: &Node, place: &str, known: &[&str]) {
        let help = suggest(&node.name, known.iter().copied())
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| {
                (node.name == "customization").then(|| {
                    "P3P 1.0 calls it `tailoring` (the draft's `customization`)".to_string()
                })
            });
        self.report(
            Code::UnknownP3pElement,
            node,
            format!("`{}` is not a P3P 1.0 element in {place}", node.name),
            help,
        );
    }
    fn not_carried(&mut self, node: &Node, what: &str) {
        self.report(
            Code::NotCarried,
            node,
            format!("{what} is not carried into the policy source"),
            None,
        );
    }
    fn missing(&mut self, node: &Node, what: &str) {
        self.report(
            Code::MissingP3pPart,
            node,
            format!("`{}` has no {what}", node.name),
            None,
        );
    }
}

/// Reads a P3P 1.0 policy file or policy reference file.
pub fn read(source: &SourceFile) -> ReadResult {
    let root = match parse(source) {
        Ok(root) => root,
        Err(d) => {
            return ReadResult {
                document: None,
                diagnostics: vec![*d],
            }
        }
    };
    let mut ctx = Ctx {
        source,
        diagnostics: Vec::new(),
        custom: Vec::new(),
    };
    collect_schemas(&mut ctx.custom, &root, 0);
    let document = if check_namespace(&mut ctx, &root) {
        match root.name.as_str() {
            "POLICIES" => Some(P3pDocument::Policies(policies(&mut ctx, &root))),
            "POLICY" => Some(P3pDocument::Policies(PolicyFile {
                expiry: None,
                policies: vec![policy(&mut ctx, &root)],
            })),
            "META" => Some(meta(&mut ctx, &root)),
            other => {
                ctx.report(
                    Code::NotP3p,
                    &root,
                    format!(
                        "the root element is `{other}`, not a P3P `POLICIES`, `POLICY` or `META`"
                    ),
                    Some("pass a P3P policy file or policy reference file (`/w3c/p3p.xml`)".into()),
                );
                None
            }
        }
    } else {
        None
    };
    let failed = ctx.diagnostics.iter().any(Diagnostic::is_blocking_error);
    ReadResult {
        document: if failed { None } else { document },
        diagnostics: ctx.diagnostics,
    }
}

/// Every DATA-DEF of every embedded DATASCHEMA (REC §5): a custom element the
/// policies' DATA may reference (`DATA-GROUP base=""`, REC §3.3.7).
fn collect_schemas(out: &mut Vec<(String, String, Vec<Category>)>, node: &Node, depth: usize) {
    if depth > 4 {
        return;
    }
    for c in &node.children {
        if c.name == "DATASCHEMA" {
            for d in c.children_named("DATA-DEF") {
                let Some(name) = d.attr("name") else { continue };
                let description = d
                    .attr("short-description")
                    .map(str::to_string)
                    .filter(|t| !t.trim().is_empty())
                    .or_else(|| d.child("LONG-DESCRIPTION").map(Node::folded_text))
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| name.to_string());
                let mut categories: Vec<Category> = d
                    .child("CATEGORIES")
                    .map(|cs| {
                        cs.children
                            .iter()
                            .filter_map(|x| Category::from_word(&x.name))
                            .collect()
                    })
                    .unwrap_or_default();
                categories.sort();
                categories.dedup();
                out.push((name.to_string(), description, categories));
            }
        } else if matches!(c.name.as_str(), "POLICIES" | "POLICY") {
            collect_schemas(out, c, depth + 1);
        }
    }
}

/// True when the root is in a P3P namespace (a draft one with a warning).
fn check_namespace(ctx: &mut Ctx<'_>, root: &Node) -> bool {
    let key = root
        .prefix
        .as_ref()
        .map_or_else(|| "xmlns".to_string(), |p| format!("xmlns:{p}"));
    match root.attr(&key) {
        Some(ns) if ns == P3P_NAMESPACE => true,
        Some(ns) if ns.starts_with("http://www.w3.org/") && ns.ends_with("/P3Pv1") => {
            ctx.report(
                Code::OldP3pNamespace,
                root,
                format!("`{ns}` is a P3P draft namespace; reading it as P3P 1.0 ({P3P_NAMESPACE})"),
                None,
            );
            true
        }
        Some(ns) => {
            ctx.report(
                Code::NotP3p,
                root,
                format!("the namespace `{ns}` is not P3P 1.0's `{P3P_NAMESPACE}`"),
                None,
            );
            false
        }
        None => {
            ctx.report(
                Code::OldP3pNamespace,
                root,
                format!(
                    "`{}` declares no namespace; reading it as P3P 1.0 ({P3P_NAMESPACE})",
                    root.name
                ),
                Some(format!("P3P 1.0 documents carry xmlns=\"{P3P_NAMESPACE}\"")),
            );
            true
        }
    }
}

fn expiry(ctx: &mut Ctx<'_>, node: &Node) -> Option<u64> {
    if let Some(v) = node.attr("max-age") {
        if let Ok(n) = v.trim().parse::<u64>() {
            return Some(n);
        }
    }
    ctx.not_carried(node, "an EXPIRY without a numeric `max-age`");
    None
}

fn policies(ctx: &mut Ctx<'_>, node: &Node) -> PolicyFile {
    let mut file = PolicyFile::default();
    for c in &node.children {
        match c.name.as_str() {
            "EXPIRY" => file.expiry = expiry(ctx, c),
            "POLICY" => file.policies.push(policy(ctx, c)),
            "DATASCHEMA" => ctx.not_carried(c, "a custom data schema (DATASCHEMA) as such; its elements are imported as custom data"),
            _ => ctx.unknown(c, "POLICIES", &["EXPIRY", "DATASCHEMA", "POLICY"]),
        }
    }
    file
}

fn policy(ctx: &mut Ctx<'_>, node: &Node) -> P3pPolicy {
    // REC §3.2.2: `name` is required; the import gives the policy one (X707).
    let name = node.attr("name").unwrap_or_default();
    if name.is_empty() {
        ctx.missing(node, "`name` attribute (REC §3.2.2)");
    }
    let mut p = P3pPolicy {
        name: name.to_string(),
        discuri: node.attr("discuri").unwrap_or_default().to_string(),
        opturi: node.attr("opturi").map(String::from),
        lang: node.attr("xml:lang").map(String::from),
        ..P3pPolicy::default()
    };
    if node.attr("discuri").is_none() {
        ctx.missing(node, "`discuri` attribute (REC §3.2.2)");
    }
    let mut entity = false;
    for c in &node.children {
        match c.name.as_str() {
            "TEST" => p.test = true,
            "ENTITY" => {
                entity = true;
                if let Some(g) = c.child("DATA-GROUP") {
                    for d in g.children_named("DATA") {
                        let r = d.attr("ref").unwrap_or_default();
                        p.entity
                            .push((r.trim_start_matches('#').to_string(), d.folded_text()));
                    }
                }
            }
            "ACCESS" => {
                for a in &c.children {
                    match Access::from_word(&a.name) {
                        Some(v) => p.access = Some(v),
                        None if a.name == "EXTENSION" => ctx.not_carried(a, "an EXTENSION"),
                        None => ctx.unknown(a, "ACCESS", &Access::words()),
                    }
                }
            }
            "DISPUTES-GROUP" => {
                for d in &c.children {
                    if d.name == "DISPUTES" {
                        p.disputes.extend(dispute(ctx, d));
                    } else if d.name == "EXTENSION" {
                        ctx.not_carried(d, "an EXTENSION");
                    } else {
                        ctx.unknown(d, "DISPUTES-GROUP", &["DISPUTES"]);
                    }
                }
            }
            "STATEMENT" => p.statements.push(statement(ctx, c)),
            "EXTENSION" => ctx.not_carried(c, "an EXTENSION"),
            // A draft-era placement; its DATA-DEFs are read (`collect_schemas`).
            "DATASCHEMA" => ctx.not_carried(c, "a custom data schema (DATASCHEMA) as such; its elements are imported as custom data"),
            _ => ctx.unknown(
                c,
                "POLICY",
                &[
                    "TEST",
                    "ENTITY",
                    "ACCESS",
                    "DISPUTES-GROUP",
                    "STATEMENT",
                    "EXTENSION",
                ],
            ),
        }
    }
    if !entity || !p.entity.iter().any(|(r, _)| r == "business.name") {
        ctx.missing(node, "ENTITY with `#business.name` (REC §3.2.4)");
    }
    if p.access.is_none() {
        ctx.missing(node, "ACCESS value (REC §3.2.5)");
    }
    p
}

fn dispute(ctx: &mut Ctx<'_>, node: &Node) -> Option<P3pDispute> {
    let resolution = node
        .attr("resolution-type")
        .and_then(ResolutionType::from_word);
    let (Some(resolution), Some(service)) = (resolution, node.attr("service")) else {
        ctx.missing(node, "valid `resolution-type` and `service` (REC §3.2.6)");
        return None;
    };
    let mut d = P3pDispute {
        resolution,
        service: service.to_string(),
        short_description: node.attr("short-description").map(String::from),
        verification: node.attr("verification").map(String::from),
        long_description: None,
        img: None,
        remedies: Vec::new(),
    };
    for c in &node.children {
        match c.name.as_str() {
            "LONG-DESCRIPTION" => d.long_description = Some(c.folded_text()),
            "IMG" => d.img = img(ctx, c),
            "REMEDIES" => {
                for r in &c.children {
                    match Remedy::from_word(&r.name) {
                        Some(v) if !d.remedies.contains(&v) => d.remedies.push(v),
                        Some(_) => {}
                        None => ctx.unknown(r, "REMEDIES", &Remedy::words()),
                    }
                }
            }
            "EXTENSION" => ctx.not_carried(c, "an EXTENSION"),
            _ => ctx.unknown(c, "DISPUTES", &["LONG-DESCRIPTION", "IMG", "REMEDIES"]),
        }
    }
    d.remedies.sort();
    Some(d)
}

/// A DISPUTES `IMG` (REC §3.2.6): `src` and `alt` required (X706 without them); a
/// `width` or `height` that is not a whole number is an X704.
fn img(ctx: &mut Ctx<'_>, node: &Node) -> Option<P3pImg> {
    let (Some(src), Some(alt)) = (node.attr("src"), node.attr("alt")) else {
        ctx.missing(node, "`src` and `alt` (REC §3.2.6)");
        return None;
    };
    let mut size = |name: &str| {
        let v = node.attr(name)?;
        let n = v.trim().parse::<u32>().ok();
        if n.is_none() {
            ctx.report(
                Code::UnknownP3pElement,
                node,
                format!("`{name}=\"{v}\"` is not a whole number of pixels"),
                None,
            );
        }
        n
    };
    let width = size("width");
    let height = size("height");
    Some(P3pImg {
        src: src.to_string(),
        alt: alt.to_string(),
        width,
        height,
    })
}

fn required(ctx: &mut Ctx<'_>, node: &Node) -> Required {
    match node.attr("required") {
        None => Required::Always,
        Some(v) => Required::from_word(v).unwrap_or_else(|| {
            ctx.report(
                Code::UnknownP3pElement,
                node,
                format!("`required=\"{v}\"` is not `always`, `opt-in` or `opt-out`"),
                suggest(v, Required::words()).map(|s| format!("did you mean `{s}`?")),
            );
            Required::Always
        }),
    }
}

fn statement(ctx: &mut Ctx<'_>, node: &Node) -> P3pStatement {
    let mut s = P3pStatement::default();
    for c in &node.children {
        match c.name.as_str() {
            "CONSEQUENCE" => s.consequence = Some(c.folded_text()),
            "NON-IDENTIFIABLE" => s.non_identifiable = true,
            "PURPOSE" => {
                for p in &c.children {
                    match Purpose::from_word(&p.name) {
                        Some(purpose) => {
                            let req = required(ctx, p);
                            let v = P3pPurpose {
                                purpose,
                                required: if purpose.takes_required() {
                                    req
                                } else {
                                    Required::Always
                                },
                                description: (purpose == Purpose::OtherPurpose)
                                    .then(|| p.folded_text())
                                    .filter(|t| !t.is_empty()),
                            };
                            if !s.purposes.contains(&v) {
                                s.purposes.push(v);
                            }
                        }
                        None if p.name == "EXTENSION" => ctx.not_carried(p, "an EXTENSION"),
                        None => ctx.unknown(p, "PURPOSE", &Purpose::words()),
                    }
                }
            }
            "RECIPIENT" => {
                for r in &c.children {
                    match Recipient::from_word(&r.name) {
                        Some(recipient) => {
                            let req = required(ctx, r);
                            s.recipients.push(P3pRecipient {
                                recipient,
                                required: if recipient.takes_required() {
                                    req
                                } else {
                                    Required::Always
                                },
                                descriptions: r
                                    .children_named("recipient-description")
                                    .map(Node::folded_text)
                                    .collect(),
                            });
                        }
                        None if r.name == "EXTENSION" => ctx.not_carried(r, "an EXTENSION"),
                        None => ctx.unknown(r, "RECIPIENT", &Recipient::words()),
                    }
                }
            }
            "RETENTION" => {
                for r in &c.children {
                    match Retention::from_word(&r.name) {
                        Some(v) => s.retention = Some(v),
                        None if r.name == "EXTENSION" => ctx.not_carried(r, "an EXTENSION"),
                        None => ctx.unknown(r, "RETENTION", &Retention::words()),
                    }
                }
            }
            "DATA-GROUP" => {
                // REC §3.3.7: `base` names the schema the refs are in; the base
                // data schema by default, `""` this document (its DATASCHEMA).
                let base = c.attr("base").unwrap_or("http://www.w3.org/TR/P3P/base");
                let custom_base = base != "http://www.w3.org/TR/P3P/base";
                for d in &c.children {
                    if d.name == "DATA" {
                        s.data.extend(data(ctx, d, custom_base));
                    } else if d.name == "EXTENSION" {
                        ctx.not_carried(d, "an EXTENSION");
                    } else {
                        ctx.unknown(d, "DATA-GROUP", &["DATA"]);
                    }
                }
            }
            "EXTENSION" => ctx.not_carried(c, "an EXTENSION"),
            _ => ctx.unknown(
                c,
                "STATEMENT",
                &[
                    "CONSEQUENCE",
                    "NON-IDENTIFIABLE",
                    "PURPOSE",
                    "RECIPIENT",
                    "RETENTION",
                    "DATA-GROUP",
                ],
            ),
        }
    }
    s
}

fn data(ctx: &mut Ctx<'_>, node: &Node, custom_base: bool) -> Option<P3pData> {
    let Some(r) = node.attr("ref") else {
        ctx.missing(node, "`ref` attribute (REC §3.3.7)");
        return None;
    };
    let fragment = r.rsplit_once('#').map_or(r, |(_, f)| f);
    let custom = ctx
        .custom
        .iter()
        .find(|(name, _, _)| name == fragment)
        .cloned();
    let reference = match custom {
        // REC §5: an element of the document's own DATASCHEMA. The policy language
        // carries custom data as `dynamic.miscdata` described in words (REC §5.5.4).
        Some((name, description, categories))
            if custom_base || crate::vocabulary::lookup_data(fragment).is_none() =>
        {
            return Some(custom_data(ctx, node, &name, description, categories));
        }
        _ => fragment.to_string(),
    };
    if custom_base && crate::vocabulary::lookup_data(&reference).is_some() {
        ctx.not_carried(
            node,
            "the DATA-GROUP's custom `base` (the reference is read in the base data schema)",
        );
    }
    if crate::vocabulary::lookup_data(&reference).is_none() {
        let help = suggest(&reference, crate::vocabulary::data_names())
            .map(|s| format!("did you mean `{s}`?"));
        ctx.report(
            Code::UnknownP3pElement,
            node,
            format!("`{r}` is not an element of the P3P base data schema (REC §5.5), nor of the document's DATASCHEMA; left out"),
            help,
        );
        return None;
    }
    let mut categories = Vec::new();
    let mut other_category = None;
    for c in &node.children {
        if c.name == "CATEGORIES" {
            for cat in &c.children {
                match Category::from_word(&cat.name) {
                    Some(v) => {
                        // REC §3.4: `other-category` holds its description.
                        if v == Category::OtherCategory {
                            other_category = Some(cat.folded_text()).filter(|t| !t.is_empty());
                        }
                        categories.push(v);
                    }
                    None => ctx.unknown(cat, "CATEGORIES", &Category::words()),
                }
            }
        } else {
            ctx.unknown(c, "DATA", &["CATEGORIES"]);
        }
    }
    categories.sort();
    categories.dedup();
    Some(P3pData {
        reference,
        optional: node.attr("optional") == Some("yes"),
        categories,
        other_category,
    })
}

/// A reference to a DATA-DEF of the embedded DATASCHEMA, as custom data: the
/// categories of the DATA, else of the DATA-DEF, else `other-category` with the
/// description as its text (REC §3.4).
fn custom_data(
    ctx: &mut Ctx<'_>,
    node: &Node,
    name: &str,
    description: String,
    def_categories: Vec<Category>,
) -> P3pData {
    let mut categories: Vec<Category> = node
        .child("CATEGORIES")
        .map(|cs| {
            cs.children
                .iter()
                .filter_map(|x| Category::from_word(&x.name))
                .collect()
        })
        .unwrap_or_default();
    if categories.is_empty() {
        categories = def_categories;
    }
    if categories.is_empty() {
        categories.push(Category::OtherCategory);
    }
    categories.sort();
    categories.dedup();
    ctx.not_carried(
        node,
        &format!("the custom data element `{name}` as such (it is imported as custom data \"{description}\", P3P `dynamic.miscdata`)"),
    );
    P3pData {
        reference: crate::emit::p3p::statements::MISCDATA.to_string(),
        optional: node.attr("optional") == Some("yes"),
        other_category: categories
            .contains(&Category::OtherCategory)
            .then_some(description),
        categories,
    }
}

fn meta(ctx: &mut Ctx<'_>, node: &Node) -> P3pDocument {
    let mut reference = ReferenceFile {
        expiry: 86_400,
        refs: Vec::new(),
    };
    let mut embedded = None;
    for c in &node.children {
        match c.name.as_str() {
            "POLICY-REFERENCES" => {
                for r in &c.children {
                    match r.name.as_str() {
                        "EXPIRY" => {
                            if let Some(e) = expiry(ctx, r) {
                                reference.expiry = e;
                            }
                        }
                        "POLICY-REF" => reference.refs.extend(policy_ref(ctx, r)),
                        "HINT" => ctx.not_carried(r, "a HINT"),
                        "EXTENSION" => ctx.not_carried(r, "an EXTENSION"),
                        _ => ctx.unknown(r, "POLICY-REFERENCES", &["EXPIRY", "POLICY-REF", "HINT"]),
                    }
                }
            }
            "POLICIES" => embedded = Some(policies(ctx, c)),
            "EXTENSION" => ctx.not_carried(c, "an EXTENSION"),
            _ => ctx.unknown(c, "META", &["POLICY-REFERENCES", "POLICIES"]),
        }
    }
    P3pDocument::Reference(reference, embedded)
}

fn policy_ref(ctx: &mut Ctx<'_>, node: &Node) -> Option<PolicyRef> {
    let Some(about) = node.attr("about") else {
        ctx.missing(node, "`about` attribute (REC §2.3.2.1)");
        return None;
    };
    let mut r = PolicyRef {
        about: about.to_string(),
        ..PolicyRef::default()
    };
    let cookie = |n: &Node| CookiePattern {
        name: n.attr("name").unwrap_or("*").to_string(),
        value: n.attr("value").unwrap_or("*").to_string(),
        domain: n.attr("domain").unwrap_or("*").to_string(),
        path: n.attr("path").unwrap_or("*").to_string(),
    };
    for c in &node.children {
        match c.name.as_str() {
            "INCLUDE" => r.include.push(c.folded_text()),
            "EXCLUDE" => r.exclude.push(c.folded_text()),
            "COOKIE-INCLUDE" => r.cookie_include.push(cookie(c)),
            "COOKIE-EXCLUDE" => r.cookie_exclude.push(cookie(c)),
            "METHOD" => r.methods.push(c.folded_text()),
            "EXTENSION" => ctx.not_carried(c, "an EXTENSION"),
            _ => ctx.unknown(
                c,
                "POLICY-REF",
                &[
                    "INCLUDE",
                    "EXCLUDE",
                    "COOKIE-INCLUDE",
                    "COOKIE-EXCLUDE",
                    "METHOD",
                ],
            ),
        }
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::{read, P3pDocument, P3pImg};
    use crate::diagnostic::Code;
    use crate::span::SourceFile;

    /// The first dispute's IMG of a policy holding `img`, and the finding codes.
    fn read_img(img: &str) -> (Option<P3pImg>, Vec<Code>) {
        let xml = format!(
            "<POLICY xmlns=\"http://www.w3.org/2002/01/P3Pv1\" name=\"p\" discuri=\"/p.html\">\n\
             <ENTITY><DATA-GROUP><DATA ref=\"#business.name\">E</DATA></DATA-GROUP></ENTITY>\n\
             <ACCESS><nonident/></ACCESS>\n\
             <DISPUTES-GROUP><DISPUTES resolution-type=\"independent\" service=\"https://s.example.org\">\n\
             {img}<REMEDIES><correct/></REMEDIES></DISPUTES></DISPUTES-GROUP>\n\
             <STATEMENT><NON-IDENTIFIABLE/></STATEMENT>\n\
             </POLICY>\n"
        );
        let r = read(&SourceFile::new("t.xml", xml));
        let img = match r.document {
            Some(P3pDocument::Policies(f)) => f
                .policies
                .first()
                .and_then(|p| p.disputes.first())
                .and_then(|d| d.img.clone()),
            _ => None,
        };
        (img, r.diagnostics.iter().map(|d| d.code).collect())
    }

    #[test]
    fn dispute_img_is_read() {
        // REC §3.2.6: src and alt required, width and height optional.
        let (img, codes) = read_img(
            r#"<IMG src="https://s.example.org/l.gif" width="88" height="31" alt="Seal"/>"#,
        );
        assert_eq!(codes, []);
        assert_eq!(
            img,
            Some(P3pImg {
                src: "https://s.example.org/l.gif".into(),
                alt: "Seal".into(),
                width: Some(88),
                height: Some(31),
            })
        );
    }

    #[test]
    fn dispute_img_without_alt_or_with_a_bad_size_is_reported() {
        let (img, codes) = read_img(r#"<IMG src="https://s.example.org/l.gif"/>"#);
        assert_eq!((img, codes), (None, vec![Code::MissingP3pPart]));
        // A bad size is left out with a finding; the rest is read.
        let (img, codes) = read_img(r#"<IMG src="/l.gif" alt="Seal" width="wide"/>"#);
        let expected = P3pImg {
            src: "/l.gif".into(),
            alt: "Seal".into(),
            width: None,
            height: None,
        };
        assert_eq!(
            (img, codes),
            (Some(expected), vec![Code::UnknownP3pElement])
        );
    }
}
