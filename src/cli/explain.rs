//! `policyc explain CODE` / `policyc explain --list`.

use super::exit;
use policyc::diagnostic::Code;
use std::fmt::Write as _;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A diagnostic code, e.g. `L101`.
    #[arg(required_unless_present = "list")]
    pub code: Option<String>,
    /// List every code with its severity and summary.
    #[arg(long, conflicts_with = "code")]
    pub list: bool,
}

pub fn run(args: &Args) -> u8 {
    if args.list {
        print!("{}", list());
        return exit::OK;
    }
    let Some(input) = args.code.as_deref() else {
        eprintln!("policyc: give a code to explain, or --list");
        return exit::USAGE;
    };
    if let Ok(code) = input.parse::<Code>() {
        print!("{}", explain(code));
        if code == Code::UnknownTerm {
            print!("{}", vocabulary_lists());
        }
        exit::OK
    } else {
        let ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        let upper = input.trim().to_ascii_uppercase();
        match policyc::vocabulary::suggest(&upper, ids) {
            Some(s) => eprintln!("policyc: unknown code `{input}`; did you mean `{s}`? (`policyc explain --list` lists every code)"),
            None => eprintln!("policyc: unknown code `{input}`; `policyc explain --list` lists every code"),
        }
        exit::USAGE
    }
}

fn severity(code: Code) -> String {
    format!("{:?}", code.severity()).to_lowercase()
}

/// `CODE (severity): summary`, then the explanation.
pub fn explain(code: Code) -> String {
    format!(
        "{} ({}): {}\n\n{}\n",
        code.id(),
        severity(code),
        code.summary(),
        code.explanation()
    )
}

/// Every P3P term group with its words (for L104).
fn vocabulary_lists() -> String {
    use policyc::vocabulary::{
        Access, Category, Purpose, Recipient, Remedy, Required, ResolutionType, Retention, Term,
    };
    fn line<T: Term>() -> String {
        format!("  {}: {}\n", T::GROUP, T::words().join(", "))
    }
    [
        "\nThe P3P terms, by place:\n".to_string(),
        line::<Purpose>(),
        line::<Required>(),
        line::<Recipient>(),
        line::<Retention>(),
        line::<Category>(),
        line::<Access>(),
        line::<ResolutionType>(),
        line::<Remedy>(),
    ]
    .concat()
}

/// One line per code.
pub fn list() -> String {
    let mut out = String::new();
    for code in Code::ALL {
        let _ = writeln!(
            out,
            "{}  {:<8} {}",
            code.id(),
            severity(*code),
            code.summary()
        );
    }
    out
}
