// vscode-languageclient 11 publishes its Node entry point only through package.json `exports`,
// which TypeScript's `moduleResolution: node` (node10) does not read. This maps the subpath to
// its declaration file for the type checker; esbuild resolves `exports` itself when bundling.
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
