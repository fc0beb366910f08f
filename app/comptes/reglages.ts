/** Settings of sign-in shown on pages as well as applied by the server. */
export const VALIDITE_LIEN_MINUTES = 15;
/** Link requests per client address. */
export const LIMITE_LIENS = { fenetreSecondes: 15 * 60, max: 5 };
