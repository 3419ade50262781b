//! The pest parser generated from `grammar/policy.pest`.

use pest::iterators::Pair;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/policy.pest"]
pub struct PolicyParser;

/// Parses a whole file; the pair is the `file` rule.
pub fn parse_file(text: &str) -> Result<Pair<'_, Rule>, Box<pest::error::Error<Rule>>> {
    use pest::Parser as _;
    let mut pairs = PolicyParser::parse(Rule::file, text).map_err(Box::new)?;
    pairs.next().ok_or_else(|| {
        Box::new(pest::error::Error::new_from_pos(
            pest::error::ErrorVariant::CustomError {
                message: "empty parse".to_string(),
            },
            pest::Position::from_start(text),
        ))
    })
}
