/**
 * What the site derives from its data for figures, computed once per build (memoised like
 * `getSiteData`), never once per page.
 */
import { getSiteData } from './entries.ts';
import { getArtemisSignatories, getIlrsMembers, type ArtemisSignatory, type IlrsMember } from '../lib/figures/membership.ts';

let membership: Promise<{ members: IlrsMember[]; signatories: ArtemisSignatory[] }> | undefined;
/** ILRS members and Artemis Accords signatories in the `countries` collection. */
export function getMembership(): Promise<{ members: IlrsMember[]; signatories: ArtemisSignatory[] }> {
  return (membership ??= getSiteData().then((site) => ({ members: getIlrsMembers(site), signatories: getArtemisSignatories(site) })));
}
