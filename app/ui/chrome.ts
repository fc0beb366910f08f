/** A route `handle` that asks the root layout for no site header and footer (the embed, framed by partners). */
export interface HandleSansChrome {
  sansChrome: true;
}

export function estSansChrome(handle: unknown): handle is HandleSansChrome {
  return typeof handle === "object" && handle !== null && "sansChrome" in handle && handle.sansChrome === true;
}

/**
 * A route `handle` for pages that need no JavaScript at all (server-rendered maps and tables):
 * no hydration, so their data is not sent a second time as the hydration payload.
 */
export interface HandleSansScripts {
  sansScripts: true;
}

export function estSansScripts(handle: unknown): handle is HandleSansScripts {
  return typeof handle === "object" && handle !== null && "sansScripts" in handle && handle.sansScripts === true;
}
