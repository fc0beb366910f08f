/** A route `handle` that asks the root layout for no site header and footer (the embed, framed by partners). */
export interface HandleSansChrome {
  sansChrome: true;
}

export function estSansChrome(handle: unknown): handle is HandleSansChrome {
  return typeof handle === "object" && handle !== null && "sansChrome" in handle && handle.sansChrome === true;
}
