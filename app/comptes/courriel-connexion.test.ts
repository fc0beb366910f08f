import { describe, expect, it } from "vitest";
import { courrielLienConnexion } from "./courriel-connexion";

describe("courriel du lien de connexion", () => {
  const c = courrielLienConnexion({
    destinataire: "agent@exemple.fr",
    lien: "https://passerelle.bzh/connexion/lien?jeton=abc&retour=%2Fcompte",
    validiteMinutes: 15,
    // 16:52 in Paris (UTC+1 in November).
    demandeLe: new Date("2026-11-23T15:52:00Z"),
    appareil: "Firefox sur Linux",
  });

  it("partie texte : qui a demandé et quand, le lien, la validité, quoi faire si ce n'est pas vous", () => {
    expect(c.sujet).toBe("Votre lien de connexion à Passerelle");
    expect(c.texte).toContain("avec l'adresse agent@exemple.fr, le 23 novembre 2026 à 16 h 52, depuis : Firefox sur Linux.");
    expect(c.texte).toContain("\nhttps://passerelle.bzh/connexion/lien?jeton=abc&retour=%2Fcompte\n");
    expect(c.texte).toContain("Ce lien est valable 15 minutes et ne sert qu'une fois.");
    expect(c.texte).toContain("Si vous n'avez rien demandé, ignorez ce message");
  });

  it("partie HTML : en français, le lien en bouton et en clair, échappé", () => {
    expect(c.html).toContain('<html lang="fr">');
    expect(c.html.match(/href="https:\/\/passerelle\.bzh\/connexion\/lien\?jeton=abc&amp;retour=%2Fcompte"/g)).toHaveLength(2);
    expect(c.html).toContain("Me connecter à Passerelle");
    expect(c.html).toContain("l&#39;adresse agent@exemple.fr");
  });
});
