//! The value layer: the forms a value may have to take (a date, a language tag,
//! an e-mail address, a URL), checked by maintained crates. The policy language
//! (`values.rs`) and the YAML form (`yaml_values.rs`) both check their values here,
//! so the two forms accept and reject the same values with the same words.
//!
//! Crates: dates by `jiff` (calendar validity: no 2026-02-30), language tags by
//! `language-tags` (BCP 47 syntax and the IANA subtag registry: `english` is no
//! tag), e-mail addresses by `email_address` (RFC 5322), URLs by `url` (WHATWG).

use std::str::FromStr;

/// A form a value must take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A calendar date written `YYYY-MM-DD`.
    Date,
    /// A BCP 47 language tag (`en`, `en-US`, `zh-Hant-TW`).
    Language,
    /// An e-mail address (`privacy@example.com`; a `mailto:` prefix is accepted).
    Email,
    /// An absolute `http`/`https` URL.
    WebUrl,
    /// A page: an absolute `http`/`https` URL or a path on the site (`/privacy`).
    Page,
    /// A page or a `mailto:` address.
    PageOrMail,
}

/// Why a value does not take its form: the reason (completes "`x` is not ...")
/// and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub reason: String,
    pub help: String,
}

impl Form {
    /// What to write, in general.
    pub fn help(self) -> &'static str {
        match self {
            Self::Date => "write the date as YYYY-MM-DD, e.g. 2014-06-30",
            Self::Language => {
                "write a BCP 47 language tag: the ISO 639 code of the language, then optionally the region, e.g. `en`, `en-US`, `fr-CA`"
            }
            Self::Email => "write an address like \"privacy@example.com\"",
            Self::WebUrl => "write an absolute URL, e.g. \"https://www.example.com/\"",
            Self::Page => {
                "write an absolute URL, e.g. \"https://www.example.com/privacy\", or a path on the site starting with `/`"
            }
            Self::PageOrMail => {
                "write an absolute URL (`https://...`), a path on the site starting with `/`, or a `mailto:` address"
            }
        }
    }

    /// Checks `s` against the form.
    pub fn check(self, s: &str) -> Result<(), Invalid> {
        let reason = match self {
            Self::Date => date(s),
            Self::Language => language(s),
            Self::Email => email(s.strip_prefix("mailto:").unwrap_or(s)),
            Self::WebUrl => web_url(s),
            Self::Page => page(s),
            Self::PageOrMail => match s.strip_prefix("mailto:") {
                Some(address) => mailto(address),
                None => page(s),
            },
        };
        match reason {
            None => Ok(()),
            Some((reason, help)) => Err(Invalid {
                reason,
                help: help.unwrap_or_else(|| self.help().to_string()),
            }),
        }
    }
}

/// A reason and, when the general help would not do, a specific one.
type Reason = Option<(String, Option<String>)>;

#[allow(clippy::unnecessary_wraps)] // a `Reason` in one word, for the checks below
fn plain(reason: impl Into<String>) -> Reason {
    Some((reason.into(), None))
}

fn date(s: &str) -> Reason {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return plain("a date written YYYY-MM-DD");
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        i16::from_str(&s[0..4]),
        i8::from_str(&s[5..7]),
        i8::from_str(&s[8..10]),
    ) else {
        return plain("a date written YYYY-MM-DD");
    };
    if jiff::civil::Date::new(year, month, day).is_ok() {
        return None;
    }
    match jiff::civil::Date::new(year, month, 1) {
        Ok(first) => plain(format!(
            "a calendar date: {} {year} has {} days",
            month_name(month),
            first.days_in_month()
        )),
        Err(_) => plain(format!("a calendar date: there is no month {month}")),
    }
}

/// A crate's error message as the end of a sentence: lower-case start, no full stop.
fn words(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    let text = text.trim().trim_end_matches('.');
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("that month")
}

fn language(s: &str) -> Reason {
    let specific = |reason: String, help: String| Some((reason, Some(help)));
    if s.contains('_') {
        let fixed = s.replace('_', "-");
        return specific(
            "a language tag: subtags are joined by `-`, not `_`".to_string(),
            format!("write `{fixed}`"),
        );
    }
    if s.contains(char::is_whitespace) {
        let fixed = s.split_whitespace().collect::<Vec<_>>().join("-");
        return specific(
            "a language tag: a tag holds no spaces".to_string(),
            format!("join the subtags with `-`: `{fixed}`"),
        );
    }
    let tag = match language_tags::LanguageTag::parse(s) {
        Ok(tag) => tag,
        Err(e) => return plain(format!("a BCP 47 language tag: {}", words(&e))),
    };
    match tag.validate() {
        Ok(()) => None,
        Err(e) => {
            let reason = format!("a registered BCP 47 language tag: {}", words(&e));
            match name_to_code(tag.primary_language()) {
                Some(code) => specific(
                    reason,
                    format!("a tag starts with the language's ISO 639 code: write `{code}`"),
                ),
                None => plain(reason),
            }
        }
    }
}

/// The codes of languages people write out in full most often.
fn name_to_code(name: &str) -> Option<&'static str> {
    const NAMES: [(&str, &str); 16] = [
        ("english", "en"),
        ("french", "fr"),
        ("german", "de"),
        ("spanish", "es"),
        ("italian", "it"),
        ("portuguese", "pt"),
        ("dutch", "nl"),
        ("swedish", "sv"),
        ("danish", "da"),
        ("polish", "pl"),
        ("russian", "ru"),
        ("chinese", "zh"),
        ("japanese", "ja"),
        ("korean", "ko"),
        ("arabic", "ar"),
        ("greek", "el"),
    ];
    let lower = name.to_ascii_lowercase();
    NAMES.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c)
}

fn email(s: &str) -> Reason {
    if s.contains(char::is_whitespace) {
        return plain("an e-mail address: it holds a space");
    }
    match email_address::EmailAddress::from_str(s) {
        Err(e) => plain(format!("an e-mail address: {}", words(&e))),
        // A public address: the domain has a dot (`localhost` is not reachable).
        Ok(a) if !a.domain().contains('.') || a.domain().ends_with('.') => {
            plain("an e-mail address: its domain has no dot")
        }
        Ok(_) => None,
    }
}

fn mailto(address: &str) -> Reason {
    email(address.split('?').next().unwrap_or(address))
}

fn web_url(s: &str) -> Reason {
    if s.contains(char::is_whitespace) {
        return plain("a URL: it holds a space (write it as `%20`)");
    }
    match url::Url::parse(s) {
        // `www.example.com/privacy`: a host without its scheme.
        Err(url::ParseError::RelativeUrlWithoutBase)
            if s.split('/').next().is_some_and(|host| host.contains('.')) =>
        {
            Some((
                "an absolute URL: it has no scheme".to_string(),
                Some(format!("write `https://{s}`")),
            ))
        }
        Err(e) => plain(format!("an absolute URL: {}", words(&e))),
        Ok(u) if !matches!(u.scheme(), "http" | "https") => plain(format!(
            "a web address: its scheme is `{}:`, not `http:` or `https:`",
            u.scheme()
        )),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => plain("a URL: it names no host"),
        Ok(_) => None,
    }
}

fn page(s: &str) -> Reason {
    if s.starts_with('/') && !s.starts_with("//") {
        if s.contains(char::is_whitespace) {
            return plain("a path on the site: it holds a space (write it as `%20`)");
        }
        let base = url::Url::parse("https://site.invalid/").ok()?;
        return match base.join(s) {
            Ok(_) => None,
            Err(e) => plain(format!("a path on the site: {}", words(&e))),
        };
    }
    web_url(s)
}

#[cfg(test)]
mod tests {
    use super::Form;

    fn ok(form: Form, s: &str) -> bool {
        form.check(s).is_ok()
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert!(ok(Form::Date, "2014-06-30"));
        assert!(ok(Form::Date, "2024-02-29"));
        assert!(!ok(Form::Date, "2023-02-29"));
        assert!(!ok(Form::Date, "2026-13-01"));
        assert!(!ok(Form::Date, "2026-6-1"));
        assert!(!ok(Form::Date, "30/06/2014"));
        let e = Form::Date.check("2026-02-30").err().map(|e| e.reason);
        assert_eq!(
            e.as_deref(),
            Some("a calendar date: February 2026 has 28 days")
        );
    }

    #[test]
    fn language_tags_are_registered_bcp47() {
        for good in [
            "en",
            "en-US",
            "zh-Hant-TW",
            "de-CH-1996",
            "fr-CA",
            "x-klingon",
        ] {
            assert!(ok(Form::Language, good), "{good}");
        }
        for bad in ["english", "en US", "en_US", "e", "123", "en-", "", "xx-YY"] {
            assert!(!ok(Form::Language, bad), "{bad}");
        }
        let e = Form::Language.check("english").err().map(|e| e.help);
        assert_eq!(
            e.as_deref(),
            Some("a tag starts with the language's ISO 639 code: write `en`")
        );
        let e = Form::Language.check("en US").err().map(|e| e.help);
        assert_eq!(e.as_deref(), Some("join the subtags with `-`: `en-US`"));
    }

    #[test]
    fn emails() {
        assert!(ok(Form::Email, "privacy@example.com"));
        assert!(ok(Form::Email, "mailto:privacy@example.com"));
        for bad in [
            "nope",
            "a@b",
            "@example.com",
            "a b@example.com",
            "a@@example.com",
        ] {
            assert!(!ok(Form::Email, bad), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert!(ok(Form::WebUrl, "https://www.example.com/"));
        assert!(!ok(Form::WebUrl, "javascript:alert(1)"));
        assert!(!ok(Form::WebUrl, "ftp://example.com/"));
        assert!(!ok(Form::WebUrl, "/privacy"));
        assert!(!ok(Form::WebUrl, "https://exa mple.com/"));
        assert!(!ok(Form::WebUrl, "https://"));
        assert!(ok(Form::Page, "/privacy"));
        assert!(ok(Form::Page, "https://www.example.com/privacy"));
        assert!(!ok(Form::Page, "javascript:alert(1)"));
        assert!(!ok(Form::Page, "mailto:privacy@example.com"));
        assert!(!ok(Form::Page, "data:text/html,hi"));
        assert!(ok(Form::PageOrMail, "mailto:privacy@example.com"));
        assert!(ok(
            Form::PageOrMail,
            "mailto:privacy@example.com?subject=opt-out"
        ));
        assert!(!ok(Form::PageOrMail, "mailto:nope"));
        assert!(!ok(Form::PageOrMail, "javascript:alert(1)"));
    }
}
