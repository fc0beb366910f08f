/** The shared look of Passerelle's mails: a plain-text part always, and a simple HTML part. */

export function echapperHtml(texte: string): string {
  return texte.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A block of the HTML part: a paragraph, or a button-like link (its address also written out). */
export type Bloc = { paragraphe: string } | { bouton: string; lien: string };

/** The HTML part: French, readable without images or styles, the link also shown in full. */
export function miseEnPage(titre: string, blocs: readonly Bloc[]): string {
  const corps = blocs
    .map((b) =>
      "paragraphe" in b
        ? `<p style="margin:0 0 16px">${echapperHtml(b.paragraphe)}</p>`
        : `<p style="margin:24px 0"><a href="${echapperHtml(b.lien)}" style="background:#1e3a8a;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:bold">${echapperHtml(b.bouton)}</a></p>` +
          `<p style="margin:0 0 16px;font-size:14px;color:#55606e">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br><a href="${echapperHtml(b.lien)}" style="color:#1e3a8a;word-break:break-all">${echapperHtml(b.lien)}</a></p>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${echapperHtml(titre)}</title></head>
<body style="margin:0;padding:24px;font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328">
<p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:#1e3a8a">Passerelle</p>
<h1 style="font-size:20px;margin:0 0 16px">${echapperHtml(titre)}</h1>
${corps}
<p style="margin:32px 0 0;font-size:14px;color:#55606e">Passerelle — la plateforme de l'écosystème de l'inclusion numérique. Ce message est envoyé automatiquement, ne répondez pas.</p>
</body>
</html>
`;
}

/** "23 novembre 2026 à 15 h 52", in Paris time (mails are read in France whatever the server's zone). */
export function dateHeureEnFrancais(instant: Date): string {
  const jour = instant.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const heure = instant.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }).replace(":", " h ");
  return `${jour} à ${heure}`;
}
