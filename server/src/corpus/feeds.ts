// The feeds a newsroom has besides text files: press-agency XML in the IPTC standards (NewsML-G2,
// as Reuters, AFP and ANP deliver it, and the older NITF) and saved article pages (HTML). Each is
// read with a parser made for it (fast-xml-parser; linkedom with Mozilla's Readability for the
// article's own text), never with regular expressions over the markup.
//
// One XML file may hold several items (a NewsML-G2 newsMessage, NITF documents in a wrapper); an
// HTML page is one article. The text handed on is the story as a reader sees it: the dateline
// (in capitals, "KYIV (ANP) -") before the first paragraph, paragraphs separated by a blank line.
// It is not a slice of the file: offsets map to the line where the item starts.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isProbablyReaderable, Readability } from '@mozilla/readability';

// What this module uses of a DOM (the project has no DOM types: it runs in Node).
interface DomElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  parentElement: DomElement | null;
  closest(selector: string): DomElement | null;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
// (linkedom ships its types as ES modules only; its CommonJS build is what esbuild bundles.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseHTML } = require('linkedom') as { parseHTML(html: string): { document: DomDocument } };

export interface FeedItem {
  /** The item's own id (NewsML-G2 guid, NITF doc-id), or null. */
  id: string | null;
  title: string | null;
  /** As written in the feed (an ISO date-time, NITF's "20240812T100000Z", …); normalised by the caller. */
  date: string | null;
  source: string | null;
  url: string | null;
  text: string;
  /** 0-based line of the file where the item starts. */
  line: number;
}

export type FeedResult = { items: FeedItem[] } | { error: string; line?: number } | { notFeed: string };

// ---------------------------------------------------------------------------------------------
// XML: a tree of ordered nodes (preserveOrder keeps "Tekst <b>vet</b> meer" in order).

type XNode = Record<string, unknown>;
const ATTRS = ':@';

function nameOf(n: XNode): string | null {
  for (const k of Object.keys(n)) if (k !== ATTRS) return k;
  return null;
}
function kids(n: XNode): XNode[] {
  const k = nameOf(n);
  const v = k ? n[k] : null;
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode | undefined, a: string): string | null {
  const v = (n?.[ATTRS] as Record<string, unknown> | undefined)?.[`@${a}`];
  return v === undefined || v === null ? null : String(v);
}
/** Elements named `name` below `nodes` (depth first, in document order), not inside another match. */
function findAll(nodes: XNode[], name: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    const k = nameOf(n);
    if (k === name) out.push(n);
    else if (k && k !== '#text') findAll(kids(n), name, out);
  }
  return out;
}
/** The first element named `name` below `nodes`, in document order. */
function find(nodes: XNode[], name: string): XNode | undefined {
  for (const n of nodes) {
    const k = nameOf(n);
    if (k === name) return n;
    if (k && k !== '#text') { const f = find(kids(n), name); if (f) return f; }
  }
  return undefined;
}
/** The text of a node, whitespace collapsed. */
function textOf(n: XNode | undefined): string {
  if (!n) return '';
  const parts: string[] = [];
  const walk = (x: XNode) => {
    const k = nameOf(x);
    if (k === '#text') parts.push(String(x['#text']));
    else if (k === 'br') parts.push(' ');
    else for (const c of kids(x)) walk(c);
  };
  walk(n);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

const BLOCKS = new Set(['p', 'hl2', 'h1', 'h2', 'h3', 'h4', 'li', 'blockquote', 'pre']);

/** The paragraphs of a body: its block elements' texts, or its whole text when it has none. */
function paragraphsOf(body: XNode | undefined): string[] {
  if (!body) return [];
  const out: string[] = [];
  const walk = (x: XNode) => {
    const k = nameOf(x);
    if (k && BLOCKS.has(k)) { const t = textOf(x); if (t) out.push(t); return; }
    if (k && k !== '#text') for (const c of kids(x)) walk(c);
  };
  walk(body);
  if (!out.length) { const t = textOf(body); if (t) out.push(t); }
  return out;
}

/** "KYIV (ANP) - Eerste alinea.\n\nTweede alinea." */
function story(dateline: string | null, source: string | null, paragraphs: string[]): string {
  if (!paragraphs.length) return '';
  const ps = paragraphs.slice();
  const d = clean(dateline);
  // (A dateline already in the first paragraph is not repeated.)
  if (d && !ps[0].toUpperCase().startsWith(d.toUpperCase())) {
    ps[0] = `${d.toUpperCase()}${source && !/\(/.test(d) ? ` (${source})` : ''} - ${ps[0]}`;
  }
  return ps.join('\n\n');
}

/** 0-based lines where each `<tag` (with any namespace prefix) opens, in order. */
function openingLines(xml: string, tag: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s>/]`, 'g');
  let line = 0, from = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = xml.indexOf('\n', from); i >= 0 && i < m.index; i = xml.indexOf('\n', i + 1)) line++;
    from = m.index;
    out.push(line);
  }
  return out;
}

const parser = new XMLParser({
  preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true,
  trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true,
});

/** A NewsML-G2 newsItem: headline, dateline, dates, provider, and its text from the contentSet. */
function newsItem(item: XNode, line: number, fallbackSource: string | null): FeedItem {
  const k = kids(item);
  const content = find(k, 'contentMeta');
  const meta = find(k, 'itemMeta');
  const cm = content ? kids(content) : [];
  const source = clean(attr(find(meta ? kids(meta) : [], 'provider'), 'literal')) ?? clean(textOf(find(cm, 'creditline')))
    ?? clean(attr(find(cm, 'infoSource'), 'literal')) ?? fallbackSource;
  const set = find(k, 'contentSet');
  let paragraphs: string[] = [];
  if (set) {
    const inlineXml = find(kids(set), 'inlineXML');
    if (inlineXml) {
      const inner = kids(inlineXml);
      paragraphs = paragraphsOf(find(inner, 'body.content') ?? find(inner, 'body') ?? inlineXml);
    } else {
      const data = find(kids(set), 'inlineData');
      if (data) paragraphs = textOfBlocks(data);
    }
  }
  const dateline = clean(textOf(find(cm, 'dateline'))) ?? clean(textOf(find(find(cm, 'located') ? kids(find(cm, 'located')!) : [], 'name')));
  return {
    id: clean(attr(item, 'guid')),
    title: clean(textOf(find(cm, 'headline'))),
    date: clean(textOf(find(cm, 'contentCreated'))) ?? clean(textOf(find(meta ? kids(meta) : [], 'firstCreated'))) ?? clean(textOf(find(meta ? kids(meta) : [], 'versionCreated'))),
    source,
    url: clean(attr(find(k, 'link'), 'href')),
    text: story(dateline, source, paragraphs),
    line,
  };
}

/** Plain text data: paragraphs at blank lines. */
function textOfBlocks(n: XNode): string[] {
  const raw: string[] = [];
  const walk = (x: XNode) => { if (nameOf(x) === '#text') raw.push(String(x['#text'])); else for (const c of kids(x)) walk(c); };
  walk(n);
  return raw.join('').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** An NITF document: hedline, dateline, date, distributor, body.content. */
function nitfItem(doc: XNode, line: number): FeedItem {
  const k = kids(doc);
  const head = find(k, 'head');
  const hk = head ? kids(head) : [];
  const body = find(k, 'body');
  const bk = body ? kids(body) : [];
  const bodyHead = find(bk, 'body.head');
  const bh = bodyHead ? kids(bodyHead) : [];
  const dl = find(bh, 'dateline');
  const dateline = dl ? clean(textOf(find(kids(dl), 'location'))) ?? clean(textOf(dl)) : null;
  const source = clean(textOf(find(bh, 'distributor'))) ?? clean(attr(find(hk, 'pubdata'), 'name')) ?? clean(attr(find(hk, 'docdata') ? find(kids(find(hk, 'docdata')!), 'doc.copyright') : undefined, 'holder'));
  const docdata = find(hk, 'docdata');
  const dd = docdata ? kids(docdata) : [];
  return {
    id: clean(attr(find(dd, 'doc-id'), 'id-string')),
    title: clean(textOf(find(find(bh, 'hedline') ? kids(find(bh, 'hedline')!) : [], 'hl1'))) ?? clean(textOf(find(hk, 'title'))),
    date: clean(attr(find(dd, 'date.issue'), 'norm')) ?? clean(attr(dl ? find(kids(dl), 'story.date') : undefined, 'norm')) ?? clean(attr(find(hk, 'pubdata'), 'date.publication')),
    source,
    url: clean(attr(find(hk, 'pubdata'), 'ex-ref')),
    text: story(dateline, source, paragraphsOf(find(bk, 'body.content'))),
    line,
  };
}

/** Read an XML file as NewsML-G2 or NITF items. */
export function parseNewsXml(xml: string): FeedResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line ? valid.err.line - 1 : undefined };
  let tree: XNode[];
  try { tree = parser.parse(xml) as XNode[]; } catch (e) { return { error: (e as Error).message }; }
  const roots = tree.filter((n) => { const k = nameOf(n); return k && k !== '?xml' && k !== '#text' && !k.startsWith('#'); });
  const root = roots[0] ? nameOf(roots[0]) : null;
  const items = findAll(tree, 'newsItem');
  if (items.length) {
    const header = find(tree, 'header');
    const sender = header ? clean(textOf(find(kids(header), 'sender'))) : null;
    const lines = openingLines(xml, 'newsItem');
    return { items: items.map((it, i) => newsItem(it, lines[i] ?? 0, sender)) };
  }
  const docs = findAll(tree, 'nitf');
  if (docs.length) {
    const lines = openingLines(xml, 'nitf');
    return { items: docs.map((d, i) => nitfItem(d, lines[i] ?? 0)) };
  }
  return { notFeed: root ?? '(none)' };
}

// ---------------------------------------------------------------------------------------------
// HTML: a saved article page.

/** The first of the selectors' values in the page. */
function metaOf(document: DomDocument, pairs: [string, string][]): string | null {
  for (const [sel, a] of pairs) {
    const el = document.querySelector(sel);
    const v = a === 'text' ? el?.textContent : el?.getAttribute(a);
    const c = clean(v);
    if (c) return c;
  }
  return null;
}

/** Read a saved article page: its own text (Readability: not menus, asides and footers) and metadata. */
export function parseHtmlArticle(html: string): FeedResult {
  let document: DomDocument;
  try { ({ document } = parseHTML(html)); } catch (e) { return { error: (e as Error).message }; }
  const meta = {
    title: metaOf(document, [['meta[property="og:title"]', 'content'], ['meta[name="twitter:title"]', 'content'], ['h1', 'text'], ['title', 'text']]),
    date: metaOf(document, [['meta[property="article:published_time"]', 'content'], ['meta[name="date"]', 'content'], ['meta[name="DC.date.issued"]', 'content'],
      ['meta[itemprop="datePublished"]', 'content'], ['time[datetime]', 'datetime']]),
    source: metaOf(document, [['meta[property="og:site_name"]', 'content'], ['meta[name="application-name"]', 'content']]),
    url: metaOf(document, [['link[rel="canonical"]', 'href'], ['meta[property="og:url"]', 'content']]),
  };
  // (Readability changes the document it reads; the metadata is taken first.) A page without a
  // paragraph of article text (an index page, a menu) has no article: Readability's own test.
  type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];
  const readable = isProbablyReaderable(document as unknown as ReadabilityDoc, { minContentLength: 80, minScore: 8 });
  let article: ReturnType<Readability['parse']> = null;
  if (readable) try { article = new Readability(document as unknown as ReadabilityDoc, { charThreshold: 80 }).parse(); } catch { article = null; }
  const paragraphs: string[] = [];
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    for (const el of content.querySelectorAll('p, h2, h3, h4, li, blockquote, pre')) {
      if (el.parentElement?.closest('p, li, blockquote')) continue;
      const t = clean(el.textContent);
      if (t) paragraphs.push(t);
    }
    if (!paragraphs.length) { const t = clean(article.textContent); if (t) paragraphs.push(t); }
  }
  return {
    items: [{
      id: null, title: meta.title ?? clean(article?.title), date: meta.date ?? clean(article?.publishedTime), source: meta.source ?? clean(article?.siteName),
      url: meta.url, text: paragraphs.join('\n\n'), line: 0,
    }],
  };
}
