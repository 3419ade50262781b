//! A walk over a YAML document that allocates nothing and stops once the
//! document, with every alias expanded, outgrows a budget. It runs before the
//! real deserialization, whose alias limit grows with the document (a 10 MB file
//! of aliases to one large anchor would otherwise expand until memory runs out).
//!
//! Cost: one unit per node plus the bytes of each scalar. A document without
//! aliases costs at most about twice its text; aliases may add
//! [`ALIAS_ALLOWANCE`] beyond that, however large the document.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// What aliases may add to the cost of a document, independent of its size.
pub const ALIAS_ALLOWANCE: u64 = 1 << 20;

/// The message of the error that stops the walk.
pub const OVER_BUDGET: &str = "YAML aliases expand this document too far";

/// The budget for a document of `len` bytes.
pub fn budget(len: usize) -> u64 {
    (len as u64).saturating_mul(2) + 64 + ALIAS_ALLOWANCE
}

/// Walks the document; `Err` carries the reader's error (the budget's or a syntax error).
pub fn walk(text: &str) -> Result<(), yaml_serde::Error> {
    let remaining = Cell::new(budget(text.len()));
    Node(&remaining).deserialize(yaml_serde::Deserializer::from_str(text))
}

#[derive(Clone, Copy)]
struct Node<'a>(&'a Cell<u64>);

impl Node<'_> {
    fn spend<E: serde::de::Error>(self, units: usize) -> Result<(), E> {
        let left = self.0.get().checked_sub(1 + units as u64);
        match left {
            Some(l) => {
                self.0.set(l);
                Ok(())
            }
            None => Err(E::custom(OVER_BUDGET)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! scalar {
    ($($f:ident: $t:ty),*) => {$(
        fn $f<E: serde::de::Error>(self, _: $t) -> Result<(), E> { self.spend(8) }
    )*};
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }
    scalar!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_i128: i128, visit_u128: u128);
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.spend(v.len())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        self.spend(0)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.spend(0)?;
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.spend(0)?;
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.spend(0)?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use serde::de::VariantAccess;
        let ((), variant) = data.variant_seed(self)?;
        variant.newtype_variant_seed(self)
    }
}

#[cfg(test)]
mod tests {
    use super::{walk, OVER_BUDGET};
    use std::fmt::Write as _;

    fn bomb(levels: usize) -> String {
        let mut s = String::from("a0: &a0 [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]\n");
        for i in 1..levels {
            let prev = i - 1;
            let _ = writeln!(
                s,
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]"
            );
        }
        s
    }

    #[test]
    fn a_small_alias_bomb_is_stopped() {
        // 40 aliases to a 100 kB string: 4 MB expanded, past twice 100 kB plus 1 MiB.
        let mut doc = format!("a: &a \"{}\"\nb: [", "x".repeat(100_000));
        doc.push_str(&vec!["*a"; 40].join(", "));
        doc.push_str("]\n");
        let result = walk(&doc);
        assert!(
            result
                .as_ref()
                .is_err_and(|e| e.to_string().contains(OVER_BUDGET)),
            "8^8 copies exceed the budget: {result:?}"
        );
    }

    #[test]
    fn ordinary_documents_and_a_few_aliases_pass() {
        assert!(walk("policies:\n  - name: a\n    summary: \"text\"\n").is_ok());
        assert!(walk(&bomb(3)).is_ok());
    }
}
