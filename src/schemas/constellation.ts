/** A navigation system's satellites as one source counts them: shared by programmes (GPS, GLONASS, Galileo) and topic pages (BeiDou). */
import { z } from 'astro/zod';
import { isoDate } from './fields.ts';
import { ref } from './references.ts';

/** The orbit types a constellation is split into, in the order figures show them. */
export const ORBIT_TYPES = ['meo', 'igso', 'geo'] as const;
export type OrbitType = (typeof ORBIT_TYPES)[number];

const count = z.number().int().nonnegative();

export const constellationSchema = z
  .strictObject({
    /** Short name of the system as figures label it, e.g. "GPS". */
    system: z.string().min(1),
    /** Number of satellites counted. */
    satellites: z.number().int().positive(),
    /** What the number counts, in the source's terms, e.g. "BDS-3 global networking satellites". */
    counted: z.string().min(1),
    /** Satellites in medium Earth orbit (MEO), where a source gives the split by orbit. */
    meo: count.optional(),
    /** Satellites in inclined geosynchronous orbit (IGSO), where a source gives the split by orbit. */
    igso: count.optional(),
    /** Satellites in geostationary orbit (GEO), where a source gives the split by orbit. */
    geo: count.optional(),
    /** Date the count holds for, YYYY-MM-DD; for an undated source, the date its entry records. */
    asOf: isoDate(),
    /** Where the count is documented. */
    source: ref('sources'),
    /** Where the split by orbit is documented, when that is another source than `source`. */
    orbitSource: ref('sources').optional(),
  })
  .refine(
    (c) => {
      const split = ORBIT_TYPES.map((o) => c[o]).filter((n) => n !== undefined);
      return split.length === 0 || split.reduce((a, b) => a + b, 0) === c.satellites;
    },
    { message: 'expected the satellites by orbit (meo, igso, geo) to add up to `satellites`', path: ['satellites'] },
  );

export type ConstellationData = z.output<typeof constellationSchema>;

/** A count of a programme's participants on one date, as its source gives it. */
export const participantCountSchema = z.strictObject({
  /** Date the count holds for, YYYY-MM-DD. */
  date: isoDate(),
  /** Number of participants (signatories, members) on that date. */
  count: z.number().int().positive(),
  /** Where the count is documented. */
  source: ref('sources'),
});
