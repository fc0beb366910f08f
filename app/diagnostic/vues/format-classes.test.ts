import { describe, expect, it } from "vitest";
import { calculerClasses, classeDe, PALETTE } from "./classes";
import { decimalTableur, formaterDateLongue, formaterDecimal, formaterEntier, formaterIndice, formaterKm, formaterScore, formaterTaux, INCONNU } from "./format";

/** Intl writes French thousands and the percent sign with a narrow no-break space (U+202F). */
const e = "\u202f";
const nb = "\u00a0";

describe("format", () => {
  it("writes numbers in French and unknown values as « inconnu »", () => {
    expect(formaterEntier(5607)).toBe(`5${e}607`);
    expect(formaterEntier(null)).toBe(INCONNU);
    expect(formaterDecimal(10.6998)).toBe("10,7");
    expect(formaterDecimal(0)).toBe("0");
    expect(formaterTaux(2300 / 5607)).toBe(`41${e}%`);
    expect(formaterTaux(0.1234)).toBe(`12,3${e}%`);
    expect(formaterKm(16.44)).toBe(`16,4${nb}km`);
    expect(formaterScore(7)).toBe(`7,0${nb}/${nb}10`);
    expect(formaterIndice(-0.1666)).toBe("-0,17");
    for (const f of [formaterDecimal, formaterTaux, formaterKm, formaterScore, formaterIndice]) expect(f(null)).toBe("inconnu");
  });

  it("writes spreadsheet decimals with a comma and no separator", () => {
    expect(decimalTableur(12345.678)).toBe("12345,68");
    expect(decimalTableur(null)).toBe("");
  });

  it("dates the report in Paris time", () => {
    expect(formaterDateLongue("2026-05-03T23:30:00.000Z")).toBe("4 mai 2026");
  });
});

describe("classes", () => {
  it("cuts ten values into five classes of two, unknown values left out", () => {
    const c = calculerClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null]);
    expect(c.bornes).toEqual([1, 3, 5, 7, 9, 10]);
    expect(c.couleurs).toEqual([...PALETTE]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => classeDe(c, v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(classeDe(c, null)).toBeNull();
  });

  it("makes fewer classes when values repeat, and keeps the lightest and darkest colours", () => {
    // Many communes without a place: the zeros form one class, no empty class.
    const c = calculerClasses([0, 0, 0, 0, 0, 0, 3, 5, 8, 10]);
    expect(c.bornes).toEqual([0, 3, 8, 10]);
    expect(c.couleurs).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
    expect([0, 3, 5, 8, 10].map((v) => classeDe(c, v))).toEqual([0, 1, 1, 2, 2]);
  });

  it("gives the maximum a class of its own when it is a cut", () => {
    const c = calculerClasses([6.8, 6.8, 6.8, 7.4]);
    expect(c.bornes).toEqual([6.8, 7.4, 7.4]);
    expect([6.8, 7.4].map((v) => classeDe(c, v))).toEqual([0, 1]);
  });

  it("has one class for a single value and none without values", () => {
    expect(calculerClasses([4, 4])).toEqual({ bornes: [4, 4], couleurs: [PALETTE[2]] });
    expect(classeDe(calculerClasses([4, 4]), 4)).toBe(0);
    expect(calculerClasses([null, null])).toEqual({ bornes: [], couleurs: [] });
  });
});
