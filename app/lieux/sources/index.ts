import type { Adaptateur } from "./adaptateur";
import { aidantsConnect } from "./aidants-connect";
import { cnfs2022 } from "./cnfs-2022";
import { franceServices } from "./france-services";

export type { Adaptateur } from "./adaptateur";

/** The known non-standard source formats, by the name given to `import --format`. */
export const ADAPTATEURS: Record<Adaptateur["format"], Adaptateur> = {
  "cnfs-2022": cnfs2022,
  "france-services": franceServices,
  "aidants-connect": aidantsConnect,
};
