import type { AppLoadContext } from "react-router";
import { exigerSession } from "~/comptes/session.server";
import { ErreurPasserelle } from "~/platform/erreurs";
import { droitsDe } from "~/structures/droits.server";
import { filtresExportDepuis, fluxCsv, fluxXlsx, preparerExport } from "./exports.server";

const TEXTE = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/** The two export routes: session (redirect to sign in), filters (400 naming them), membership (403), then the streamed file. */
export async function repondreExport(request: Request, context: AppLoadContext, format: "csv" | "xlsx"): Promise<Response> {
  const session = await exigerSession(request, context);
  const droits = await droitsDe(context.db, session.utilisateur, context.referentiel);
  const f = filtresExportDepuis(new URL(request.url), droits?.membres.map((m) => m.structureId) ?? []);
  if ("erreurs" in f) return new Response(`Paramètres invalides : ${Object.entries(f.erreurs).map(([p, m]) => `${p} (${m})`).join(" ; ")}`, { status: 400, headers: TEXTE });
  try {
    await preparerExport(context.db, droits, f, format);
  } catch (e) {
    if (e instanceof ErreurPasserelle && e.code === "interdit") return new Response(e.message, { status: 403, headers: TEXTE });
    throw e;
  }
  const jour = new Date().toISOString().slice(0, 10);
  const nom = `orientations-${f.sens}-${jour}.${format}`;
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(format === "csv" ? fluxCsv(context.db, f) : fluxXlsx(context.db, f), {
    headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${nom}"`, "Cache-Control": "private, no-store" },
  });
}
