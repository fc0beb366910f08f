import { describe, expect, it } from "vitest";
import { libelleAppareil } from "./appareil";

describe("libelleAppareil", () => {
  it("nomme le navigateur et le système que la personne reconnaît", () => {
    expect(libelleAppareil("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).toBe("Edge sur Windows");
    expect(libelleAppareil("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")).toBe("Chrome sur Windows");
    expect(libelleAppareil("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox sur Linux");
    expect(libelleAppareil("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe("Safari sur iPhone");
    expect(libelleAppareil("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari sur macOS");
    expect(libelleAppareil("Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36")).toBe("Samsung Internet sur Android");
  });

  it("sans User-Agent ou inconnu : « Appareil inconnu » ; à moitié connu : ce qu'on sait", () => {
    expect(libelleAppareil(null)).toBe("Appareil inconnu");
    expect(libelleAppareil("curl/8.5.0")).toBe("Appareil inconnu");
    expect(libelleAppareil("Mozilla/5.0 (X11; Linux x86_64)")).toBe("Linux");
  });
});
