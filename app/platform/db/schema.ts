/** Every table of Passerelle, for Drizzle and drizzle-kit. Each module owns its tables. */
export * from "../../lieux/lieux.schema";
export * from "../../diagnostic/indicateurs/indicateurs.schema";
export * from "../../comptes/comptes.schema";
export * from "../courriel/courriels.schema";
export * from "../../structures/structures.schema";
export * from "../audit/audit.schema";
export * from "../../lieux/signalements/signalements.schema";
export * from "../../lieux/fraicheur/fraicheur.schema";
export * from "../../orientation/suivi/orientations.schema";
export * from "../../remontees/remontees.schema";
