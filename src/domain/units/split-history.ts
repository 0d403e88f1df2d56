/*
 * A unit split among several successors: which of them each of its dossiers' history goes to
 * (docs/TWO-LEVEL-GOVERNMENT.md). In this order:
 * 1. the successor the reorganisation file names for the dossier (by its code);
 * 2. the successor one of whose areas (the old communes, wards or villages it took over, as the
 *    file lists them) is a part of the applicant's address (between commas) — the first such
 *    successor in the file's order;
 * 3. the first successor named, the one that keeps the unit's records (units.successor_id).
 */

export interface Split {
  /** The split unit. */
  code: string
  /** Its successors in the file's order; the first is the unit's successor. */
  successors: readonly string[]
  /** Each successor's areas, as the file lists them (may be none). */
  areas: ReadonlyMap<string, readonly string[]>
}

export interface SplitDossier {
  code: string
  applicantAddress: string | null
}

export type ShareReason = 'named' | 'address' | 'first'

export interface DossierShare {
  successor: string
  reason: ShareReason
}

/** Case, accents' composition and spacing aside: "Xã  An Thanh" is in "thôn 3, xã an thanh, Tứ Kỳ". */
function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()
}

/**
 * Whether an address names an area: one of its parts (between commas) is the area, so "Thôn
 * Đông" is in "số 5, thôn Đông, Tứ Kỳ" but not in "Thôn Đông Hưng".
 */
function addressNames(address: string, area: string): boolean {
  const wanted = normalise(area)
  return wanted !== '' && address.split(/[,;]/).some((part) => normalise(part) === wanted)
}

/** The successor a dossier of a split unit goes to, and why. */
export function shareOfDossier(split: Split, dossier: SplitDossier, named: ReadonlyMap<string, string>): DossierShare {
  const byName = named.get(dossier.code)
  if (byName !== undefined) return { successor: byName, reason: 'named' }
  if (dossier.applicantAddress) {
    for (const successor of split.successors) {
      if ((split.areas.get(successor) ?? []).some((area) => addressNames(dossier.applicantAddress!, area))) return { successor, reason: 'address' }
    }
  }
  return { successor: split.successors[0]!, reason: 'first' }
}
