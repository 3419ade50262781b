//! Validation of value forms (L106): dates, emails, URLs, expiry, language tags.

use super::context::{Args, Cx};
use crate::ast::{Item, Value};

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    matches!(
        (digits(0..4), digits(5..7), digits(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// `local@domain`, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.strip_prefix("mailto:").unwrap_or(s);
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// An absolute `http(s)://host...` URL.
pub fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !s.chars().any(char::is_whitespace)
    })
}

/// A URL, a `mailto:` address, or (when `path_ok`) a site path starting with `/`.
pub fn is_uri(s: &str, path_ok: bool) -> bool {
    is_http_url(s)
        || (s.starts_with("mailto:") && is_email(s))
        || (path_ok && s.starts_with('/') && !s.chars().any(char::is_whitespace))
}

/// A BCP 47-shaped tag: `en`, `en-US`, `zh-Hant-TW`.
pub fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Reads a text value checked by `valid`; L106 (with `help`) when it fails.
pub fn checked_text(
    cx: &mut Cx,
    item: &Item,
    what: &str,
    valid: fn(&str) -> bool,
    help: &str,
) -> Option<String> {
    let mut args = Args::of(cx, item);
    let v = args.required(cx, what)?;
    args.finish(cx);
    let text = v.text();
    if valid(text) {
        Some(text.to_string())
    } else {
        cx.invalid(
            v.span(),
            format!("`{text}` is not a valid value for `{}`", item.key()),
            help,
        );
        None
    }
}

/// `expiry 2 days` → seconds (P3P EXPIRY max-age, REC §2.3.2.3).
pub fn expiry(cx: &mut Cx, item: &Item) -> Option<u64> {
    let mut args = Args::of(cx, item);
    let number = args.required(cx, "a duration, e.g. `expiry 2 days`")?;
    let unit = args.required(
        cx,
        "a unit after the number: seconds, minutes, hours, days or weeks",
    );
    args.finish(cx);
    let unit = unit?;
    let Some(n) = number.as_word().and_then(|w| w.parse::<u64>().ok()) else {
        cx.invalid(
            number.span(),
            format!("`{}` is not a whole number", number.text()),
            "write the duration as a number and a unit, e.g. `expiry 2 days`",
        );
        return None;
    };
    let per = match unit.as_word() {
        Some("second" | "seconds") => 1,
        Some("minute" | "minutes") => 60,
        Some("hour" | "hours") => 3_600,
        Some("day" | "days") => 86_400,
        Some("week" | "weeks") => 604_800,
        _ => {
            cx.invalid(
                unit.span(),
                format!("`{}` is not a unit of time", unit.text()),
                "the unit is one of `seconds`, `minutes`, `hours`, `days`, `weeks`",
            );
            return None;
        }
    };
    if let Some(s) = n.checked_mul(per) {
        Some(s)
    } else {
        cx.invalid(
            number.span(),
            "this duration is too long",
            "write a shorter duration",
        );
        None
    }
}

/// A size in pixels (`width 88`): a whole number; L106 otherwise.
pub fn pixels(cx: &mut Cx, item: &Item) -> Option<u32> {
    let mut args = Args::of(cx, item);
    let v = args.required(cx, "a size in pixels, e.g. `width 88`")?;
    args.finish(cx);
    let n = v.as_word().and_then(|w| w.parse::<u32>().ok());
    if n.is_none() {
        cx.invalid(
            v.span(),
            format!("`{}` is not a size in pixels", v.text()),
            "write a whole number of pixels, e.g. `width 88`",
        );
    }
    n
}

/// A keyword that takes no value.
pub fn flag(cx: &mut Cx, item: &Item) {
    let args = Args::of(cx, item);
    args.finish(cx);
}

/// A single text value with no block (`title "..."`).
pub fn text(cx: &mut Cx, item: &Item, what: &str) -> Option<String> {
    let mut args = Args::of(cx, item);
    let t = args.text(cx, what);
    args.finish(cx);
    t
}

/// A `yes`/`no` property.
pub fn yes_no(cx: &mut Cx, item: &Item) -> Option<bool> {
    let mut args = Args::of(cx, item);
    let v: Option<&Value> = args.required(cx, "`yes` or `no`");
    args.finish(cx);
    cx.yes_no(v?, &format!("value for `{}`", item.key()))
}
