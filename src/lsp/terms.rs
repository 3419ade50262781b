//! Vocabulary words for hover and completion: every P3P term and every legal
//! term of `src/vocabulary`, with its plain wording.

use crate::vocabulary::{
    Access, Art9Condition, Category, CcpaCategory, Disclosure, Law, LawTerm, LegalBasis, Purpose,
    Recipient, Remedy, Required, ResolutionType, Retention, RightKind, Safeguard, Sensitive, Term,
};

/// One vocabulary word and what it means.
#[derive(Debug, Clone)]
pub struct TermDoc {
    pub word: &'static str,
    /// The group (`P3P purpose`, `legal basis`).
    pub group: String,
    pub label: &'static str,
    pub description: &'static str,
    /// Where it comes from (`GDPR Art. 6(1)(f)`), for legal terms.
    pub cite: Option<&'static str>,
}

fn p3p<T: Term>(out: &mut Vec<TermDoc>) {
    for t in T::ALL {
        out.push(TermDoc {
            word: t.word(),
            group: format!("P3P {}", T::GROUP),
            label: t.label(),
            description: t.description(),
            cite: None,
        });
    }
}

fn law<T: LawTerm>(out: &mut Vec<TermDoc>) {
    for t in T::ALL {
        out.push(TermDoc {
            word: t.word(),
            group: T::GROUP.to_string(),
            label: t.label(),
            description: t.plain(),
            cite: Some(t.cite()),
        });
    }
}

/// Every vocabulary word.
pub fn all() -> Vec<TermDoc> {
    let mut out = Vec::new();
    p3p::<Purpose>(&mut out);
    p3p::<Recipient>(&mut out);
    p3p::<Retention>(&mut out);
    p3p::<Category>(&mut out);
    p3p::<Access>(&mut out);
    p3p::<Remedy>(&mut out);
    p3p::<ResolutionType>(&mut out);
    p3p::<Required>(&mut out);
    law::<Law>(&mut out);
    law::<LegalBasis>(&mut out);
    law::<Art9Condition>(&mut out);
    law::<Safeguard>(&mut out);
    law::<CcpaCategory>(&mut out);
    law::<Disclosure>(&mut out);
    law::<Sensitive>(&mut out);
    law::<RightKind>(&mut out);
    out
}

/// What `word` means in every group that has it.
pub fn lookup(word: &str) -> Vec<TermDoc> {
    all().into_iter().filter(|t| t.word == word).collect()
}
