//! The html emitter (under construction).

use super::{EmitError, EmitOptions, Emitter, Output};
use crate::model::PolicySet;

pub struct HtmlEmitter;

impl Emitter for HtmlEmitter {
    fn name(&self) -> &'static str {
        "html"
    }
    fn emit(&self, _set: &PolicySet, _options: &EmitOptions) -> Result<Vec<Output>, EmitError> {
        Ok(Vec::new())
    }
}
