//! `policy NAME { ... }`: the policy block and its header items (title, covers,
//! entity, access, disputes, subjects, recipients, sections, acknowledgments).

use super::context::{
    admit, block_items, each_item, many, many_block, once, once_block, origin, Args, Cx, Key, Once,
};
use super::forms::Form;
use super::{data, languages, law, lists, practice, promise, statement, values};
use crate::ast::Item;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{
    Acknowledgment, CookieMatch, Coverage, Dispute, DisputeLogo, Entity, EntityData, Policy,
    PostalAddress, RecipientDef, Section, Subject,
};
use crate::span::Span;
use crate::vocabulary::{self, Access, Recipient, Remedy, ResolutionType};

const KEYS: &[Key] = &[
    once("title"),
    once("version"),
    once("effective"),
    once("language"),
    once("discuri"),
    once("opturi"),
    once("test"),
    once("expiry"),
    once("summary"),
    many_block("covers"),
    once_block("entity"),
    once_block("app"),
    once_block("access"),
    many_block("dispute"),
    many("subject"),
    many("recipient"),
    many_block("data"),
    many_block("collect"),
    many_block("cookie"),
    many_block("share"),
    many_block("security"),
    many_block("retention"),
    many_block("right"),
    many_block("opt-out"),
    once_block("changes"),
    many_block("promise"),
    many("section"),
    many("acknowledge"),
    many_block("translation"),
];

/// Every keyword of a policy block: the P3P-era ones and the legal ones.
fn keys() -> Vec<Key> {
    KEYS.iter()
        .chain(law::POLICY_KEYS)
        .map(|k| Key {
            word: k.word,
            repeats: k.repeats,
            block: k.block,
        })
        .collect()
}

/// Resolves one `policy NAME { ... }` item: [`PolicyResolver::begin`] with the
/// item, [`PolicyResolver::item`] with each item of its block in order,
/// [`PolicyResolver::finish`].
pub fn policy(cx: &mut Cx, item: &Item) -> Option<Policy> {
    let mut r = PolicyResolver::begin(cx, item);
    for it in block_items(item) {
        r.item(cx, it);
    }
    r.finish(cx)
}

/// A policy block resolved one item at a time, so that a large file's items
/// can be resolved as the parser completes each and then dropped (the tree is
/// never whole). What depends on the whole block (a misspelt `title`, the
/// places of the prose strings for the H findings) is gathered as the items
/// arrive and used by [`PolicyResolver::finish`].
pub struct PolicyResolver {
    keys: Vec<Key>,
    /// The block's single properties given so far (L105).
    seen: Once,
    p: Policy,
    name: Option<String>,
    has_block: bool,
    has_title: bool,
    /// A misspelt `title` is reported as such; no second finding for the missing one.
    title_misspelt: bool,
    security_text_at: Option<Span>,
    places: languages::Places,
    /// The policy item's keyword and head, for a finding about the whole block.
    key: String,
    head: Span,
}

impl PolicyResolver {
    /// The policy's own line: `item`'s keyword, values and whether it has a
    /// block are read, not the block's items.
    pub fn begin(cx: &mut Cx, item: &Item) -> Self {
        let mut args = Args::of(cx, item);
        let name = args.name(cx, "a name, e.g. `policy main { ... }`");
        args.finish(cx);
        if item.block.is_none() {
            cx.missing(item, "a block in braces holding the policy");
        }
        Self {
            keys: keys(),
            seen: Once::default(),
            p: Policy {
                origin: origin(&item.head),
                ..Policy::default()
            },
            name,
            has_block: item.block.is_some(),
            has_title: false,
            title_misspelt: false,
            security_text_at: None,
            places: languages::Places::new(item.head),
            key: item.key().to_string(),
            head: item.head,
        }
    }

    /// The next item of the policy's block.
    #[allow(clippy::too_many_lines)] // one arm per keyword of the policy block
    pub fn item(&mut self, cx: &mut Cx, it: &Item) {
        self.title_misspelt |=
            it.key() != "title" && crate::vocabulary::suggest(it.key(), ["title"]).is_some();
        self.places.add(it);
        if !admit(cx, &mut self.seen, "a `policy` block", &self.keys, it) {
            return;
        }
        match it.key() {
            "title" => {
                self.has_title = true;
                self.p.title =
                    values::text(cx, it, "the policy's title, as a string").unwrap_or_default();
            }
            "version" => self.p.version = values::text(cx, it, "the version, as a string"),
            "effective" => {
                self.p.effective = values::checked_form(
                    cx,
                    it,
                    "the date the policy takes effect, e.g. `effective 2014-06-30`",
                    Form::Date,
                );
            }
            "language" => languages::language(cx, it, &mut self.p, &mut self.places),
            "translation" => self.p.translations.extend(languages::translation(cx, it)),
            "discuri" => {
                // REC §3.2.2: discuri is the URI of the natural-language privacy statement.
                self.p.discuri = values::checked_form(
                    cx,
                    it,
                    "the URL of the human-readable policy",
                    Form::Page,
                );
            }
            "opturi" => {
                // REC §3.2.2: opturi is a URI (or mailto:) for opt-in/opt-out requests.
                self.p.opturi = values::checked_form(
                    cx,
                    it,
                    "a URL or `mailto:` address for opting in or out",
                    Form::PageOrMail,
                );
            }
            "test" => {
                values::flag(cx, it);
                self.p.test = true;
            }
            "expiry" => self.p.expiry_seconds = values::expiry(cx, it),
            "summary" => self.p.summary = values::text(cx, it, "the summary, as a string"),
            "covers" => self.p.covers.extend(coverage(cx, it)),
            "entity" => self.p.entity = entity(cx, it),
            "app" => self.p.app = super::app::app(cx, it),
            "access" => access(cx, it, &mut self.p),
            "dispute" => self.p.disputes.extend(dispute(cx, it)),
            "subject" => self.p.subjects.extend(subject(cx, it)),
            "recipient" => self.p.recipients.extend(recipient(cx, it)),
            "data" => self.p.datasets.extend(data::dataset(cx, it)),
            "collect" => self.p.statements.extend(statement::statement(cx, it)),
            "cookie" => self.p.cookies.extend(practice::cookie(cx, it)),
            "share" => self.p.sharing.extend(practice::share(cx, it)),
            "security" => security(cx, it, &mut self.p, &mut self.security_text_at),
            "retention" => self.p.retention.extend(practice::retention(cx, it)),
            "right" => self.p.rights.extend(practice::right(cx, it)),
            "opt-out" => self.p.opt_outs.extend(practice::opt_out(cx, it)),
            "changes" => self.p.changes = Some(practice::changes(cx, it)),
            "promise" => self.p.promises.extend(promise::promise(cx, it)),
            "section" => self.p.sections.extend(section(cx, it)),
            key if law::is_policy_key(key) => law::policy_item(cx, it, &mut self.p.legal),
            _ => self.p.acknowledgments.extend(acknowledge(cx, it)),
        }
    }

    /// The policy, once every item of its block was given.
    pub fn finish(self, cx: &mut Cx) -> Option<Policy> {
        let mut p = self.p;
        // The model is held through the checks: no room left from growing
        // the lists one element at a time (up to half of each list).
        p.datasets.shrink_to_fit();
        p.statements.shrink_to_fit();
        p.cookies.shrink_to_fit();
        p.sharing.shrink_to_fit();
        p.retention.shrink_to_fit();
        p.rights.shrink_to_fit();
        p.opt_outs.shrink_to_fit();
        p.promises.shrink_to_fit();
        p.sections.shrink_to_fit();
        p.acknowledgments.shrink_to_fit();
        languages::check(cx, &p, &self.places);
        if !self.has_title && !self.title_misspelt && self.has_block {
            cx.missing_at(
                &self.key,
                self.head,
                "a `title` line in its block: the policy's human-readable title",
            );
        }
        p.name = self.name?;
        Some(p)
    }
}

/// A `security` block: its measures add up; the policy's one `text` may stand in
/// any of its `security` blocks (L105 on a second).
fn security(cx: &mut Cx, item: &Item, p: &mut Policy, text_at: &mut Option<Span>) {
    let block = practice::security(cx, item);
    p.security.extend(block.measures);
    if let Some((text, at)) = block.text {
        if let Some(first) = text_at {
            cx.push(
                Diagnostic::new(Code::DuplicateProperty, "`text` is given twice")
                    .at(Some(at))
                    .label(&origin(first), "first given here")
                    .help("the `security` blocks of a policy share one `text`: keep one of them"),
            );
        } else {
            p.security_text = Some(text);
            *text_at = Some(at);
        }
    }
}

const COVERAGE_KEYS: &[Key] = &[
    many("include"),
    many("exclude"),
    once("methods"),
    many("cookie-include"),
];

/// `covers "site" { include ... exclude ... methods ... }` (REC §2.3.2.1).
fn coverage(cx: &mut Cx, item: &Item) -> Option<Coverage> {
    let mut args = Args::of(cx, item);
    let site = args.text(cx, "the site covered, e.g. `covers \"www.example.com\"`");
    args.finish(cx);
    let mut c = Coverage {
        site: String::new(),
        origin: origin(&item.head),
        ..Coverage::default()
    };
    if item.block.is_none() {
        // With no block the whole site is covered.
        c.include.push("/*".to_string());
    }
    each_item(
        cx,
        block_items(item),
        "a `covers` block",
        COVERAGE_KEYS,
        |cx, it| match it.key() {
            "include" => c.include.extend(lists::texts(
                cx,
                it,
                "URL path patterns, e.g. `include \"/*\"`",
            )),
            "exclude" => c.exclude.extend(lists::texts(
                cx,
                it,
                "URL path patterns, e.g. `exclude \"/cgi-bin/*\"`",
            )),
            "cookie-include" => {
                // REC §2.3.2.5: name, value, domain, path; `*` is any.
                let mut args = Args::of(cx, it);
                let what = "four patterns: name, value, domain and path, e.g. `cookie-include \"sid\" \"*\" \"*\" \"/\"`";
                let parts: Vec<Option<String>> = (0..4).map(|_| args.text(cx, what)).collect();
                args.finish(cx);
                if let [Some(name), Some(value), Some(domain), Some(path)] = parts.as_slice() {
                    c.cookies.push(CookieMatch {
                        name: name.clone(),
                        value: value.clone(),
                        domain: domain.clone(),
                        path: path.clone(),
                    });
                }
            }
            _ => c.methods = lists::texts(cx, it, "HTTP methods, e.g. `methods GET, HEAD`"),
        },
    );
    c.site = site?;
    Some(c)
}

const ENTITY_KEYS: &[Key] = &[
    once("department"),
    once("email"),
    once("phone"),
    once("url"),
    once_block("postal"),
    once("text"),
    many("data"),
];

/// `entity "Legal Name" { ... }` (REC §3.2.4).
pub(super) fn entity(cx: &mut Cx, item: &Item) -> Option<Entity> {
    let mut args = Args::of(cx, item);
    let name = args.text(cx, "the legal name of the organisation, as a string");
    args.finish(cx);
    let mut e = Entity {
        origin: origin(&item.head),
        ..Entity::default()
    };
    entity_block(cx, item, &mut e);
    e.name = name?;
    Some(e)
}

/// The block of an `entity` (also of `dpo`, `authority`, `representative`):
/// department, email, phone, url, postal address, text.
pub(super) fn entity_block(cx: &mut Cx, item: &Item, e: &mut Entity) {
    let block = format!("a `{}` block", item.key());
    each_item(
        cx,
        block_items(item),
        &block,
        ENTITY_KEYS,
        |cx, it| match it.key() {
            "department" => e.department = values::text(cx, it, "the department, as a string"),
            "email" => {
                e.email = values::checked_form(cx, it, "an email address", Form::Email);
            }
            "phone" => e.phone = values::text(cx, it, "a phone number, as a string"),
            "url" => {
                e.url = values::checked_form(cx, it, "the organisation's URL", Form::WebUrl);
            }
            "postal" => e.postal = Some(postal(cx, it)),
            "data" => {
                // REC §3.2.4: ENTITY holds `business.*` elements of the base schema.
                let mut args = Args::of(cx, it);
                let what = "a `business.*` data element and its value, e.g. `data business.contact-info.telecom.fax.number \"+1 555 0100\"`";
                let reference = args.required(cx, what);
                let value = args.text(cx, what);
                args.finish(cx);
                if let (Some(r), Some(value)) = (reference, value) {
                    let name = r.text().to_string();
                    if name.starts_with("business.") && vocabulary::lookup_data(&name).is_some() {
                        e.data.push(EntityData {
                            reference: name,
                            value,
                        });
                    } else {
                        cx.invalid(
                            r.span(),
                            format!("`{name}` is not a `business.*` element of the P3P base data schema"),
                            "ENTITY data names a `business.*` element (REC §3.2.4, §5.5.3), e.g. `business.contact-info.telecom.fax.number`",
                        );
                    }
                }
            }
            _ => e.text = values::text(cx, it, "prose as a string"),
        },
    );
}

const POSTAL_KEYS: &[Key] = &[
    once("organization"),
    many("street"),
    once("city"),
    once("stateprov"),
    once("postalcode"),
    once("country"),
];

fn postal(cx: &mut Cx, item: &Item) -> PostalAddress {
    Args::of(cx, item).finish(cx);
    let mut a = PostalAddress::default();
    each_item(
        cx,
        block_items(item),
        "a `postal` block",
        POSTAL_KEYS,
        |cx, it| {
            let v = values::text(cx, it, "its text, as a string");
            match it.key() {
                "organization" => a.organization = v,
                "street" => a.street.extend(v),
                "city" => a.city = v,
                "stateprov" => a.stateprov = v,
                "postalcode" => a.postalcode = v,
                _ => a.country = v,
            }
        },
    );
    a
}

/// `access LEVEL { text "..." }` (REC §3.2.5).
fn access(cx: &mut Cx, item: &Item, p: &mut crate::model::Policy) {
    let mut args = Args::of(cx, item);
    if let Some(v) = args.required(cx, "an access level, e.g. `access contact-and-other`") {
        p.access = cx.term::<Access>(v);
    }
    args.finish(cx);
    each_item(
        cx,
        block_items(item),
        "an `access` block",
        &[once("text")],
        |cx, it| {
            p.access_text = values::text(cx, it, "prose as a string");
        },
    );
}

const DISPUTE_KEYS: &[Key] = &[
    once("short"),
    once("description"),
    once("verification"),
    once("remedies"),
    once_block("logo"),
];

const LOGO_KEYS: &[Key] = &[once("width"), once("height")];

/// `dispute TYPE "service-uri" { ... }` (REC §3.2.6-7).
fn dispute(cx: &mut Cx, item: &Item) -> Option<Dispute> {
    let mut args = Args::of(cx, item);
    let resolution = args
        .required(
            cx,
            "a resolution type and the service's URI, e.g. `dispute service \"https://...\"`",
        )
        .and_then(|v| cx.term::<ResolutionType>(v));
    let service = args.required(cx, "the URI of the dispute service, as a string");
    args.finish(cx);
    let service = service.and_then(|v| values::checked_value(cx, v, Form::PageOrMail));
    let mut d = Dispute {
        resolution: ResolutionType::Service,
        service: String::new(),
        short_description: None,
        description: None,
        verification: None,
        remedies: Vec::new(),
        logo: None,
        origin: origin(&item.head),
    };
    each_item(
        cx,
        block_items(item),
        "a `dispute` block",
        DISPUTE_KEYS,
        |cx, it| match it.key() {
            "short" => {
                d.short_description = values::text(cx, it, "a short description, as a string");
            }
            "description" => d.description = values::text(cx, it, "a description, as a string"),
            "verification" => {
                d.verification = values::text(cx, it, "how it is verified, as a string");
            }
            "logo" => d.logo = logo(cx, it),
            _ => d.remedies = lists::terms::<Remedy>(cx, it, "at least one remedy"),
        },
    );
    d.resolution = resolution?;
    d.service = service?;
    Some(d)
}

/// `logo "image-url" "alt text"`, optionally with a block of `width 88` and
/// `height 31` lines, in a `dispute`: the
/// service's logo, P3P DISPUTES `IMG` (REC §3.2.6: `src` and `alt` required).
fn logo(cx: &mut Cx, item: &Item) -> Option<DisputeLogo> {
    let mut args = Args::of(cx, item);
    let src = args.required(
        cx,
        "the image's URL and its text, e.g. `logo \"https://seal.example.org/logo.gif\" \"Seal\"`",
    );
    let alt = src.and_then(|_| {
        args.required(
            cx,
            "the text that stands for the image, after its URL, e.g. `\"PrivacySeal's logo\"`",
        )
    });
    args.finish(cx);
    // An image: an absolute http(s) URL or a path on the site (REC §3.2.6 `src`).
    let src = src.and_then(|v| values::checked_value(cx, v, Form::Page));
    let mut width = None;
    let mut height = None;
    each_item(
        cx,
        block_items(item),
        "a `logo` block",
        LOGO_KEYS,
        |cx, it| {
            let size = values::pixels(cx, it);
            if it.key() == "width" {
                width = size;
            } else {
                height = size;
            }
        },
    );
    Some(DisputeLogo {
        src: src?,
        alt: alt?.text().to_string(),
        width,
        height,
    })
}

/// `subject NAME "description"`.
fn subject(cx: &mut Cx, item: &Item) -> Option<Subject> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name, e.g. `subject visitors \"people who visit the site\"`",
    );
    let description = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    Some(Subject {
        name: name?,
        description,
        origin: origin(&item.head),
    })
}

/// `recipient NAME KIND "description"` (REC §3.3.5).
fn recipient(cx: &mut Cx, item: &Item) -> Option<RecipientDef> {
    let mut args = Args::of(cx, item);
    let name = args.name(
        cx,
        "a name and a P3P recipient kind, e.g. `recipient processor delivery \"...\"`",
    );
    let kind = args
        .required(cx, "a P3P recipient kind after the name: ours, delivery, same, other-recipient, unrelated or public")
        .and_then(|v| cx.term::<Recipient>(v));
    let description = args.opt_string().map(|s| s.value.clone());
    args.finish(cx);
    Some(RecipientDef {
        name: name?,
        kind: kind?,
        description,
        origin: origin(&item.head),
    })
}

/// `section "Heading" "text"`.
fn section(cx: &mut Cx, item: &Item) -> Option<Section> {
    let mut args = Args::of(cx, item);
    let heading = args.text(
        cx,
        "a heading and its text, e.g. `section \"Links\" \"...\"`",
    );
    let text = args.text(cx, "the section's text after its heading, as a string");
    args.finish(cx);
    Some(Section {
        heading: heading?,
        text: text?,
        origin: origin(&item.head),
    })
}

/// `acknowledge CODE at TARGET... because "reason"`.
fn acknowledge(cx: &mut Cx, item: &Item) -> Option<Acknowledgment> {
    let mut args = Args::of(cx, item);
    let code_v = args.required(
        cx,
        "a code, a target and a reason: `acknowledge C402 at share NAME because \"...\"`",
    )?;
    // Only the form is checked here; whether the code exists and matches a
    // finding is the acknowledgment check's business (A601).
    let text = code_v.text();
    let code = if is_code_shape(text) {
        Some(text.to_ascii_uppercase())
    } else {
        let ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        let help = match crate::vocabulary::suggest(text, ids) {
            Some(s) => format!("did you mean `{s}`? `policyc explain --list` lists every code"),
            None => "a code is a letter and three digits, e.g. `C402`; `policyc explain --list` lists every code".to_string(),
        };
        cx.invalid(
            code_v.span(),
            format!("`{text}` is not a diagnostic code"),
            help,
        );
        None
    };
    if !args.eat_word("at") {
        match args.peek() {
            Some(v) => cx.unexpected(v, "expected `at` and the element the finding is about"),
            None => cx.missing(item, "`at` and the element the finding is about"),
        }
        return None;
    }
    let mut target: Vec<(String, Span)> = Vec::new();
    while let Some(v) = args.peek() {
        if v.as_word() == Some("because") {
            break;
        }
        target.push((v.text().to_string(), *v.span()));
        args.next_value();
    }
    // `... at share marketers fingerprint 3f9a2c1b7e04 because ...`: a target is
    // a keyword and a name, so `fingerprint` third from the end or later is the
    // fingerprint's keyword, never part of an older file's target.
    let mut fingerprint = None;
    let mut fingerprint_span = None;
    if target.len() >= 3 && target[target.len() - 2].0 == "fingerprint" {
        if let Some((value, span)) = target.pop() {
            target.pop();
            if crate::diagnostic::is_fingerprint(&value) {
                fingerprint = Some(value);
            } else {
                cx.invalid(
                    &span,
                    format!("`{value}` is not a fingerprint"),
                    format!(
                        "a fingerprint is {} lowercase hex digits, as `policyc check` shows it with the finding (`policyc check --update-acknowledgments` writes it)",
                        crate::diagnostic::FINGERPRINT_LEN
                    ),
                );
            }
            fingerprint_span = Some(span);
        }
    }
    if target.is_empty() {
        cx.missing(
            item,
            "the element after `at`, e.g. `at share service-providers`",
        );
    }
    let because_span = args.peek().map(|v| *v.span());
    if !args.eat_word("because") {
        cx.missing(item, "`because` and the reason, as a string");
        return None;
    }
    let reason = args.text(cx, "the reason after `because`, as a string");
    args.finish(cx);
    if target.is_empty() {
        return None;
    }
    Some(Acknowledgment {
        code: code?,
        at: target
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        reason: reason?,
        fingerprint,
        origin: origin(&item.head),
        fingerprint_origin: fingerprint_span
            .or(because_span)
            .map(|s| origin(&s))
            .unwrap_or_default(),
    })
}

/// A letter and three digits: `C402`.
fn is_code_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 4 && b[0].is_ascii_alphabetic() && b[1..].iter().all(u8::is_ascii_digit)
}
