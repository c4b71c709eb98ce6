// The file manifest: what a build read from each file, kept in the analysis cache, so that the
// next build need not read an unchanged file again; and the caches' key forms.

import * as fs from 'node:fs';
import type { Article, Skipped } from '../corpus/types';

/** An article without its text: what the manifest keeps (a recalled article's text is read only when a pass needs it). */
export type ArticleMeta = Omit<Article, 'text'>;

/**
 * What a build read from a file, kept in the analysis cache so that the next build (a warm start,
 * the server's re-index) need not read and hash the file again while it is unchanged: its `stat`
 * (size, modification and change times in ns, inode, device), the corpus root its ids are relative
 * to, its articles without their texts, and what reading it reported.
 */
export interface FileRecord { stat: string; root: string; articles: ArticleMeta[]; skipped: Skipped[] }
export interface Manifest { maxFileBytes: number | null; files: [string, FileRecord][] }
/**
 * What the two caches hold, one key form per kind, so that no kind can meet another's keys. The
 * analysis cache: each article's pass-1 analysis by content hash, and the file manifest. The facts
 * cache: each article's pass-2 facts by content hash and lexicon fingerprint, and the learned plan
 * by the archive's articles.
 */
export const CACHE_KEYS = {
  analysis: (contentHash: string) => contentHash,
  manifest: 'manifest:files',
  facts: (contentHash: string, fingerprint: string) => `${contentHash}:${fingerprint}`,
  learned: (articlesDigest: string) => `learned:${articlesDigest}`,
} as const;
export const MANIFEST_KEY = CACHE_KEYS.manifest;
/** A file modified this recently before its stat was taken is not recorded: a change within the
 *  file system's timestamp resolution could keep its stat (the "racy" case of stat caches). */
const RACY_MS = 2000;

/** A file's stat as a FileRecord keeps it, and whether it is too recent to be trusted later; null if it cannot be read. */
export async function statOf(file: string): Promise<{ key: string; racy: boolean } | null> {
  try {
    const st = await fs.promises.stat(file, { bigint: true });
    return { key: `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.dev}`, racy: Number(st.mtimeNs / 1_000_000n) > Date.now() - RACY_MS };
  } catch {
    return null;
  }
}
