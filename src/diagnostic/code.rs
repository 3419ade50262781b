//! Every diagnostic code: stable id, default severity, one-line summary and the
//! explanation `policyc explain CODE` prints. Codes never change meaning once
//! published; retired codes are not reused.
//!
//! Families: `S` syntax, `L` language (keywords and values), `R` references,
//! `P` P3P structural rules, `C` promises against practices, `Q` internal sense,
//! `A` acknowledgments, `X` reading P3P (import, explain-cp).

use super::Severity;
use serde::{Serialize, Serializer};

macro_rules! codes {
    ( $( $variant:ident = $id:literal, $severity:ident, $summary:literal, $explanation:literal; )* ) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $( $variant, )* }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];
            /// The stable id, e.g. `P302`.
            pub fn id(self) -> &'static str { match self { $( Code::$variant => $id, )* } }
            /// Default severity.
            pub fn severity(self) -> Severity { match self { $( Code::$variant => Severity::$severity, )* } }
            /// One-line summary.
            pub fn summary(self) -> &'static str { match self { $( Code::$variant => $summary, )* } }
            /// The long explanation printed by `policyc explain`.
            pub fn explanation(self) -> &'static str { match self { $( Code::$variant => $explanation, )* } }
        }
    };
}

codes! {
    SyntaxError = "S001", Error, "syntax error",
        "The file does not follow the policy language's grammar. The message says what was expected at the marked place. Items are one per line: a keyword, its values, and optionally a block in braces.";
    UnterminatedString = "S002", Error, "unterminated string",
        "A string starts with a double quote but never ends. Add the closing `\"`; write `\\\"` for a quote inside the text.";
    NestingTooDeep = "S003", Error, "blocks nested too deeply",
        "Blocks may be nested at most 32 levels deep. A policy never needs more; the file is probably damaged or generated wrongly.";
    NotUtf8 = "S004", Error, "file is not UTF-8 text",
        "Policy files must be UTF-8 text. The marked byte is not valid UTF-8; re-save the file as UTF-8.";
    EmptyFile = "S005", Error, "file defines no policy",
        "A policy file must contain at least one `policy NAME { ... }` block (or, in YAML form, a `policies` list).";
    InvalidEscape = "S006", Error, "invalid escape in a string",
        "Inside a string, a backslash starts an escape: `\\\"`, `\\\\`, `\\n`, `\\t` or `\\u{...}`. Write `\\\\` for a literal backslash.";

    UnknownKeyword = "L101", Error, "unknown keyword",
        "The keyword is not one the language knows in this place. The help names the closest known keyword; the README's language tour lists every keyword of every block.";
    MissingValue = "L102", Error, "missing value",
        "The keyword needs a value that is not there, for example `title` without its text.";
    UnexpectedValue = "L103", Error, "unexpected value",
        "The keyword was given a value it does not take, or more values than it takes.";
    UnknownTerm = "L104", Error, "unknown P3P term",
        "The word is not a term of the P3P vocabulary for this place (purposes, recipients, retention, categories, access, remedies, choices). The help names the closest term; `policyc explain L104` lists them.";
    DuplicateProperty = "L105", Error, "property given twice",
        "A property that takes one value was written twice in the same block. Keep one.";
    InvalidValue = "L106", Error, "invalid value",
        "The value has the wrong form: a date must be YYYY-MM-DD, an email must contain `@`, a URL must be absolute (`https://...`) or a path starting with `/`.";
    YamlError = "L107", Error, "YAML policy does not match the model",
        "The YAML form is deserialized into the policy model. The message says which field was wrong; `policyc dump FILE --format yaml` on a policy file shows the expected shape.";
    UnknownDataElement = "L108", Error, "unknown data element",
        "Data references name elements of the P3P base data schema (REC §5.5), such as `user.home-info.online.email`. For anything else use `custom \"description\" categories ...`.";

    UndefinedName = "R201", Error, "undefined name",
        "The name refers to a definition (subject, recipient, data set, statement, ...) that the policy does not define. Define it, or fix the spelling: the help names the closest defined name.";
    DuplicateDefinition = "R202", Error, "duplicate definition",
        "Two definitions of the same kind share one name within a policy. Names must be unique so references are unambiguous.";
    UnusedDefinition = "R203", Warning, "unused definition",
        "A subject, recipient or data set is defined but never used. Use it, or remove it so the policy says only what is true.";

    XmlMalformed = "X701", Error, "P3P XML is not well-formed",
        "`policyc import` reads P3P 1.0 XML. The file is not well-formed XML at the marked place (an unclosed tag, a stray end tag, bad characters). Fix the XML: `xmllint --noout FILE` shows the same problem. REC Example 3.2 as circulated has this defect: remove the stray `<CATEGORIES>` and `</DATA>` lines in its fourth statement.";
    NotP3p = "X702", Error, "not a P3P 1.0 document",
        "`policyc import` reads a P3P policy file (root `POLICIES` or `POLICY`) or a policy reference file (root `META`) in the P3P 1.0 namespace `http://www.w3.org/2002/01/P3Pv1` (REC §2.3, §3.2). The file's root element or namespace is something else. Check that you passed the P3P file, not the HTML policy or another XML file.";
    OldP3pNamespace = "X703", Warning, "pre-Recommendation P3P namespace",
        "The document uses a P3P working-draft namespace (such as `http://www.w3.org/2001/09/P3Pv1`) instead of the Recommendation's `http://www.w3.org/2002/01/P3Pv1`. policyc reads it as P3P 1.0; the files `policyc build` writes use the Recommendation's namespace. Check the imported policy against the REC vocabulary.";
    UnknownP3pElement = "X704", Error, "unknown P3P element or value",
        "The element is not part of P3P 1.0 in this place (REC §3), for example an obsolete draft term such as `customization` (now `tailoring`) or a misspelled purpose. The help names the closest P3P term. Fix the XML, or leave the element out and write the practice in the imported policy source by hand.";
    NotCarried = "X705", Warning, "P3P content not carried into the policy source",
        "The marked P3P content has no place in policyc's policy model (for example a DISPUTES `IMG` logo, an `EXTENSION`, a `HINT`, a `COOKIE-EXCLUDE`, an absolute EXPIRY date or an ENTITY element other than name, department, postal address, email, URL and telephone). The import continues without it; add what matters to the generated source by hand (as prose in a `section`, for instance).";
    MissingP3pPart = "X706", Error, "required P3P element or attribute missing",
        "P3P 1.0 requires the marked part, and the import cannot produce a policy without it: a POLICY needs `name`, an ENTITY with `#business.name` (REC §3.2.4) and exactly one ACCESS value (REC §3.2.5); a POLICY-REF needs `about`; a DISPUTES needs `resolution-type` and `service`. Add it to the XML and import again.";
    CpSyntax = "X711", Error, "compact policy is malformed",
        "A compact policy is `CP=\"...\"`: three-letter upper-case tokens separated by single spaces, inside double quotes (REC §4.1). The value is case-sensitive: write `CUR`, not `cur`. The marked place breaks that form.";
    CpUnknownToken = "X712", Error, "unknown compact policy token",
        "The token is not one of the compact policy tokens of REC §4.2 (access, DSP, remedies, NID, purposes, recipients, retention, categories, TST). The help names the closest token; obsolete draft tokens such as `CUS` (now `TAI`) are not P3P 1.0. User agents may treat a CP with an unknown token as invalid: fix or remove it.";
    CpSuffixNotAllowed = "X713", Error, "suffix not allowed on this compact token",
        "Only purpose and recipient tokens take the `a`/`i`/`o` suffix (REC §4.2.5-6), and never `CUR` or `OUR`: the `current` purpose and the `ours` recipient have no `required` attribute. The common `CURa` and `OURi` are not REC-conformant. Write the bare token.";
    CpMissingGroup = "X714", Error, "compact policy lacks a required group",
        "Every compact policy carries exactly one ACCESS token (REC §4.2.1), and, unless it is `NID` (all data non-identifiable), at least one purpose, one recipient and one retention token, as every identifiable statement of the full policy has them (REC §3.3.1). Add the missing tokens, derived from the policy that covers the cookies.";
    CpDuplicate = "X715", Warning, "compact policy token repeated",
        "The same token (or the same purpose or recipient with another suffix) appears more than once. Repeats add nothing; conflicting suffixes are ambiguous (REC §4 does not say which wins). Keep one token, with the least restrictive suffix that is true of any use (policyc's rule: always > opt-out > opt-in).";
    CpContradiction = "X716", Error, "compact policy contradicts itself",
        "Two parts of the compact policy cannot both be true: `NID` (no identifiable data) or `NOI` (no identified data collected) next to categories of identified contact or identity data (`PHY`, `ONL`, `GOV`) or purposes that need an identified person (`IVA`, `IVD`, `CON`, `TEL`); or more than one ACCESS token. Re-derive the compact policy from the full policy (`policyc build`) rather than editing it by hand.";
    CpTestPolicy = "X717", Warning, "compact policy marked as a test",
        "`TST` marks a test or example policy (REC §4.2.9): user agents must not treat it as the site's real policy, and some treated the whole CP as invalid. Remove `test` from the policy before deploying it.";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl std::str::FromStr for Code {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.id().eq_ignore_ascii_case(s.trim()))
            .ok_or(())
    }
}
