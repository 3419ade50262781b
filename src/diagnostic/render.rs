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
    let mut files: Vec<&str> = Vec::new();
    for (span, _, _) in &spans {
        if !files.contains(&&*span.file) {
            files.push(&span.file);
        }
    }
    let mut unlocated: Vec<String> = Vec::new();
    for file in files {
        let here: Vec<&(&Span, Option<&str>, bool)> =
            spans.iter().filter(|(s, _, _)| &*s.file == file).collect();
        match sources.iter().find(|s| &*s.path == file) {
            Some(source) => group = group.element(snippet(source, &here)),
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
    renderer.render(&[group])
}

/// A snippet of `source` covering the lines of `spans`, annotated.
fn snippet<'a>(
    source: &'a SourceFile,
    spans: &[&(&Span, Option<&'a str>, bool)],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let text = source.text.as_str();
    let boundary = |mut i: usize| {
        i = i.min(text.len());
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // Only the lines the spans touch, so large files render fast.
    let lo = spans
        .iter()
        .map(|(s, _, _)| boundary(s.start))
        .min()
        .unwrap_or(0);
    let hi = spans
        .iter()
        .map(|(s, _, _)| boundary(s.end.max(s.start)))
        .max()
        .unwrap_or(0);
    let start = text[..lo].rfind('\n').map_or(0, |i| i + 1);
    let end = text[hi..].find('\n').map_or(text.len(), |i| hi + i);
    let first_line = spans
        .iter()
        .find(|(s, _, _)| boundary(s.start) == lo)
        .map_or(1, |(s, _, _)| s.line as usize);
    let mut snippet = Snippet::source(&text[start..end])
        .line_start(first_line)
        .path(&*source.path)
        .fold(true);
    for (span, label, primary) in spans {
        let a = boundary(span.start) - start;
        let b = boundary(span.end.max(span.start)) - start;
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
    snippet
}

/// Renders findings as a JSON array.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".to_string())
}
