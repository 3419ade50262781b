//! Reading P3P: the P3P-visible form of a policy (`document`), ENTITY mapping,
//! the derived cookie policy, and (in `compact_decode`, `import`) reading compact
//! policies and P3P XML back.

pub mod compact_decode;
pub mod cookies;
pub mod document;
pub mod entity;
pub mod import;
pub mod read;
pub mod xml_tree;
