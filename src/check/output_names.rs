//! Output names from user text (`O1xx`): the policy names that become HTML file
//! names, the covered sites that become `sites/<site>/` folders, and the input
//! file stems that become `OUT/<stem>/` folders. Each must be one safe path
//! component (no `..`, no separator, no NUL, no Windows-reserved device name,
//! not too long) and no two may differ only by case, so no output can leave the
//! output folder or overwrite another, on any file system. `check` reports them,
//! so a name that `build` could not write fails `check` first; `build` checks
//! every path again before it writes anything.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::PolicySet;
use crate::span::{SourceFile, Span};
use std::collections::HashMap;
use std::sync::Arc;

/// The longest name (in bytes) that becomes one component of an output path.
/// File systems allow 255; the rest is room for suffixes and staging names.
pub const MAX_NAME_BYTES: usize = 100;

/// The longest host name (RFC 1123 §2.1, RFC 1035 §2.3.4).
const MAX_HOST_BYTES: usize = 253;

const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why `name` cannot be one component of an output path; `None` when it can.
pub fn component_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("it is empty".into());
    }
    if name.len() > MAX_NAME_BYTES {
        return Some(format!(
            "it is {} bytes long; names of outputs are at most {MAX_NAME_BYTES}",
            name.len()
        ));
    }
    if name.starts_with('.') {
        return Some(
            "it starts with `.` (`..` leaves the output folder; others are hidden)".into(),
        );
    }
    if let Some(c) = name.chars().find(|c| {
        c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
    }) {
        return Some(format!(
            "it holds {c:?}, which is not allowed in a file name"
        ));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("it ends with `.` or a space, which Windows drops".into());
    }
    let base = name.split('.').next().unwrap_or(name).trim_end();
    if WINDOWS_RESERVED.contains(&base.to_ascii_lowercase().as_str()) {
        return Some(format!("`{base}` is a device name reserved on Windows"));
    }
    None
}

/// True when the HTML emitter can name a file after the policy `name`.
fn html_file_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Why `site` is not a host name per RFC 1123 §2.1; `None` when it is one.
pub fn host_name_problem(site: &str) -> Option<String> {
    if site.is_empty() || site.len() > MAX_HOST_BYTES {
        return Some(format!("a host name has 1 to {MAX_HOST_BYTES} characters"));
    }
    for label in site.strip_suffix('.').unwrap_or(site).split('.') {
        if label.is_empty() || label.len() > 63 {
            return Some("each dot-separated label has 1 to 63 characters".into());
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Some("labels hold only ASCII letters, digits and `-`".into());
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some("a label neither starts nor ends with `-`".into());
        }
    }
    None
}

/// The key under which two names collide on a case-insensitive file system.
pub fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// O101 and O102 for the policy names and covered sites of one file.
pub fn check(set: &PolicySet, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    let at = |origin: &crate::span::Origin| {
        origin
            .span()
            .copied()
            .unwrap_or_else(|| Span::file_start(&source.path))
    };
    let mut folded: HashMap<String, (&str, Span)> = HashMap::new();
    for p in &set.policies {
        let span = at(&p.origin);
        // P311 reports names that are not XML names; here, the file-name rules.
        if !super::structure::valid_policy_name(&p.name) {
            continue;
        }
        let problem = component_problem(&p.name).or_else(|| {
            (!html_file_name(&p.name)).then(|| {
                "an HTML file name starts with a letter and holds only letters, digits, `-` and `_`"
                    .into()
            })
        });
        if let Some(why) = problem {
            out.push(
                Diagnostic::new(
                    Code::UnsafeOutputName,
                    format!("policy name `{}` cannot name its HTML file: {why}", short(&p.name)),
                )
                .at(Some(span))
                .help(format!(
                    "use at most {MAX_NAME_BYTES} ASCII letters, digits, `-` and `_`, starting with a letter"
                ))
                .target(format!("policy {}", p.name)),
            );
            continue;
        }
        collide(&mut folded, &p.name, span, "policy name", out);
    }
    let mut sites: Vec<(&str, Span)> = Vec::new();
    for c in set.policies.iter().flat_map(|p| &p.covers) {
        if !sites.iter().any(|(s, _)| *s == c.site) {
            sites.push((&c.site, at(&c.origin)));
        }
    }
    // Several sites: each gets its own reference file in `sites/<site>/`.
    if sites.len() > 1 {
        let mut folded: HashMap<String, (&str, Span)> = HashMap::new();
        for (site, span) in sites {
            if let Some(why) = host_name_problem(site).or_else(|| component_problem(site)) {
                out.push(
                    Diagnostic::new(
                        Code::UnsafeOutputName,
                        format!(
                            "covered site `{}` cannot name the folder of its reference file: {why}",
                            short(site)
                        ),
                    )
                    .at(Some(span))
                    .help("write the site as a host name (RFC 1123), such as `www.example.com`"),
                );
                continue;
            }
            collide(&mut folded, site, span, "covered site", out);
        }
    }
}

fn collide<'a>(
    folded: &mut HashMap<String, (&'a str, Span)>,
    name: &'a str,
    span: Span,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    match folded.get(&fold(name)) {
        Some((first, first_span)) if *first != name => out.push(
            Diagnostic::new(
                Code::OutputNameCollision,
                format!("{what} `{name}` differs from `{first}` only by case; their outputs would overwrite each other"),
            )
            .at(Some(span))
            .label(&crate::span::Origin::new(*first_span), "the other one")
            .help("give them names that differ by more than case"),
        ),
        Some(_) => {}
        None => {
            folded.insert(fold(name), (name, span));
        }
    }
}

/// O101 when the stem of the input file `path` cannot name its output folder.
pub fn file_stem_finding(path: &str) -> Option<Diagnostic> {
    let stem = file_stem(path);
    component_problem(&stem).map(|why| {
        Diagnostic::new(
            Code::UnsafeOutputName,
            format!(
                "the file name `{}` cannot name the output folder `{}`: {why}",
                short(path),
                short(&stem)
            ),
        )
        .at(Some(Span::file_start(&Arc::from(path))))
        .help("rename the file: its name before the extension names its output folder")
    })
}

/// The name of the output folder of the input file `path`.
pub fn file_stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
}

/// A name cut for a message.
fn short(name: &str) -> String {
    let mut s: String = name.chars().take(60).collect();
    if s.len() < name.len() {
        s.push('…');
    }
    s.escape_debug().to_string()
}

#[cfg(test)]
mod tests {
    use super::{component_problem, host_name_problem};

    #[test]
    fn components_that_could_leave_or_break_the_output_folder_are_refused() {
        let long = "a".repeat(300);
        for bad in [
            "",
            ".",
            "..",
            "...",
            ".hidden",
            "a/b",
            "/",
            "/etc",
            "a\\b",
            "a\0b",
            "CON",
            "con",
            "nul.txt",
            "Lpt1",
            "com9.policy",
            "x:y",
            "a.",
            "a ",
            long.as_str(),
        ] {
            assert!(component_problem(bad).is_some(), "{bad:?}");
        }
        for good in [
            "main",
            "privacy-policy",
            "a.b",
            "console",
            "nul-policy",
            "x_1",
        ] {
            assert_eq!(component_problem(good), None, "{good:?}");
        }
    }

    #[test]
    fn sites_are_rfc_1123_host_names() {
        for good in [
            "www.example.com",
            "a",
            "1.example.com",
            "xn--bcher-kva.example",
            "a-b.c.",
        ] {
            assert_eq!(host_name_problem(good), None, "{good}");
        }
        let long_label = format!("{}.com", "a".repeat(64));
        for bad in [
            "..",
            "a..b",
            "-a.com",
            "a-.com",
            "a_b.com",
            "a/b",
            "",
            long_label.as_str(),
            "www.example.com:8080",
        ] {
            assert!(host_name_problem(bad).is_some(), "{bad}");
        }
    }
}
