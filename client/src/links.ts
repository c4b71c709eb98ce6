// Pure helpers for the Markdown views (no `vscode` import, so they are unit-testable).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rewrites Markdown links to `file:` URIs — which VS Code's Markdown preview refuses to render
 * as links — into paths relative to `fromDir` (the folder of the Markdown file being shown),
 * keeping a `#L12` line fragment, which the preview opens at that line. Links that cannot be
 * made relative (another drive, a malformed URI) are left as they are.
 */
export function relativeLinks(markdown: string, fromDir: string, sep: string = path.sep): string {
  const p = sep === '\\' ? path.win32 : path.posix;
  return markdown.replace(/\]\((file:\/\/[^)\s]+)\)/g, (whole, link: string) => {
    const hash = link.indexOf('#');
    const fragment = hash >= 0 ? link.slice(hash) : '';
    let target: string;
    try {
      target = fileURLToPath(hash >= 0 ? link.slice(0, hash) : link, { windows: sep === '\\' });
    } catch {
      return whole;
    }
    const rel = p.relative(fromDir, target);
    if (rel === '' || p.isAbsolute(rel)) return whole;
    return `](${rel.split(sep).map(encodeURIComponent).join('/')}${fragment})`;
  });
}
