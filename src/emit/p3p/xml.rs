//! Small helpers over quick-xml's writer: pretty-printed, escaped, deterministic.

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

pub type XmlWriter = Writer<Vec<u8>>;

/// A writer indenting by one space per level, as the REC examples do, after the
/// XML declaration.
pub fn writer() -> io::Result<XmlWriter> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

/// The finished document with a final newline.
pub fn finish(w: XmlWriter) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// `<name/>`
pub fn empty(w: &mut XmlWriter, name: &str) -> io::Result<()> {
    w.create_element(name).write_empty()?;
    Ok(())
}

/// `<name>text</name>`, escaped.
pub fn text(w: &mut XmlWriter, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}
