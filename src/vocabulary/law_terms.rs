//! The machinery shared by the law tables (`laws`, `legal_bases`, `art9`,
//! `safeguards`, `rights`, `ccpa_categories`, `sensitive`): every legal term has
//! its source word, the provision it comes from, a short label and one sentence
//! in plain words for the human-readable notice.

/// Behaviour shared by every law-vocabulary enum.
pub trait LawTerm: Sized + Copy + 'static {
    /// Every value, in the order of the law.
    const ALL: &'static [Self];
    /// What the group of terms is called, in words ("legal basis").
    const GROUP: &'static str;
    /// The word as written in source files (`legitimate-interests`).
    fn word(self) -> &'static str;
    /// The provision it comes from (`GDPR Art. 6(1)(f)`).
    fn cite(self) -> &'static str;
    /// Short plain-language label ("Legitimate interests").
    fn label(self) -> &'static str;
    /// One sentence for a reader of the notice.
    fn plain(self) -> &'static str;

    /// The term whose source word is `word`, if any.
    fn from_word(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.word() == word)
    }
    /// `(word, term)` pairs, for the resolver's "expected one of" messages.
    fn options() -> Vec<(&'static str, Self)> {
        Self::ALL.iter().map(|t| (t.word(), *t)).collect()
    }
}

/// Declares a law-vocabulary enum: `Variant = "word", "citation", "label", "plain";`.
macro_rules! law_terms {
    (
        $(#[$meta:meta])*
        $name:ident, $group:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal, $cite:literal, $label:literal, $plain:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant, )*
        }

        impl $crate::vocabulary::LawTerm for $name {
            const ALL: &'static [Self] = &[ $( Self::$variant, )* ];
            const GROUP: &'static str = $group;
            fn word(self) -> &'static str { match self { $( Self::$variant => $word, )* } }
            fn cite(self) -> &'static str { match self { $( Self::$variant => $cite, )* } }
            fn label(self) -> &'static str { match self { $( Self::$variant => $label, )* } }
            fn plain(self) -> &'static str { match self { $( Self::$variant => $plain, )* } }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::vocabulary::LawTerm::word(*self))
            }
        }
    };
}

pub(crate) use law_terms;
