//! The policy reference file `/w3c/p3p.xml` (REC §2.3): META/POLICY-REFERENCES.

use super::xml::{finish, text, to_vec, writer};
use crate::p3p::document::{CookiePattern, ReferenceFile, P3P_NAMESPACE};
use std::io;

/// Renders the reference file.
pub fn render(r: &ReferenceFile) -> io::Result<Vec<u8>> {
    to_vec(|out| render_to(r, out))
}

/// Renders the reference file into `out`.
pub fn render_to(r: &ReferenceFile, out: &mut dyn io::Write) -> io::Result<()> {
    let mut w = writer(out)?;
    w.create_element("META")
        .with_attribute(("xmlns", P3P_NAMESPACE))
        .write_inner_content(|w| {
            w.create_element("POLICY-REFERENCES")
                .write_inner_content(|w| {
                    // REC §2.3.2.3: EXPIRY first, at least one day.
                    w.create_element("EXPIRY")
                        .with_attribute(("max-age", r.expiry.to_string().as_str()))
                        .write_empty()?;
                    for p in &r.refs {
                        w.create_element("POLICY-REF")
                            .with_attribute(("about", p.about.as_str()))
                            .write_inner_content(|w| {
                                // REC §2.3.2.1: INCLUDE, EXCLUDE, COOKIE-INCLUDE,
                                // COOKIE-EXCLUDE, METHOD.
                                for i in &p.include {
                                    text(w, "INCLUDE", i)?;
                                }
                                for e in &p.exclude {
                                    text(w, "EXCLUDE", e)?;
                                }
                                for c in &p.cookie_include {
                                    cookie(w, "COOKIE-INCLUDE", c)?;
                                }
                                for c in &p.cookie_exclude {
                                    cookie(w, "COOKIE-EXCLUDE", c)?;
                                }
                                for m in &p.methods {
                                    text(w, "METHOD", m)?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    finish(w)
}

fn cookie(w: &mut super::xml::XmlWriter<'_>, name: &str, c: &CookiePattern) -> io::Result<()> {
    w.create_element(name)
        .with_attribute(("name", c.name.as_str()))
        .with_attribute(("value", c.value.as_str()))
        .with_attribute(("domain", c.domain.as_str()))
        .with_attribute(("path", c.path.as_str()))
        .write_empty()?;
    Ok(())
}
