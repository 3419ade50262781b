//! The benchmark policy generator, shared by the benchmarks and by
//! `scripts/ratios.sh` (through `cargo bench --bench compile -- --write`).
//!
//! A policy of `n` repetitions of one data set, one collect statement, one cookie
//! and one sharing rule, each with its own names: every reference resolves, so the
//! size grows linearly with `n` and no stage should grow faster.

use std::fmt::Write as _;

/// The text of a generated policy with `n` repetitions.
pub fn policy_text(n: usize) -> String {
    policy_text_with(n, false)
}

/// [`policy_text`]; when `wide`, each repetition also defines its own data
/// subject, third-party recipient, transfer out of the EEA (to that recipient)
/// and security measure (covering health data, which no flow holds), and its collect
/// statement is from that subject and to that recipient: the policy's
/// definitions grow with it, so look-ups that search them per flow show up as
/// time growing faster than the input (the plain policy has one of each).
pub fn policy_text_with(n: usize, wide: bool) -> String {
    let mut s = String::new();
    s.push_str(
        "policy bench {\n  title \"Benchmark policy\"\n  discuri \"https://example.com/privacy\"\n  opturi \"https://example.com/choices\"\n  covers \"www.example.com\"\n  entity \"Example, Inc.\" {\n    email \"privacy@example.com\"\n  }\n  access contact-and-other\n  subject visitors \"People who visit the site\"\n  recipient partners same \"Our partners\"\n",
    );
    s.push_str("  security {\n    transport-encryption \"TLS everywhere\"\n");
    if wide {
        for i in 0..n {
            let _ = writeln!(
                s,
                "    at-rest-encryption \"Encrypted store {i}\" covers health"
            );
        }
    }
    s.push_str("  }\n");
    for i in 0..n {
        if wide {
            let _ = write!(
                s,
                "  subject people{i} \"People of group {i}\"\n  recipient vendor{i} unrelated \"Vendor {i}\"\n  transfer t{i} {{\n    to \"Country {i}\"\n    recipients vendor{i}\n    safeguard scc\n    copy \"https://example.com/scc/{i}\"\n  }}\n"
            );
        }
        let (from, to) = if wide {
            (format!("people{i}"), format!("vendor{i}"))
        } else {
            ("visitors".to_string(), "partners".to_string())
        };
        let _ = write!(
            s,
            "  data set{i} \"Data set {i}\" {{\n    user.name\n    user.home-info.online.email optional\n    custom \"order details {i}\" categories purchase\n  }}\n  collect c{i} \"Collection {i}\" {{\n    from {from}\n    data set{i}\n    for current, contact opt-in, develop\n    to ours, {to} opt-in\n    retain stated-purpose \"{i} months\"\n    consequence \"We use this to serve request {i}.\"\n  }}\n  cookie k{i} {{\n    name \"cookie{i}\"\n    lifetime \"30 days\"\n    holds \"session state {i}\"\n    categories state\n    for current\n    retain stated-purpose \"30 days\"\n  }}\n  share s{i} {{\n    with partners\n    data set{i}\n    for current\n    choice opt-in\n  }}\n"
        );
    }
    s.push_str("}\n");
    s
}

/// A generated policy of about `bytes` bytes (at least one repetition).
pub fn policy_of_size(bytes: usize) -> String {
    policy_of_size_with(bytes, false)
}

/// [`policy_of_size`] of [`policy_text_with`].
pub fn policy_of_size_with(bytes: usize, wide: bool) -> String {
    let head = policy_text_with(0, wide).len();
    let one = policy_text_with(1, wide).len() - head;
    // Names grow by a digit every tenfold, so aim low and top up.
    let mut n = (bytes.saturating_sub(head) / one).max(1);
    let mut text = policy_text_with(n, wide);
    while text.len() > bytes && n > 1 {
        n = n * 9 / 10;
        text = policy_text_with(n, wide);
    }
    text
}

/// The same policy with an opt-out channel covering every practice, so that
/// `policyc check` reports nothing (the plain one is warned that its opt-in and
/// opt-out choices have no channel).
pub fn without_findings(text: &str) -> String {
    const CHANNEL: &str = "  opt-out everything \"Use the choices page.\" {\n    url \"https://example.com/choices\"\n  }\n";
    let at = text.find("  security {").unwrap_or(0);
    let mut out = String::with_capacity(text.len() + CHANNEL.len());
    out.push_str(&text[..at]);
    out.push_str(CHANNEL);
    out.push_str(&text[at..]);
    out
}
