//! Reading an item's values in the policy language: checked text (dates, e-mail
//! addresses, URLs, language tags: the forms of `forms.rs`), durations, sizes,
//! flags, yes/no.

use super::context::{Args, Cx};
use super::forms::Form;
use crate::ast::{Item, Value};

/// An e-mail address (a `mailto:` prefix allowed), as the value layer checks it.
pub fn is_email(s: &str) -> bool {
    Form::Email.check(s).is_ok()
}

/// An absolute `http(s)` URL, as the value layer checks it.
pub fn is_http_url(s: &str) -> bool {
    Form::WebUrl.check(s).is_ok()
}

/// A registered BCP 47 language tag, as the value layer checks it.
pub fn is_language(s: &str) -> bool {
    Form::Language.check(s).is_ok()
}

/// A URL or a `mailto:` address, or (when `path_ok`) a path on the site.
pub fn is_uri(s: &str, path_ok: bool) -> bool {
    if path_ok {
        Form::PageOrMail.check(s).is_ok()
    } else {
        Form::WebUrl.check(s).is_ok()
            || (s.starts_with("mailto:") && Form::PageOrMail.check(s).is_ok())
    }
}

/// Reads a text value checked by `valid`; L106 (with `help`) when it fails. For
/// the forms of the value layer (dates, addresses, URLs, tags) use [`checked_form`].
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

/// Reads a text value that must take `form`; L106 (with the form's help) when
/// it does not.
pub fn checked_form(cx: &mut Cx, item: &Item, what: &str, form: Form) -> Option<String> {
    let mut args = Args::of(cx, item);
    let v = args.required(cx, what)?;
    args.finish(cx);
    checked_value(cx, v, form)
}

/// Checks one value against `form`; L106 when it does not take it.
pub fn checked_value(cx: &mut Cx, v: &Value, form: Form) -> Option<String> {
    let text = v.text();
    match form.check(text) {
        Ok(()) => Some(text.to_string()),
        Err(e) => {
            cx.invalid(v.span(), format!("`{text}` is not {}", e.reason), e.help);
            None
        }
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
