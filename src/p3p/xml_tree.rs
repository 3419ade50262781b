//! A small element tree over quick-xml's reader, with byte offsets for located
//! diagnostics. Comments, processing instructions and the DOCTYPE are skipped.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{SourceFile, Span};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// One element: its local name (prefix dropped), attributes, text and children.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub name: String,
    /// The prefix it was written with, if any (`p3p` in `p3p:POLICY`).
    pub prefix: Option<String>,
    pub attrs: Vec<(String, String)>,
    /// The concatenated text directly inside the element.
    pub text: String,
    pub children: Vec<Node>,
    /// Byte offset of the `<` that starts the element.
    pub start: usize,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
    /// The text with runs of whitespace folded to one space and trimmed, as P3P's
    /// human-readable fields are read; a blank line between paragraphs is kept as
    /// `\n\n`, as the policy language keeps it.
    pub fn folded_text(&self) -> String {
        let mut paragraphs: Vec<String> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in self.text.lines() {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    paragraphs.push(current.join(" "));
                    current.clear();
                }
            } else {
                current.extend(line.split_whitespace());
            }
        }
        if !current.is_empty() {
            paragraphs.push(current.join(" "));
        }
        paragraphs.join("\n\n")
    }
    /// The span of the element's start in `source`.
    pub fn span(&self, source: &SourceFile) -> Span {
        Span::new(&source.path, &source.text, self.start, self.start + 1)
    }
}

fn malformed(source: &SourceFile, at: usize, message: String) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(Code::XmlMalformed, message)
            .at(Some(Span::new(&source.path, &source.text, at, at)))
            .help("check the XML with `xmllint --noout FILE`"),
    )
}

fn start_node(e: &BytesStart<'_>, at: usize, source: &SourceFile) -> Result<Node, Box<Diagnostic>> {
    let qname = e.name().as_ref().to_string();
    let (prefix, name) = match qname.split_once(':') {
        Some((p, n)) => (Some(p.to_string()), n.to_string()),
        None => (None, qname),
    };
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| malformed(source, at, format!("bad attribute: {err}")))?;
        let key = a.key.as_ref().to_string();
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| malformed(source, at, format!("bad attribute value: {err}")))?
            .into_owned();
        refuse_forbidden(source, at, &value)?;
        attrs.push((key, value));
    }
    Ok(Node {
        name,
        prefix,
        attrs,
        start: at,
        ..Node::default()
    })
}

/// The deepest element nesting read. P3P documents need fewer than 20 levels;
/// the cap keeps the tree (and its recursive drop) shallow, so a document nested
/// 200 000 deep is a located finding, not a stack overflow.
pub const MAX_DEPTH: usize = 64;

fn too_deep(source: &SourceFile, at: usize) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(
            Code::XmlTooDeep,
            format!("this element is nested more than {MAX_DEPTH} levels deep"),
        )
        .at(Some(Span::new(&source.path, &source.text, at, at + 1)))
        .help("P3P documents nest fewer than 20 levels; the file is damaged or hostile"),
    )
}

/// X701 when `text` holds a character XML 1.0 does not allow (raw or as a
/// character reference such as `&#1;`): the policy could not carry it.
fn refuse_forbidden(source: &SourceFile, at: usize, text: &str) -> Result<(), Box<Diagnostic>> {
    match crate::resolve::text_chars::first_forbidden(text) {
        Some((_, c)) => Err(malformed(
            source,
            at,
            format!(
                "the text holds {}, a character XML 1.0 or HTML does not allow in text",
                crate::resolve::text_chars::name(c)
            ),
        )),
        None => Ok(()),
    }
}

/// Parses a whole document into its root element.
pub fn parse(source: &SourceFile) -> Result<Node, Box<Diagnostic>> {
    let mut reader = Reader::from_str(&source.text);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(before);
            malformed(source, at, format!("the XML is not well-formed: {e}"))
        })?;
        let at = source
            .text
            .get(before..)
            .map_or(before, |rest| before + rest.find('<').unwrap_or(0));
        match event {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(too_deep(source, at));
                }
                stack.push(start_node(&e, at, source)?);
            }
            Event::Empty(e) => {
                let node = start_node(&e, at, source)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None if root.is_none() => root = Some(node),
                    None => return Err(malformed(source, at, "a second root element".into())),
                }
            }
            Event::End(_) => {
                let Some(node) = stack.pop() else {
                    return Err(malformed(source, at, "an end tag with no start tag".into()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None if root.is_none() => root = Some(node),
                    None => return Err(malformed(source, at, "a second root element".into())),
                }
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                refuse_forbidden(source, at, &text)?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&text);
                }
            }
            Event::CData(t) => {
                let text = t.into_inner().into_owned();
                refuse_forbidden(source, at, &text)?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&text);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    quick_xml::escape::resolve_predefined_entity(&r).map(String::from)
                };
                let Some(text) = resolved else {
                    return Err(malformed(
                        source,
                        at,
                        format!("unknown entity reference `&{};`", &*r),
                    ));
                };
                refuse_forbidden(source, at, &text)?;
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(malformed(
            source,
            open.start,
            format!("element `{}` is never closed", open.name),
        ));
    }
    root.ok_or_else(|| malformed(source, 0, "the document has no root element".into()))
}
