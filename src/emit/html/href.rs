//! Links from policy text. Auto-escaping makes any text safe inside an attribute,
//! but not inside `href`: `javascript:` and `data:` URLs run code when clicked.
//! So a policy's URL becomes a link only when it is plainly safe; otherwise the
//! page shows it as text.

use serde::Serialize;

/// Text that may be a link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// What the reader sees.
    pub text: String,
    /// The target, when it is safe to link to; `None` shows `text` unlinked.
    pub href: Option<String>,
}

impl Link {
    /// A URL from the policy: linked when its scheme is `http`, `https` or `mailto`,
    /// or when it is a path on the same site.
    pub fn url(text: &str) -> Self {
        // `mailto:a@b` reads as the address.
        let shown = text
            .get(..7)
            .filter(|s| s.eq_ignore_ascii_case("mailto:"))
            .map_or(text, |_| &text[7..]);
        Self {
            text: shown.to_string(),
            href: safe_url(text).then(|| encode_url(text)),
        }
    }

    /// `text` linking to a web page or image: linked only when `url` is a plain
    /// `http` or `https` URL (a dispute service's logo: the page names it and links
    /// to it, and never loads it).
    pub fn web(text: &str, url: &str) -> Self {
        let web = url.split_once(':').is_some_and(|(scheme, _)| {
            matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
        });
        Self {
            text: text.to_string(),
            href: (web && safe_url(url)).then(|| encode_url(url)),
        }
    }

    /// An email address: a `mailto:` link when it looks like one address.
    pub fn email(address: &str) -> Self {
        let plain = !address.is_empty()
            && address.contains('@')
            && !address.contains(':')
            && address
                .chars()
                .all(|c| c.is_ascii_graphic() && !"<>\"'\\,;?&%".contains(c));
        Self {
            text: address.to_string(),
            href: plain.then(|| format!("mailto:{address}")),
        }
    }

    /// A telephone number: a `tel:` link built from its digits when it has some.
    pub fn phone(number: &str) -> Self {
        let plain = number
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        let digits: String = number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        Self {
            text: number.to_string(),
            href: (plain && digits.chars().filter(char::is_ascii_digit).count() >= 3)
                .then(|| format!("tel:{digits}")),
        }
    }
}

/// Percent-encodes what RFC 3986 does not allow in a URL (`"`, `<`, `{`, ...), as a
/// browser would before following it, so the `href` is a valid URL.
fn encode_url(url: &str) -> String {
    const ALLOWED: &str = "-._~:/?#[]@!$&'()*+,;=";
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape_start = b == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if b.is_ascii_alphanumeric() || ALLOWED.as_bytes().contains(&b) || escape_start {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
    out
}

/// True when `url` can be an `href` without running anything: an `http`, `https`
/// or `mailto` URL, or a same-site path (`/privacy`, `#top`). Whitespace and
/// control characters are refused outright, because browsers strip them from
/// schemes (`java\tscript:`).
pub fn safe_url(url: &str) -> bool {
    if url.is_empty()
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\' || !c.is_ascii())
    {
        return false;
    }
    if url.starts_with('/') || url.starts_with('#') {
        return !url.starts_with("//");
    }
    match url.split_once(':') {
        Some((scheme, rest)) => {
            let scheme = scheme.to_ascii_lowercase();
            match scheme.as_str() {
                "http" | "https" => rest.starts_with("//") && rest.len() > 2,
                "mailto" => rest.contains('@'),
                _ => false,
            }
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_urls_are_links() {
        assert!(safe_url("https://www.example.com/privacy"));
        assert!(safe_url("HTTP://example.com"));
        assert!(safe_url("mailto:privacy@example.com"));
        assert!(safe_url("/w3c/p3p.xml"));
        assert!(safe_url("#top"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//evil.example.com",
            "http:evil",
            "www.example.com",
            "",
            "https://exa\u{202e}mple.com",
        ] {
            assert!(!safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn link_targets_are_valid_urls() {
        assert_eq!(
            Link::url("https://example.com/a?q=\"><b>{{x}}|%41%zz")
                .href
                .as_deref(),
            Some("https://example.com/a?q=%22%3E%3Cb%3E%7B%7Bx%7D%7D%7C%41%25zz")
        );
        assert_eq!(Link::url("javascript:alert(1)").href, None);
    }

    #[test]
    fn web_links_are_http_only() {
        assert_eq!(
            Link::web("Seal", "http://www.PrivacySeal.example.org/Logo.gif")
                .href
                .as_deref(),
            Some("http://www.PrivacySeal.example.org/Logo.gif")
        );
        for bad in [
            "javascript:alert(1)",
            "data:image/gif;base64,R0lGOD",
            "mailto:seal@example.org",
            "/logo.gif",
            "http:evil",
        ] {
            assert_eq!(Link::web("Seal", bad).href, None, "{bad:?}");
        }
    }

    #[test]
    fn emails_and_phones() {
        assert_eq!(
            Link::email("privacy@example.com").href.as_deref(),
            Some("mailto:privacy@example.com")
        );
        assert_eq!(Link::email("a@b.c?subject=x").href, None);
        assert_eq!(Link::email("\"><img src=x>@x").href, None);
        assert_eq!(
            Link::phone("+1 248 392 6753").href.as_deref(),
            Some("tel:+12483926753")
        );
        assert_eq!(Link::phone("call 555-1234").href, None);
    }
}
