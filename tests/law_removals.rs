//! The GDPR and CCPA examples check clean; removing any one required item
//! (`tests/law/removals.tsv`) makes `check` fail with the code for that item,
//! located at the line the table names. The same table generated the UI
//! examples `tests/ui/G8xx-*` and `tests/ui/K9xx-*`.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use policyc::diagnostic::Severity;
use policyc::engine;
use policyc::span::SourceFile;

struct Removal {
    code: String,
    name: String,
    example: String,
    ops: String,
    at: String,
}

fn removals() -> Vec<Removal> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/law/removals.tsv");
    std::fs::read_to_string(path)
        .expect("tests/law/removals.tsv is readable")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "five tab-separated columns: {l}");
            Removal {
                code: f[0].to_string(),
                name: f[1].to_string(),
                example: f[2].to_string(),
                ops: f[3].to_string(),
                at: f[4].to_string(),
            }
        })
        .collect()
}

fn example(name: &str) -> String {
    let path = format!("{}/examples/{name}.policy", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("example exists")
}

/// The line range `[start, end)` of the block whose header (trimmed) starts with `header`.
fn block_range(lines: &[String], header: &str) -> (usize, usize) {
    let start = lines
        .iter()
        .position(|l| l.trim_start().starts_with(header))
        .unwrap_or_else(|| panic!("no block `{header}`"));
    (start, block_end(lines, start))
}

/// The index after the last line of the item at `start` (its block, if it opens one).
fn block_end(lines: &[String], start: usize) -> usize {
    if !lines[start].trim_end().ends_with('{') {
        return start + 1;
    }
    let mut depth = 0i32;
    for (i, line) in lines.iter().enumerate().skip(start) {
        let t = line.trim();
        if t.ends_with('{') {
            depth += 1;
        }
        if t == "}" {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        }
    }
    lines.len()
}

/// Applies one operation (see the table's header) to the text.
fn apply(text: &str, op: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let (scope, op) = match op.strip_prefix("in:") {
        Some(rest) => {
            let (header, op) = rest.split_once('|').expect("in:HEADER|OP");
            (Some(block_range(&lines, header)), op)
        }
        None => (None, op),
    };
    let (from, to) = scope.unwrap_or((0, lines.len()));
    if let Some(prefix) = op.strip_prefix("del:") {
        let mut i = from;
        let mut end = to;
        let mut deleted = false;
        while i < end {
            if lines[i].trim_start().starts_with(prefix) {
                let stop = block_end(&lines, i);
                end -= stop - i;
                lines.drain(i..stop);
                deleted = true;
            } else {
                i += 1;
            }
        }
        assert!(deleted, "nothing starts with `{prefix}`");
    } else if let Some(sub) = op.strip_prefix("sub:") {
        let (old, new) = sub.split_once("=>").expect("sub:OLD=>NEW");
        let new = new.replace("\\n", "\n");
        let region = lines[from..to].join("\n");
        assert!(region.contains(old), "`{old}` not found");
        let replaced = region.replacen(old, &new, 1);
        let mut out: Vec<String> = lines[..from].to_vec();
        out.extend(replaced.lines().map(str::to_string));
        out.extend(lines[to..].iter().cloned());
        lines = out;
    } else {
        panic!("unknown operation `{op}`");
    }
    lines.join("\n") + "\n"
}

/// The example with a removal applied.
fn mutated(r: &Removal) -> String {
    r.ops
        .split(" && ")
        .fold(example(&r.example), |text, op| apply(&text, op))
}

#[test]
fn law_examples_check_clean() {
    for name in ["gdpr-saas", "ccpa-retailer"] {
        let c = engine::compile(&SourceFile::new(
            format!("examples/{name}.policy"),
            example(name),
        ));
        assert!(
            c.diagnostics.is_empty(),
            "{name}: {:?}",
            c.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
}

#[test]
fn removing_each_required_item_fires_its_code_located() {
    let mut failures = Vec::new();
    for r in removals() {
        let text = mutated(&r);
        let c = engine::compile(&SourceFile::new(format!("{}.policy", r.name), text.clone()));
        let Some(d) = c.diagnostics.iter().find(|d| d.code.id() == r.code) else {
            failures.push(format!(
                "{} {}: not reported; got {:?}",
                r.code,
                r.name,
                c.diagnostics
                    .iter()
                    .map(|d| d.code.id())
                    .collect::<Vec<_>>()
            ));
            continue;
        };
        if d.severity == Severity::Error && !c.fails(false) {
            failures.push(format!("{} {}: check does not fail", r.code, r.name));
        }
        let Some(span) = &d.span else {
            failures.push(format!("{} {}: not located", r.code, r.name));
            continue;
        };
        let line_start = text[..span.start()].rfind('\n').map_or(0, |i| i + 1);
        let line = text[line_start..].lines().next().unwrap_or_default();
        if !line.contains(&r.at) {
            failures.push(format!(
                "{} {}: located at `{}`, expected a line with `{}`",
                r.code,
                r.name,
                line.trim(),
                r.at
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every G8xx and K9xx code is covered by the table.
#[test]
fn every_law_code_has_a_removal() {
    let table: Vec<String> = removals().into_iter().map(|r| r.code).collect();
    for code in policyc::diagnostic::Code::ALL {
        let id = code.id();
        if id.starts_with('G') || id.starts_with('K') {
            assert!(
                table.iter().any(|c| c == id),
                "{id} has no row in removals.tsv"
            );
        }
    }
}

/// Writes the UI examples from the table (run with `POLICYC_WRITE_UI=1`).
#[test]
fn write_ui_examples_when_asked() {
    if std::env::var_os("POLICYC_WRITE_UI").is_none() {
        return;
    }
    for r in removals() {
        let path = format!(
            "{}/tests/ui/{}-{}.policy",
            env!("CARGO_MANIFEST_DIR"),
            r.code,
            r.name
        );
        let header = format!(
            "# {}: {} (generated from examples/{}.policy by tests/law/removals.tsv)\n",
            r.code, r.name, r.example
        );
        std::fs::write(path, header + &mutated(&r)).unwrap();
    }
}

/// `policyc init --law gdpr|ccpa` writes a starter that passes `check --deny warnings`.
#[test]
fn init_law_starters_pass() {
    for law in ["gdpr", "ccpa"] {
        let dir = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
                .args(args)
                .current_dir(dir.path())
                .output()
                .unwrap()
        };
        let o = run(&["init", "--law", law]);
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        let text = std::fs::read_to_string(dir.path().join("privacy.policy")).unwrap();
        assert!(text.contains(&format!("applies {law}")), "{law}");
        let o = run(&["check", "--deny", "warnings", "privacy.policy"]);
        assert_eq!(o.status.code(), Some(0), "{law}: {o:?}");
        let o = run(&["fmt", "--check", "privacy.policy"]);
        assert_eq!(o.status.code(), Some(0), "{law}: {o:?}");
    }
}

/// The YAML form carries every legal field: each law example, dumped as YAML and
/// read back, is the same model and checks clean.
#[test]
fn law_examples_round_trip_through_yaml() {
    for name in ["gdpr-saas", "ccpa-retailer"] {
        let c = engine::compile(&SourceFile::new(
            format!("examples/{name}.policy"),
            example(name),
        ));
        let model = c.model.expect("the example compiles");
        let yaml = yaml_serde::to_string(&model).unwrap();
        assert!(yaml.contains("legal:"), "{name}: {yaml}");
        let back = engine::compile(&SourceFile::new(format!("{name}.yaml"), yaml));
        assert!(
            back.diagnostics.is_empty(),
            "{name}: {:?}",
            back.diagnostics
        );
        assert_eq!(back.model.as_ref(), Some(&model), "{name}");
    }
}

/// The source writer carries every legal field: each law example and starter,
/// written back as source, is the same model.
#[test]
fn law_examples_round_trip_through_the_source_writer() {
    let starters = [
        (
            "starter-gdpr",
            include_str!("../src/cli/starter-gdpr.policy"),
        ),
        (
            "starter-ccpa",
            include_str!("../src/cli/starter-ccpa.policy"),
        ),
    ];
    let examples = ["gdpr-saas", "ccpa-retailer"].map(|n| (n, example(n)));
    let all = starters
        .iter()
        .map(|(n, t)| (*n, (*t).to_string()))
        .chain(examples);
    for (name, text) in all {
        let c = engine::compile(&SourceFile::new(format!("{name}.policy"), text));
        let model = c.model.expect("compiles");
        let written = policyc::emit::source::write(&model);
        let back = engine::compile(&SourceFile::new(
            format!("{name}-written.policy"),
            written.clone(),
        ));
        assert_eq!(back.model.as_ref(), Some(&model), "{name}:\n{written}");
    }
}
