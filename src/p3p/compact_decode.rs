//! Reading a compact policy (REC §4): `CP="..."` → tokens with their meaning, and
//! every problem found: malformed syntax (X711), unknown tokens (X712), suffixes
//! the grammar forbids (X713), missing required groups (X714), repeats (X715),
//! contradictions (X716), test policies (X717).

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{SourceFile, Span};
use crate::vocabulary::{
    suggest, Access, Category, Purpose, Recipient, Remedy, Required, Retention, Term,
};

/// What one token means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    Access(Access),
    /// `DSP`: a DISPUTES-GROUP exists (REC §4.2.2).
    Disputes,
    Remedy(Remedy),
    /// `NID` (REC §4.2.4).
    NonIdentifiable,
    Purpose(Purpose, Required),
    Recipient(Recipient, Required),
    Retention(Retention),
    Category(Category),
    /// `TST` (REC §4.2.9).
    Test,
}

/// One token as written, where, and what it means (when it means something).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    /// Byte offset in the input.
    pub start: usize,
    pub meaning: Option<Meaning>,
}

/// The tokens of a compact policy and every finding about it.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub tokens: Vec<Token>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Decoded {
    /// True when nothing at all was found wrong.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Every token of the vocabulary, for suggestions.
fn all_tokens() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    v.extend(Access::ALL.iter().map(|t| t.token().to_string()));
    v.push("DSP".into());
    v.extend(Remedy::ALL.iter().map(|t| t.token().to_string()));
    v.push("NID".into());
    v.extend(Purpose::ALL.iter().map(|t| t.token().to_string()));
    v.extend(Recipient::ALL.iter().map(|t| t.token().to_string()));
    v.extend(Retention::ALL.iter().map(|t| t.token().to_string()));
    v.extend(Category::ALL.iter().map(|t| t.token().to_string()));
    v.push("TST".into());
    v
}

/// The meaning of a token without a suffix.
fn bare(token: &str) -> Option<Meaning> {
    match token {
        "DSP" => return Some(Meaning::Disputes),
        "NID" => return Some(Meaning::NonIdentifiable),
        "TST" => return Some(Meaning::Test),
        _ => {}
    }
    Access::from_token(token)
        .map(Meaning::Access)
        .or_else(|| Remedy::from_token(token).map(Meaning::Remedy))
        .or_else(|| Purpose::from_token(token).map(|p| Meaning::Purpose(p, Required::Always)))
        .or_else(|| Recipient::from_token(token).map(|r| Meaning::Recipient(r, Required::Always)))
        .or_else(|| Retention::from_token(token).map(Meaning::Retention))
        .or_else(|| Category::from_token(token).map(Meaning::Category))
}

struct Ctx<'a> {
    source: &'a SourceFile,
    diagnostics: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn report(&mut self, code: Code, start: usize, end: usize, message: String) -> &mut Diagnostic {
        let span = Span::new(&self.source.path, &self.source.text, start, end);
        self.diagnostics
            .push(Diagnostic::new(code, message).at(Some(span)));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }
}

fn with_help(d: &mut Diagnostic, help: impl Into<String>) {
    d.help = Some(help.into());
}

/// Where the token list is in the input: the value of the header's `CP`
/// directive when the input is a header (`P3P: policyref="...", CP="..."`, REC
/// §2.2.2: comma-separated `name="value"` directives), else the whole input (a bare
/// token list). `None` when there is no CP to decode (a policyref-only header,
/// which REC §2.2.2 allows, or a header too broken to find it).
fn token_region(ctx: &mut Ctx<'_>) -> Option<(usize, usize)> {
    let text = &ctx.source.text;
    if !text.contains('=') {
        let trimmed = text.trim();
        let start = text.len() - text.trim_start().len();
        return Some((start, start + trimmed.len()));
    }
    let bytes = text.as_bytes();
    let mut i = text.len() - text.trim_start().len();
    // An optional `P3P:` field name.
    if text
        .get(i..i + 4)
        .is_some_and(|h| h.eq_ignore_ascii_case("P3P:"))
    {
        i += 4;
    }
    let skip_ws = |mut k: usize| {
        while bytes.get(k).is_some_and(u8::is_ascii_whitespace) {
            k += 1;
        }
        k
    };
    let mut region = None;
    loop {
        i = skip_ws(i);
        if i >= bytes.len() {
            break;
        }
        // A directive name.
        let name_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        {
            i += 1;
        }
        let name = &text[name_start..i];
        if name.is_empty() || bytes.get(i) != Some(&b'=') {
            match stray_text(ctx, name_start) {
                Some(next) => {
                    i = next;
                    continue;
                }
                None => break,
            }
        }
        let Some((value_start, value_end, quoted, next)) = directive_value(ctx, name, i + 1) else {
            return region;
        };
        i = next;
        if !quoted {
            let d = ctx.report(
                Code::CpSyntax,
                name_start,
                value_end,
                format!("the `{name}` value is not quoted"),
            );
            with_help(d, format!("write {name}=\"...\" (REC §2.2.2, §4.1)"));
        }
        if name == "CP" {
            if region.is_some() {
                let d = ctx.report(
                    Code::CpSyntax,
                    name_start,
                    value_end + usize::from(quoted),
                    "a second CP directive: user agents read one compact policy per header".into(),
                );
                with_help(d, "merge the two into one CP=\"...\" (REC §4.1)");
            } else if quoted {
                region = Some((value_start, value_end));
            }
        }
        // A comma, or the end, after a directive.
        let after = skip_ws(i);
        match bytes.get(after) {
            None => break,
            Some(b',') => i = after + 1,
            Some(_) => {
                let d = ctx.report(
                    Code::CpSyntax,
                    i,
                    after + 1,
                    "no comma between two directives of the header".into(),
                );
                with_help(d, "separate directives with `, ` (REC §2.2.2)");
                i = after;
            }
        }
    }
    region
}

/// The value of the directive `name` whose `=` is just before `at`: its range,
/// whether it was quoted, and where the text after it starts; `None` (reported)
/// when its quote never closes.
fn directive_value(
    ctx: &mut Ctx<'_>,
    name: &str,
    at: usize,
) -> Option<(usize, usize, bool, usize)> {
    let text = &ctx.source.text;
    if text.as_bytes().get(at) == Some(&b'"') {
        let Some(len) = text[at + 1..].find('"') else {
            let d = ctx.report(
                Code::CpSyntax,
                at,
                at + 1,
                format!("the `{name}` value's quote is never closed"),
            );
            with_help(d, "end the value with `\"`");
            return None;
        };
        return Some((at + 1, at + 1 + len, true, at + len + 2));
    }
    let end = text[at..]
        .find(|c: char| c == ',' || c.is_whitespace())
        .map_or(text.len(), |k| at + k);
    Some((at, end, false, end))
}

/// Reports the stray text at `from` (not a `name="value"` directive); returns
/// where the next directive that looks like one starts, if any.
fn stray_text(ctx: &mut Ctx<'_>, from: usize) -> Option<usize> {
    let text = &ctx.source.text;
    let next = text[from..]
        .find("CP=")
        .or_else(|| text[from..].find("policyref="))
        .map_or(text.len(), |k| from + k);
    let end = if next > from { next } else { text.len() };
    let shown = text[from..end].trim().escape_debug().to_string();
    let d = ctx.report(
        Code::CpSyntax,
        from,
        end,
        format!("`{shown}` is not a `name=\"value\"` directive of the P3P header"),
    );
    with_help(d, "the header is `P3P: policyref=\"/w3c/p3p.xml\", CP=\"...\"`: directives separated by commas (REC §2.2.2)");
    (next < ctx.source.text.len() && next != from).then_some(next)
}

/// Decodes a compact policy given as `CP="..."`, a whole `P3P:` header value, or
/// bare tokens.
pub fn decode(source: &SourceFile) -> Decoded {
    let mut ctx = Ctx {
        source,
        diagnostics: Vec::new(),
    };
    let mut tokens = Vec::new();
    let region = token_region(&mut ctx);
    if let Some((start, end)) = region {
        let region = source.text.get(start..end).unwrap_or_default();
        if region.is_empty() {
            let d = ctx.report(
                Code::CpSyntax,
                start,
                end,
                "the compact policy is empty".into(),
            );
            with_help(
                d,
                "a compact policy lists at least its access token (REC §4.2.1)",
            );
            return Decoded {
                tokens,
                diagnostics: ctx.diagnostics,
            };
        }
        let mut offset = start;
        for (i, part) in region.split(' ').enumerate() {
            if part.is_empty() {
                let d = ctx.report(
                    Code::CpSyntax,
                    offset,
                    offset + 1,
                    if i == 0 || offset == end {
                        "space at the start or end of the compact policy".into()
                    } else {
                        "two spaces between tokens".into()
                    },
                );
                with_help(d, "tokens are separated by single spaces (REC §4.1)");
            } else if part.contains(|c: char| c.is_whitespace()) {
                let d = ctx.report(
                    Code::CpSyntax,
                    offset,
                    offset + part.len(),
                    format!("`{}` contains a tab or line break", part.escape_debug()),
                );
                with_help(d, "tokens are separated by single spaces (REC §4.1)");
            } else {
                let meaning = token(&mut ctx, part, offset);
                tokens.push(Token {
                    text: part.to_string(),
                    start: offset,
                    meaning,
                });
            }
            offset += part.len() + 1;
        }
    }
    // No CP at all (a policyref-only header, REC §2.2.2) has no groups to check.
    if region.is_some() && (!tokens.is_empty() || ctx.diagnostics.is_empty()) {
        groups(&mut ctx, &tokens);
    }
    Decoded {
        tokens,
        diagnostics: ctx.diagnostics,
    }
}

fn token(ctx: &mut Ctx<'_>, t: &str, at: usize) -> Option<Meaning> {
    let end = at + t.len();
    if let Some(m) = bare(t) {
        return Some(m);
    }
    // REC §4.2.5-6: a purpose or recipient token may end in a, i or o.
    if t.len() == 4 && t.is_char_boundary(3) {
        let (base, suffix) = t.split_at(3);
        if let (Some(m), Some(req)) = (bare(base), Required::from_token(suffix)) {
            return match m {
                Meaning::Purpose(Purpose::Current, _) | Meaning::Recipient(Recipient::Ours, _) => {
                    // REC §4.2.5: `current` and `ours` take no `required`. The IBM
                    // P3P Policy Editor wrote `CURa`/`OURa` and Internet Explorer
                    // accepts them, reading them as `CUR`/`OUR`: a warning that
                    // explains, not an error.
                    let d = ctx.report(
                        Code::CpSuffixIgnored,
                        at,
                        end,
                        format!("`{t}`: `{base}` takes no suffix; user agents read it as `{base}`"),
                    );
                    with_help(
                        d,
                        format!(
                            "write `{base}` (REC §4.2.5: `current` and `ours` have no `required`; older editors wrote `{base}a`, which Internet Explorer accepts)"
                        ),
                    );
                    Some(with_required(m, Required::Always))
                }
                Meaning::Purpose(..) | Meaning::Recipient(..) => Some(with_required(m, req)),
                _ => {
                    let d = ctx.report(
                        Code::CpSuffixNotAllowed,
                        at,
                        end,
                        format!("`{base}` is not a purpose or recipient and takes no suffix"),
                    );
                    with_help(d, format!("write `{base}`"));
                    Some(m)
                }
            };
        }
    }
    // A case slip: the token, or a three-letter token with a one-letter suffix,
    // written in the wrong case. Prose (`POLicy.`) gets no such hint.
    let upper = t.to_ascii_uppercase();
    let fixed = match (upper.get(..3), upper.get(3..)) {
        _ if bare(&upper).is_some() => Some(upper.clone()),
        (Some(base), Some(rest))
            if rest.len() == 1
                && bare(base).is_some()
                && Required::from_token(&rest.to_ascii_lowercase()).is_some() =>
        {
            Some(format!("{base}{}", rest.to_ascii_lowercase()))
        }
        _ => None,
    };
    if let Some(fixed) = fixed.filter(|f| f != t) {
        let d = ctx.report(
            Code::CpSyntax,
            at,
            end,
            format!("`{t}`: compact policy tokens are case-sensitive"),
        );
        with_help(d, format!("write `{fixed}` (REC §4.1)"));
        return None;
    }
    let help = if t.starts_with("CUS") {
        Some("`CUS` (customization) is a draft token; P3P 1.0 says `TAI` (tailoring)".to_string())
    } else {
        let all = all_tokens();
        suggest(t, all.iter().map(String::as_str)).map(|s| format!("did you mean `{s}`?"))
    };
    let d = ctx.report(
        Code::CpUnknownToken,
        at,
        end,
        format!("`{t}` is not a compact policy token"),
    );
    if let Some(h) = help {
        with_help(d, h);
    }
    None
}

fn with_required(m: Meaning, req: Required) -> Meaning {
    match m {
        Meaning::Purpose(p, _) => Meaning::Purpose(p, req),
        Meaning::Recipient(r, _) => Meaning::Recipient(r, req),
        other => other,
    }
}

/// The meaning with the suffix dropped, to find repeats.
fn key(m: Meaning) -> Meaning {
    with_required(m, Required::Always)
}

type Found<'t> = (&'t Token, Meaning);
type GroupCheck = (fn(&Meaning) -> bool, &'static str);

fn groups(ctx: &mut Ctx<'_>, tokens: &[Token]) {
    let meanings: Vec<Found<'_>> = tokens
        .iter()
        .filter_map(|t| t.meaning.map(|m| (t, m)))
        .collect();
    repeats(ctx, &meanings);
    access(ctx, &meanings);
    let nid = meanings.iter().any(|(_, m)| *m == Meaning::NonIdentifiable);
    if !nid {
        required_groups(ctx, &meanings);
    }
    contradictions(ctx, &meanings, nid);
    if let Some((t, _)) = meanings.iter().find(|(_, m)| *m == Meaning::Test) {
        ctx.report(
            Code::CpTestPolicy,
            t.start,
            t.start + t.text.len(),
            "`TST`: this is a test policy, not the site's real one".into(),
        );
    }
}

fn repeats(ctx: &mut Ctx<'_>, meanings: &[Found<'_>]) {
    for (i, (t, m)) in meanings.iter().enumerate() {
        if let Some((first, _)) = meanings[..i].iter().find(|(_, n)| key(*n) == key(*m)) {
            ctx.report(
                Code::CpDuplicate,
                t.start,
                t.start + t.text.len(),
                format!("`{}` repeats `{}`", t.text, first.text),
            );
        }
    }
}

/// REC §4.2.1: exactly one access token.
fn access(ctx: &mut Ctx<'_>, meanings: &[Found<'_>]) {
    let end = ctx.source.text.len();
    let accesses: Vec<&Token> = meanings
        .iter()
        .filter(|(_, m)| matches!(m, Meaning::Access(_)))
        .map(|(t, _)| *t)
        .collect();
    if accesses.is_empty() {
        let d = ctx.report(
            Code::CpMissingGroup,
            0,
            end,
            "no ACCESS token (NOI, ALL, CAO, IDC, OTI or NON)".into(),
        );
        with_help(
            d,
            "every compact policy carries exactly one access token (REC §4.2.1)",
        );
    } else if let Some(second) = accesses.get(1) {
        if second.text != accesses[0].text {
            ctx.report(
                Code::CpContradiction,
                second.start,
                second.start + second.text.len(),
                format!(
                    "two access levels: `{}` and `{}`",
                    accesses[0].text, second.text
                ),
            );
        }
    }
}

/// REC §3.3.1, §4: identifiable statements have a purpose, recipient and
/// retention, and their data categories.
fn required_groups(ctx: &mut Ctx<'_>, meanings: &[Found<'_>]) {
    let end = ctx.source.text.len();
    // REC §4: a CP without NID carries purpose, recipient, retention and
    // category tokens (the W3C validator checks all four).
    let checks: [GroupCheck; 4] = [
        (|m| matches!(m, Meaning::Purpose(..)), "purpose"),
        (|m| matches!(m, Meaning::Recipient(..)), "recipient"),
        (|m| matches!(m, Meaning::Retention(_)), "retention"),
        (|m| matches!(m, Meaning::Category(_)), "category"),
    ];
    for (f, group) in checks {
        if !meanings.iter().any(|(_, m)| f(m)) {
            let d = ctx.report(
                Code::CpMissingGroup,
                0,
                end,
                format!("no {group} token, and no `NID`"),
            );
            with_help(d, format!("identifiable data always has a {group} (REC §3.3.1, §4); add its token, or `NID` if no data identifies anyone"));
        }
    }
}

/// `NID`/`NOI` next to identified contact or identity data, or purposes that need
/// an identified person.
fn contradictions(ctx: &mut Ctx<'_>, meanings: &[Found<'_>], nid: bool) {
    let noi = meanings
        .iter()
        .find(|(_, m)| *m == Meaning::Access(Access::Nonident))
        .map(|(t, _)| t.text.clone());
    let Some(claim) = (if nid { Some("NID".to_string()) } else { noi }) else {
        return;
    };
    for (t, m) in meanings {
        let identified = matches!(
            m,
            Meaning::Category(Category::Physical | Category::Online | Category::Government)
                | Meaning::Purpose(
                    Purpose::IndividualAnalysis
                        | Purpose::IndividualDecision
                        | Purpose::Contact
                        | Purpose::Telemarketing,
                    _
                )
        );
        if identified {
            let d = ctx.report(
                Code::CpContradiction,
                t.start,
                t.start + t.text.len(),
                format!(
                    "`{claim}` says no identified data, but `{}` needs it",
                    t.text
                ),
            );
            with_help(d, "re-derive the compact policy from the full policy");
        }
    }
}

/// The group a meaning belongs to, in words.
pub fn group(m: Meaning) -> &'static str {
    match m {
        Meaning::Access(_) => "access",
        Meaning::Disputes => "disputes",
        Meaning::Remedy(_) => "remedy",
        Meaning::NonIdentifiable => "non-identifiable",
        Meaning::Purpose(..) => "purpose",
        Meaning::Recipient(..) => "recipient",
        Meaning::Retention(_) => "retention",
        Meaning::Category(_) => "category",
        Meaning::Test => "test",
    }
}

/// A plain-language line for a meaning.
pub fn describe(m: Meaning) -> String {
    fn choice(label: &str, description: &str, req: Required) -> String {
        match req {
            Required::Always => format!("{label}: {description}"),
            r => format!("{label} ({}): {description}", r.label().to_lowercase()),
        }
    }
    match m {
        Meaning::Access(a) => format!("{}: {}", a.label(), a.description()),
        Meaning::Disputes => {
            "Dispute resolution: the full policy names ways to resolve disputes.".to_string()
        }
        Meaning::Remedy(r) => format!("{}: {}", r.label(), r.description()),
        Meaning::NonIdentifiable => {
            "Non-identifiable: no data that identifies you is collected, or it is anonymised."
                .to_string()
        }
        Meaning::Purpose(p, req) => choice(p.label(), p.description(), req),
        Meaning::Recipient(r, req) => choice(r.label(), r.description(), req),
        Meaning::Retention(r) => format!("{}: {}", r.label(), r.description()),
        Meaning::Category(c) => format!("{}: {}", c.label(), c.description()),
        Meaning::Test => "Test: this is a test or example policy, not a real one.".to_string(),
    }
}
