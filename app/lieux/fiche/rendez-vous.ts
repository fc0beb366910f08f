/** "Sur rendez-vous" is derived in one place, the search's filters; re-exported for the place-page modules. */
export { estSurRendezVous } from "../recherche/filtres";
