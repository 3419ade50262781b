//! `policyc header`: print the `P3P` header for a policy file, or its web-server
//! configuration equivalent, or the HTML link tag (REC §2.2.2-2.2.3).

use super::exit;
use policyc::diagnostic::render_outstanding;
use policyc::emit::p3p::{derive, header::snippet, HeaderFormat};
use policyc::engine;
use std::path::PathBuf;

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
pub enum Format {
    /// `P3P: policyref="/w3c/p3p.xml", CP="..."`
    #[default]
    Http,
    /// nginx `add_header` directive.
    Nginx,
    /// Apache `Header always set` directive.
    Apache,
    /// `<link rel="P3Pv1" href="/w3c/p3p.xml">` for HTML pages.
    HtmlLink,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The policy file.
    pub file: PathBuf,
    /// Which form to print.
    #[arg(long, short, value_enum, default_value_t)]
    pub format: Format,
    /// The site whose header to print, when the policies cover several (REC §4: a
    /// compact policy goes with the cookies of its site). Default: the first site.
    #[arg(long)]
    pub site: Option<String>,
    /// Print the header for the paths of this policy only (written where the
    /// policies applying on a site have different compact policies).
    #[arg(long)]
    pub policy: Option<String>,
}

pub fn run(args: &Args) -> u8 {
    let bytes = match engine::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("policyc: cannot read {}: {e}", args.file.display());
            return exit::USAGE;
        }
    };
    let c = engine::compile_bytes_with(
        &args.file.display().to_string(),
        &bytes,
        &super::ui::config().options(),
    );
    if !c.diagnostics.is_empty() {
        eprint!(
            "{}",
            render_outstanding(&c.diagnostics, std::slice::from_ref(&c.source), false)
        );
    }
    let Some(model) = c.valid_model() else {
        return exit::FINDINGS;
    };
    let out = match derive(model) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("policyc: {e}");
            return exit::FINDINGS;
        }
    };
    let format = match args.format {
        Format::Http => HeaderFormat::Http,
        Format::Nginx => HeaderFormat::Nginx,
        Format::Apache => HeaderFormat::Apache,
        Format::HtmlLink => HeaderFormat::HtmlLink,
    };
    if args.site.is_none() && args.policy.is_none() {
        print!("{}", snippet(format, out.compact.as_deref()));
        return exit::OK;
    }
    let wanted = out.headers.iter().find(|h| {
        args.site
            .as_ref()
            .is_none_or(|s| h.site.as_ref() == Some(s))
            && h.policy == args.policy
    });
    let Some(h) = wanted else {
        let choices: Vec<String> = out
            .headers
            .iter()
            .map(|h| match (&h.site, &h.policy) {
                (Some(s), Some(p)) => format!("--site {s} --policy {p}"),
                (Some(s), None) => format!("--site {s}"),
                (None, Some(p)) => format!("--policy {p}"),
                (None, None) => "(no option)".to_string(),
            })
            .collect();
        eprintln!(
            "policyc: no header for that site or policy; the file has: {}",
            choices.join(", ")
        );
        return exit::USAGE;
    };
    print!("{}", snippet(format, h.compact.as_deref()));
    exit::OK
}
