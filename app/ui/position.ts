/**
 * Asks the browser for the person's position and writes it into a form's hidden `lat`/`lon`
 * fields, emptying `ou` (a place typed and a position exclude each other).
 */
export function localiserDansFormulaire(form: HTMLFormElement, suite: { trouve: () => void; introuvable: () => void }): void {
  navigator.geolocation.getCurrentPosition(
    (position) => {
      const champ = (nom: string) => form.elements.namedItem(nom);
      const lat = champ("lat");
      const lon = champ("lon");
      const ou = champ("ou");
      if (lat instanceof HTMLInputElement && lon instanceof HTMLInputElement) {
        lat.value = position.coords.latitude.toFixed(5);
        lon.value = position.coords.longitude.toFixed(5);
      }
      if (ou instanceof HTMLInputElement) ou.value = "";
      suite.trouve();
    },
    suite.introuvable,
    { timeout: 10_000, maximumAge: 300_000 },
  );
}
