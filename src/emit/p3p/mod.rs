//! The p3p emitter (under construction).

use super::{EmitError, EmitOptions, Emitter, Output};
use crate::model::PolicySet;

pub struct P3pEmitter;

impl Emitter for P3pEmitter {
    fn name(&self) -> &'static str {
        "p3p"
    }
    fn emit(&self, _set: &PolicySet, _options: &EmitOptions) -> Result<Vec<Output>, EmitError> {
        Ok(Vec::new())
    }
}
