import type { NextFunction, Request, Response } from "express";

/** Baseline security headers on every response (the strict CSP with nonces comes with accounts). */
export function entetesSecurite(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "SAMEORIGIN");
  next();
}
