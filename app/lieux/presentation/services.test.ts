import { describe, expect, it } from "vitest";
import { SERVICES } from "../standard/enumerations";
import { EXPLICATIONS_SERVICES, explicationService } from "./services";

describe("explications des services", () => {
  it("explique chacun des 9 services du standard, une seule fois", () => {
    expect(EXPLICATIONS_SERVICES.map((e) => e.service).sort()).toEqual([...SERVICES].sort());
    expect(explicationService("Aide aux démarches administratives")?.libelle).toBe("Faire une démarche en ligne");
    expect(explicationService("Cuisine")).toBeUndefined();
  });
});
