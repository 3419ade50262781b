//! `policyc lsp` driven over standard input and output as an editor drives it:
//! initialize, open a file with an error, receive the diagnostic, hover,
//! complete, go to definition, find references, document symbols, format,
//! shutdown, exit.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::too_many_lines,
    clippy::needless_pass_by_value
)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};

struct Client {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.receive();
            if msg["id"] == json!(id) {
                assert!(msg.get("error").is_none(), "{method}: {msg}");
                return msg["result"].clone();
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next `publishDiagnostics` notification.
    fn diagnostics(&mut self) -> Value {
        loop {
            let msg = self.receive();
            if msg["method"] == "textDocument/publishDiagnostics" {
                return msg["params"].clone();
            }
        }
    }
}

const URI: &str = "file:///tmp/policyc-lsp-test/site.policy";

const SOURCE: &str = "policy main {
  title \"Example\"
  discuri \"https://www.example.com/privacy\"
  access none
  entity \"Example, Inc.\" {
    email \"privacy@example.com\"
  }
  collect signup {
    data user.home-info.online.email
    for curent
    to ours
    retain stated-purpose \"a year\"
  }
  collect orders {
    data user.name
    for current
    to ours
    retain stated-purpose \"a year\"
  }
  opt-out news link {
    covers orders
  }
}
";

fn position(text: &str, needle: &str, delta: usize) -> Value {
    let at = text.find(needle).expect("needle in text") + delta;
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": col})
}

fn at(needle: &str, delta: usize) -> Value {
    json!({"textDocument": {"uri": URI}, "position": position(SOURCE, needle, delta)})
}

#[test]
fn the_server_answers_an_editor_over_stdio() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("policyc lsp starts");
    let mut c = Client {
        stdin: child.stdin.take().unwrap(),
        stdout: BufReader::new(child.stdout.take().unwrap()),
        next_id: 0,
    };

    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let caps = &init["capabilities"];
    for cap in [
        "hoverProvider",
        "completionProvider",
        "definitionProvider",
        "referencesProvider",
        "documentFormattingProvider",
        "documentSymbolProvider",
    ] {
        assert!(!caps[cap].is_null(), "{cap} missing: {caps}");
    }
    c.notify("initialized", json!({}));

    // Open a file with an error: the finding arrives, located and explained.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "policy", "version": 1, "text": SOURCE}}),
    );
    let published = c.diagnostics();
    assert_eq!(published["uri"], URI);
    let diags = published["diagnostics"].as_array().unwrap();
    let l104 = diags
        .iter()
        .find(|d| d["code"] == "L104")
        .unwrap_or_else(|| panic!("no L104 in {published}"));
    assert_eq!(l104["range"]["start"], position(SOURCE, "curent", 0));
    assert_eq!(l104["severity"], 1);
    assert!(l104["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `current`"));

    // Hover on the finding explains its code; on a term, the term; on a keyword, the keyword.
    let hover = c.request("textDocument/hover", at("curent", 2));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("L104") && text.contains("P3P vocabulary"),
        "{text}"
    );
    let hover = c.request("textDocument/hover", at("stated-purpose", 3));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("P3P retention"), "{text}");
    let hover = c.request("textDocument/hover", at("discuri", 1));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("human-readable policy"), "{text}");

    // Completion: keywords of the enclosing block at a line's start, terms and names after.
    let items = c.request("textDocument/completion", at("    for current", 4));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"for") && labels.contains(&"retain"),
        "{labels:?}"
    );
    assert!(!labels.contains(&"title"), "{labels:?}");
    let items = c.request("textDocument/completion", at("covers orders", 9));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"orders"), "{labels:?}");
    let items = c.request("textDocument/completion", at("for current", 5));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"current") && labels.contains(&"contact"),
        "{labels:?}"
    );

    // Go to definition and find references of a name.
    let def = c.request("textDocument/definition", at("covers orders", 8));
    assert_eq!(def["uri"], URI);
    assert_eq!(def["range"]["start"], position(SOURCE, "orders {", 0));
    let mut refs_params = at("covers orders", 8);
    refs_params["context"] = json!({"includeDeclaration": true});
    let refs = c.request("textDocument/references", refs_params);
    assert_eq!(refs.as_array().unwrap().len(), 2, "{refs}");

    // Document symbols: the policy and what it defines.
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let policy = &symbols[0];
    assert_eq!(policy["name"], "policy main");
    let children: Vec<&str> = policy["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        children.contains(&"collect signup") && children.contains(&"opt-out news"),
        "{children:?}"
    );

    // A change is re-checked: fixing the typo clears the finding.
    let fixed = SOURCE.replace("curent", "current");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = c.diagnostics();
    assert_eq!(published["version"], 2);
    assert!(
        !published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "L104"),
        "{published}"
    );

    // Formatting: a badly indented file comes back canonical, as `policyc fmt` writes it.
    let messy = fixed.replace("  title", "      title");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": messy}]}),
    );
    c.diagnostics();
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0]["newText"], fixed.as_str());

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
}
