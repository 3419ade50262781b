//! Deploy snippets for the `P3P` HTTP header (REC §2.2.2) and the HTML link tag
//! (REC §2.2.3).

use super::lower::REFERENCE_PATH;
use std::fmt::Write as _;

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

/// What a header is for, written as a comment in the server snippets.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scope<'a> {
    pub site: Option<&'a str>,
    /// A per-policy header: serve it on that policy's paths only.
    pub policy: Option<&'a str>,
    pub paths: &'a [String],
    /// A site header standing for one policy (the site's policies disagree on ACCESS).
    pub stands_for: Option<&'a str>,
}

/// The snippet for one site or one policy's paths: the HTTP header and the link
/// tag as `snippet` writes them; the server forms open with a comment saying where
/// they go (REC §4: the CP describes the cookies of the responses it is sent with).
pub fn scoped_snippet(format: HeaderFormat, cp: Option<&str>, scope: &Scope<'_>) -> String {
    let body = snippet(format, cp);
    if !matches!(format, HeaderFormat::Nginx | HeaderFormat::Apache) {
        return body;
    }
    let mut note = String::new();
    if let Some(site) = scope.site {
        let _ = writeln!(note, "# for the site {}", one_line(site));
    }
    if let Some(policy) = scope.stands_for {
        let _ = writeln!(
            note,
            "# the compact policy of policy {} (the site's policies disagree on ACCESS, REC §4.2.1; see policies/ for the others)",
            one_line(policy)
        );
    }
    if let Some(policy) = scope.policy {
        let paths: Vec<String> = scope.paths.iter().map(|p| one_line(p)).collect();
        let _ = writeln!(
            note,
            "# the compact policy of policy {} only: serve it on the paths it covers ({}), in the matching location block",
            one_line(policy),
            paths.join(" ")
        );
    }
    format!("{note}{body}")
}

/// A value made safe for a one-line comment.
fn one_line(v: &str) -> String {
    v.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
