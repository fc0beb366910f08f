import type { Fiche, LieuFiche } from "~/orientation/fiche";
import { majuscule, MENTION_DONNEES, TEXTE_CODE_ORIENTATION, texteJour } from "~/orientation/fiche";

/** The printable sheet itself (the route adds the screen-only tools above it). */
export function FicheOrientation({ fiche, qr }: { fiche: Fiche; qr: Record<string, string> }) {
  return (
    <>
      <div className="fiche-entete">
        <p>Faite le {fiche.date}.</p>
        {fiche.codeOrientation ? (
          <p className="fiche-code-orientation">
            <strong>Code d'orientation :</strong> <span className="fiche-code">{fiche.codeOrientation}</span> — {TEXTE_CODE_ORIENTATION}
          </p>
        ) : null}
        {fiche.prenom ? (
          <p>
            <strong>Pour :</strong> {fiche.prenom}
          </p>
        ) : null}
        {fiche.structure ? (
          <p>
            <strong>Orienté par :</strong> {fiche.structure}
          </p>
        ) : null}
        {fiche.besoins.length > 0 ? (
          <p>
            <strong>Pour vous aider à :</strong> {fiche.besoins.join(", ")}
          </p>
        ) : null}
      </div>
      <section aria-labelledby="titre-apporter" className="a-apporter">
        <h2 id="titre-apporter">Ce qu'il faut apporter</h2>
        <ul>
          {fiche.aApporter.map((o) => (
            <li key={o.objet}>
              <strong>{o.objet}</strong> : {o.pourquoi}
            </li>
          ))}
        </ul>
      </section>
      {fiche.lieux.map((l, i) => (
        <LieuSurFiche key={l.id} lieu={l} qr={qr[l.id]} numero={i + 1} total={fiche.lieux.length} />
      ))}
      <p className="fiche-mention">{MENTION_DONNEES} Fiche faite avec Passerelle, l'annuaire des lieux de médiation numérique de Bretagne.</p>
    </>
  );
}

function LieuSurFiche({ lieu, qr, numero, total }: { lieu: LieuFiche; qr: string | undefined; numero: number; total: number }) {
  const titre = `titre-lieu-${lieu.id}`;
  const adresseCourte = lieu.lienCourt.replace(/^https?:\/\//, "");
  return (
    <section className="fiche-lieu" aria-labelledby={titre}>
      <h2 id={titre}>
        {total > 1 ? <span className="fiche-numero">Lieu {numero} sur {total} : </span> : null}
        {lieu.nom}
      </h2>
      <div className="fiche-lieu-haut">
        <div>
          <p>
            <strong>Adresse :</strong>
            <br />
            {lieu.adresse.map((ligne, i) => (
              <span key={ligne}>
                {i > 0 ? <br /> : null}
                {ligne}
              </span>
            ))}
          </p>
          <p>
            <strong>Code du lieu :</strong> <span className="fiche-code">{lieu.code}</span>
            <br />
            Pour revoir ce lieu sur internet, tapez <span className="fiche-url">{adresseCourte}</span> ou scannez le code QR.
          </p>
        </div>
        {qr ? (
          <div className="fiche-qr">
            <img src={qr} alt={`Code QR vers la page du lieu ${lieu.nom}`} width="136" height="136" />
          </div>
        ) : null}
      </div>
      <h3>Horaires de cette semaine</h3>
      {lieu.semaine.length === 0 ? (
        <p>Le lieu n'a pas publié ses horaires : téléphonez avant de venir.</p>
      ) : (
        <table className="fiche-horaires">
          <caption className="visuellement-cache">Horaires de {lieu.nom} cette semaine</caption>
          <tbody>
            {lieu.semaine.map((j) => (
              <tr key={j.jour}>
                <th scope="row">{majuscule(j.jour)}</th>
                <td>{texteJour(j)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Comment y aller</h3>
      <ul>
        {lieu.acces.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      {lieu.telephone ? (
        <p>
          <strong>Téléphone :</strong> <a href={`tel:${lieu.telephone.replace(/\s/g, "")}`}>{lieu.telephone}</a>
        </p>
      ) : null}
      {lieu.courriel ? (
        <p>
          <strong>Courriel :</strong> <a href={`mailto:${lieu.courriel}`}>{lieu.courriel}</a>
        </p>
      ) : null}
      {lieu.priseRdv ? (
        <p>
          <strong>Prendre rendez-vous sur internet :</strong> <a href={lieu.priseRdv}>{lieu.priseRdv}</a>
        </p>
      ) : null}
    </section>
  );
}
