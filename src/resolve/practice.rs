//! Practices: `cookie`, `share`, `security`, `retention`, `right`, `opt-out`, `changes`.

use super::context::{block_items, each_item, many, many_block, once, origin, Args, Cx, Key};
use super::{data, lists, practice_law, values};
use crate::ast::Item;
use crate::model::{
    ChangeNotice, Cookie, Exception, MeasureKind, NotifyMethod, OptOut, Party, PracticeLaw,
    RetentionRule, Right, RightKind, SecurityMeasure, Sharing,
};
use crate::span::Span;
use crate::vocabulary::{Category, Required};

const COOKIE_KEYS: &[Key] = &[
    once("name"),
    once("domain"),
    once("path"),
    once("lifetime"),
    once("party"),
    once("provider"),
    once("holds"),
    once("categories"),
    once("for"),
    once("to"),
    once("retain"),
    once("linked"),
    once("cross-site"),
    once("text"),
];

/// `cookie NAME "title" { ... }`.
pub fn cookie(cx: &mut Cx, item: &Item) -> Option<Cookie> {
    let mut args = Args::of(cx, item);
    let name = args.name(cx, "a name for the cookie, e.g. `cookie session { ... }`");
    let title = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    let mut c = Cookie {
        name: String::new(),
        title,
        cookie_name: None,
        domain: None,
        path: None,
        lifetime: None,
        party: Party::First,
        provider: None,
        provider_basis: None,
        holds: None,
        categories: Vec::new(),
        purposes: Vec::new(),
        recipients: Vec::new(),
        retention: None,
        linked: false,
        cross_site: false,
        legal: PracticeLaw::default(),
        text: None,
        origin: origin(&item.head),
    };
    each_item(
        cx,
        block_items(item),
        "a `cookie` block",
        &practice_law::with_keys(COOKIE_KEYS),
        |cx, it| match it.key() {
            "name" => c.cookie_name = values::text(cx, it, "the cookie's name as set, as a string"),
            "domain" => {
                c.domain = values::text(cx, it, "the cookie's domain, e.g. `\".example.com\"`");
            }
            "path" => c.path = values::text(cx, it, "the cookie's path, e.g. `\"/\"`"),
            "lifetime" => {
                c.lifetime = values::text(
                    cx,
                    it,
                    "how long the cookie lasts, e.g. `\"30 days\"` or `\"session\"`",
                );
            }
            "party" => {
                let mut args = Args::of(cx, it);
                if let Some(v) = args.required(cx, "`first` or `third`") {
                    if let Some(p) = cx.choice(
                        v,
                        "party",
                        &[("first", Party::First), ("third", Party::Third)],
                    ) {
                        c.party = p;
                    }
                }
                args.finish(cx);
            }
            "provider" => {
                // `provider analytics` or `provider analytics basis service-providers`.
                let mut args = Args::of(cx, it);
                c.provider = args.name(cx, "the recipient that sets the cookie");
                if let Some(keyword) = args.peek().filter(|v| v.as_word() == Some("basis")) {
                    args.next_value();
                    let word = args.next_value();
                    c.provider_basis = lists::basis_after(cx, keyword, word);
                }
                args.finish(cx);
            }
            "holds" => c.holds = values::text(cx, it, "what the cookie holds, as a string"),
            "categories" => {
                c.categories = lists::terms::<Category>(cx, it, "at least one category");
            }
            "for" => c.purposes = lists::purposes(cx, it),
            "to" => c.recipients = lists::recipients(cx, it),
            "retain" => c.retention = lists::retention(cx, it),
            "linked" => c.linked = values::yes_no(cx, it).unwrap_or(false),
            "cross-site" => c.cross_site = values::yes_no(cx, it).unwrap_or(false),
            key if practice_law::is_key(key) => practice_law::item(cx, it, &mut c.legal),
            _ => c.text = values::text(cx, it, "prose as a string"),
        },
    );
    c.name = name?;
    Some(c)
}

const SHARE_KEYS: &[Key] = &[
    once("with"),
    many_block("data"),
    once("for"),
    once("choice"),
    once("when"),
    once("sale"),
    once("non-identifiable"),
    once("basis"),
    once("text"),
];

const EXCEPTIONS: &[(&str, Exception)] = &[
    ("legal-requirement", Exception::LegalRequirement),
    ("service-providers", Exception::ServiceProviders),
    ("business-transfer", Exception::BusinessTransfer),
    ("aggregate", Exception::Aggregate),
    ("consent", Exception::Consent),
    ("protection", Exception::Protection),
    ("as-disclosed", Exception::AsDisclosed),
];

/// The exception words promises and sharing rules use.
pub fn exceptions() -> &'static [(&'static str, Exception)] {
    EXCEPTIONS
}

/// Whether a `share`'s `basis` line names one of the exceptions promises state
/// (`basis service-providers`) rather than a GDPR legal basis (`basis contract`,
/// `basis contact legitimate-interests "..."`). `consent` is both; it stays an
/// exception, which the GDPR pack reads as the consent basis.
fn is_exception_basis(it: &Item) -> bool {
    let first = it.values().next().and_then(crate::ast::Value::as_word);
    let legal = first.is_some_and(|w| {
        w != "consent"
            && (<crate::vocabulary::LegalBasis as crate::vocabulary::LawTerm>::from_word(w)
                .is_some()
                || <crate::vocabulary::Purpose as crate::vocabulary::Term>::from_word(w).is_some())
    });
    !legal
}

/// `share NAME "title" { ... }`.
pub fn share(cx: &mut Cx, item: &Item) -> Option<Sharing> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name for the sharing rule, e.g. `share partners { ... }`",
    );
    let title = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    let mut s = Sharing {
        name: String::new(),
        title,
        with: Vec::new(),
        data: Vec::new(),
        purposes: Vec::new(),
        choice: Required::default(),
        conditions: None,
        sale: false,
        identifiable: true,
        basis: None,
        legal: PracticeLaw::default(),
        text: None,
        origin: origin(&item.head),
    };
    let mut has_with = false;
    each_item(
        cx,
        block_items(item),
        "a `share` block",
        &practice_law::with_keys(SHARE_KEYS),
        |cx, it| match it.key() {
            "with" => {
                has_with = true;
                s.with = lists::names(cx, it, "the recipients the data is shared with");
            }
            "data" => s.data.extend(data::uses(cx, it)),
            "for" => s.purposes = lists::purposes(cx, it),
            "choice" => {
                let mut args = Args::of(cx, it);
                if let Some(v) = args.required(cx, "`always`, `opt-in` or `opt-out`") {
                    if let Some(r) = cx.term::<Required>(v) {
                        s.choice = r;
                    }
                }
                args.finish(cx);
            }
            "when" => s.conditions = values::text(cx, it, "the conditions, as a string"),
            "sale" => s.sale = values::yes_no(cx, it).unwrap_or(false),
            "non-identifiable" => {
                values::flag(cx, it);
                s.identifiable = false;
            }
            "basis" if is_exception_basis(it) => {
                let mut args = Args::of(cx, it);
                if let Some(v) = args.required(cx, "the exception the sharing falls under") {
                    s.basis = cx.choice(v, "basis", EXCEPTIONS);
                }
                args.finish(cx);
            }
            key if practice_law::is_key(key) => practice_law::item(cx, it, &mut s.legal),
            _ => s.text = values::text(cx, it, "prose as a string"),
        },
    );
    if !has_with {
        cx.missing(item, "a `with` line naming who receives the data");
    }
    s.name = name?;
    Some(s)
}

const MEASURES: &[(&str, MeasureKind)] = &[
    ("transport-encryption", MeasureKind::TransportEncryption),
    ("at-rest-encryption", MeasureKind::AtRestEncryption),
    ("access-control", MeasureKind::AccessControl),
    ("staff-training", MeasureKind::StaffTraining),
    ("secure-hosting", MeasureKind::SecureHosting),
    ("firewall", MeasureKind::Firewall),
    ("monitoring", MeasureKind::Monitoring),
    ("backups", MeasureKind::Backups),
    ("other", MeasureKind::Other),
];

/// What one `security` block holds.
pub struct Security {
    pub measures: Vec<SecurityMeasure>,
    /// The block's `text` line: its prose and where it stands.
    pub text: Option<(String, Span)>,
}

/// `security { measure "description" covers categories... text "prose" }`.
pub fn security(cx: &mut Cx, item: &Item) -> Security {
    let args = Args::of(cx, item);
    args.finish(cx);
    let mut keys: Vec<Key> = MEASURES.iter().map(|(w, _)| many(w)).collect();
    keys.push(once("text"));
    let mut out = Security {
        measures: Vec::new(),
        text: None,
    };
    each_item(
        cx,
        block_items(item),
        "a `security` block",
        &keys,
        |cx, it| {
            if it.key() == "text" {
                out.text = values::text(cx, it, "prose as a string").map(|t| (t, it.head));
                return;
            }
            let Some(kind) = MEASURES
                .iter()
                .find(|(w, _)| *w == it.key())
                .map(|(_, k)| *k)
            else {
                return;
            };
            let mut args = Args::of_all(it);
            let description = args.text(cx, "a description of the measure, as a string");
            let mut covers = Vec::new();
            if args.eat_word("covers") {
                if args.peek().is_none() {
                    cx.missing(it, "categories after `covers`");
                }
                while let Some(v) = args.next_value() {
                    if let Some(c) = cx.term::<Category>(v) {
                        covers.push(c);
                    }
                }
            }
            args.finish(cx);
            if let Some(description) = description {
                out.measures.push(SecurityMeasure {
                    kind,
                    description,
                    covers,
                    origin: origin(&it.head),
                });
            }
        },
    );
    out
}

const RETENTION_KEYS: &[Key] = &[once("applies-to"), once("destruction"), once("text")];

/// `retention NAME "period" { ... }`.
pub fn retention(cx: &mut Cx, item: &Item) -> Option<RetentionRule> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name and a period, e.g. `retention accounts \"while the account is open\"`",
    );
    let period = args.text(cx, "the retention period as a string, e.g. `\"13 months\"`");
    args.finish(cx);
    let mut r = RetentionRule {
        name: String::new(),
        applies_to: Vec::new(),
        period: String::new(),
        destruction: None,
        text: None,
        origin: origin(&item.head),
    };
    each_item(
        cx,
        block_items(item),
        "a `retention` block",
        RETENTION_KEYS,
        |cx, it| match it.key() {
            "applies-to" => {
                r.applies_to = lists::names(cx, it, "the `collect` names the rule applies to");
            }
            "destruction" => {
                r.destruction = values::text(cx, it, "how the data is destroyed, as a string");
            }
            _ => r.text = values::text(cx, it, "prose as a string"),
        },
    );
    r.name = name?;
    r.period = period?;
    Some(r)
}

const RIGHT_KEYS: &[Key] = &[
    once("subjects"),
    once("limits"),
    once("response"),
    once("text"),
];

/// Every word a `right` takes: the kinds' own words, then the aliases
/// (`rectification`, `erasure`, `portability`, ...).
fn right_kinds() -> Vec<(&'static str, RightKind)> {
    let mut out = <RightKind as crate::vocabulary::LawTerm>::options();
    out.extend_from_slice(crate::vocabulary::RIGHT_ALIASES);
    out
}

/// `right KIND "how" { ... }`.
pub fn right(cx: &mut Cx, item: &Item) -> Option<Right> {
    let mut args = Args::of(cx, item);
    let kind = args
        .required(cx, "the kind of right, e.g. `right deletion \"email us\"`")
        .and_then(|v| cx.choice(v, "right", &right_kinds()));
    let how = args.text(cx, "how to exercise the right, as a string");
    args.finish(cx);
    let mut r = Right {
        kind: RightKind::Access,
        how: String::new(),
        subjects: Vec::new(),
        limits: None,
        response: None,
        text: None,
        origin: origin(&item.head),
    };
    each_item(
        cx,
        block_items(item),
        "a `right` block",
        RIGHT_KEYS,
        |cx, it| match it.key() {
            "subjects" => r.subjects = lists::names(cx, it, "the subjects who have the right"),
            "limits" => r.limits = values::text(cx, it, "the limits of the right, as a string"),
            "response" => {
                r.response = values::text(
                    cx,
                    it,
                    "how soon requests are answered, e.g. `response \"within one month\"`",
                );
            }
            _ => r.text = values::text(cx, it, "prose as a string"),
        },
    );
    r.kind = kind?;
    r.how = how?;
    Some(r)
}

const OPT_OUT_KEYS: &[Key] = &[once("covers"), once("url"), once("text")];

/// `opt-out NAME "how" { ... }`.
pub fn opt_out(cx: &mut Cx, item: &Item) -> Option<OptOut> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name and how to opt out, e.g. `opt-out newsletter \"unsubscribe link\"`",
    );
    let how = args.text(cx, "how to opt out, as a string");
    args.finish(cx);
    let mut o = OptOut {
        name: String::new(),
        covers: Vec::new(),
        how: String::new(),
        url: None,
        text: None,
        origin: origin(&item.head),
    };
    each_item(
        cx,
        block_items(item),
        "an `opt-out` block",
        OPT_OUT_KEYS,
        |cx, it| match it.key() {
            "covers" => {
                o.covers = lists::names(cx, it, "the collect, share or cookie names it controls");
            }
            "text" => o.text = values::text(cx, it, "prose as a string"),
            _ => {
                o.url = values::checked_form(
                    cx,
                    it,
                    "a URL or `mailto:` address",
                    super::forms::Form::PageOrMail,
                );
            }
        },
    );
    o.name = name?;
    o.how = how?;
    Some(o)
}

const CHANGES_KEYS: &[Key] = &[
    once("post"),
    once("notify"),
    once("before-effective"),
    once("consent-for-new-uses"),
    once("text"),
];

const NOTIFY: &[(&str, NotifyMethod)] = &[
    ("email", NotifyMethod::Email),
    ("site-notice", NotifyMethod::SiteNotice),
    ("homepage", NotifyMethod::Homepage),
];

/// `changes { ... }`.
pub fn changes(cx: &mut Cx, item: &Item) -> ChangeNotice {
    let args = Args::of(cx, item);
    args.finish(cx);
    let mut c = ChangeNotice {
        origin: origin(&item.head),
        ..ChangeNotice::default()
    };
    each_item(
        cx,
        block_items(item),
        "a `changes` block",
        CHANGES_KEYS,
        |cx, it| match it.key() {
            "post" => c.post = lists::choices(cx, it, "notification method", NOTIFY),
            "notify" => c.notify = lists::choices(cx, it, "notification method", NOTIFY),
            "before-effective" => {
                values::flag(cx, it);
                c.before_effective = true;
            }
            "consent-for-new-uses" => {
                values::flag(cx, it);
                c.consent_for_new_uses = true;
            }
            _ => c.text = values::text(cx, it, "prose as a string"),
        },
    );
    c
}
