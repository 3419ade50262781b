//! `policyc lsp`: a language server over standard input and output (the
//! synchronous `lsp-server` crate, with `lsp-types`; no async runtime).
//!
//! Live diagnostics (every finding of `check`), hover (a code, a keyword, a P3P
//! or legal term, a data element, a name, in plain words), completion (the
//! keywords of the enclosing block, vocabulary terms, data elements, names
//! defined in the file), go to definition and find references for names,
//! formatting (`policyc fmt`) and document symbols.

mod complete;
mod document;
mod hover;
mod keywords;
mod names;
mod symbols;
mod terms;
mod text;

use document::Document;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    notification::{self, Notification as _},
    request::{self, Request as _},
    CompletionOptions, DiagnosticSeverity, GotoDefinitionResponse, Hover, HoverContents,
    HoverProviderCapability, Location, MarkupContent, MarkupKind, NumberOrString, OneOf,
    PublishDiagnosticsParams, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextEdit, Uri,
};
use std::collections::HashMap;

/// Every vocabulary word (P3P and legal terms), for editor grammars.
pub fn vocabulary_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = terms::all().iter().map(|t| t.word).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Runs the server on standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join().map_err(|e| e.to_string())
}

/// Serves one client on `connection`: the handshake, then every message.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions::default()),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    };
    let caps = serde_json::to_value(capabilities).map_err(|e| e.to_string())?;
    connection.initialize(caps).map_err(|e| e.to_string())?;
    let mut server = Server::default();
    for msg in &connection.receiver {
        match msg {
            Message::Request(req) => {
                if connection
                    .handle_shutdown(&req)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                let response = server.request(req);
                send(connection, Message::Response(response))?;
            }
            Message::Notification(n) => {
                if let Some(publish) = server.notification(n) {
                    send(connection, Message::Notification(publish))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn send(connection: &Connection, msg: Message) -> Result<(), String> {
    connection.sender.send(msg).map_err(|e| e.to_string())
}

#[derive(Default)]
struct Server {
    documents: HashMap<String, (Uri, Document)>,
}

/// The file path an URI names (for the engine's spans and the file's form).
fn path_of(uri: &Uri) -> String {
    url::Url::parse(uri.as_str())
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string())
}

impl Server {
    fn notification(&mut self, n: Notification) -> Option<Notification> {
        let uri = match n.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams =
                    serde_json::from_value(n.params).ok()?;
                let doc = Document::new(
                    &path_of(&p.text_document.uri),
                    p.text_document.text,
                    p.text_document.version,
                );
                self.documents.insert(
                    p.text_document.uri.as_str().to_string(),
                    (p.text_document.uri.clone(), doc),
                );
                p.text_document.uri
            }
            notification::DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams =
                    serde_json::from_value(n.params).ok()?;
                let text = p.content_changes.into_iter().last()?.text;
                let doc = Document::new(
                    &path_of(&p.text_document.uri),
                    text,
                    p.text_document.version,
                );
                self.documents.insert(
                    p.text_document.uri.as_str().to_string(),
                    (p.text_document.uri.clone(), doc),
                );
                p.text_document.uri
            }
            notification::DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams =
                    serde_json::from_value(n.params).ok()?;
                self.documents.remove(p.text_document.uri.as_str());
                // Clear the closed file's findings.
                return Some(publish(p.text_document.uri, Vec::new(), None));
            }
            _ => return None,
        };
        let (_, doc) = self.documents.get(uri.as_str())?;
        let diagnostics = doc
            .diagnostics
            .iter()
            .map(|d| to_lsp(&doc.text, &uri, d))
            .collect();
        Some(publish(uri, diagnostics, Some(doc.version)))
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match self.answer(req) {
            Ok(value) => Response::new_ok(id, value),
            Err(message) => Response::new_err(id, ErrorCode::InvalidParams as i32, message),
        }
    }

    fn doc(&self, uri: &Uri) -> Result<&Document, String> {
        self.documents
            .get(uri.as_str())
            .map(|(_, d)| d)
            .ok_or_else(|| format!("{} is not open", uri.as_str()))
    }

    fn answer(&mut self, req: Request) -> Result<serde_json::Value, String> {
        let json = |v: &dyn erased::Json| v.to_json();
        match req.method.as_str() {
            request::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = parse(req.params)?;
                let pos = p.text_document_position_params;
                let doc = self.doc(&pos.text_document.uri)?;
                let at = text::offset(&doc.text, pos.position);
                let hover = hover::hover(doc, at).map(|(value, (s, e))| Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    }),
                    range: Some(text::range(&doc.text, s, e)),
                });
                json(&hover)
            }
            request::Completion::METHOD => {
                let p: lsp_types::CompletionParams = parse(req.params)?;
                let pos = p.text_document_position;
                let doc = self.doc(&pos.text_document.uri)?;
                let at = text::offset(&doc.text, pos.position);
                json(&complete::complete(doc, at))
            }
            request::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = parse(req.params)?;
                let pos = p.text_document_position_params;
                let doc = self.doc(&pos.text_document.uri)?;
                let at = text::offset(&doc.text, pos.position);
                let found = definition(doc, at).map(|(s, e)| {
                    GotoDefinitionResponse::Scalar(Location::new(
                        pos.text_document.uri.clone(),
                        text::range(&doc.text, s, e),
                    ))
                });
                json(&found)
            }
            request::References::METHOD => {
                let p: lsp_types::ReferenceParams = parse(req.params)?;
                let pos = p.text_document_position;
                let doc = self.doc(&pos.text_document.uri)?;
                let at = text::offset(&doc.text, pos.position);
                let found = references(doc, at, p.context.include_declaration)
                    .into_iter()
                    .map(|(s, e)| {
                        Location::new(pos.text_document.uri.clone(), text::range(&doc.text, s, e))
                    })
                    .collect::<Vec<_>>();
                json(&found)
            }
            request::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = parse(req.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                json(&format(&path_of(&p.text_document.uri), doc))
            }
            request::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse(req.params)?;
                let doc = self.doc(&p.text_document.uri)?;
                json(&symbols::symbols(doc))
            }
            other => Err(format!("policyc lsp does not answer `{other}`")),
        }
    }
}

/// Serialization of any answer, behind one signature.
mod erased {
    pub trait Json {
        fn to_json(&self) -> Result<serde_json::Value, String>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> Result<serde_json::Value, String> {
            serde_json::to_value(self).map_err(|e| e.to_string())
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(params: serde_json::Value) -> Result<T, String> {
    serde_json::from_value(params).map_err(|e| e.to_string())
}

fn publish(
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) -> Notification {
    Notification::new(
        notification::PublishDiagnostics::METHOD.to_string(),
        PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        },
    )
}

/// A finding as the editor shows it: code, severity, range, message and help,
/// secondary locations as related information.
fn to_lsp(text: &str, uri: &Uri, d: &crate::diagnostic::Diagnostic) -> lsp_types::Diagnostic {
    let range = d.span.as_ref().map_or_else(lsp_types::Range::default, |s| {
        text::range(text, s.start(), s.end())
    });
    let severity = match d.severity {
        crate::diagnostic::Severity::Error => DiagnosticSeverity::ERROR,
        crate::diagnostic::Severity::Warning => DiagnosticSeverity::WARNING,
        crate::diagnostic::Severity::Note => DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    if let Some(reason) = &d.acknowledged {
        message.push_str("\nacknowledged: ");
        message.push_str(reason);
    }
    let related: Vec<lsp_types::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp_types::DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), text::range(text, l.span.start(), l.span.end())),
            message: l.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range,
        severity: Some(if d.acknowledged.is_some() {
            DiagnosticSeverity::HINT
        } else {
            severity
        }),
        code: Some(NumberOrString::String(d.code.id().to_string())),
        source: Some("policyc".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

/// The definition of the name at byte `at`.
fn definition(doc: &Document, at: usize) -> Option<(usize, usize)> {
    let (word, _, _) = text::word_at(&doc.text, at)?;
    let file = doc.ast.as_ref()?;
    names::definitions(file)
        .into_iter()
        .find(|d| d.name == word)
        .map(|d| d.name_span)
}

/// Every occurrence of the name at byte `at` (its definition too, if asked).
fn references(doc: &Document, at: usize, with_definition: bool) -> Vec<(usize, usize)> {
    let Some(def) = definition(doc, at) else {
        return Vec::new();
    };
    let Some(file) = doc.ast.as_ref() else {
        return Vec::new();
    };
    let name = &doc.text[def.0..def.1];
    names::occurrences(file, name)
        .into_iter()
        .filter(|r| with_definition || *r != def)
        .collect()
}

/// `policyc fmt` of the document, as one edit (none when it is canonical or
/// does not parse).
fn format(path: &str, doc: &Document) -> Vec<TextEdit> {
    if engine_form_is_yaml(path) {
        return Vec::new();
    }
    let source = crate::span::SourceFile::new(path, doc.text.as_str());
    match crate::fmt::format_source(&source) {
        Ok(formatted) if formatted != doc.text => vec![TextEdit {
            range: text::range(&doc.text, 0, doc.text.len()),
            new_text: formatted,
        }],
        _ => Vec::new(),
    }
}

fn engine_form_is_yaml(path: &str) -> bool {
    crate::engine::SourceFormat::of(path) == crate::engine::SourceFormat::Yaml
}
