import { z } from "zod";

/** Turns an address typed by a person into a point. Optional: without one, only communes and postal codes are understood. */
export interface Geocodeur {
  geocoder(texte: string): Promise<{ latitude: number; longitude: number; libelle: string } | undefined>;
}

/** The part of the BAN answer (GeoJSON FeatureCollection) that we read. */
const reponseBan = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
      properties: z.object({ label: z.string(), score: z.number().optional() }),
    }),
  ),
});

/**
 * The national address base (BAN) API, `GET <base>/search/?q=…&limit=1`. Any failure — timeout,
 * HTTP error, unexpected body — answers "not found": a search must not break because the
 * geocoder is slow or down.
 */
export function geocodeurBan(urlBase: string, options: { delaiMs?: number } = {}): Geocodeur {
  const delaiMs = options.delaiMs ?? 1500;
  return {
    async geocoder(texte) {
      const url = new URL("search/", urlBase.endsWith("/") ? urlBase : `${urlBase}/`);
      url.searchParams.set("q", texte);
      url.searchParams.set("limit", "1");
      try {
        const reponse = await fetch(url, { signal: AbortSignal.timeout(delaiMs), headers: { accept: "application/json" } });
        if (!reponse.ok) return undefined;
        const corps = reponseBan.safeParse(await reponse.json());
        const premier = corps.success ? corps.data.features[0] : undefined;
        if (!premier) return undefined;
        const [longitude, latitude] = premier.geometry.coordinates;
        return { latitude, longitude, libelle: premier.properties.label };
      } catch {
        return undefined;
      }
    },
  };
}

/** The BAN adapter when `PASSERELLE_GEOCODEUR_URL` is set (e.g. https://api-adresse.data.gouv.fr), else none. */
export function geocodeurDepuisEnv(env: NodeJS.ProcessEnv = process.env): Geocodeur | undefined {
  const url = env.PASSERELLE_GEOCODEUR_URL?.trim();
  return url ? geocodeurBan(url) : undefined;
}
