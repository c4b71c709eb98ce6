// Custom LSP messages between the Bronvast client and server, beyond standard LSP.
// Any LSP client may use them; none is needed for the standard features.

/** Server → client notification: indexing state for a status bar. */
export const StatusNotification = 'bronvast/status';
export interface StatusParams {
  /** `empty`: indexed, but the archive folders hold no article (house-spelling hints still work). */
  state: 'starting' | 'indexing' | 'ready' | 'empty' | 'error';
  /** Articles analysed so far and in total while indexing. */
  done: number;
  total: number;
  articles: number;
  places: number;
  figures: number;
  skipped: number;
  /** Localised one-line text ("Archief: 1438 artikelen, 3120 plaatsen, 9876 cijfers"). */
  message: string;
  /** On a shared index: which (its connection string without a password), its generation, when it was last written (ISO). */
  store?: string;
  generation?: number;
  updatedAt?: string;
  /** What went wrong, for state `error`. */
  error?: string;
}

/** Client → server request: re-read the corpus from scratch (cache still used for unchanged articles). */
export const ReindexRequest = 'bronvast/reindex';

/** Client → server request: the index summary as Markdown (counts, corpus paths, skipped files with reasons). */
export const SummaryRequest = 'bronvast/summary';
export interface SummaryResult { markdown: string; status: StatusParams }

/** Client → server request: all places in the archive, for a quick pick. */
export const PlacesRequest = 'bronvast/places';
/** `kind`: the kind of place in the language the client asked for at initialize ("stadje", "town"). */
export interface PlaceItem { id: string; name: string; kind: string; region: string | null; mentions: number; articles: number }

/** Client → server request: the dossier of one place as Markdown (what the hover shows, in full). */
export const DossierRequest = 'bronvast/dossier';
export interface DossierParams { id: string }
export interface DossierResult { markdown: string | null }

/** Command ids the server puts in code actions and hover links; the client implements them. */
export const Commands = {
  /** Open an archive article at a line: arguments [uri: string, line: number (0-based)]. */
  openSource: 'bronvast.openSource',
  /** Show the dossier of a place: arguments [id?: string]; without id a quick pick. */
  showDossier: 'bronvast.showDossier',
  reindex: 'bronvast.reindex',
  showSummary: 'bronvast.showSummary',
} as const;
