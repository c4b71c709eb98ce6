// An article as read from the archive, before any analysis.

export interface Article {
  /** Stable id: the source file's path relative to its corpus root, plus "#<id or line>" for JSONL records. */
  id: string;
  /** Absolute path of the file the article came from (read-only to us). */
  file: string;
  /** file:// URI of that file. */
  uri: string;
  title: string | null;
  /** ISO date "YYYY-MM-DD" or "YYYY-MM" (or "YYYY"), or null when unknown. Never guessed from mtime. */
  date: string | null;
  /** Publisher or outlet ("NOS", "de Volkskrant"), or null. */
  source: string | null;
  url: string | null;
  /** The text that is analysed. Offsets into it map back to the file through `lineBase`/`exact`. */
  text: string;
  /** 0-based line in `file` where `text` starts. */
  lineBase: number;
  /** 0-based character on `lineBase` where `text` starts. */
  charBase: number;
  /** True when `text` is a verbatim slice of the file (txt, md), so every offset maps to a file position;
   *  false for JSONL, where every offset maps to the record's line. */
  exact: boolean;
  /** Content hash of (metadata + text), the cache key for this article's analysis. */
  hash: string;
}

/** Something that could not be read, reported once with its reason. */
export interface Skipped {
  file: string;
  /** 1-based line for a bad JSONL record or XML item, else undefined. */
  line?: number;
  /** Machine-readable reason code. */
  reason: 'unsupported-type' | 'binary' | 'invalid-encoding' | 'too-large' | 'empty' | 'unreadable'
    | 'bad-json' | 'bad-record' | 'bad-front-matter' | 'bad-xml' | 'not-a-feed' | 'symlink-loop' | 'not-found' | 'analysis-failed';
  /** The detail in English (logs, JSON output); `why` is what the messages are made from. */
  detail: string;
  /** The detail's key in the catalog (corpus/skips.ts) and its parameters. Absent in reports read
   *  from an older cache, which show the reason alone in Dutch. */
  why?: { key: string; params: Record<string, string | number> };
  /** True for a warning: the article (or file) was still read, e.g. broken front matter or a repaired encoding. */
  kept?: boolean;
  /** For a line that stands for several files (unsupported types in one folder): how many. */
  count?: number;
}

/** A change of a corpus file, from the file watcher or the editor. */
export type CorpusChangeType = 'created' | 'changed' | 'deleted';
export interface CorpusChange { file: string; type: CorpusChangeType }
