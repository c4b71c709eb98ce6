// How a quantity's parts read in a message, in Dutch and English: "gedood", "in handen", ….

import type { Locale } from '../../core/l10n';
import type { Role } from './model';

const ROLE_LABELS: Record<Role, { nl: string; en: string }> = {
  killed: { nl: 'gedood', en: 'killed' },
  wounded: { nl: 'gewond', en: 'wounded' },
  casualty: { nl: 'gedood of gewond', en: 'killed or wounded' },
  resident: { nl: 'inwoners', en: 'inhabitants' },
  fled: { nl: 'gevlucht of geëvacueerd', en: 'fled or evacuated' },
  'evacuation-order': { nl: 'onder evacuatiebevel', en: 'under evacuation order' },
  hospitalised: { nl: 'in het ziekenhuis', en: 'in hospital' },
  missing: { nl: 'vermist', en: 'missing' },
  captured: { nl: 'veroverd', en: 'captured' },
  held: { nl: 'in handen', en: 'held' },
  retaken: { nl: 'heroverd', en: 'retaken' },
  launched: { nl: 'afgevuurd', en: 'launched' },
  downed: { nl: 'neergehaald', en: 'shot down' },
  destroyed: { nl: 'vernietigd', en: 'destroyed' },
  deployed: { nl: 'ingezet', en: 'deployed' },
  sent: { nl: 'gestuurd', en: 'sent' },
  invaded: { nl: 'binnengevallen', en: 'crossed in' },
  exchanged: { nl: 'geruild of vrijgelaten', en: 'exchanged or released' },
  'taken-prisoner': { nl: 'gevangengenomen', en: 'taken prisoner' },
  share: { nl: 'aandeel', en: 'share' },
  distance: { nl: 'afstand', en: 'distance' },
  built: { nl: 'geplaatst', en: 'installed' },
  paid: { nl: 'betaald', en: 'paid' },
  cost: { nl: 'kosten', en: 'cost' },
  fined: { nl: 'boete', en: 'fine' },
  'jobs-lost': { nl: 'geschrapt', en: 'cut' },
  visited: { nl: 'bezoekers', en: 'visitors' },
  sold: { nl: 'verkocht', en: 'sold' },
};

export function roleLabel(role: Role | null, locale: Locale): string {
  return role ? ROLE_LABELS[role]?.[locale] ?? role : '';
}
