/**
 * What the site derives from its data for figures, relations and the timeline, computed once
 * per build (memoised like `getSiteData`), never once per page.
 */
import { getSiteData } from './entries.ts';
import { getArtemisSignatories, getIlrsMembers, type ArtemisSignatory, type IlrsMember } from '../lib/figures/membership.ts';
import { buildRelations, type EntryRelations } from '../lib/relations.ts';
import { buildTimelineIndex, type TimelineIndex } from '../lib/timeline.ts';

let relations: Promise<Map<string, EntryRelations>> | undefined;
let timeline: Promise<TimelineIndex> | undefined;
let membership: Promise<{ members: IlrsMember[]; signatories: ArtemisSignatory[] }> | undefined;

/** Every entry's typed relations, by `collection/id`. */
export function getRelations(): Promise<Map<string, EntryRelations>> {
  return (relations ??= getSiteData().then(buildRelations));
}

/** Every event, its topics, and each entry's own events. */
export function getTimelineIndex(): Promise<TimelineIndex> {
  return (timeline ??= getSiteData().then(buildTimelineIndex));
}

/** ILRS members and Artemis Accords signatories in the `countries` collection. */
export function getMembership(): Promise<{ members: IlrsMember[]; signatories: ArtemisSignatory[] }> {
  return (membership ??= getSiteData().then((site) => ({ members: getIlrsMembers(site), signatories: getArtemisSignatories(site) })));
}
