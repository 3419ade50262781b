//! What the policy reference file binds (REC §2.3): URI patterns and methods of
//! `covers` and the cookie patterns of `cookie` blocks must be valid (P316); a
//! cookie pattern must be able to match (P314); and policies that share a site's
//! compact policy must agree on ACCESS (P315). The bindings are the ones the P3P
//! emitter writes (`emit::p3p::bindings`, the part of `emit::p3p::derive` that
//! decides them, shared with it), so the check and the output never differ.

use crate::diagnostic::{Code, Diagnostic};
use crate::emit::p3p::bindings;
use crate::model::{Cookie, Coverage, Policy, PolicySet};
use crate::span::{Origin, SourceFile, Span};

pub(crate) fn check(set: &PolicySet, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    for p in &set.policies {
        for c in &p.covers {
            coverage(source, p, c, out);
        }
        for c in &p.cookies {
            cookie(source, p, c, out);
        }
    }
    // A policy set with errors may not lower; the other checks report why.
    let Ok(derived) = bindings(set) else {
        return;
    };
    let origin_of = |name: &str| {
        set.policies
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.origin)
            .unwrap_or_default()
    };
    let on = |site: Option<&String>| site.map_or_else(String::new, |s| format!(" on {s}"));
    for s in &derived.shadowed {
        let b = &s.binding;
        let pat = &b.pattern;
        out.push(
            Diagnostic::new(
                Code::ShadowedCookieBinding,
                format!(
                    "the cookies of policy `{}` (COOKIE-INCLUDE name=\"{}\" domain=\"{}\" path=\"{}\"){} are already bound to policy `{}`: its earlier pattern matches every one of them",
                    b.policy, pat.name, pat.domain, pat.path, on(s.site.as_ref()), s.by
                ),
            )
            .at_origin(&b.origin)
            .help("REC §2.3.2.1: the first matching POLICY-REF wins; give the cookie its real `name` (and `domain`/`path`), or describe these cookies in one policy")
            .target(format!("policy {}", b.policy)),
        );
    }
    for split in &derived.access_splits {
        for other in &split.others {
            out.push(
                Diagnostic::new(
                    Code::SplitAccessCompactPolicy,
                    format!(
                        "policies `{}` and `{other}` both apply{} but declare different access levels; one compact policy carries one (REC §4.2.1), so the site's header stands for `{}`",
                        split.stands_for,
                        on(split.site.as_ref()),
                        split.stands_for
                    ),
                )
                .at_origin(&origin_of(other))
                .help(format!(
                    "send `policies/{other}/p3p-header.txt` on the paths `{other}` covers, or give both the same `access`"
                ))
                .target(format!("policy {other}")),
            );
        }
    }
}

/// The place of `value` in the block at `origin` (its first occurrence there),
/// or the block itself.
fn locate(source: &SourceFile, origin: &Origin, value: &str) -> Origin {
    let Some(span) = origin.span().filter(|s| s.file == source.id()) else {
        return *origin;
    };
    let from = span.start().min(source.text.len());
    let window_end = source
        .text
        .char_indices()
        .map(|(i, _)| i)
        .find(|i| *i >= from + 4096)
        .unwrap_or(source.text.len());
    match source
        .text
        .get(from..window_end)
        .and_then(|w| (!value.is_empty()).then(|| w.find(value)).flatten())
    {
        Some(at) => Origin::new(Span::new(
            &source.path,
            &source.text,
            from + at,
            from + at + value.len(),
        )),
        None => *origin,
    }
}

fn report(
    source: &SourceFile,
    p: &Policy,
    origin: &Origin,
    value: &str,
    message: String,
    help: String,
) -> Diagnostic {
    Diagnostic::new(Code::InvalidReferencePattern, message)
        .at_origin(&locate(source, origin, value))
        .help(help)
        .target(format!("policy {}", p.name))
}

/// REC §2.3.2.1-2: INCLUDE/EXCLUDE are local URI patterns, METHOD an HTTP method.
fn coverage(source: &SourceFile, p: &Policy, c: &Coverage, out: &mut Vec<Diagnostic>) {
    for (what, list) in [("include", &c.include), ("exclude", &c.exclude)] {
        for v in list {
            if let Some(problem) = local_uri_problem(v) {
                out.push(report(
                    source,
                    p,
                    &c.origin,
                    v,
                    format!("`{what} \"{}\"` is not a local URI pattern: {problem}", v.escape_debug()),
                    "write a path starting with `/`, `*` as the wildcard and `%XX` for other characters (`%20` for a space, `%2A` for a literal `*`) (REC §2.3.2.2)".into(),
                ));
            }
        }
    }
    for m in &c.methods {
        if let Some(help) = method_problem(m) {
            out.push(report(
                source,
                p,
                &c.origin,
                m,
                format!("`{}` is not an HTTP method name", m.escape_debug()),
                help,
            ));
        }
    }
}

/// REC §2.3.2.5: COOKIE-INCLUDE's `name`, `domain` and `path` patterns.
fn cookie(source: &SourceFile, p: &Policy, c: &Cookie, out: &mut Vec<Diagnostic>) {
    if let Some(name) = &c.cookie_name {
        if name.is_empty() || !name.chars().all(|ch| is_token_char(ch) || ch == '*') {
            out.push(report(
                source,
                p,
                &c.origin,
                name,
                format!("cookie name pattern `{}` holds a space or separator", name.escape_debug()),
                "a cookie name is an HTTP token: letters, digits and `!#$%&'*+-.^_`|~` (`*` is the wildcard) (REC §2.3.2.5)".into(),
            ));
        }
    }
    if let Some(domain) = &c.domain {
        let body = domain.strip_prefix('.').unwrap_or(domain);
        if body.is_empty()
            || !body
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '*'))
        {
            out.push(report(
                source,
                p,
                &c.origin,
                domain,
                format!(
                    "cookie domain pattern `{}` is not a host name",
                    domain.escape_debug()
                ),
                "write a host name such as `.example.com` (`*` is the wildcard) (REC §2.3.2.5)"
                    .into(),
            ));
        }
    }
    if let Some(path) = &c.path {
        if path != "*" {
            if let Some(problem) = local_uri_problem(path) {
                out.push(report(
                    source,
                    p,
                    &c.origin,
                    path,
                    format!(
                        "cookie path pattern `{}` is not a path: {problem}",
                        path.escape_debug()
                    ),
                    "write a path starting with `/`, such as `/` or `/shop` (REC §2.3.2.5)".into(),
                ));
            }
        }
    }
}

/// Why `v` is not a local URI pattern (REC §2.3.2.2: an absolute path of RFC 2396
/// URI characters in which `*` is the wildcard), or `None`.
fn local_uri_problem(v: &str) -> Option<String> {
    if !v.starts_with('/') {
        return Some("it does not start with `/`".into());
    }
    let bytes = v.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let ch = bytes[i];
        if ch == b'%' {
            let hex = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return Some("`%` does not start a `%XX` escape".into());
            }
            i += 3;
            continue;
        }
        let ok = ch.is_ascii_alphanumeric() || b"-_.!~*'();/?:@&=+$,".contains(&ch);
        if !ok {
            let shown = v[i..].chars().next().unwrap_or(' ');
            return Some(format!("`{}` is not a URI character", shown.escape_debug()));
        }
        i += 1;
    }
    None
}

/// RFC 2616 §2.2 `token` characters.
fn is_token_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(ch)
}

/// Why `m` is not an HTTP method (the help), or `None`.
fn method_problem(m: &str) -> Option<String> {
    const KNOWN: [&str; 8] = [
        "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT",
    ];
    if m.is_empty() || !m.chars().all(is_token_char) {
        return Some("a method is an HTTP token such as `GET` or `POST` (REC §2.3.2.1)".into());
    }
    let upper = m.to_ascii_uppercase();
    if upper != m && KNOWN.contains(&upper.as_str()) {
        return Some(format!(
            "HTTP methods are case-sensitive: write `{upper}` (REC §2.3.2.1)"
        ));
    }
    None
}
