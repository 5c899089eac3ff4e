import 'server-only'
import QRCode from 'qrcode'

/**
 * A QR code as an SVG drawn on the server (node-qrcode): crisp at any size and in print, no script on
 * the page. Error correction M (15 %): a poster may be creased or a screen catch a reflection.
 */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
}
