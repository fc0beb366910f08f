import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { ServerRouter, type AppLoadContext, type EntryContext } from "react-router";

/**
 * React Router's default Node entry, plus the Content-Security-Policy nonce of the request
 * (server/securite.ts): React and React Router put it on every inline script they write.
 */
export const streamTimeout = 5_000;

export default function handleRequest(request: Request, statut: number, entetes: Headers, routerContext: EntryContext, loadContext: AppLoadContext) {
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: statut, headers: entetes });
  const nonce = loadContext.nonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendu = false;
    const agent = request.headers.get("user-agent");
    // Robots and SPA mode wait for all content; people get the shell as soon as it is ready.
    const pret: keyof RenderToPipeableStreamOptions = (agent && isbot(agent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let minuterie: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} {...(nonce ? { nonce } : {})} />, {
      ...(nonce ? { nonce } : {}),
      [pret]() {
        shellRendu = true;
        const corps = new PassThrough({
          final(callback) {
            clearTimeout(minuterie);
            minuterie = undefined;
            callback();
          },
        });
        entetes.set("Content-Type", "text/html");
        pipe(corps);
        resolve(new Response(createReadableStreamFromReadable(corps), { headers: entetes, status: statut }));
      },
      onShellError(erreur: unknown) {
        reject(erreur);
      },
      onError(erreur: unknown) {
        statut = 500;
        // Errors of the initial shell are logged by React Router itself.
        if (shellRendu) console.error(erreur);
      },
    });
  });
}
