import { describe, expect, it } from "vitest";
import { bornesUuid, codeCourt, normaliserCode } from "./code-court";

const ID = "3f2a9c10-b7e4-4d21-9a0b-5c6d7e8f9a01";

describe("code court d'un lieu", () => {
  it("prend les 8 premiers chiffres de l'UUID, lisibles : ABCD-1234", () => {
    expect(codeCourt(ID)).toBe("3F2A-9C10");
    expect(codeCourt(ID, 12)).toBe("3F2A-9C10-B7E4");
  });

  it("relit un code tapé à la main (casse, espaces, tirets, O pour 0, I ou l pour 1)", () => {
    expect(normaliserCode("3F2A-9C10")).toBe("3f2a9c10");
    expect(normaliserCode(" 3f2a 9c1O ")).toBe("3f2a9c10");
    expect(normaliserCode("3F2A-9C1l")).toBe("3f2a9c11");
    expect(normaliserCode("3F2A-9C10-B7E4")).toBe("3f2a9c10b7e4");
  });

  it("refuse ce qui ne peut pas être un code", () => {
    expect(normaliserCode("3F2A")).toBeUndefined();
    expect(normaliserCode("3F2A-9C1Z")).toBeUndefined();
    expect(normaliserCode("")).toBeUndefined();
  });

  it("donne l'intervalle d'UUID qui commencent par le code", () => {
    expect(bornesUuid("3f2a9c10")).toEqual(["3f2a9c10-0000-0000-0000-000000000000", "3f2a9c10-ffff-ffff-ffff-ffffffffffff"]);
    expect(bornesUuid("3f2a9c10b7e4")).toEqual(["3f2a9c10-b7e4-0000-0000-000000000000", "3f2a9c10-b7e4-ffff-ffff-ffffffffffff"]);
  });
});
