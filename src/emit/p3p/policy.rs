//! The P3P policy file (REC §3.2): `POLICIES` with every policy, elements in the
//! order the REC's schema requires.

use super::xml::{empty, finish, text, to_vec, writer, XmlWriter};
use crate::p3p::document::{
    P3pData, P3pDispute, P3pPolicy, P3pStatement, PolicyFile, P3P_NAMESPACE,
};
use crate::vocabulary::{Category, Purpose, Required, Term};
use std::io;

/// Renders the policy file.
pub fn render(file: &PolicyFile) -> io::Result<Vec<u8>> {
    to_vec(|out| render_to(file, out))
}

/// Renders the policy file into `out`.
pub fn render_to(file: &PolicyFile, out: &mut dyn io::Write) -> io::Result<()> {
    let mut w = writer(out)?;
    w.create_element("POLICIES")
        .with_attribute(("xmlns", P3P_NAMESPACE))
        .write_inner_content(|w| {
            if let Some(max_age) = file.expiry {
                // REC §3.2.1: EXPIRY comes first in POLICIES.
                w.create_element("EXPIRY")
                    .with_attribute(("max-age", max_age.to_string().as_str()))
                    .write_empty()?;
            }
            for p in &file.policies {
                policy(w, p)?;
            }
            Ok(())
        })?;
    finish(w)
}

fn policy(w: &mut XmlWriter<'_>, p: &P3pPolicy) -> io::Result<()> {
    let mut el = w
        .create_element("POLICY")
        .with_attribute(("name", p.name.as_str()))
        .with_attribute(("discuri", p.discuri.as_str()));
    if let Some(o) = &p.opturi {
        el = el.with_attribute(("opturi", o.as_str()));
    }
    if let Some(l) = &p.lang {
        el = el.with_attribute(("xml:lang", l.as_str()));
    }
    el.write_inner_content(|w| {
        // REC §3.2.2: TEST, ENTITY, ACCESS, DISPUTES-GROUP, STATEMENT+.
        if p.test {
            empty(w, "TEST")?;
        }
        w.create_element("ENTITY").write_inner_content(|w| {
            w.create_element("DATA-GROUP").write_inner_content(|w| {
                for (reference, value) in &p.entity {
                    w.create_element("DATA")
                        .with_attribute(("ref", format!("#{reference}").as_str()))
                        .write_text_content(quick_xml::events::BytesText::new(value))?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
        if let Some(a) = p.access {
            w.create_element("ACCESS")
                .write_inner_content(|w| empty(w, a.word()))?;
        }
        if !p.disputes.is_empty() {
            w.create_element("DISPUTES-GROUP")
                .write_inner_content(|w| {
                    for d in &p.disputes {
                        dispute(w, d)?;
                    }
                    Ok(())
                })?;
        }
        for s in &p.statements {
            statement(w, s)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn dispute(w: &mut XmlWriter<'_>, d: &P3pDispute) -> io::Result<()> {
    let mut el = w
        .create_element("DISPUTES")
        .with_attribute(("resolution-type", d.resolution.word()))
        .with_attribute(("service", d.service.as_str()));
    if let Some(v) = &d.verification {
        el = el.with_attribute(("verification", v.as_str()));
    }
    if let Some(s) = &d.short_description {
        el = el.with_attribute(("short-description", s.as_str()));
    }
    if d.long_description.is_none() && d.img.is_none() && d.remedies.is_empty() {
        el.write_empty()?;
        return Ok(());
    }
    el.write_inner_content(|w| {
        // REC §3.2.6: LONG-DESCRIPTION, IMG, REMEDIES.
        if let Some(l) = &d.long_description {
            text(w, "LONG-DESCRIPTION", l)?;
        }
        // REC §3.2.6: IMG (`src` and `alt` required, `width` and `height` optional).
        if let Some(i) = &d.img {
            let (width, height) = (
                i.width.map(|n| n.to_string()),
                i.height.map(|n| n.to_string()),
            );
            let mut el = w
                .create_element("IMG")
                .with_attribute(("src", i.src.as_str()));
            if let Some(n) = &width {
                el = el.with_attribute(("width", n.as_str()));
            }
            if let Some(n) = &height {
                el = el.with_attribute(("height", n.as_str()));
            }
            el.with_attribute(("alt", i.alt.as_str())).write_empty()?;
        }
        if !d.remedies.is_empty() {
            w.create_element("REMEDIES").write_inner_content(|w| {
                for r in &d.remedies {
                    empty(w, r.word())?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn required_attr(required: Required) -> Option<&'static str> {
    // REC §3.3.4: `always` is the default and is omitted.
    (!required.is_default()).then(|| required.word())
}

fn statement(w: &mut XmlWriter<'_>, s: &P3pStatement) -> io::Result<()> {
    w.create_element("STATEMENT").write_inner_content(|w| {
        // REC §3.3.1: CONSEQUENCE, NON-IDENTIFIABLE, PURPOSE, RECIPIENT, RETENTION, DATA-GROUP.
        if let Some(c) = &s.consequence {
            text(w, "CONSEQUENCE", c)?;
        }
        if s.non_identifiable {
            empty(w, "NON-IDENTIFIABLE")?;
        }
        if !s.purposes.is_empty() {
            w.create_element("PURPOSE").write_inner_content(|w| {
                for p in &s.purposes {
                    let mut el = w.create_element(p.purpose.word());
                    if let Some(r) = required_attr(p.required) {
                        el = el.with_attribute(("required", r));
                    }
                    match (&p.description, p.purpose) {
                        (Some(d), Purpose::OtherPurpose) => {
                            el.write_text_content(quick_xml::events::BytesText::new(d))?;
                        }
                        _ => {
                            el.write_empty()?;
                        }
                    }
                }
                Ok(())
            })?;
        }
        if !s.recipients.is_empty() {
            w.create_element("RECIPIENT").write_inner_content(|w| {
                for r in &s.recipients {
                    let mut el = w.create_element(r.recipient.word());
                    if let Some(req) = required_attr(r.required) {
                        el = el.with_attribute(("required", req));
                    }
                    if r.descriptions.is_empty() {
                        el.write_empty()?;
                    } else {
                        el.write_inner_content(|w| {
                            for d in &r.descriptions {
                                text(w, "recipient-description", d)?;
                            }
                            Ok(())
                        })?;
                    }
                }
                Ok(())
            })?;
        }
        if let Some(r) = s.retention {
            w.create_element("RETENTION")
                .write_inner_content(|w| empty(w, r.word()))?;
        }
        // REC §3.3.1: a NON-IDENTIFIABLE statement may have no DATA-GROUP.
        if !s.data.is_empty() {
            w.create_element("DATA-GROUP").write_inner_content(|w| {
                for d in &s.data {
                    data(w, d)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

fn data(w: &mut XmlWriter<'_>, d: &P3pData) -> io::Result<()> {
    let mut el = w
        .create_element("DATA")
        .with_attribute(("ref", format!("#{}", d.reference).as_str()));
    if d.optional {
        el = el.with_attribute(("optional", "yes"));
    }
    if d.categories.is_empty() {
        el.write_empty()?;
        return Ok(());
    }
    el.write_inner_content(|w| {
        w.create_element("CATEGORIES").write_inner_content(|w| {
            for c in &d.categories {
                // REC §3.4: `other-category` holds its description as text.
                match (&d.other_category, c) {
                    (Some(t), Category::OtherCategory) => text(w, c.word(), t)?,
                    _ => empty(w, c.word())?,
                }
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}
