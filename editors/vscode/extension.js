// Minimal VS Code client for `shipshape lsp`: starts the server over stdio for the Docker-related
// documents and lets vscode-languageclient handle diagnostics, quick fixes and hover.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('shipshape');
  const command = config.get('path') || 'shipshape';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  const initializationOptions = {};
  if (config.get('docsBaseUrl')) initializationOptions.docsBaseUrl = config.get('docsBaseUrl');
  client = new LanguageClient('shipshape', 'shipshape', server, {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', language: 'dockercompose' },
      { scheme: 'file', pattern: '**/{compose,docker-compose}*.{yml,yaml}' },
      { scheme: 'file', pattern: '**/{.env,.env.*,*.env}' },
      { scheme: 'file', pattern: '**/.dockerignore' },
      { scheme: 'file', pattern: '**/*entrypoint*.sh' },
    ],
    synchronize: {
      // Config edits made outside the editor re-lint the open documents.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.shipshape,.hadolint}.{yaml,yml}'),
    },
    initializationOptions,
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
