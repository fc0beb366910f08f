/** Every table of Passerelle, for Drizzle and drizzle-kit. Each module owns its tables. */
export * from "../../lieux/lieux.schema";
export * from "../../diagnostic/indicateurs/indicateurs.schema";
