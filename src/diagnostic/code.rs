//! Every diagnostic code: stable id, default severity, one-line summary and the
//! explanation `policyc explain CODE` prints. Codes never change meaning once
//! published; retired codes are not reused.
//!
//! Families: `S` syntax, `L` language (keywords and values), `R` references,
//! `P` P3P structural rules, `C` promises against practices, `Q` internal sense,
//! `A` acknowledgments, `H` the HTML notice's languages (translations, catalogues), `O` output names, `X` reading P3P (import, explain-cp), `F` declared flags
//! that contradict the values the facts stage derives, `G` the GDPR and UK GDPR
//! pack (`src/check/gdpr/`), `K` the CCPA/CPRA pack (`src/check/ccpa/`), `M`
//! mappings onto the machine-readable outputs (app-store labels, DPV, GPC).

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
    InputTooLarge = "S007", Error, "input larger than the maximum input size",
        "policyc reads at most 8 MiB of any input (policy source, YAML, P3P XML, compact policy) so that a hostile or damaged file cannot exhaust memory. A real policy is a few kilobytes. If the file is genuine, raise the limit with `--max-input-size BYTES` (before the subcommand: `policyc --max-input-size 50000000 check big.policy`).";
    ForbiddenCharacter = "S008", Error, "character not allowed in text",
        "Every string of a policy ends up in the P3P XML and the HTML page. XML 1.0 (§2.2, `Char`) forbids the C0 control characters other than tab, line feed and carriage return, and U+FFFE and U+FFFF; HTML (§13.2.2) also treats U+007F-U+009F and the noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) as errors. The marked string holds one, raw or as an escape (`\\u{1}` in the policy language, `\\x01` or `\\u0001` in YAML). Remove it.";
    TooManyFindings = "S009", Error, "too many findings in one file",
        "policyc reports at most 200 findings per file, then this one finding saying how many more there are, so that a damaged file cannot produce a report of hundreds of megabytes. Fix the reported ones and check again. Its severity is the highest of the findings left out.";
    YamlAliasBudget = "S010", Error, "YAML aliases expand too far",
        "YAML aliases (`*name`) repeat the node anchored as `&name`. A few aliases to a large anchor, nested, expand to gigabytes (a \"billion laughs\" document). Before reading the model, policyc walks the document with every alias expanded, counting one unit per node plus the bytes of each scalar, and stops when the count passes twice the size of the text plus 1 MiB: a document without aliases never comes near it, and aliases can add at most 1 MiB beyond that, however large the document. The marked place is where the budget ran out. Write the repeated parts out, or use fewer aliases.";

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
    DeprecatedClaimForm = "L109", Warning, "old form of a promise claim: write the scoped form",
        "Before promises could be scoped, names were written after the claim word: `claim not-linked logs` (data sets or elements), `claim no-identifiable-collection visitors` (subjects). The old form keeps its meaning (the names join the promise's `data` or `subjects` scope), but it reads as if the names were part of the claim, and it hides that a promise written beside scope lines is narrowed by both. Write the names on the scope line instead:\n\n    claim not-linked\n    data logs\n\n    claim no-identifiable-collection\n    subjects visitors\n\nThe help gives the exact lines, and the finding carries them as a machine-applicable fix (`policyc check --format json`). The meaning does not change.";

    UndefinedName = "R201", Error, "undefined name",
        "The name refers to a definition (subject, recipient, data set, statement, ...) that the policy does not define. Define it, or fix the spelling: the help names the closest defined name.";
    DuplicateDefinition = "R202", Error, "duplicate definition",
        "Two definitions of the same kind share one name within a policy. Names must be unique so references are unambiguous.";
    UnusedDefinition = "R203", Warning, "unused definition",
        "A subject, recipient or data set is defined but never used. Use it, or remove it so the policy says only what is true.";

    IncompleteStatement = "P301", Error, "statement lacks a part P3P requires",
        "P3P REC §3.3.1 requires every STATEMENT that is not NON-IDENTIFIABLE to say why data is collected (PURPOSE), who receives it (RECIPIENT), how long it is kept (RETENTION) and which data it is (DATA-GROUP). The message names the missing parts. Add `for ...`, `to ...`, `retain ...` and `data ...` to the `collect` block, or mark the statement `non-identifiable` if the data is anonymised.";
    MissingOptUri = "P302", Error, "opt-in or opt-out choice without `opturi`",
        "P3P REC §3.2.2 requires the POLICY's `opturi` attribute whenever any purpose or recipient carries `required=\"opt-in\"` or `required=\"opt-out\"`: user agents send people there to make the choice. Add `opturi \"https://...\"` (or a `mailto:` URI) to the policy, or change the choices to `always` if people in fact have no choice.";
    ChoiceNotAllowed = "P303", Error, "`current` or `ours` cannot take a choice",
        "P3P REC §3.3.4 and §3.3.5 do not allow the `required` attribute on the `current` purpose or the `ours` recipient (and the compact policy has no suffix for them, REC §4.2.5): completing the activity a person asked for, and keeping the data in-house, are not something they can opt in or out of. Remove the `opt-in`/`opt-out` after `current` or `ours` (or after a recipient defined with kind `ours`). If the use is really optional, it is some other purpose or recipient.";
    MissingCategories = "P304", Error, "data needs categories",
        "Variable-category elements (`dynamic.cookies`, `dynamic.miscdata`) and custom data have no fixed categories, so P3P REC §3.4 and §5.5.4 require the policy to declare them: user agents decide on categories. Add `categories ...` to the data item (for a cookie, `categories state, ...` in the `cookie` block).";
    IncompleteEntity = "P305", Error, "entity missing, unnamed or without contact",
        "P3P REC §3.2.4 requires exactly one ENTITY with the legal name of the organisation (`business.name`) and a way to reach it. Add an `entity \"Legal Name\" { ... }` block with at least one of `email`, `phone`, `postal { ... }` or `url`.";
    MissingDiscuri = "P306", Error, "policy has no `discuri`",
        "P3P REC §3.2.2 makes `discuri`, the URL of the human-readable privacy policy, a required attribute of every POLICY: it is where user agents send people to read the full text. Add `discuri \"https://www.example.com/privacy\"` (the URL where the HTML policy policyc generates will be published).";
    MissingAccess = "P307", Error, "policy has no `access` level",
        "P3P REC §3.2.5 requires every POLICY to disclose exactly one ACCESS value: how far people can see the identified data held about them. Add `access LEVEL` with one of `nonident`, `all`, `contact-and-other`, `ident-contact`, `other-ident`, `none`.";
    NoStatements = "P308", Error, "policy has no statements",
        "P3P REC §3.2.1 requires one or more STATEMENTs in every POLICY. A policy with no `collect` block and no `cookie` block says nothing about data. Add a `collect` block for each kind of data the site collects (or a `non-identifiable` one if it collects none).";
    UndescribedOtherPurpose = "P309", Error, "`other-purpose` without its description",
        "P3P REC §3.3.4: the `other-purpose` element carries, as its content, a human-readable description of the purpose. Without it the policy discloses nothing. Write `other-purpose \"what the data is used for\"`.";
    UndescribedOtherCategory = "P310", Warning, "`other-category` without a description",
        "P3P REC §3.4: the `other-category` element carries a human-readable description of the data as its content. Data marked `other-category` should therefore say in words what it is: give custom data a non-empty description, put schema elements in a described `data` set, or give a cookie a `holds \"...\"` line.";
    InvalidPolicyName = "P311", Error, "policy name is not a valid XML name / URL fragment",
        "The policy name becomes the P3P `POLICY/@name` (an XML ID, REC §3.2.2) and the URL fragment in the reference file's `POLICY-REF/@about` (REC §2.3.2). It must start with an ASCII letter or `_` and contain only ASCII letters, digits, `-`, `_` and `.`. Rename the policy.";
    DisputeWithoutService = "P312", Error, "dispute without a service URI",
        "P3P REC §3.2.6 makes the `service` attribute of DISPUTES required: the URI of the customer-service page, seal program, court or law that handles complaints. Write `dispute TYPE \"https://...\"`, or remove the dispute.";
    ShortExpiry = "P313", Warning, "expiry below one day",
        "P3P REC §2.3.2.3: user agents treat any relative EXPIRY below 86400 seconds as 86400 seconds, so a shorter expiry is not honoured and the policy cannot be changed faster than that. Use `expiry 1 days` or more, or remove `expiry` to get the one-day default.";
    ShadowedCookieBinding = "P314", Warning, "cookie binding can never match",
        "P3P REC §2.3.2.1: a user agent binds each cookie to the first POLICY-REF whose COOKIE-INCLUDE matches it. The marked cookie's pattern (its `name`, `domain` and `path`; `*` for each one left out, and `* * * *` for cookies collected as `data dynamic.cookies`) matches only cookies that an earlier pattern of another policy on the same site already matches, so its cookies are bound to that other policy and described by the other policy's compact policy. Give the cookie its real `name` (and `domain`/`path`), so that each policy's cookies are told apart, or describe the cookies in one policy.";
    SplitAccessCompactPolicy = "P315", Warning, "policies on one site disagree on access",
        "P3P REC §4.2.1: a compact policy carries exactly one ACCESS token, the one of the policy it stands for. The policies that apply on this site (with their cookies) declare different `access` levels, so no single compact policy can describe them all. policyc does not invent a value: the site's header (`p3p-header.txt`) stands for the first policy, and each policy gets its own header under `policies/<name>/`, to send on the paths it covers. Serve those, or give the policies the same access level if they really have it.";
    InvalidReferencePattern = "P316", Warning, "invalid URI pattern, cookie pattern or method",
        "P3P REC §2.3.2.1-2.3.2.5: INCLUDE and EXCLUDE hold local URI patterns (a path starting with `/`, URI characters only, `*` as the only wildcard, `%XX` escapes for anything else: no spaces, no backslashes), METHOD holds an HTTP method name (case-sensitive: `GET`, not `get`), and COOKIE-INCLUDE's `name`, `domain` and `path` are cookie attribute patterns (a cookie name without spaces or separators, a host name, a path starting with `/`). The marked value would reach the reference file and never match what the author meant. Fix the value as the help says. (A warning, so that files that built before keep building; treat it as an error.)";

    BrokenNoSale = "C401", Error, "practice breaks the no-sale promise",
        "The policy promises (`claim no-sale`) that personal data is not sold, but a `share` rule sells, rents or trades identifiable data (`sale yes`). The promise's `except` list allows a rule whose `basis` it names; `as-disclosed` makes the promise cover only undisclosed sales. Fix whichever is untrue: the practice, the promise, or its exceptions. If the source policy really says both, acknowledge the finding and quote it.";
    BrokenNoThirdPartySharing = "C402", Error, "practice breaks the no-third-party-sharing promise",
        "The policy promises (`claim no-third-party-sharing`) that data does not reach anyone but the site and its agents (recipient kind `ours`), yet a `share` rule, a `collect` block's `to`, or a `cookie`'s `to` or `provider` names a third party (any recipient whose kind is not `ours`). Exceptions: a `share` whose `basis` is in the promise's `except` list is allowed; `aggregate` allows non-identifiable data; `consent` allows opt-in choices; `as-disclosed` limits the promise to undisclosed sharing, which a written rule never is. Narrow the practice, add the exception the policy text states, or acknowledge a contradiction that the source policy really contains.";
    BrokenCookiesNotLinked = "C403", Error, "practice breaks the cookies-not-linked promise",
        "The policy promises (`claim cookies-not-linked`) that cookies are not linked to personally identifiable information, but a cookie says `linked yes`, or an identifiable `collect` block collects `dynamic.cookies` (which links cookie data to identified data in P3P, REC §3.3.1). Make the cookie `linked no` and the statement `non-identifiable`, or withdraw the promise.";
    BrokenNoCrossSiteTracking = "C404", Error, "practice breaks the no-cross-site-tracking promise",
        "The policy promises (`claim no-cross-site-tracking`) that cookies are not used to follow people across other sites, but a cookie says `cross-site yes`. Remove the cookie or the tracking, or withdraw the promise.";
    BrokenNotifyBeforeNewUse = "C405", Error, "change notice does not keep the notify-before-new-use promise",
        "The policy promises (`claim notify-before-new-use`) that people are told by email before their data is used in a new way. That needs a `changes` block with `notify email` and either `before-effective` (notice precedes the change) or `consent-for-new-uses` (people may refuse the new use, so they are asked first). The message says which part is missing; add it or reword the promise.";
    BrokenNotLinked = "C406", Error, "practice breaks a not-linked promise",
        "The policy promises (`claim not-linked ...`) that the named data elements or sets are not linked to personally identifiable information, but an identifiable `collect` block collects them. Mark that statement `non-identifiable`, move the data to a non-identifiable statement, or withdraw the promise.";
    BrokenNoIdentifiableCollection = "C407", Error, "practice breaks a no-identifiable-collection promise",
        "The policy promises (`claim no-identifiable-collection ...`) that no personally identifiable information is collected from the named subjects, but an identifiable `collect` block collects from them (a `collect` without `from` collects from everyone). Mark the statement `non-identifiable`, restrict its `from`, or withdraw the promise.";
    BrokenOnlyStatedPurpose = "C408", Error, "practice breaks the only-stated-purpose promise",
        "The policy promises (`claim only-stated-purpose`) that information is used only for the purpose for which it was provided, but an identifiable `collect` block uses it for another purpose. Only `current`, `admin` and `develop` keep that promise; with `except consent` an `opt-in` purpose is allowed too. Remove the purpose, make it opt-in with the exception, or reword the promise.";

    BrokenNoFlow = "C410", Error, "practice breaks a no-flow promise",
        "The policy promises (`claim no-flow` with scope lines) that a flow does not happen, for instance \"your card data does not pass through WorldPay\" (`data card-details` + `recipients worldpay`), yet a statement, cookie or sharing rule moves data in that scope. The finding prints the flow. Remove the flow, narrow the scope to what the text says, or acknowledge the contradiction with a quote of the text.";
    BrokenSilo = "C411", Error, "practice breaks a silo promise",
        "The policy promises (`claim silo` with `subjects` and `recipients`) that the data of some people never reaches some recipients, for instance \"no client sees another client's data\" (`subjects clients` + `recipients clients`), yet a flow takes data from those subjects to those recipients (a practice without `from` collects from everyone). Remove the flow, narrow the promise, or acknowledge the contradiction.";
    BrokenNoStorage = "C412", Error, "practice breaks a no-storage promise",
        "The policy promises (`claim no-storage`) that data in its scope is not stored, yet a practice in scope keeps it (any retention other than `no-retention`, REC §3.3.6, or a `retention` rule with a period). Declare `retain no-retention` if the data is discarded after the interaction, narrow the promise's `data` scope, or correct the promise.";
    BrokenConsentOnlyPublication = "C413", Error, "practice breaks a consent-only-publication promise",
        "The policy promises (`claim consent-only-publication`) that data in its scope is published only with the person's consent, yet a flow gives it to a `public` recipient (REC §3.3.5: bulletin boards, directories) with neither the recipient nor the purpose `opt-in` (REC §3.3.4: opt-in means the person affirmatively requested it). Make the publication opt-in or correct the promise.";
    BrokenRetentionCeiling = "C414", Error, "practice breaks a retention-ceiling promise",
        "The policy promises (`claim retention-ceiling \"30 days\"`) that data in its scope is deleted within a period, yet a practice in scope keeps it `indefinitely` or states a longer period (on its `retain` line or in a `retention` rule). Periods are compared as a number and a unit (months as 30 days, years as 365). Shorten the retention, narrow the scope, or correct the promise; GDPR Art. 5(1)(e) (storage limitation) asks for the shorter one.";
    BrokenNotifyNewUse = "C415", Error, "change notice does not keep the notify-new-use promise",
        "The policy promises (`claim notify-new-use`) that people are told by email of new uses of their data (without saying when: `notify-before-new-use` is the promise that says \"before\"). That needs a `changes` block with `notify email`. Add it, or correct the promise.";
    BrokenOptOutProcedure = "C416", Error, "a choice in scope has no opt-out channel, though the policy promises one",
        "The policy promises (`claim opt-out-procedure`) that it says how to make the choices it offers (\"The opt-out procedure is discussed in detail below\"), yet a practice in scope offers an `opt-in` or `opt-out` choice (a purpose, a recipient, a sharing rule's `choice`) that no `opt-out` channel with a `url` (a page, or a `mailto:` address) covers. P3P requires a way to exercise every choice (REC §3.2.2, `opturi`); CCPA § 1798.135 and GDPR Art. 7(3) and 21 ask that opting out be as easy as it is described. Give the channel its `url`, or, if the source never gives it, keep the encoding faithful and acknowledge the contradiction.";

    DeclaredNonIdentifiable = "F101", Error, "`non-identifiable` practice collects identifying data",
        "A statement or sharing rule is marked `non-identifiable` (P3P NON-IDENTIFIABLE, REC §3.3.3: no identified data, or data anonymized), yet its data includes what identifies a person: a name, an email address, a telephone number, a street address, a login or other unique identifier, or a government identifier. policyc derives identifiability from the data (see `policyc dump --facts`), and holds every promise to the derived value. Remove the identifying data, or drop `non-identifiable`.";
    DeclaredNotLinked = "F102", Error, "`linked no` cookie holds identifying data",
        "A cookie says `linked no` (what it holds is not tied to identified people), yet what it holds identifies people: categories `online`, `physical` or `government`, words such as \"email\" or \"login\" in `holds`, or an `individual-analysis` / `individual-decision` purpose (REC §3.3.4: those purposes use identified data). Say `linked yes`, or change what the cookie holds.";
    DeclaredNotCrossSite = "F103", Error, "cookie not declared cross-site is set by a third party for profiling",
        "A cookie says (or leaves at the default) `cross-site no`, yet it is set by a third party (`party third`) or a provider that is not the site's agent, and used for tailoring, profiling or marketing (`tailoring`, `pseudo-*`, `individual-*`, `contact`, `telemarketing`). Such a cookie is read on every site its setter serves. Say `cross-site yes`, or make the cookie first-party and its purposes the site's own.";
    DeclaredOursSold = "F104", Error, "recipient declared `ours` buys the data",
        "A sharing rule sells, rents or trades data (`sale yes`) to a recipient declared `ours` (REC §3.3.5: the site and its agents, who use data only on its behalf). The same holds for a recipient declared `ours` whose own description says it buys or rents the data, or uses it for its own marketing or purposes (\"companies that buy our mailing list\", \"data brokers\"). A company that buys the data uses it for itself: it is not an agent. Declare the recipient's real kind (`other-recipient`, `unrelated`), or correct the sale flag or the description.";
    DeclaredSaleBasis = "F105", Error, "a sale with a basis that does not fit a sale",
        "A sharing rule sells, rents or trades data (`sale yes`) with a `basis` (`legal-requirement`, `service-providers`, `protection` or `aggregate`) that no sale can have: the law does not require selling data, agents do not buy it, and a sale of identifiable data is not aggregate. The basis switches promise exceptions on, so a wrong one hides a broken promise. Give the basis the rule really has (`business-transfer`, `consent`) or none.";

    CatalogueFallback = "H001", Warning, "no message catalogue for the policy's language: the page's own text is in English",
        "The HTML page's own words (headings, labels, the privacy label's rows) come from a message catalogue, `locales/LANG.ftl`, picked by the policy's `language` (its primary subtag: `de-CH` reads `de`). policyc ships English, German and French. A policy whose only language has no catalogue keeps building: its page is written in English (`<html lang=\"en\">`), and the policy's own prose, in its language, is set in paragraphs that take their direction from their text (`dir=\"auto\"`), so Arabic or Hebrew prose reads right to left inside the English page. To get the whole page in the language, a catalogue for it has to be added to policyc (`locales/` and `src/vocabulary/reader/`, every message of `en.ftl`). A policy that declares several languages gets H004 instead.";
    TranslationMissing = "H002", Error, "prose without its translation into a declared language",
        "`language en, de, fr` promises one page per language. Every prose string of the policy (titles, descriptions, texts, periods, how to use a right: everything a reader reads that is not a name, address, URL or date) needs its translation in the language's block: `translation de { string \"the original text\", \"the German text\" }`, keyed by the original exactly as written. A string that stays the same in the language (a product name) is listed with `keep \"Google Analytics\"`. The build writes no page in any language while one is missing, so no published page silently falls back to the first language. When an original is edited, its old translation no longer matches: H002 points at the edited text and H005 at the stale translation.";
    CatalogueMessage = "H003", Error, "the language's message catalogue lacks a message a template needs",
        "Templates write the page's own words with `t(\"message-id\")`, from the catalogue of the page's language (`locales/LANG.ftl` and the reader wording in `src/vocabulary/reader/LANG.ftl`). Every shipped catalogue has every message of the English one (tested), so this happens with custom templates (`--templates DIR`) that ask for a message no catalogue has: the build fails, naming the template and line, and writes nothing. Use a message id of `locales/en.ftl`, or write the text into the template.";
    LanguageWithoutCatalogue = "H004", Error, "declared language without a message catalogue",
        "A policy that declares several languages (`language en, de, ar`) gets one page per language, each entirely in its language; a language with no shipped catalogue (`locales/LANG.ftl`; policyc ships `en`, `de`, `fr`) would get a page whose headings and labels are in another language. Remove the language, or add its catalogue to policyc. A policy with a single language falls back to English instead (H001).";
    TranslationUnused = "H005", Warning, "translation of a text the policy does not contain",
        "A `string \"original\", \"translation\"` line of a `translation` block is keyed by the original text, exactly as the policy writes it. This original is not (or no longer) a prose string of the policy: usually the policy's text was edited after the translation was made. The help names the closest prose string when there is one. Update the original (and check the translation still says the same), or remove the line.";
    TranslationUndeclared = "H006", Error, "translation into a language the policy does not declare",
        "A `translation LANG { ... }` block gives the prose in a further language; the language must be one of those `language` declares after the first (`language en, de` then `translation de`). The first language is the one the policy is written in and takes no translation. Add the language to `language`, or remove the block.";

    UnsafeOutputName = "O101", Error, "name cannot name an output file or folder",
        "`build` writes each policy file's outputs to `OUT/<file name>/`, each policy's HTML page to `<policy name>.html` and, when the policies cover several sites, each site's reference file to `sites/<site>/w3c/p3p.xml`. Such a name must be one safe path component: not empty, at most 100 bytes, not starting with `.` (`..` would leave the output folder), without `/`, `\\`, NUL, control characters or `:*?\"<>|`, not ending with `.` or a space, and not a device name Windows reserves (`CON`, `NUL`, `COM1`, ...). Policy names use ASCII letters, digits, `-` and `_`; sites are host names (RFC 1123 §2.1: dot-separated labels of letters, digits and `-`, at most 63 characters each). Rename the policy, the site or the file.";
    OutputNameCollision = "O102", Error, "two outputs differ only by case",
        "Two policy names, covered sites or policy files differ only by upper and lower case. On a case-insensitive file system (macOS, Windows) their outputs would overwrite each other, and the deployed files would not match the build. Give them names that differ by more than case.";

    HistoricalWithoutRetention = "Q501", Error, "`historical` purpose with `no-retention`",
        "Historical preservation (REC §3.3.4 `historical`) means keeping data for the record, but `no-retention` (REC §3.3.6) says the data is discarded after the single interaction. Both cannot be true. Choose the retention the site really practises (often `indefinitely` or `legal-requirement`) or drop the purpose.";
    IndividualUseOfNonIdentifiable = "Q502", Error, "individual purpose on non-identifiable data",
        "`individual-analysis` and `individual-decision` (REC §3.3.4) use data tied to an identified person, but the statement is `non-identifiable` (or the cookie is `linked no`). Either the data is identifiable, and the statement or cookie must say so, or the purpose is the pseudonymous one (`pseudo-analysis`, `pseudo-decision`).";
    SensitiveDataUnencrypted = "Q503", Warning, "sensitive data without transport encryption",
        "The policy collects financial, health or government-ID data but its `security` block has no `transport-encryption` measure covering that category. A careful reader (and most regulators) expect such data to be encrypted in transit. Add `transport-encryption \"...\"` (optionally `covers financial, health, government`) if the site does it; if it does not, fix the site.";
    RetentionPeriodUnstated = "Q504", Error, "`stated-purpose` retention without a stated period",
        "P3P REC §3.3.6: data kept for the stated purpose (or under business practices) must have a destruction timetable, and the human-readable policy must state it. Give the period after the retention value (`retain stated-purpose \"while the account is active\"`) or write a `retention NAME \"period\" { applies-to ... }` rule that covers the statement.";
    AccessContradictsRight = "Q505", Error, "`access` level contradicts the access right",
        "The policy declares `right access` (people can see their data) but its P3P `access` level is `none` (no access) or `nonident` (no identified data held). Declare the access level that matches what people can really see (`all`, `contact-and-other`, `ident-contact`, `other-ident`), or remove the right.";
    LinkedCookieWithoutIdentifiableStatement = "Q506", Error, "linked cookie but cookie data collected only non-identifiably",
        "A cookie says `linked yes` (what it holds is tied to identified people) while every `collect` block that collects `dynamic.cookies` is `non-identifiable`. One of them is wrong: make the cookie `linked no`, or make the statement that collects cookies identifiable.";
    ChoiceWithoutOptOut = "Q507", Warning, "choice offered with no way to exercise it",
        "A purpose, recipient or sharing rule is `opt-in` or `opt-out`, but no `opt-out` channel covers it. People are told they have a choice without being told how to make it. Add `opt-out NAME \"how\" { covers ... }` naming the statement, sharing rule or cookie (an `opt-out` without `covers` covers everything).";
    ContactPurposeWithoutContactData = "Q508", Warning, "contact purpose without contact data",
        "A statement has the `contact` (or `telemarketing`) purpose, but no identifiable statement in the policy collects online contact data (`online` category, e.g. an email address) or physical contact data (`physical`, e.g. a telephone number; telemarketing needs it). The site cannot contact people it has no contact data for: add the data, or drop the purpose.";
    RightWithoutMeans = "Q509", Warning, "right without a way to exercise it",
        "A `right` is declared with an empty description of how to exercise it. A right people cannot use is not a right. Write how: `right deletion \"Email privacy@example.com\"`.";

    NonidentAccessWithIdentifiableData = "Q510", Error, "`access nonident` but identified data is collected",
        "P3P REC §3.2.5: `nonident` means the site collects no identified data at all, so there is nothing to give access to. The policy says so, yet an identifiable `collect` block collects data that names or reaches a person: contact details (`physical`, `online` categories, such as a name or an email address) or government identifiers. (Identifiable clickstream data alone does not contradict it: REC Example 3.1 pairs the two.) Mark the statement `non-identifiable` if the data is anonymised, or declare the access people really have to their identified data (`all`, `contact-and-other`, `ident-contact`, `other-ident` or `none`).";

    NoRetentionWithOngoingContact = "Q511", Error, "`no-retention` beside ongoing contact",
        "A practice says its data is not retained (`no-retention`, REC §3.3.6: discarded after the single interaction) yet uses it for `contact` or `telemarketing` (REC §3.3.4), which means coming back to the person later with the same contact data. Both cannot be true. Declare the retention the site practises, or drop the purpose.";
    RetentionValueAgainstPeriod = "Q512", Error, "P3P retention value contradicts the written period",
        "REC §3.3.6 gives each retention value a meaning: `no-retention` is at most the interaction, `indefinitely` has no end, `stated-purpose` and `business-practices` need a destruction timetable. The period written after the value says otherwise (a year beside `no-retention`, \"30 days\" beside `indefinitely`, \"indefinitely\" beside `stated-purpose`). Choose the value that matches the period the policy states.";
    TwoRetentionPeriods = "Q513", Error, "two retention periods for one statement",
        "A statement states one retention period on its `retain` line and a `retention` rule that names it states another (or two rules that name it disagree). A reader cannot tell how long the data is kept. State one period, or split the statement so each period has its own data. Periods are compared by length; words such as \"after the account is closed\" are set aside.";
    DeletionRightBesideKeepForever = "Q514", Error, "deletion right beside data kept indefinitely",
        "The policy grants a right to deletion, yet an identifiable statement keeps its data `indefinitely` (REC §3.3.6) and the right states no `limits` saying what is kept. GDPR Art. 17 and CCPA §1798.105 make deletion a right with stated exceptions. State the retention that applies after a request, or the right's limits.";
    SameUseTwoChoices = "Q515", Warning, "the same use is `always` in one place and a choice in another",
        "Two statements use the same identifying data for the same purpose, one `always` (REC §3.3.4: no choice) and one `opt-in` or `opt-out`. The person is told they have a choice that the other statement takes away. Give the use one choice everywhere.";
    ShareChoiceAgainstStatement = "Q516", Warning, "a sharing rule's choice contradicts the statement's recipient choice",
        "A `share` rule gives data to a recipient with one `choice`, while a statement names the same recipient in its `to` line with another (REC §3.3.5 `required`). The P3P output and the human-readable policy then disagree about whether the person may refuse. Use the same choice in both.";
    SensitiveDataToPublic = "Q517", Warning, "health or financial data to the public or unrelated third parties",
        "A practice gives health or financial data (REC §3.4 categories `health`, `financial`) to a `public` or `unrelated` recipient (REC §3.3.5) without an opt-in. Special-category data needs explicit consent (GDPR Art. 9(2)(a)); financial data given to unknown parties is what a careful reader fears most. Make the recipient or purpose `opt-in`, keep the data from it, or share it non-identifiably.";
    MeasureOfAnotherParty = "Q518", Warning, "another party's security measure counted for the site's own data",
        "A `transport-encryption` measure's description says it is another party's (it begins with the name of a defined recipient, such as \"WorldPay keeps your card details ... SSL\"), yet sensitive data the measure would cover is also given to the site itself. Another party's measure protects only what that party holds: state the site's own measure, and say whose each measure is.";
    ChildDataWithoutParentalConsent = "Q519", Error, "identifying data from children without parental consent",
        "A statement collects identifying data (names, contact details, logins) from a subject whose name or description marks children (\"children\", \"kids\", \"under 13\"), and nothing in the statement or the subject says a parent or guardian consents. COPPA (16 CFR §312.5) requires verifiable parental consent; GDPR Art. 8 requires a parent's consent for information society services. Say how a parent consents, or do not collect identifying data from children.";
    MarketingToChildren = "Q520", Error, "marketing to children",
        "A statement uses data from children for `contact` or `telemarketing` (REC §3.3.4: marketing). COPPA (16 CFR §312.7) forbids conditioning participation on more data than needed, and GDPR recital 38 gives children's data specific protection in marketing. Drop the purpose, or contact the parents instead.";
    RightWithAccessNone = "Q521", Error, "deletion, export or correction promised with `access none`",
        "The policy grants a right of deletion, export or correction, each of which needs the person to reach their identified data, yet its P3P `access` level is `none` (REC §3.2.5: no access to identified data). Declare the access people really have, or remove the right.";
    ThirdPartyCookieWithoutProvider = "Q522", Error, "third-party cookie without a provider",
        "A cookie is `party third` but names no `provider`: the policy tells people a third party sets it without saying which. The P3P output cannot list its recipient, and a reader cannot look up that party's practices. Name the recipient that sets and reads it (`provider NAME`).";

    UnmatchedAcknowledgment = "A601", Warning, "acknowledgment matches no finding",
        "An `acknowledge CODE at TARGET` line matches no finding: the finding was fixed, or the code or target is misspelt. Targets are the finding's target exactly (`collect NAME`, `share NAME`, `cookie NAME`, `policy NAME`, ...). Remove the acknowledgment, or correct it; `policyc check --format json` shows each finding's target.";
    UnknownAcknowledgedCode = "A602", Error, "acknowledgment names an unknown code",
        "An `acknowledge` line names a code policyc does not have. Codes are a letter and three digits (`C402`); `policyc explain --list` lists them. Correct the code.";
    StaleAcknowledgment = "A603", Error, "acknowledged finding's flows changed",
        "An `acknowledge CODE at TARGET fingerprint F because \"...\"` line accepted a finding about certain data flows: F is the fingerprint of the code, the target and the flows the finding was about (practice, subject, data leaf, purpose and its choice, recipient with its kind, choice and basis, the promise it breaks). The finding at that target now has other flows (a recipient, data, purpose or subject was added or removed), so it is reported again as a new finding and fails the run: an acknowledgment accepts what the owners read, not whatever the element later becomes. The message names the flows added or removed when one fact explains the change. Review the finding as it is now; if it is still accepted, write the new fingerprint in the acknowledgment (the finding shows it; `policyc check --update-acknowledgments` rewrites it, `--format json` gives the edit as a `fix`), and revise the reason if it no longer covers the flows; otherwise change the policy.";
    AcknowledgmentWithoutFingerprint = "A604", Warning, "acknowledgment without a fingerprint",
        "An `acknowledge CODE at TARGET because \"...\"` line has no fingerprint, so it accepts any finding with that code at that target, including one about data or recipients added after it was written (adding data brokers to an acknowledged sharing rule would pass unnoticed). It still works as before. Add the fingerprint of the finding it accepts, which the message gives (`acknowledge CODE at TARGET fingerprint F because \"...\"`); `policyc check --update-acknowledgments` adds it to every acknowledgment of a file, and `--format json` gives the edit as a `fix`. From then on a change to the finding's flows is reported (A603).";
    UnmappedStoreData = "M801", Error, "data with no app-store data type",
        "The policy declares an `app`, so `policyc build` writes its app-store privacy answers (Apple's privacy manifest `PrivacyInfo.xcprivacy` and App Store answers; Google Play's Data safety answers). Each data item must become one of the stores' data types: base data schema elements map by name (`user.home-info.online.email` is Apple's Email Address and Play's Email address), other data by its categories (`location` is Precise location, `purchase` is Purchase history, ...). The marked item is described only as `other-category`, which says nothing a store label could show, and Apple accepts only its own constants (\"Xcode won't generate a privacy report correctly if you define your own collected data types\"). Give the item a category that says what it is (`interactive`, `content`, `preference`, `demographic`, ...), or use the base data schema element it is.";
    UnmappedPlayPurpose = "M802", Error, "purpose with no Google Play equivalent",
        "The policy's `app` is published on Android, so its Google Play Data safety answers are written. Play's form asks why each data type is collected or shared and offers seven answers only: App functionality, Analytics, Developer communications, Advertising or marketing, Fraud prevention, security and compliance, Personalization, Account management. P3P's `historical` and `other-purpose` have no equivalent, and Play has no \"other\" answer. Name the purpose the data really serves (`current`, `admin`, `develop`, `tailoring`, `pseudo-analysis`, `contact`, ...), or limit the `app` to `platforms ios` if the Android app does not collect this data.";
    TrackingWithoutDomains = "M803", Error, "tracking without tracking domains",
        "Some of the app's data is used for tracking in Apple's sense (App Store privacy details: linking data about a user with third parties' data for targeted advertising or advertising measurement, or sharing it with data brokers): an identifiable flow goes to `unrelated` or `public` recipients for marketing or profiling, data is sold, or a cookie is `cross-site`. The privacy manifest then sets `NSPrivacyTracking` and, per Apple's documentation of `NSPrivacyTrackingDomains`, must list at least one domain the app contacts for tracking (without App Tracking Transparency permission iOS blocks them). Add `tracking-domains \"ads.example.net\"` to the `app` block.";
    AppWithoutIdentifier = "M804", Warning, "app without its store identifier",
        "The `app` block names no identifier for a platform it is published on: Apple apps are identified by their bundle ID (`bundle-id \"com.example.notes\"`), Android apps by their package name (`package \"com.example.notes\"`). The outputs are written without it, but App Store Connect and the Play Console key the answers by it. Add the identifier, or list only the platforms the app is on (`platforms ios`).";
    GpcDateBeforeEffective = "M805", Error, "GPC statement dated before the policy takes effect",
        "The policy says whether it honours Global Privacy Control (`gpc honoured`), so `policyc build` writes `/.well-known/gpc.json` with `lastUpdate`: the date the statement of support was made (GPC specification §4, an RFC 3339 date). policyc takes it from `updated`, or from `effective` when there is no `updated`. Here `updated` is earlier than `effective`: the file would date the statement before the policy that makes it took effect, and the specification uses `lastUpdate` precisely so that the legal reading of the statement is fixed by its date. Set `updated` to the effective date or later (the date the notice was last changed).";
    XmlMalformed = "X701", Error, "P3P XML is not well-formed",
        "`policyc import` reads P3P 1.0 XML. The file is not well-formed XML at the marked place (an unclosed tag, a stray end tag, bad characters). Fix the XML: `xmllint --noout FILE` shows the same problem. REC Example 3.2 as circulated has this defect: remove the stray `<CATEGORIES>` and `</DATA>` lines in its fourth statement.";
    NotP3p = "X702", Error, "not a P3P 1.0 document",
        "`policyc import` reads a P3P policy file (root `POLICIES` or `POLICY`) or a policy reference file (root `META`) in the P3P 1.0 namespace `http://www.w3.org/2002/01/P3Pv1` (REC §2.3, §3.2). The file's root element or namespace is something else. Check that you passed the P3P file, not the HTML policy or another XML file.";
    OldP3pNamespace = "X703", Warning, "pre-Recommendation P3P namespace",
        "The document uses a P3P working-draft namespace (such as `http://www.w3.org/2001/09/P3Pv1`) instead of the Recommendation's `http://www.w3.org/2002/01/P3Pv1`. policyc reads it as P3P 1.0; the files `policyc build` writes use the Recommendation's namespace. Check the imported policy against the REC vocabulary.";
    UnknownP3pElement = "X704", Warning, "unknown P3P element or value",
        "The element is not part of P3P 1.0 in this place (REC §3), for example an obsolete draft term such as `customization` (now `tailoring`), a misspelled purpose, or a data reference that is not in the base data schema (REC §5.5). The help names the closest P3P term. `policyc import` leaves it out and imports the rest: fix the XML and import again, or write the practice in the imported policy source by hand.";
    NotCarried = "X705", Warning, "P3P content not carried into the policy source",
        "The marked P3P content has no place in policyc's policy model (for example an `EXTENSION`, a `HINT`, a `COOKIE-EXCLUDE`, an absolute EXPIRY date or an ENTITY element other than name, department, postal address, email, URL and telephone). The import continues without it; add what matters to the generated source by hand (as prose in a `section`, for instance).";
    MissingP3pPart = "X706", Warning, "required P3P element or attribute missing",
        "P3P 1.0 requires the marked part: a POLICY needs `name` and `discuri` (REC §3.2.2), an ENTITY with `#business.name` (REC §3.2.4) and exactly one ACCESS value (REC §3.2.5); a POLICY-REF needs `about`; a DISPUTES needs `resolution-type` and `service` (REC §3.2.6); a DATA needs `ref`. `policyc import` imports the rest: a policy without a name gets one (X707), and what else is missing is missing from the source too, where `policyc check` reports it. Add it to the XML and import again, or to the imported source.";
    ImportRenamed = "X707", Warning, "imported name rewritten",
        "P3P allows any XML ID as a POLICY name (REC §3.2.2), but names in the policy language start with a letter and hold only letters, digits, `-` and `_`, and every policy needs one. `policyc import` rewrote the marked name (a name with `.`, spaces, line breaks or braces, a missing name, a duplicate, or a name that clashes with a derived cookie policy) into a valid, unique one. The P3P name and the POLICY-REF fragments become the new name when you build; keep it, or rename the policy and its references together.";
    ImportGuessed = "X708", Warning, "import guessed a value the P3P does not state",
        "A policy reference file applies to the host it is served from (REC §2.2.1), which the file itself does not say. `policyc import` took the host of `covers` from an absolute POLICY-REF `about` or the policy's `discuri`, or wrote `*` (any host) when neither is absolute. Correct the `covers` host if the reference file is served elsewhere.";
    XmlTooDeep = "X709", Error, "P3P XML nested too deeply",
        "P3P 1.0 documents nest fewer than 20 levels (POLICIES, POLICY, STATEMENT, DATA-GROUP, DATA, CATEGORIES, ...: REC §3). `policyc import` reads at most 64 levels so that a hostile file cannot exhaust memory or the stack. The file is damaged or generated wrongly; fix the XML.";
    CpSyntax = "X711", Error, "compact policy is malformed",
        "A compact policy is `CP=\"...\"`: three-letter upper-case tokens separated by single spaces, inside double quotes (REC §4.1). The value is case-sensitive: write `CUR`, not `cur`. The marked place breaks that form.";
    CpUnknownToken = "X712", Error, "unknown compact policy token",
        "The token is not one of the compact policy tokens of REC §4.2 (access, DSP, remedies, NID, purposes, recipients, retention, categories, TST). The help names the closest token; obsolete draft tokens such as `CUS` (now `TAI`) are not P3P 1.0. User agents may treat a CP with an unknown token as invalid: fix or remove it.";
    CpSuffixNotAllowed = "X713", Error, "suffix not allowed on this compact token",
        "Only purpose and recipient tokens take the `a`/`i`/`o` suffix (REC §4.2.5-6), and never `CUR` or `OUR`: the `current` purpose and the `ours` recipient have no `required` attribute. The common `CURa` and `OURi` are not REC-conformant. Write the bare token.";
    CpMissingGroup = "X714", Error, "compact policy lacks a required group",
        "Every compact policy carries exactly one ACCESS token (REC §4.2.1), and, unless it is `NID` (all data non-identifiable), at least one purpose, one recipient, one retention and one category token, as every identifiable statement of the full policy has them and its data has categories (REC §3.3.1, §4; the W3C validator checks all four). Add the missing tokens, derived from the policy that covers the cookies.";
    CpDuplicate = "X715", Warning, "compact policy token repeated",
        "The same token (or the same purpose or recipient with another suffix) appears more than once. Repeats add nothing; conflicting suffixes are ambiguous (REC §4 does not say which wins). Keep one token, with the least restrictive suffix that is true of any use (policyc's rule: always > opt-out > opt-in).";
    CpContradiction = "X716", Error, "compact policy contradicts itself",
        "Two parts of the compact policy cannot both be true: `NID` (no identifiable data) or `NOI` (no identified data collected) next to categories of identified contact or identity data (`PHY`, `ONL`, `GOV`) or purposes that need an identified person (`IVA`, `IVD`, `CON`, `TEL`); or more than one ACCESS token. Re-derive the compact policy from the full policy (`policyc build`) rather than editing it by hand.";
    CpTestPolicy = "X717", Warning, "compact policy marked as a test",
        "`TST` marks a test or example policy (REC §4.2.9): user agents must not treat it as the site's real policy, and some treated the whole CP as invalid. Remove `test` from the policy before deploying it.";
    CpSuffixIgnored = "X718", Warning, "suffix on `CUR` or `OUR`",
        "P3P REC §4.2.5: the `current` purpose and the `ours` recipient take no `required` attribute, so their compact tokens `CUR` and `OUR` take no `a`/`i`/`o` suffix. The IBM P3P Policy Editor wrote `CURa` and `OURa` for them, and Internet Explorer accepts them, reading them as `CUR` and `OUR`; other user agents and the W3C validator may reject the whole compact policy. Write `CUR` and `OUR`.";

    GdprController = "G801", Error, "GDPR: controller identity or contact details missing",
        "GDPR Art. 13(1)(a) and 14(1)(a) require the notice to give \"the identity and the contact details of the controller\". Add an `entity \"Legal Name\" { ... }` block with at least one of `email`, `phone`, `postal { ... }` or `url`.";
    GdprRepresentative = "G802", Error, "GDPR: representative missing or without contact details",
        "GDPR Art. 13(1)(a) and 14(1)(a) also require the identity and contact details of the controller's representative where one is designated; Art. 27 requires one when the controller is not established in the Union (for the UK GDPR: in the UK). The check fires when the entity's postal country is outside the EEA (or the UK) and no `representative eu` (or `representative uk`) is declared, or when a representative has no contact details. Add `representative eu \"Name\" { email \"...\" }`.";
    GdprDpoContact = "G803", Error, "GDPR: DPO without contact details",
        "GDPR Art. 13(1)(b) and 14(1)(b) require \"the contact details of the data protection officer, where applicable\". The `dpo` block names one but gives no way to reach them: add `email`, `phone`, `url` or `postal`.";
    GdprPurpose = "G804", Error, "GDPR: practice with no purpose",
        "GDPR Art. 13(1)(c) and 14(1)(c) require \"the purposes of the processing for which the personal data are intended\". An identifiable `collect`, `cookie` or `share` block states none: add `for ...`.";
    GdprBasis = "G805", Error, "GDPR: purpose without a legal basis",
        "GDPR Art. 13(1)(c) and 14(1)(c) require \"the legal basis for the processing\" of each purpose, one of Art. 6(1)(a)-(f). The check looks at every practice the data flows through (`collect`, `cookie`, `share`), purpose by purpose. Add `basis BASIS` (for every purpose of the block) or `basis PURPOSE BASIS`; bases: consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests.";
    GdprInterest = "G806", Error, "GDPR: legitimate interests not stated",
        "GDPR Art. 13(1)(d) and 14(2)(b): \"where the processing is based on point (f) of Article 6(1), the legitimate interests pursued by the controller or by a third party\". Write the interest after the basis: `basis admin legitimate-interests \"keeping the service secure\"`.";
    GdprRecipients = "G807", Error, "GDPR: recipients not stated",
        "GDPR Art. 13(1)(e) and 14(1)(e) require \"the recipients or categories of recipients of the personal data, if any\"; processors count as recipients (Art. 4(9)). An identifiable `collect` block names none: add `to ours, ...`.";
    GdprTransferDestination = "G808", Error, "GDPR: transfer without a destination",
        "GDPR Art. 13(1)(f) and 14(1)(f) require the notice to state \"the fact that the controller intends to transfer personal data to a third country or international organisation\"; Art. 30(1)(e) records identify the country. Add `to \"US\"` (countries or regions) to the `transfer` block.";
    GdprTransferSafeguard = "G809", Error, "GDPR: transfer without a safeguard",
        "GDPR Art. 44: a transfer outside the EEA (or the UK under the UK GDPR) may take place only under an adequacy decision (Art. 45), appropriate safeguards (Art. 46, 47) or a derogation (Art. 49); Art. 13(1)(f) and 14(1)(f) require the notice to state \"the existence or absence of an adequacy decision\" and the safeguards. Add `safeguard adequacy`, `scc`, `bcr`, ... to the `transfer` block.";
    GdprTransferCopy = "G810", Error, "GDPR: no way to get a copy of the transfer safeguards",
        "GDPR Art. 13(1)(f) and 14(1)(f): for transfers under Art. 46, 47 or the second subparagraph of Art. 49(1), the notice refers to the safeguards and \"the means by which to obtain a copy of them or where they have been made available\". Add `copy \"https://...\"` (or how to ask for one) to the `transfer` block.";
    GdprRetention = "G811", Error, "GDPR: storage period or criteria not stated",
        "GDPR Art. 13(2)(a) and 14(2)(a) require \"the period for which the personal data will be stored, or if that is not possible, the criteria used to determine that period\". Give the period or criteria after the retention value (`retain stated-purpose \"13 months after your last order\"`), or add a `retention` rule that applies to the block; for a cookie, its `lifetime`.";
    GdprRightAccess = "G812", Error, "GDPR: right of access not stated",
        "GDPR Art. 13(2)(b) and 14(2)(c) require the notice to state the existence of the right to request access to personal data (Art. 15). Add `right access \"how to ask\"`.";
    GdprRightRectification = "G813", Error, "GDPR: right to rectification not stated",
        "GDPR Art. 13(2)(b) and 14(2)(c) require the notice to state the existence of the right to rectification (Art. 16). Add `right rectification \"how to ask\"`.";
    GdprRightErasure = "G814", Error, "GDPR: right to erasure not stated",
        "GDPR Art. 13(2)(b) and 14(2)(c) require the notice to state the existence of the right to erasure (Art. 17). Add `right erasure \"how to ask\"`.";
    GdprRightRestriction = "G815", Error, "GDPR: right to restriction not stated",
        "GDPR Art. 13(2)(b) and 14(2)(c) require the notice to state the existence of the right to restriction of processing (Art. 18). Add `right restriction \"how to ask\"`.";
    GdprRightObjection = "G816", Error, "GDPR: right to object not stated",
        "GDPR Art. 13(2)(b) and 14(2)(c) require the notice to state the right to object (Art. 21). The right exists for processing based on legitimate interests or a public task (Art. 21(1)) and for direct marketing (Art. 21(2)), so the check fires when a purpose rests on `legitimate-interests` or `public-task`, or is `contact` or `telemarketing`, and no `right objection` is stated. The finding points at such a purpose.";
    GdprRightPortability = "G817", Error, "GDPR: right to data portability not stated",
        "GDPR Art. 13(2)(b) and 14(2)(c) require the notice to state the right to data portability (Art. 20). The right exists where processing rests on consent or a contract (Art. 20(1)), so the check fires when such a purpose exists and no `right portability` is stated.";
    GdprWithdrawConsent = "G818", Error, "GDPR: consent basis without the right to withdraw",
        "GDPR Art. 13(2)(c) and 14(2)(d): where processing rests on consent (Art. 6(1)(a) or 9(2)(a)), the notice states \"the right to withdraw consent at any time, without affecting the lawfulness of processing based on consent before its withdrawal\"; Art. 7(3): withdrawing is as easy as giving. Add `right withdraw-consent \"how\"`.";
    GdprComplaint = "G819", Error, "GDPR: right to complain to a supervisory authority not stated",
        "GDPR Art. 13(2)(d) and 14(2)(e) require \"the right to lodge a complaint with a supervisory authority\" (Art. 77). Add `authority \"Name\" { url \"...\" }` naming the authority, or `right complaint \"how\"`.";
    GdprRequirement = "G820", Error, "GDPR: whether the data is required is not stated",
        "GDPR Art. 13(2)(e) requires \"whether the provision of personal data is a statutory or contractual requirement, or a requirement necessary to enter into a contract, as well as whether the data subject is obliged to provide the personal data\". Every identifiable `collect` block that collects from the person (no `source`) says so: `requirement statutory|contractual|contract-entry|voluntary \"what happens if not given\"`.";
    GdprConsequence = "G821", Error, "GDPR: consequences of not giving the data not stated",
        "GDPR Art. 13(2)(e) requires \"the possible consequences of failure to provide such data\". Write them after the requirement: `requirement contractual \"Without it we cannot deliver your order.\"` (a `voluntary` requirement needs none).";
    GdprAutomatedLogic = "G822", Error, "GDPR: automated decision without its logic",
        "GDPR Art. 13(2)(f) and 14(2)(g): for automated decision-making, including profiling, under Art. 22(1) and (4), the notice gives \"meaningful information about the logic involved\". Add `logic \"...\"` to the `automated` block.";
    GdprAutomatedEffects = "G823", Error, "GDPR: automated decision without its significance and consequences",
        "GDPR Art. 13(2)(f) and 14(2)(g) require \"the significance and the envisaged consequences of such processing for the data subject\". Add `effects \"...\"` to the `automated` block.";
    GdprAutomatedUndeclared = "G824", Warning, "GDPR: individual decisions without an automated-decision statement",
        "A purpose `individual-decision` makes decisions that directly affect a person (P3P REC §3.3.4). If they are based solely on automated processing with legal or similarly significant effects, Art. 22 applies and Art. 13(2)(f) / 14(2)(g) require the notice to say so, with the logic and effects. Add an `automated { logic \"...\" effects \"...\" }` block, or acknowledge the finding stating why no such decision is made.";
    GdprCategories = "G825", Error, "GDPR: categories of data not obtained from the person not stated",
        "GDPR Art. 14(1)(d): where data are not obtained from the person, the notice states \"the categories of personal data concerned\". A block with a `source` lists no data: add `data ...`.";
    GdprSource = "G826", Error, "GDPR: source of data not described",
        "GDPR Art. 14(2)(f) requires \"from which source the personal data originate, and if applicable, whether it came from publicly accessible sources\". Describe the source: `source third-party \"our resellers\"` or `source public \"the companies register\"`.";
    GdprConsentChoice = "G827", Error, "GDPR: consent basis without an opt-in choice",
        "Consent must be \"freely given\" and an \"unambiguous indication\" by \"a clear affirmative action\" (GDPR Art. 4(11), 7(4)): a purpose that rests on consent must be one the person opts in to. Mark the purpose `opt-in` (and, for data collected in the same block, keep the other purposes on another basis), or choose another basis.";
    GdprSpecialCategory = "G829", Error, "GDPR: special-category data without an Art. 9(2) condition",
        "GDPR Art. 9(1) prohibits processing special categories of data (racial or ethnic origin, political opinions, religious or philosophical beliefs, trade-union membership, genetic, biometric, health, sex life or sexual orientation) unless a condition of Art. 9(2) applies, in addition to an Art. 6(1) basis. The check reads the data's P3P categories (`health`, `political`) and the block's `sensitive` list. Add `condition explicit-consent` (or another Art. 9(2) condition).";
    GdprChildConsent = "G830", Error, "GDPR: children's data on consent without parental consent",
        "GDPR Art. 8(1): where information society services are offered to a child on the basis of consent, processing of a child under 16 (or the lower age a Member State sets, not below 13) is lawful only with the consent or authorisation of the holder of parental responsibility; Art. 8(2) requires reasonable efforts to verify it. The policy says it handles data of people under 16 (`minors { under-16 yes }`) and relies on consent: add `consent parental` (or `both`) and a `process \"...\"` to the `minors` block.";
    GdprRightMeans = "G831", Error, "GDPR: right offered without a way to exercise it",
        "GDPR Art. 12(2) requires the controller to facilitate the exercise of the rights, and Art. 12(1) clear and plain information. A `right` whose \"how\" is empty tells nobody how to use it. Write how: `right access \"Email privacy@example.com\"`.";
    GdprBasisPurpose = "G832", Error, "GDPR: basis given for a purpose the practice does not have",
        "A `basis PURPOSE BASIS` line names a purpose that is not among the block's `for` purposes, so it grounds nothing (GDPR Art. 13(1)(c) asks for the basis of each actual purpose). Fix the purpose or add it to `for`.";
    GdprTransferRecipient = "G833", Error, "GDPR: transfer names an undefined recipient",
        "A `transfer` block's `recipients` must name recipients the policy defines (`recipient NAME KIND \"...\"`), so the notice can say who receives the data abroad (GDPR Art. 13(1)(e), (f)). Define it or fix the spelling.";

    CcpaRightToKnow = "K901", Error, "CCPA: right to know not described",
        "Cal. Civ. Code § 1798.130(a)(5)(A) requires the privacy policy to describe the rights under §§ 1798.100, 1798.110 and 1798.115 (the right to know; 11 CCR § 7011(e)(2)(A)). Add `right know \"how to ask\"` (or `right access`).";
    CcpaRightToDelete = "K902", Error, "CCPA: right to delete not described",
        "Cal. Civ. Code § 1798.130(a)(5)(A) and § 1798.105; 11 CCR § 7011(e)(2)(B). Add `right delete \"how to ask\"`.";
    CcpaRightToCorrect = "K903", Error, "CCPA: right to correct not described",
        "Cal. Civ. Code § 1798.130(a)(5)(A) and § 1798.106; 11 CCR § 7011(e)(2)(C). Add `right correct \"how to ask\"`.";
    CcpaNonDiscrimination = "K904", Error, "CCPA: right to non-discrimination not described",
        "Cal. Civ. Code § 1798.130(a)(5)(A) and § 1798.125; 11 CCR § 7011(e)(2)(F). Add `right non-discrimination \"We will not deny you goods or services ...\"`.";
    CcpaRequestMethods = "K905", Error, "CCPA: fewer than two request methods",
        "Cal. Civ. Code § 1798.130(a)(1) and (a)(5)(A) require \"two or more designated methods for submitting requests\" (an online-only business with a direct relationship may offer an email address alone); 11 CCR § 7011(e)(3)(A)-(B). List them in the `ccpa` block: `methods \"https://example.com/requests\", \"1-800-555-0100\"`.";
    CcpaCategoryUnmapped = "K906", Error, "CCPA: data with no CCPA category",
        "Cal. Civ. Code § 1798.130(a)(5)(B)(i) and (c) require the categories of personal information collected, named with the statutory categories of § 1798.140(v)(1). policyc derives them from the P3P categories (table in `src/vocabulary/law_mappings.rs`); `other-category` maps to none. Add a P3P category that says what the data is (e.g. `categories other-category, purchase`).";
    CcpaSource = "K907", Error, "CCPA: source of personal information not described",
        "Cal. Civ. Code § 1798.130(a)(5)(B)(ii) requires \"the categories of sources from which consumers' personal information is collected\" (11 CCR § 7011(e)(1)(B)). Describe the source: `source third-party \"advertising networks\"`.";
    CcpaPurpose = "K908", Error, "CCPA: practice with no business or commercial purpose",
        "Cal. Civ. Code § 1798.130(a)(5)(B)(iii) and § 1798.100(a)(1) require the business or commercial purpose for collecting, selling or sharing (11 CCR § 7011(e)(1)(C)). An identifiable block states no purpose: add `for ...`.";
    CcpaThirdParty = "K909", Error, "CCPA: recipient without a description",
        "Cal. Civ. Code § 1798.130(a)(5)(B)(iv) requires \"the categories of third parties to whom the business discloses consumers' personal information\" (11 CCR § 7011(e)(1)(E), (I)). A recipient that receives data but is not ours has no description: write it, e.g. `recipient adnet unrelated \"advertising networks\"`.";
    CcpaDisclosureUnclassified = "K910", Warning, "CCPA: disclosure to a third party not classified",
        "Cal. Civ. Code § 1798.130(a)(5)(C) requires separate lists of the categories sold or shared and of those disclosed for a business purpose (11 CCR § 7011(e)(1)(D), (H)). Whether giving data to a third party is a sale (§ 1798.140(ad)), sharing for cross-context behavioural advertising ((ah)) or a business-purpose disclosure ((e)) is a judgement P3P cannot express. Add `disclosure sold`, `shared` or `business-purpose` to the block.";
    CcpaDisclosurePurpose = "K911", Error, "CCPA: disclosure without its purpose",
        "11 CCR § 7011(e)(1)(F) and (J) require the specific purpose for selling, sharing or disclosing personal information for a business purpose. A `share` block that discloses data states no purpose: add `for ...`.";
    CcpaSensitiveUse = "K912", Error, "CCPA: use of sensitive personal information not stated",
        "11 CCR § 7011(e)(1)(K) requires the privacy policy to say whether the business uses or discloses sensitive personal information (§ 1798.140(ae)) for purposes other than those of § 7027(m). The policy collects such information (from its P3P categories `health` or `government`, `user.login`, or a `sensitive` list). Add `sensitive-use permitted` or `sensitive-use beyond \"...\"` to the `ccpa` block.";
    CcpaOptOutLink = "K913", Error, "CCPA: selling or sharing without a \"Do Not Sell or Share\" link",
        "Cal. Civ. Code § 1798.135(a)(1): a business that sells or shares personal information provides a clear and conspicuous link titled \"Do Not Sell or Share My Personal Information\" (or honours opt-out preference signals in a frictionless manner, § 1798.135(b)). Add `do-not-sell \"https://...\"` to the `ccpa` block.";
    CcpaGpcUnstated = "K914", Error, "CCPA: selling or sharing without a Global Privacy Control statement",
        "11 CCR § 7011(e)(3)(F) requires a business that sells or shares to explain how it processes opt-out preference signals such as Global Privacy Control, and § 1798.135(c)(2) allows a statement that it honours them. Add `gpc honoured` (or `gpc not-honoured`, which K915 then reports).";
    CcpaGpcIgnored = "K915", Error, "CCPA: opt-out preference signals not honoured",
        "11 CCR § 7025(b): a business that sells or shares personal information must process a qualifying opt-out preference signal, such as Global Privacy Control, as a valid request to opt out of sale and sharing. The policy says `gpc not-honoured`: honour the signal (`gpc honoured`) or stop selling and sharing.";
    CcpaLimitLink = "K916", Error, "CCPA: sensitive information used beyond permitted purposes without a \"Limit\" link",
        "Cal. Civ. Code § 1798.135(a)(2) and § 1798.121: a business that uses or discloses sensitive personal information beyond the purposes of § 1798.121(a) provides a link titled \"Limit the Use of My Sensitive Personal Information\". Add `limit-use \"https://...\"` to the `ccpa` block.";
    CcpaMinorsUnstated = "K917", Error, "CCPA: no statement about minors under 16",
        "11 CCR § 7011(e)(1)(G) requires the privacy policy to say whether the business has actual knowledge that it sells or shares the personal information of consumers under 16. Add `minors { under-16 no }` (or `yes` with the opt-in `consent` and `process`).";
    CcpaMinorsConsent = "K918", Error, "CCPA: selling or sharing minors' data without opt-in",
        "Cal. Civ. Code § 1798.120(c): a business shall not sell or share the personal information of consumers it knows are under 16 unless they (13 to 15) or their parent or guardian (under 13) have affirmatively authorised it; 11 CCR § 7070-7072 and § 7011(e)(3)(I) require the process in the privacy policy. Add `consent opt-in` (or `parental`, `both`) and `process \"...\"` to the `minors` block.";
    CcpaLastUpdated = "K919", Error, "CCPA: date of last update missing",
        "11 CCR § 7011(e)(4) requires the date the privacy policy was last updated. Add `updated YYYY-MM-DD` (or `effective YYYY-MM-DD`).";
    CcpaStale = "K920", Warning, "CCPA: privacy policy not updated in the last 12 months",
        "Cal. Civ. Code § 1798.130(a)(5) requires the privacy policy information to be updated \"at least once every 12 months\". The `updated` (or `effective`) date is more than a year before today (the date is `SOURCE_DATE_EPOCH` when set, else the system clock). Review the policy and update the date.";
    CcpaIncentive = "K921", Error, "CCPA: financial incentive without its required notice",
        "Cal. Civ. Code § 1798.125(b) and 11 CCR § 7016 require a notice of financial incentive: a summary, the material terms, how to opt in, the right to withdraw and how, and how the incentive relates to the value of the consumer's data. Add the missing `terms`, `value`, `join` or `withdraw` line to the `incentive` block.";
    CcpaRetention = "K922", Error, "CCPA: retention period or criteria not stated",
        "Cal. Civ. Code § 1798.100(a)(3) requires \"the length of time the business intends to retain each category of personal information ... or if that is not possible, the criteria used to determine that period\". Give the period or criteria after the retention value, or add a `retention` rule for the block.";
    CcpaVerification = "K923", Error, "CCPA: verification process not described",
        "11 CCR § 7011(e)(3)(E) requires a general description of the process for verifying requests to know, delete and correct, including the information the consumer must provide. Add `verification \"...\"` to the `ccpa` block.";
    CcpaAgent = "K924", Error, "CCPA: authorized-agent process not described",
        "11 CCR § 7011(e)(3)(H) requires instructions for how an authorized agent can make a request on the consumer's behalf. Add `agent \"...\"` to the `ccpa` block.";
    CcpaContact = "K925", Error, "CCPA: no contact for questions",
        "11 CCR § 7011(e)(3)(J) requires contact information for questions or concerns about the business's privacy policies and practices. Add `email`, `phone`, `url` or `postal` to the `entity` block.";
    CcpaOptOutRight = "K926", Error, "CCPA: right to opt out of sale or sharing not described",
        "Cal. Civ. Code § 1798.120 and § 1798.135(c)(2); 11 CCR § 7011(e)(2)(D): a business that sells or shares describes the right to opt out. Add `right opt-out-of-sale \"how\"`.";
    CcpaLimitRight = "K927", Error, "CCPA: right to limit sensitive information not described",
        "Cal. Civ. Code § 1798.121 and § 1798.135(c)(2); 11 CCR § 7011(e)(2)(E): a business that uses sensitive personal information beyond permitted purposes describes the right to limit that use. Add `right limit-sensitive \"how\"`.";
    CcpaRightMeans = "K928", Error, "CCPA: right offered without a way to exercise it",
        "Cal. Civ. Code § 1798.130(a)(5)(A) and 11 CCR § 7011(e)(3)(A)-(B) require the methods and instructions for exercising each right. A `right` whose \"how\" is empty gives none: write how.";
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
