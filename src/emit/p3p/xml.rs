//! Small helpers over quick-xml's writer: pretty-printed, escaped, deterministic.

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

pub type XmlWriter<'w> = Writer<&'w mut dyn io::Write>;

/// A writer into `out` indenting by one space per level, as the REC examples do,
/// after the XML declaration.
pub fn writer(out: &mut dyn io::Write) -> io::Result<XmlWriter<'_>> {
    let mut w = Writer::new_with_indent(out, b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

/// Ends the document with a final newline.
pub fn finish(w: XmlWriter<'_>) -> io::Result<()> {
    w.into_inner().write_all(b"\n")
}

/// A document rendered by `render` into memory.
pub fn to_vec(render: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    render(&mut bytes)?;
    Ok(bytes)
}

/// `<name/>`
pub fn empty(w: &mut XmlWriter<'_>, name: &str) -> io::Result<()> {
    w.create_element(name).write_empty()?;
    Ok(())
}

/// `<name>text</name>`, escaped.
pub fn text(w: &mut XmlWriter<'_>, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}
