// The environment the language server is started with: the editor's, plus one setting of glibc's
// allocator (Linux; other C libraries ignore it).

/**
 * glibc raises its mmap threshold each time a large block is freed, so that later blocks of up to
 * 32 MB come from its heaps instead of their own mappings; freed among the index's allocations they
 * stay with the process. A fixed threshold of 128 KiB (glibc's starting value) returns every large
 * buffer to the system when it is freed. Measured with `node dist/bench.js --lsp-only` on 204 MB of
 * archive (86,280 articles): RSS 607 MB after a cold index (734–884 MB without), 601 after a
 * re-index and an update (667–765), 586 after a warm start (588–594), cold index ready in 78.7 s
 * (78–100 s without); at 68.5 MB 295 / 303 / 272 MB (382–439 / 394–431 / 287). A value the user set
 * is kept.
 */
export function serverEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, MALLOC_MMAP_THRESHOLD_: base.MALLOC_MMAP_THRESHOLD_ ?? '131072' };
}
