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
