//! Parser and resolve snapshots: each `tests/fixtures/<name>/input.policy` is
//! parsed (snapshot `<name>-ast`: an outline of the syntax tree with every
//! location and comment) and resolved (snapshot `<name>-model`: the model as YAML).

#![allow(clippy::expect_used)]

use policyc::ast::{Comment, Entry, File, Item, Value};
use policyc::diagnostic::Severity;
use policyc::engine;
use std::fmt::Write as _;
use std::path::Path;

fn loc(span: &policyc::span::Span) -> String {
    format!("{}:{}", span.line, span.col)
}

fn comment(out: &mut String, depth: usize, role: &str, c: &Comment) {
    let blank = if c.blank_line_before {
        " (blank line before)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{}# {role} @{}{blank}: {:?}",
        "  ".repeat(depth),
        loc(&c.span),
        c.text
    );
}

fn value(v: &Value) -> String {
    match v {
        Value::Word(w) => format!("{}@{}", w.value, loc(&w.span)),
        Value::String(s) => format!("{:?} (raw {:?})@{}", s.value, s.raw(), loc(&s.span)),
    }
}

fn entry(e: &Entry) -> String {
    let mut s = e.values.iter().map(value).collect::<Vec<_>>().join(" ");
    if e.line_break_after {
        s.push_str(" ⏎");
    }
    s
}

fn item(out: &mut String, depth: usize, it: &Item) {
    let pad = "  ".repeat(depth);
    for c in &it.leading_comments {
        comment(out, depth, "leading", c);
    }
    let blank = if it.blank_line_before {
        " (blank line before)"
    } else {
        ""
    };
    let entries = it.entries.iter().map(entry).collect::<Vec<_>>().join(" | ");
    let _ = writeln!(
        out,
        "{pad}{} @{} head {}..{} span {}..{}{blank}: [{entries}]",
        it.keyword.value,
        loc(&it.keyword.span),
        it.head.start,
        it.head.end,
        it.span.start,
        it.span.end,
    );
    for e in &it.entries {
        for c in &e.comments_after {
            comment(out, depth + 1, "in list", c);
        }
    }
    if let Some(c) = &it.trailing_comment {
        comment(out, depth + 1, "trailing", c);
    }
    if let Some(b) = &it.block {
        let _ = writeln!(
            out,
            "{pad}{{ @{} {}..{}",
            loc(&b.span),
            b.span.start,
            b.span.end
        );
        if let Some(c) = &b.open_comment {
            comment(out, depth + 1, "on `{` line", c);
        }
        for i in &b.items {
            item(out, depth + 1, i);
        }
        for c in &b.trailing_comments {
            comment(out, depth + 1, "before `}`", c);
        }
        let _ = writeln!(out, "{pad}}}");
    }
}

fn outline(file: &File) -> String {
    let mut out = String::new();
    for it in &file.items {
        item(&mut out, 0, it);
    }
    for c in &file.trailing_comments {
        comment(&mut out, 0, "end of file", c);
    }
    out
}

#[test]
fn fixtures() {
    let mut dirs: Vec<_> = std::fs::read_dir("tests/fixtures")
        .expect("tests/fixtures exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("input.policy").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in dirs {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 name")
            .to_string();
        let path = Path::new("tests/fixtures").join(&name).join("input.policy");
        let bytes = std::fs::read(&path).expect("readable");
        let text = String::from_utf8(bytes.clone()).expect("UTF-8 fixture");
        let source = policyc::span::SourceFile::new(path.to_string_lossy().as_ref(), text);
        let file = policyc::parser::parse_source(&source).expect("fixture parses");
        insta::assert_snapshot!(format!("{name}-ast"), outline(&file));

        let c = engine::compile_bytes(&path.to_string_lossy(), &bytes);
        let front_errors: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.code.id().starts_with(['S', 'L']))
            .collect();
        assert!(front_errors.is_empty(), "{name}: {front_errors:#?}");
        let model = c.model.as_ref().expect("a model");
        let yaml = yaml_serde::to_string(model).expect("serializable");
        // The YAML form reads back into the same model.
        let back = engine::compile(&policyc::span::SourceFile::new("back.yaml", yaml.clone()));
        assert_eq!(back.model.as_ref(), Some(model), "{name}: YAML round trip");
        insta::assert_snapshot!(format!("{name}-model"), yaml);
    }
}

fn data_origins<'a>(
    out: &mut Vec<(&'static str, &'a policyc::span::Origin)>,
    data: &'a [policyc::model::DataUse],
) {
    for d in data {
        match d {
            policyc::model::DataUse::Set { origin, .. } => out.push(("data set use", origin)),
            policyc::model::DataUse::Item(i) => out.push(("data item", &i.origin)),
        }
    }
}

/// Every origin in a model.
fn all_origins(set: &policyc::model::PolicySet) -> Vec<(&'static str, &policyc::span::Origin)> {
    let mut o: Vec<(&'static str, &policyc::span::Origin)> = Vec::new();
    for p in &set.policies {
        o.push(("policy", &p.origin));
        o.extend(p.covers.iter().map(|x| ("covers", &x.origin)));
        o.extend(p.entity.iter().map(|x| ("entity", &x.origin)));
        o.extend(p.disputes.iter().map(|x| ("dispute", &x.origin)));
        o.extend(p.subjects.iter().map(|x| ("subject", &x.origin)));
        o.extend(p.recipients.iter().map(|x| ("recipient", &x.origin)));
        for ds in &p.datasets {
            o.push(("data", &ds.origin));
            o.extend(ds.items.iter().map(|x| ("data item", &x.origin)));
        }
        for st in &p.statements {
            o.push(("collect", &st.origin));
            data_origins(&mut o, &st.data);
            o.extend(st.purposes.iter().map(|x| ("purpose", &x.origin)));
            o.extend(st.recipients.iter().map(|x| ("recipient use", &x.origin)));
            o.extend(st.retention.iter().map(|x| ("retain", &x.origin)));
        }
        for ck in &p.cookies {
            o.push(("cookie", &ck.origin));
            o.extend(ck.purposes.iter().map(|x| ("purpose", &x.origin)));
            o.extend(ck.recipients.iter().map(|x| ("recipient use", &x.origin)));
            o.extend(ck.retention.iter().map(|x| ("retain", &x.origin)));
        }
        for sh in &p.sharing {
            o.push(("share", &sh.origin));
            data_origins(&mut o, &sh.data);
            o.extend(sh.purposes.iter().map(|x| ("purpose", &x.origin)));
        }
        o.extend(p.security.iter().map(|x| ("security", &x.origin)));
        o.extend(p.retention.iter().map(|x| ("retention", &x.origin)));
        o.extend(p.rights.iter().map(|x| ("right", &x.origin)));
        o.extend(p.opt_outs.iter().map(|x| ("opt-out", &x.origin)));
        o.extend(p.changes.iter().map(|x| ("changes", &x.origin)));
        o.extend(p.promises.iter().map(|x| ("promise", &x.origin)));
        o.extend(p.sections.iter().map(|x| ("section", &x.origin)));
        o.extend(p.acknowledgments.iter().map(|x| ("acknowledge", &x.origin)));
    }
    o
}

/// Every model value with an `origin` gets a location, so checks can point at it:
/// exactly from the policy language, approximately (by identifying lines) from YAML.
#[test]
fn every_origin_is_located() {
    let path = "tests/fixtures/full/input.policy";
    let bytes = std::fs::read(path).expect("readable");
    let c = engine::compile_bytes(path, &bytes);
    let set = c.model.expect("a model");
    let origins = all_origins(&set);
    assert!(origins.len() > 40, "{}", origins.len());
    for (what, origin) in origins {
        let span = origin.span().expect(what);
        assert!(span.line > 0 && span.end > span.start, "{what}: {span:?}");
    }

    let yaml = yaml_serde::to_string(&set).expect("serializable");
    let back = engine::compile(&policyc::span::SourceFile::new("full.yaml", yaml.clone()));
    let from_yaml = back.model.expect("a model");
    for (what, origin) in all_origins(&from_yaml) {
        let span = origin.span().expect(what);
        assert_eq!(&*span.path(), "full.yaml");
        assert!(span.line > 1, "{what} located at the file start");
    }
    // Named elements point at their identifying line.
    let line_of = |needle: &str| {
        yaml.lines()
            .position(|l| l.trim_start().trim_start_matches("- ") == needle)
            .map(|i| u32::try_from(i + 1).unwrap_or(0))
    };
    let p = &from_yaml.policies[0];
    let at = |o: &policyc::span::Origin| o.span().map(|s| s.line);
    assert_eq!(at(&p.statements[1].origin), line_of("name: logs"));
    assert_eq!(at(&p.cookies[0].origin), line_of("name: referral"));
    assert_eq!(at(&p.sharing[0].origin), line_of("name: marketer-data"));
}
