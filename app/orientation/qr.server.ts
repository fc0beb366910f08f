import QRCode from "qrcode";

/** QR codes to a place page: medium error correction survives a creased or badly printed sheet. */
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/** An SVG data URL, for an <img> on the sheet page (crisp when printed at any size). */
export async function qrSvgDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { ...OPTIONS, type: "svg" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** A PNG, for the PDF (pdfkit embeds PNG and JPEG images). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: "png", scale: 8 });
}
