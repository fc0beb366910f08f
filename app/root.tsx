import { isRouteErrorResponse, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData, type ShouldRevalidateFunction } from "react-router";
import { porteCookieSession } from "./comptes/cookie-session.server";
import { estSansChrome, estSansScripts } from "./ui/chrome";
import type { Route } from "./+types/root";
import "./styles.css";

/** "Se connecter" or "Mon compte" in the header: the cookie's presence only, no database read. */
export function loader({ request, context }: Route.LoaderArgs) {
  // The Content-Security-Policy nonce of this response, for <Scripts> and <ScrollRestoration> (server/securite.ts).
  return { connecte: porteCookieSession(request, context.config), nonce: context.nonce };
}

// Only sign-in and sign-out (POST forms) change it; searches and navigations need not ask again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== "GET" && defaultShouldRevalidate;

export function Layout({ children }: { children: React.ReactNode }) {
  // The embed (framed on partners' sites) has no site header or footer.
  const matches = useMatches();
  const sansChrome = matches.some((m) => estSansChrome(m.handle));
  const sansScripts = matches.some((m) => estSansScripts(m.handle));
  const racine = useRouteLoaderData<typeof loader>("root");
  const connecte = racine?.connecte ?? false;
  const nonce = racine?.nonce;
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className={sansChrome ? "embed" : undefined}>
        <a className="lien-evitement" href="#contenu">
          Aller au contenu
        </a>
        {sansChrome ? null : (
          <header className="entete" role="banner">
            <a href="/" className="marque">
              Passerelle <span>Bretagne</span>
            </a>
            <nav aria-label="Navigation principale">
              <ul>
                <li>
                  <NavLink to="/" end>
                    Accueil
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/lieux">Trouver un lieu</NavLink>
                </li>
                <li>
                  <NavLink to="/orientation">Être orienté</NavLink>
                </li>
                <li>
                  <NavLink to="/a-propos-des-donnees">À propos des données</NavLink>
                </li>
                {connecte ? (
                  <li>
                    <NavLink to="/orientations">Orientations</NavLink>
                  </li>
                ) : null}
                {connecte ? (
                  <li>
                    <NavLink to="/remontees">Remontées</NavLink>
                  </li>
                ) : null}
                <li>{connecte ? <NavLink to="/compte">Mon compte</NavLink> : <NavLink to="/connexion">Se connecter</NavLink>}</li>
              </ul>
            </nav>
          </header>
        )}
        <main id="contenu" tabIndex={-1}>
          {children}
        </main>
        {sansChrome ? null : (
          <footer className="pied" role="contentinfo">
            <p>Passerelle — la plateforme de l'écosystème de l'inclusion numérique en Bretagne. Données ouvertes sous Licence Ouverte 2.0.</p>
          </footer>
        )}
        {sansScripts ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const introuvable = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="erreur">
      <h1>{introuvable ? "Page introuvable" : "Une erreur est survenue"}</h1>
      <p>{introuvable ? "L'adresse demandée n'existe pas ou plus." : "Réessayez dans un instant. Si le problème persiste, contactez l'équipe du hub."}</p>
      <p>
        <a href="/">Retour à l'accueil</a>
      </p>
    </section>
  );
}
