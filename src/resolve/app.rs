//! `app "Name" { platforms ... bundle-id ... package ... tracking-domains ... deletion-url ... }`:
//! the mobile app a policy covers, read by the app-store outputs.

use super::context::{block_items, each_item, once, origin, Args, Cx, Key};
use super::{lists, values};
use crate::ast::Item;
use crate::model::{App, Platform};

const KEYS: &[Key] = &[
    once("platforms"),
    once("bundle-id"),
    once("package"),
    once("tracking-domains"),
    once("deletion-url"),
];

/// A reverse-DNS identifier such as `com.example.notes` (Apple bundle IDs allow
/// letters, digits, `-` and `.`; Android package names letters, digits, `_` and `.`).
fn is_app_id(s: &str) -> bool {
    s.contains('.')
        && s.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// A host name such as `ads.example.net` (no scheme, no path).
fn is_domain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

pub fn app(cx: &mut Cx, item: &Item) -> Option<App> {
    let mut args = Args::of(cx, item);
    let name = args.text(cx, "the app's name as the store shows it, as a string");
    args.finish(cx);
    let mut a = App {
        origin: origin(&item.head),
        ..App::default()
    };
    each_item(
        cx,
        block_items(item),
        "an `app` block",
        KEYS,
        |cx, it| match it.key() {
            "platforms" => {
                a.platforms = lists::choices(cx, it, "platform", Platform::WORDS);
                a.platforms.sort();
                a.platforms.dedup();
            }
            "bundle-id" => {
                a.bundle_id = values::checked_text(
                    cx,
                    it,
                    "the Apple bundle identifier, e.g. \"com.example.notes\"",
                    is_app_id,
                    "write a reverse-DNS identifier such as \"com.example.notes\"",
                );
            }
            "package" => {
                a.package = values::checked_text(
                    cx,
                    it,
                    "the Android package name, e.g. \"com.example.notes\"",
                    is_app_id,
                    "write a package name such as \"com.example.notes\"",
                );
            }
            "tracking-domains" => {
                let domains = lists::texts(
                    cx,
                    it,
                    "host names, e.g. `tracking-domains \"ads.example.net\"`",
                );
                for d in domains {
                    if is_domain(&d) {
                        a.tracking_domains.push(d);
                    } else {
                        cx.invalid(
                            &it.head,
                            format!("`{d}` is not a host name"),
                            "write the domain alone, e.g. \"ads.example.net\": no scheme, path or port",
                        );
                    }
                }
            }
            _ => {
                a.deletion_url = values::checked_text(
                    cx,
                    it,
                    "the URL where people ask for their data to be deleted",
                    values::is_http_url,
                    "write an absolute URL, e.g. \"https://www.example.com/delete-account\"",
                );
            }
        },
    );
    a.name = name?;
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::{is_app_id, is_domain};

    #[test]
    fn identifiers_and_domains() {
        assert!(is_app_id("com.example.notes"));
        assert!(!is_app_id("notes"));
        assert!(!is_app_id("com..x"));
        assert!(is_domain("ads.example.net"));
        assert!(!is_domain("https://ads.example.net"));
        assert!(!is_domain("ads.example.net/x"));
    }
}
