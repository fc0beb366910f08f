/**
 * Choropleth classes: up to 5 classes of (about) equal counts, so that each shade covers as many
 * territories, with bounds taken from the data themselves (the legend says "de 2,1 à 3,4").
 */

/**
 * ColorBrewer "YlGnBu", 5 classes: sequential, safe for the three common colour-vision
 * deficiencies and for greyscale printing (lightness strictly decreasing).
 */
export const PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;
export const NOMBRE_CLASSES = PALETTE.length;

export interface Classes {
  /** Class bounds, ascending: class i is [bornes[i], bornes[i+1]), the last one includes its top. */
  bornes: number[];
  /** One colour per class, lightest first. */
  couleurs: string[];
}

/** Which palette colours to use for k < 5 classes: spread out, keeping the lightest and the darkest. */
function couleursPour(k: number): string[] {
  if (k <= 0) return [];
  if (k === 1) return [PALETTE[2]];
  return Array.from({ length: k }, (_, i) => PALETTE[Math.round((i * (NOMBRE_CLASSES - 1)) / (k - 1))] ?? PALETTE[0]);
}

/** Classes for the known values (nulls ignored); fewer than 5 when there are fewer distinct values. */
export function calculerClasses(valeurs: readonly (number | null)[], nombre = NOMBRE_CLASSES): Classes {
  const tries = valeurs.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const min = tries[0];
  const max = tries[tries.length - 1];
  if (min === undefined || max === undefined) return { bornes: [], couleurs: [] };
  if (min === max) return { bornes: [min, max], couleurs: couleursPour(1) };
  // Cuts at the quantiles; a cut equal to the minimum or to the previous one would make an empty class.
  // A cut equal to the maximum leaves a last class [max, max]: it holds the values equal to it.
  const coupures: number[] = [];
  for (let i = 1; i < nombre; i++) {
    const c = tries[Math.floor((i * tries.length) / nombre)];
    if (c !== undefined && c > min && c !== coupures[coupures.length - 1]) coupures.push(c);
  }
  const bornes = [min, ...coupures, max];
  return { bornes, couleurs: couleursPour(bornes.length - 1) };
}

/** The class index of a value, or null when the value is unknown or there is no class. */
export function classeDe(classes: Classes, valeur: number | null): number | null {
  const n = classes.couleurs.length;
  if (valeur === null || n === 0) return null;
  for (let i = n - 1; i > 0; i--) {
    const borne = classes.bornes[i];
    if (borne !== undefined && valeur >= borne) return i;
  }
  return 0;
}
