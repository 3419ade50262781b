// The VS Code client: starts `policyc lsp` (standard input and output) for
// policy files; everything else (diagnostics, hover, completion, definition,
// references, formatting, outline) comes from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('policyc');
  const command = config.get('path', 'policyc');
  const selector = [{ scheme: 'file', language: 'policy' }];
  if (config.get('yaml', false)) {
    selector.push({ scheme: 'file', language: 'yaml' });
  }
  const server = { command, args: ['lsp'] };
  client = new LanguageClient(
    'policyc',
    'policyc',
    { run: server, debug: server },
    { documentSelector: selector }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
