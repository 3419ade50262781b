//! Terminal (rustc style, via annotate-snippets) and JSON renderers.

use super::{Diagnostic, Severity};
use crate::span::{SourceFile, Span};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::fmt::Write as _;

/// Renders findings for a terminal, rustc style, followed by a summary line
/// (`N errors, M warnings, K acknowledged`). `sources` are the files the spans
/// point into; `color` adds ANSI styling.
pub fn render_human(diagnostics: &[Diagnostic], sources: &[SourceFile], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&render_one(&renderer, d, sources));
        out.push_str("\n\n");
    }
    out.push_str(&summary(diagnostics));
    out.push('\n');
    out
}

/// Like [`render_human`], for commands other than `check` (build, header): shows
/// only findings nobody acknowledged, and counts the acknowledged ones, which
/// `policyc check` lists with their reasons. Empty when there is nothing to say.
pub fn render_outstanding(
    diagnostics: &[Diagnostic],
    sources: &[SourceFile],
    color: bool,
) -> String {
    let outstanding: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.acknowledged.is_none())
        .cloned()
        .collect();
    let acknowledged = diagnostics.len() - outstanding.len();
    if outstanding.is_empty() {
        return String::new();
    }
    let mut out = render_human(&outstanding, sources, color);
    if acknowledged > 0 {
        let _ = writeln!(
            out,
            "({acknowledged} acknowledged finding{} not shown; `policyc check` lists them)",
            if acknowledged == 1 { "" } else { "s" }
        );
    }
    out
}

/// `N errors, M warnings, K acknowledged`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |sev: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.acknowledged.is_none() && d.severity == sev)
            .count()
    };
    let acknowledged = diagnostics
        .iter()
        .filter(|d| d.acknowledged.is_some())
        .count();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut s = format!(
        "{}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning")
    );
    let notes = count(Severity::Note);
    if notes > 0 {
        let _ = write!(s, ", {}", plural(notes, "note"));
    }
    let _ = write!(s, ", {acknowledged} acknowledged");
    s
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn render_one(renderer: &Renderer, d: &Diagnostic, sources: &[SourceFile]) -> String {
    let acknowledged_name;
    let level = if d.acknowledged.is_some() {
        // An acknowledged finding does not fail the run: shown in the note style.
        acknowledged_name = format!("{}[{}] (acknowledged)", severity_word(d.severity), d.code);
        Level::NOTE.with_name(acknowledged_name.as_str())
    } else {
        match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        }
    };
    let mut title = level.primary_title(d.message.as_str());
    if d.acknowledged.is_none() {
        title = title.id(d.code.id());
    }
    let mut group = Group::with_title(title);
    // One snippet per file: the primary span's file first, then others in order.
    let mut spans: Vec<(&Span, Option<&str>, bool)> = Vec::new();
    if let Some(span) = &d.span {
        spans.push((span, None, true));
    }
    for label in &d.labels {
        spans.push((&label.span, Some(label.message.as_str()), false));
    }
    let mut files: Vec<crate::span::FileId> = Vec::new();
    for (span, _, _) in &spans {
        if !files.contains(&span.file) {
            files.push(span.file);
        }
    }
    let mut unlocated: Vec<String> = Vec::new();
    for file in files {
        let here: Vec<&(&Span, Option<&str>, bool)> =
            spans.iter().filter(|(s, _, _)| s.file == file).collect();
        match sources.iter().find(|s| s.id() == file) {
            Some(source) => {
                // Spans far apart in a file get a snippet each, so a label many
                // lines away from the primary span is shown at its own line.
                for cluster in clusters(here) {
                    let (origin, snippet) = snippet(source, &cluster);
                    if let Some(origin) = origin {
                        group = group.element(origin);
                    }
                    group = group.element(snippet);
                }
            }
            None => {
                for (span, label, _) in here {
                    let mut line = format!("{}:{}:{}", span.file, span.line, span.col);
                    if let Some(l) = label {
                        let _ = write!(line, ": {l}");
                    }
                    unlocated.push(line);
                }
            }
        }
    }
    for line in &unlocated {
        group = group.element(Level::NOTE.message(line.as_str()));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let reason;
    if let Some(r) = &d.acknowledged {
        reason = format!("acknowledged: {r}");
        group = group.element(Level::NOTE.message(reason.as_str()));
    }
    let fingerprint;
    if let Some(f) = &d.fingerprint {
        fingerprint = format!("fingerprint: {f}");
        group = group.element(Level::NOTE.message(fingerprint.as_str()));
    }
    renderer.render(&[group])
}

/// Splits the spans of one file into runs whose excerpts are close enough to
/// show together (within `MAX_EXCERPT` bytes); the primary span's run first.
fn clusters<'s, 'a>(
    mut spans: Vec<&'s (&'s Span, Option<&'a str>, bool)>,
) -> Vec<Vec<&'s (&'s Span, Option<&'a str>, bool)>> {
    spans.sort_by_key(|(s, _, _)| (s.start, s.end));
    let mut runs: Vec<Vec<&'s (&'s Span, Option<&'a str>, bool)>> = Vec::new();
    let mut run_end: usize = 0;
    for span in spans {
        match runs.last_mut() {
            Some(run) if span.0.start() <= run_end.saturating_add(MAX_EXCERPT) => {
                run_end = run_end.max(span.0.end());
                run.push(span);
            }
            _ => {
                run_end = span.0.end();
                runs.push(vec![span]);
            }
        }
    }
    // The run holding the primary span leads, as rustc shows it first.
    if let Some(i) = runs.iter().position(|r| r.iter().any(|(_, _, p)| *p)) {
        let primary = runs.remove(i);
        runs.insert(0, primary);
    }
    runs
}

/// Longest source excerpt shown as is; longer ones (a 1 MB line) are cut to a
/// window around the spans so rendering stays linear in the number of findings.
const MAX_EXCERPT: usize = 2_000;
/// Bytes of context kept on each side of the spans in a cut excerpt.
const CONTEXT: usize = 80;

type Spans<'s, 'a> = [&'s (&'s Span, Option<&'a str>, bool)];

/// A snippet of `source` covering the lines of `spans`, annotated, and, when
/// the excerpt had to be cut, the origin line (`--> file:line:col`) to show
/// since the snippet cannot compute it.
fn snippet<'a>(
    source: &'a SourceFile,
    spans: &Spans<'_, 'a>,
) -> (
    Option<annotate_snippets::Origin<'a>>,
    Snippet<'a, annotate_snippets::Annotation<'a>>,
) {
    let text = source.text.as_str();
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = spans
        .iter()
        .map(|(s, _, _)| floor(s.start()))
        .min()
        .unwrap_or(0);
    let hi = spans
        .iter()
        .map(|(s, _, _)| floor(s.end().max(s.start())))
        .max()
        .unwrap_or(0);
    let first = spans
        .iter()
        .find(|(s, _, _)| floor(s.start()) == lo)
        .map(|(s, _, _)| *s);
    let first_line = first.map_or(1, |s| s.line as usize);
    // Only the lines the spans touch, so large files render fast.
    let mut start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
    let mut end = text[hi..].find('\n').map_or(text.len(), |i| hi + i);
    if end > hi && text[..end].ends_with('\r') {
        // A CRLF file: the carriage return is not part of the line shown.
        end -= 1;
    }
    let mut origin = None;
    if end - start > MAX_EXCERPT {
        let line_start = start;
        start = start.max(floor(lo.saturating_sub(CONTEXT)));
        end = end.min(floor(hi.min(lo + MAX_EXCERPT).saturating_add(CONTEXT)));
        // Cut inside a line: the snippet cannot compute the column itself.
        if let Some(s) = first.filter(|_| start > line_start) {
            origin = Some(
                annotate_snippets::Origin::path(&*source.path)
                    .line(s.line as usize)
                    .char_column(s.col as usize),
            );
        }
    }
    let mut snippet = Snippet::source(&text[start..end])
        .line_start(first_line)
        .fold(true);
    if origin.is_none() {
        snippet = snippet.path(&*source.path);
    }
    for (span, label, primary) in spans {
        let a = floor(span.start()).clamp(start, end) - start;
        let b = floor(span.end().max(span.start())).clamp(start, end) - start;
        let kind = if *primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let mut ann = kind.span(a..b);
        if let Some(l) = label {
            ann = ann.label(*l);
        }
        snippet = snippet.annotation(ann);
    }
    (origin, snippet)
}

/// Renders findings as a JSON array.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::{render_human, render_json, summary};
    use crate::diagnostic::{Code, Diagnostic};
    use crate::span::{LineIndex, Origin, SourceFile, Span};
    use std::fmt::Write as _;
    use std::sync::Arc;

    fn source() -> SourceFile {
        SourceFile::new("a.policy", "policy main {\n  title \"T\"\n}\n")
    }

    fn span(s: &SourceFile, start: usize, end: usize) -> Span {
        LineIndex::new(&s.path, &s.text).span(start, end)
    }

    #[test]
    fn renders_rustc_style_with_help_and_summary() {
        let s = source();
        let d = Diagnostic::new(Code::UnknownKeyword, "unknown keyword `title`")
            .at(Some(span(&s, 16, 21)))
            .help("did you mean it?");
        let out = render_human(&[d], std::slice::from_ref(&s), false);
        assert_eq!(
            out,
            "error[L101]: unknown keyword `title`\n --> a.policy:2:3\n  |\n2 |   title \"T\"\n  |   ^^^^^\n  |\n  = help: did you mean it?\n\n1 error, 0 warnings, 0 acknowledged\n"
        );
    }

    #[test]
    fn acknowledged_findings_are_notes_with_their_reason() {
        let s = source();
        let mut d = Diagnostic::new(Code::UnusedDefinition, "unused").at(Some(span(&s, 0, 11)));
        d.acknowledged = Some("kept for later".to_string());
        let out = render_human(&[d], std::slice::from_ref(&s), false);
        assert!(
            out.starts_with("warning[R203] (acknowledged): unused\n"),
            "{out}"
        );
        assert!(
            out.contains("= note: acknowledged: kept for later"),
            "{out}"
        );
        assert!(
            out.ends_with("0 errors, 0 warnings, 1 acknowledged\n"),
            "{out}"
        );
    }

    #[test]
    fn outstanding_leaves_out_acknowledged_findings_and_counts_them() {
        let s = source();
        let mut acked =
            Diagnostic::new(Code::DuplicateDefinition, "known").at(Some(span(&s, 0, 6)));
        acked.acknowledged = Some("the text says so".into());
        let open = Diagnostic::new(Code::UnusedDefinition, "unused").at(Some(span(&s, 0, 6)));
        let out =
            super::render_outstanding(&[acked.clone(), open], std::slice::from_ref(&s), false);
        assert!(out.contains("warning[R203]: unused"), "{out}");
        assert!(!out.contains("known"), "{out}");
        assert!(out.contains("(1 acknowledged finding not shown"), "{out}");
        assert_eq!(
            super::render_outstanding(&[acked], std::slice::from_ref(&s), false),
            ""
        );
    }

    #[test]
    fn a_label_far_from_the_primary_span_is_shown_at_its_own_line() {
        // Regression: one excerpt cut to a window used to clamp the label onto
        // an unrelated line in the middle of the file.
        let mut text = String::from("policy main {\n  promise p \"We never sell\" {\n");
        for i in 0..200 {
            let _ = writeln!(text, "  # filler line {i} with some words to make it long");
        }
        let practice_at = text.len();
        text.push_str("  share s {\n  }\n}\n");
        let s = SourceFile::new("far.policy", text);
        let promise = span(&s, 16, 25);
        let practice = span(&s, practice_at + 2, practice_at + 9);
        let d = Diagnostic::new(Code::DuplicateDefinition, "broken")
            .at(Some(practice))
            .label(&Origin::new(promise), "promised here");
        let out = render_human(&[d], std::slice::from_ref(&s), false);
        assert!(out.contains("--> far.policy:203:3"), "{out}");
        assert!(out.contains("2 |   promise p"), "{out}");
        assert!(out.contains("promised here"), "{out}");
        assert!(!out.contains("filler line 100"), "{out}");
    }

    #[test]
    fn labels_in_files_without_source_and_findings_without_span() {
        let s = source();
        let other = Span::file_start(&Arc::from("other.policy"));
        let d = Diagnostic::new(Code::DuplicateDefinition, "twice")
            .at(Some(span(&s, 0, 6)))
            .label(&Origin::new(other), "first here");
        let bare = Diagnostic::new(Code::EmptyFile, "nothing");
        let out = render_human(&[d, bare], std::slice::from_ref(&s), false);
        assert!(out.contains("other.policy:1:1: first here"), "{out}");
        assert!(out.contains("error[S005]: nothing"), "{out}");
        assert!(
            out.ends_with("2 errors, 0 warnings, 0 acknowledged\n"),
            "{out}"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let s = source();
        let d = Diagnostic::new(Code::UnknownKeyword, "x").at(Some(span(&s, 0, 6)));
        assert!(
            !render_human(std::slice::from_ref(&d), std::slice::from_ref(&s), false)
                .contains('\u{1b}')
        );
        assert!(render_human(&[d], std::slice::from_ref(&s), true).contains('\u{1b}'));
    }

    #[test]
    fn summary_counts() {
        assert_eq!(summary(&[]), "0 errors, 0 warnings, 0 acknowledged");
        let w = Diagnostic::new(Code::UnusedDefinition, "w");
        assert_eq!(
            summary(&[w.clone(), w]),
            "0 errors, 2 warnings, 0 acknowledged"
        );
    }

    #[test]
    fn json_is_an_array_of_diagnostics() {
        let d = Diagnostic::new(Code::UnknownKeyword, "x");
        let v: serde_json::Value = serde_json::from_str(&render_json(&[d])).unwrap_or_default();
        assert_eq!(v[0]["code"], "L101");
        assert_eq!(v[0]["severity"], "error");
    }
}
