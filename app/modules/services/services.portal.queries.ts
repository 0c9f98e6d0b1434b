// The Ambito's offer as the public portal shows it: the active services grouped by area, each with its national type,
// how it is managed, who provides it, where it is accessed, the LEPS it serves and its latest recorded users (the
// portal publishes them through publishCount).
import type { DbOrTx } from '../../shared/db/client.ts';
import { listAmbitoServices } from './services.public.queries.ts';
import { serviceReferences } from './services.queries.ts';

export interface PublicService {
  code: string;
  name: string;
  typeCode: string;
  typeName: string | null;
  targetGroup: string;
  management: string;
  comuneName: string | null;
  providerName: string;
  accessPoint: string | null;
  leps: { code: string; name: string }[];
  /** The latest year with recorded users, and the count (to be published through publishCount). */
  usersYear: number | null;
  users: number | null;
}

export interface PublicServiceArea {
  code: string;
  name: string;
  services: PublicService[];
}

/** The active services of the Ambito grouped by area, in the areas' order (areas without services left out). */
export async function listPublicServices(db: DbOrTx, ambitoId: string): Promise<PublicServiceArea[]> {
  const [records, refs] = await Promise.all([listAmbitoServices(db, ambitoId), serviceReferences(db, ambitoId)]);
  const lepsName = new Map(refs.leps.map((l) => [l.code, l.name]));
  const areas: PublicServiceArea[] = refs.areas.map((a) => ({ code: a.code, name: a.name, services: [] }));
  for (const s of records) {
    if (!s.active) continue;
    const latest = [...s.years].reverse().find((y) => y.users !== null) ?? null;
    let area = areas.find((a) => a.code === s.areaCode);
    if (!area) {
      area = { code: s.areaCode, name: s.areaCode, services: [] };
      areas.push(area);
    }
    area.services.push({
      code: s.code,
      name: s.name,
      typeCode: s.typeCode,
      typeName: s.typeName,
      targetGroup: s.targetGroup,
      management: s.management,
      comuneName: s.comuneName,
      providerName: s.providerName,
      accessPoint: s.accessPoint,
      leps: s.lepsCodes.map((code) => ({ code, name: lepsName.get(code) ?? code })),
      usersYear: latest?.year ?? null,
      users: latest?.users ?? null,
    });
  }
  return areas.filter((a) => a.services.length > 0);
}
