//! Deploy snippets for the `P3P` HTTP header (REC §2.2.2) and the HTML link tag
//! (REC §2.2.3).

use super::lower::REFERENCE_PATH;

/// The forms `policyc header` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderFormat {
    /// `P3P: policyref="/w3c/p3p.xml", CP="..."`
    Http,
    /// nginx `add_header`.
    Nginx,
    /// Apache `Header always set` (`mod_headers`).
    Apache,
    /// `<link rel="P3Pv1" href="/w3c/p3p.xml">`.
    HtmlLink,
}

/// The value of the `P3P` header: the policy reference, then the compact policy.
pub fn header_value(cp: Option<&str>) -> String {
    match cp {
        Some(cp) => format!("policyref=\"{REFERENCE_PATH}\", CP=\"{cp}\""),
        None => format!("policyref=\"{REFERENCE_PATH}\""),
    }
}

/// The snippet in the given form, ending with a newline.
pub fn snippet(format: HeaderFormat, cp: Option<&str>) -> String {
    let value = header_value(cp);
    match format {
        HeaderFormat::Http => format!("P3P: {value}\n"),
        HeaderFormat::Nginx => format!(
            "# nginx: in the server (or location) block serving the site\nadd_header P3P '{value}' always;\n"
        ),
        HeaderFormat::Apache => format!(
            "# Apache (mod_headers): in the VirtualHost or .htaccess\nHeader always set P3P '{value}'\n"
        ),
        HeaderFormat::HtmlLink => format!("<link rel=\"P3Pv1\" href=\"{REFERENCE_PATH}\">\n"),
    }
}
