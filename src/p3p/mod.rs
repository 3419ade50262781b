//! P3P in both directions, the parts shared by the emitter and the readers:
//!
//! - `document`: the P3P-visible form of a policy file and reference file (what P3P
//!   can carry); the emitter lowers the model into it, the reader reads XML into it;
//! - `entity`: ENTITY ↔ the model's entity; `cookies`: the derived cookie policy;
//! - `xml_tree`, `read`: P3P XML → `document`, with located X70x findings;
//! - `import`: `document` → the model (`policyc import`);
//! - `compact_decode`: compact policy → tokens and X71x findings (`policyc explain-cp`).

pub mod compact_decode;
pub mod cookies;
pub mod document;
pub mod entity;
pub mod import;
pub mod read;
pub mod xml_tree;
